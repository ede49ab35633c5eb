"""How well a claim fits an event: field-by-field comparison with an auditable score.

A claim is first reduced to :class:`ClaimFeatures` (kind group, time window, place, actors,
killed figure, sentence embedding). :func:`score` compares it with an :class:`EventProfile`
and returns the score (0..1: points earned over points available) with one
:class:`LinkReason` per field that contributed or vetoed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from fogofwar.claim import Claim, Count
from fogofwar.events.embedding import cosine
from fogofwar.events.model import EventProfile, LinkReason, Vector, kind_group

__all__ = [
    "OPEN",
    "WEIGHTS",
    "ClaimFeatures",
    "absorb",
    "claim_window",
    "features",
    "new_profile",
    "score",
]

# Points per field. ``text`` counts only when both sides have an embedding, ``counts`` only when
# both state a death toll, ``article`` only for an event this claim's article already feeds.
WEIGHTS: dict[str, float] = {
    "kind": 0.15,
    "place": 0.30,
    "time": 0.15,
    "actors": 0.15,
    "counts": 0.05,
    "text": 0.25,
    "article": 0.15,
}

# Days of slack around a claimed date, by precision; before-publication claims without a
# date cover the fortnight up to publication.
_TOLERANCE = {"day": 1, "week": 3, "month": 3, "year": 7}
_UNDATED_DAYS = 14
_GAP_DECAY_DAYS = 14
# Share of a field's points when either side lacks it: no evidence either way.
_UNKNOWN = 0.25
_COARSE = ("country", "region")


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """The comparable fields of one claim."""

    claim_id: str
    article_id: str
    kind: str
    group: str
    window: tuple[int, int] | None  # date ordinals, tolerance included
    country: str | None = None
    admin1: str | None = None  # "ISO3/admin1"
    place: int | None = None  # GeoNames id
    point: bool = False  # the place is a point (town), not a region
    actors: frozenset[str] = frozenset()
    killed: tuple[int, int] | None = None
    embedding: Vector | None = field(default=None, compare=False, repr=False)


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def claim_window(claim: Claim, published: date | None) -> tuple[int, int] | None:
    """The days (ordinals, inclusive) the claim's event may fall on, tolerance included."""
    pub = published.toordinal() if published else None
    t = claim.time
    start = _ordinal(t.start) if t else None
    end = _ordinal(t.end) if t else None
    if start is None and end is None:
        return None if pub is None else (pub - _UNDATED_DAYS, pub)
    if start is None:
        start = (end or 0) - _UNDATED_DAYS
    if end is None:
        end = start
    tol = _TOLERANCE.get(t.precision if t else "", 3)
    return (min(start, end) - tol, max(start, end) + tol)


OPEN = 10**9  # an open upper bound ("at least 27") in a (low, high) pair


def _range(count: Count | None) -> tuple[int, int] | None:
    if count is None or (count.low is None and count.high is None):
        return None
    low = count.low if count.low is not None else 0
    high = count.high if count.high is not None else OPEN
    return (low, max(low, high))


def _actor_tokens(claim: Claim) -> frozenset[str]:
    out: set[str] = set()
    for a in claim.actors:
        out.add((a.normalized or a.name).strip().lower())
        if a.country:
            out.add("@" + a.country.upper())
    return frozenset(out)


def features(
    claim: Claim, published: date | None, embedding: Vector | None = None
) -> ClaimFeatures:
    """Reduce ``claim`` to what the linker compares."""
    loc = claim.location
    country = loc.country.upper() if loc and loc.country else None
    # a country-wide place ("in Ukraine") only ever matches at country level
    fine = loc is not None and loc.precision not in _COARSE
    admin1 = f"{country}/{loc.admin1.lower()}" if fine and loc and country and loc.admin1 else None
    return ClaimFeatures(
        claim_id=claim.claim_id,
        article_id=claim.article_id,
        kind=claim.kind.value,
        group=kind_group(claim.kind),
        window=claim_window(claim, published),
        country=country,
        admin1=admin1,
        place=loc.geonames_id if fine and loc else None,
        point=bool(loc and loc.precision == "point"),
        actors=_actor_tokens(claim),
        killed=_range(claim.counts.killed),
        embedding=embedding,
    )


def _place(c: ClaimFeatures, e: EventProfile) -> tuple[float | None, str]:
    """Share of the place weight earned (``None`` = veto) and what matched."""
    if c.country and e.countries and c.country not in e.countries:
        return None, f"country {c.country} not in {sorted(e.countries)}"
    e_admin1 = {a for a in e.admin1s if a.startswith(f"{c.country}/")}
    if c.admin1 and e_admin1 and c.admin1 not in e_admin1:
        return None, f"admin1 {c.admin1} not in {sorted(e_admin1)}"
    if c.place is not None and c.place in e.places:
        return 1.0, f"geonames={c.place}"
    if c.admin1 and c.admin1 in e_admin1:
        if c.point and e.places:
            return 0.35, f"admin1={c.admin1}, other point"
        return 0.75, f"admin1={c.admin1}"
    if c.country and c.country in e.countries:
        return 0.4, f"country={c.country}"
    return _UNKNOWN, "place unknown"


