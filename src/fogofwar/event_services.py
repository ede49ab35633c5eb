"""Event services: what the CLI and the web API call for the events layer (``fogofwar.events``).

Linking is incremental: :func:`link_read` links the claims of newly read articles against the
stored index (``EventStore.link_article``), never re-reading stored articles, then rebuilds the
records of the events those claims touched and appends their new versions. Queries read the
stored versions (``--as-of`` replays them); details, lineage and flags are recomputed from the
claims of one event (for :func:`list_flags`, of the events whose stored records match).
Merges and splits are stored decisions, re-applied by every later link.

    >>> with open_store("news.db") as store:
    ...     services.ingest(["news/"], store, Reader.default())   # links as it goes
    ...     records = list_events(store, kind="casualties", flag="headline_overstates")
    ...     detail = event_detail(store, records[0].event_id)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from fogofwar import PIPELINE_VERSION
from fogofwar.claim import Claim
from fogofwar.errors import ConfigError
from fogofwar.events.decisions import assemble, merge, split, split_event_id
from fogofwar.events.dedup import DedupIndex
from fogofwar.events.embedding import Embedder, default_embedder
from fogofwar.events.exports import export_events
from fogofwar.events.flags import article_flags, event_flags, flags_on
from fogofwar.events.lineage import Lineage, lineage
from fogofwar.events.model import (
    ArticleGroup,
    ArticleMeta,
    Decision,
    Event,
    Flag,
    FlagCode,
    LinkDecision,
    LinkDecisions,
)
from fogofwar.events.reconcile import Reconciliation, reconcile
from fogofwar.events.record import EventRecord, build_record
from fogofwar.events.sources import source_of
from fogofwar.events.store import EventStore
from fogofwar.events.versions import EventVersion, next_versions
from fogofwar.model import Article
from fogofwar.reader import ReadResult
from fogofwar.store import Store

__all__ = [
    "EventDetail",
    "LinkSummary",
    "detail_record",
    "event_detail",
    "export",
    "link_pending",
    "link_read",
    "list_events",
    "list_flags",
    "merge_events",
    "resolve_event",
    "shared_embedder",
    "split_event",
]


@functools.cache
def shared_embedder() -> Embedder:
    """The sentence embedder, loaded once per process (multilingual USE, else n-grams)."""
    return default_embedder()


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What one incremental link did."""

    articles: int
    claims: int
    new_events: int
    versions: int


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


def _now() -> datetime:
    return datetime.now(UTC)


# -- linking ---------------------------------------------------------------------------------


def link_read(
    store: Store,
    items: Sequence[tuple[Article, ReadResult]],
    *,
    embedder: Embedder | None = None,
    at: datetime | None = None,
) -> LinkSummary:
    """Link newly read articles (earliest publication first) without rescanning the store."""
    return _link(
        store, [(a, r.claims) for a, r in items], embedder or shared_embedder(), at or _now()
    )


def link_pending(
    store: Store, *, embedder: Embedder | None = None, at: datetime | None = None
) -> LinkSummary:
    """Link stored articles whose claims were never linked (e.g. a run interrupted between
    reading and linking, or a store filled before the events layer existed)."""
    es = EventStore(store.engine)
    linked = {d.article_id for d in es.links()}
    by_article: dict[str, list[Claim]] = {}
    for c in store.iter_claims(pipeline_version=PIPELINE_VERSION):
        if c.article_id not in linked:
            by_article.setdefault(c.article_id, []).append(c)
    items = []
    for aid, claims in sorted(by_article.items()):
        article = store.get_article(aid)
        if article is not None:
            items.append((article, tuple(claims)))
    return _link(store, items, embedder or shared_embedder(), at or _now())


