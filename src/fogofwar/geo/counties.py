"""A county's name without its word: "DeKalb" once the text has named "DeKalb County".

Local news names a county in full once and then by its bare name ("DeKalb County officials
... north DeKalb"); the bare name alone is often a town elsewhere (DeKalb, Illinois) or
nothing the gazetteer knows ("Vanderburgh"). Read by :meth:`fogofwar.geo.Gazetteer.resolve`.
"""

from __future__ import annotations

from collections.abc import Mapping

from fogofwar.geo.index import Place
from fogofwar.geo.recognise import Hit
from fogofwar.geo.text import fold

__all__ = ["named_counties", "short_for"]

# the word after a county's own name, by language (English local news)
_COUNTY_WORDS: Mapping[str, frozenset[str]] = {"en": frozenset({"county", "parish"})}


def named_counties(
    text: str, hits: list[Hit], places: Mapping[int, Place | None], lang: str | None
) -> dict[str, Place]:
    """Folded bare name -> the second-level region the text names in full ("DeKalb County"
    resolved to the county in Georgia gives "dekalb")."""
    words = _COUNTY_WORDS.get(lang or "", frozenset())
    out: dict[str, Place] = {}
    for h in hits:
        place = places.get(id(h))
        if place is None or place.kind != "admin2" or h.demonym is not None:
            continue
        name = text[h.start : h.end].split()
        if len(name) > 1 and name[-1].casefold() in words:
            out.setdefault(fold(" ".join(name[:-1])), place)
    return out


def short_for(place: Place | None, county: Place) -> bool:
    """The bare name means the county named in full: it names nothing else, or only a town or
    county outside the county's first-level region ("DeKalb", Illinois, with DeKalb County,
    Georgia, named); a town of the name in that region stays the town ("Jackson" with Jackson
    County, Mississippi)."""
    return place is None or (
        place.kind in ("city", "admin2")
        and place.eid != county.eid
        and (place.cc, place.admin1) != (county.cc, county.admin1)
    )
