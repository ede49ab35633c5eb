"""Exports: events-jsonl and Parquet round-trips, ACLED/UCDP CSV in pandas, GeoJSON validity."""

from __future__ import annotations

import io
import json
import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.events.exports_json import (
    read_events_jsonl,
    write_events_jsonl,
    write_geojson,
    write_plover_json,
)
from fogofwar.events.exports_tables import (
    ACLED_COLUMNS,
    UCDP_COLUMNS,
    read_events_parquet,
    write_acled_csv,
    write_parquet,
    write_ucdp_csv,
)
from fogofwar.events.record import EventRecord

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
names = st.tuples(text, text).map(tuple) | st.just(())
opt_int = st.none() | st.integers(0, 10**6)
opt_float = st.none() | st.floats(-90, 90, allow_nan=False)

records = st.builds(
    EventRecord,
    event_id=st.from_regex(r"e[0-9a-f]{15}", fullmatch=True),
    kind=st.sampled_from(["attack", "armed_clash", "casualties", "arrest", "diplomacy"]),
    date_start=st.none() | st.dates().map(lambda d: d.isoformat()),
    date_end=st.none() | st.dates().map(lambda d: d.isoformat()),
    time_precision=st.sampled_from(["day", "week", "month", "before_publication"]),
    country=st.none() | st.sampled_from(["UKR", "RUS", "PRK"]),
    location=st.none() | text,
    geonames_id=opt_int,
    latitude=opt_float,
    longitude=st.none() | st.floats(-180, 180, allow_nan=False),
    actors=names,
    victims=names,
    killed_low=opt_int,
    killed_high=opt_int,
    killed_best=opt_int,
    sources=names,
    flags=names,
    notes=text,
    version=st.integers(0, 50),
    valid_from=st.none()
    | st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0, tzinfo=UTC)
    ),
)

KYIV = EventRecord(
    "e0123456789abcdef",
    "attack",
    "2024-07-08",
    "2024-07-08",
    "day",
    country="UKR",
    admin1="Kyiv City",
    location="Kyiv",
    geonames_id=703448,
    latitude=50.45,
    longitude=30.52,
    geo_precision="point",
    actors=("Russian forces",),
    actor_kinds=("state_forces",),
    actor_countries=("RUS",),
    victims=("civilians",),
    outlets=("kyivindependent.com", "ukrinform.ua"),
    deaths_by_group=("civilians=31",),
    killed_low=31,
    killed_high=33,
    killed_best=31,
    sources=("Interior Ministry", "Mayor"),
    source_kinds=("government",),
    article_ids=("a1", "a2"),
    flags=("counts_disagree",),
    notes="attack in Kyiv",
    version=2,
    valid_from=datetime(2024, 7, 9, tzinfo=UTC),
)
UNPLACED = EventRecord("e1111111111111111", "arrest", None, None, "before_publication")


@settings(max_examples=60, deadline=None)
@given(st.lists(records, max_size=4))
def test_events_jsonl_round_trips(recs: list[EventRecord]) -> None:
    buf = io.StringIO()
    assert write_events_jsonl(recs, buf) == len(recs)
    buf.seek(0)
    assert read_events_jsonl(buf) == tuple(recs)


@settings(max_examples=30, deadline=None)
@given(st.lists(records, max_size=4))
def test_parquet_round_trips(recs: list[EventRecord]) -> None:
    buf = io.BytesIO()
    write_parquet(recs, buf)
    buf.seek(0)
    assert read_events_parquet(buf) == tuple(recs)


def test_parquet_loads_in_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write_parquet([KYIV, UNPLACED], path)
    rows = duckdb.sql(
        f"SELECT event_id, killed_best, len(sources) AS n FROM '{path}' ORDER BY event_id"
    ).fetchall()
    assert rows == [("e0123456789abcdef", 31, 2), ("e1111111111111111", None, 0)]


