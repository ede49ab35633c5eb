"""Turn a store URL or file path into a configured SQLAlchemy engine.

SQLite connections get WAL mode, foreign keys and a busy timeout, and SQLAlchemy (not the
``sqlite3`` module) emits ``BEGIN``, so DDL is transactional and a write transaction can take the
write lock up front (``BEGIN IMMEDIATE``) instead of failing half-way when another writer holds it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from fogofwar.errors import StoreError

__all__ = ["BUSY_TIMEOUT_MS", "DEFAULT_DB", "WRITE", "make_engine", "resolve_url"]

DEFAULT_DB = "fogofwar.db"
BUSY_TIMEOUT_MS = 30_000
#: Execution option: on SQLite, open the transaction with ``BEGIN IMMEDIATE``.
WRITE = "fogofwar_write"


def resolve_url(url: str | None = None) -> URL:
    """The SQLAlchemy URL for ``url``, ``$FOGOFWAR_DB`` or ``./fogofwar.db``.

    A value without ``://`` is a SQLite file path; ``postgresql://`` and ``postgres://`` use
    psycopg 3.
    """
    raw = url if url is not None else os.environ.get("FOGOFWAR_DB") or DEFAULT_DB
    if "://" not in raw:
        if raw == ":memory:":
            return make_url("sqlite://")
        return make_url("sqlite:///" + str(Path(raw).expanduser().resolve()))
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw[len("postgres://") :]
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(
            f"cannot parse database URL {raw!r}: {exc}. Use a file path, sqlite:///PATH "
            "or postgresql://USER@HOST/DB."
        ) from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: fogofwar stores into SQLite "
            "(a file path) or PostgreSQL (postgresql://…)."
        )
    return parsed


def _pool_args(pool_size: int | None) -> dict[str, Any]:
    """Pool settings for ``pool_size`` connections (``None``: SQLAlchemy's default 5 + 10).

    A server passes its worker-thread count: each thread holds at most one connection at a time
    (streams read in chunks and give the connection back between them), so a pool that size
    plus a little overflow never makes a request wait for a connection.
    """
    if pool_size is None:
        return {}
    if pool_size < 1:
        raise StoreError(f"pool size must be at least 1 (got {pool_size})")
    return {"pool_size": pool_size, "max_overflow": max(2, pool_size // 4), "pool_timeout": 60}


def make_engine(url: URL, *, pool_size: int | None = None) -> Engine:
    """A configured engine for a resolved URL (see :func:`resolve_url`)."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, pool_size)
    try:
        return sa.create_engine(url, pool_pre_ping=True, **_pool_args(pool_size))
    except (ArgumentError, ImportError) as exc:
        raise StoreError(
            f"cannot use {url.render_as_string(hide_password=True)}: {exc}. "
            "PostgreSQL needs psycopg 3: pip install 'fogofwar[pg]'."
        ) from exc


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL (persistent), waiting out a concurrent opener doing the same.

    SQLite does not call the busy handler for this pragma, so a second process opening a fresh
    database at the same moment would fail with "database is locked" without the retry.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_engine(url: URL, pool_size: int | None = None) -> Engine:
    database = url.database
    if database:
        folder = Path(database).parent
        if not folder.is_dir():
            raise StoreError(
                f"cannot create database {database}: folder {folder} does not exist. "
                "Create it or point FOGOFWAR_DB elsewhere."
            )
        engine = sa.create_engine(url, **_pool_args(pool_size))
    else:
        engine = sa.create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if database:
            _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
