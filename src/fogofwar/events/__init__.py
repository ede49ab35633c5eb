"""Events: claims from many articles linked into real-world events, with lineage, flags,
reconciled casualty figures, versions and exports. See ``README.md`` in this package.

    >>> from fogofwar.events import events_for_articles, export_events
    >>> report = events_for_articles(articles, claims)
    >>> export_events("geojson", report.records, Path("events.geojson"))

The names below load their module on first use (PEP 562): importing one small module of this
package (``fogofwar.events.protocol`` for the store, say) does not load the linker's
near-duplicate index, the embedder or the exporters.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fogofwar.events.decisions import assemble, merge, split
    from fogofwar.events.dedup import find_duplicates
    from fogofwar.events.embedding import default_embedder
    from fogofwar.events.exports import FORMATS, export_events
    from fogofwar.events.linking import link_article
    from fogofwar.events.memory import MemoryEventStore
    from fogofwar.events.model import ArticleMeta, Decision, Event, Flag, FlagCode, LinkDecisions
    from fogofwar.events.pipeline import EventsReport, events_for_articles
    from fogofwar.events.protocol import EventQuery, EventStore
    from fogofwar.events.record import EventRecord
    from fogofwar.events.versions import as_of

_WHERE = {
    "fogofwar.events.decisions": ("assemble", "merge", "split"),
    "fogofwar.events.dedup": ("find_duplicates",),
    "fogofwar.events.embedding": ("default_embedder",),
    "fogofwar.events.exports": ("FORMATS", "export_events"),
    "fogofwar.events.linking": ("link_article",),
    "fogofwar.events.memory": ("MemoryEventStore",),
    "fogofwar.events.model": (
        "ArticleMeta",
        "Decision",
        "Event",
        "Flag",
        "FlagCode",
        "LinkDecisions",
    ),
    "fogofwar.events.pipeline": ("EventsReport", "events_for_articles"),
    "fogofwar.events.protocol": ("EventQuery", "EventStore"),
    "fogofwar.events.record": ("EventRecord",),
    "fogofwar.events.versions": ("as_of",),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "FORMATS",
    "ArticleMeta",
    "Decision",
    "Event",
    "EventQuery",
    "EventRecord",
    "EventStore",
    "EventsReport",
    "Flag",
    "FlagCode",
    "LinkDecisions",
    "MemoryEventStore",
    "as_of",
    "assemble",
    "default_embedder",
    "events_for_articles",
    "export_events",
    "find_duplicates",
    "link_article",
    "merge",
    "split",
]


def __getattr__(name: str) -> Any:
    """Load the module that defines ``name`` on first use and keep the name here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'fogofwar.events' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})
