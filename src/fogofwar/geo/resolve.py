"""Toponym resolution: pick one place per hit, with the whole text as context.

Score of a candidate place (higher wins); the weights are module constants, tuned on the
dev halves of GeoWebNews, LGL and GeoVirus (``fogofwar eval places``):

1. Size: log10(population) / _POP_SCALE, plus a bonus for a country or first-level region
   (population = its cities') and for a national capital ("Washington" is the city, not the
   state); continents and large areas: fixed.
2. How the name matched: official/current name +1, other name 0, cross-script skeleton -2.4,
   only after undoing a case ending -_CHANGED ("Pokrovsk" is Pokrovsk, Ukraine, not Engels,
   whose old name it is). Tie-breaker prior: +0.1 for Ukraine and Russia.
3. Pairs: a town with a town among another toponym's candidates within _PAIR_KM ("Athens"
   and "Henderson County", both in Texas, whatever each would be alone); a town inside a
   first-level region among another toponym's candidates ("Albany" with "Georgia" named).
4. Local hierarchy: a region or country named within 6 words after (or 2 before) the toponym
   contains the candidate ("Sudscha in der Region Kursk", "Paris, Texas"); else a list of
   countries or regions ("Washington, Pennsylvania and California") favours that kind, and
   more so in the list's country ("Alberta, Ontario and New Brunswick": the province).
5. A city inside the same-named first-level region among the candidates ("New York").
6. A demonym right before it: "die russische Region Kursk" -> a Russian candidate.
7. Document countries and regions: countries with evidence from other toponyms, countries whose
   local bodies the text cites ("Ukrainian officials", "украинские власти": _LOCAL_BODY), countries
   only present as demonyms (less: who acts, not where; official names only), first-level
   regions holding the candidate, a region holding another toponym's town ("Georgia" with
   Atlanta), the country the article is about (at least twice the evidence of the next one),
   the first-level region it is about (a local paper's state, by the same rule) for a town
   whose name is no official name of an area.
8. Coherence: a city or district within 100 / 300 km of another toponym's town; not when the
   name is the official name of a country or region ("Idaho" is the state, not Idaho Springs).

Passes: the first is context-free; the second takes its context (countries, regions, towns)
from the first one's choices, with only countries named or certain as evidence; the next two
read every toponym's choice of the pass before (so "Athens" chosen in Texas in one pass lets
"Henderson County" follow it in the next); passes stop at a fixed point. Choices that still
chase each other ("Athens" moves to Texas while "Henderson County" moves to North Carolina,
and back) settle by moving one name at a time, the one that gains most, between towns.
Mentions with one context-free meaning ("Paris",
"PARIS") never vouch for each other, and places named by part of a given span ("Live" in
"Video Games Live Concert") are no context.

A town's other name gives way to a city of a million's own name ("Philadelphia" is not Amman
by its ancient name), a hamlet's to a capital's ("Jerusalem" is not Funkstown, Md.).

A first-level region whose official name is a city's official name ("Puno") gives way to the
city: the text says no more than the name. A city's other name ("Minnesota" for Minneota)
does not prune its region.

One sense per discourse: hits with the same candidates take the choice of the best-supported
one, so "Springfield, Illinois" carries to a later bare "Springfield".
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from itertools import pairwise

from fogofwar.geo.doc_context import Context, first_context, owners, second_context
from fogofwar.geo.index import Candidate, Place
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.nearby import (
    POINTS,
    coherence,
    contains,
    hierarchy,
    km,
    pairs,
)
from fogofwar.geo.prune import prune as _prune
from fogofwar.geo.recognise import Hit

__all__ = ["km", "local_countries", "resolve"]

_KIND_BONUS = {"country": 1.5, "admin1": 0.5}
_BIG_CITY = 100_000  # a city this big outnumbering a same-named region's towns is the name's
_CAPITAL = 1.875
_FIXED = {"continent": 6.0, "region": 6.0}
_HOW = {0: 1.0, 1: 0.0, 2: -2.4}
_PRIOR = {"UA": 0.1, "RU": 0.1}
_AFTER = 6  # "Pokrovsk in Donetsk region", "Paris, Texas"
_BEFORE = 2  # "Region Kursk: Sudscha"
_MAIN_COUNTRY = 1.0
_HOLDS_CITY = 3.0  # a first-level region holding a city another toponym names
_LISTED = ("country", "admin1")
_PAIR = 1.25
_HIER = 1.0  # a region and a town of another toponym inside it
_LIST_GAP = 2  # "Ohio, Oregon", "Utah and Texas": list neighbours are this many words apart
_NAMESAKE = 2.0  # a city in the first-level region of its name ("New York")
_LIST_KIND = 2.0  # a country or region listed next to others of its kind
_LIST_SAME = 2.0  # ... and of their country: a list of one country's provinces
_PASSES = 3  # passes with context: each after the first reads the choices of the one before
_SETTLE = 4  # then at most this many names move one at a time, when the passes chase each other
_POP_SCALE = 0.9375  # size: log10(population) / this
_CHANGED = 0.3  # matched only after undoing a case ending
_LOCAL = 1.0  # a neighbouring region or country contains the candidate
_QUALIFIED = 3.0  # ... the one right after it ("Alexandria, Minn.", "Paris, Texas")
_DEMONYM_YES, _DEMONYM_NO = 4.0, -3.0
_DOC_COUNTRY, _DOC_DEMONYM = 1.125, 0.5
_DOC_REGION = 2.5  # a city or district of a first-level region the text names
_HOME_REGION = 1.0  # ... the region the text is about (twice the evidence of the next one)
_LOCAL_BODY = 2.5  # a place of a country whose local bodies the text cites ("Ukrainian officials")


def _base(c: Candidate, changed: bool) -> float:
    p = c.place
    size = _FIXED.get(p.kind)
    if size is None:
        size = math.log10(p.population + 1) / _POP_SCALE + _KIND_BONUS.get(p.kind, 0.0)
        size += _CAPITAL if p.capital and c.how == 0 else 0.0  # not "Victoria" for Hong Kong
    return size + _HOW[c.how] - (_CHANGED if changed else 0.0) + _PRIOR.get(p.cc, 0.0)


def _best(hit: Hit, score: dict[int, float]) -> Place | None:
    if not hit.cands:
        return None
    top = max(hit.cands, key=lambda c: (score[c.place.eid], c.place.population, -c.place.eid))
    return top.place


def local_countries(text: str, hits: list[Hit], pack: LangPack) -> frozenset[str]:
    """Countries whose own local bodies the text cites: a demonym right before one of the
    pack's ``local_nouns`` ("Ukrainian officials said", "украинские власти", "ukrainische
    Behörden"). Who reports is not who acts: "Russian forces" name no such body."""
    out = set()
    for h in hits:
        if h.demonym and not h.demonym.startswith("@"):
            rest = text[h.end : h.end + 40].split()
            words = " ".join(rest[:2]).casefold()
            if rest and (
                rest[0].casefold().strip(".,;:") in pack.local_nouns or words in pack.local_nouns
            ):
                out.add(h.demonym)
    return frozenset(out)


