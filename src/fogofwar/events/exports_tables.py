"""Tabular exports of event records: ACLED-style CSV, UCDP GED-style CSV and Parquet.

Column names follow ACLED's export and UCDP GED's codebook; which columns fogofwar fills and
how is documented in ``events/README.md``. Parquet keeps every record field with native types
(lists for tuples, UTC timestamps) and reads back with :func:`read_events_parquet` or DuckDB.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any, get_type_hints

import pyarrow as pa
import pyarrow.parquet as pq
import pycountry

from fogofwar.events.acled import (
    acled_actor,
    acled_country,
    acled_notes,
    inter_code,
    interaction,
    region,
    source_scale,
)
from fogofwar.events.exports_json import open_text
from fogofwar.events.record import EventRecord

__all__ = [
    "ACLED_COLUMNS",
    "UCDP_COLUMNS",
    "acled_row",
    "parquet_schema",
    "read_events_parquet",
    "ucdp_row",
    "write_acled_csv",
    "write_parquet",
    "write_ucdp_csv",
]

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

UCDP_COLUMNS = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
]

# kind -> (ACLED event_type, sub_event_type) when the claims carry no ACLED crosswalk.
_ACLED_OF_KIND = {
    "attack": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "armed_clash": ("Battles", "Armed clash"),
    "casualties": ("Battles", "Armed clash"),
    "territorial_change": ("Strategic developments", "Non-violent transfer of territory"),
    "deployment": ("Strategic developments", "Other"),
    "arrest": ("Strategic developments", "Arrests"),
    "desertion": ("Strategic developments", "Other"),
    "diplomacy": ("Strategic developments", "Agreement"),
    "protest": ("Protests", "Peaceful protest"),
    "statement": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED inter codes (1 state forces, 2 rebels, 3 political militias, 7 civilians, 8 other).
_INTER = {"state_forces": 1, "government": 1, "armed_group": 2, "civilians": 7}
_TIME_PRECISION = {"day": 1, "week": 2}  # ACLED: 1 day, 2 a few days/week, 3 month or vaguer
_GEO_PRECISION = {"point": 1, "admin2": 2}  # ACLED: 1 town, 2 nearby/district, 3 region
_UCDP_WHERE = {"point": 1, "admin2": 3, "admin1": 4, "country": 6, "region": 6}
_UCDP_DATE = {"day": 1, "week": 3, "month": 4}


def _country(iso3: str | None) -> tuple[str, str]:
    """(numeric ISO code, ACLED-style country name) of an alpha-3 code."""
    if not iso3:
        return "", ""
    entry = pycountry.countries.get(alpha_3=iso3)
    if entry is None:
        return "", iso3
    return str(int(entry.numeric)), acled_country(iso3)


def _number(event_id: str, digits: int) -> int:
    value = int(hashlib.sha256(event_id.encode("utf-8")).hexdigest(), 16)
    return int(str(value)[-digits:])


def _acled_actors(
    names: tuple[str, ...], kinds: tuple[str, ...], countries: tuple[str, ...], rec: EventRecord
) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for i, name in enumerate(names):
        kind = kinds[i] if i < len(kinds) else ""
        iso = countries[i] if i < len(countries) else ""
        label = acled_actor(name, kind, iso, rec.country)
        if all(label != o[0] for o in out):
            out.append((label, inter_code(kind, iso, rec.country)))
    return out


def acled_row(rec: EventRecord) -> dict[str, Any]:
    """One ACLED-style row (every column of :data:`ACLED_COLUMNS`), in ACLED's vocabulary."""
    event_type, sub = rec.acled_event_type, rec.acled_sub_event_type
    if not event_type:
        event_type, sub = _ACLED_OF_KIND.get(rec.kind, ("Strategic developments", "Other"))
    iso, country = _country(rec.country)
    side1 = _acled_actors(rec.actors, rec.actor_kinds, rec.actor_countries, rec)
    side2 = _acled_actors(rec.targets, rec.target_kinds, rec.target_countries, rec)
    civilians = "civilians" in (*rec.target_kinds, *(v.lower() for v in rec.victims)) or any(
        g.startswith("civilians") for g in rec.deaths_by_group
    )
    if civilians and not side2:
        side2 = [(acled_actor("", "civilians", "", rec.country), 7)]
    inter1 = side1[0][1] if side1 else None
    inter2 = side2[0][1] if side2 else None
    coarse = rec.geo_precision in (None, "country", "region")
    stamp = rec.valid_from.astimezone(UTC) if rec.valid_from else None
    actor1 = side1[0][0] if side1 else ""
    actor2 = side2[0][0] if side2 else ""
    return {
        "event_id_cnty": f"{rec.country or 'XXX'}{_number(rec.event_id, 8)}",
        "event_date": rec.date_start or "",
        "year": rec.date_start[:4] if rec.date_start else "",
        "time_precision": _TIME_PRECISION.get(rec.time_precision, 3),
        "disorder_type": _DISORDER.get(event_type or "", "Strategic developments"),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(a for a, _ in side1[1:]),
        "inter1": "" if inter1 is None else inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(a for a, _ in side2[1:]),
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": iso,
        "region": region(rec.country),
        "country": country,
        "admin1": rec.admin1 or "",
        "admin2": rec.admin2 or "",
        "admin3": "",
        "location": rec.location or "",
        "latitude": "" if rec.latitude is None or coarse else f"{rec.latitude:.4f}",
        "longitude": "" if rec.longitude is None or coarse else f"{rec.longitude:.4f}",
        "geo_precision": _GEO_PRECISION.get(rec.geo_precision or "", 3),
        "source": "; ".join(rec.outlets),
        "source_scale": source_scale(rec),
        "notes": acled_notes(rec, actor1, actor2, coarse),
        "fatalities": rec.killed_best if rec.killed_best is not None else 0,
        "tags": "; ".join(rec.flags),
        "timestamp": int(stamp.timestamp()) if stamp else "",
    }