def _link(
    store: Store,
    items: Sequence[tuple[Article, Sequence[Claim]]],
    embedder: Embedder,
    at: datetime,
) -> LinkSummary:
    es = EventStore(store.engine)
    touched: set[str] = set()
    claim_ids: set[str] = set()
    n_claims = n_new = 0
    order = sorted(items, key=lambda t: (t[0].published or date.max, t[0].id))
    for article, claims in order:
        if not claims:
            continue
        meta = ArticleMeta.from_article(article)
        decided: LinkDecisions = es.link_article(claims, meta, at, embedder=embedder)
        n_claims += len(decided.decisions)
        n_new += sum(d.new_event for d in decided.decisions)
        touched |= {d.event_id for d in decided.decisions}
        claim_ids |= {d.claim_id for d in decided.decisions}
        _dedup(store, es, meta, {d.event_id for d in decided.decisions})
    versions = _refresh(store, es, touched, at, claim_ids) if touched else ()
    return LinkSummary(len(order), n_claims, n_new, len(versions))


def _dedup(store: Store, es: EventStore, meta: ArticleMeta, event_ids: set[str]) -> None:
    """Group ``meta`` with a near-duplicate among the articles of the events it joined."""
    others = sorted(
        {d.article_id for d in es.links() if d.event_id in event_ids} - {meta.article_id}
    )
    if not others:
        return
    index = DedupIndex()
    metas = [m for a in others if (m := _meta(store, a)) is not None]
    for m in sorted(metas, key=lambda m: (m.published or date.max, m.article_id)):
        index.add(m)
    group = index.add(meta)
    if group == meta.article_id:
        return
    stored = {g.group_id: g for g in es.groups()}
    rep = next((g for g in stored.values() if group in g.article_ids), None)
    gid = rep.group_id if rep else group
    members = (*(rep.article_ids if rep else (group,)), meta.article_id)
    sim = next((g.similarity for g in index.groups() if g.group_id == group), 1.0)
    es.save_groups([ArticleGroup(gid, tuple(dict.fromkeys(members)), sim)])


# -- building records ------------------------------------------------------------------------


def _meta(
    store: Store, article_id: str, groups: Mapping[str, str] | None = None
) -> ArticleMeta | None:
    article = store.get_article(article_id)
    if article is None:
        return None
    return ArticleMeta.from_article(article, (groups or {}).get(article_id))


@dataclass(frozen=True, slots=True)
class _Analysis:
    events: tuple[Event, ...]
    claims: dict[str, Claim]
    metas: dict[str, ArticleMeta]
    flags: dict[str, tuple[Flag, ...]]
    reconciliations: dict[str, Reconciliation]
    records: dict[str, EventRecord]


def _events(es: EventStore, at: datetime | None) -> tuple[Event, ...]:
    """Events from the links as they stood at ``at`` with the decisions made by then."""
    by_article: dict[str, list[LinkDecision]] = {}
    for d in es.links(at):
        by_article.setdefault(d.article_id, []).append(d)
    batches = [LinkDecisions(a, tuple(ds), ()) for a, ds in sorted(by_article.items())]
    decisions = [
        d for d in es.decisions() if at is None or d.decided_at is None or d.decided_at <= at
    ]
    return assemble(batches, decisions)


def _analyse(
    store: Store, es: EventStore, event_ids: set[str] | None, at: datetime | None = None
) -> _Analysis:
    """Claims, metadata, flags, reconciliation and records of ``event_ids`` (None: all)."""
    everything = _events(es, at)
    event_of = {cid: e.event_id for e in everything for cid in e.claim_ids}
    chosen = [e for e in everything if event_ids is None or e.event_id in event_ids]
    wanted = {cid for e in chosen for cid in e.claim_ids}
    articles = sorted({d.article_id for e in chosen for d in e.links})
    groups = {a: g.group_id for g in es.groups() for a in g.article_ids}
    metas = {a: m for a in articles if (m := _meta(store, a, groups)) is not None}
    by_article: dict[str, list[Claim]] = {}
    for aid in articles:
        by_article[aid] = store.list_claims(article_id=aid, pipeline_version=PIPELINE_VERSION)
    claims = {c.claim_id: c for cs in by_article.values() for c in cs if c.claim_id in wanted}
    per_article = [
        f
        for aid in articles
        for f in article_flags([c for c in by_article[aid] if c.claim_id in event_of], event_of)
    ]
    flags: dict[str, tuple[Flag, ...]] = {}
    recs: dict[str, Reconciliation] = {}
    records: dict[str, EventRecord] = {}
    for e in chosen:
        rec = reconcile(e, claims, metas)
        mine = (*event_flags(e, claims, metas, rec), *flags_on(e, per_article))
        flags[e.event_id], recs[e.event_id] = mine, rec
        records[e.event_id] = build_record(e, claims, metas, rec, mine)
    return _Analysis(tuple(chosen), claims, metas, flags, recs, records)