def _outnumbered(cands: tuple[Candidate, ...]) -> list[int]:
    """First-level regions whose official name is that of a city of _BIG_CITY+ elsewhere that
    outnumbers the region's own towns ("Gaza": the city of 410,000 over the Mozambican
    province): they lose the region's bonus, so only context makes them the region."""
    big = max(
        (c.place.population for c in cands
         if c.how == 0 and c.place.kind == "city" and c.place.population >= _BIG_CITY),
        default=0,
    )  # fmt: skip
    return [
        c.place.eid
        for c in cands
        if c.how == 0 and c.place.kind == "admin1" and c.place.population < big
    ]


def resolve(
    hits: list[Hit],
    local: frozenset[str] = frozenset(),
    prior: Mapping[int, Mapping[int, float]] | None = None,
) -> list[Place | None]:
    """One place (or ``None`` for demonyms and empty hits) per hit, in hit order; ``local``:
    countries whose local bodies the text cites (:func:`local_countries`); ``prior``:
    ``id(hit)`` -> place id -> what to add to its context-free score
    (:func:`fogofwar.geo.context_prior.name_priors`)."""
    places = [h for h in hits if h.demonym is None]
    pruned = {id(h): _prune(h.cands) for h in places}
    doc_dem = {h.demonym for h in hits if h.demonym}  # countries of demonyms: who acts
    # pass 1: context-free choice
    first: dict[int, Place | None] = {}
    bases: dict[int, dict[int, float]] = {}  # hit -> place -> context-free score
    for h in places:
        cands = pruned[id(h)]
        extra = prior.get(id(h), {}) if prior else {}
        base = bases[id(h)] = {
            c.place.eid: _base(c, h.changed) + extra.get(c.place.eid, 0.0) for c in cands
        }
        for eid in _outnumbered(cands):  # "Gaza": the city, unless Mozambique is named
            base[eid] -= _KIND_BONUS["admin1"]
        first[id(h)] = _best(Hit(h.first, h.last, h.start, h.end, cands, h.changed), base)
    # towns near a candidate town of another toponym, whichever each would be alone
    for hid, eid in pairs(places, pruned, owners(places, first)):
        bases[hid][eid] += _PAIR
    for hid, eid in hierarchy(places, pruned, owners(places, first)):
        bases[hid][eid] += _HIER
    # pass 2: with the context of pass 1; pass 3: with the context of pass 2
    ctx = first_context(places, pruned, first)
    out, best = _choose(hits, places, pruned, bases, doc_dem, ctx, local)
    out = _one_sense(hits, out, best)

    def _step(
        out: list[Place | None],
    ) -> tuple[list[Place | None], dict[int, float], dict[int, dict[int, float]]]:
        """Every hit's best choice in the context of ``out``, its score, all scores."""
        chosen = {id(h): p for h, p in zip(hits, out, strict=True) if h.demonym is None}
        scores: dict[int, dict[int, float]] = {}
        ctx = second_context(places, chosen, first)
        nxt, best = _choose(hits, places, pruned, bases, doc_dem, ctx, local, scores)
        return nxt, best, scores

    for n in range(_PASSES):
        nxt, best, _ = _step(out)
        if nxt == out:
            return out  # a fixed point: each choice is the best in the context of all the others
        if n < _PASSES - 1:
            out = _one_sense(hits, nxt, best)
    # choices that chase each other ("Athens" in Texas when "Henderson County" is in North
    # Carolina, and back): one name at a time moves to its best town in the context of the
    # others, the name that gains the most first, until none gains (a town does not become a
    # country or region here, nor the other way round: their scores do not compare)
    group = owners(places, first)
    for _ in range(_SETTLE):
        nxt, _, scores = _step(out)
        gain: dict[object, float] = defaultdict(float)
        for k, (h, a, b) in enumerate(zip(hits, out, nxt, strict=True)):
            if a is not None and b is not None and a != b and a.kind in POINTS and b.kind in POINTS:
                gain[group[id(h)]] += scores[k][b.eid] - scores[k][a.eid]
        if not gain:
            break
        top = max(gain, key=lambda g: gain[g])
        out = [
            b if h.demonym is None and group[id(h)] == top else a
            for h, a, b in zip(hits, out, nxt, strict=True)
        ]
        held = {k: scores[k][p.eid] for k, p in enumerate(out) if p is not None and k in scores}
        out = _one_sense(hits, out, held)
    return out


