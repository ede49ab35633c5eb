"""Second-level districts (Ukraine's raions, other countries' admin2 areas) of a point.

The index holds each district as an ``admin2`` entity located at its centre (a raion at its
biggest town). A town's district is taken to be the one whose centre is nearest in the town's
own first-level region, within :data:`MAX_KM`: district borders are not in the index, so this
is the Voronoi approximation of them — right for a district's centre and the towns around it,
and what tells "Dnipro" (the centre of Dniprovskyi Raion) from "the Synelnykove district".

Used by the event linker (``events.scoring``) to tell two places of one region apart when one
is a district; without the index (not built yet) every answer is ``None``.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from fogofwar.claim import Location
from fogofwar.geo.nearby import km_between

__all__ = ["MAX_KM", "district_key", "district_of"]

MAX_KM = 60.0  # a town further than this from every centre of its region: district unknown

_Centres = dict[tuple[str, str], tuple[tuple[str, float, float], ...]]


@cache
def _centres(path: Path) -> _Centres:
    """(ISO3, admin1) -> (district name, lat, lon) of every admin2 entity of the index."""
    out: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT cc3, admin1, name, lat, lon FROM entities WHERE kind = 'admin2'"
            " AND cc3 IS NOT NULL AND admin1 IS NOT NULL AND lat IS NOT NULL AND lon IS NOT NULL"
        ).fetchall()
    finally:
        con.close()
    for cc3, admin1, name, lat, lon in rows:
        out.setdefault((str(cc3).upper(), str(admin1).lower()), []).append(
            (str(name), float(lat), float(lon))
        )
    return {k: tuple(v) for k, v in out.items()}


def _index() -> Path | None:
    from fogofwar.geo.build import default_index_path

    path = default_index_path()
    return path if path.is_file() else None


def district_of(
    country: str, admin1: str, lat: float, lon: float, path: Path | None = None
) -> str | None:
    """The name of the district whose centre is nearest to (lat, lon) in ``admin1`` of
    ``country`` (ISO3), within :data:`MAX_KM`; None when the index or the region has none."""
    where = path if path is not None else _index()
    if where is None:
        return None
    centres = _centres(where).get((country.upper(), admin1.lower()), ())
    best = min(((km_between(lat, lon, la, lo), name) for name, la, lo in centres), default=None)
    return best[1] if best is not None and best[0] <= MAX_KM else None


def district_key(loc: Location | None) -> str | None:
    """``ISO3/admin1/district`` (lower case) of a town or district, else None (a region, a
    country, a place without a point or outside any known district)."""
    if loc is None or loc.precision not in ("point", "admin2") or not loc.country:
        return None
    if not loc.admin1 or loc.lat is None or loc.lon is None:
        return None
    name = district_of(loc.country, loc.admin1, loc.lat, loc.lon)
    if name is None:
        return None
    return f"{loc.country.upper()}/{loc.admin1.lower()}/{name.lower()}"
