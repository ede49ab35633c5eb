"""Front-line directions named by an adjective of a town, read by :mod:`.recognise`.

"на Покровському напрямку", "на Купянском направлении", "на Лиманському та Сіверському
напрямках": the adjective before one of the pack's area nouns (``[text] area_nouns`` of
``pack.toml``) is not the village spelled like it (Pokrovske, Kupianske, Lymanske) but the
area around the town it derives from. Its hit takes that town's candidates: the adjectival
ending is replaced by the suffixes of ``data/geo/areas.toml`` in turn ("Покровському" ->
"Покровськ", "Харківському" -> "Харків", "Костянтинівському" -> "Костянтинівка") and the first
name the index holds as a town's or region's own name wins (else another of its names: Russian
spellings of Ukrainian towns). An adjective whose town is not found so is no place.
Adjectives joined by a comma or a connector ("та", "и") share the noun after the last one.

Languages whose names of directions are the town's own name ("the Pokrovsk direction",
"Richtung Pokrowsk") need nothing: their hits are the town already.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from fogofwar.caches import parse_toml
from fogofwar.geo.index import Candidate, PlaceIndex
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import Hit, Token
from fogofwar.packs.files import available_languages, read_table

__all__ = ["area_adjectives"]

_TOWNS = frozenset({"city", "admin2", "admin1"})


@cache
def _table() -> dict[str, object]:
    text = (resources.files("fogofwar") / "data" / "geo" / "areas.toml").read_text("utf-8")
    table: dict[str, object] = parse_toml(text)
    return table


@cache
def _rules(
    lang: str,
) -> tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    """(area nouns, (ending, suffixes) longest first, connectors) of ``lang`` ("" = all)."""
    langs = (lang,) if lang in available_languages() else available_languages()
    nouns: set[str] = set()
    endings: list[tuple[str, tuple[str, ...]]] = []
    connectors: set[str] = set()
    for code in langs:
        text = read_table(code, "pack").get("text", {})
        if isinstance(text, dict):
            nouns.update(str(w).casefold() for w in text.get("area_nouns", []))
        own = _table().get(code, {})
        if isinstance(own, dict):
            endings += [(str(e), tuple(str(s) for s in sufs)) for e, sufs in own.get("endings", [])]
            connectors.update(str(w).casefold() for w in own.get("connectors", []))
    ordered = tuple(sorted(dict(endings).items(), key=lambda p: -len(p[0])))
    return frozenset(nouns), ordered, frozenset(connectors)


def _town(
    word: str, endings: tuple[tuple[str, tuple[str, ...]], ...], index: PlaceIndex
) -> tuple[Candidate, ...] | None:
    """Candidates of the town an adjective derives from (its own name first, else another
    name: Russian spellings of Ukrainian towns); ``None`` when the word has no adjectival
    ending, ``()`` when it has one but no town is found."""
    low = word.casefold()
    for ending, suffixes in endings:
        if not low.endswith(ending) or len(low) - len(ending) < 2:
            continue
        stem = low[: -len(ending)]
        for how in (0, 1):
            for suffix in suffixes:
                found = index.lookup(fold(stem + suffix))
                cands = tuple(c for c in found if c.how == how and c.place.kind in _TOWNS)
                if cands:
                    return cands
        return ()
    return None


def _adjective(word: str, endings: tuple[tuple[str, tuple[str, ...]], ...]) -> bool:
    low = word.casefold()
    return any(low.endswith(e) and len(low) - len(e) >= 2 for e, _ in endings)


def area_adjectives(
    tokens: list[Token], hits: list[Hit], lang: str, index: PlaceIndex
) -> list[Hit]:
    """``hits`` with every adjective of a direction ("Покровському напрямку") read as the
    town it derives from (a hit of its own, replacing a hit of the word alone), or as no
    place when that town is not found."""
    nouns, endings, connectors = _rules(lang)
    if not nouns or not endings:
        return hits
    area: list[int] = []  # token positions of direction adjectives
    for i, tok in enumerate(tokens):
        if not tok.cap or tok.text.isupper() or not _adjective(tok.text, endings):
            continue
        # over further adjectives and connectors ("Лиманському, Сіверському та …") to the noun
        for t in tokens[i + 1 : i + 8]:
            low = t.text.casefold()
            if t.sent_start:
                break
            if not t.cap and low in nouns:
                area.append(i)
                break
            if not (low in connectors or (t.cap and _adjective(t.text, endings))):
                break
    if not area:
        return hits
    spot = set(area)
    out = [h for h in hits if not (h.first == h.last and h.first in spot)]
    covered = {k for h in out for k in range(h.first, h.last + 1)}
    for i in area:
        if i in covered:
            continue  # inside a longer name
        cands = _town(tokens[i].text, endings, index)
        if cands:
            tok = tokens[i]
            out.append(Hit(i, i, tok.start, tok.end, cands, changed=True))
    return sorted(out, key=lambda h: (h.first, h.last))
