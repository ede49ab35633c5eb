"""Casualty reconciliation per event, count field and victim group.

Rules (documented in ``events/README.md``):

* only body claims count (a headline restates its body); reposts of one story count once;
  hypothetical ("could rise to 20") and denied figures are listed but never counted;
* figures are compared only within one victim group (:mod:`.victims`): civilians, children
  (a subgroup of civilians), the fighters of one side, officers (a subgroup of fighters), or
  unspecified people; an unspecified figure is read as civilians when no figure of the field
  names fighters, and fighters of an unnamed side as the one side the others name;
* per source and group, the figure of the latest article is the source's **current** figure
  (on one publication day the higher toll counts as the later one); its earlier, different
  figures are kept, marked ``superseded``;
* ``low`` is the lowest standing figure (a lower bound, else an upper one) and ``high`` the
  highest (an upper bound, else a lower one), so ``low <= high`` always: the range is taken
  across sources over figures not superseded by their own source;
* ``best`` is the current figure of the most authoritative identifiable source kind
  (officials and monitors, then outlets, analysts and named media, then witnesses, fighters
  and social media; unnamed sources never set it), the latest such figure, the lowest of
  them when several are equally late;
* current figures of different sources whose ranges do not overlap are a disagreement, unless
  the later one is up to 3x higher and from an identifiable source at least as authoritative
  (a toll that rose between two days' reports);
* sources are resolved to one identity (:mod:`.sources`); within an event, one person's name
  spelt apart (Сергей / Serhiy Lysak) is one source;
* every figure names its source, article and claim, and ``low``/``high``/``best`` name the
  claim they came from.

The figure of a field shown on the event (:meth:`Reconciliation.get`) is the total of its
best-attested top-level group; a subgroup stands for the field only when no total is stated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from fogofwar.claim import COUNT_FIELDS, Certainty, Claim, Count, SourceKind
from fogofwar.events.model import ArticleMeta, Event, context_claims
from fogofwar.events.sources import source_of, unify_name_keys
from fogofwar.events.subgroups import qualifier_subgroups
from fogofwar.events.victims import CIVILIANS, PEOPLE, count_group, is_subgroup

__all__ = [
    "AUTHORITY",
    "Figure",
    "Reconciliation",
    "SourceFigure",
    "reconcile",
    "reconcile_all",
]

# Authority of a source kind for ``best`` (lower is more authoritative).
AUTHORITY: dict[SourceKind, int] = {
    SourceKind.GOVERNMENT: 0,
    SourceKind.MILITARY: 0,
    SourceKind.INTELLIGENCE: 0,
    SourceKind.NGO_IO: 0,
    SourceKind.MEDIA: 1,
    SourceKind.AUTHOR: 1,
    SourceKind.EXPERT: 1,
    SourceKind.WITNESS: 2,
    SourceKind.COMBATANT: 2,
    SourceKind.SOCIAL_MEDIA: 2,
    SourceKind.UNNAMED: 3,
}
_NOT_COUNTED = (Certainty.HYPOTHETICAL, Certainty.DENIED)
_RISE = 3  # a later toll up to this factor higher is the toll rising, not a dispute


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One source's figure for one count field and victim group, as one article states it."""

    source_key: str
    source: str
    source_kind: str
    identifiable: bool
    low: int | None
    high: int | None
    article_id: str
    claim_id: str
    published: date | None
    current: bool  # the source's latest figure for this group in this event
    group: str = PEOPLE
    superseded_by: str | None = None  # claim id of the source's later figure
    counted: bool = True  # False for hypothetical or denied figures
    position: int = 0  # where in its article the figure stands (orders one day's figures)

    @property
    def value(self) -> int | None:
        """The credible figure: the lower bound, else the upper bound."""
        return self.low if self.low is not None else self.high

    @property
    def superseded(self) -> bool:
        """True when the same source gave a later figure for the same group."""
        return self.superseded_by is not None


