"""Filter columns on event versions, so event listings filter in SQL, not in Python.

Each ``event_versions`` row gets the fields listings filter on, copied from its events-v1
record when the row is written: ``kind``, ``country_key`` and ``location_key`` (upper-cased in
Python, since SQLite's ``upper`` folds ASCII only), ``date_start``, ``date_end``, and ``flags``
and ``articles`` as ``|a|b|`` lists (matched with ``LIKE '%|code|%'``). Existing rows are
filled from their stored records.

Revision ID: 0004_event_filters
Revises: 0003_events
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_event_filters"
down_revision: str | None = "0003_events"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = ("kind", "country_key", "location_key", "date_start", "date_end", "flags", "articles")


def _bar(values: list[str]) -> str:
    return "|" + "|".join(values) + "|" if values else ""


def upgrade() -> None:
    """Add the filter columns, fill them from the stored records, index the common ones."""
    with op.batch_alter_table("event_versions") as batch:
        for name in _COLUMNS:
            batch.add_column(sa.Column(name, sa.Text))
    bind = op.get_bind()
    table = sa.table(
        "event_versions", sa.column("pk"), sa.column("record"), *map(sa.column, _COLUMNS)
    )
    rows = bind.execute(sa.select(table.c.pk, table.c.record)).all()
    for pk, raw in rows:
        r = json.loads(raw)
        bind.execute(
            table.update()
            .where(table.c.pk == pk)
            .values(
                kind=r.get("kind"),
                country_key=(r.get("country") or "").upper(),
                location_key=(r.get("location") or "").upper(),
                date_start=r.get("date_start"),
                date_end=r.get("date_end"),
                flags=_bar(list(r.get("flags") or [])),
                articles=_bar(list(r.get("article_ids") or [])),
            )
        )
    op.create_index("ix_event_versions_event_id", "event_versions", ["event_id"])
    op.create_index("ix_event_versions_kind", "event_versions", ["kind"])


def downgrade() -> None:
    """Drop the filter columns."""
    op.drop_index("ix_event_versions_kind", "event_versions")
    op.drop_index("ix_event_versions_event_id", "event_versions")
    with op.batch_alter_table("event_versions") as batch:
        for name in _COLUMNS:
            batch.drop_column(name)
