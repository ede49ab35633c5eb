"""Alembic environment: always runs on the connection handed over by ``fogofwar.store.migrate``.

There is no ``alembic.ini`` and no logging setup here; the caller owns the connection, the
transaction and the lock that keeps two processes from migrating at once.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection


def run_migrations_online() -> None:
    """Run pending revisions on the caller's connection (inside the caller's transaction)."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("fogofwar migrations run through fogofwar.store.open_store()")
    context.configure(connection=connection, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
