"""Short unique id prefixes, as git abbreviates commit ids.

Listings show the first characters of each id (at least eight: the kind letter and seven hex
digits), more when that prefix would name another stored id of the same kind. Every command that
takes an id accepts such a prefix (:func:`~fogofwar.services.resolve_article`,
:func:`~fogofwar.services.resolve_event`, claim ids in ``events split``).
"""

from __future__ import annotations

from collections.abc import Iterable

from fogofwar.store import Store

__all__ = ["MIN_ID_LENGTH", "short_ids"]

MIN_ID_LENGTH = 8


def short_ids(store: Store, ids: Iterable[str], minimum: int = MIN_ID_LENGTH) -> dict[str, str]:
    """Each id → its shortest prefix (≥ ``minimum``) that names it alone in the store."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    length = store.unique_prefix_length(wanted, minimum)
    return {i: i[:length] for i in wanted}
