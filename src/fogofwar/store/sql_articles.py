"""The SQL store's articles: add (deduplicated by content hash), get by id or prefix, list,
search (SQLite FTS5 or PostgreSQL tsvector) and page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from fogofwar.errors import AmbiguousIdError, StoreError
from fogofwar.model import Article, ReadStatus
from fogofwar.store import keyset
from fogofwar.store.event_tables import events as event_ids
from fogofwar.store.protocol import AddResult, Page
from fogofwar.store.rows import article_from_row, article_to_row, publisher_key
from fogofwar.store.search import clean_query, fts5_query, tsquery
from fogofwar.store.sql_base import SqlBase, check_page
from fogofwar.store.tables import articles, claims

__all__ = ["ArticlesSql"]

_ID_PREFIX = re.compile(r"[0-9A-Za-z]+")
_BATCH = 500


class ArticlesSql(SqlBase):
    """Articles in the store's database."""

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
        check_page(limit, offset)
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
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
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
        check_page(limit, 0)
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
