"""The SQL store: one implementation of :class:`~fogofwar.store.protocol.Store` for SQLite and
PostgreSQL, written with SQLAlchemy Core. Only full-text search differs between the two.

The store is put together from one part per concern, each in its own module: articles
(:mod:`.sql_articles`), claims (:mod:`.sql_claims`), rejections (:mod:`.sql_rejections`), on
the shared transactions of :mod:`.sql_base`; the events layer is :mod:`.events`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from types import TracebackType
from typing import Any, Self

from sqlalchemy.engine import Engine

from fogofwar.events.protocol import EventQuery
from fogofwar.store.events import SqlEventStore
from fogofwar.store.generation import StoreGeneration
from fogofwar.store.overview import place_counts_of, source_counts_of
from fogofwar.store.protocol import PlaceCount, SourceCount
from fogofwar.store.sql_articles import ArticlesSql
from fogofwar.store.sql_claims import ClaimsSql
from fogofwar.store.sql_rejections import RejectionsSql

__all__ = ["SqlStore"]


class SqlStore(ArticlesSql, ClaimsSql, RejectionsSql):
    """A store on a migrated database; build it with :func:`fogofwar.store.open_store`."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._events = SqlEventStore(engine)
        self._generation = StoreGeneration(engine)

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

    def place_counts(self) -> list[PlaceCount]:
        """Live events per place and kind (the ``place_counts`` table)."""
        with self._read("count events per place") as conn:
            return place_counts_of(conn)

    def source_counts(self, limit: int = 500) -> list[SourceCount]:
        """The ``limit`` most cited sources (the ``source_totals`` and ``source_facets``
        tables)."""
        with self._read("count sources") as conn:
            return source_counts_of(conn, limit)

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
