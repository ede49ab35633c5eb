"""Places listed after an event with the event word left out: one claim per place (claims-v1).

A front-line or air-defence report names its event once and then lists where it happened,
often with a figure per place and the verb elided: "Five drones were downed over Belgorod
region, two — over Kursk and Rostov", "сім атак — поблизу Липців, Глибокого і Вовчанська",
"tre raid: uno a Krasnohorivka, uno a Chasiv Yar", "Ещё 21 — над Московским регионом." Each
listed place is the same event at another place (annotating-claims: "one event named at two
places is one claim per place"), so it gets a copy of the claim before it, located there and
spanning its own item.

An item is a few lead words — a figure, a dash, prepositions, "also"/"ещё"-like fillers — then
one or more places joined by the pack's joiners, and at most a few trailing words (the "области"
of "Курской области"). The list must open with a dash, a colon or a figure (a bare comma after
an event is no list: ", said the governor of Kursk region"), items hold no event word and no
attribution cue of their own, and the list ends the sentence; a whole sentence of such items
continues the last listable claim of the sentence before it.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fogofwar.claim import Claim, ClaimKind, Counts, Location, claim_id_for
from fogofwar.geo import PlaceMention
from fogofwar.geo.langdata import lang_pack
from fogofwar.model import Span
from fogofwar.nlp.claims_places import FAN_KINDS, fan_out_places
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.kinds import crosswalk
from fogofwar.nlp.matcher import Token, norm, token_starts
from fogofwar.nlp.place_nouns import area_adjective
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import pack_meta, read_table

__all__ = ["LIST_KINDS", "listed_places", "place_headed", "places_hit"]

_DASHES = frozenset({"-", "–", "—", ":"})
_SEPARATORS = frozenset({",", ";"})
_ENDS = frozenset({".", "!", "?", "…"})
_QUOTES = frozenset("«»\"“”„‘’'")  # a closing quote ends a quoted list
_MAX_LEAD = 4  # words before an item's place ("по два — над территорией")
_MAX_TAIL = 2  # words after it ("… Курской области")
_MAX_NAME = 3
#: kinds whose places are listed: those one event at several places fans out to, and places
#: taken ("cleared the villages — A, B and C")
LIST_KINDS = FAN_KINDS | {ClaimKind.TERRITORIAL_CHANGE}
_MAX_OTHER = 2  # other words after a dash or preposition ("— над акваторией")


@dataclass(frozen=True, slots=True)
class _Item:
    """One listed item: its token range and the places it names."""

    start: int
    end: int
    places: tuple[PlaceMention, ...]
    opens: bool  # a dash, colon or figure leads it: it may open a list
    counted: bool  # a figure leads it ("по два — над …"): a share of the event


@lru_cache(maxsize=16)
def _capital_nouns(lang: str) -> bool:
    return bool(pack_meta(lang).get("capitalised_nouns"))


@lru_cache(maxsize=16)
def _additive(lang: str) -> frozenset[str]:
    """The pack's ``[text] additive`` words ("ещё", "another", "weitere"): one more of the
    same, before a figure in a list item."""
    text = read_table(lang, "pack").get("text", {})
    words = text.get("additive", []) if isinstance(text, dict) else []
    return frozenset(norm(str(w)) for w in words)


def _name_word(tok: Token) -> bool:
    """A capitalised word that may be part of an unknown place name (no abbreviation)."""
    word = tok.text.replace("-", "")
    return tok.is_capitalized and word.isalpha() and sum(c.isupper() for c in word) < 2


class _Lister:
    """Reads place items in one document."""

    def __init__(self, doc: Doc, pack: LanguagePack) -> None:
        self.doc, self.pack, self.toks = doc, pack, doc.tokens
        self.starts = token_starts(doc.tokens)
        self.places = {p.span.start: p for p in doc.places if p.names_a_site}
        self.preps = lang_pack(doc.lang).place_preps
        self.names = not _capital_nouns(doc.lang)
        self.openers = {s.tok_start for s in doc.sentences}  # capitalised as sentence starts
        self.additive = _additive(doc.lang)

    def number(self, tok: Token) -> bool:
        return tok.text[:1].isdigit() or tok.lower in self.pack.number_words

    def _blocked(self, i: int, stop: int) -> bool:
        """An event word, a cue or an origin ("from") in ``[i, stop)``: no bare list item."""
        p = self.pack
        return bool(
            p.triggers.find(self.toks, i, stop)
            or p.cues.find(self.toks, i, stop)
            or p.origins.find(self.toks, i, stop)
        )

    def _place_at(self, i: int, stop: int, named: bool = True) -> tuple[PlaceMention, int] | None:
        """A place starting at token ``i``: a gazetteer mention, else (``named``, where only
        names are capitalised) up to three capitalised words, returned unresolved."""
        tok = self.toks[i]
        p = self.places.get(tok.start)
        if p is not None:
            j = bisect.bisect_left(self.starts, p.span.end, lo=i)
            return p, max(j, i + 1)
        if not (named and self.names and i not in self.openers and _name_word(tok)):
            return None
        j = i
        while j < stop and j - i < _MAX_NAME and _name_word(self.toks[j]):
            j += 1
        span = Span(tok.start, self.toks[j - 1].end)
        return PlaceMention(span, span.slice(self.doc.text), None), j

    def _lead(self, i: int, stop: int) -> tuple[int, bool, bool, bool] | None:
        """The lead words of an item from token ``i``: a figure, a dash or colon, place
        prepositions and determiners, the pack's ``additive`` words ("ещё", "another"), up to
        two other words right after a preposition or dash ("— над акваторией"). Returns where
        the place starts, whether a dash, colon or figure opens the item, whether an unknown
        name may stand there (at the item's start or after a preposition or dash, not after a
        figure: "13 КАБів" counts things), and whether a figure leads the item."""
        toks, opens, words, named, counted = self.toks, False, 0, True, False
        after_prep, others = False, 0
        while i < stop:
            tok = toks[i]
            low = tok.lower
            prep = low in self.preps or low in self.pack.determiners
            if tok.text in _DASHES:
                opens, named = True, True
            elif self.number(tok):
                opens, named, counted = True, False, True
            elif prep or low in self.additive:
                if not prep and self._place_at(i, stop, named=False) is not None:
                    break
                named = prep
            elif self._place_at(i, stop, named) is not None:
                break
            elif after_prep and others < _MAX_OTHER and tok.is_word and not tok.is_capitalized:
                others += 1
                i += 1
                continue
            else:
                return None
            after_prep, others = prep or tok.text in _DASHES, 0
            words += tok.is_word
            if words > _MAX_LEAD:
                return None
            i += 1
        return i, opens, named, counted

    def item(self, i: int, stop: int) -> _Item | None:
        """The item starting at token ``i`` and ending at a separator or at ``stop``."""
        toks, start = self.toks, i
        lead = self._lead(i, stop)
        if lead is None:
            return None
        i, opens, named, counted = lead
        places: list[PlaceMention] = []
        while i < stop:
            found = self._place_at(i, stop, named or bool(places))
            if found is None:
                break
            places.append(found[0])
            i = found[1]
            if i < stop and self.pack.joiners.match_at(toks, i, stop) is not None:
                nxt = self.pack.joiners.match_at(toks, i, stop)
                assert nxt is not None
                k = nxt.end
                while k < stop and toks[k].lower in self.preps:
                    k += 1
                if k < stop and self._place_at(k, stop) is not None:
                    i = k
                    continue
            break
        if not places:
            return None
        tail = 0
        while i < stop and toks[i].text not in _SEPARATORS | _ENDS | _QUOTES:
            if self.pack.joiners.match_at(toks, i, stop) is not None:
                break  # "uno a X e uno a Y": the joiner ends this item
            if not toks[i].is_word or tail >= _MAX_TAIL or toks[i].is_capitalized:
                return None
            tail += 1
            i += 1
        if self._blocked(start, i):
            return None
        return _Item(start, i, tuple(places), opens, counted)

    def items(self, i: int, stop: int) -> list[_Item]:
        """The items of a list running from token ``i`` to the sentence's end at ``stop``
        (none unless it opens with a dash, colon or figure; it ends at the sentence's end or at
        a comma before words that are no item)."""
        out: list[_Item] = []
        while i < stop and self.toks[i].text in _SEPARATORS:
            i += 1
        while i < stop:
            item = self.item(i, stop)
            if item is None or (not out and not item.opens):
                return out  # a list closed by a comma before another clause
            out.append(item)
            i = item.end
            if i < stop and self.toks[i].text in _QUOTES:
                return out
            if i < stop and self.toks[i].text in _ENDS:
                i += 1
                return out if i >= stop else []
            went = i
            if i < stop and self.toks[i].text in _SEPARATORS:
                i += 1
            j = self.pack.joiners.match_at(self.toks, i, stop) if i < stop else None
            if j is not None:
                i = j.end
            if i == went and i < stop:
                return []
        return out


_HEADS = frozenset({";", ":"})  # what may stand before a "Place —" head inside a sentence


def _head_place(doc: Doc, start: int) -> PlaceMention | None:
    """The place heading a list item whose words start at token ``start``: a dash right
    before it, and before the dash a place (with at most one region word after it:
    "Белгородская область —") that opens its sentence or follows a semicolon or colon."""
    toks = doc.tokens
    if start < 2 or toks[start - 1].text not in _DASHES - {":"}:
        return None
    ends = {toks[j].end for j in (start - 2, start - 3) if j >= 0}
    place = next((p for p in doc.places if p.span.end in ends and not p.is_demonym), None)
    if place is None:
        return None
    k = bisect.bisect_left(toks, place.span.start, key=lambda t: t.start)
    if k == 0 or toks[k - 1].text in _HEADS or any(s.tok_start == k for s in doc.sentences):
        return place
    return None


def place_headed(doc: Doc, clause_start: int, clause_end: int) -> bool:
    """The clause is one item of a per-place list, headed by a place and a dash
    ("Харківщина — обстріл Куп'янська; Сумщина — удари КАБами по Білопіллю", "Kharkiv —
    shelling of Kupiansk; Sumy — drone attack on …", :func:`_head_place`) and running to a
    semicolon or its sentence's end. Such an item asserts its event noun without a verb, as
    a headline does."""
    toks = doc.tokens
    ends = {";"} | _ENDS
    open_end = toks[clause_end - 1].text not in ends and clause_end < len(toks)
    if open_end and toks[clause_end].text not in ends:
        return False
    return _head_place(doc, clause_start) is not None


def _located(place: PlaceMention) -> Location:
    if place.location is not None:
        return dataclasses.replace(place.location, name=place.surface, span=place.span)
    return Location(place.surface, place.span)  # named in the list, not resolved


def _copy(
    doc: Doc, version: str, claim: Claim, item: _Item, place: PlaceMention, sentence: Span
) -> Claim:
    """A copy of ``claim`` at ``place``, spanning its item; the claim's figures stay with it."""
    toks = doc.tokens
    span = Span(toks[item.start].start, toks[item.end - 1].end)
    cid = claim_id_for(doc.doc_id, version, place.span, claim.kind.value, doc.headline)
    return dataclasses.replace(
        claim, claim_id=cid, location=_located(place), span=span, counts=Counts(), sentence=sentence
    )


def _finer(doc: Doc, place: PlaceMention, loc: Location | None) -> bool:
    """``place`` is the claim's own place: the claim has none, or names only the region or
    the front-line direction that holds the listed towns ("на Харківському напрямку сім атак
    — поблизу Липців, Глибокого"): a region of the same province, or a name followed by a
    place noun outside its own span ("Харківському напрямку", "Pokrovsk direction": the
    gazetteer read the adjective alone)."""
    if loc is None:
        return True
    inner = place.location
    if loc.span is not None and area_adjective(doc, loc.span):
        return True
    return (
        inner is not None
        and inner.precision == "point"
        and loc.precision in ("admin1", "admin2")
        and inner.admin1 is not None
        and inner.admin1 == loc.admin1
    )


def _at_head(doc: Doc, claim: Claim) -> Claim:
    """A per-place list item's claim with no place inside its own words is located at the
    place heading the item ("Херсонщина — атака дронів на Бериславський район")."""
    span, loc = claim.span, claim.location
    if span is None or claim.in_headline:
        return claim
    if loc is not None and loc.span is not None and span.start <= loc.span.start < span.end:
        return claim
    start = bisect.bisect_left(doc.tokens, span.start, key=lambda t: t.start)
    head = _head_place(doc, start)
    return claim if head is None else dataclasses.replace(claim, location=_located(head))


def _sentence_of(doc: Doc, offset: int) -> int:
    return bisect.bisect_right([s.span.start for s in doc.sentences], offset) - 1


def _listable(doc: Doc, claims: Sequence[Claim]) -> dict[int, int]:
    """Sentence → index of its last attack, clash or protest claim (by span end)."""
    last: dict[int, int] = {}
    for n, c in enumerate(claims):
        if c.kind not in LIST_KINDS or c.in_headline or c.span is None:
            continue
        s = _sentence_of(doc, c.span.start)
        prev = claims[last[s]].span if s in last else None
        if prev is None or prev.end <= c.span.end:
            last[s] = n
    return last


def listed_places(
    doc: Doc, pack: LanguagePack, version: str, claims: Sequence[Claim]
) -> list[Claim]:
    """``claims`` with one copy per place listed after an attack, clash or protest with its
    event word left out (module docstring); a claim without a place of its own, or with only
    the region of the listed towns, takes the first listed place."""
    if not claims or not doc.sentences:
        return list(claims)
    claims = [_at_head(doc, c) for c in claims]
    lister = _Lister(doc, pack)
    taken = {c.location.span for c in claims if c.location is not None and c.location.span}
    claimed = {_sentence_of(doc, c.span.start) for c in claims if c.span and not c.in_headline}
    out = list(claims)
    for s, n in sorted(_listable(doc, claims).items()):
        c = claims[n]
        assert c.span is not None
        sent = doc.sentences[s]
        at = bisect.bisect_left(lister.starts, c.span.end)
        own = lister.items(at, sent.tok_end)
        shared = at > 0 and lister.number(doc.tokens[at - 1])  # "… і 13 — над …"
        runs = [(sent.span, own)]
        k = s + 1  # whole sentences of items continue the list
        while k < len(doc.sentences) and k not in claimed:
            nxt = doc.sentences[k]
            more = lister.items(nxt.tok_start, nxt.tok_end)
            if nxt.paragraph != sent.paragraph or not more:
                break
            runs.append((nxt.span, more))
            k += 1
        if own and not (shared or own[0].counted) and _finer(doc, own[0].places[0], c.location):
            # "сім атак — поблизу Липців, …": the first place is the claim's own, and its
            # span reaches it; a figure per item ("і 13 — над …") shares the event out instead
            first, end = own[0].places[0], doc.tokens[own[0].end - 1].end
            out[n] = dataclasses.replace(
                c, location=_located(first), span=Span(c.span.start, max(end, c.span.end))
            )
            taken.add(first.span)
        for where, run in runs:
            for item in run:
                for p in item.places:
                    if p.span not in taken:
                        taken.add(p.span)
                        out.append(_copy(doc, version, c, item, p, where))
    return out


def _hit_places(doc: Doc, pack: LanguagePack, claim: Claim) -> bool:
    """A casualty verb whose subject is places, not people ("постраждали Сумщина, Одещина",
    "пострадали Белгородская и Курская области"): the verb stands right before a place and
    the claim counts no one."""
    span = claim.span
    if claim.kind != ClaimKind.CASUALTIES or span is None or claim.in_headline:
        return False
    if claim.counts.killed is not None or claim.counts.injured is not None:
        return False
    toks = doc.tokens
    lo = bisect.bisect_left(toks, span.start, key=lambda t: t.start)
    hi = bisect.bisect_left(toks, span.end, key=lambda t: t.start)
    places = {
        p.span.start
        for p in doc.places
        if p.location is not None and not p.is_demonym and p.location.precision != "point"
    }
    return any(
        m.payload.kind == ClaimKind.CASUALTIES
        and not m.payload.nominal
        and m.end < len(toks)
        and toks[m.end].start in places
        for m in pack.triggers.find(toks, lo, hi)
    )


def places_hit(doc: Doc, pack: LanguagePack, version: str, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` where a casualty report of regions ("унаслідок атаки постраждали Сумщина,
    Одещина та Харківщина") is what it says: the regions were hit, an attack at each place
    (:func:`_hit_places`; claims-v1: one event at several places is one claim per place)."""
    out: list[Claim] = []
    for c in claims:
        if _hit_places(doc, pack, c):
            acled, plover = crosswalk(ClaimKind.ATTACK, "strike")
            hit = dataclasses.replace(
                c, kind=ClaimKind.ATTACK, subtype="strike", acled=acled, plover=plover
            )
            out += fan_out_places(doc, pack, version, [hit])
        else:
            out.append(c)
    return out
