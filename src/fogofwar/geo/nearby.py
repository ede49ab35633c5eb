"""Distances and pairings of candidate places, read by :mod:`.resolve`: great-circle
distance, coherence with the places a text names elsewhere, towns of two toponyms close to
each other, towns inside a region another toponym names."""

from __future__ import annotations

import math

from fogofwar.geo.index import Candidate, Place
from fogofwar.geo.tokens import Hit

__all__ = [
    "PAIR_MAX",
    "POINTS",
    "coherence",
    "contains",
    "evidence",
    "hierarchy",
    "km",
    "km_between",
    "pairs",
]

POINTS = ("city", "admin2")
_NEAR_KM = ((100.0, 1.875), (300.0, 0.94))  # coherence: distance to another hit's choice, bonus
_PAIR_KM = 50.0  # towns of two toponyms this close are likely both meant
PAIR_MAX = 25  # ... when the other toponym has at most this many candidates


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (infinite when one has no point)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return km_between(a.lat, a.lon, b.lat, b.lon)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


#: Latitudes further apart than this are further apart than the widest coherence distance
#: (a degree of latitude is 111.2 km on the sphere :func:`km` uses): no distance to compute.
_NEAR_DEG = _NEAR_KM[-1][0] / 111.0


def coherence(p: Place, others: list[Place]) -> float:
    """Bonus of a city or district close to places the text names elsewhere (``others``
    leaves ``p`` itself out)."""
    if p.kind not in ("city", "admin2") or not others or p.lat is None:
        return 0.0
    lat, eid = p.lat, p.eid
    d = min(
        (
            km(p, o)
            for o in others
            if o.eid != eid and o.lat is not None and abs(o.lat - lat) <= _NEAR_DEG
        ),
        default=math.inf,
    )
    return next((bonus for km, bonus in _NEAR_KM if d <= km), 0.0)


def pairs(
    places: list[Hit], pruned: dict[int, tuple[Candidate, ...]], owner: dict[int, object]
) -> set[tuple[int, int]]:
    """(hit, place) of towns with a town among another toponym's candidates within _PAIR_KM:
    "Athens" and "Henderson County" both in Texas, whatever each alone would be. Toponyms
    with more than PAIR_MAX candidates ("Washington") are too vague to count; a town inside
    the country whose official name the toponym is ("Mexico" for Mexico City, beside Puebla)
    is no likelier for it than the country itself."""
    towns = [
        (h, [c.place for c in pruned[id(h)] if c.place.kind in POINTS and c.place.lat is not None])
        for h in evidence(places)
        if len(pruned[id(h)]) <= PAIR_MAX
    ]
    out: set[tuple[int, int]] = set()
    deg = _PAIR_KM / 111.0
    for i, (h, mine) in enumerate(towns):
        if len(pruned[id(h)]) < 2:
            continue  # one candidate: nothing to choose
        areas = _official_areas(pruned[id(h)])
        # "Mexico" near Puebla: the country, not its capital (whichever toponym is near)
        free = [p for p in mine if not any(contains(a, p) for a in areas)]
        for j, (o, theirs) in enumerate(towns):
            if i == j or owner[id(o)] == owner[id(h)]:
                continue
            for p in free:
                if (id(h), p.eid) in out:
                    continue
                for q in theirs:
                    if abs(p.lat - q.lat) <= deg and km(p, q) <= _PAIR_KM:  # type: ignore[operator]
                        out.add((id(h), p.eid))
                        break
    return out


def _official_areas(cands: tuple[Candidate, ...]) -> list[Place]:
    """Countries and regions whose official name the name is ("Mexico", "New Brunswick"): a
    town of the name inside one of them is no more likely for a town of another toponym near
    it (the area is near it too)."""
    return [c.place for c in cands if c.how == 0 and c.place.kind == "country"]


def hierarchy(
    places: list[Hit], pruned: dict[int, tuple[Candidate, ...]], owner: dict[int, object]
) -> set[tuple[int, int]]:
    """(hit, place) of towns inside a first-level region among another toponym's candidates
    (by the region's official name): "Albany" in the US state with "Georgia" named, whatever
    each would be alone (the region then follows its town by the context terms). Toponyms
    with more than PAIR_MAX candidates are too vague to count."""
    regions = [
        (h, c.place)
        for h in evidence(places)
        for c in pruned[id(h)]
        if c.place.kind == "admin1" and c.how == 0 and len(pruned[id(h)]) > 1
    ]
    if not regions:
        return set()
    out: set[tuple[int, int]] = set()
    for o in evidence(places):
        cands = pruned[id(o)]
        if len(cands) < 2 or len(cands) > PAIR_MAX:
            continue
        for h, r in regions:
            if owner[id(h)] == owner[id(o)]:
                continue
            inside = [c.place for c in cands if c.place.kind in POINTS and contains(r, c.place)]
            out.update((id(o), p.eid) for p in inside)
    return out


def contains(outer: Place, inner: Place) -> bool:
    if outer.eid == inner.eid or not outer.cc or outer.cc != inner.cc:
        return False
    if outer.kind == "country":
        return inner.kind != "country"
    if outer.kind in ("admin1", "region") and inner.kind in ("city", "admin2"):
        return bool(outer.admin1) and inner.admin1 == outer.admin1
    return False


def evidence(places: list[Hit]) -> list[Hit]:
    """Hits that count as context: not a place named by part of a given span ("Live" in
    "Video Games Live Concert"), which may be no place at all, nor the town of a landmark
    ("United Nations" in a story set in Salisbury)."""
    return [h for h in places if not h.partial and not h.landmark]
