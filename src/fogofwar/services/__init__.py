"""The services layer: the only door the CLI and the web API go through. No printing, no
argument parsing; each function takes already-open resources and returns typed results.

    services/
      paths.py          shared_dir: where the read-only shared data lives
      ingest.py         extract, read, ingest (reads, stores, links as it goes)
      engines.py        where claims are read: inline, a process pool, Ray (ray_engine.py);
                        each article inside its own guard (guarded_read)
      articles.py       stored articles, claims and rejections; open_store
      ids.py            short unique id prefixes (as git abbreviates commits)
      countries.py      a country as people type it (ISO2/ISO3, names in de/en/ru/uk) → ISO3
      events_link.py    link_read, link_pending, ensure_linked: the one events path on
                        ``store.events``, one locked transaction per linking run
      events_query.py   list_events, event_detail, list_flags
      events_decide.py  merge_events, split_event
      exports.py        export (event formats), export_claims (claims-v1 JSONL), claim_records
      overview.py       list_places, source_stats (who is cited how often)
      doctor.py         doctor: what is missing and how to fix it
      engines.py        read engines: in-process, a process pool, Ray

Unknown ids raise :class:`~fogofwar.errors.NotFoundError`; nothing outside ``store/`` touches
the database engine (``tests/test_architecture.py``).

The names below load their module on first use (PEP 562), so ``from fogofwar import services``
costs nothing until a service runs: ``fogofwar extract`` never loads the store or the events
code, and ``--help`` answers at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fogofwar.reader import ReadResult
    from fogofwar.services.articles import (
        ClaimFilter,
        article_claims,
        articles_page,
        claims_page,
        count_articles,
        get_article,
        iter_claims,
        list_articles,
        list_claims,
        list_rejections,
        open_store,
        resolve_article,
        store_generation,
        store_label,
        summarize_rejections,
    )
    from fogofwar.services.countries import country_code
    from fogofwar.services.doctor import Check, doctor
    from fogofwar.services.engines import (
        ENGINES,
        ReadEngine,
        ReadLimits,
        ReadOutcome,
        default_jobs,
        make_engine,
    )
    from fogofwar.services.events_decide import merge_events, split_event
    from fogofwar.services.events_link import (
        LinkSummary,
        ensure_linked,
        link_pending,
        link_read,
        shared_embedder,
        sweep_links,
    )
    from fogofwar.services.events_query import (
        EventDetail,
        EventFilter,
        check_flag,
        detail_record,
        event_detail,
        event_position,
        event_records,
        flag_record,
        flags_page,
        list_events,
        list_flags,
        record_position,
        resolve_event,
    )
    from fogofwar.services.exports import (
        CLAIM_FORMATS,
        EXPORT_FORMATS,
        claim_records,
        export,
        export_claims,
        export_is_binary,
    )
    from fogofwar.services.ids import short_ids
    from fogofwar.services.overview import PlaceRow, SourceRow, list_places, source_stats
    from fogofwar.services.paths import shared_dir
    from fogofwar.store import Page, RejectionCount, Store, StoredRejection
    from fogofwar.store.keyset import decode_cursor, encode_cursor

# Imported now, not lazily: the module ``services.ingest`` shares its name with the function, and
# a lazy first import of the module would bind the package attribute to the module. It is cheap
# (readers, the claim reader and the store load inside its functions).
from fogofwar.services.ingest import (
    IngestSummary,
    Progress,
    count_inputs,
    extract,
    ingest,
    ingest_bytes,
    read,
)

_WHERE = {
    "fogofwar.services.articles": (
        "ClaimFilter",
        "article_claims",
        "count_articles",
        "get_article",
        "iter_claims",
        "list_articles",
        "list_claims",
        "list_rejections",
        "open_store",
        "resolve_article",
        "store_label",
        "store_generation",
        "articles_page",
        "claims_page",
        "summarize_rejections",
    ),
    "fogofwar.reader": ("ReadResult",),
    "fogofwar.services.doctor": ("Check", "doctor"),
    "fogofwar.services.engines": (
        "ENGINES",
        "ReadEngine",
        "ReadLimits",
        "ReadOutcome",
        "default_jobs",
        "make_engine",
    ),
    "fogofwar.services.countries": ("country_code",),
    "fogofwar.services.events_decide": ("merge_events", "split_event"),
    "fogofwar.services.events_link": (
        "LinkSummary",
        "ensure_linked",
        "link_pending",
        "link_read",
        "shared_embedder",
        "sweep_links",
    ),
    "fogofwar.services.events_query": (
        "EventDetail",
        "EventFilter",
        "check_flag",
        "detail_record",
        "event_detail",
        "flag_record",
        "list_events",
        "list_flags",
        "resolve_event",
        "event_position",
        "event_records",
        "flags_page",
        "record_position",
    ),
    "fogofwar.services.exports": (
        "CLAIM_FORMATS",
        "EXPORT_FORMATS",
        "claim_records",
        "export",
        "export_claims",
        "export_is_binary",
    ),
    "fogofwar.services.ids": ("short_ids",),
    "fogofwar.services.overview": ("PlaceRow", "SourceRow", "list_places", "source_stats"),
    "fogofwar.services.paths": ("shared_dir",),
    "fogofwar.store": ("Page", "RejectionCount", "Store", "StoredRejection"),
    "fogofwar.store.keyset": ("decode_cursor", "encode_cursor"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "CLAIM_FORMATS",
    "ENGINES",
    "EXPORT_FORMATS",
    "Check",
    "ClaimFilter",
    "EventDetail",
    "EventFilter",
    "IngestSummary",
    "LinkSummary",
    "Page",
    "PlaceRow",
    "Progress",
    "ReadEngine",
    "ReadLimits",
    "ReadOutcome",
    "ReadResult",
    "RejectionCount",
    "SourceRow",
    "Store",
    "StoredRejection",
    "article_claims",
    "articles_page",
    "check_flag",
    "claim_records",
    "claims_page",
    "count_articles",
    "count_inputs",
    "country_code",
    "decode_cursor",
    "default_jobs",
    "detail_record",
    "doctor",
    "encode_cursor",
    "ensure_linked",
    "event_detail",
    "event_position",
    "event_records",
    "export",
    "export_claims",
    "export_is_binary",
    "extract",
    "flag_record",
    "flags_page",
    "get_article",
    "ingest",
    "ingest_bytes",
    "iter_claims",
    "link_pending",
    "link_read",
    "list_articles",
    "list_claims",
    "list_events",
    "list_flags",
    "list_places",
    "list_rejections",
    "make_engine",
    "merge_events",
    "open_store",
    "read",
    "record_position",
    "resolve_article",
    "resolve_event",
    "shared_dir",
    "shared_embedder",
    "short_ids",
    "source_stats",
    "split_event",
    "store_generation",
    "store_label",
    "summarize_rejections",
    "sweep_links",
]


def __getattr__(name: str) -> Any:
    """Load the module that defines ``name`` on first use and keep the name here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'fogofwar.services' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})
