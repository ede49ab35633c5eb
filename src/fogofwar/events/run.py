"""The one events path: link articles into an :class:`~fogofwar.events.protocol.EventStore`,
then analyse events into records, lineage, figures and flags.

Ingest (``services.link_read``) runs it on the database's event store; the in-memory report
(:func:`~fogofwar.events.pipeline.events_for_articles`, the demo and the evaluation) runs it on a
:class:`~fogofwar.events.memory.MemoryEventStore`; the CLI and the web API read what it stored
and call :func:`analyse` for one event's details. Articles and their claims come through an
:class:`ArticleLookup`, so the path never knows where they are kept.

    link_batch ─► link_one (per article, publication order) ─► dedup against event-mates
              └─► refresh: analyse the touched events ─► append changed versions
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Protocol

from fogofwar.claim import Claim
from fogofwar.events.decisions import assemble
from fogofwar.events.dedup import DedupIndex
from fogofwar.events.embedding import Embedder
from fogofwar.events.flags import article_flags, event_flags, flags_on
from fogofwar.events.lineage import Lineage, lineage
from fogofwar.events.linking import LinkConfig, commit, link_article
from fogofwar.events.model import (
    ArticleGroup,
    ArticleMeta,
    Event,
    Flag,
    LinkDecision,
    LinkDecisions,
)
from fogofwar.events.protocol import EventStore
from fogofwar.events.reconcile import Reconciliation, reconcile
from fogofwar.events.record import EventRecord, build_record
from fogofwar.events.versions import EventVersion, next_versions

__all__ = [
    "Analysis",
    "ArticleLookup",
    "LinkRun",
    "MemoryArticles",
    "analyse",
    "assemble_events",
    "link_batch",
    "link_one",
    "refresh",
]


class ArticleLookup(Protocol):
    """Where the events path finds an article's metadata and its claims."""

    def meta(self, article_id: str) -> ArticleMeta | None:
        """The article's metadata (without its near-duplicate group), or ``None``."""
        ...

    def claims(self, article_id: str) -> Sequence[Claim]:
        """The article's claims, in storage order."""
        ...


class MemoryArticles:
    """An :class:`ArticleLookup` over metadata and claims held in memory."""

    def __init__(self, metas: Sequence[ArticleMeta], claims: Sequence[Claim]) -> None:
        self._metas = {m.article_id: m for m in metas}
        self._claims: dict[str, list[Claim]] = {}
        for c in claims:
            self._claims.setdefault(c.article_id, []).append(c)

    def meta(self, article_id: str) -> ArticleMeta | None:
        """The article's metadata, or ``None``."""
        return self._metas.get(article_id)

    def claims(self, article_id: str) -> Sequence[Claim]:
        """The article's claims."""
        return self._claims.get(article_id, [])


