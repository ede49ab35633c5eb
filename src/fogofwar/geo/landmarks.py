"""Landmarks, buildings and sites the news names as places ("Trump Tower", "Azovstal",
"Запорізька АЕС"), by the town each lies in: ``data/geo/landmarks.toml``.

Read by :mod:`.spans` for given toponym spans: a span naming a landmark is located at its town
(with no GeoNames id of its own) instead of falling to the town the text is about; and by
:func:`landmark_hits` in running text, where only the safe names count: names of several words
and single words no dictionary or gazetteer knows otherwise ("Azovstal", "Азовсталі"), not the
names the table's ``not_in_running_text`` lists because they also name a body or a thing
("United Nations", "Wall Street", "Knesset", "Lubyanka"), nor acronyms of three letters ("ООН").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import pairwise

from fogofwar.caches import parse_toml
from fogofwar.geo.index import Candidate, PlaceIndex
from fogofwar.geo.keys import keys
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import Hit, Token, is_known

__all__ = ["landmark_hits", "landmark_town"]

_MAX_WORDS = 6  # "Great Hall of the People", "centrale nucléaire de Zaporijjia"
_PREFIX = 4  # letters of a name's first word a running-text candidate must start with

_ARTICLES = ("the ", "la ", "le ", "l'", "el ", "il ", "lo ", "der ", "die ", "das ")


@cache
def _raw() -> dict[str, object]:
    return parse_toml(
        (resources.files("fogofwar") / "data" / "geo" / "landmarks.toml").read_text("utf-8")
    )


@cache
def _running() -> tuple[frozenset[str], frozenset[str]]:
    """Folded names safe in running text, and the folded starts of their first words."""
    raw = _raw()
    unsafe = {fold(str(n)) for n in raw.get("not_in_running_text", [])}  # type: ignore[attr-defined]
    names = set()
    for name in _table():
        if name in unsafe or (" " not in name and len(name) <= 3):
            continue
        names.add(name)
    return frozenset(names), frozenset(n.split()[0][:_PREFIX] for n in names)


@cache
def _table() -> dict[str, tuple[str, str]]:
    """Folded landmark name -> (its town's name, ISO alpha-2)."""
    out: dict[str, tuple[str, str]] = {}
    for entry in _raw().get("landmark", []):  # type: ignore[attr-defined]
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


def _joined(text: str, a: Token, b: Token) -> bool:
    """``b`` continues the name ``a`` is in: only spaces or hyphens between them, or a
    possessive ("St. Peter's Square")."""
    return b.glued or text[a.end : b.start].strip() in ("'s", "’s")


def landmark_hits(tokens: list[Token], text: str, pack: LangPack, index: PlaceIndex) -> list[Hit]:
    """Landmarks the text names in running words ("protests outside Trump Tower", "удар по
    Кримському мосту"), longest first, each a hit on its town (``landmark=True``): names of
    several words as the table writes them or with case endings undone; a single word only
    when capitalised and neither a dictionary word of the pack's language nor a place's name."""
    names, starts = _running()
    out: list[Hit] = []
    i = 0
    while i < len(tokens):
        first = fold(tokens[i].text)
        if first[:_PREFIX] not in starts:
            i += 1
            continue
        found = None
        for n in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
            run = tokens[i : i + n]
            if any(not _joined(text, a, b) for a, b in pairwise(run)) or not any(
                t.cap for t in run
            ):
                continue
            surface = text[run[0].start : run[-1].end]
            words = [t.text for t in run]
            cands = (
                [fold(surface), *(k for k, _ in keys(words, pack))] if n > 1 else [fold(surface)]
            )
            key = next((k for k in cands if k in names), None)
            if key is None and n == 1:  # "Азовсталі": the word with its ending undone
                key = next((k for k, _ in keys(words, pack) if k in names), None)
            if key is None:
                continue
            if n == 1 and (
                not run[0].cap or is_known(run[0].text, pack.lang) or index.lookup(fold(surface))
            ):
                continue
            town = landmark_town([key], index)
            if town:
                found = Hit(i, i + n - 1, run[0].start, run[-1].end, town, False, phrase=True,
                            landmark=True)  # fmt: skip
                break
        if found is None:
            i += 1
        else:
            out.append(found)
            i = found.last + 1
    return out