def _refresh(
    store: Store,
    es: EventStore,
    touched: set[str],
    at: datetime,
    claim_ids: set[str] | None = None,
) -> tuple[EventVersion, ...]:
    """Rebuild the records of ``touched`` events, and of the events now holding ``claim_ids``
    (a claim the linker put in an event that was merged away lands in the survivor), and
    append the versions that changed; an event no longer present gets a retired version."""
    if claim_ids:
        touched = touched | {
            e.event_id for e in _events(es, None) if claim_ids.intersection(e.claim_ids)
        }
    analysis = _analyse(store, es, touched)
    history = [v for eid in sorted(touched) for v in es.history(eid)]
    versions = next_versions(list(analysis.records.values()), history, at)
    es.append_versions(versions)
    return versions


# -- queries ---------------------------------------------------------------------------------


def _records(es: EventStore, as_of: datetime | None) -> tuple[EventRecord, ...]:
    return es.as_of(as_of) if as_of is not None else es.current()


def _country_code(value: str) -> str:
    return value.strip().upper()


def list_events(
    store: Store,
    *,
    kind: str | None = None,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    flag: str | None = None,
    as_of: datetime | None = None,
) -> list[EventRecord]:
    """Event records (current, or as they stood at ``as_of``) matching every filter.

    ``country`` is ISO 3166-1 alpha-3 (``RUS``) or the place name as recorded; ``since`` and
    ``until`` compare with the event's claimed dates; ``flag`` is a flag code.
    """
    if flag is not None and flag not in {c.value for c in FlagCode}:
        raise ConfigError(
            f"unknown flag {flag!r}: use one of {', '.join(c.value for c in FlagCode)}"
        )
    out = []
    for r in _records(EventStore(store.engine), as_of):
        if kind is not None and r.kind != kind:
            continue
        if country is not None and _country_code(country) not in {
            (r.country or "").upper(),
            (r.location or "").upper(),
        }:
            continue
        if since is not None and (r.date_end or r.date_start or "") < since.isoformat():
            continue
        if until is not None and (r.date_start or "9999") > until.isoformat():
            continue
        if flag is not None and flag not in r.flags:
            continue
        out.append(r)
    return sorted(out, key=lambda r: (r.date_start or "", r.event_id), reverse=True)


def resolve_event(store: Store, event_id: str, as_of: datetime | None = None) -> str:
    """The full id of the event ``event_id`` names (a unique prefix is enough)."""
    ids = {r.event_id for r in _records(EventStore(store.engine), as_of)}
    if event_id in ids:
        return event_id
    hits = sorted(i for i in ids if i.startswith(event_id))
    if len(hits) == 1:
        return hits[0]
    what = "is ambiguous" if hits else "not found"
    raise ConfigError(f"event {event_id!r} {what}: list ids with `fogofwar events`")


