"""A store's generation: an opaque token that changes whenever any connection, in this process
or another, commits a change — what a cache of query results is keyed on.

    >>> gen = StoreGeneration(engine)
    >>> before = gen.current()
    >>> ...                                   # another process ingests
    >>> gen.current() != before
    True

SQLite: ``PRAGMA data_version`` on a connection of our own that never writes (SQLite bumps it
for every commit made by any other connection; a few microseconds, no lock). PostgreSQL: the
current snapshot (``txid_current_snapshot()``): every transaction that writes takes a
transaction id, so its commit changes the snapshot; read-only transactions take none. An
in-memory SQLite database has no second connection to ask: ``None`` (do not cache).

Read the token *before* the query whose result is cached: the result then holds at least what
the token names, and any later commit changes the token.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from fogofwar.errors import StoreError

__all__ = ["StoreGeneration"]


class StoreGeneration:
    """The generation of the database behind ``engine`` (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._nonce = ""

    def current(self) -> str | None:
        """The token now; ``None`` when this database cannot tell (in-memory SQLite). Raises
        :class:`~fogofwar.errors.StoreError` when the database cannot be read."""
        if self.engine.dialect.name == "sqlite":
            return self._sqlite()
        try:
            with self.engine.connect() as conn:
                snapshot = conn.execute(sa.text("SELECT txid_current_snapshot()::text")).scalar()
        except SQLAlchemyError as exc:
            raise StoreError(f"could not read the store's generation: {exc}") from exc
        return f"pg:{snapshot}"

    def _sqlite(self) -> str | None:
        path = self.engine.url.database
        if not path or path == ":memory:":
            return None
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = sqlite3.connect(
                        f"file:{quote(path)}?mode=ro",
                        uri=True,
                        check_same_thread=False,
                        isolation_level=None,
                    )
                    self._nonce = secrets.token_hex(4)  # a new connection counts afresh
                (version,) = self._conn.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error as exc:
                self._close()
                raise StoreError(f"could not read the store's generation: {exc}") from exc
        return f"sqlite:{self._nonce}:{version}"

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        """Close the connection this asks on (a later :meth:`current` opens a new one)."""
        with self._lock:
            self._close()
