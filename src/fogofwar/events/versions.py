"""Revision history: event records are versioned append-only; :func:`as_of` replays them.

Each run compares the records it built with the latest stored version of each event. A changed
(or new) record becomes version n+1 with ``valid_from`` = the run's time; an event that
disappeared (merged away, split) gets a *retired* version. Nothing is overwritten, so the
record as it stood at any moment can be reconstructed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from fogofwar.events.record import EventRecord

__all__ = ["EventVersion", "as_of", "latest", "next_versions"]


@dataclass(frozen=True, slots=True)
class EventVersion:
    """One appended version of an event."""

    event_id: str
    version: int
    valid_from: datetime
    record: EventRecord
    retired: bool = False


def latest(history: Iterable[EventVersion]) -> dict[str, EventVersion]:
    """The newest version of each event in ``history``."""
    out: dict[str, EventVersion] = {}
    for v in history:
        cur = out.get(v.event_id)
        if cur is None or v.version > cur.version:
            out[v.event_id] = v
    return out


def next_versions(
    current: Sequence[EventRecord], history: Iterable[EventVersion], at: datetime
) -> tuple[EventVersion, ...]:
    """The versions to append so that the history ends in ``current`` (valid from ``at``)."""
    last = latest(history)
    out: list[EventVersion] = []
    seen: set[str] = set()
    for rec in sorted(current, key=lambda r: r.event_id):
        seen.add(rec.event_id)
        prev = last.get(rec.event_id)
        if prev is not None and not prev.retired and prev.record.content() == rec.content():
            continue
        n = prev.version + 1 if prev else 1
        out.append(EventVersion(rec.event_id, n, at, replace(rec, version=n, valid_from=at)))
    for eid in sorted(set(last) - seen):
        prev = last[eid]
        if not prev.retired:
            n = prev.version + 1
            rec = replace(prev.record, version=n, valid_from=at)
            out.append(EventVersion(eid, n, at, rec, retired=True))
    return tuple(out)


def as_of(history: Iterable[EventVersion], when: datetime) -> tuple[EventRecord, ...]:
    """The live event records as they stood at ``when``, sorted by event id."""
    live = latest(v for v in history if v.valid_from <= when)
    return tuple(live[k].record for k in sorted(live) if not live[k].retired)
