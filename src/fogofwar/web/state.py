"""What one app holds: its settings, its store (opened on first use, closed at shutdown) and,
for ingest, its claim reader (loaded on first use).

Opening lazily means a database that is down when the server starts answers 503 (and is retried
on the next request) instead of keeping the server from starting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from fastapi import Request

from fogofwar.reader import Reader
from fogofwar.services import Store, open_store
from fogofwar.web.config import WebConfig

__all__ = ["ReaderHolder", "StoreHolder", "get_config", "get_store"]


class StoreHolder:
    """Holds the app's store: :meth:`get` opens it once (thread-safe), :meth:`close` ends it.

    The connection pool is sized to the server's worker threads (``pool_size``).
    """

    def __init__(self, db: str, pool_size: int | None = None) -> None:
        self.db = db
        self.pool_size = pool_size
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        """The open store; raises :class:`~fogofwar.errors.StoreError` if it cannot be opened."""
        with self._lock:
            if self._store is None:
                self._store = open_store(self.db, pool_size=self.pool_size)
            return self._store

    def close(self) -> None:
        """Close the store if it was opened; a later :meth:`get` opens it again."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


class ReaderHolder:
    """The claim reader ingest uses, built once on first use; ``lock`` serialises ingests
    (one writer per process)."""

    def __init__(self, factory: Callable[[], Reader]) -> None:
        self._factory = factory
        self._reader: Reader | None = None
        self._lock = threading.Lock()
        self.lock = threading.Lock()

    def get(self) -> Reader:
        """The reader (loading it the first time)."""
        with self._lock:
            if self._reader is None:
                self._reader = self._factory()
            return self._reader


def get_store(request: Request) -> Store:
    """FastAPI dependency: the store of the app serving ``request``."""
    holder: StoreHolder = request.app.state.stores
    return holder.get()


def get_config(request: Request) -> WebConfig:
    """FastAPI dependency: the settings of the app serving ``request``."""
    config: WebConfig = request.app.state.config
    return config
