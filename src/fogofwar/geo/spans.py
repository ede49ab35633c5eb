"""Hits for given spans: resolve toponyms someone else found (an annotator, another tagger).

:func:`span_hits` turns each ``(start, end)`` span into a :class:`~.recognise.Hit` over the
tokens it covers, looked up as a whole, else by its longest sub-phrase that names a place
(capitalised words first: "Rapides Parish" -> "Rapides"); a demonym span ("Russian") is a
demonym hit. The recogniser's own hits that overlap no given span stay as context, so a
given span is resolved with the same document evidence as a found one.
"""

from __future__ import annotations

from collections.abc import Sequence

from fogofwar.geo.index import PlaceIndex
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.recognise import Hit, Token, lookup, recognise, tokenize
from fogofwar.geo.text import fold

__all__ = ["span_hits"]


def _windows(first: int, last: int) -> list[tuple[int, int]]:
    """Sub-ranges of ``first..last``, longest first, left to right."""
    n = last - first + 1
    return [(a, a + size - 1) for size in range(n, 0, -1) for a in range(first, last - size + 2)]


def _hit(tokens: list[Token], first: int, last: int, pack: LangPack, index: PlaceIndex) -> Hit | None:
    if first == last:
        demonym = pack.demonyms.get(fold(tokens[first].text), "?")
        if demonym != "?":
            tok = tokens[first]
            return Hit(first, last, tok.start, tok.end, (), False, demonym=demonym or "")
    tries = _windows(first, last)
    # capitalised sub-phrases before lower-case ones ("the Gaza strip" -> "Gaza")
    tries.sort(key=lambda w: (-(w[1] - w[0]), not tokens[w[0]].cap))
    for a, b in tries:
        if a == b and tokens[a].text.casefold() in pack.skip_initial:
            continue
        cands, changed = lookup([t.text for t in tokens[a : b + 1]], pack, index)
        if cands:
            return Hit(a, b, tokens[a].start, tokens[b].end, cands, changed, phrase=b > a)
    return None


def span_hits(
    text: str, spans: Sequence[tuple[int, int]], pack: LangPack, index: PlaceIndex
) -> tuple[list[Hit], list[Hit | None]]:
    """All hits to resolve together (given spans plus the recogniser's non-overlapping ones,
    in text order) and, per given span, its hit (``None``: nothing in the gazetteer)."""
    tokens = tokenize(text)
    given: list[Hit | None] = []
    for start, end in spans:
        idx = [k for k, t in enumerate(tokens) if t.start < end and start < t.end]
        given.append(_hit(tokens, idx[0], idx[-1], pack, index) if idx else None)
    taken = [(h.first, h.last) for h in given if h is not None]
    context = [
        h
        for h in recognise(text, pack, index)
        if not any(h.first <= b and a <= h.last for a, b in taken)
    ]
    ids = {id(h) for h in given if h is not None}
    unique = list({id(h): h for h in [*given, *context] if h is not None}.values())
    ordered = sorted(unique, key=lambda h: (h.first, h.last, id(h) not in ids))
    return ordered, given