def deaths_by_side(rec: EventRecord) -> dict[str, int]:
    """UCDP's deaths_a / deaths_b / deaths_civilians / deaths_unknown from the record's killed
    figures per victim group: fighters of side A's or side B's country, civilians, and people
    the claims do not place on a side. When sources dispute what was hit, only the group shown
    on the event counts (the other group's figure is a rival account of the same dead)."""
    out = dict.fromkeys(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"), 0)
    side_a = {c for c in rec.actor_countries if c} | {a.lower() for a in rec.actors}
    side_b = {c for c in rec.target_countries if c} | {t.lower() for t in rec.targets}
    entries = [e.rsplit("=", 1) for e in rec.deaths_by_group if "=" in e]
    if "characterisation_disputed" in rec.flags and rec.killed_group:
        entries = [e for e in entries if e[0] == rec.killed_group]
    for group, value in entries:
        n = int(value) if value.isdigit() else 0
        side = group.split("/")[1] if group.startswith("combatants/") else None
        if group.startswith("civilians"):
            out["deaths_civilians"] += n
        elif side is not None and side in side_a:
            out["deaths_a"] += n
        elif side is not None and side in side_b:
            out["deaths_b"] += n
        else:
            out["deaths_unknown"] += n
    return out


def ucdp_row(rec: EventRecord) -> dict[str, Any]:
    """One UCDP GED-style row (every column of :data:`UCDP_COLUMNS`)."""
    side_a = "; ".join(rec.actors)
    side_b = "; ".join(rec.targets or rec.victims)
    civilians = (
        any(v.lower() == "civilians" for v in rec.victims) or "civilians" in rec.target_kinds
    )
    split = deaths_by_side(rec)
    if not any(split.values()):
        primary = rec.killed_best if rec.killed_best is not None else rec.killed_low or 0
        split["deaths_civilians" if civilians else "deaths_unknown"] = primary
    best = sum(split.values())
    iso, country = _country(rec.country)
    point = (
        f"POINT ({rec.longitude} {rec.latitude})"
        if rec.latitude is not None and rec.longitude is not None
        else ""
    )
    row: dict[str, Any] = dict.fromkeys(UCDP_COLUMNS, "")
    row.update(
        {
            "id": _number(rec.event_id, 9),
            "relid": rec.event_id,
            "year": rec.date_start[:4] if rec.date_start else "",
            "type_of_violence": 3 if civilians else 1,
            "conflict_name": f"{side_a} - {side_b}" if side_a and side_b else side_a or side_b,
            "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
            "side_a": side_a,
            "side_b": side_b,
            "number_of_sources": len(rec.sources),
            "source_article": "; ".join(rec.article_ids),
            "source_original": "; ".join(rec.sources),
            "where_prec": _UCDP_WHERE.get(rec.geo_precision or "", 6),
            "where_coordinates": rec.location or "",
            "where_description": rec.notes,
            "adm_1": rec.admin1 or "",
            "adm_2": rec.admin2 or "",
            "latitude": "" if rec.latitude is None else rec.latitude,
            "longitude": "" if rec.longitude is None else rec.longitude,
            "geom_wkt": point,
            "country": country,
            "country_id": iso,
            "event_clarity": 2 if rec.flags else 1,
            "date_prec": _UCDP_DATE.get(rec.time_precision, 5),
            "date_start": rec.date_start or "",
            "date_end": rec.date_end or rec.date_start or "",
            **split,
            "best": best,
            "high": max(best, rec.killed_high or 0),
            "low": min(best, rec.killed_low) if rec.killed_low is not None else best,
        }
    )
    return row


def _write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: Path | IO[str]) -> int:
    n = 0
    with open_text(out) as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def write_acled_csv(records: Iterable[EventRecord], out: Path | IO[str]) -> int:
    """Every event as an ACLED-style CSV row; returns the number of rows."""
    return _write_csv((acled_row(r) for r in records), ACLED_COLUMNS, out)


