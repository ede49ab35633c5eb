"""Profile districts: the second-level districts of an event's places on ``event_profiles``.

The linker tells a district ("the Synelnykove district") from a town of its region outside it
("Dnipro") by the district each place lies in (``geo/districts.py``): ``districts`` holds
``ISO3/admin1/district`` of the event's towns and districts, joined like ``admin1s``. Profiles
stored before stay without them (NULL: no district known, the region decides as before).

Revision ID: 0013_profile_districts
Revises: 0012_profile_languages
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_profile_districts"
down_revision: str | None = "0012_profile_languages"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the column."""
    with op.batch_alter_table("event_profiles") as batch:
        batch.add_column(sa.Column("districts", sa.Text))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("event_profiles") as batch:
        batch.drop_column("districts")
