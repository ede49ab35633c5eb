"""Querying stored events: listings filtered in SQL, one event's details, flags.

Listings read the stored versions (``as_of`` replays them); an event's details, lineage and
flags are recomputed from the claims of that event by :func:`fogofwar.events.run.analyse` (for
:func:`list_flags`, of the events whose stored records match), the same analysis ingest stores.

    >>> with open_store("news.db") as store:
    ...     where = EventFilter(kind="casualties", flag="headline_overstates")
    ...     records = list_events(store, where)
    ...     detail = event_detail(store, records[0].event_id)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from fogofwar.claim import Claim
from fogofwar.errors import NotFoundError
from fogofwar.events.lineage import Lineage
from fogofwar.events.model import Flag, LinkDecision
from fogofwar.events.protocol import EventFilter, EventQuery, record_order
from fogofwar.events.reconcile import Reconciliation
from fogofwar.events.record import EventRecord
from fogofwar.events.run import analyse
from fogofwar.events.sources import source_of
from fogofwar.events.versions import EventVersion
from fogofwar.services.events_link import StoreArticles, ensure_linked
from fogofwar.store import Store

__all__ = [
    "EventDetail",
    "EventFilter",
    "check_flag",
    "detail_record",
    "event_detail",
    "event_position",
    "event_records",
    "flag_record",
    "flags_page",
    "list_events",
    "list_flags",
    "record_position",
    "resolve_event",
]


@dataclass(frozen=True, slots=True)
class EventDetail:
    """One event: its record, claims grouped by source, lineage, reconciliation and flags."""

    record: EventRecord
    claims: tuple[Claim, ...]
    by_source: tuple[tuple[str, tuple[Claim, ...]], ...]
    lineage: Lineage
    reconciliation: Reconciliation
    flags: tuple[Flag, ...]
    links: tuple[LinkDecision, ...]
    history: tuple[EventVersion, ...]


def check_flag(flag: str | None) -> None:
    """Raise :class:`~fogofwar.errors.ConfigError` unless ``flag`` is None or a flag code
    (the check :class:`EventFilter` makes)."""
    EventFilter(flag=flag)


def list_events(
    store: Store,
    where: EventFilter | None = None,
    *,
    as_of: datetime | None = None,
    published_before: date | None = None,
    before: tuple[str, str] | None = None,
    limit: int | None = None,
    link: bool = True,
) -> list[EventRecord]:
    """Event records (current, or as they stood at ``as_of``) matching every field of
    ``where`` (all: None), newest claimed date first.

    ``as_of`` is ingest time (the record as fogofwar had stored it then); ``published_before``
    keeps the events first reported by an article published (or, undated, captured) before that
    day. ``before`` and ``limit`` page the listing: ``before`` is :func:`event_position` of the
    previous page's last record. ``link=False`` skips linking what an interrupted run left
    unlinked (a server does that in the background, not in every read).
    """
    query = (where or EventFilter()).query(before=before)
    _ready(store, query.flag, link)
    records = list(store.events.records(query, as_of=as_of, limit=limit))
    if published_before is None:
        return records
    dates: dict[str, date | None] = {}

    def first_date(article_id: str) -> date | None:
        if article_id not in dates:
            a = store.get_article(article_id)
            dates[article_id] = (a.published or a.captured_estimate) if a else None
        return dates[article_id]

    return [
        r
        for r in records
        if any((d := first_date(a)) is not None and d < published_before for a in r.article_ids)
    ]


def event_records(
    store: Store,
    where: EventFilter | None = None,
    *,
    as_of: datetime | None = None,
    before: tuple[str, str] | None = None,
    limit: int | None = None,
    link: bool = True,
) -> list[dict[str, Any]]:
    """:func:`list_events` as events-v1 JSON objects, as stored (no :class:`EventRecord` is
    built: what an API serves); page with :func:`record_position`."""
    query = (where or EventFilter()).query(before=before)
    _ready(store, query.flag, link)
    return store.event_records(query, as_of=as_of, limit=limit)


def _ready(store: Store, flag: str | None, link: bool) -> None:
    """Check the flag code and, unless told not to, link what a killed run left unlinked."""
    check_flag(flag)
    if link:
        ensure_linked(store)


def event_position(record: EventRecord) -> tuple[str, str]:
    """Where ``record`` stands in event listings (the key a next page starts after)."""
    return record_order(record)


def record_position(record: Mapping[str, Any]) -> tuple[str, str]:
    """:func:`event_position` of an events-v1 JSON object."""
    return (record.get("date_start") or "", str(record["event_id"]))


def resolve_event(store: Store, event_id: str, as_of: datetime | None = None) -> str:
    """The full id of the event ``event_id`` names (a unique prefix is enough); raises
    :class:`~fogofwar.errors.NotFoundError` when it names none or several."""
    hits = sorted(
        r.event_id for r in store.events.records(EventQuery(id_prefix=event_id), as_of=as_of)
    )
    if event_id in hits:
        return event_id
    if len(hits) == 1:
        return hits[0]
    what = "is ambiguous" if hits else "not found"
    raise NotFoundError(f"event {event_id!r} {what}: list ids with `fogofwar events`")


def event_detail(
    store: Store, event_id: str, *, as_of: datetime | None = None, link: bool = True
) -> EventDetail:
    """One event as it stands (or stood at ``as_of``): claims, lineage, figures, flags."""
    es = store.events
    _ready(store, None, link)
    eid = resolve_event(store, event_id, as_of)
    stored = {r.event_id: r for r in es.records(EventQuery(id_prefix=eid), as_of=as_of)}
    around = stored[eid].claim_ids if eid in stored else None
    analysis = analyse(es, StoreArticles(store), {eid}, as_of, around)
    event = next((e for e in analysis.events if e.event_id == eid), None)
    if event is None:
        raise NotFoundError(f"event {eid!r} has no claims at that time")
    own = tuple(analysis.claims[c] for c in event.claim_ids if c in analysis.claims)
    groups: dict[str, list[Claim]] = {}
    for c in own:
        label = source_of(c, analysis.metas.get(c.article_id)).label
        groups.setdefault(label, []).append(c)
    return EventDetail(
        record=stored.get(eid, analysis.records[eid]),
        claims=own,
        by_source=tuple((k, tuple(v)) for k, v in sorted(groups.items())),
        lineage=analysis.lineage(event),
        reconciliation=analysis.reconciliations[eid],
        flags=analysis.flags[eid],
        links=event.links,
        history=tuple(v for v in es.history(eid) if as_of is None or v.valid_from <= as_of),
    )


def list_flags(
    store: Store,
    *,
    code: str | None = None,
    article_id: str | None = None,
    as_of: datetime | None = None,
    link: bool = True,
) -> list[Flag]:
    """Every flag on the stored events, filtered. Flags are recomputed from the claims of only
    the events whose stored record carries ``code`` and names ``article_id`` (a prefix)."""
    return flags_page(store, code=code, article_id=article_id, as_of=as_of, link=link)[0]


def flags_page(
    store: Store,
    *,
    code: str | None = None,
    article_id: str | None = None,
    as_of: datetime | None = None,
    before: tuple[str, str] | None = None,
    limit: int | None = None,
    link: bool = True,
) -> tuple[list[Flag], tuple[str, str] | None]:
    """The flags of one page of events (at most ``limit`` events, in listing order, after the
    position ``before``), and the position the next page starts after (``None``: last page).
    Events are found by the flag's index; only theirs are recomputed."""
    _ready(store, code, link)
    query = EventQuery(flag=code, article=article_id, before=before)
    records = store.events.records(query, as_of=as_of, limit=None if limit is None else limit + 1)
    more = limit is not None and len(records) > limit
    page = records[:limit] if limit is not None else records
    after = event_position(page[-1]) if more and page else None
    wanted = {r.event_id for r in page}
    if not wanted:
        return [], None
    # read only around these events' claims (as event_detail does), not every link stored
    around = [c for r in page for c in r.claim_ids]
    analysis = analyse(store.events, StoreArticles(store), wanted, as_of, around)
    seen: set[Flag] = set()
    out: list[Flag] = []
    order = [r.event_id for r in page]  # listing order: newest event first
    order += sorted(set(analysis.flags) - wanted)
    for eid in order:
        for f in analysis.flags.get(eid, ()):
            if f in seen:
                continue
            seen.add(f)
            if code is not None and f.code.value != code:
                continue
            arts = {f.article_id, *(s.article_id for s in f.spans)}
            if article_id is not None and not any(a and a.startswith(article_id) for a in arts):
                continue
            out.append(f)
    return out, after


