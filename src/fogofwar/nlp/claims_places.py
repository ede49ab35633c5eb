"""One event at several places is one claim per place (claims-v1).

"Russian drones struck port facilities in Odesa and Izmail", "беспилотники атаковали Белгород и
Курск", "Під ворожим вогнем були Мар'їнка, Красногорівка та Новомихайлівка": the clause's claim
holds the first place; every further place coordinated with it — joined only by commas, the
pack's joiners ("and", "и", "та", "y"), place prepositions and determiners, and of the same
precision (two towns, two regions: "Odesa, Ukraine" names one place, not two) — gets a copy of
the claim located there. The copy keeps the clause's span and evidence; its id comes from the
place's span, so ids stay unique and stable.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from fogofwar.claim import Claim, ClaimKind, claim_id_for
from fogofwar.geo import PlaceMention
from fogofwar.geo.langdata import lang_pack
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import read_table

__all__ = ["FAN_KINDS", "fan_out_places"]

FAN_KINDS = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})
_MAX_GAP_WORDS = 3
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SEPARATORS = frozenset(",;")


@lru_cache(maxsize=16)
def _glue(lang: str) -> frozenset[str]:
    """Words that may stand between two coordinated places: joiners and place prepositions."""
    numbers = read_table(lang, "pack").get("numbers", {})
    joiners = numbers.get("joiners", []) if isinstance(numbers, dict) else []
    words = {w.casefold() for j in joiners for w in str(j).split()}
    return frozenset(words | set(lang_pack(lang).place_preps))


def _coordinated(doc: Doc, pack: LanguagePack, a: PlaceMention, b: PlaceMention) -> bool:
    gap = doc.text[a.span.end : b.span.start]
    if any(c in ".!?:\n()" for c in gap):
        return False
    words = [w.casefold() for w in _WORD.findall(gap)]
    glue = _glue(doc.lang) | pack.determiners
    if len(words) > _MAX_GAP_WORDS or any(w not in glue for w in words):
        return False
    return bool(words) or any(c in _SEPARATORS for c in gap)


def _run(doc: Doc, pack: LanguagePack, claim: Claim) -> list[PlaceMention]:
    """The places coordinated with the claim's own place inside its span, in text order."""
    loc, span = claim.location, claim.span
    if loc is None or loc.span is None or span is None:
        return []
    source = claim.source.span
    places = [
        p
        for p in doc.places
        if p.location is not None
        and not p.is_demonym
        and not p.is_metonymy
        and span.start <= p.span.start
        and p.span.end <= span.end
        and not (source is not None and source.start <= p.span.start < source.end)
    ]
    places.sort(key=lambda p: p.span.start)
    at = next((i for i, p in enumerate(places) if p.span == loc.span), None)
    if at is None:
        return []
    run = [places[at]]
    for p in places[at + 1 :]:
        if not _coordinated(doc, pack, run[-1], p):
            break
        run.append(p)
    precision = loc.precision
    return [p for p in run[1:] if p.location is not None and p.location.precision == precision]


def fan_out_places(doc: Doc, pack: LanguagePack, version: str, claims: list[Claim]) -> list[Claim]:
    """``claims`` with one copy per further coordinated place of an attack or clash."""
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        if c.kind not in FAN_KINDS:
            continue
        seen = {c.location.geonames_id or c.location.name} if c.location else set()
        for p in _run(doc, pack, c):
            assert p.location is not None
            key = p.location.geonames_id or p.surface
            if key in seen:
                continue
            seen.add(key)
            loc = dataclasses.replace(p.location, name=p.surface, span=p.span)
            cid = claim_id_for(
                doc.doc_id, version, Span(p.span.start, p.span.end), c.kind.value, doc.headline
            )
            out.append(dataclasses.replace(c, claim_id=cid, location=loc))
    return out
