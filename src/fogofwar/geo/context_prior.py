"""Priors on same-named places from the text's language and the name's script, added to each
candidate's context-free score before :func:`fogofwar.geo.resolve.resolve` weighs the rest of
the text.

* Script: a name written in Cyrillic that matches a place in a country of Latin-script names
  only through the cross-script skeleton ("Гроза" ~ Gossa, Saxony-Anhalt) is a transliteration
  coincidence when a place of a Cyrillic-writing country (:data:`CYRILLIC_CC`) bears the name
  itself: that place is meant. A Russian text writing a German village ("Госса") still finds it
  when nothing at home has the name.
* Home language: a Ukrainian text names Ukraine's settlements first, a Russian one Russia's and
  Ukraine's (the news these texts carry); a same-named settlement elsewhere needs to be
  clearly bigger (ten times or so) or vouched for by the context: "Дзержинськ" in a Ukrainian
  text is Toretsk by its former name, not Dzerzhinsk on the Oka, unless the text names the
  Nizhny Novgorod region.

Both only reorder candidates of one name that lie in different countries; a name with all its
candidates in one country gets nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fogofwar.geo.lexicon import CYRILLIC_CC, is_cyrillic
from fogofwar.geo.tokens import Hit

__all__ = ["HOME", "name_priors"]

_SETTLEMENTS = frozenset({"city", "admin2"})
# text language -> countries whose settlements it names first, and by how much (log10 of
# population / 0.9375 is a settlement's size score: 1.0 is about ten times the inhabitants)
HOME: Mapping[str, Mapping[str, float]] = {
    "uk": {"UA": 1.0},
    "ru": {"UA": 0.5, "RU": 0.5},
}
_SCRIPT = 2.0  # a Cyrillic name's skeleton-only match abroad, when a Cyrillic-script place has it


def _prior(hit: Hit, surface: str, home: Mapping[str, float]) -> dict[int, float]:
    ccs = {c.place.cc for c in hit.cands}
    if len(ccs) < 2:
        return {}
    out: dict[int, float] = {}
    cyrillic = is_cyrillic(surface) and any(
        c.how < 2 and c.place.cc in CYRILLIC_CC for c in hit.cands
    )
    for c in hit.cands:
        p = c.place
        delta = 0.0
        if cyrillic and c.how == 2 and p.cc not in CYRILLIC_CC:
            delta -= _SCRIPT
        if p.kind in _SETTLEMENTS:
            delta += home.get(p.cc, 0.0)
        if delta:
            out[p.eid] = delta
    return out


def name_priors(text: str, hits: Sequence[Hit], lang: str | None) -> dict[int, dict[int, float]]:
    """``id(hit)`` -> place id -> what to add to that candidate's context-free score (only
    hits and candidates that get something)."""
    home = HOME.get(lang or "", {})
    out: dict[int, dict[int, float]] = {}
    for h in hits:
        if h.demonym is not None or len(h.cands) < 2:
            continue
        prior = _prior(h, text[h.start : h.end], home)
        if prior:
            out[id(h)] = prior
    return out
