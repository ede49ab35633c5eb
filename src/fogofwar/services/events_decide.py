"""Manual decisions on events: merges and splits, stored as data and re-applied by every later
link (event ids derive from claim ids, so yesterday's decision applies to today's run)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from fogofwar.errors import ConfigError, NotFoundError
from fogofwar.events.decisions import merge, split, split_event_id
from fogofwar.events.model import Decision
from fogofwar.events.protocol import EventQuery
from fogofwar.events.run import refresh
from fogofwar.services.events_link import StoreArticles, now
from fogofwar.services.events_query import resolve_event
from fogofwar.store import Store

__all__ = ["merge_events", "split_event"]


def _decide(store: Store, decision: Decision, touched: set[str], at: datetime) -> int:
    store.events.add_decision(decision)
    return len(refresh(store.events, StoreArticles(store), touched, at))


def merge_events(
    store: Store, event_a: str, event_b: str, *, note: str = "", at: datetime | None = None
) -> str:
    """Record that ``event_b`` is the same event as ``event_a``; returns the surviving id."""
    a, b = resolve_event(store, event_a), resolve_event(store, event_b)
    if a == b:
        raise ConfigError(f"cannot merge {a} with itself")
    when = at or now()
    _decide(store, merge(a, b, at=when, note=note), {a, b}, when)
    return a


def split_event(
    store: Store,
    event_id: str,
    claim_ids: Iterable[str],
    *,
    note: str = "",
    at: datetime | None = None,
) -> str:
    """Move ``claim_ids`` (full ids or unique prefixes) of an event into a new event; returns
    the new event's id."""
    eid = resolve_event(store, event_id)
    (record,) = (r for r in store.events.records(EventQuery(id_prefix=eid)) if r.event_id == eid)
    moving: list[str] = []
    for given in claim_ids:
        hits = [c for c in record.claim_ids if c.startswith(given)]
        if len(hits) != 1:
            raise NotFoundError(
                f"claim {given!r} is {'ambiguous' if hits else 'not'} in event {eid}:"
                f" see its claims with `fogofwar event {eid}`"
            )
        moving.append(hits[0])
    if not moving or len(set(moving)) == len(record.claim_ids):
        raise ConfigError("a split must move some, not all, of the event's claims")
    when = at or now()
    new_id = split_event_id(eid, sorted(set(moving)))
    _decide(store, split(eid, moving, at=when, note=note), {eid, new_id}, when)
    return new_id
