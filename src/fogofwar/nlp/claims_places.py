"""One event at several places is one claim per place (claims-v1).

"Russian drones struck port facilities in Odesa and Izmail", "беспилотники атаковали Белгород и
Курск", "Під ворожим вогнем були Мар'їнка, Красногорівка та Новомихайлівка": the clause's claim
holds the first place; every further place coordinated with it — joined only by commas, the
pack's joiners ("and", "и", "та", "y"), place prepositions and determiners, and of the same
precision (two towns, two provinces: "Odesa, Ukraine" names one place, not two) — gets a copy of
the claim located there. Not for areas that are no unit (precision ``region``: "im Roten Meer
und im Mittelmeer" names one theatre), nor for places inside a relative clause ("positions the
rebels had taken in Idlib and Aleppo" describes the positions), nor for a list that ends in a
disjunction ("asylum in the US, Britain or Canada", "у Харкові, Сумах або Полтаві": one of
them, not each; the pack's ``disjoiners``). The copy keeps the clause's span
and evidence; its id comes from the place's span, so ids stay unique and stable.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

from fogofwar.claim import Claim, ClaimKind, Location, claim_id_for
from fogofwar.geo import PlaceMention
from fogofwar.geo.langdata import lang_pack
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.place_nouns import area_adjective
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import read_table

__all__ = ["FAN_KINDS", "fan_out_places", "launch_site"]

FAN_KINDS = frozenset(
    {ClaimKind.ATTACK, ClaimKind.ARMED_CLASH, ClaimKind.PROTEST, ClaimKind.TERRITORIAL_CHANGE}
)
_MAX_GAP_WORDS = 3
_MAX_NAME_WORDS = 3
_TOKEN = re.compile(r"\w+(?:['’ʼ-]\w+)*|[,;]")
_SEPARATORS = frozenset(",;")


@lru_cache(maxsize=16)
def _joiners(lang: str) -> frozenset[str]:
    """The pack's joiners ("and", "und", "та"): what stands between the items of a list."""
    numbers = read_table(lang, "pack").get("numbers", {})
    joiners = numbers.get("joiners", []) if isinstance(numbers, dict) else []
    return frozenset(w.casefold() for j in joiners for w in str(j).split())


@lru_cache(maxsize=16)
def _disjoiners(lang: str) -> frozenset[str]:
    """The pack's disjunction words ("or", "или", "або"): a list they close names alternatives."""
    numbers = read_table(lang, "pack").get("numbers", {})
    words = numbers.get("disjoiners", []) if isinstance(numbers, dict) else []
    return frozenset(str(w).casefold() for w in words)


def _alternatives(doc: Doc, last: PlaceMention) -> bool:
    """A disjunction word follows the last place of a list, before another place ("США,
    Великобритании или Канаде"): the list names alternatives."""
    rest = doc.text[last.span.end : last.span.end + 40]
    words = _TOKEN.findall(rest)
    return bool(words) and words[0].casefold() in _disjoiners(doc.lang)


@lru_cache(maxsize=16)
def _glue(lang: str) -> frozenset[str]:
    """Words that may stand between two coordinated places: joiners and place prepositions."""
    return _joiners(lang) | set(lang_pack(lang).place_preps)


def _coordinated(
    doc: Doc, pack: LanguagePack, a: PlaceMention, b: PlaceMention
) -> list[PlaceMention] | None:
    """The places between ``a`` and ``b`` when the two are coordinated (None when they are
    not): only commas, joiners, place prepositions and determiners stand between them, and
    capitalised names the recogniser missed ("near Bakhmut, Klishchiivka and Andriivka": a name
    inside a list of places is a place), returned unresolved."""
    gap = doc.text[a.span.end : b.span.start]
    if any(c in ".!?:\n()" for c in gap) or _from_origin(doc, pack, a.span.end, b.span.start):
        return None  # "to Kharkiv from Belgorod": a target and a launch site are not a list
    glue = _glue(doc.lang) | pack.determiners
    joiners = _joiners(doc.lang)
    found: list[PlaceMention] = []
    name: list[re.Match[str]] = []
    joined = any(c in _SEPARATORS for c in gap)
    # a missed name stands between commas or joiners, as list items do: not glued to the place
    # before it ("Kachowka-Wasserkraftwerks am Dnipro") nor closed by a preposition
    opens = False

    def close(boundary: bool) -> bool:
        if not name:
            return True
        if len(name) > _MAX_NAME_WORDS or not boundary:
            return False
        start, end = a.span.end + name[0].start(), a.span.end + name[-1].end()
        found.append(PlaceMention(Span(start, end), doc.text[start:end], None))
        name.clear()
        return True

    plain = 0
    linked = False  # a joiner stands between them
    after_comma: list[str] = []  # the glue words after the last comma
    for m in _TOKEN.finditer(gap):
        word = m.group()
        if word in _SEPARATORS:
            if not close(True):
                return None
            opens = True
            after_comma = []
            continue
        if word.casefold() in glue:
            joiner = word.casefold() in joiners
            if not close(joiner):
                return None
            plain += 1
            linked = linked or joiner
            joined = joined or joiner
            after_comma.append(word.casefold())
            opens = joiner
            continue
        if not word[:1].isupper() or not (name or opens):
            return None
        name.append(m)
    if name or not joined or plain > _MAX_GAP_WORDS:  # a name right before ``b``: one name
        return None
    if not linked and after_comma and after_comma != _glue_before(doc, a, len(after_comma)):
        # "Kalandia bei Ramallah", "Almat, a nord di Beirut", "в Кировском районе
        # Екатеринбурга": a place locating the one before it, not a second place of the event;
        # a list without a joiner repeats its preposition ("in Kharkiv, in Lviv")
        return None
    return found


