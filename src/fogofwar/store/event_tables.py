"""SQLAlchemy Core views of the events layer's tables (migrations ``0003_events``,
``0004_event_filters`` and ``0009_event_index_tables``).

Append-only: ``event_claims`` (one row per link decision, newest per claim wins),
``event_versions`` (one row per event version), ``event_decisions``. Registries:
``events`` (first sighting), ``article_groups`` (near-duplicate groups with MinHash
signatures). Linker state, rewritten as events grow: ``event_profiles`` and ``event_blocks``.
Timestamps are ISO 8601 text, like the rest of the store.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "article_groups",
    "event_blocks",
    "event_claims",
    "event_decisions",
    "event_profiles",
    "event_version_articles",
    "event_version_flags",
    "event_versions",
    "events",
    "metadata",
]

metadata = sa.MetaData()

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("first_seen", sa.Text, nullable=False),
)

event_claims = sa.Table(
    "event_claims",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Text, nullable=False, index=True),
    sa.Column("claim_id", sa.Text, nullable=False, index=True),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("new_event", sa.Boolean, nullable=False),
    sa.Column("decided_by", sa.Text, nullable=False),
    sa.Column("nearest", sa.Text),
    sa.Column("reasons", sa.Text, nullable=False),  # JSON [[field, detail, weight], ...]
    sa.Column("valid_from", sa.Text, nullable=False),
)

event_versions = sa.Table(
    "event_versions",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("valid_from", sa.Text, nullable=False, index=True),
    sa.Column("retired", sa.Boolean, nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # events-v1 JSON
    # filter columns copied from the record (migration 0004_event_filters)
    sa.Column("kind", sa.Text, index=True),
    sa.Column("country_key", sa.Text),  # upper-cased in Python
    sa.Column("location_key", sa.Text),  # upper-cased in Python
    sa.Column("date_start", sa.Text),
    sa.Column("date_end", sa.Text),
    sa.Column("flags", sa.Text),  # "|code|code|"
    sa.Column("articles", sa.Text),  # "|id|id|"
    sa.UniqueConstraint("event_id", "version", name="uq_event_versions"),
)

# one row per (version, flag code) and per (version, article id): the flag and article filters
# find versions by index (migration 0009_event_index_tables); ``day`` = coalesce(date_start, '')
event_version_flags = sa.Table(
    "event_version_flags",
    metadata,
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("day", sa.Text, nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

event_version_articles = sa.Table(
    "event_version_articles",
    metadata,
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

event_decisions = sa.Table(
    "event_decisions",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("other", sa.Text),
    sa.Column("claim_ids", sa.Text, nullable=False),  # JSON list
    sa.Column("decided_at", sa.Text),
    sa.Column("note", sa.Text, nullable=False),
)

article_groups = sa.Table(
    "article_groups",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("group_id", sa.Text, nullable=False, index=True),
    sa.Column("similarity", sa.Float, nullable=False),
)

event_profiles = sa.Table(
    "event_profiles",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("grp", sa.Text, nullable=False),
    sa.Column("kinds", sa.Text, nullable=False),
    sa.Column("start_day", sa.Integer, nullable=False),
    sa.Column("end_day", sa.Integer, nullable=False),
    sa.Column("countries", sa.Text, nullable=False),
    sa.Column("admin1s", sa.Text, nullable=False),
    sa.Column("places", sa.Text, nullable=False),
    sa.Column("actors", sa.Text, nullable=False),
    sa.Column("killed_low", sa.Integer),
    sa.Column("killed_high", sa.Integer),
    sa.Column("n_claims", sa.Integer, nullable=False),
    sa.Column("embedding", sa.LargeBinary),
    # migration 0012_profile_languages: per-language mean embeddings ("de:2\x1fuk:1" and
    # their vectors concatenated in that order); NULL on profiles stored before
    sa.Column("langs", sa.Text),
    sa.Column("lang_embeddings", sa.LargeBinary),
    # migration 0013_profile_districts: "ISO3/admin1/district" of the event's towns and
    # districts, joined like admin1s; NULL on profiles stored before
    sa.Column("districts", sa.Text),
)

event_blocks = sa.Table(
    "event_blocks",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("event_id", sa.Text, primary_key=True, index=True),
)
