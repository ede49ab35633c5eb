"""Candidates a name gives up whatever the context, read by :mod:`.resolve` before scoring.

Other names of smaller towns give way to a city of a million's own name ("Philadelphia" is not
Amman by its ancient name), other names of hamlets to a capital's ("Jerusalem" is not
Funkstown, Md.); regions give way to a city of their own name inside them ("Puno"); a province
named after a sea gives way to the sea ("Red Sea"); a country named in another language gives
way to a city of 100,000+ whose own name that is ("Salvador", "Granada").
"""

from __future__ import annotations

from fogofwar.geo.index import Candidate
from fogofwar.geo.text import fold

__all__ = ["prune"]

_FAMOUS = 1_000_000  # a city this big owns its name against smaller towns' other names
_HAMLET = 5_000  # ... a capital against a place this small's other names
_CITY = 100_000  # ... a capital this big (not Hamilton, Bermuda, of 900)
_WATERS = frozenset({"sea", "ocean", "gulf", "bay", "strait", "lake", "river", "channel"})


def prune(cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Other names of smaller towns that give way to a city of a million's own name, other
    names of hamlets to a capital's ("Jerusalem" is not Funkstown, Md.); regions that give way
    to a city of their own name inside them ("Puno"; the district "Albany" around the town: its
    population is the town's and more, its point is not); a province named after a sea gives
    way to the sea ("Red Sea"); a country named in another language gives way to a city of
    100,000+ whose own name that is ("Salvador", "Granada")."""
    seas = {
        c.place.name
        for c in cands
        if c.place.kind == "region" and c.how == 0 and c.place.name.split()[-1].lower() in _WATERS
    }
    if seas:
        cands = tuple(c for c in cands if c.place.kind == "region" or c.place.name not in seas)
    towns = [c.place for c in cands if c.place.kind == "city" and c.how == 0]
    # "Salvador" is the Brazilian city, not El Salvador by its French name; "Granada" the
    # Spanish city, not Grenada by its Spanish one: a country's name in another language gives
    # way to a city of _CITY+ whose own name it is ("Armenia", "Singapore": the country's own)
    cities = {fold(p.name) for p in towns if p.population >= _CITY}
    if cities:
        cands = tuple(
            c
            for c in cands
            if not (c.place.kind == "country" and c.how == 0 and fold(c.place.name) not in cities)
        )
    # "Philadelphia" is the city of 1.5 million, not Amman by its ancient name: a big city's
    # own name beats every smaller town's other name, whatever the context; "Jerusalem" is the
    # capital, not Funkstown, Md.: a capital's own name beats a hamlet's other name (not a
    # town's: "Kingston" Crown Court is Kingston upon Thames, not the capital of Jamaica)
    big = max((p.population for p in towns if p.population >= _FAMOUS), default=0)
    capital = any(p.capital and p.population >= _CITY for p in towns)  # not Hamilton, Bermuda
    cands = tuple(
        c
        for c in cands
        if not (
            c.how > 0
            and (
                (c.place.kind in ("city", "admin2") and c.place.population < big)
                or (capital and c.place.kind == "city" and c.place.population < _HAMLET)
            )
        )
    )
    city_admin1 = {(p.cc, p.admin1) for p in towns}
    city_admin2 = {(p.cc, p.admin1, p.admin2) for p in towns}
    return tuple(
        c
        for c in cands
        if not (c.place.kind == "admin1" and (c.place.cc, c.place.admin1) in city_admin1)
        and not (
            c.place.kind == "admin2" and (c.place.cc, c.place.admin1, c.place.admin2) in city_admin2
        )
    )
