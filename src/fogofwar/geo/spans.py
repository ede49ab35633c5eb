"""Hits for given spans: resolve toponyms someone else found (an annotator, another tagger).

:func:`span_hits` turns each ``(start, end)`` span into a :class:`~.recognise.Hit` over the
tokens it covers, looked up as a whole, else by its longest sub-phrase that names a place
(capitalised words first: "Rapides Parish" -> "Rapides"); a demonym span ("Russian") is a
demonym hit. The recogniser's own hits that overlap no given span stay as context, so a
given span is resolved with the same document evidence as a found one.

A span with a region word around it ("the state of Washington", "Курской области", "région de
Kherson") names the first-level region.

A span the text calls a county past its end ("Hall and Barrow counties", "Douglas County"
with "County" left out) names the county; a plural demonym span ("Americans") the country.

A span named only in part ("Royal Street", "Trump Tower") is ``partial``: its place must lie
near the text's anchor (:func:`anchor`), else the span is taken to be somewhere in the
anchor (a street of the city the article is about), as is a span the gazetteer has no name
for at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from fogofwar.geo.abbrev import expand
from fogofwar.geo.borders import border_areas
from fogofwar.geo.features import listed_streets
from fogofwar.geo.index import Candidate, Place, PlaceIndex
from fogofwar.geo.keys import keys
from fogofwar.geo.landmarks import landmark_town
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.lexicon import is_common
from fogofwar.geo.recognise import Hit, Token, lookup, recognise, tokenize
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import region_after

__all__ = ["anchor", "located_after", "span_hits"]


_AREAS = ("country", "admin1", "region", "continent")
# words around an area's name that keep the area: a direction, the kind of region, a regime
_QUALIFIERS = frozenset(
    {
        *(f"{d}{suffix}" for d in ("north", "south", "east", "west") for suffix in ("", "ern")),
        *(f"{a}{b}" for a in ("north", "south") for b in ("east", "west", "eastern", "western")),
        "greater", "mainland", "rural", "coastal",
        "state", "province", "region", "territory", "oblast", "nazi", "soviet", "imperial",
    }
)  # fmt: skip


def _windows(first: int, last: int) -> list[tuple[int, int]]:
    """Sub-ranges of ``first..last``, longest first, left to right."""
    n = last - first + 1
    return [(a, a + size - 1) for size in range(n, 0, -1) for a in range(first, last - size + 2)]


# "Douglas County" with "County" left out of the span; "Hall and Barrow counties" (a list ends
# in the plural: "Athens, McMinn County" names one county, not Athens County)
_COUNTIES = re.compile(
    r"(?P<list>(?:\s*(?:,|and|or|&)\s*(?:[A-Z][\w.'’-]*\s*){1,3})*),?\s*(?:counties|Counties)\b"
    r"|\s*County\b"
)
# the span closes a list: "Hall and " before "Barrow counties"
_LIST_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s*(?:,|and|or|&)\s*$")


def _county(text: str, start: int, end: int, words: list[str], pack: LangPack,
            index: PlaceIndex) -> tuple[Candidate, ...]:  # fmt: skip
    """Counties of the name when the text calls it one past the span: "Hall County" with
    "County" left out, "Douglas and Sarpy counties". One name before the plural alone names
    the counties of that place ("Indiana counties", "most Texas counties"), not a county."""
    if pack.lang not in ("en", ""):
        return ()
    found = _COUNTIES.match(text, end)
    if found is None:
        return ()
    if (
        found.group("list") == ""  # the plural, after one name
        and _LIST_BEFORE.search(text[max(0, start - 40) : start]) is None
    ):
        return ()
    cands, _ = lookup([*words, "County"], pack, index)
    return tuple(c for c in cands if c.place.kind == "admin2")


def _region_phrase(
    tokens: list[Token], first: int, last: int, pack: LangPack, index: PlaceIndex
) -> tuple[Candidate, ...]:
    """First-level regions a span names with the region word the text puts around it ("the
    state of Washington", "Bundesstaat Georgia", "Курской области"): its candidates as that
    phrase, regions only."""
    own = [t.text for t in tokens[first : last + 1]]
    before = [t.text for t in tokens[max(0, first - 2) : first]]
    low = [w.casefold() for w in before]
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    phrases = []
    if len(low) == 2 and low[1] in pack.connectors and low[0] in pack.region_before:
        phrases.append([*before, *own])
    if low and low[-1] in pack.region_before:
        phrases.append([before[-1], *own])
    if nxt is not None and nxt.glued and region_after(nxt.text.casefold(), pack):
        phrases.append([*own, nxt.text])
    for words in phrases:
        cands, _ = lookup(words, pack, index)
        regions = tuple(c for c in cands if c.place.kind == "admin1")
        if regions:
            return regions
    if not phrases:
        return ()
    # else the name's regions, when one is the region of a town of that name ("région de
    # Kherson"); not a region that only shares the name of a town elsewhere ("the Charlotte
    # region" is not Charlotte parish, Saint Vincent)
    cands, _ = lookup(own, pack, index)
    towns = {(c.place.cc, c.place.admin1) for c in cands if c.place.kind == "city"}
    regions = tuple(c for c in cands if c.place.kind == "admin1")
    return regions if any((c.place.cc, c.place.admin1) in towns for c in regions) else ()


def _residents(surface: str, pack: LangPack, index: PlaceIndex) -> tuple[Candidate, ...]:
    """The towns and regions a given span names by their people ("Iowans", "New Londoners",
    "Richmondites", "Gazans"): the span less one of the pack's ``resident_endings``, looked up
    as a name of a town, district or region; not a span that is a name itself ("Cairns",
    "Appalachians")."""
    if not pack.resident_endings or index.lookup(fold(surface)):
        return ()
    for ending, stem_end in pack.resident_endings:
        if len(surface) > len(ending) + 2 and surface.endswith(ending):
            name = surface[: -len(ending)] + stem_end
            cands = tuple(
                c for c in index.lookup(fold(name))
                if c.how == 0 and c.place.kind in ("city", "admin2", "admin1")
            )  # fmt: skip
            if cands:
                return cands
    return ()


def _hit(
    tokens: list[Token], first: int, last: int, pack: LangPack, index: PlaceIndex, surface: str,
    text: str = "",
) -> Hit | None:  # fmt: skip
    words = [t.text for t in tokens[first : last + 1]]
    demonym = pack.demonyms.get(fold(" ".join(words)), "?")
    if demonym == "?" and surface.endswith("s"):  # "Americans", "Palestinians": the people
        demonym = pack.demonyms.get(fold(surface[:-1]), "?")
    if demonym == "?":
        home = _residents(surface, pack, index)
        if home:  # "Iowans", "New Londoners": the place of its people
            return Hit(first, last, tokens[first].start, tokens[last].end, home, False,
                       phrase=True)  # fmt: skip
    if demonym != "?":  # "Russian", "Sri Lankan", "European"
        return Hit(first, last, tokens[first].start, tokens[last].end, (), False,
                   demonym=demonym or "")  # fmt: skip
    town = landmark_town([fold(surface), *(k for k, _ in keys(words, pack))], index)
    if town:  # "Trump Tower", "Azovstal": the town it lies in
        return Hit(first, last, tokens[first].start, tokens[last].end, town, False, phrase=True,
                   landmark=True)  # fmt: skip
    target = dict(pack.metonyms).get(fold(" ".join(words)))
    if target is not None:  # "White House", "Kremlin": the city of the government
        cands = tuple(c for c in index.lookup(fold(target)) if c.place.kind == "city")
        if cands:
            return Hit(first, last, tokens[first].start, tokens[last].end, cands, False,
                       metonymy=True, phrase=True)  # fmt: skip
    ab = expand(surface) or expand(surface.rstrip(".") + ".")
    if ab is not None:  # "Calif.", "BC", given as a toponym
        region, cc = ab
        cands = tuple(
            c for c in index.lookup(fold(region)) if c.place.kind == "admin1" and c.place.cc == cc
        )
        if cands:
            return Hit(first, last, tokens[first].start, tokens[last].end, cands, False,
                       phrase=True)  # fmt: skip
    if any(q in surface for q in "'’ʼ"):  # "Democratic People's Republic of Korea": the
        # words lose their "'s" to the tokenizer, the name keeps it
        named = index.lookup(fold(surface))
        if named:
            return Hit(first, last, tokens[first].start, tokens[last].end, named, False,
                       phrase=last > first)  # fmt: skip
    named = _region_phrase(tokens, first, last, pack, index)
    if named:  # "the state of Washington", "Курской области": the region
        return Hit(first, last, tokens[first].start, tokens[last].end, named, False, phrase=True)
    counties = (
        _county(text, tokens[first].start, tokens[last].end, words, pack, index) if text else ()
    )
    if counties:
        return Hit(first, last, tokens[first].start, tokens[last].end, counties, False, phrase=True)
    tries = _windows(first, last)
    area = _qualified_area(tokens, first, last, tries, pack, index)
    if area is not None:
        return area
    # capitalised sub-phrases before lower-case ones ("the Gaza strip" -> "Gaza"); of two as
    # long, one naming an area ("University of California": the state, not University, FL)
    tries.sort(key=lambda w: (-(w[1] - w[0]), not tokens[w[0]].cap))
    found: Hit | None = None
    for a, b in tries:
        if found is not None and b - a < found.last - found.first:
            break
        if a == b and tokens[a].text.casefold() in pack.skip_initial:
            continue
        if a == b and (a, b) != (first, last) and _plain(tokens[a].text, pack):
            continue  # "Altnagelvin Hospital", "Eglinton Avenue West": not Hospital, not West
        cands, changed = lookup([t.text for t in tokens[a : b + 1]], pack, index, True)
        if cands:
            # "Council of Europe", "University of California": about the area, wherever the
            # text's anchor is (not a part named after it, as "Royal Street" and "West Wing")
            whole = (a, b) == (first, last) or _about_area(tokens, a, b, first, last, cands, pack)
            hit = Hit(a, b, tokens[a].start, tokens[b].end, cands, changed, phrase=b > a,
                      partial=not whole)  # fmt: skip
            if whole:
                return hit
            found = found or hit
    if found is not None:
        return found
    # "British Embassy", "European Commission": no place named, but a demonym's
    for a, b in tries:
        dem = pack.demonyms.get(fold(" ".join(t.text for t in tokens[a : b + 1])))
        if dem:
            return Hit(a, b, tokens[a].start, tokens[b].end, (), False, demonym=dem)
    return None


_STREETS = frozenset(
    {
        "street", "st", "avenue", "ave", "road", "rd", "square", "sq", "drive", "dr",
        "boulevard", "blvd", "lane", "ln", "way", "place", "court", "parkway", "highway",
        "bridge", "wing", "lake", "gulf", "bay", "river", "mount", "mountain", "mountains",
        "sea", "strait", "island", "islands", "peninsula", "creek", "falls", "park", "forest",
    }
)  # fmt: skip


def _plain(word: str, pack: LangPack) -> bool:
    """A compass word or a common word of the language, which names no place within a longer
    name."""
    return word.casefold() in pack.not_alone or is_common(word, pack.lang)


def _about_area(
    tokens: list[Token], a: int, b: int, first: int, last: int, cands: tuple[Candidate, ...],
    pack: LangPack,
) -> bool:  # fmt: skip
    """Whether words ``a..b`` of span ``first..last`` name a country, region or continent the
    span is about ("Bank of England", "European Commission"): an official name, not a compass
    word or a common word ("West Wing", "Convention Centre"), and no street, building or
    natural feature of that name ("Georgia Avenue", "Lake Ontario", "Gulf of Alaska")."""
    if not any(c.how == 0 and c.place.kind in _AREAS for c in cands):
        return False
    words = [t.text for t in tokens[a : b + 1]]
    if len(words) == 1 and _plain(words[0], pack):
        return False
    rest = {fold(t.text).strip(".") for t in (*tokens[first:a], *tokens[b + 1 : last + 1])}
    return not rest & _STREETS


def _qualified_area(
    tokens: list[Token], first: int, last: int, tries: list[tuple[int, int]], pack: LangPack,
    index: PlaceIndex,
) -> Hit | None:  # fmt: skip
    """The country or region a span names with qualifiers around it ("South Florida",
    "Sokoto State", "Nazi Germany"): a part of the area, not a street named after it. Not
    when the whole span is a name ("West Virginia", "South Africa")."""
    if lookup([t.text for t in tokens[first : last + 1]], pack, index)[0]:
        return None
    for a, b in tries[1:]:
        rest = [fold(t.text) for t in (*tokens[first:a], *tokens[b + 1 : last + 1])]
        if not all(w in _QUALIFIERS for w in rest):
            continue
        cands, changed = lookup([t.text for t in tokens[a : b + 1]], pack, index)
        areas = tuple(c for c in cands if c.place.kind in _AREAS)
        if areas:
            return Hit(a, b, tokens[a].start, tokens[b].end, areas, changed, phrase=b > a)
    return None


_LOCATED_GAP = 40  # characters between a facility's name and the town it is said to be in
_LOCATED_KINDS = ("city", "admin2", "admin1", "country")


def located_after(
    text: str, end: int, hits: list[Hit], places: dict[int, Place | None], pack: LangPack
) -> Place | None:
    """The place the text names right after a span as where it is: "Alder Hey Hospital in
    Liverpool", "Federal University of Technology, Owerri", "the Palais des Nations in Geneva"
    (the pack's ``located_in`` words, or a comma). ``places``: each hit's choice, by ``id``."""
    nxt = min(
        (h for h in hits if end <= h.start <= end + _LOCATED_GAP and h.demonym is None),
        key=lambda h: h.start,
        default=None,
    )
    if nxt is None or nxt.partial:
        return None
    gap = text[end : nxt.start]
    words = " ".join(gap.strip().lstrip(",").split()).casefold()
    article = next((a for a in pack.articles if words.endswith(" " + a)), None)
    if article is not None:  # "in the Bronx"
        words = words[: -len(article) - 1]
    if not (words in pack.located_in or (not words and gap.strip() == ",")):
        return None
    place = places.get(id(nxt))
    return place if place is not None and place.kind in _LOCATED_KINDS else None


def anchor(places: Sequence[Place | None]) -> Place | None:
    """The place a text is about: its most named city or district, counting half a mention
    for each place the text names in its country ("Cape Town" with the Western Cape named,
    over a Dutch namesake of a township); the biggest, then the first named, on a tie
    ("Chicago" over a hamlet whose other name is "South Side"); else its most named
    first-level region, else its most named country."""
    ccs = Counter(p.cc3 for p in places if p is not None and p.cc3)

    def weight(p: Place, counts: Counter[int], named: list[Place]) -> tuple[float, int, int]:
        return counts[p.eid] + (ccs[p.cc3] / 2 if p.cc3 else 0), p.population, -named.index(p)

    for kinds in (("city", "admin2"), ("admin1",), ("country",)):
        named = [p for p in places if p is not None and p.kind in kinds]
        if named:
            counts = Counter(p.eid for p in named)
            return max(named, key=lambda p: weight(p, counts, named))
    return None


def span_hits(
    text: str, spans: Sequence[tuple[int, int]], pack: LangPack, index: PlaceIndex
) -> tuple[list[Hit], list[Hit | None]]:
    """All hits to resolve together (given spans plus the recogniser's non-overlapping ones,
    in text order) and, per given span, its hit (``None``: nothing in the gazetteer)."""
    tokens = tokenize(text)
    streets = set(listed_streets(text, pack))  # "Hubbard" in "State and Hubbard streets"
    given: list[Hit | None] = []
    for start, end in spans:
        idx = [k for k, t in enumerate(tokens) if t.start < end and start < t.end]
        given.append(
            _hit(tokens, idx[0], idx[-1], pack, index, text[start:end], text)
            if idx and (start, end) not in streets
            else None
        )
    found = recognise(text, pack, index)
    # "the New York border": a given span before a border's word names the area too
    areas = border_areas(text, [h for h in given if h is not None], pack)
    swap = {id(a): b for a, b in zip((h for h in given if h is not None), areas, strict=True)}
    given = [swap.get(id(h), h) if h is not None else None for h in given]
    # a word the text marks by its form ("Lancaster" in "Douglas, Lancaster and Sarpy
    # counties", "Hardy" in "Harold Michael, D-Hardy"): the recogniser's reading of it
    marked = {(h.first, h.last): h for h in found if h.phrase and h.first == h.last and h.cands}
    given = [
        marked.get((h.first, h.last), h) if h is not None and not h.phrase else h for h in given
    ]
    taken = [(h.first, h.last) for h in given if h is not None]
    context = [h for h in found if not any(h.first <= b and a <= h.last for a, b in taken)]
    ids = {id(h) for h in given if h is not None}
    unique = list({id(h): h for h in [*given, *context] if h is not None}.values())
    ordered = sorted(unique, key=lambda h: (h.first, h.last, id(h) not in ids))
    return ordered, given
