"""Town lists: "through Monroe, Trenton and Seven Mile". A single-word town the person-name
guards dropped, or kept only as weak (a first name: "Trenton"), is a town after all when it
stands in a comma-and list next to a town the text names firmly: local news lists the towns
of its area, and a list of people ("Smith, Jones and Brown") holds no firmly named town.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fogofwar.geo.tokens import Hit

__all__ = ["listed_towns"]

_JOINT = re.compile(r"(?:,| and| or|, and|, or) ", re.IGNORECASE)
_TOWNS = frozenset({"city", "admin2"})


def _town(h: Hit) -> bool:
    return bool(h.cands) and all(c.place.kind in _TOWNS for c in h.cands)


def _joined(text: str, a: Hit, b: Hit) -> bool:
    """``a`` and ``b`` are neighbours of one list ("Monroe, Trenton", "Trenton and Monroe")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return _JOINT.fullmatch(text[first.end : second.start]) is not None


_ITEM_END = re.compile(r"\s*(?:$|[,;.:)]|and\b|or\b)", re.IGNORECASE)


def _ends_item(text: str, h: Hit) -> bool:
    """``h`` ends a list item: a comma, a joiner or the sentence's end follows, not a middle
    initial or a surname ("at Lenox, Lawrence B. Cummings" names a person)."""
    rest = text[h.end : h.end + 6]
    if re.match(r"\s+[A-Z]\.", rest):
        return False  # "Lawrence B.": a middle initial
    return _ITEM_END.match(rest) is not None


def _after_prep(text: str, h: Hit, preps: frozenset[str]) -> bool:
    """A place preposition right before ``h`` ("through Monroe", "cities of Newark")."""
    before = text[max(0, h.start - 20) : h.start].split()
    return bool(before) and before[-1].casefold() in preps


def listed_towns(
    text: str, hits: list[Hit], dropped: list[Hit], preps: frozenset[str]
) -> list[Hit]:
    """``hits`` with the dropped or weak single-word towns that a comma-and list joins,
    directly or through other such towns, to a town named after a place preposition
    (``preps``: "through Monroe, Trenton and Seven Mile"), in text order."""
    firm = [
        h
        for h in hits
        if h.demonym is None
        and not h.weak
        and not h.metonymy
        and _town(h)
        and _after_prep(text, h, preps)
    ]
    pending = [
        h for h in (*dropped, *(h for h in hits if h.weak)) if _town(h) and _ends_item(text, h)
    ]
    restored: dict[int, Hit] = {}
    anchors = list(firm)
    changed = True
    while changed and pending:
        changed = False
        for h in list(pending):
            if any(_joined(text, h, a) for a in anchors):
                restored[id(h)] = replace(h, weak=False)
                anchors.append(h)
                pending.remove(h)
                changed = True
    if not restored:
        return hits
    out = [restored.get(id(h), h) for h in hits]
    kept = {id(h) for h in hits}
    out += [restored[id(h)] for h in dropped if id(h) in restored and id(h) not in kept]
    return sorted(out, key=lambda h: (h.start, h.end))
