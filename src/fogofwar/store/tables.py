"""SQLAlchemy Core views of the store's tables, used to build queries.

The tables themselves are created by the Alembic revisions in ``migrations/versions``; this
module only mirrors the columns the store reads and writes (backend-specific objects such as the
SQLite FTS5 table and the PostgreSQL ``search`` tsvector column are referenced by name).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["READ_STATUSES", "articles", "claims", "metadata", "rejections"]

metadata = sa.MetaData()

READ_STATUSES = ("pending", "read", "not_read")

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.Text, nullable=False, unique=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("headline", sa.Text),
    sa.Column("standfirst", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("authors", sa.Text, nullable=False),
    sa.Column("published", sa.Text),
    sa.Column("published_precision", sa.Text),
    sa.Column("relative_stamp", sa.Text),
    sa.Column("captured_estimate", sa.Text),
    sa.Column("section", sa.Text),
    sa.Column("image_credits", sa.Text, nullable=False),
    sa.Column("language", sa.Text, nullable=False),
    sa.Column("language_confidence", sa.Float),
    sa.Column("ingested_at", sa.Text),
    sa.Column("source_format", sa.Text, nullable=False),
    sa.Column("read_status", sa.Text, nullable=False),
    sa.Column("read_reason", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("publisher_key", sa.Text),
    sa.Column("published_at", sa.Text),
    sa.Column("forwarded_from", sa.Text),
    sa.Column("reply_to", sa.Text),
    sa.Column("stems", sa.Text),  # what full-text search indexes (store/stems.py)
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("input", sa.Text, nullable=False),
    sa.Column("stage", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    # migration 0006_reliability: one row per (input, stage, reason), counted
    sa.Column("fingerprint", sa.Text, unique=True),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("last_at", sa.Text),
    # migration 0011_rejection_dates: the publication date found before the rejection
    sa.Column("published", sa.Text),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.Text, nullable=False, unique=True),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("pipeline_version", sa.Text, nullable=False),
    sa.Column("lang", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("source_kind", sa.Text, nullable=False),
    sa.Column("certainty", sa.Text, nullable=False),
    sa.Column("in_headline", sa.Boolean, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
)
