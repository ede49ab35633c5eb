"""Words of ``data/roles.toml`` that shape who a source is:

* :func:`epithet_roles` — epithets for an office ("the head of state", "le chef de l'État",
  "глава государства"): a later source phrase that names an office the text gave a person
  earlier by its title ("President X"); ``[epithets.<lang>]``;
* :func:`company_noun` — a company's noun ("компанія", "airline"; ``[company_nouns]``).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from fogofwar.actors.registry import DATA_DIR

__all__ = ["company_noun", "epithet_roles"]

_ARTICLE = re.compile(r"^(?:the|der|die|das|le|la|l['’]|el|il|lo)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _roles() -> dict[str, Any]:
    with (DATA_DIR / "roles.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = _roles().get("epithets", {})
    return {
        lang: {str(k).casefold(): tuple(str(r).casefold() for r in v) for k, v in rows.items()}
        for lang, rows in raw.items()
    }


@lru_cache(maxsize=65_536)
def epithet_roles(lang: str, phrase: str) -> tuple[str, ...]:
    """The role words of the office ``phrase`` stands for ("the head of state" → "president"),
    or ``()`` when it is no epithet of the language. An adjective before the epithet is
    allowed ("the Ukrainian head of state"). Remembered per phrase (every clause's source
    names ask again, and the table is read once)."""
    flat = " ".join(_ARTICLE.sub("", phrase.strip()).casefold().replace("’", "'").split())
    rows = _table().get(lang, {})
    for epithet, roles in rows.items():
        extra = len(flat.split()) - len(epithet.split())
        if flat == epithet or (extra == 1 and flat.endswith(f" {epithet}")):
            return roles
    return ()


def company_noun(lang: str, word: str) -> bool:
    """``word`` is a company's noun in ``lang`` ("Компанія", "авіакомпанії", "airline")."""
    stems = _roles().get("company_nouns", {}).get(lang, ())
    low = word.casefold().strip(',.:;«»"')
    return any(low.startswith(str(s)) for s in stems)
