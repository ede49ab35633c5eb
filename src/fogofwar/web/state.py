"""One store per app, opened on first use and closed when the app shuts down.

Opening lazily means a database that is down when the server starts answers 503 (and is retried
on the next request) instead of keeping the server from starting.
"""

from __future__ import annotations

import threading

from fastapi import Request

from fogofwar.services import Store, open_store

__all__ = ["StoreHolder", "get_store"]


class StoreHolder:
    """Holds the app's store: :meth:`get` opens it once (thread-safe), :meth:`close` ends it."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        """The open store; raises :class:`~fogofwar.errors.StoreError` if it cannot be opened."""
        with self._lock:
            if self._store is None:
                self._store = open_store(self.db)
            return self._store

    def close(self) -> None:
        """Close the store if it was opened; a later :meth:`get` opens it again."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def get_store(request: Request) -> Store:
    """FastAPI dependency: the store of the app serving ``request``."""
    holder: StoreHolder = request.app.state.stores
    return holder.get()