@dataclass(frozen=True, slots=True)
class Figure:
    """Reconciled figure of one count field (killed, injured, ...) for one victim group."""

    field: str
    low: int | None
    high: int | None
    best: int | None
    best_source: str | None
    figures: tuple[SourceFigure, ...]
    disagreement: bool
    group: str = PEOPLE
    best_claim: str | None = None
    low_claim: str | None = None
    high_claim: str | None = None
    rule: str = ""  # why ``best`` is what it is

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Every claim this figure rests on."""
        return tuple(dict.fromkeys(f.claim_id for f in self.figures))


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """All reconciled figures of an event: one per count field and victim group."""

    event_id: str
    figures: tuple[Figure, ...] = ()

    def get(self, name: str) -> Figure | None:
        """The figure shown for count field ``name``: the total of its best-attested top-level
        group (most sources, then civilians and people before fighters), else a subgroup."""
        mine = [f for f in self.figures if f.field == name]
        if not mine:
            return None
        totals = [f for f in mine if not is_subgroup(f.group)] or mine
        return min(totals, key=lambda f: (-len({s.source_key for s in f.figures}), _rank(f)))

    def groups(self, name: str) -> tuple[Figure, ...]:
        """Every group's figure of count field ``name``."""
        return tuple(f for f in self.figures if f.field == name)


def _rank(f: Figure) -> tuple[int, str]:
    order = 0 if f.group in (PEOPLE, CIVILIANS) else 1
    return (order, f.group)


def _overlap(a: SourceFigure, b: SourceFigure) -> bool:
    alo, ahi = a.low or 0, a.high if a.high is not None else 10**9
    blo, bhi = b.low or 0, b.high if b.high is not None else 10**9
    return alo <= bhi and blo <= ahi


def _disagree(a: SourceFigure, b: SourceFigure) -> bool:
    """Two sources' current figures disagree when their ranges do not overlap, unless the
    later one is higher, by at most a factor 3, from an identifiable source at least as
    authoritative: a toll rising from one day's official report to a later one is news, not a
    dispute (100 against 3000, or hearsay above a named figure, stays a dispute)."""
    if _overlap(a, b):
        return False
    early, late = sorted((a, b), key=_when)
    lo, hi = early.value or 0, late.value or 0
    later_day = (early.published or date.min) < (late.published or date.min)
    as_firm = late.identifiable and _tier(late) <= _tier(early)
    return not (later_day and as_firm and lo < hi <= _RISE * max(lo, 1))


def _tier(f: SourceFigure) -> int:
    return AUTHORITY.get(SourceKind(f.source_kind), 3)


def _when(f: SourceFigure) -> tuple[date, str, int, str]:
    return (f.published or date.min, f.article_id, f.position, f.claim_id)


def _revision(f: SourceFigure) -> tuple[date, int, str, int, str]:
    """Order of one source's figures: by day; on one day a higher toll is the later one (tolls
    rise as the dead are found; articles of one day carry no reliable hour), then text order."""
    return (f.published or date.min, f.value or 0, f.article_id, f.position, f.claim_id)


def _best(current: list[SourceFigure]) -> tuple[SourceFigure | None, str]:
    eligible = [f for f in current if f.identifiable and f.counted and f.value is not None]
    if not eligible:
        return None, "no identifiable source states a figure"
    tier = min(_tier(f) for f in eligible)
    top = [f for f in eligible if _tier(f) == tier]
    latest = max(f.published or date.min for f in top)
    on_day = [f for f in top if (f.published or date.min) == latest]
    chosen = min(on_day, key=lambda f: (f.value or 0, _when(f)))
    kinds = sorted({f.source_kind for f in top})
    why = f"latest figure of the most authoritative sources ({', '.join(kinds)})"
    if len(on_day) > 1:
        why += "; the lowest of those given that day"
    return chosen, why


