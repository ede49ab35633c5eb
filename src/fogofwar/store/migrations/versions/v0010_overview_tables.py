"""Overview tables: what ``/api/places``, the country filter and the sources page read
instead of a pass over every event or claim (see ``fogofwar/store/overview_tables.py``).

- ``event_version_places (key, day, event_id, version)`` indexed ``(key, day, event_id)``:
  the country filter walks the index of one place key in listing order, as the flag filter;
- ``place_counts``: live events per (location, country, admin1, kind);
- ``claim_sources`` (each claim's source, certainty, language, published day), indexed by
  ``(article_id, pipeline_version)`` and ``(article_id, label, kind)``;
- ``source_totals`` and ``source_facets``: per-source counts; ``event_first_sources``: each
  live event's first reporter, indexed by ``(label, kind)``.

Existing stores are filled by :func:`fogofwar.store.overview.rebuild` (a pass over every claim
and version: minutes at a million claims, once).

Revision ID: 0010_overview_tables
Revises: 0009_event_index_tables
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_overview_tables"
down_revision: str | None = "0009_event_index_tables"
branch_labels: str | None = None
depends_on: str | None = None

_TABLES = (
    "event_first_sources",
    "source_facets",
    "source_totals",
    "claim_sources",
    "place_counts",
    "event_version_places",
)


def upgrade() -> None:
    """Create the tables and their indexes, fill them from what is stored."""
    text, integer = sa.Text, sa.Integer
    op.create_table(
        "event_version_places",
        sa.Column("key", text, nullable=False),
        sa.Column("day", text, nullable=False),
        sa.Column("event_id", text, nullable=False),
        sa.Column("version", integer, nullable=False),
    )
    op.create_table(
        "place_counts",
        sa.Column("location", text, primary_key=True),
        sa.Column("country", text, primary_key=True),
        sa.Column("admin1", text, primary_key=True),
        sa.Column("kind", text, primary_key=True),
        sa.Column("events", integer, nullable=False),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
    )
    op.create_table(
        "claim_sources",
        sa.Column("claim_id", text, primary_key=True),
        sa.Column("article_id", text, nullable=False),
        sa.Column("pipeline_version", text, nullable=False),
        sa.Column("label", text, nullable=False),
        sa.Column("kind", text, nullable=False),
        sa.Column("certainty", text, nullable=False),
        sa.Column("lang", text, nullable=False),
        sa.Column("published", text, nullable=False),
    )
    op.create_table(
        "source_totals",
        sa.Column("label", text, primary_key=True),
        sa.Column("kind", text, primary_key=True),
        sa.Column("claims", integer, nullable=False),
        sa.Column("articles", integer, nullable=False),
        sa.Column("first_reports", integer, nullable=False),
    )
    op.create_table(
        "source_facets",
        sa.Column("label", text, primary_key=True),
        sa.Column("kind", text, primary_key=True),
        sa.Column("facet", text, primary_key=True),
        sa.Column("value", text, primary_key=True),
        sa.Column("claims", integer, nullable=False),
    )
    op.create_table(
        "event_first_sources",
        sa.Column("event_id", text, primary_key=True),
        sa.Column("label", text, nullable=False),
        sa.Column("kind", text, nullable=False),
    )
    op.create_index("ix_claim_sources_article", "claim_sources", ["article_id", "pipeline_version"])
    op.create_index("ix_claim_sources_cited", "claim_sources", ["article_id", "label", "kind"])
    op.create_index("ix_event_first_sources_source", "event_first_sources", ["label", "kind"])
    op.create_index("ix_source_totals_claims", "source_totals", ["claims"])
    from fogofwar.store.overview import rebuild

    rebuild(op.get_bind())
    op.create_index(
        "ix_event_version_places_order", "event_version_places", ["key", "day", "event_id"]
    )


def downgrade() -> None:
    """Drop the tables (everything in them is derived)."""
    for table in _TABLES:
        op.drop_table(table)
