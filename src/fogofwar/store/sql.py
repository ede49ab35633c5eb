"""The SQL store: one implementation of :class:`~fogofwar.store.protocol.Store` for SQLite and
PostgreSQL, written with SQLAlchemy Core. Only full-text search differs between the two."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from fogofwar.claim import Claim
from fogofwar.errors import AmbiguousIdError, StoreError
from fogofwar.events.protocol import EventQuery
from fogofwar.model import Article, ReadStatus, ReasonCode, Rejected
from fogofwar.store import keyset
from fogofwar.store.engine import WRITE
from fogofwar.store.event_tables import event_claims
from fogofwar.store.event_tables import events as event_ids
from fogofwar.store.events import SqlEventStore
from fogofwar.store.generation import StoreGeneration
from fogofwar.store.protocol import (
    AddResult,
    ClaimFilter,
    Page,
    RejectionCount,
    StoredRejection,
)
from fogofwar.store.rows import (
    article_from_row,
    article_to_row,
    claim_from_row,
    claim_to_row,
    publisher_key,
    rejection_from_row,
    rejection_to_row,
)
from fogofwar.store.search import clean_query, fts5_query, tsquery
from fogofwar.store.tables import articles, claims, rejections

__all__ = ["SqlStore"]

_ID_PREFIX = re.compile(r"[0-9A-Za-z]+")
_STREAM_BATCH = 500


def _value(x: Any) -> Any:
    return x.value if isinstance(x, Enum) else x


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def _check_page(limit: int | None, offset: int) -> None:
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError(f"limit and offset must not be negative (got {limit}, {offset})")


class SqlStore:
    """A store on a migrated database; build it with :func:`fogofwar.store.open_store`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._backend = engine.dialect.name
        self._events = SqlEventStore(engine)
        self._generation = StoreGeneration(engine)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for this package and tests; nothing outside ``store/``)."""
        return self._engine

    @property
    def events(self) -> SqlEventStore:
        """The events layer's tables behind :class:`~fogofwar.events.protocol.EventStore`."""
        return self._events

    @property
    def label(self) -> str:
        """The database's file name, or the database name of a URL (``memory`` in memory)."""
        return PurePath(self._engine.url.database or "memory").name

    def close(self) -> None:
        """Release all pooled connections."""
        self._generation.close()
        self._engine.dispose()

    def event_records(
        self, query: EventQuery, *, as_of: datetime | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """The events' records as events-v1 JSON objects (see ``events.record_dicts``)."""
        return self._events.record_dicts(query, as_of=as_of, limit=limit)

    def generation(self) -> str | None:
        """A token that changes whenever anyone commits a change (``None``: cannot tell)."""
        return self._generation.current()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqlStore({self._engine.url.render_as_string(hide_password=True)!r})"

    # -- transactions and error mapping -------------------------------------------------------

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        """One write transaction; any database error rolls it back and becomes StoreError."""
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    yield conn
        except IntegrityError as exc:
            raise StoreError(
                f"could not {action}: the database refused a row ({_reason(exc)}). "
                "Nothing from this call was stored; earlier commits are intact. "
                "Fix or drop the offending item and retry."
            ) from exc
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not {action}: {_reason(exc)}. Nothing from this call was stored; "
                "check the database is reachable, writable and not locked, then retry."
            ) from exc

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not {action}: {_reason(exc)}. Check the database is reachable."
            ) from exc

    def check_integrity(self) -> list[str]:
        """Problems the database finds in itself (SQLite ``PRAGMA integrity_check``; on
        PostgreSQL, which checks as it writes, only that it answers). Empty: all is well."""
        with self._read("check the database") as conn:
            if self._backend != "sqlite":
                conn.execute(sa.text("SELECT 1"))
                return []
            rows = [str(r[0]) for r in conn.execute(sa.text("PRAGMA integrity_check"))]
        return [] if rows == ["ok"] else rows

    # -- articles -----------------------------------------------------------------------------

    def add_articles(self, batch: Sequence[Article]) -> AddResult:
        """Store a batch in one transaction; an article whose content hash is stored is skipped.

        Returns the ids inserted and the stored ids of the skipped ones. On any error nothing of
        the batch is stored (earlier batches stay) and :class:`StoreError` says why.
        """
        rows = [article_to_row(a) for a in batch]
        if not rows:
            return AddResult()
        insert = postgresql.insert if self._backend == "postgresql" else sqlite.insert
        stmt = (
            insert(articles)
            .on_conflict_do_nothing(index_elements=["content_hash"])
            .returning(articles.c.id)
        )
        lookup = sa.select(articles.c.id).where(articles.c.content_hash == sa.bindparam("h"))
        inserted: list[str] = []
        existing: list[str] = []
        with self._write(f"store a batch of {len(rows)} articles") as conn:
            for row in rows:
                if conn.execute(stmt, row).first() is not None:
                    inserted.append(row["id"])
                else:
                    existing.append(conn.execute(lookup, {"h": row["content_hash"]}).scalar_one())
        return AddResult(tuple(inserted), tuple(existing))

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id, or the only one whose id starts with it, else ``None``.

        Raises :class:`StoreError` when a prefix matches several articles.
        """
        if not _ID_PREFIX.fullmatch(article_id):
            return None
        with self._read("read an article") as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            if row is not None:
                return article_from_row(row._mapping)
            prefix = sa.func.substr(articles.c.id, 1, len(article_id)) == article_id
            if self._backend == "sqlite":  # binary order: the range lets the id index find it
                prefix = sa.and_(
                    articles.c.id >= article_id, articles.c.id < article_id + "\U0010ffff", prefix
                )
            found = conn.execute(sa.select(articles).where(prefix).limit(3)).all()
        if len(found) > 1:
            ids = ", ".join(r.id for r in found[:2])
            raise AmbiguousIdError(
                f"article id prefix {article_id!r} matches several articles ({ids}, …); "
                "give more characters."
            )
        return article_from_row(found[0]._mapping) if found else None

    def has_content_hash(self, content_hash: str) -> bool:
        """True when an article with this content hash is stored."""
        stmt = sa.select(articles.c.pk).where(articles.c.content_hash == content_hash)
        with self._read("look up a content hash") as conn:
            return conn.execute(stmt.limit(1)).first() is not None

    def count_articles(self) -> int:
        """Number of stored articles."""
        with self._read("count articles") as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())

    def unique_prefix_length(self, ids: Sequence[str], minimum: int = 8) -> int:
        """The shortest length ≥ ``minimum`` at which each id's prefix names only that id among
        the stored ids of its kind (told by the first letter: ``a`` article, ``c`` claim, ``e``
        event) and among ``ids`` themselves."""
        wanted = sorted(set(ids))
        longest = max((len(i) for i in wanted), default=minimum)
        columns = {"a": articles.c.id, "c": claims.c.claim_id, "e": event_ids.c.event_id}
        with self._read("abbreviate ids") as conn:
            for length in range(max(1, minimum), longest + 1):
                prefixes = {i[:length] for i in wanted}
                if len(prefixes) < len(wanted):
                    continue
                clash = False
                for letter, column in columns.items():
                    mine = sorted(p for p in prefixes if p.startswith(letter))
                    if not mine:
                        continue
                    stmt = sa.select(sa.func.count(sa.distinct(column))).where(
                        sa.func.substr(column, 1, length).in_(mine)
                    )
                    if int(conn.execute(stmt).scalar_one()) > len(mine):
                        clash = True
                        break
                if not clash:
                    return length
        return longest

    def _articles_query(
        self, search: str | None, lang: str | None, since: date | None, publisher: str | None
    ) -> tuple[sa.Select[Any] | None, list[Any], sa.ColumnElement[Any]]:
        """The filtered select (``None``: the query has no word), its ordering and ``when``.

        ``publisher`` keeps articles whose publisher contains it, ignoring case and spacing."""
        stmt = sa.select(articles)
        order: list[Any] = []
        if search is not None:
            if self._backend == "sqlite":
                expr = fts5_query(search)
                if expr is None:
                    return None, [], articles.c.pk
                fts = sa.table("articles_fts", sa.column("rowid"), sa.column("rank"))
                stmt = stmt.join(fts, fts.c.rowid == articles.c.pk).where(
                    sa.literal_column("articles_fts").op("MATCH")(expr)
                )
                order.append(fts.c.rank)
            else:
                expr = tsquery(search)
                if expr is None:
                    return None, [], articles.c.pk
                vector: sa.ColumnClause[Any] = sa.literal_column("articles.search")
                query = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), expr)
                stmt = stmt.where(vector.op("@@")(query))
                order.append(sa.func.ts_rank(vector, query).desc())
        when = sa.func.coalesce(articles.c.published, articles.c.captured_estimate)
        if lang is not None:
            stmt = stmt.where(articles.c.language == lang)
        if since is not None:
            stmt = stmt.where(when >= since.isoformat())
        if publisher is not None:
            key = publisher_key(clean_query(publisher))
            stmt = stmt.where(articles.c.publisher_key.contains(key, autoescape=True))
        order += [sa.nulls_last(when.desc()), articles.c.pk.desc()]
        return stmt, order, when

    def list_articles(
        self,
        *,
        search: str | None = None,
        lang: str | None = None,
        since: date | None = None,
        publisher: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Article]:
        """Articles matching ``search`` (web-search syntax) and filters (``publisher``: its
        publisher contains it, ignoring case and spacing).

        Best match first when searching, else newest first (by published date, falling back to
        the captured estimate). ``since`` keeps articles published (or captured) on or after it.
        A query with no word in it matches nothing; no query string raises.
        """
        _check_page(limit, offset)
        stmt, order, _when = self._articles_query(search, lang, since, publisher)
        if stmt is None:
            return []
        stmt = stmt.order_by(*order).limit(limit).offset(offset)
        with self._read("list articles") as conn:
            return [article_from_row(r._mapping) for r in conn.execute(stmt)]

    def publishers(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The publisher of each stored article among ``article_ids`` (unknown ids left out)."""
        wanted = sorted(set(article_ids))
        found: dict[str, str | None] = {}
        with self._read("look up publishers") as conn:
            for start in range(0, len(wanted), _STREAM_BATCH):
                chunk = wanted[start : start + _STREAM_BATCH]
                stmt = sa.select(articles.c.id, articles.c.publisher).where(
                    articles.c.id.in_(chunk)
                )
                found.update({row.id: row.publisher for row in conn.execute(stmt)})
        return found

    def articles_page(
        self,
        *,
        search: str | None = None,
        lang: str | None = None,
        since: date | None = None,
        publisher: str | None = None,
        cursor: str | None = None,
        limit: int = 100,
    ) -> Page[Article]:
        """Like :meth:`list_articles`, one page after ``cursor``: keyed on (date, pk) when
        listing newest first; on the rank position when searching (ranks do not move)."""
        _check_page(limit, 0)
        mode = "s" if search is not None else "k"
        parts: list[Any] = keyset.decode(cursor, (str, str, int)) if cursor else [mode, None, None]
        last_when: str | None = parts[1]
        last: int | None = parts[2]
        if parts[0] != mode:
            raise ValueError("cursor belongs to another listing: start again without it")
        stmt, order, when = self._articles_query(search, lang, since, publisher)
        if stmt is None:
            return Page((), None)
        offset = 0
        if search is not None:
            offset = last or 0
        elif last is not None:
            stmt = stmt.where(keyset.newest_first_after(when, articles.c.pk, last_when, last))
        stmt = stmt.add_columns(when.label("_when")).order_by(*order)
        with self._read("list articles") as conn:
            rows = conn.execute(stmt.limit(limit + 1).offset(offset)).all()
        items = tuple(article_from_row(r._mapping) for r in rows[:limit])
        if len(rows) <= limit:
            return Page(items, None)
        tail = rows[limit - 1]
        if search is not None:
            return Page(items, keyset.encode("s", None, offset + limit))
        return Page(items, keyset.encode("k", tail._mapping["_when"], tail._mapping["pk"]))

    def set_read_status(
        self, article_id: str, status: ReadStatus, reason: str | None = None
    ) -> None:
        """Record whether the claim reader could read the article, and why not."""
        stmt = (
            sa.update(articles)
            .where(articles.c.id == article_id)
            .values(read_status=ReadStatus(status).value, read_reason=reason)
        )
        with self._write(f"set the read status of {article_id}") as conn:
            if conn.execute(stmt).rowcount == 0:
                raise StoreError(f"no stored article {article_id!r}; store it first.")

    # -- rejections ---------------------------------------------------------------------------

    def add_rejections(self, rejected: Sequence[Rejected]) -> None:
        """Store rejected inputs in one transaction (a missing ``at`` becomes now, UTC); an
        input already rejected at the same stage for the same reason is counted, not repeated."""
        folded: dict[str, dict[str, Any]] = {}
        for r in rejected:
            row = rejection_to_row(r)
            seen = folded.get(row["fingerprint"])
            if seen is None:
                folded[row["fingerprint"]] = row
            else:
                row["count"] += seen["count"]
                row["at"] = seen["at"]
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

    def unlinked_articles(
        self, pipeline_version: str, article_ids: Iterable[str] | None = None
    ) -> list[str]:
        """Articles with claims of ``pipeline_version`` that no event link names, sorted (only
        among ``article_ids`` when given)."""
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
        with self._read("find unlinked articles") as conn:
            return list(conn.execute(stmt).scalars())

    def list_rejections(
        self,
        limit: int = 100,
        offset: int = 0,
        reason: ReasonCode | None = None,
        before_id: int | None = None,
    ) -> list[StoredRejection]:
        """Stored rejections, newest first, optionally only those with ``reason`` and ids below
        ``before_id``."""
        _check_page(limit, offset)
        stmt = sa.select(rejections).order_by(rejections.c.id.desc()).limit(limit).offset(offset)
        if reason is not None:
            stmt = stmt.where(rejections.c.reason == _value(reason))
        if before_id is not None:
            stmt = stmt.where(rejections.c.id < before_id)
        with self._read("list rejections") as conn:
            return [rejection_from_row(r._mapping) for r in conn.execute(stmt)]

    # -- claims -------------------------------------------------------------------------------

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
            found = conn.execute(sa.select(articles.c.pk).where(articles.c.id == article_id))
            if found.first() is None:
                raise StoreError(f"no stored article {article_id!r}; store it before its claims.")
            conn.execute(sa.delete(claims).where(where))
            if rows:
                conn.execute(sa.insert(claims), rows)

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
                stmt = stmt.where(column == _value(value))
        return stmt

    def list_claims(
        self, where: ClaimFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Claim]:
        """Stored claims passing ``where`` (default: all), in storage order."""
        _check_page(limit, offset)
        stmt = self._claims_query(where or ClaimFilter()).limit(limit).offset(offset)
        with self._read("list claims") as conn:
            return [claim_from_row(r._mapping) for r in conn.execute(stmt)]

    def claims_page(
        self, where: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Claim]:
        """Like :meth:`list_claims`, one page after ``cursor`` (keyed on storage order)."""
        _check_page(limit, 0)
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
