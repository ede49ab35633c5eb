"""Profile languages: per-language mean embeddings on ``event_profiles``.

The linker compares a claim's wording with the event's accounts in the claim's own language
(``events/text_evidence.py``), so a profile keeps one mean embedding per language:
``langs`` (``"de:2\\x1fuk:1"``: language and number of accounts, sorted) and
``lang_embeddings`` (their float32 vectors, concatenated in that order). Profiles stored
before stay without them and are compared by their one mean embedding.

Revision ID: 0012_profile_languages
Revises: 0011_rejection_dates
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_profile_languages"
down_revision: str | None = "0011_rejection_dates"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the columns."""
    with op.batch_alter_table("event_profiles") as batch:
        batch.add_column(sa.Column("langs", sa.Text))
        batch.add_column(sa.Column("lang_embeddings", sa.LargeBinary))


def downgrade() -> None:
    """Drop the columns."""
    with op.batch_alter_table("event_profiles") as batch:
        batch.drop_column("lang_embeddings")
        batch.drop_column("langs")