def test_acled_csv_loads_in_pandas_with_acled_columns(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    assert write_acled_csv([KYIV, UNPLACED], path) == 2
    df = pd.read_csv(path, keep_default_na=False)
    assert list(df.columns) == ACLED_COLUMNS
    row = df.iloc[0]
    assert row["event_id_cnty"].startswith("UKR") and row["event_id_cnty"][3:].isdigit()
    assert (row["event_date"], int(row["year"]), int(row["time_precision"])) == (
        "2024-07-08",
        2024,
        1,
    )
    assert (row["disorder_type"], row["event_type"]) == (
        "Political violence",
        "Explosions/Remote violence",
    )
    assert (int(row["iso"]), row["country"], row["location"]) == (804, "Ukraine", "Kyiv")
    assert (float(row["latitude"]), float(row["longitude"]), int(row["geo_precision"])) == (
        50.45,
        30.52,
        1,
    )
    assert (int(row["fatalities"]), row["civilian_targeting"]) == (31, "Civilian targeting")
    assert row["source"] == "kyivindependent.com; ukrinform.ua"  # outlets, never people
    assert row["tags"] == "counts_disagree" and row["source_scale"] == "National"
    assert (row["actor1"], int(row["inter1"])) == ("Military Forces of Russia (2000-)", 8)
    assert (row["actor2"], int(row["inter2"]), int(row["interaction"])) == (
        "Civilians (Ukraine)",
        7,
        78,
    )
    assert row["region"] == "Europe"
    assert row["notes"].startswith(
        "On 8 July 2024, Military Forces of Russia (2000-) attacked Civilians (Ukraine) in Kyiv"
    )
    assert int(row["timestamp"]) == int(datetime(2024, 7, 9, tzinfo=UTC).timestamp())
    assert df.iloc[1]["event_type"] == "Strategic developments" and df.iloc[1]["fatalities"] == 0


def test_acled_country_only_rows_have_no_coordinates_and_say_so(tmp_path: Path) -> None:
    from dataclasses import replace

    from fogofwar.events.exports_tables import acled_row

    coarse = replace(KYIV, location="Ukraine", admin1=None, geo_precision="country")
    row = acled_row(coarse)
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("", "", 3)
    assert "known only to the country" in row["notes"]


def test_ucdp_splits_deaths_by_side() -> None:
    from dataclasses import replace

    from fogofwar.events.exports_tables import ucdp_row

    clash = replace(
        KYIV,
        kind="armed_clash",
        targets=("Ukrainian forces",),
        target_kinds=("state_forces",),
        target_countries=("UKR",),
        deaths_by_group=("combatants/RUS=5", "combatants/UKR=3", "people=2"),
    )
    row = ucdp_row(clash)
    assert (row["deaths_a"], row["deaths_b"], row["deaths_unknown"], row["best"]) == (5, 3, 2, 10)


def test_parquet_dates_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write_parquet([KYIV], path)
    kind = duckdb.sql(f"SELECT typeof(date_start) FROM '{path}'").fetchall()
    assert kind == [("DATE",)]


def test_ucdp_csv_has_ged_columns_and_only_fatal_violence(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    assert write_ucdp_csv([KYIV, UNPLACED], path) == 1
    df = pd.read_csv(path, keep_default_na=False)
    assert list(df.columns) == UCDP_COLUMNS
    row = df.iloc[0]
    assert (row["best"], row["low"], row["high"]) == (31, 31, 33)
    assert (row["type_of_violence"], row["deaths_civilians"], row["deaths_unknown"]) == (3, 31, 0)
    assert row["geom_wkt"] == "POINT (30.52 50.45)" and row["where_prec"] == 1
    assert (row["date_start"], row["date_prec"], row["relid"]) == ("2024-07-08", 1, KYIV.event_id)


def _validate_geojson(doc: Any) -> list[str]:
    """A small structural RFC 7946 check: types, members, lon/lat order and ranges."""
    errors: list[str] = []
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        return ["not a FeatureCollection with a features array"]
    for i, f in enumerate(doc["features"]):
        if f.get("type") != "Feature" or "properties" not in f or "geometry" not in f:
            errors.append(f"feature {i}: needs type Feature, geometry and properties")
            continue
        if not isinstance(f.get("id", ""), (str, int)):
            errors.append(f"feature {i}: id must be string or number")
        g = f["geometry"]
        if g is None:
            continue
        coords = g.get("coordinates")
        if g.get("type") != "Point" or not isinstance(coords, list) or len(coords) not in (2, 3):
            errors.append(f"feature {i}: bad Point")
            continue
        lon, lat = coords[0], coords[1]
        if not all(isinstance(x, (int, float)) and math.isfinite(x) for x in coords):
            errors.append(f"feature {i}: non-numeric coordinate")
        elif not (-180 <= lon <= 180 and -90 <= lat <= 90):
            errors.append(f"feature {i}: coordinates out of range (lon, lat order?)")
    return errors


def test_validator_rejects_broken_documents() -> None:
    assert _validate_geojson({"type": "Feature"})
    bad = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [10, 100]},
            }
        ],
    }
    assert _validate_geojson(bad) == ["feature 0: coordinates out of range (lon, lat order?)"]


@settings(max_examples=40, deadline=None)
@given(st.lists(records, max_size=4))
def test_geojson_is_valid_rfc7946(recs: list[EventRecord]) -> None:
    buf = io.StringIO()
    write_geojson(recs, buf)
    doc = json.loads(buf.getvalue())
    assert _validate_geojson(doc) == []
    for rec, feature in zip(recs, doc["features"], strict=True):
        if rec.latitude is not None and rec.longitude is not None:
            assert feature["geometry"]["coordinates"] == [rec.longitude, rec.latitude]
        else:
            assert feature["geometry"] is None


def test_geojson_puts_longitude_first(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    write_geojson([KYIV, UNPLACED], path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["features"][0]["geometry"]["coordinates"] == [30.52, 50.45]
    assert doc["features"][0]["properties"]["killed_best"] == 31


def test_plover_json_uses_plover_categories(tmp_path: Path) -> None:
    path = tmp_path / "plover.json"
    write_plover_json([KYIV, UNPLACED], path)
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert [r["event"] for r in rows] == ["ASSAULT", "COERCE"]
    assert rows[0]["location"]["geonames_id"] == 703448 and rows[0]["fatalities"] == 31


def test_export_by_format_name(tmp_path: Path) -> None:
    import pytest

    from fogofwar.errors import ConfigError
    from fogofwar.events import FORMATS, export_events

    for fmt in FORMATS:
        path = tmp_path / f"out.{fmt}"
        assert export_events(fmt, [KYIV], path) == 1
        assert path.stat().st_size > 0
    with pytest.raises(ConfigError, match="unknown export format 'kml'"):
        export_events("kml", [KYIV], tmp_path / "x")