def _time(c: ClaimFeatures, e: EventProfile) -> tuple[float, str]:
    if c.window is None:
        return 0.0, "no date"
    overlap = min(c.window[1], e.end) - max(c.window[0], e.start) + 1
    if overlap > 0:
        shortest = min(c.window[1] - c.window[0], e.end - e.start) + 1
        share = overlap / shortest
        return share, f"overlap={overlap}/{shortest}d"
    gap = -overlap + 1
    return max(0.0, 1.0 - gap / _GAP_DECAY_DAYS), f"gap={gap}d"


def _counts(c: ClaimFeatures, e: EventProfile) -> tuple[float, str] | None:
    if c.killed is None or e.killed is None:
        return None
    (cl, ch), (el, eh) = c.killed, e.killed
    if cl <= eh and el <= ch:
        return 1.0, f"killed {_fmt(cl, ch)} overlaps {_fmt(el, eh)}"
    lo, hi = sorted((max(cl, 1), max(el, 1)))
    if hi <= 2 * lo:
        return 0.5, f"killed {_fmt(cl, ch)} near {_fmt(el, eh)}"
    return 0.0, f"killed {_fmt(cl, ch)} vs {_fmt(el, eh)}"


def _fmt(low: int, high: int) -> str:
    return f"{low}+" if high >= OPEN else str(low) if low == high else f"{low}-{high}"


def score(
    c: ClaimFeatures, e: EventProfile, same_article: bool = False
) -> tuple[float, tuple[LinkReason, ...]]:
    """Score ``c`` against ``e``: 0 on a veto (group, country, region), else earned/available."""
    if c.group != e.group:
        return 0.0, (LinkReason("kind", f"group {c.group} != {e.group}", 0.0),)
    place_share, place_detail = _place(c, e)
    if place_share is None:
        return 0.0, (LinkReason("place", place_detail, 0.0),)
    reasons: list[LinkReason] = []
    available = 0.0

    def add(name: str, share: float, detail: str) -> None:
        nonlocal available
        available += WEIGHTS[name]
        reasons.append(LinkReason(name, detail, round(WEIGHTS[name] * share, 4)))

    add("kind", 1.0 if c.kind in e.kinds else 0.5, f"kind={c.kind}")
    add("place", place_share, place_detail)
    add("time", *_time(c, e))
    shared = c.actors & e.actors
    smaller = min(len(c.actors), len(e.actors))
    if smaller:
        add("actors", len(shared) / smaller, f"shared={sorted(shared)}")
    else:
        add("actors", _UNKNOWN, "actors unknown")
    if same_article:
        add("article", 1.0, "event already holds a claim of this article")
    counts = _counts(c, e)
    if counts is not None:
        add("counts", *counts)
    cos = cosine(c.embedding, e.embedding)
    if cos is not None:
        add("text", min(1.0, max(0.0, (cos - 0.2) / 0.5)), f"cos={cos:.2f}")
    earned = sum(r.weight for r in reasons)
    return (round(earned / available, 4) if available else 0.0), tuple(reasons)


def new_profile(event_id: str, c: ClaimFeatures, fallback_day: int) -> EventProfile:
    """The profile of an event founded by claim ``c``."""
    start, end = c.window if c.window else (fallback_day, fallback_day)
    return EventProfile(
        event_id=event_id,
        group=c.group,
        kinds=frozenset({c.kind}),
        start=start,
        end=end,
        countries=frozenset({c.country}) if c.country else frozenset(),
        admin1s=frozenset({c.admin1}) if c.admin1 else frozenset(),
        places=frozenset({c.place}) if c.place is not None else frozenset(),
        actors=c.actors,
        killed=c.killed,
        n_claims=1,
        embedding=c.embedding,
    )


def absorb(e: EventProfile, c: ClaimFeatures) -> EventProfile:
    """``e`` after claim ``c`` joined it (union of fields, running mean of embeddings)."""
    start, end = c.window if c.window else (e.start, e.end)
    killed = e.killed
    if c.killed is not None:
        killed = (
            c.killed
            if killed is None
            else (min(killed[0], c.killed[0]), max(killed[1], c.killed[1]))
        )
    emb = e.embedding
    if c.embedding is not None:
        if emb is None:
            emb = c.embedding
        else:
            mean = emb * e.n_claims + c.embedding
            norm = float(np.linalg.norm(mean)) or 1.0
            emb = (mean / norm).astype(np.float32)
    return replace(
        e,
        kinds=e.kinds | {c.kind},
        start=min(e.start, start),
        end=max(e.end, end),
        countries=e.countries | ({c.country} if c.country else set()),
        admin1s=e.admin1s | ({c.admin1} if c.admin1 else set()),
        places=e.places | ({c.place} if c.place is not None else set()),
        actors=e.actors | c.actors,
        killed=killed,
        n_claims=e.n_claims + 1,
        embedding=emb,
    )