def _choose(
    hits: list[Hit],
    places: list[Hit],
    pruned: dict[int, tuple[Candidate, ...]],
    bases: dict[int, dict[int, float]],
    doc_dem: set[str],
    ctx: Context,
    local: frozenset[str] = frozenset(),
    scores: dict[int, dict[int, float]] | None = None,
) -> tuple[list[Place | None], dict[int, float]]:
    """Each hit's best candidate in context ``ctx``, and its score; ``scores`` (when given)
    receives every candidate's score, by hit position and place id."""
    # hits in text order, one token at least each (recognise's output): a hit's neighbours
    # are among the _BEFORE hits before it and the _AFTER after it
    ordered = all(a.first <= a.last < b.first for a, b in pairwise(places))
    pos = {id(h): k for k, h in enumerate(places)}
    out: list[Place | None] = []
    best_score: dict[int, float] = {}
    for k, h in enumerate(hits):
        if h.demonym is not None:
            out.append(None)
            continue
        cands = pruned[id(h)]
        near = places[max(0, pos[id(h)] - _BEFORE) : pos[id(h)] + _AFTER + 1] if ordered else places
        neighbours = [
            ctx.choice[id(o)]
            for o in near
            if o is not h
            and not o.partial
            and (0 < o.first - h.last <= _AFTER or 0 < h.first - o.last <= _BEFORE)
            and ctx.choice.get(id(o)) is not None
        ]
        demonyms = {
            d.demonym for d in hits[max(0, k - 2) : k] if d.demonym and h.first - d.last <= 2
        }
        # "Washington, Pennsylvania and California": a list names places of one kind
        listed = {
            (n.kind, n.cc)
            for o in near
            if (n := ctx.choice.get(id(o))) is not None
            and o is not h
            and not o.partial
            and n.kind in _LISTED
            and (0 < o.first - h.last <= _LIST_GAP or 0 < h.first - o.last <= _LIST_GAP)
        }
        # "Alexandria, Minn.", "Paris, Texas": the region or country right after qualifies
        # it, unless a list goes on ("Washington, Pennsylvania and California")
        qualifier = next(
            (
                ctx.choice[id(o)]
                for o in near
                if o.first == h.last + 1
                and not o.partial
                and ctx.choice.get(id(o)) is not None
                and not _list_goes_on(o, near, ctx)
            ),
            None,
        )
        score: dict[int, float] = {}
        # "Idaho", "Mexico": the official name of a country or region is not a town's nickname
        official_area = any(c.how == 0 and c.place.kind not in ("city", "admin2") for c in cands)
        others = ctx.others(h)
        main_cc = ctx.main(h)
        # "New York": the city of a region of the same name (whose official name it is)
        namesakes = {(c.place.cc, c.place.admin1) for c in cands if c.place.kind == "admin1"}
        for c in cands:
            p = c.place
            s = bases[id(h)][p.eid]  # the same for every candidate of one place
            if qualifier is not None and contains(qualifier, p):
                s += _QUALIFIED
            elif any(n is not None and contains(n, p) for n in neighbours):
                s += _LOCAL
            elif (p.kind, p.cc) in listed:  # "Alberta, Ontario and New Brunswick"
                s += _LIST_KIND + _LIST_SAME
            elif any(kind == p.kind for kind, _ in listed):
                s += _LIST_KIND
            if p.kind == "city" and (p.cc, p.admin1) in namesakes:
                s += _NAMESAKE
            if demonyms and p.kind != "country":
                s += _DEMONYM_YES if p.cc3 in demonyms else _DEMONYM_NO
            if p.cc3 and ctx.cc(h, p.cc3) > 0:
                s += _DOC_COUNTRY
            elif p.cc3 in doc_dem and c.how == 0:
                # who acts, not where: and never for a town by another of its names ("a
                # Russian strike on Pokrovsk" is not Engels, once Pokrovsk)
                s += _DOC_DEMONYM
            if p.kind in POINTS and ctx.region(h, (p.cc, p.admin1)) > 0:
                s += _DOC_REGION
                if not official_area and not h.metonymy and ctx.home(h) == (p.cc, p.admin1):
                    # not "Kansas" or "New York" the town, nor the "White House" in Ohio
                    s += _HOME_REGION
            if p.kind == "admin1" and any(
                o.cc == p.cc and o.admin1 == p.admin1 for o in others
            ):  # "Georgia" with Atlanta, Georgia named: the state
                s += _HOLDS_CITY
            if main_cc is not None and p.cc3 == main_cc and p.kind != "country":
                s += _MAIN_COUNTRY
            if p.cc3 in local:  # the country itself too: "Mexico" stays the country
                s += _LOCAL_BODY
            if len(cands) > 1 and not official_area:
                s += coherence(p, others)
            score[p.eid] = s
        top = _best(Hit(h.first, h.last, h.start, h.end, cands, h.changed), score)
        out.append(top)
        if top is not None:
            best_score[k] = score[top.eid]
        if scores is not None:
            scores[k] = score
    return out, best_score


def _list_goes_on(o: Hit, near: list[Hit], ctx: Context) -> bool:
    """Another country or region follows ``o`` within a list's gap ("Pennsylvania and
    California")."""
    return any(
        0 < n.first - o.last <= _LIST_GAP
        and (p := ctx.choice.get(id(n))) is not None
        and p.kind in _LISTED
        for n in near
    )


def _one_sense(
    hits: list[Hit], out: list[Place | None], best: dict[int, float]
) -> list[Place | None]:
    """Hits with the same candidates take the choice of the best-supported one."""
    groups: dict[frozenset[int], list[int]] = defaultdict(list)
    for k, h in enumerate(hits):
        if h.demonym is None and out[k] is not None and len(h.cands) > 1:
            groups[frozenset(c.place.eid for c in h.cands)].append(k)
    for members in groups.values():
        if len(members) > 1:
            lead = max(members, key=lambda k: (best[k], -k))
            for k in members:
                out[k] = out[lead]
    return out
