"""All of the events layer in memory: dedup → linking → decisions → lineage, flags, figures.

:func:`events_for_articles` is what the demo and the evaluation call; the service layer uses
the same stages with a stored :class:`~fogofwar.events.blocking.LinkIndex` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fogofwar.claim import Claim
from fogofwar.events.blocking import MemoryLinkIndex
from fogofwar.events.decisions import assemble
from fogofwar.events.dedup import find_duplicates, with_groups
from fogofwar.events.embedding import Embedder
from fogofwar.events.flags import article_flags, event_flags, flags_on
from fogofwar.events.lineage import Lineage, lineage
from fogofwar.events.linking import LinkConfig, link_articles
from fogofwar.events.model import (
    ArticleGroup,
    ArticleMeta,
    Decision,
    Event,
    Flag,
    LinkDecisions,
)
from fogofwar.events.reconcile import Reconciliation, reconcile
from fogofwar.events.record import EventRecord, build_record
from fogofwar.model import Article

__all__ = ["EventsReport", "events_for_articles"]


@dataclass(frozen=True, slots=True)
class EventsReport:
    """Everything the events layer found in a set of articles."""

    articles: tuple[ArticleMeta, ...]
    groups: tuple[ArticleGroup, ...]
    links: tuple[LinkDecisions, ...]
    events: tuple[Event, ...]
    records: tuple[EventRecord, ...]
    lineages: tuple[Lineage, ...]
    reconciliations: tuple[Reconciliation, ...]
    flags: tuple[Flag, ...]

    def event_of(self, claim_id: str) -> str | None:
        """The event a claim ended up in (after manual decisions)."""
        for e in self.events:
            if claim_id in e.claim_ids:
                return e.event_id
        return None

    def flags_of(self, event_id: str) -> tuple[Flag, ...]:
        """Flags raised on an event or on an article's claims in it."""
        ev = next((e for e in self.events if e.event_id == event_id), None)
        ids = set(ev.claim_ids) if ev else set()
        return tuple(
            f
            for f in self.flags
            if f.event_id == event_id or any(s.claim_id in ids for s in f.spans)
        )


def events_for_articles(
    articles: Iterable[Article | ArticleMeta],
    claims: Iterable[Claim],
    *,
    embedder: Embedder | None = None,
    decisions: Sequence[Decision] = (),
    config: LinkConfig | None = None,
) -> EventsReport:
    """Run dedup, linking, manual decisions, lineage, flags and reconciliation in memory."""
    metas0 = [a if isinstance(a, ArticleMeta) else ArticleMeta.from_article(a) for a in articles]
    groups = find_duplicates(metas0)
    metas = with_groups(metas0, groups)
    meta_of = {m.article_id: m for m in metas}
    by_article: dict[str, list[Claim]] = {}
    claim_of: dict[str, Claim] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
        claim_of[c.claim_id] = c
    links = link_articles(
        metas, by_article, MemoryLinkIndex(), embedder=embedder, config=config or LinkConfig()
    )
    events = assemble(links, decisions)
    event_of = {cid: e.event_id for e in events for cid in e.claim_ids}
    recs = tuple(reconcile(e, claim_of, meta_of) for e in events)
    per_article = [
        f for aid in sorted(by_article) for f in article_flags(by_article[aid], event_of)
    ]
    flags: list[Flag] = list(per_article)
    records = []
    for e, r in zip(events, recs, strict=True):
        ef = event_flags(e, claim_of, meta_of, r)
        flags.extend(ef)
        records.append(build_record(e, claim_of, meta_of, r, [*ef, *flags_on(e, per_article)]))
    return EventsReport(
        articles=tuple(sorted(metas, key=lambda m: m.article_id)),
        groups=groups,
        links=links,
        events=events,
        records=tuple(records),
        lineages=tuple(lineage(e, claim_of, meta_of) for e in events),
        reconciliations=recs,
        flags=tuple(flags),
    )
