"""Events: claims from many articles linked into real-world events, with lineage, flags,
reconciled casualty figures, versions and exports. See ``README.md`` in this package.

    >>> from fogofwar.events import events_for_articles, export_events
    >>> report = events_for_articles(articles, claims)
    >>> export_events("geojson", report.records, Path("events.geojson"))
"""

from __future__ import annotations

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
