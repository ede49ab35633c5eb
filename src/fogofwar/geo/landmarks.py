"""Landmarks, buildings and sites the news names as places ("Trump Tower", "Azovstal",
"Запорізька АЕС"), by the town each lies in: ``data/geo/landmarks.toml``.

Read by :mod:`.spans` for given toponym spans: a span naming a landmark is located at its town
(with no GeoNames id of its own) instead of falling to the town the text is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from fogofwar.caches import parse_toml
from fogofwar.geo.index import Candidate, PlaceIndex
from fogofwar.geo.text import fold

__all__ = ["landmark_town"]

_ARTICLES = ("the ", "la ", "le ", "l'", "el ", "il ", "lo ", "der ", "die ", "das ")


@cache
def _table() -> dict[str, tuple[str, str]]:
    """Folded landmark name -> (its town's name, ISO alpha-2)."""
    raw = parse_toml(
        (resources.files("fogofwar") / "data" / "geo" / "landmarks.toml").read_text("utf-8")
    )
    out: dict[str, tuple[str, str]] = {}
    for entry in raw.get("landmark", []):
        for name in entry["names"]:
            out[fold(name)] = (str(entry["town"]), str(entry["cc"]))
    return out


def landmark_town(keys: Iterable[str], index: PlaceIndex) -> tuple[Candidate, ...]:
    """The town of the landmark the first of ``keys`` (folded lookup keys of a span: as written,
    with case endings undone) names that the table lists: its most populous namesake in the
    table's country; ``()`` when no key names a listed landmark."""
    table = _table()
    for key in keys:
        found = table.get(key)
        if found is None:
            article = next((a for a in _ARTICLES if key.startswith(a)), None)
            found = table.get(key[len(article) :]) if article else None
        if found is not None:
            town, cc = found
            towns = [
                c for c in index.lookup(fold(town)) if c.place.kind == "city" and c.place.cc == cc
            ]
            return (max(towns, key=lambda c: c.place.population),) if towns else ()
    return ()
