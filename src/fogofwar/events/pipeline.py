"""All of the events layer over a set of articles, in memory: the demo and the evaluation.

:func:`events_for_articles` runs the one events path (:mod:`fogofwar.events.run`) on a
:class:`~fogofwar.events.memory.MemoryEventStore`: the same linking, near-duplicate grouping,
decisions and analysis that ingest runs on the database, so the evaluation measures what ingest
does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from fogofwar.claim import Claim
from fogofwar.events.embedding import Embedder
from fogofwar.events.lineage import Lineage
from fogofwar.events.linking import LinkConfig
from fogofwar.events.memory import MemoryEventStore
from fogofwar.events.model import (
    ArticleGroup,
    ArticleMeta,
    Decision,
    Event,
    Flag,
    LinkDecisions,
)
from fogofwar.events.protocol import EventStore
from fogofwar.events.reconcile import Reconciliation
from fogofwar.events.record import EventRecord
from fogofwar.events.run import MemoryArticles, analyse, link_batch
from fogofwar.events.versions import EventVersion, next_versions
from fogofwar.model import Article

__all__ = ["EventsReport", "events_for_articles", "save_report"]

#: When an in-memory run's links and versions are stamped (nothing reads it back).
RUN_AT = datetime(2000, 1, 1, tzinfo=UTC)


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
    """Link, group near-duplicates, apply manual decisions, and analyse (lineage, flags,
    reconciliation, records) in memory, along the path ingest takes."""
    metas = [a if isinstance(a, ArticleMeta) else ArticleMeta.from_article(a) for a in articles]
    all_claims = list(claims)
    lookup = MemoryArticles(metas, all_claims)
    es = MemoryEventStore()
    for d in decisions:
        es.add_decision(d)
    items = [(m, lookup.claims(m.article_id)) for m in metas]
    run = link_batch(es, lookup, items, RUN_AT, embedder=embedder, config=config)
    analysis = analyse(es, lookup)
    groups = es.groups()
    group_of = {a: g.group_id for g in groups for a in g.article_ids}
    grouped = [analysis.metas.get(m.article_id) or _with(m, group_of) for m in metas]
    events = analysis.events
    flags = [*analysis.article_flags]
    for e in events:
        flags.extend(f for f in analysis.flags[e.event_id] if f not in analysis.article_flags)
    return EventsReport(
        articles=tuple(sorted(grouped, key=lambda m: m.article_id)),
        groups=groups,
        links=run.decided,
        events=events,
        records=tuple(analysis.records[e.event_id] for e in events),
        lineages=tuple(analysis.lineage(e) for e in events),
        reconciliations=tuple(analysis.reconciliations[e.event_id] for e in events),
        flags=tuple(flags),
    )


def _with(meta: ArticleMeta, group_of: dict[str, str]) -> ArticleMeta:
    return replace(meta, dup_group=group_of.get(meta.article_id))


def save_report(es: EventStore, report: EventsReport, at: datetime) -> tuple[EventVersion, ...]:
    """Store a report of :func:`events_for_articles` in ``es``: groups, changed links and new
    versions (valid from ``at``); events missing from the report are retired. Returns the
    versions appended."""
    es.save_groups(report.groups)
    es.record_links((d for e in report.events for d in e.links), at)
    versions = next_versions(report.records, es.history(), at)
    es.append_versions(versions)
    return versions
