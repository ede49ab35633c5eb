"""A town's relational adjective before a facility names the town: "Рязанский НПЗ" is the
refinery of Ryazan, "Саратовський нафтопереробний завод" Saratov's. Russian and Ukrainian name
plants, ports, airports and stations after their town with an adjective, a form the gazetteer
does not hold as the town, or holds as a same-named place elsewhere (Moscow's district
Ryazanskiy). Rules and words: ``data/geo/facility_adjectives.toml``."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from fogofwar.geo.index import Place, PlaceIndex
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import Token

__all__ = ["facility_towns"]

_MIN_STEM = 3
# a plant named after its town names a town of some size; a village of a like name elsewhere is
# likelier a settlement the gazetteer lacks ("Ильский НПЗ" is not Iĺja in Belarus)
_MIN_POPULATION = 10_000


@dataclass(frozen=True, slots=True)
class _Rules:
    suffixes: tuple[str, ...]
    stems: tuple[str, ...]
    facilities: tuple[str, ...]

    def facility(self, word: str) -> bool:
        low = word.casefold()
        return any(low.startswith(f[:-1]) if f.endswith("*") else low == f for f in self.facilities)


@cache
def _rules(lang: str) -> _Rules | None:
    text = (resources.files("fogofwar") / "data" / "geo" / "facility_adjectives.toml").read_text(
        encoding="utf-8"
    )
    row = tomllib.loads(text).get(lang)
    if row is None:
        return None
    return _Rules(tuple(row["suffixes"]), tuple(row["stems"]), tuple(row["facilities"]))


def _facility_follows(tokens: Sequence[Token], i: int, rules: _Rules) -> bool:
    """A facility word right after token ``i``, or after one more lower-case adjective."""
    for k in (i + 1, i + 2):
        if k >= len(tokens) or not tokens[k].glued:
            return False
        if rules.facility(tokens[k].text):
            return True
        if tokens[k].cap:
            return False
    return False


def _town(stem: str, rules: _Rules, index: PlaceIndex) -> Place | None:
    """The most populous town whose name is the stem with one of the language's endings
    ("Курская АЭС": Kursk, not Chur for "кур")."""
    towns = [
        c.place
        for end in rules.stems
        for c in index.lookup(fold(stem + end))
        if c.place.kind == "city" and (c.place.population or 0) >= _MIN_POPULATION
    ]
    return max(towns, key=lambda p: p.population or 0) if towns else None


def facility_towns(
    tokens: Sequence[Token], lang: str | None, index: PlaceIndex
) -> list[tuple[Token, Place]]:
    """Capitalised relational adjectives before a facility word, with the town each names."""
    rules = _rules(lang) if lang else None
    if rules is None:
        return []
    out = []
    for i, tok in enumerate(tokens):
        if not tok.cap or tok.text.isupper():
            continue
        low = tok.text.casefold()
        suffix = next((s for s in rules.suffixes if low.endswith(s)), None)
        if suffix is None or len(low) - len(suffix) < _MIN_STEM:
            continue
        if not _facility_follows(tokens, i, rules):
            continue
        town = _town(low[: -len(suffix)], rules, index)
        if town is not None:
            out.append((tok, town))
    return out
