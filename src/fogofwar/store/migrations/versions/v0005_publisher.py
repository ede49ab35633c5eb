"""Publisher, publication moment and post links of articles.

Adds to ``articles``: ``publisher`` (the outlet or channel), ``publisher_key`` (the publisher
case-folded in Python, since SQLite's ``lower`` folds ASCII only; ``articles --publisher``
matches on it), ``published_at`` (ISO 8601 with its UTC offset, when the source gives a time),
``forwarded_from`` and ``reply_to`` (Telegram posts). Existing rows keep NULL in all of them.

Revision ID: 0005_publisher
Revises: 0004_event_filters
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_publisher"
down_revision: str | None = "0004_event_filters"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = ("publisher", "publisher_key", "published_at", "forwarded_from", "reply_to")


def upgrade() -> None:
    """Add the columns (plain ``ADD COLUMN`` on both backends) and index the publisher key."""
    for name in _COLUMNS:
        op.add_column("articles", sa.Column(name, sa.Text))
    op.create_index("ix_articles_publisher_key", "articles", ["publisher_key"])


def downgrade() -> None:
    """Drop the columns again."""
    op.drop_index("ix_articles_publisher_key", "articles")
    with op.batch_alter_table("articles") as batch:
        for name in _COLUMNS:
            batch.drop_column(name)
