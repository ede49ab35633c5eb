"""The common ground of the SQL store's parts: the engine, one write transaction and one read
connection with database errors mapped to :class:`~fogofwar.errors.StoreError`, and the
argument checks the parts share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from fogofwar.errors import StoreError
from fogofwar.store.engine import WRITE

__all__ = ["SqlBase", "check_page", "enum_value"]


def enum_value(x: Any) -> Any:
    """An enum's value (anything else as it is): what a column stores."""
    return x.value if isinstance(x, Enum) else x


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def check_page(limit: int | None, offset: int) -> None:
    """Raise :class:`ValueError` for a negative limit or offset."""
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError(f"limit and offset must not be negative (got {limit}, {offset})")


class SqlBase:
    """An engine, with transactions that turn database errors into StoreError."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._backend = engine.dialect.name

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for this package and tests; nothing outside ``store/``)."""
        return self._engine

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
