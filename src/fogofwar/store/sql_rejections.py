"""The SQL store's rejections: inputs that did not become articles, counted per input, stage
and reason."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from fogofwar.model import ReasonCode, Rejected
from fogofwar.store.protocol import RejectionCount, StoredRejection
from fogofwar.store.rows import rejection_from_row, rejection_to_row
from fogofwar.store.sql_base import SqlBase, check_page, enum_value
from fogofwar.store.tables import rejections

__all__ = ["RejectionsSql"]


class RejectionsSql(SqlBase):
    """Rejections in the store's database."""

    def add_rejections(self, rejected: Sequence[Rejected]) -> None:
        """Store rejected inputs in one transaction (a missing ``at`` becomes now, UTC); an
        input already rejected at the same stage for the same reason is counted, not repeated
        (its publication date is the latest one found)."""
        folded: dict[str, dict[str, Any]] = {}
        for r in rejected:
            row = rejection_to_row(r)
            seen = folded.get(row["fingerprint"])
            if seen is None:
                folded[row["fingerprint"]] = row
            else:
                row["count"] += seen["count"]
                row["at"] = seen["at"]
                row["published"] = row["published"] or seen["published"]
                folded[row["fingerprint"]] = row
        if not folded:
            return
        insert = postgresql.insert if self._backend == "postgresql" else sqlite.insert
        stmt = insert(rejections)
        stmt = stmt.on_conflict_do_update(
            index_elements=["fingerprint"],
            set_={
                "count": rejections.c.count + stmt.excluded.count,
                "last_at": stmt.excluded.last_at,
                "message": stmt.excluded.message,
                # a later look that finds no date keeps the one found before
                "published": sa.func.coalesce(stmt.excluded.published, rejections.c.published),
            },
        )
        with self._write(f"store {len(folded)} rejections") as conn:
            for row in folded.values():
                conn.execute(stmt, row)

    def summarize_rejections(self) -> list[RejectionCount]:
        """Rejections per reason and stage (inputs, and times rejected), most inputs first."""
        stmt = (
            sa.select(
                rejections.c.reason,
                rejections.c.stage,
                sa.func.count(),
                sa.func.sum(rejections.c.count),
            )
            .group_by(rejections.c.reason, rejections.c.stage)
            .order_by(sa.func.count().desc(), rejections.c.reason, rejections.c.stage)
        )
        with self._read("summarize rejections") as conn:
            return [
                RejectionCount(ReasonCode(reason), stage, int(n), int(times or n))
                for reason, stage, n, times in conn.execute(stmt)
            ]

    def list_rejections(
        self,
        limit: int = 100,
        offset: int = 0,
        reason: ReasonCode | None = None,
        before_id: int | None = None,
    ) -> list[StoredRejection]:
        """Stored rejections, newest first, optionally only those with ``reason`` and ids below
        ``before_id``."""
        check_page(limit, offset)
        stmt = sa.select(rejections).order_by(rejections.c.id.desc()).limit(limit).offset(offset)
        if reason is not None:
            stmt = stmt.where(rejections.c.reason == enum_value(reason))
        if before_id is not None:
            stmt = stmt.where(rejections.c.id < before_id)
        with self._read("list rejections") as conn:
            return [rejection_from_row(r._mapping) for r in conn.execute(stmt)]
