"""Armed groups of the actor registry (``data/actors.toml``, ``kind = "armed_group"``) as a
guard of the recogniser: a word that opens a listed group's name in the text ("Taliban",
"Boko Haram", "Wagner") names the group, not a small town or a town by another of its names
(Bozhüyük, Turkey, is "Taliban" in GeoNames; Boko is a village in Congo). A group's name that
holds a real region ("Kurdistan Workers' Party", "Tigray People's Liberation Front") keeps the
region: only weak town candidates give way.

News outlets of the registry (``source_kind = "media"``) likewise: "Xinhua reported" is the
agency, not Xinhua, Yunnan (a town of 16,000: outlets give way only to cities of
_OUTLET_TOWN+). A one-word name in brackets before a dash is a wire credit, listed or not:
"SANAA (Saba) -", "BEIJING, March 3 (Xinhua) --".
"""

from __future__ import annotations

import re
from functools import cache

from fogofwar.geo.tokens import Hit, Token, tokenize

__all__ = ["firm_name", "opens_group", "wire_credit"]

_TOWN = 15_000  # a town this big under its own name stays a place
_OUTLET_TOWN = 100_000  # ... against a news outlet's name
# "(Saba) -", "(Xinhua) --", "(AFP) —": an agency's name in brackets before a dash
_CREDIT = re.compile(r"\)\s*(?:-|--|–|—)")
# "McPherson & Jacobsen LLC", "Smith & Sons": a firm's partners joined by an ampersand, the
# firm's word at most two words later
_FIRM = re.compile(
    r"\s*&\s*(?:[A-Z][\w'’.-]*,?\s+){0,2}"
    r"(?:LLC|LLP|Inc|Co|Corp|Ltd|PLC|PC|Associates|Partners|Sons|Company)\b"
)


@cache
def _group_words(media: bool = False) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every armed group's (``media``: news outlet's) alias, as the tokenizer splits it, lower
    case, by its first word."""
    from fogofwar.actors.registry import ActorRegistry  # on first use: geo loads without it

    out: dict[str, set[tuple[str, ...]]] = {}
    for entry in ActorRegistry.load().entries:
        wanted = entry.source_kind == "media" if media else entry.kind == "armed_group"
        if not wanted:
            continue
        for alias in entry.aliases:
            words = tuple(t.text.casefold() for t in tokenize(alias))
            if words and alias[:1].isupper():
                out.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group)) for first, group in out.items()}


def opens_group(tokens: list[Token], hit: Hit) -> bool:
    """``hit`` starts a listed armed group's name written in full ("Boko Haram", "Taliban")
    and names only small towns or towns by another of their names, or a listed news outlet's
    ("Xinhua") and names no city of _OUTLET_TOWN+ by its own name."""
    if any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return False
    for media, town in ((False, _TOWN), (True, _OUTLET_TOWN)):
        if any(c.how == 0 and c.place.population >= town for c in hit.cands):
            continue
        if _opens(tokens, hit, _group_words(media)):
            return True
    return False


def _opens(tokens: list[Token], hit: Hit, names: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    for words in names.get(tokens[hit.first].text.casefold(), ()):
        end = hit.first + len(words)
        if end < hit.last + 1 or end > len(tokens):
            continue
        span = tokens[hit.first : end]
        if tuple(t.text.casefold() for t in span) == words and all(t.glued for t in span[1:]):
            return True
    return False


def wire_credit(text: str, hit: Hit) -> bool:
    """``hit`` is one name in brackets before a dash: a news agency's credit ("SANAA (Saba) -
    ..."), not a place."""
    return text[hit.start - 1 : hit.start] == "(" and bool(_CREDIT.match(text, hit.end))


def firm_name(text: str, hit: Hit) -> bool:
    """``hit`` names only towns and opens a firm's name: an ampersand, a partner's name and
    the firm's word ("McPherson & Jacobsen LLC", "Smith & Sons"), not the town McPherson,
    Kansas ("Trinidad & Tobago" is no firm)."""
    return (
        bool(hit.cands)
        and all(c.place.kind in ("city", "admin2") for c in hit.cands)
        and bool(_FIRM.match(text, hit.end))
    )
