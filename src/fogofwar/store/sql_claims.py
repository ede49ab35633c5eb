"""The SQL store's claims: replace an article's claims of one pipeline version, list, page and
stream them (keyed on storage order), and find articles whose claims no event link names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from fogofwar.claim import Claim
from fogofwar.errors import StoreError
from fogofwar.store import keyset
from fogofwar.store.event_tables import event_claims
from fogofwar.store.overview import replace_claim_sources
from fogofwar.store.protocol import ClaimFilter, Page
from fogofwar.store.rows import article_from_row, claim_from_row, claim_to_row
from fogofwar.store.sql_base import SqlBase, check_page, enum_value
from fogofwar.store.tables import articles, claims

__all__ = ["ClaimsSql"]

_STREAM_BATCH = 500


class ClaimsSql(SqlBase):
    """Claims in the store's database."""

    def claims_position(self) -> int:
        """The newest claim's primary key (0: none)."""
        with self._read("find the newest claim") as conn:
            return int(conn.execute(sa.select(sa.func.max(claims.c.pk))).scalar() or 0)

    def unlinked_articles(
        self,
        pipeline_version: str,
        article_ids: Iterable[str] | None = None,
        *,
        after: int | None = None,
    ) -> list[str]:
        """Articles with claims of ``pipeline_version`` that no event link names, sorted (only
        among ``article_ids`` when given, and claims whose key is above ``after``)."""
        linked = sa.select(event_claims.c.claim_id).where(
            event_claims.c.claim_id == claims.c.claim_id
        )
        stmt = (
            sa.select(claims.c.article_id)
            .where(claims.c.pipeline_version == pipeline_version, ~sa.exists(linked))
            .distinct()
            .order_by(claims.c.article_id)
        )
        if article_ids is not None:
            stmt = stmt.where(claims.c.article_id.in_(sorted(set(article_ids))))
        if after is not None:
            stmt = stmt.where(claims.c.pk > after)
        with self._read("find unlinked articles") as conn:
            return list(conn.execute(stmt).scalars())

    def replace_claims(
        self, article_id: str, pipeline_version: str, batch: Sequence[Claim]
    ) -> None:
        """Atomically replace the article's claims for ``pipeline_version`` with ``batch``.

        Claims of other pipeline versions stay. Raises :class:`StoreError` (and changes nothing)
        when the article is not stored, a claim belongs to another article, or ids repeat.
        """
        for claim in batch:
            if claim.article_id != article_id:
                raise StoreError(
                    f"claim {claim.claim_id} belongs to article {claim.article_id}, not "
                    f"{article_id}; nothing was replaced."
                )
        rows = [claim_to_row(c, pipeline_version) for c in batch]
        where = sa.and_(
            claims.c.article_id == article_id, claims.c.pipeline_version == pipeline_version
        )
        with self._write(f"replace the claims of {article_id}") as conn:
            found = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            if found is None:
                raise StoreError(f"no stored article {article_id!r}; store it before its claims.")
            conn.execute(sa.delete(claims).where(where))
            if rows:
                conn.execute(sa.insert(claims), rows)
            # who is cited, kept with the claims (the sources page reads no claim)
            replace_claim_sources(conn, article_from_row(found._mapping), pipeline_version, batch)

    def _claims_query(self, where: ClaimFilter) -> sa.Select[Any]:
        stmt = sa.select(claims.c.pk, claims.c.record).order_by(claims.c.pk)
        filters = {
            claims.c.kind: where.kind,
            claims.c.source_kind: where.source_kind,
            claims.c.certainty: where.certainty,
            claims.c.lang: where.lang,
            claims.c.article_id: where.article_id,
            claims.c.pipeline_version: where.pipeline_version,
        }
        for column, value in filters.items():
            if value is not None:
                stmt = stmt.where(column == enum_value(value))
        return stmt

    def list_claims(
        self, where: ClaimFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Claim]:
        """Stored claims passing ``where`` (default: all), in storage order."""
        check_page(limit, offset)
        stmt = self._claims_query(where or ClaimFilter()).limit(limit).offset(offset)
        with self._read("list claims") as conn:
            return [claim_from_row(r._mapping) for r in conn.execute(stmt)]

    def claims_page(
        self, where: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Claim]:
        """Like :meth:`list_claims`, one page after ``cursor`` (keyed on storage order)."""
        check_page(limit, 0)
        after = keyset.decode(cursor, (int,))[0] if cursor else None
        rows = self._claim_rows(where or ClaimFilter(), after, limit)
        items = tuple(claim_from_row(r._mapping) for r in rows[:limit])
        more = len(rows) > limit
        return Page(items, keyset.encode(rows[limit - 1].pk) if more else None)

    def _claim_rows(self, where: ClaimFilter, after: int | None, limit: int) -> list[sa.Row[Any]]:
        """Up to ``limit + 1`` rows (pk, record) after the pk ``after``, one short read."""
        stmt = self._claims_query(where)
        if after is not None:
            stmt = stmt.where(claims.c.pk > after)
        with self._read("list claims") as conn:
            return list(conn.execute(stmt.limit(limit + 1)).all())

    def iter_claims(self, where: ClaimFilter | None = None) -> Iterator[Claim]:
        """Like :meth:`list_claims`, streamed in chunks of a few hundred, each read on its own
        short-lived connection: a stream never holds a pooled connection while it is consumed.

        Chunks are keyed on storage order, so claims stored while streaming are either included
        once (stored after the cursor) or not at all; none repeats or is skipped.
        """
        chosen = where or ClaimFilter()
        after: int | None = None
        while True:
            rows = self._claim_rows(chosen, after, _STREAM_BATCH)
            for row in rows[:_STREAM_BATCH]:
                yield claim_from_row(row._mapping)
            if len(rows) <= _STREAM_BATCH:
                return
            after = rows[_STREAM_BATCH - 1].pk