def _figure(name: str, group: str, figures: list[SourceFigure]) -> Figure:
    ordered = sorted(figures, key=_when)
    latest: dict[str, SourceFigure] = {}
    for f in sorted(figures, key=_revision):
        if f.counted:
            latest[f.source_key] = f
    marked = []
    for f in ordered:
        cur = latest.get(f.source_key)
        is_current = f.counted and cur is not None and cur.claim_id == f.claim_id
        revised = cur is not None and not is_current and cur.value != f.value
        later = cur.claim_id if f.counted and revised and cur is not None else None
        marked.append(replace(f, current=is_current, superseded_by=later))
    # the range spans the sources' standing figures: a figure its own source revised is history
    counted = [f for f in marked if f.counted and f.value is not None and not f.superseded]
    lows = sorted(counted, key=lambda f: (f.value or 0, _when(f)))
    highs = sorted(
        counted, key=lambda f: (-(f.high if f.high is not None else f.low or 0), _when(f))
    )
    current = sorted((f for f in marked if f.current), key=lambda f: f.source_key)
    chosen, why = _best(current)
    disagree = any(_disagree(a, b) for i, a in enumerate(current) for b in current[i + 1 :])
    high = highs[0] if highs else None
    return Figure(
        field=name,
        low=lows[0].value if lows else None,
        high=(high.high if high.high is not None else high.low) if high else None,
        best=chosen.value if chosen else None,
        best_source=chosen.source if chosen else None,
        figures=tuple(marked),
        disagreement=disagree,
        group=group,
        best_claim=chosen.claim_id if chosen else None,
        low_claim=lows[0].claim_id if lows else None,
        high_claim=high.claim_id if high else None,
        rule=why,
    )


def _settle(groups: Mapping[str, list[SourceFigure]]) -> dict[str, list[SourceFigure]]:
    """Read unspecified figures as the group the others name: fighters of an unnamed side as
    the one side named; unspecified people as civilians when no figure names fighters."""
    out: dict[str, list[SourceFigure]] = {g: list(fs) for g, fs in groups.items()}
    sides = sorted({g.split("/")[1] for g in out if g.startswith("combatants/")} - {"?"})
    if len(sides) == 1:
        for g in [g for g in out if g.startswith("combatants/?")]:
            target = g.replace("/?", f"/{sides[0]}", 1)
            out.setdefault(target, []).extend(replace(f, group=target) for f in out.pop(g))
    fighters = any(g.startswith("combatants/") for g in out)
    if PEOPLE in out and CIVILIANS in out and not fighters:
        out[CIVILIANS].extend(replace(f, group=CIVILIANS) for f in out.pop(PEOPLE))
    return out


def reconcile(
    event: Event, claims: Mapping[str, Claim], metas: Mapping[str, ArticleMeta]
) -> Reconciliation:
    """Reconcile the counts the claims of ``event`` state, per field and victim group."""
    context = context_claims(event)
    sources = {
        cid: source_of(claims[cid], metas.get(claims[cid].article_id))
        for cid in event.claim_ids
        if cid in claims
    }
    same = unify_name_keys(s.key for s in sources.values())  # one person spelt apart
    per_field: dict[str, dict[str, list[SourceFigure]]] = {}
    seen: set[tuple[str, str, str, str, int | None, int | None]] = set()
    for cid in event.claim_ids:
        claim = claims.get(cid)
        if claim is None or claim.in_headline or cid in context:
            continue
        meta = metas.get(claim.article_id)
        src = replace(sources[cid], key=same[sources[cid].key])
        for name in COUNT_FIELDS:
            count: Count | None = getattr(claim.counts, name)
            if count is None or (count.low is None and count.high is None):
                continue
            evidence = meta.evidence_id if meta else claim.article_id
            parts = [(count_group(claim, count), count.low, count.high, 0)]
            parts += [(p.group, p.low, p.high, 1) for p in qualifier_subgroups(claim, count)]
            for group, low, high, offset in parts:
                dedup = (name, group, src.key, evidence, low, high)
                if dedup in seen:
                    continue
                seen.add(dedup)
                per_field.setdefault(name, {}).setdefault(group, []).append(
                    SourceFigure(
                        src.key,
                        src.label,
                        src.kind.value,
                        src.identifiable,
                        low,
                        high,
                        claim.article_id,
                        cid,
                        meta.published if meta else None,
                        False,
                        group=group,
                        counted=claim.certainty not in _NOT_COUNTED,
                        position=(claim.span.start if claim.span else 0) + offset,
                    )
                )
    out: list[Figure] = []
    for name in COUNT_FIELDS:
        settled = _settle(per_field.get(name, {}))
        for group in sorted(settled, key=lambda g: (is_subgroup(g), g)):
            out.append(_figure(name, group, settled[group]))
    return Reconciliation(event.event_id, tuple(out))


def reconcile_all(
    events: Sequence[Event], claims: Mapping[str, Claim], metas: Mapping[str, ArticleMeta]
) -> tuple[Reconciliation, ...]:
    """:func:`reconcile` for each event."""
    return tuple(reconcile(e, claims, metas) for e in events)
