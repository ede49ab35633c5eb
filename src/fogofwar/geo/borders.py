"""Names before a border's word, read by :mod:`.recognise`: "the New York border", "the Georgia
state line" name the area whose edge it is, not a town of the name (New York City, Georgia's
namesake towns). Such a hit keeps only its country and first-level region candidates of that
official name (only its first-level regions before ``region_border_words``: "state line");
the words are the pack's ``border_words``."""

from __future__ import annotations

from dataclasses import replace

from fogofwar.geo.langdata import LangPack
from fogofwar.geo.tokens import Hit

__all__ = ["border_areas"]

_AREAS = frozenset({"country", "admin1"})


def _border_word(text: str, hit: Hit, pack: LangPack) -> str | None:
    """The border's word (or two) right after ``hit``, if any."""
    words = text[hit.end : hit.end + 30].split()
    if not words or text[hit.end : hit.end + 1] != " ":
        return None
    two = " ".join(w.casefold() for w in words[:2]).rstrip(".,;:")
    one = words[0].casefold().rstrip(".,;:")
    words_ = pack.border_words | pack.region_border_words
    return two if two in words_ else one if one in words_ else None


def border_areas(text: str, hits: list[Hit], pack: LangPack) -> list[Hit]:
    """``hits`` where a name right before a border's word keeps only the countries and
    first-level regions it officially names, when it names one."""
    if not pack.border_words and not pack.region_border_words:
        return hits
    out = []
    for h in hits:
        word = _border_word(text, h, pack) if h.demonym is None and h.cands else None
        if word is not None:
            # "the Georgia state line": a state's edge, not the country's
            kinds = {"admin1"} if word in pack.region_border_words else _AREAS
            areas = tuple(c for c in h.cands if c.place.kind in kinds and c.how == 0)
            if areas and len(areas) < len(h.cands):
                h = replace(h, cands=areas)
        out.append(h)
    return out
