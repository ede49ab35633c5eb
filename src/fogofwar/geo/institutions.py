"""Schools named after a first-level region that shares its name with a country, read by
:mod:`.recognise`: "Georgia Tech", "Georgia State University" name the US state's schools,
never the country's (a country's schools put its name after "of": "National University of
Georgia"). Such a hit keeps only its region candidates; the words are in
``data/geo/institutions.toml``."""

from __future__ import annotations

from functools import cache
from importlib import resources

from fogofwar.caches import parse_toml
from fogofwar.geo.tokens import Hit, Token

__all__ = ["school_regions"]


@cache
def _words() -> frozenset[str]:
    text = (resources.files("fogofwar") / "data" / "geo" / "institutions.toml").read_text("utf-8")
    return frozenset(str(w) for w in parse_toml(text).get("words", []))


def _school(tokens: list[Token], j: int) -> bool:
    """A school's word at token ``j`` ("Tech"), or "State" before one ("State University";
    not "State Security Service")."""
    words = _words()
    for k in (j, j + 1):
        tok = tokens[k] if k < len(tokens) else None
        if tok is None or not tok.glued or tok.hyphen:
            return False
        if tok.text in words:
            return True
        if tok.text != "State":
            return False
    return False


def school_regions(tokens: list[Token], hits: list[Hit]) -> list[Hit]:
    """``hits`` where a name of both a country and a first-level region opens a school's
    name ("Georgia Tech") keeps only the region."""
    out = []
    for h in hits:
        kinds = {c.place.kind for c in h.cands if c.how == 0}
        if {"country", "admin1"} <= kinds and _school(tokens, h.last + 1):
            cands = tuple(c for c in h.cands if c.place.kind != "country")
            h = Hit(h.first, h.last, h.start, h.end, cands, h.changed, metonymy=False,
                    phrase=h.phrase, weak=h.weak)  # fmt: skip
        out.append(h)
    return out
