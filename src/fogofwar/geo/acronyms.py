"""Acronyms that name a place only in a text about its country.

"DNR" is the Donetsk People's Republic in news of the war, but the Department of Natural
Resources in an American local paper ("DNR tickets out-of-state boaters"); "LNR" likewise. A
hit written as an acronym of up to four capitals whose every candidate is a first-level region
of Ukraine or Russia stays a place only when another toponym of the text lies in one of those
two countries, or a demonym names one. Latin letters only: "ДНР" in Russian or Ukrainian is
always the region.
"""

from __future__ import annotations

from fogofwar.geo.index import Place
from fogofwar.geo.tokens import Hit

__all__ = ["stray_acronyms"]

_WAR_CC = frozenset({"UA", "RU"})


def _acronym(text: str, hit: Hit) -> bool:
    word = text[hit.start : hit.end].replace(".", "")
    return 2 <= len(word) <= 4 and word.isascii() and word.isalpha() and word.isupper()


def _war_region(hit: Hit) -> bool:
    return bool(hit.cands) and all(
        c.place.kind == "admin1" and c.place.cc in _WAR_CC for c in hit.cands
    )


def stray_acronyms(text: str, hits: list[Hit], places: list[Place | None]) -> set[int]:
    """Indexes of ``hits`` that are war regions' acronyms ("DNR") in a text that names no other
    place in Ukraine or Russia (``places``: each hit's choice)."""
    marked = {
        k for k, h in enumerate(hits) if h.demonym is None and _acronym(text, h) and _war_region(h)
    }
    if not marked:
        return set()
    at_war = any(
        p is not None and p.cc in _WAR_CC
        for k, p in enumerate(places)
        if k not in marked and hits[k].demonym is None
    ) or any(h.demonym in ("UKR", "RUS") for h in hits)
    return set() if at_war else marked
