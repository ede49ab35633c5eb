"""Bring a database to the newest schema with the Alembic revisions shipped in this package.

Runs on every :func:`~fogofwar.store.open_store`. An up-to-date database costs one read of
``alembic_version``. Otherwise the upgrade runs in one transaction under a lock (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock), so two processes opening a
fresh database at once migrate it once; the second finds it at head.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from fogofwar.errors import StoreError
from fogofwar.store.engine import WRITE

__all__ = ["MIGRATIONS", "heads", "inspect_database", "migrate"]

MIGRATIONS = Path(__file__).with_name("migrations")
#: Key of the PostgreSQL advisory lock held while migrating ("fogofwar" in ASCII, truncated).
_PG_LOCK_KEY = 0x666F676F66776172 & 0x7FFFFFFFFFFFFFFF


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    return cfg


@cache
def heads() -> frozenset[str]:
    """The head revision ids shipped with this fogofwar."""
    return frozenset(ScriptDirectory.from_config(_config()).get_heads())


def migrate(engine: Engine) -> None:
    """Upgrade the database behind ``engine`` to :func:`heads`; a no-op when already there."""
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            current = frozenset(MigrationContext.configure(conn).get_current_heads())
        if current == heads():
            return
        with engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
                cfg = _config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except CommandError as exc:
        raise StoreError(
            f"cannot migrate {where}: {exc}. The database was probably written by a newer "
            "fogofwar; upgrade fogofwar or use another database."
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot open or migrate {where}: {exc.__class__.__name__}: {_first_line(exc)}. "
            "Check that the path is a fogofwar database (or a new file) and that the server "
            "is running and reachable."
        ) from exc


def inspect_database(url: str | None = None) -> tuple[str, frozenset[str], frozenset[str]]:
    """``(label, current revisions, shipped heads)`` of the database at ``url``, without
    creating or migrating anything; raises :class:`StoreError` when it cannot be reached."""
    from fogofwar.store.engine import make_engine, resolve_url

    resolved = resolve_url(url)
    label = resolved.render_as_string(hide_password=True)
    db = resolved.database
    if resolved.get_backend_name() == "sqlite" and db and not Path(db).is_file():
        return label, frozenset(), heads()
    engine = make_engine(resolved)
    try:
        with engine.connect() as conn:
            current = frozenset(MigrationContext.configure(conn).get_current_heads())
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot reach {label}: {_first_line(exc)}") from exc
    finally:
        engine.dispose()
    return label, current, heads()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
