"""Casualty reconciliation per event: every source's figure, low/high, and a best estimate.

Rules (documented in ``events/README.md``):

* only body claims count (a headline restates its body); reposts of one story count once;
* each source's *latest* figure is its current figure (a toll revised from 27 to 33 is 33);
* ``low`` is the lowest figure stated (a lower bound, else an upper one) and ``high`` the
  highest (an upper bound, else a lower one), so ``low <= high`` always;
* ``best`` follows ACLED's conservative rule: the lowest current figure of an identifiable
  (named, or an outlet's own voice) source; an open "at least n" is superseded by a later
  identifiable figure >= n; without an identifiable figure, ``best`` stays ``None``;
* figures of different sources whose ranges do not overlap are a disagreement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from fogofwar.claim import COUNT_FIELDS, Claim, Count
from fogofwar.events.model import ArticleMeta, Event
from fogofwar.events.sources import source_of

__all__ = ["Figure", "Reconciliation", "SourceFigure", "reconcile", "reconcile_all"]


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One source's figure for one count field, as one article states it."""

    source_key: str
    source: str
    source_kind: str
    identifiable: bool
    low: int | None
    high: int | None
    article_id: str
    claim_id: str
    published: date | None
    current: bool  # the source's latest figure in this event

    @property
    def value(self) -> int | None:
        """The credible figure: the lower bound, else the upper bound."""
        return self.low if self.low is not None else self.high


@dataclass(frozen=True, slots=True)
class Figure:
    """Reconciled figure of one count field (killed, injured, ...)."""

    field: str
    low: int | None
    high: int | None
    best: int | None
    best_source: str | None
    figures: tuple[SourceFigure, ...]
    disagreement: bool


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """All reconciled figures of an event."""

    event_id: str
    figures: tuple[Figure, ...] = ()

    def get(self, name: str) -> Figure | None:
        """The figure of count field ``name``, if any source gave one."""
        for f in self.figures:
            if f.field == name:
                return f
        return None


def _overlap(a: SourceFigure, b: SourceFigure) -> bool:
    alo, ahi = a.low or 0, a.high if a.high is not None else 10**9
    blo, bhi = b.low or 0, b.high if b.high is not None else 10**9
    return alo <= bhi and blo <= ahi


def _superseded(f: SourceFigure, others: list[SourceFigure]) -> bool:
    """An open "at least n" is superseded by a later figure within its range."""
    if f.low is None or f.high is not None:
        return False
    return any(
        o is not f
        and (o.published or date.min) > (f.published or date.min)
        and o.value is not None
        and o.value >= f.low
        for o in others
    )


def _figure(name: str, figures: list[SourceFigure]) -> Figure:
    latest: dict[str, SourceFigure] = {}
    for f in sorted(figures, key=lambda f: (f.published or date.min, f.article_id, f.claim_id)):
        latest[f.source_key] = f
    current_ids = {f.claim_id for f in latest.values()}
    marked = tuple(
        replace(f, current=f.claim_id in current_ids)
        for f in sorted(figures, key=lambda f: (f.published or date.min, f.source_key))
    )
    values = [f.value for f in figures if f.value is not None]
    tops = [f.high if f.high is not None else f.low for f in figures]
    highs = [t for t in tops if t is not None]
    identified = [f for f in latest.values() if f.identifiable and f.value is not None]
    credible = sorted((f.value, f.source) for f in identified if not _superseded(f, identified))
    cur = sorted(latest.values(), key=lambda f: f.source_key)
    disagree = any(not _overlap(a, b) for i, a in enumerate(cur) for b in cur[i + 1 :])
    return Figure(
        field=name,
        low=min(values) if values else None,
        high=max(highs) if highs else None,
        best=credible[0][0] if credible else None,
        best_source=credible[0][1] if credible else None,
        figures=marked,
        disagreement=disagree,
    )


def reconcile(
    event: Event, claims: Mapping[str, Claim], metas: Mapping[str, ArticleMeta]
) -> Reconciliation:
    """Reconcile the counts the claims of ``event`` state."""
    per_field: dict[str, list[SourceFigure]] = {}
    seen: set[tuple[str, str, str, int | None, int | None]] = set()
    for cid in event.claim_ids:
        claim = claims.get(cid)
        if claim is None or claim.in_headline:
            continue
        meta = metas.get(claim.article_id)
        src = source_of(claim, meta)
        for name in COUNT_FIELDS:
            count: Count | None = getattr(claim.counts, name)
            if count is None or (count.low is None and count.high is None):
                continue
            evidence = meta.evidence_id if meta else claim.article_id
            dedup = (name, src.key, evidence, count.low, count.high)
            if dedup in seen:
                continue
            seen.add(dedup)
            per_field.setdefault(name, []).append(
                SourceFigure(
                    src.key,
                    src.label,
                    src.kind.value,
                    src.identifiable,
                    count.low,
                    count.high,
                    claim.article_id,
                    cid,
                    meta.published if meta else None,
                    False,
                )
            )
    return Reconciliation(
        event.event_id,
        tuple(_figure(n, per_field[n]) for n in COUNT_FIELDS if n in per_field),
    )


def reconcile_all(
    events: Sequence[Event], claims: Mapping[str, Claim], metas: Mapping[str, ArticleMeta]
) -> tuple[Reconciliation, ...]:
    """:func:`reconcile` for each event."""
    return tuple(reconcile(e, claims, metas) for e in events)
