"""Where a claim's event happened: the place of its clause (or sentence).

Location (:func:`pick_place`): of the resolved places in the event's clause (else its
sentence) that are neither demonyms nor metonymy nor part of an actor, person or source phrase
("джерела у Силах оборони України") nor an actor named before the event word (the agent:
"Russia fired missiles at …"). A place right after a short lower-case function word ("in",
"near", "nach", "у", "в") is the event's setting and is preferred, and so is a place that
continues such a place's phrase ("in Russia's Kursk region"), and so is a town or district
right before such a region that holds it ("im Dorf Andrussiwka im Gebiet Charkiw",
"Дзержинськ на Донеччині": the region places the town); then the most specific
(point > admin2 > admin1 > country > region); among equals the one nearest the event word.
"""

from __future__ import annotations

from collections.abc import Sequence

from fogofwar.claim import Location
from fogofwar.geo import PlaceMention
from fogofwar.model import Span
from fogofwar.nlp.doc import Clause, Doc
from fogofwar.packs import LanguagePack

__all__ = ["pick_place"]

_PRECISION = {"point": 5, "admin2": 4, "admin1": 3, "country": 2, "region": 1}
_PREP_MAX = 5  # longest word taken for a location preposition
_PHRASE_GAP = 4  # characters between two places of one location phrase ("Russia's Kursk")
_QUALIFIER_GAP = 10  # characters between a town and the region after it (" in the ", " на ")


def _inside_phrase(place: Span, blocked: Sequence[Span]) -> bool:
    """True when ``place`` is part of a longer actor/person/source phrase or an excluded span."""
    return any(
        b.start <= place.start
        and place.end <= b.end
        and (b.end - b.start) > (place.end - place.start)
        for b in blocked
    )


def _blocked(doc: Doc, extra: Sequence[Span]) -> list[Span]:
    spans = [e.span for e in doc.entities if e.category in {"actor", "person", "source"}]
    spans += [e.role_span for e in doc.entities if e.role_span is not None]
    return spans + list(extra)


def _holds(region: Location | None, town: Location | None) -> bool:
    """``region`` (a first-level region or a country) holds ``town`` (a town or district)."""
    if region is None or town is None or town.precision not in ("point", "admin2"):
        return False
    if region.precision == "admin1":
        return region.country == town.country and region.admin1 == town.admin1
    return region.precision == "country" and region.country == town.country


def _after_preposition(doc: Doc, pack: LanguagePack, place: Span) -> bool:
    """True when the word before ``place`` looks like a preposition (short, lower-case)."""
    prev = None
    for t in doc.tokens:
        if t.end > place.start:
            break
        prev = t
    if prev is None or not prev.is_word or not prev.text.islower():
        return False
    closed = pack.determiners | pack.subordinators | pack.relative_pronouns
    return len(prev.text) <= _PREP_MAX and prev.lower not in closed


def pick_place(
    doc: Doc,
    clause: Clause,
    anchor: int,
    pack: LanguagePack,
    exclude: Sequence[Span] = (),
) -> PlaceMention | None:
    """The event's place: see the module doc; ``anchor`` is the event word's offset."""
    sent = doc.sentences[clause.sentence].span
    blocked = _blocked(doc, exclude)
    agents = {e.span for e in doc.entities if e.category == "actor" and e.span.end <= anchor}
    agents |= set(exclude)
    for area in (clause.span, sent):
        found = [
            p
            for p in doc.places
            if p.location is not None
            and p.names_a_site
            and area.start <= p.span.start
            and p.span.end <= area.end
            and not _inside_phrase(p.span, blocked)
            and p.span not in agents
        ]
        if found:
            prep = {p.span for p in found if _after_preposition(doc, pack, p.span)}
            prep |= {
                p.span for p in found if any(0 <= p.span.start - q.end <= _PHRASE_GAP for q in prep)
            }
            prep |= {
                p.span
                for p in found
                for q in found
                if q.span in prep
                and 0 < q.span.start - p.span.end <= _QUALIFIER_GAP
                and _holds(q.location, p.location)
            }
            return max(
                found,
                key=lambda p: (
                    p.span in prep,
                    _PRECISION.get((p.location.precision if p.location else None) or "", 0),
                    -abs(p.span.start - anchor),
                ),
            )
    return None
