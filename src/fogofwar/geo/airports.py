"""Airports as gazetteer points (airportsdata: every airport with an IATA code).

Used only by :mod:`fogofwar.geo.build` through :mod:`.sources`.
"""

from __future__ import annotations

import re
import sys

from fogofwar.geo.entity import Entity

__all__ = ["airports"]

_AIRPORT_WORDS = re.compile(
    r"\s+(?:(?:International|Intl|Regional|Municipal|National|Ntl)\s+)*"
    r"(?:Airport|Airfield|Air Base|Aerodrome)$"
)
_AIRPORT_POP = 99_000  # beats a hamlet of the same name, not a town; under the person guards'
_AIRPORT_MIN = 4  # letters of an airport's own short name ("Heathrow", "Dulles", "O'Hare")


def airports() -> list[Entity]:
    """Airports with an IATA code (airportsdata) as points: "London Heathrow Airport",
    "Heathrow Airport" as official names, and the airport's own word ("Heathrow", "Dulles")
    as another name when the full name is its city's name plus that word (not a first name or
    a dictionary word: "Boston Logan" gives no "Logan"), so "Heathrow" is the airport rather
    than a hamlet of that name elsewhere."""
    import airportsdata
    import reverse_geocoder

    from fogofwar.geo.langdata import lang_pack
    from fogofwar.geo.tokens import is_known

    given = lang_pack("en").given_names
    out: list[Entity] = []
    rows = [r for r in airportsdata.load("IATA").values() if r["name"] and r["country"]]
    geocoder = reverse_geocoder.RGeocoder(mode=1, verbose=False)
    found = geocoder.query([(float(r["lat"]), float(r["lon"])) for r in rows])
    for r, adm in zip(rows, found, strict=True):
        name, city = str(r["name"]).strip(), str(r["city"] or "").strip()
        e = Entity(name, "city", str(r["country"]), float(r["lat"]), float(r["lon"]), _AIRPORT_POP)
        if adm["cc"] == e.cc:
            e.admin1, e.admin2 = sys.intern(adm["admin1"]), sys.intern(adm["admin2"])
        e.main.append(name)
        base = _AIRPORT_WORDS.sub("", name)
        own = base[len(city) :].strip(" -/") if city and base.startswith(city + " ") else ""
        if own and base != name:
            e.main.append(own + " Airport")
            words = own.split()
            word = words[0]
            if (
                len(words) == 1
                and len(word) >= _AIRPORT_MIN
                and word[0].isupper()
                and not word.isupper()
                and word.replace("'", "").isalpha()
                and word.casefold() not in given
                and not is_known(word, "en")
            ):
                e.alt.append(word)
        out.append(e)
    return out
