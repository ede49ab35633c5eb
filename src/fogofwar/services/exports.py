"""Exports of the stored record: claims as claims-v1 JSONL, events in every event format."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import IO

from fogofwar.events.exports import export_events
from fogofwar.services.events_link import ensure_linked
from fogofwar.store import Store

__all__ = ["export", "export_claims"]


def export(
    store: Store,
    fmt: str,
    out: Path | IO[str] | IO[bytes],
    *,
    as_of: datetime | None = None,
) -> int:
    """Write the event records (current, or as of ``as_of``) as ``fmt``; returns how many.
    Claims an interrupted run left unlinked are linked first."""
    ensure_linked(store)
    records = sorted(store.events.records(as_of=as_of), key=lambda r: r.event_id)
    return export_events(fmt, records, out)


def export_claims(store: Store, out: IO[str]) -> int:
    """Write every stored claim as a claims-v1 JSON line; returns how many."""
    n = 0
    for claim in store.iter_claims():
        out.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
        n += 1
    return n
