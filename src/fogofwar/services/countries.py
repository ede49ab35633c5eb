"""A country as people type it → its ISO 3166-1 alpha-3 code.

Accepted: alpha-2 (``UA``), alpha-3 (``UKR``), and names in German, English, Russian and
Ukrainian (``Ukraine``, ``Украина``, ``Україна``), official or common (pycountry, babel's
territory names, and the press's short forms in ``data/geo/countries.toml``). Case, accents
and surrounding spaces do not matter.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from importlib import resources

__all__ = ["LANGUAGES", "country_code"]

LANGUAGES = ("de", "en", "ru", "uk")


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").replace("ʼ", "'").split())


@cache
def _names() -> dict[str, str]:
    """Every accepted spelling (as :func:`_key`) → alpha-3."""
    import pycountry
    from babel import Locale

    out: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    for c in pycountry.countries:
        alpha3[c.alpha_2] = c.alpha_3
        for name in (c.alpha_2, c.alpha_3, c.name, getattr(c, "common_name", None)):
            if name:
                out.setdefault(_key(name), c.alpha_3)
        official = getattr(c, "official_name", None)
        if official:
            out.setdefault(_key(official), c.alpha_3)
    for lang in LANGUAGES:
        for code, name in Locale(lang).territories.items():
            if code in alpha3:
                out.setdefault(_key(name), alpha3[code])
    data = resources.files("fogofwar") / "data" / "geo" / "countries.toml"
    aliases = tomllib.loads(data.read_text(encoding="utf-8")).get("aliases", {})
    for iso3, names in aliases.items():
        for name in names:
            out.setdefault(_key(name), iso3)
    return out


def country_code(text: str) -> str | None:
    """The alpha-3 code of the country ``text`` names, or ``None`` when it names none."""
    return _names().get(_key(text))
