"""Cars named by their make and model, read by :mod:`.recognise`: a capitalised word right
after a make ("Dodge Durango", "Jeep Cherokee") names a model, and a make after a model year
("a red 1991 Honda") the car; neither, nor their other mentions in the text ("the Durango
pulled up", "the Honda's driver"), is a place. Makes are in ``data/geo/vehicles.toml``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from fogofwar.caches import parse_toml
from fogofwar.geo.tokens import Token

__all__ = ["vehicle_words"]

_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d\s$")  # "1991 " right before the make


@cache
def _makes() -> frozenset[str]:
    text = (resources.files("fogofwar") / "data" / "geo" / "vehicles.toml").read_text("utf-8")
    return frozenset(str(w) for w in parse_toml(text).get("makes", []))


def vehicle_words(text: str, tokens: list[Token]) -> frozenset[str]:
    """Words (as written) the text uses for a car: models after their make, makes after a
    model year."""
    makes = _makes()
    out: set[str] = set()
    for k, tok in enumerate(tokens):
        if tok.text not in makes:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.glued and nxt.cap and not nxt.hyphen and not nxt.sent_start:
            out.add(nxt.text)  # "Dodge Durango"
        if _YEAR.search(text, max(0, tok.start - 6), tok.start):
            out.add(tok.text)  # "a red 1991 Honda"
    return frozenset(out)
