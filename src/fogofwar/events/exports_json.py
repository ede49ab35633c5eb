"""JSON exports of event records: events-jsonl, PLOVER-style JSON and GeoJSON (RFC 7946).

Each writer takes records and a path or an open text stream. ``events-jsonl`` is lossless
(:func:`read_events_jsonl` reads it back); PLOVER and GeoJSON are views for other tools.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from fogofwar.events.record import EventRecord

__all__ = [
    "PLOVER_OF_KIND",
    "open_text",
    "read_events_jsonl",
    "write_events_jsonl",
    "write_geojson",
    "write_plover_json",
]

# Crosswalk for events whose claims carry no PLOVER code.
PLOVER_OF_KIND = {
    "attack": "ASSAULT",
    "armed_clash": "ASSAULT",
    "casualties": "ASSAULT",
    "territorial_change": "ASSAULT",
    "deployment": "MOBILIZE",
    "arrest": "COERCE",
    "desertion": "RETREAT",
    "diplomacy": "AGREE",
    "protest": "PROTEST",
    "statement": "DISAPPROVE",
    "other": "OTHER",
}


@contextmanager
def open_text(out: Path | IO[str], mode: str = "w") -> Iterator[IO[str]]:
    """``out`` itself when it is a stream, else the file at ``out`` opened as UTF-8."""
    if isinstance(out, Path):
        with out.open(mode, encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield out


def write_events_jsonl(records: Iterable[EventRecord], out: Path | IO[str]) -> int:
    """One ``events-v1`` JSON object per line; returns the number written."""
    n = 0
    with open_text(out) as fh:
        for rec in records:
            fh.write(json.dumps(rec.to_record(), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def read_events_jsonl(src: Path | IO[str]) -> tuple[EventRecord, ...]:
    """Inverse of :func:`write_events_jsonl`."""
    with open_text(src, "r") as fh:
        return tuple(EventRecord.from_record(json.loads(line)) for line in fh if line.strip())


def _plover(rec: EventRecord) -> dict[str, Any]:
    return {
        "id": rec.event_id,
        "date": rec.date_start,
        "date_end": rec.date_end,
        "event": rec.plover or PLOVER_OF_KIND.get(rec.kind, "OTHER"),
        "mode": rec.subtype or "",
        "context": "",
        "actor": "; ".join(rec.actors),
        "recipient": "; ".join(rec.targets or rec.victims),
        "location": {
            "name": rec.location,
            "country": rec.country,
            "admin1": rec.admin1,
            "geonames_id": rec.geonames_id,
            "lat": rec.latitude,
            "lon": rec.longitude,
        },
        "fatalities": rec.killed_best,
        "sources": list(rec.sources),
        "text": rec.notes,
    }


def write_plover_json(records: Iterable[EventRecord], out: Path | IO[str]) -> int:
    """A JSON array of PLOVER-style event objects (``event`` = PLOVER category)."""
    rows = [_plover(r) for r in records]
    with open_text(out) as fh:
        json.dump(rows, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return len(rows)


def _feature(rec: EventRecord) -> dict[str, Any]:
    geometry: dict[str, Any] | None = None
    if rec.latitude is not None and rec.longitude is not None:
        geometry = {"type": "Point", "coordinates": [rec.longitude, rec.latitude]}
    props = rec.to_record()
    props.pop("latitude")
    props.pop("longitude")
    return {"type": "Feature", "id": rec.event_id, "geometry": geometry, "properties": props}


def write_geojson(records: Iterable[EventRecord], out: Path | IO[str]) -> int:
    """An RFC 7946 FeatureCollection; events without coordinates have ``geometry: null``."""
    features = [_feature(r) for r in records]
    with open_text(out) as fh:
        json.dump(
            {"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False, indent=1
        )
        fh.write("\n")
    return len(features)