def _glue_before(doc: Doc, a: PlaceMention, n: int) -> list[str]:
    """The ``n`` words right before place ``a`` (lower case)."""
    words = [
        m.group().casefold()
        for m in _TOKEN.finditer(doc.text[max(0, a.span.start - 60) : a.span.start])
    ]
    return words[-n:] if n else []


_ORIGIN_WORDS = 3  # words before a place where "from" ("з напрямків", "aus dem Gebiet") stands


def _tok(doc: Doc, offset: int) -> int:
    """The index of the first token starting at or after ``offset``."""
    return bisect.bisect_left(doc.tokens, offset, key=lambda t: t.start)


def _from_origin(doc: Doc, pack: LanguagePack, lo: int, hi: int) -> bool:
    """An origin preposition ("from", "aus", "з", "из") in the text ``[lo, hi)``."""
    return bool(pack.origins.find(doc.tokens, _tok(doc, lo), _tok(doc, hi)))


def launch_site(doc: Doc, pack: LanguagePack, place: Span, span: Span | None = None) -> bool:
    """``place`` follows an origin preposition within a few words (inside ``span``, the
    claim's, when given) ("Drohnen wurden aus Kursk und Orjol gestartet", "запускали з
    напрямків Курськ, Орел"): it names where the strike came from, and the places listed with
    it are no targets."""
    i = _tok(doc, place.start)
    lo = max(_tok(doc, span.start) if span is not None else 0, i - _ORIGIN_WORDS)
    return bool(pack.origins.find(doc.tokens, lo, i))


def _in_relative(doc: Doc, place: Span) -> bool:
    """``place`` stands in a relative clause ("Positionen, die Rebellen in den Provinzen Idlib
    und Aleppo eingenommen hatten"): it describes a noun of the claim, not where it happened."""
    return any(
        c.relative and c.span.start <= place.start and place.end <= c.span.end for c in doc.clauses
    )


def _leading_name(doc: Doc, span: Span, first: PlaceMention) -> PlaceMention | None:
    """An unrecognised name heading a list of places ("у районах Никанорівки, Родинського та
    …"): capitalised words and a comma right before the list's first place, after a lowercase
    word of the claim's clause."""
    window = doc.text[span.start : first.span.start]
    if not window.endswith(", "):
        return None
    words = list(_TOKEN.finditer(window[:-2]))
    k = len(words)
    while k > 0 and words[k - 1].group()[:1].isupper() and len(words) - k < _MAX_NAME_WORDS:
        k -= 1
    if k == len(words) or k == 0 or not words[k - 1].group()[:1].islower():
        return None
    if window[words[k - 1].end() : words[k].start()] != " ":
        return None
    start, end = span.start + words[k].start(), span.start + words[-1].end()
    if any(not w.group()[:1].isupper() for w in words[k:]):
        return None
    return PlaceMention(Span(start, end), doc.text[start:end], None)


def _run(doc: Doc, pack: LanguagePack, claim: Claim) -> list[PlaceMention]:
    """The places coordinated with the claim's own place inside its span, before or after it,
    in text order."""
    loc, span = claim.location, claim.span
    if loc is None or loc.span is None or span is None:
        return []
    source = claim.source.span
    places = [
        p
        for p in doc.places
        if p.location is not None
        and p.names_a_site
        and span.start <= p.span.start
        and p.span.end <= span.end
        and not (source is not None and source.start <= p.span.start < source.end)
    ]
    places.sort(key=lambda p: p.span.start)
    at = next((i for i, p in enumerate(places) if p.span == loc.span), None)
    if at is None or launch_site(doc, pack, loc.span, span) or _in_relative(doc, loc.span):
        return []
    if loc.precision == "region":
        return []  # "im Roten Meer und im Mittelmeer": areas that are no unit name one theatre
    run = [places[at]]
    for p in places[at + 1 :]:
        between = _coordinated(doc, pack, run[-1], p)
        if between is None:
            break
        run += [*between, p]
    for p in reversed(places[:at]):  # the claim may hold a later place of the list
        between = _coordinated(doc, pack, p, run[0])
        if between is None:
            break
        run = [p, *between, *run]
    if area_adjective(doc, run[-1].span):
        return []  # "на Луганському, Донецькому … напрямках": directions, no places
    if len(run) > 1 and _alternatives(doc, run[-1]):
        return []  # "in the US, Britain or Canada": one of them, not each
    lead = _leading_name(doc, span, run[0]) if len(run) > 1 else None
    if lead is not None:
        run.insert(0, lead)
    precision = loc.precision
    return [
        p
        for p in run
        if p.span != loc.span
        and (
            (p.location is None and precision == "point")
            or (p.location is not None and p.location.precision == precision)
        )
    ]


def fan_out_places(doc: Doc, pack: LanguagePack, version: str, claims: list[Claim]) -> list[Claim]:
    """``claims`` with one copy per further coordinated place of an attack or clash."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        if c.kind not in FAN_KINDS:
            continue
        seen = {c.location.geonames_id or c.location.name} if c.location else set()
        for p in _run(doc, pack, c):
            key = (p.location.geonames_id if p.location else None) or p.surface
            if key in seen:
                continue
            seen.add(key)
            loc = (
                dataclasses.replace(p.location, name=p.surface, span=p.span)
                if p.location is not None
                else Location(p.surface, p.span)  # named in the list, not resolved
            )
            cid = claim_id_for(
                doc.doc_id, version, Span(p.span.start, p.span.end), c.kind.value, doc.headline
            )
            out.append(dataclasses.replace(c, claim_id=cid, location=loc))
    return out
