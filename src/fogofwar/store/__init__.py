"""Where articles, rejections and claims are stored: SQLite by default, PostgreSQL by URL.

    >>> from fogofwar.store import open_store
    >>> with open_store("news.db") as store:          # or "postgresql://user@host/db"
    ...     result = store.add_articles(articles)     # idempotent by content hash
    ...     hits = store.list_articles(search="Angriff Kyjiw", lang="de", limit=10)

The database is migrated to the newest schema on open (Alembic revisions shipped in
``fogofwar/store/migrations``). Sibling modules keep their own tables through their own revision
(``down_revision`` = the current head) and reach the database through ``store.engine``.
"""

from __future__ import annotations

from fogofwar.store.engine import resolve_url
from fogofwar.store.protocol import (
    AddResult,
    ClaimFilter,
    Page,
    PlaceCount,
    RejectionCount,
    SourceCount,
    Store,
    StoredRejection,
)

__all__ = [
    "AddResult",
    "ClaimFilter",
    "Page",
    "PlaceCount",
    "RejectionCount",
    "SourceCount",
    "Store",
    "StoredRejection",
    "open_store",
]


def open_store(url: str | None = None, *, pool_size: int | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url``.

    ``url`` is a SQLAlchemy URL (``sqlite:///PATH``, ``postgresql://…``) or a plain file path;
    without one, ``$FOGOFWAR_DB``, else ``./fogofwar.db``. ``pool_size`` bounds the pooled
    connections (a server passes its worker-thread count; default: SQLAlchemy's). Raises
    :class:`~fogofwar.errors.StoreError` when the database cannot be opened or migrated.
    """
    from fogofwar.store.engine import make_engine
    from fogofwar.store.migrate import migrate
    from fogofwar.store.sql import SqlStore

    engine = make_engine(resolve_url(url), pool_size=pool_size)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return SqlStore(engine)
