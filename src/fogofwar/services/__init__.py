"""The services layer: the only door the CLI and the web API go through. No printing, no
argument parsing; each function takes already-open resources and returns typed results.

    services/
      paths.py          shared_dir: where the read-only shared data lives
      ingest.py         extract, read, ingest (reads, stores, links as it goes)
      articles.py       stored articles, claims and rejections; open_store
      events_link.py    link_read, link_pending: the one events path on ``store.events``
      events_query.py   list_events, event_detail, list_flags
      events_decide.py  merge_events, split_event
      exports.py        export (event formats), export_claims (claims-v1 JSONL)
      overview.py       list_places, source_stats (who is cited how often)

Unknown ids raise :class:`~fogofwar.errors.NotFoundError`; nothing outside ``store/`` touches
the database engine (``tests/test_architecture.py``).
"""

from __future__ import annotations

from fogofwar.services.articles import (
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
    store_label,
)
from fogofwar.services.events_decide import merge_events, split_event
from fogofwar.services.events_link import LinkSummary, link_pending, link_read, shared_embedder
from fogofwar.services.events_query import (
    EventDetail,
    check_flag,
    detail_record,
    event_detail,
    event_position,
    flag_record,
    list_events,
    list_flags,
    resolve_event,
)
from fogofwar.services.exports import EXPORT_FORMATS, export, export_claims, export_is_binary
from fogofwar.services.ingest import (
    IngestSummary,
    Progress,
    count_inputs,
    extract,
    ingest,
    ingest_bytes,
    read,
)
from fogofwar.services.overview import PlaceRow, SourceRow, list_places, source_stats
from fogofwar.services.paths import shared_dir
from fogofwar.store import Page, Store, StoredRejection
from fogofwar.store.keyset import decode as decode_cursor
from fogofwar.store.keyset import encode as encode_cursor

__all__ = [
    "EXPORT_FORMATS",
    "EventDetail",
    "IngestSummary",
    "LinkSummary",
    "Page",
    "PlaceRow",
    "Progress",
    "SourceRow",
    "Store",
    "StoredRejection",
    "article_claims",
    "articles_page",
    "check_flag",
    "claims_page",
    "count_articles",
    "count_inputs",
    "decode_cursor",
    "detail_record",
    "encode_cursor",
    "event_detail",
    "event_position",
    "export",
    "export_claims",
    "export_is_binary",
    "extract",
    "flag_record",
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
    "merge_events",
    "open_store",
    "read",
    "resolve_event",
    "shared_dir",
    "shared_embedder",
    "source_stats",
    "split_event",
    "store_label",
]
