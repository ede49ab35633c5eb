"""One unit of work for the events layer: every read and write of a linking run on one
connection, in one transaction, under the linker lock.

Outside :meth:`Unit.transaction`, reads open a connection and writes commit on their own (as
before). Inside it, all of them share the transaction's connection, so a linking run commits
whole or not at all (a kill leaves nothing half-linked), and two processes never link at the
same time: SQLite takes the write lock up front (``BEGIN IMMEDIATE``), PostgreSQL a
transaction-scoped advisory lock. The binding is per thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from fogofwar.store.engine import WRITE

__all__ = ["LINK_LOCK_KEY", "Unit"]

#: PostgreSQL advisory lock key held while linking ("linkfow" in ASCII).
LINK_LOCK_KEY = 0x6C696E6B666F77


class Unit:
    """Connections for the events layer, bound to one transaction while one is open."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._local = threading.local()

    def _bound(self) -> Connection | None:
        conn: Connection | None = getattr(self._local, "conn", None)
        return conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection to read on (the open transaction's, if any)."""
        bound = self._bound()
        if bound is not None:
            yield bound
            return
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction (the open one, else a new one committed on
        exit)."""
        bound = self._bound()
        if bound is not None:
            yield bound
            return
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Bind every read and write in this thread to one locked write transaction."""
        if self._bound() is not None:
            yield
            return
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": LINK_LOCK_KEY})
                self._local.conn = conn
                try:
                    yield
                finally:
                    self._local.conn = None
