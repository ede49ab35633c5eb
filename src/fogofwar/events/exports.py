"""Export formats by name, for ``fogofwar export --format NAME`` and the API.

>>> export_events("acled-csv", report.records, Path("events.csv"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from fogofwar.errors import ConfigError
from fogofwar.events.exports_json import write_events_jsonl, write_geojson, write_plover_json
from fogofwar.events.exports_tables import write_acled_csv, write_parquet, write_ucdp_csv
from fogofwar.events.record import EventRecord

__all__ = ["BINARY_FORMATS", "FORMATS", "export_events"]

FORMATS: dict[str, Callable[[Iterable[EventRecord], Any], int]] = {
    "events-jsonl": write_events_jsonl,
    "acled-csv": write_acled_csv,
    "ucdp-csv": write_ucdp_csv,
    "plover-json": write_plover_json,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
BINARY_FORMATS = frozenset({"parquet"})  # write to a path or a binary stream


def export_events(fmt: str, records: Iterable[EventRecord], out: Path | IO[str] | IO[bytes]) -> int:
    """Write ``records`` as ``fmt`` to ``out``; returns the number of events written."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise ConfigError(
            f"unknown export format {fmt!r}: use one of {', '.join(sorted(FORMATS))}."
        )
    return writer(records, out)
