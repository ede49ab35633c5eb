"""Abbreviated first-level regions: "Calif.", "Wash.", "Ont.", "N.S.W.", and postal codes
after a place ("Springfield, IL"). Data: ``data/geo/abbreviations.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from fogofwar.geo.tokens import Token

__all__ = ["Abbreviation", "abbreviation_at", "expand", "qualified_words"]


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation found in a text: where it ends and the region it names."""

    end: int
    region: str
    cc: str


_ERA = re.compile(r"\d\s*$")


@cache
def _table() -> tuple[dict[str, tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    raw = tomllib.loads(
        (resources.files("fogofwar") / "data" / "geo" / "abbreviations.toml").read_text("utf-8")
    )
    forms: dict[str, tuple[str, str]] = {}
    alone = set(raw.pop("standalone", []))
    for cc, regions in raw.items():
        for region, abbrevs in regions.items():
            for a in abbrevs:
                forms[a] = (region, cc)
    free = sorted(
        (a for a in forms if "." in a or len(a) >= 4 or a in alone), key=len, reverse=True
    )
    codes = sorted((a for a in forms if a not in free), key=len, reverse=True)

    def alternation(items: list[str]) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(map(re.escape, items)) + r")(?![^\W\d_])")

    return forms, alternation(free), alternation(codes)


def expand(surface: str) -> tuple[str, str] | None:
    """(region, country code) of an abbreviation written exactly as ``surface``."""
    return _table()[0].get(surface.strip())


def abbreviation_at(text: str, pos: int, after_place: bool) -> Abbreviation | None:
    """The abbreviation starting at ``pos``; codes without dots ("IL") only when
    ``after_place`` (the text reads "<place>, " right before) or listed as ``standalone``
    ("BC", "NSW"); none right after a number ("250 B.C.")."""
    forms, free, codes = _table()
    if _ERA.search(text, max(0, pos - 12), pos):
        return None  # "250 B.C.", "300 BC": an era
    m = free.match(text, pos) or (codes.match(text, pos) if after_place else None)
    if m is None:
        return None
    region, cc = forms[m.group()]
    return Abbreviation(m.end(), region, cc)


@cache
def _region_names() -> frozenset[str]:
    """The regions of the table by their own names ("Texas", "Ontario"), lower case."""
    return frozenset(region.casefold() for region, _ in _table()[0].values())


def qualified_words(text: str, tokens: list[Token]) -> frozenset[str]:
    """Capitalised words (lower case) the text qualifies with a region after a comma
    ("Paris, Tenn.", "Paris, Tennessee", "London, Ont."): the text writes them as a place,
    so their other mentions are no person's name ("Paris Hilton" elsewhere in the text)."""
    out = set()
    for tok, nxt in pairwise(tokens):
        if not tok.cap or len(tok.text) < 3 or text[tok.end : nxt.start] != ", ":
            continue
        if nxt.text.casefold() in _region_names() or abbreviation_at(text, nxt.start, True):
            out.add(tok.text.casefold())
    return frozenset(out)
