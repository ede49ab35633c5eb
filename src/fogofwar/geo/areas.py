"""Front-line directions and districts named by an adjective of a town, read by
:mod:`.recognise`.

"на Покровському напрямку", "на Купянском направлении", "на Лиманському та Сіверському
напрямках", "у Харківському районі": the adjective before one of the pack's area nouns
(``[text] area_nouns`` of ``pack.toml``) or a noun of ``data/geo/areas.toml`` is not the
village spelled like it (Pokrovske, Kupianske, Lymanske, Kharkivske) but the town it derives
from (the direction's target, the district's centre). Its hit takes that town's candidates:
the adjectival ending is replaced by the suffixes of ``data/geo/areas.toml`` in turn
("Покровському" ->
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
) -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, tuple[str, ...]], ...], frozenset[str]]:
    """(direction nouns, district nouns, (ending, the town name's endings) longest first,
    connectors) of ``lang`` ("": every language's)."""
    langs = (lang,) if lang in available_languages() else available_languages()
    nouns: set[str] = set()
    districts: set[str] = set()
    endings: dict[str, tuple[str, ...]] = {}
    connectors: set[str] = set()
    for code in langs:
        text = read_table(code, "pack").get("text", {})
        if isinstance(text, dict):
            nouns.update(str(w).casefold() for w in text.get("area_nouns", []))
        own = _table().get(code, {})
        if not isinstance(own, dict):
            continue
        nouns.update(str(w).casefold() for w in own.get("nouns", []))
        districts.update(str(w).casefold() for w in own.get("district_nouns", []))
        connectors.update(str(w).casefold() for w in own.get("connectors", []))
        for suffix, names in own.get("suffixes", []):
            for case in own.get("cases", []):
                endings.setdefault(str(suffix) + str(case), tuple(str(n) for n in names))
    ordered = tuple(sorted(endings.items(), key=lambda p: -len(p[0])))
    return frozenset(nouns), frozenset(districts), ordered, frozenset(connectors)


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
            # every ending the town's name may take ("Костянтинів" and "Костянтинівка"):
            # the resolver weighs them, so a village does not hide the town by coming first
            cands = tuple(
                c
                for suffix in suffixes
                for c in index.lookup(fold(stem + suffix))
                if c.how == how and c.place.kind in _TOWNS
            )
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
    place when that town is not found; an adjective of a district ("у Харківському районі")
    that the recogniser read as a village is read as the district's centre instead (no hit
    is added for a district: the text names the town's district, not the town)."""
    nouns, districts, endings, connectors = _rules(lang)
    if not (nouns or districts) or not endings:
        return hits
    area: dict[int, bool] = {}  # token position of an adjective -> of a direction (not district)
    for i, tok in enumerate(tokens):
        if not tok.cap or tok.text.isupper() or not _adjective(tok.text, endings):
            continue
        # over further adjectives and connectors ("Лиманському, Сіверському та …") to the noun
        for t in tokens[i + 1 : i + 8]:
            low = t.text.casefold()
            if t.sent_start:
                break
            if not t.cap and (low in nouns or low in districts):
                area[i] = low in nouns
                break
            if not (low in connectors or (t.cap and _adjective(t.text, endings))):
                break
    if not area:
        return hits
    single = {h.first: h for h in hits if h.first == h.last and h.first in area}
    out = [h for h in hits if not (h.first == h.last and h.first in area)]
    covered = {k for h in out for k in range(h.first, h.last + 1)}
    for i, direction in area.items():
        if i in covered or (not direction and i not in single):
            continue  # inside a longer name; a district the recogniser did not read
        cands = _town(tokens[i].text, endings, index)
        if cands:
            tok = tokens[i]
            out.append(Hit(i, i, tok.start, tok.end, cands, changed=True))
        elif not direction:
            out.append(single[i])  # no centre found: the recogniser's reading stays
    return sorted(out, key=lambda h: (h.first, h.last))
