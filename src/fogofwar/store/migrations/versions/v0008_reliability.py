"""Idempotent rejections: one row per (input, stage, reason) with a counter.

Re-running an ingest over the same bad inputs used to append the same rejections again (10
became 210). Each row now carries ``fingerprint`` (SHA-256 of input, stage and reason; unique)
``count`` (how many times it was rejected) and ``last_at``. Existing duplicates are folded into
their oldest row, counted. Also an index on ``event_claims.article_id`` for finding the
articles whose claims were never linked (resumable linking).

Numbered 0006 on purpose: a parallel branch adds 0005 (publisher column). When both land, set
``down_revision`` here to that revision; nothing else depends on the order.

Revision ID: 0008_reliability
Revises: 0004_event_filters
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0008_reliability"
down_revision: str | None = "0007_listing_indexes"
branch_labels: str | None = None
depends_on: str | None = None


def fingerprint(input_: str, stage: str, reason: str) -> str:
    """The identity of a rejection (same formula as ``fogofwar.store.rows``)."""
    return hashlib.sha256("\x1f".join((input_, stage, reason)).encode("utf-8")).hexdigest()


def upgrade() -> None:
    """Add the columns, fold duplicates, add the unique index."""
    with op.batch_alter_table("rejections") as batch:
        batch.add_column(sa.Column("fingerprint", sa.Text))
        batch.add_column(sa.Column("count", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("last_at", sa.Text))
    bind = op.get_bind()
    t = sa.table(
        "rejections",
        sa.column("id"),
        sa.column("at"),
        sa.column("input"),
        sa.column("stage"),
        sa.column("reason"),
        sa.column("fingerprint"),
        sa.column("count"),
        sa.column("last_at"),
    )
    keep: dict[str, tuple[int, int, str]] = {}
    drop: list[int] = []
    for row in bind.execute(
        sa.select(t.c.id, t.c.at, t.c.input, t.c.stage, t.c.reason).order_by(t.c.id)
    ):
        fp = fingerprint(row.input, row.stage, row.reason)
        if fp in keep:
            first, n, _ = keep[fp]
            keep[fp] = (first, n + 1, row.at)
            drop.append(row.id)
        else:
            keep[fp] = (row.id, 1, row.at)
    for fp, (rid, n, last) in keep.items():
        bind.execute(t.update().where(t.c.id == rid).values(fingerprint=fp, count=n, last_at=last))
    for i in range(0, len(drop), 500):
        bind.execute(t.delete().where(t.c.id.in_(drop[i : i + 500])))
    op.create_index("ux_rejections_fingerprint", "rejections", ["fingerprint"], unique=True)
    op.create_index("ix_event_claims_article_id", "event_claims", ["article_id"])


def downgrade() -> None:
    """Drop the index and columns (folded duplicates stay folded)."""
    op.drop_index("ix_event_claims_article_id", "event_claims")
    op.drop_index("ux_rejections_fingerprint", "rejections")
    with op.batch_alter_table("rejections") as batch:
        batch.drop_column("last_at")
        batch.drop_column("count")
        batch.drop_column("fingerprint")
