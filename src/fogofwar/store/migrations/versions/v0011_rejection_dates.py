"""Rejection dates: a nullable ``published`` (ISO day) on ``rejections``.

An HTML page whose body is rejected (no article text) used to lose the publication date its
reader had already found; the rejection now keeps it. Rows stored before stay without one.

Revision ID: 0011_rejection_dates
Revises: 0010_overview_tables
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_rejection_dates"
down_revision: str | None = "0010_overview_tables"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the column."""
    with op.batch_alter_table("rejections") as batch:
        batch.add_column(sa.Column("published", sa.Text))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("rejections") as batch:
        batch.drop_column("published")