def write_ucdp_csv(records: Iterable[EventRecord], out: Path | IO[str]) -> int:
    """Violent events with at least one death, as UCDP GED-style CSV rows."""
    violent = ("attack", "armed_clash", "casualties")
    rows = (
        ucdp_row(r)
        for r in records
        if r.kind in violent and (r.killed_best or r.killed_low or 0) >= 1
    )
    return _write_csv(rows, UCDP_COLUMNS, out)


def _arrow_type(hint: Any) -> pa.DataType:
    text = str(hint)
    if "tuple" in text:
        return pa.list_(pa.string())
    if "datetime" in text:
        return pa.timestamp("us", tz="UTC")
    if "float" in text:
        return pa.float64()
    if "int" in text:
        return pa.int64()
    return pa.string()


DATE_FIELDS = ("date_start", "date_end")  # typed dates in Parquet (ISO strings in the record)


def parquet_schema() -> pa.Schema:
    """Arrow schema of :class:`EventRecord` (one column per field; dates as ``date32``)."""
    hints = get_type_hints(EventRecord)
    return pa.schema(
        [
            (f.name, pa.date32() if f.name in DATE_FIELDS else _arrow_type(hints[f.name]))
            for f in fields(EventRecord)
        ]
    )


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def write_parquet(records: Iterable[EventRecord], out: Path | IO[bytes]) -> int:
    """Every record as a Parquet row (loads in DuckDB, pandas, Arrow)."""
    schema = parquet_schema()
    rows = []
    for rec in records:
        row: dict[str, Any] = {f.name: getattr(rec, f.name) for f in fields(rec)}
        for k, v in row.items():
            if isinstance(v, tuple):
                row[k] = list(v)
        for k in DATE_FIELDS:
            row[k] = _as_date(row[k])
        if rec.valid_from is not None and rec.valid_from.tzinfo is None:
            row["valid_from"] = rec.valid_from.replace(tzinfo=UTC)
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def read_events_parquet(src: Path | IO[bytes]) -> tuple[EventRecord, ...]:
    """Inverse of :func:`write_parquet` (timestamps come back in UTC)."""
    out = []
    for row in pq.read_table(src).to_pylist():
        kwargs: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
        for k in DATE_FIELDS:
            if isinstance(kwargs.get(k), date):
                kwargs[k] = kwargs[k].isoformat()
        stamp = kwargs.get("valid_from")
        if isinstance(stamp, datetime):
            kwargs["valid_from"] = stamp.astimezone(UTC)
        out.append(EventRecord(**kwargs))
    return tuple(out)