def event_detail(store: Store, event_id: str, *, as_of: datetime | None = None) -> EventDetail:
    """One event as it stands (or stood at ``as_of``): claims, lineage, figures, flags."""
    es = EventStore(store.engine)
    eid = resolve_event(store, event_id, as_of)
    analysis = _analyse(store, es, {eid}, as_of)
    stored = {r.event_id: r for r in _records(es, as_of)}
    event = next(e for e in analysis.events if e.event_id == eid) if analysis.events else None
    if event is None:
        raise ConfigError(f"event {eid!r} has no claims at that time")
    own = tuple(analysis.claims[c] for c in event.claim_ids if c in analysis.claims)
    groups: dict[str, list[Claim]] = {}
    for c in own:
        label = source_of(c, analysis.metas.get(c.article_id)).label
        groups.setdefault(label, []).append(c)
    return EventDetail(
        record=stored.get(eid, analysis.records[eid]),
        claims=own,
        by_source=tuple((k, tuple(v)) for k, v in sorted(groups.items())),
        lineage=lineage(event, analysis.claims, analysis.metas),
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
) -> list[Flag]:
    """Every flag on the stored events, filtered. Flags are recomputed from the claims of only
    the events whose stored record carries ``code`` and names ``article_id`` (a prefix)."""
    es = EventStore(store.engine)
    wanted = {
        r.event_id
        for r in _records(es, as_of)
        if (code is None or code in r.flags)
        and (article_id is None or any(a.startswith(article_id) for a in r.article_ids))
    }
    if not wanted:
        return []
    analysis = _analyse(store, es, wanted, as_of)
    seen: set[Flag] = set()
    out: list[Flag] = []
    for eid in sorted(analysis.flags):
        for f in analysis.flags[eid]:
            if f in seen:
                continue
            seen.add(f)
            if code is not None and f.code.value != code:
                continue
            arts = {f.article_id, *(s.article_id for s in f.spans)}
            if article_id is not None and not any(a and a.startswith(article_id) for a in arts):
                continue
            out.append(f)
    return out


def detail_record(d: EventDetail) -> dict[str, Any]:
    """An :class:`EventDetail` as JSON: the events-v1 record plus claims (claims-v1), claims by
    source, lineage, reconciled figures, flags and the version history."""
    return {
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


# -- manual decisions ------------------------------------------------------------------------


def _decide(store: Store, decision: Decision, touched: set[str], at: datetime) -> int:
    es = EventStore(store.engine)
    es.add_decision(decision)
    return len(_refresh(store, es, touched, at))


def merge_events(
    store: Store, event_a: str, event_b: str, *, note: str = "", at: datetime | None = None
) -> str:
    """Record that ``event_b`` is the same event as ``event_a``; returns the surviving id."""
    a, b = resolve_event(store, event_a), resolve_event(store, event_b)
    if a == b:
        raise ConfigError(f"cannot merge {a} with itself")
    when = at or _now()
    _decide(store, merge(a, b, at=when, note=note), {a, b}, when)
    return a


def split_event(
    store: Store,
    event_id: str,
    claim_ids: Iterable[str],
    *,
    note: str = "",
    at: datetime | None = None,
) -> str:
    """Move ``claim_ids`` (full ids or unique prefixes) of an event into a new event; returns
    the new event's id."""
    eid = resolve_event(store, event_id)
    record = {r.event_id: r for r in EventStore(store.engine).current()}[eid]
    moving: list[str] = []
    for given in claim_ids:
        hits = [c for c in record.claim_ids if c.startswith(given)]
        if len(hits) != 1:
            raise ConfigError(
                f"claim {given!r} is {'ambiguous' if hits else 'not'} in event {eid}:"
                f" see its claims with `fogofwar event {eid}`"
            )
        moving.append(hits[0])
    if not moving or len(set(moving)) == len(record.claim_ids):
        raise ConfigError("a split must move some, not all, of the event's claims")
    when = at or _now()
    new_id = split_event_id(eid, sorted(set(moving)))
    _decide(store, split(eid, moving, at=when, note=note), {eid, new_id}, when)
    return new_id


# -- export ----------------------------------------------------------------------------------


def export(
    store: Store,
    fmt: str,
    out: Path | IO[str] | IO[bytes],
    *,
    as_of: datetime | None = None,
) -> int:
    """Write the event records (current, or as of ``as_of``) as ``fmt``; returns how many."""
    records = _records(EventStore(store.engine), as_of)
    return export_events(fmt, records, out)
