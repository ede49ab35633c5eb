"""Claims: the full claims-v1 JSON record plus the columns people filter on.

Revision ID: 0002_claims
Revises: 0001_articles
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_claims"
down_revision: str | None = "0001_articles"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the claims table and its filter indexes."""
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Text, nullable=False, unique=True),
        sa.Column(
            "article_id",
            sa.Text,
            sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_claims_article"),
            nullable=False,
        ),
        sa.Column("pipeline_version", sa.Text, nullable=False),
        sa.Column("lang", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("source_kind", sa.Text, nullable=False),
        sa.Column("certainty", sa.Text, nullable=False),
        sa.Column("in_headline", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_article", "claims", ["article_id", "pipeline_version"])
    op.create_index("ix_claims_kind", "claims", ["kind"])
    op.create_index("ix_claims_source_kind", "claims", ["source_kind"])
    op.create_index("ix_claims_certainty", "claims", ["certainty"])
    op.create_index("ix_claims_lang", "claims", ["lang"])


def downgrade() -> None:
    """Drop the claims table."""
    op.drop_table("claims")
