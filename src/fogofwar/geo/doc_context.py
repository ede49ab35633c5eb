"""What the rest of a text says about each toponym, read by :mod:`.resolve`: countries and
first-level regions with how much evidence each, the country and region the text is about,
and the points of other toponyms' choices.

The first context comes from context-free choices (countries named or certain, regions
named); later ones from the choices of the pass before, less each name's own share (one name
does not vouch for itself).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from fogofwar.geo.index import Candidate, Place
from fogofwar.geo.nearby import POINTS, evidence
from fogofwar.geo.recognise import Hit

__all__ = ["Context", "first_context", "owners", "second_context"]


def _main_country(doc_cc: Counter[str]) -> str | None:
    """The country the text is about: the most evidence, at least twice the next one's."""
    top = doc_cc.most_common(2)
    if not top or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def _main_region(doc_admin1: Counter[tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The first-level region the text is about (a local paper's state): the most evidence,
    at least twice the next one's."""
    top = doc_admin1.most_common(2)
    if not top or top[0][1] <= 0 or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


_NO_EVIDENCE: Counter[Any] = Counter()  # what a hit without a share of evidence subtracts


@dataclass
class Context:
    """What the rest of the text says, seen from one hit: countries and regions with how
    much evidence each, the hit's own share of it (subtracted), points of other toponyms."""

    choice: dict[int, Place | None]  # hit -> the place taken as its meaning in this pass
    doc_cc: Counter[str]
    own_cc: dict[int, Counter[str]]  # hit -> evidence it (or its name's other mentions) adds
    doc_admin1: Counter[tuple[str, str | None]]
    own_admin1: dict[int, Counter[tuple[str, str | None]]]
    points: list[tuple[object, Place]]  # (owner key, place) of cities and districts
    owner: dict[int, object]  # hit -> its owner key (its points are not its own context)
    main_cc: str | None = None
    _main_without: dict[int, str | None] = field(default_factory=dict)  # id(own share) -> main
    _home_without: dict[int, tuple[str, str | None] | None] = field(default_factory=dict)

    def cc(self, h: Hit, cc3: str) -> int:
        """Evidence for country ``cc3`` from toponyms other than ``h``."""
        return self.doc_cc.get(cc3, 0) - self.own_cc.get(id(h), _NO_EVIDENCE).get(cc3, 0)

    def region(self, h: Hit, key: tuple[str, str | None]) -> int:
        """Evidence for first-level region ``key`` from toponyms other than ``h``."""
        own = self.own_admin1.get(id(h), _NO_EVIDENCE)
        return self.doc_admin1.get(key, 0) - own.get(key, 0)

    def main(self, h: Hit) -> str | None:
        """The country the text is about, by the evidence of toponyms other than ``h``."""
        own = self.own_cc.get(id(h))
        if not own:
            return self.main_cc
        # mentions of one name share their evidence: the answer is worked out once per share
        key = id(own)
        if key not in self._main_without:
            self._main_without[key] = _main_country(self.doc_cc - own)
        return self._main_without[key]

    def home(self, h: Hit) -> tuple[str, str | None] | None:
        """The first-level region the text is about, by the evidence of toponyms other than
        ``h``."""
        own = self.own_admin1.get(id(h), _NO_EVIDENCE)
        key = id(own)
        if key not in self._home_without:
            self._home_without[key] = _main_region(self.doc_admin1 - own)
        return self._home_without[key]

    def others(self, h: Hit) -> list[Place]:
        """Points of the other toponyms."""
        me = self.owner[id(h)]
        return [p for o, p in self.points if o != me]


def first_context(
    places: list[Hit], pruned: dict[int, tuple[Candidate, ...]], first: dict[int, Place | None]
) -> Context:
    """Context from context-free choices: countries named or certain, regions named."""
    doc_cc: Counter[str] = Counter()  # country -> evidence from places (1 each)
    own_cc: dict[int, Counter[str]] = {}
    for h in evidence(places):
        cands = pruned[id(h)]
        top = first[id(h)]
        ccs = {c.place.cc3 for c in cands}
        own: str | None = None
        if len(ccs) == 1 and None not in ccs:
            own = str(next(iter(ccs)))
        elif (
            top is not None
            and top.kind == "country"
            and top.cc3
            and not any(c.how == 0 and c.place.kind == "admin1" for c in cands)
        ):  # "Georgia" may be the state: not evidence for the country
            own = top.cc3
        if own is not None:
            doc_cc[own] += 1
            own_cc[id(h)] = Counter({own: 1})
    # regions named in the text, or holding a district/city whose name has one candidate region
    doc_admin1: Counter[tuple[str, str | None]] = Counter(
        (p.cc, p.admin1)
        for h in evidence(places)
        if (p := first[id(h)]) is not None and p.kind == "admin1"
    )
    own_admin1: dict[int, Counter[tuple[str, str | None]]] = {}
    for h in evidence(places):
        regions = {(c.place.cc, c.place.admin1) for c in pruned[id(h)]}
        top = first[id(h)]
        if len(regions) == 1:
            key = next(iter(regions))
            own_admin1[id(h)] = Counter({key: 1})
            if top is not None and top.kind != "admin1":
                doc_admin1[key] += 1
    # points of other hits' context-free choices (cities and districts: where things are)
    owner = owners(places, first)
    return _context(places, first, owner, doc_cc, own_cc, doc_admin1, own_admin1)


def second_context(
    places: list[Hit], choice: dict[int, Place | None], first: dict[int, Place | None]
) -> Context:
    """Context from the choices of a pass with context: every toponym's country and region
    count, less the mentions of the same name (one name does not vouch for itself)."""
    doc_cc: Counter[str] = Counter()
    doc_admin1: Counter[tuple[str, str | None]] = Counter()
    owner = owners(places, first)
    by_name: dict[object, list[Hit]] = defaultdict(list)
    for h in evidence(places):
        by_name[owner[id(h)]].append(h)
    own_cc: dict[int, Counter[str]] = {}
    own_admin1: dict[int, Counter[tuple[str, str | None]]] = {}
    for members in by_name.values():
        ccs: Counter[str] = Counter()
        regions: Counter[tuple[str, str | None]] = Counter()
        for h in members:
            p = choice[id(h)]
            if p is None or not p.cc3:
                continue
            ccs[p.cc3] += 1
            if p.kind in ("admin1", *POINTS):
                regions[(p.cc, p.admin1)] += 1
        doc_cc.update(ccs)
        doc_admin1.update(regions)
        for h in members:
            own_cc[id(h)], own_admin1[id(h)] = ccs, regions
    return _context(places, choice, owner, doc_cc, own_cc, doc_admin1, own_admin1)


def _context(
    places: list[Hit],
    choice: dict[int, Place | None],
    owner: dict[int, object],
    doc_cc: Counter[str],
    own_cc: dict[int, Counter[str]],
    doc_admin1: Counter[tuple[str, str | None]],
    own_admin1: dict[int, Counter[tuple[str, str | None]]],
) -> Context:
    """The context of a pass's ``choice``: the counts given, and the points (cities and
    districts: where things are) that its toponyms were resolved to."""
    points: list[tuple[object, Place]] = [
        (owner[id(h)], p)
        for h in evidence(places)
        if (p := choice[id(h)]) is not None and p.kind in POINTS
    ]
    ctx = Context(choice, doc_cc, own_cc, doc_admin1, own_admin1, points, owner)
    ctx.main_cc = _main_country(doc_cc)
    return ctx


def owners(places: list[Hit], first: dict[int, Place | None]) -> dict[int, object]:
    """Mentions of one name ("Paris", "PARIS", "Paris PD") vouch for each other no more than
    for themselves: hits with the same context-free choice share an owner."""
    return {id(h): ("place", p.eid) if (p := first[id(h)]) is not None else id(h) for h in places}
