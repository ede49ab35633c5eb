"""Articles, rejections and full-text search.

Revision ID: 0001_articles
Revises: (none)

SQLite gets an FTS5 external-content table over title and text, kept in sync by triggers;
PostgreSQL gets a stored ``search`` tsvector column with a GIN index. On both, title, text and
content hash can never be updated (a trigger aborts): body text is stored once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_articles"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_SQLITE = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF title, text, content_hash
    ON articles BEGIN
        SELECT RAISE(ABORT, 'article title, text and content_hash are stored once');
    END""",
]

_POSTGRESQL = [
    """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED""",
    "CREATE INDEX ix_articles_search ON articles USING gin (search)",
    """CREATE FUNCTION fogofwar_article_text_immutable() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'article title, text and content_hash are stored once';
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF title, text, content_hash
    ON articles FOR EACH ROW EXECUTE FUNCTION fogofwar_article_text_immutable()""",
]


def upgrade() -> None:
    """Create articles, rejections and the backend's full-text index."""
    op.create_table(
        "articles",
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
        sa.Column("stored_at", sa.DateTime, nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("content_hash <> ''", name="ck_articles_content_hash"),
        sa.CheckConstraint("text <> ''", name="ck_articles_text"),
        sa.CheckConstraint(
            "language_confidence IS NULL"
            " OR (language_confidence >= 0 AND language_confidence <= 1)",
            name="ck_articles_language_confidence",
        ),
        sa.CheckConstraint(
            "read_status IN ('pending', 'read', 'not_read')", name="ck_articles_read_status"
        ),
    )
    op.create_index("ix_articles_language", "articles", ["language"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("stage", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )
    op.create_index("ix_rejections_reason", "rejections", ["reason"])
    statements = _SQLITE if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    """Drop everything :func:`upgrade` created."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("rejections")
    op.drop_table("articles")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS fogofwar_article_text_immutable()")