@dataclass(frozen=True, slots=True)
class LinkRun:
    """What one :func:`link_batch` did."""

    articles: int
    claims: int
    new_events: int
    versions: tuple[EventVersion, ...]
    decided: tuple[LinkDecisions, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Events with their claims, metadata, reconciliation, flags and records.

    ``article_flags`` are the per-article flags of the analysed events' articles; ``flags``
    per event are its own flags and the article flags resting on it.
    """

    events: tuple[Event, ...]
    claims: dict[str, Claim]
    metas: dict[str, ArticleMeta]
    flags: dict[str, tuple[Flag, ...]]
    reconciliations: dict[str, Reconciliation]
    records: dict[str, EventRecord]
    article_flags: tuple[Flag, ...]

    def lineage(self, event: Event) -> Lineage:
        """Who said what first about ``event``, and what changed in the retelling."""
        return lineage(event, self.claims, self.metas)


# -- linking ---------------------------------------------------------------------------------


def link_one(
    es: EventStore,
    claims: Sequence[Claim],
    meta: ArticleMeta,
    at: datetime,
    *,
    embedder: Embedder | None = None,
    config: LinkConfig | None = None,
) -> LinkDecisions:
    """Link one new article against the stored index (no rescan), grow the index and append
    its link decisions. Re-linking an article is idempotent: its claims linked before keep
    their events, which do not grow again."""
    ids = [c.claim_id for c in claims]
    linked = {d.claim_id: d.event_id for d in es.links(claim_ids=ids)}
    decisions = link_article(
        claims, meta, es.index, embedder=embedder, config=config or LinkConfig(), linked=linked
    )
    commit(es.index, decisions)
    es.record_links(decisions.decisions, at)
    return decisions


def link_batch(
    es: EventStore,
    articles: ArticleLookup,
    items: Sequence[tuple[ArticleMeta, Sequence[Claim]]],
    at: datetime,
    *,
    embedder: Embedder | None = None,
    config: LinkConfig | None = None,
) -> LinkRun:
    """Link articles (earliest publication first, then by id), group each with a near-duplicate
    among the articles of the events it joined, then rebuild the records of the events touched
    and append the versions that changed (valid from ``at``)."""
    touched: set[str] = set()
    claim_ids: set[str] = set()
    decided: list[LinkDecisions] = []
    order = sorted(items, key=lambda t: (t[0].published or date.max, t[0].article_id))
    for meta, claims in order:
        if not claims:
            continue
        d = link_one(es, claims, meta, at, embedder=embedder, config=config)
        decided.append(d)
        touched |= {x.event_id for x in d.decisions}
        claim_ids |= {x.claim_id for x in d.decisions}
        _dedup(es, articles, meta, {x.event_id for x in d.decisions})
    versions = refresh(es, articles, touched, at, claim_ids) if touched else ()
    n_claims = sum(len(d.decisions) for d in decided)
    n_new = sum(x.new_event for d in decided for x in d.decisions)
    return LinkRun(len(order), n_claims, n_new, versions, tuple(decided))


def _dedup(es: EventStore, articles: ArticleLookup, meta: ArticleMeta, event_ids: set[str]) -> None:
    """Group ``meta`` with a near-duplicate among the articles of the events it joined (their
    members found by the store's event index, not a scan of every link)."""
    others = sorted({d.article_id for d in es.links(event_ids=event_ids)} - {meta.article_id})
    if not others:
        return
    index = DedupIndex()
    metas = [m for a in others if (m := articles.meta(a)) is not None]
    for m in sorted(metas, key=lambda m: (m.published or date.max, m.article_id)):
        index.add(m)
    group = index.add(meta)
    if group == meta.article_id:
        return
    rep = next((g for g in es.groups([group]) if group in g.article_ids), None)
    gid = rep.group_id if rep else group
    members = (*(rep.article_ids if rep else (group,)), meta.article_id)
    sim = next((g.similarity for g in index.groups() if g.group_id == group), 1.0)
    es.save_groups([ArticleGroup(gid, tuple(dict.fromkeys(members)), sim)])


# -- analysis --------------------------------------------------------------------------------


def _around(
    es: EventStore, articles: ArticleLookup, claim_ids: Iterable[str], at: datetime | None
) -> list[str]:
    """The claims of every article that holds one of ``claim_ids`` (as linked at ``at``)."""
    article_ids = sorted({d.article_id for d in es.links(at, claim_ids=claim_ids)})
    return [c.claim_id for aid in article_ids for c in articles.claims(aid)]


def assemble_events(
    es: EventStore, at: datetime | None = None, claim_ids: Iterable[str] | None = None
) -> tuple[Event, ...]:
    """Events from the links as they stood at ``at`` with the decisions made by then (only
    the links of ``claim_ids`` when given)."""
    by_article: dict[str, list[LinkDecision]] = {}
    for d in es.links(at, claim_ids=claim_ids):
        by_article.setdefault(d.article_id, []).append(d)
    batches = [LinkDecisions(a, tuple(ds), ()) for a, ds in sorted(by_article.items())]
    decisions = [
        d for d in es.decisions() if at is None or d.decided_at is None or d.decided_at <= at
    ]
    return assemble(batches, decisions)


def analyse(
    es: EventStore,
    articles: ArticleLookup,
    event_ids: set[str] | None = None,
    at: datetime | None = None,
    around: Iterable[str] | None = None,
) -> Analysis:
    """Claims, metadata, flags, reconciliation and records of ``event_ids`` (None: all), from
    the links and decisions as they stood at ``at`` (None: now).

    ``around`` (the claim ids of the stored records of ``event_ids``) limits the work to the
    articles holding those claims, instead of every link in the store: the same result for
    those events as long as the stored records are current (every link refreshes them)."""
    scope = None if around is None else _around(es, articles, around, at)
    everything = assemble_events(es, at, scope)
    event_of = {cid: e.event_id for e in everything for cid in e.claim_ids}
    chosen = [e for e in everything if event_ids is None or e.event_id in event_ids]
    wanted = {cid for e in chosen for cid in e.claim_ids}
    ids = sorted({d.article_id for e in chosen for d in e.links})
    group_of = {a: g.group_id for g in es.groups(ids) for a in g.article_ids}
    metas = _metas(articles, ids, group_of)
    by_article = {aid: list(articles.claims(aid)) for aid in ids}
    claims = {c.claim_id: c for cs in by_article.values() for c in cs if c.claim_id in wanted}
    per_article = tuple(
        f
        for aid in ids
        for f in article_flags([c for c in by_article[aid] if c.claim_id in event_of], event_of)
    )
    flags: dict[str, tuple[Flag, ...]] = {}
    recs: dict[str, Reconciliation] = {}
    records: dict[str, EventRecord] = {}
    for e in chosen:
        rec = reconcile(e, claims, metas)
        mine = (*event_flags(e, claims, metas, rec), *flags_on(e, per_article))
        flags[e.event_id], recs[e.event_id] = mine, rec
        records[e.event_id] = build_record(e, claims, metas, rec, mine)
    return Analysis(tuple(chosen), claims, metas, flags, recs, records, per_article)


def _metas(
    articles: ArticleLookup, ids: Sequence[str], group_of: Mapping[str, str]
) -> dict[str, ArticleMeta]:
    out = {}
    for aid in ids:
        m = articles.meta(aid)
        if m is not None:
            out[aid] = m if aid not in group_of else _grouped(m, group_of[aid])
    return out


def _grouped(meta: ArticleMeta, group: str) -> ArticleMeta:
    return replace(meta, dup_group=group)


def refresh(
    es: EventStore,
    articles: ArticleLookup,
    touched: set[str],
    at: datetime,
    claim_ids: set[str] | None = None,
) -> tuple[EventVersion, ...]:
    """Rebuild the records of ``touched`` events, and of the events now holding ``claim_ids``
    (a claim the linker put in an event that was merged away lands in the survivor), and
    append the versions that changed; an event no longer present gets a retired version.

    Without manual decisions (the usual case) the events holding ``claim_ids`` are the ones
    the linker put them in, so only the articles around ``touched`` are assembled (indexed
    lookups: the cost follows the events touched, not the store); a stored merge or split can
    move claims between any events, so then everything is assembled."""
    if es.decisions():
        if claim_ids:
            touched = touched | {
                e.event_id for e in assemble_events(es) if claim_ids.intersection(e.claim_ids)
            }
        analysis = analyse(es, articles, touched)
    else:
        members = [d.claim_id for d in es.links(event_ids=touched)]
        analysis = analyse(es, articles, touched, around=members)
    history = [v for eid in sorted(touched) for v in es.history(eid)]
    versions = next_versions(list(analysis.records.values()), history, at)
    es.append_versions(versions)
    return versions
