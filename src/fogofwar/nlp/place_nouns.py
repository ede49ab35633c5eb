"""Place names that are adjectives of a front line or area, not places of their own.

"на Покровському напрямку", "on the Pokrovsk direction", "в направлении Купянска": the
gazetteer may read the adjective alone as a town. The pack's ``[text] area_nouns`` lists the
nouns after which a name is such an adjective.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from fogofwar.model import Span
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import norm
from fogofwar.packs.files import read_table

__all__ = ["area_adjective", "names_front_area"]


@lru_cache(maxsize=16)
def _area_nouns(lang: str) -> frozenset[str]:
    """The pack's ``[text] area_nouns``: front-line directions and areas named by an
    adjective ("на Покровському напрямку", "Pokrovsk direction")."""
    text = read_table(lang, "pack").get("text", {})
    words = text.get("area_nouns", []) if isinstance(text, dict) else []
    return frozenset(norm(str(w)) for w in words)


def area_adjective(doc: Doc, span: Span) -> bool:
    """A lower-case place noun of the language ("напрямку", "direction", "районе") right after
    ``span``: the name is an adjective of a front line or area, not the place itself."""
    toks = doc.tokens
    k = bisect.bisect_left(toks, span.end, key=lambda t: t.start)
    if k >= len(toks) or not toks[k].is_word or toks[k].is_capitalized:
        return False
    return toks[k].lower in _area_nouns(doc.lang)


def names_front_area(doc: Doc, tok_start: int, tok_end: int) -> bool:
    """A front-line area noun of the pack ("напрямках", "direction", "Frontabschnitt") among
    the tokens ``[tok_start, tok_end)``."""
    nouns = _area_nouns(doc.lang)
    return any(doc.tokens[k].lower in nouns for k in range(tok_start, tok_end))
