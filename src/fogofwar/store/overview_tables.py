"""SQLAlchemy Core views of the overview tables (migration ``0010_overview_tables``): what the
places listing, the country filter and the sources page read instead of scanning the store.

- ``event_version_places (key, day, event_id, version)``: one row per version and place key
  (its upper-cased country and location), indexed in listing order like the flag rows: the
  country filter walks the index of that key.
- ``place_counts``: live events per (location, country, admin1, kind) — kept as versions are
  appended (the previous version's place leaves, the new one's comes); ``''`` for none.
- ``claim_sources``: each stored claim's source as evidence (label and kind, as
  :func:`~fogofwar.events.sources.source_of` tells them), certainty, language and its
  article's published day (``''`` undated); written with the claims.
- ``source_totals`` and ``source_facets``: per source, claims, articles, first reports; per
  certainty and language, claims — kept by the same writes.
- ``event_first_sources``: the source of each live event's earliest-published claim.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "claim_sources",
    "event_first_sources",
    "event_version_places",
    "metadata",
    "place_counts",
    "source_facets",
    "source_totals",
]

metadata = sa.MetaData()

event_version_places = sa.Table(
    "event_version_places",
    metadata,
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("day", sa.Text, nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

place_counts = sa.Table(
    "place_counts",
    metadata,
    sa.Column("location", sa.Text, primary_key=True),
    sa.Column("country", sa.Text, primary_key=True),
    sa.Column("admin1", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
)

claim_sources = sa.Table(
    "claim_sources",
    metadata,
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("pipeline_version", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("certainty", sa.Text, nullable=False),
    sa.Column("lang", sa.Text, nullable=False),
    sa.Column("published", sa.Text, nullable=False),
)

source_totals = sa.Table(
    "source_totals",
    metadata,
    sa.Column("label", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("claims", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("first_reports", sa.Integer, nullable=False),
)

source_facets = sa.Table(
    "source_facets",
    metadata,
    sa.Column("label", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("facet", sa.Text, primary_key=True),  # "certainty" or "lang"
    sa.Column("value", sa.Text, primary_key=True),
    sa.Column("claims", sa.Integer, nullable=False),
)

event_first_sources = sa.Table(
    "event_first_sources",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
)
