"""An :class:`~fogofwar.events.protocol.EventStore` in memory: the demo, the evaluation and
tests run the events layer through it exactly as ingest runs it through the database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime

from fogofwar.events.blocking import MemoryLinkIndex
from fogofwar.events.model import ArticleGroup, Decision, LinkDecision
from fogofwar.events.protocol import EventQuery, matches, record_order
from fogofwar.events.record import EventRecord
from fogofwar.events.versions import EventVersion, as_of, latest

__all__ = ["MemoryEventStore"]


class MemoryEventStore:
    """Links, decisions, groups and versions in lists and dicts (same contract as the store's)."""

    def __init__(self) -> None:
        self._index = MemoryLinkIndex()
        self._links: list[tuple[datetime, LinkDecision]] = []
        self._decisions: list[Decision] = []
        self._groups: dict[str, tuple[str, float]] = {}  # article → (group, similarity)
        self._versions: list[EventVersion] = []

    @property
    def index(self) -> MemoryLinkIndex:
        """The linker's blocking index."""
        return self._index

    def transaction(self) -> AbstractContextManager[None]:
        """Nothing to lock in memory (one process, one thread)."""
        return nullcontext()

    def record_links(self, decisions: Iterable[LinkDecision], at: datetime) -> int:
        """Append the decisions that differ from each claim's current link; returns how many."""
        batch = list(decisions)
        current = {d.claim_id: d for d in self.links(claim_ids=[d.claim_id for d in batch])}
        n = 0
        for d in batch:
            cur = current.get(d.claim_id)
            if cur is not None and (cur.event_id, cur.by) == (d.event_id, d.by):
                continue
            self._links.append((at, d))
            current[d.claim_id] = d
            n += 1
        return n

    def links(
        self,
        at: datetime | None = None,
        claim_ids: Iterable[str] | None = None,
        *,
        event_ids: Iterable[str] | None = None,
    ) -> tuple[LinkDecision, ...]:
        """Each claim's link (of ``claim_ids``, default all) as it stood at ``at``; with
        ``event_ids``, only the links into those events."""
        wanted = set(claim_ids) if claim_ids is not None else None
        into = set(event_ids) if event_ids is not None else None
        newest: dict[str, LinkDecision] = {}
        for when, d in self._links:
            if at is not None and when > at:
                continue
            if wanted is not None and d.claim_id not in wanted:
                continue
            newest[d.claim_id] = d
        return tuple(
            newest[k] for k in sorted(newest) if into is None or newest[k].event_id in into
        )

    def add_decision(self, decision: Decision) -> None:
        """Store a manual merge or split."""
        self._decisions.append(decision)

    def decisions(self) -> tuple[Decision, ...]:
        """All stored decisions, oldest first."""
        return tuple(self._decisions)

    def save_groups(self, groups: Sequence[ArticleGroup]) -> None:
        """Record (or re-record) which articles are copies of which."""
        for g in groups:
            for a in g.article_ids:
                self._groups[a] = (g.group_id, g.similarity)

    def groups(self, article_ids: Iterable[str] | None = None) -> tuple[ArticleGroup, ...]:
        """Stored groups (sorted by group id), representative first; with ``article_ids``,
        only the groups holding one of them."""
        members: dict[str, list[str]] = {}
        sims: dict[str, float] = {}
        chosen = None
        if article_ids is not None:
            chosen = {self._groups[a][0] for a in article_ids if a in self._groups}
        for a, (g, sim) in sorted(self._groups.items()):
            if chosen is not None and g not in chosen:
                continue
            members.setdefault(g, []).append(a)
            sims[g] = sim
        return tuple(
            ArticleGroup(g, (g, *sorted(a for a in ids if a != g)), sims[g])
            for g, ids in sorted(members.items())
        )

    def append_versions(self, versions: Sequence[EventVersion]) -> None:
        """Append versions; a version number already stored for an event is refused."""
        have = {(v.event_id, v.version) for v in self._versions}
        for v in versions:
            if (v.event_id, v.version) in have:
                raise ValueError(f"version {v.version} of {v.event_id} is already stored")
            have.add((v.event_id, v.version))
        self._versions.extend(versions)

    def history(self, event_id: str | None = None) -> tuple[EventVersion, ...]:
        """Every stored version (of one event, or all), oldest first."""
        return tuple(v for v in self._versions if event_id is None or v.event_id == event_id)

    def records(
        self,
        query: EventQuery | None = None,
        *,
        as_of: datetime | None = None,
        limit: int | None = None,
    ) -> tuple[EventRecord, ...]:
        """The live records passing ``query``, newest claimed date first (the first ``limit``)."""
        live = _live(self._versions, as_of)
        q = query or EventQuery()
        found = sorted((r for r in live if matches(r, q)), key=record_order, reverse=True)
        return tuple(found if limit is None else found[:limit])


def _live(history: Sequence[EventVersion], when: datetime | None) -> tuple[EventRecord, ...]:
    if when is not None:
        return as_of(history, when)
    newest = latest(history)
    return tuple(newest[k].record for k in sorted(newest) if not newest[k].retired)
