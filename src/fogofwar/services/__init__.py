"""The services layer: the only door the CLI and the web API go through. No printing, no
argument parsing; each function takes already-open resources and returns typed results.

    services/
      paths.py          shared_dir: where the read-only shared data lives
      ingest.py         extract, read, ingest (reads, stores, links as it goes)
      engines.py        where claims are read: inline, a process pool, Ray (ray_engine.py);
                        each article inside its own guard (guarded_read)
      articles.py       stored articles, claims and rejections; open_store
      events_link.py    link_read, link_pending, ensure_linked: the one events path on
                        ``store.events``, one locked transaction per linking run
      events_query.py   list_events, event_detail, list_flags
      events_decide.py  merge_events, split_event
      doctor.py         doctor: what is missing and how to fix it
      exports.py        export (event formats), export_claims (claims-v1 JSONL)

Unknown ids raise :class:`~fogofwar.errors.NotFoundError`; nothing outside ``store/`` touches
the database engine (``tests/test_architecture.py``).
"""

from __future__ import annotations

from fogofwar.reader import ReadResult
from fogofwar.services.articles import (
    article_claims,
    count_articles,
    get_article,
    iter_claims,
    list_articles,
    list_claims,
    list_rejections,
    open_store,
    store_label,
    summarize_rejections,
)
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
)
from fogofwar.services.events_query import (
    EventDetail,
    check_flag,
    detail_record,
    event_detail,
    flag_record,
    list_events,
    list_flags,
    resolve_event,
)
from fogofwar.services.exports import export, export_claims
from fogofwar.services.ingest import IngestSummary, Progress, count_inputs, extract, ingest, read
from fogofwar.services.paths import shared_dir
from fogofwar.store import RejectionCount, Store, StoredRejection

__all__ = [
    "ENGINES",
    "Check",
    "EventDetail",
    "IngestSummary",
    "LinkSummary",
    "Progress",
    "ReadEngine",
    "ReadLimits",
    "ReadOutcome",
    "ReadResult",
    "RejectionCount",
    "Store",
    "StoredRejection",
    "article_claims",
    "check_flag",
    "count_articles",
    "count_inputs",
    "default_jobs",
    "detail_record",
    "doctor",
    "ensure_linked",
    "event_detail",
    "export",
    "export_claims",
    "extract",
    "flag_record",
    "get_article",
    "ingest",
    "iter_claims",
    "link_pending",
    "link_read",
    "list_articles",
    "list_claims",
    "list_events",
    "list_flags",
    "list_rejections",
    "make_engine",
    "merge_events",
    "open_store",
    "read",
    "resolve_event",
    "shared_dir",
    "shared_embedder",
    "split_event",
    "store_label",
    "summarize_rejections",
]