def detail_record(d: EventDetail) -> dict[str, Any]:
    """An :class:`EventDetail` as JSON: the events-v1 record plus claims (claims-v1), claims by
    source, lineage, reconciled figures, flags and the version history. Only JSON types:
    dates are ISO strings."""
    record = {
        "event": d.record.to_record(),
        "claims": [c.to_record() for c in d.claims],
        "by_source": {label: [c.claim_id for c in cs] for label, cs in d.by_source},
        "lineage": asdict(d.lineage),
        "reconciliation": asdict(d.reconciliation),
        "flags": [
            {
                "code": f.code.value,
                "reason": f.reason,
                "event_id": f.event_id,
                "article_id": f.article_id,
                "claim_ids": [s.claim_id for s in f.spans],
            }
            for f in d.flags
        ],
        "links": [
            {
                "claim_id": x.claim_id,
                "score": round(x.score, 3),
                "new_event": x.new_event,
                "by": x.by,
                "reasons": [[r.field, r.detail, round(r.weight, 3)] for r in x.reasons],
            }
            for x in d.links
        ],
        "history": [
            {"version": v.version, "valid_from": v.valid_from.isoformat(), "retired": v.retired}
            for v in d.history
        ],
    }
    out: dict[str, Any] = json.loads(json.dumps(record, ensure_ascii=False, default=str))
    return out


def flag_record(f: Flag) -> dict[str, Any]:
    """A flag as JSON: code, reason, event, article, and the spans it rests on."""
    return {
        "code": f.code.value,
        "reason": f.reason,
        "event_id": f.event_id,
        "article_id": f.article_id,
        "spans": [
            {
                "article_id": s.article_id,
                "claim_id": s.claim_id,
                "span": s.span.to_json() if s.span else None,
                "headline": s.in_headline,
            }
            for s in f.spans
        ],
    }
