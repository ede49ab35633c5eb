"""Index tables for the event filters that were substring scans: flags and article ids.

``event_versions.flags`` and ``.articles`` are ``|a|b|`` lists matched with ``LIKE '%|x|%'``,
which reads every version (a second at 125,000 events). Each version's flag codes and article
ids now also get one row each:

- ``event_version_flags (code, day, event_id, version)``, indexed in listing order
  (``day`` = ``coalesce(date_start, '')``): a flag listing walks the index of that code and
  stops after one page;
- ``event_version_articles (article_id, event_id, version)``: an article id (or prefix) finds
  its versions by index.

Rows are written with their version (append-only, like the versions); existing versions are
filled from their list columns.

Revision ID: 0009_event_index_tables
Revises: 0008_reliability
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_event_index_tables"
down_revision: str | None = "0008_reliability"
branch_labels: str | None = None
depends_on: str | None = None

_CHUNK = 5_000


def _split(bar: str | None) -> list[str]:
    return [x for x in (bar or "").split("|") if x]


def upgrade() -> None:
    """Create the tables and their indexes, fill them from the stored versions."""
    flags = op.create_table(
        "event_version_flags",
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("day", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    arts = op.create_table(
        "event_version_articles",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    assert flags is not None and arts is not None
    v = sa.table(
        "event_versions",
        *map(sa.column, ("pk", "event_id", "version", "date_start", "flags", "articles")),
    )
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(v.c.pk, v.c.event_id, v.c.version, v.c.date_start, v.c.flags, v.c.articles)
            .where(v.c.pk > last)
            .order_by(v.c.pk)
            .limit(_CHUNK)
        ).all()
        if not rows:
            break
        last = rows[-1].pk
        flag_rows = [
            {"code": c, "day": r.date_start or "", "event_id": r.event_id, "version": r.version}
            for r in rows
            for c in _split(r.flags)
        ]
        art_rows = [
            {"article_id": a, "event_id": r.event_id, "version": r.version}
            for r in rows
            for a in _split(r.articles)
        ]
        if flag_rows:
            bind.execute(flags.insert(), flag_rows)
        if art_rows:
            bind.execute(arts.insert(), art_rows)
    op.create_index(
        "ix_event_version_flags_order", "event_version_flags", ["code", "day", "event_id"]
    )
    op.create_index(
        "ix_event_version_articles", "event_version_articles", ["article_id", "event_id", "version"]
    )


def downgrade() -> None:
    """Drop the tables (the list columns still hold the same)."""
    op.drop_table("event_version_articles")
    op.drop_table("event_version_flags")
