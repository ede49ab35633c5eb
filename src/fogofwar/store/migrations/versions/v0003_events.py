"""Events: links of claims to events, versions, manual decisions, duplicate groups, linker index.

Revision ID: 0003_events
Revises: 0002_claims
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_events"
down_revision: str | None = "0002_claims"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the events layer's tables (see ``fogofwar.store.event_tables``)."""
    op.create_table(
        "events",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("first_seen", sa.Text, nullable=False),
    )
    op.create_table(
        "event_claims",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("new_event", sa.Boolean, nullable=False),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("nearest", sa.Text),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("valid_from", sa.Text, nullable=False),
    )
    op.create_index("ix_event_claims_event_id", "event_claims", ["event_id"])
    op.create_index("ix_event_claims_claim_id", "event_claims", ["claim_id"])
    op.create_table(
        "event_versions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("valid_from", sa.Text, nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.UniqueConstraint("event_id", "version", name="uq_event_versions"),
    )
    op.create_index("ix_event_versions_valid_from", "event_versions", ["valid_from"])
    op.create_table(
        "event_decisions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("other", sa.Text),
        sa.Column("claim_ids", sa.Text, nullable=False),
        sa.Column("decided_at", sa.Text),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "article_groups",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("group_id", sa.Text, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_index("ix_article_groups_group_id", "article_groups", ["group_id"])
    op.create_table(
        "event_profiles",
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
    )
    op.create_table(
        "event_blocks",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("event_id", sa.Text, primary_key=True),
    )
    op.create_index("ix_event_blocks_event_id", "event_blocks", ["event_id"])


def downgrade() -> None:
    """Drop the events layer's tables."""
    for name in (
        "event_blocks",
        "event_profiles",
        "article_groups",
        "event_decisions",
        "event_versions",
        "event_claims",
        "events",
    ):
        op.drop_table(name)
