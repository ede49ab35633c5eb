"""Exports of the stored record: claims as claims-v1 JSONL, events in every event format."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any

from fogofwar.claim import Claim
from fogofwar.events.exports import export_events
from fogofwar.records import claim_export_record
from fogofwar.store import Store

__all__ = ["claim_records", "export", "export_claims"]

_BATCH = 500


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


def claim_records(store: Store, claims: Iterable[Claim]) -> Iterator[dict[str, Any]]:
    """claims-v1 records with the extension field ``publisher`` (the article's outlet).

    Publishers are looked up per batch of claims, so a stream stays a stream.
    """
    stream = iter(claims)
    while batch := list(islice(stream, _BATCH)):
        publishers = store.publishers([c.article_id for c in batch])
        for claim in batch:
            yield claim_export_record(claim, publishers.get(claim.article_id))


def export_claims(store: Store, out: IO[str]) -> int:
    """Write every stored claim as a claims-v1 JSON line (plus ``publisher``); returns how many."""
    n = 0
    for record in claim_records(store, store.iter_claims()):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
