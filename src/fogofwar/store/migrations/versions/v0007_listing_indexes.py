"""Indexes for paged listings on large stores (p95 under 100 ms at a million claims).

Event listings walk ``event_versions`` in listing order (``coalesce(date_start, '')`` then
``event_id``, both descending) and stop after one page; "is this the newest version of its
event" is an index seek on ``(event_id, pk)``. Claim pages filtered by a column seek on
``(column, pk)`` (SQLite's single-column indexes already end in the rowid; PostgreSQL's do not).
Article listings walk ``(coalesce(published, captured_estimate), pk)``.

Revision ID: 0007_listing_indexes
Revises: 0004_event_filters
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_listing_indexes"
down_revision: str | None = "0006_search_stems"
branch_labels: str | None = None
depends_on: str | None = None

_DAY = sa.text("coalesce(date_start, '')")
_WHEN = sa.text("coalesce(published, captured_estimate)")


def upgrade() -> None:
    """Create the listing indexes."""
    op.create_index("ix_event_versions_order", "event_versions", [_DAY, "event_id"])
    op.create_index("ix_event_versions_kind_order", "event_versions", ["kind", _DAY, "event_id"])
    op.create_index("ix_event_versions_event_pk", "event_versions", ["event_id", "pk"])
    op.create_index("ix_articles_when", "articles", [_WHEN, "pk"])
    if op.get_bind().dialect.name == "postgresql":
        for column in ("kind", "source_kind", "certainty", "lang"):
            op.create_index(f"ix_claims_{column}_pk", "claims", [column, "pk"])


def downgrade() -> None:
    """Drop them."""
    if op.get_bind().dialect.name == "postgresql":
        for column in ("kind", "source_kind", "certainty", "lang"):
            op.drop_index(f"ix_claims_{column}_pk", "claims")
    op.drop_index("ix_articles_when", "articles")
    for name in ("ix_event_versions_event_pk", "ix_event_versions_kind_order"):
        op.drop_index(name, "event_versions")
    op.drop_index("ix_event_versions_order", "event_versions")
