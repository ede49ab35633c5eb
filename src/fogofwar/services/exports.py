"""Exports of the stored record: claims as claims-v1 JSONL, events in every event format."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import IO

from fogofwar.events.exports import BINARY_FORMATS, FORMATS, export_events
from fogofwar.store import Store

__all__ = ["EXPORT_FORMATS", "export", "export_claims", "export_is_binary"]

EXPORT_FORMATS: tuple[str, ...] = ("claims-jsonl", *sorted(FORMATS))
"""Every format ``fogofwar export --format`` (and ``/api/exports/{format}``) writes."""


def export_is_binary(fmt: str) -> bool:
    """True when ``fmt`` is written as bytes (parquet), not text."""
    return fmt in BINARY_FORMATS


def export(
    store: Store,
    fmt: str,
    out: Path | IO[str] | IO[bytes],
    *,
    as_of: datetime | None = None,
) -> int:
    """Write the event records (current, or as of ``as_of``) as ``fmt``; returns how many."""
    records = sorted(store.events.records(as_of=as_of), key=lambda r: r.event_id)
    return export_events(fmt, records, out)


def export_claims(store: Store, out: IO[str]) -> int:
    """Write every stored claim as a claims-v1 JSON line; returns how many."""
    n = 0
    for claim in store.iter_claims():
        out.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
        n += 1
    return n
