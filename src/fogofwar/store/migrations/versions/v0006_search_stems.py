"""Full-text search over word stems, so a query finds inflected forms in every language.

Revision ID: 0006_search_stems
Revises: 0004_event_filters

Articles get a ``stems`` column: the Snowball stems of title and text in the article's language
(``fogofwar/store/stems.py``), written by the store with each article and filled here for the
stored ones. SQLite's FTS5 table now indexes ``stems`` (external content, kept in sync by
triggers); PostgreSQL's generated ``search`` tsvector is rebuilt over ``stems`` with the
``simple`` configuration (the stemming is already done, so no server dictionaries or
extensions are needed).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fogofwar.store.rows import article_stems

revision = "0006_search_stems"
down_revision: str | None = "0005_publisher"
branch_labels: str | None = None
depends_on: str | None = None

_BATCH = 500

_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS articles_fts_ai",
    "DROP TRIGGER IF EXISTS articles_fts_ad",
    "DROP TABLE IF EXISTS articles_fts",
]
_SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        stems, content='articles', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, stems) VALUES (new.pk, new.stems);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, stems) VALUES ('delete', old.pk, old.stems);
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]
_POSTGRESQL = [
    "DROP INDEX IF EXISTS ix_articles_search",
    "ALTER TABLE articles DROP COLUMN IF EXISTS search",
    """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(stems, ''))) STORED""",
    "CREATE INDEX ix_articles_search ON articles USING gin (search)",
]


def _fill_stems() -> None:
    bind = op.get_bind()
    table = sa.table(
        "articles",
        sa.column("pk"),
        sa.column("title"),
        sa.column("text"),
        sa.column("language"),
        sa.column("stems"),
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(table.c.pk, table.c.title, table.c.text, table.c.language)
            .where(table.c.pk > last)
            .order_by(table.c.pk)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        for pk, title, text, language in rows:
            stems = article_stems(title, text, language)
            bind.execute(table.update().where(table.c.pk == pk).values(stems=stems))
        last = rows[-1][0]


def upgrade() -> None:
    """Add and fill ``stems``; index it instead of the raw title and text."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for statement in _SQLITE_DROP:
            op.execute(statement)
    op.add_column("articles", sa.Column("stems", sa.Text))
    _fill_stems()
    for statement in _SQLITE_CREATE if sqlite else _POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    """Index the raw title and text again, as revision 0001 did."""
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_DROP:
            op.execute(statement)
        op.drop_column("articles", "stems")
        for statement in (
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
            "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        ):
            op.execute(statement)
        return
    op.execute("DROP INDEX IF EXISTS ix_articles_search")
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
    op.drop_column("articles", "stems")
    op.execute(
        """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED"""
    )
    op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")
