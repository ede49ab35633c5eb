"""Blocking: which stored events a new claim is compared with, without scanning the store.

An event is filed under ``group|country|week`` for each country it is placed in (``?`` when it
has none) and each ISO-ish week (``ordinal // 7``) its time window touches, and also under
``group|*|week``. A located claim looks in its own country's and the placeless blocks; a
placeless claim looks in the ``*`` blocks. The cost of linking one article therefore depends on
how many events share its kind group, country and weeks, not on the size of the store.

:class:`LinkIndex` is the narrow protocol the linker uses; :class:`MemoryLinkIndex` keeps it in
dicts, :class:`fogofwar.store.link_index.SqlLinkIndex` in the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from fogofwar.events.model import EventProfile
from fogofwar.events.scoring import ClaimFeatures

__all__ = ["MAX_WEEKS", "LinkIndex", "MemoryLinkIndex", "event_keys", "query_keys"]

MAX_WEEKS = 8  # an event or claim spanning more weeks is filed under its latest ones


def _weeks(start: int, end: int) -> range:
    last = end // 7
    return range(max(start // 7, last - MAX_WEEKS + 1), last + 1)


def query_keys(c: ClaimFeatures) -> tuple[str, ...]:
    """Blocks a claim is compared within."""
    weeks = _weeks(*c.window) if c.window else range(0)
    places = (c.country, "?") if c.country else ("*",)
    return tuple(f"{c.group}|{p}|{w}" for p in places for w in weeks)


def event_keys(e: EventProfile) -> tuple[str, ...]:
    """Blocks an event is filed under."""
    places = (*sorted(e.countries), "*") if e.countries else ("?", "*")
    return tuple(f"{e.group}|{p}|{w}" for p in places for w in _weeks(e.start, e.end))


class LinkIndex(Protocol):
    """What the linker reads (candidates) and writes (new or grown events)."""

    def candidates(self, keys: Iterable[str]) -> list[EventProfile]:
        """Events filed under any of ``keys``, each once, sorted by event id."""
        ...

    def put(self, profiles: Iterable[EventProfile]) -> None:
        """Store new or updated profiles (re-filing them under their current keys)."""
        ...

    def bulk_load(self, profiles: Sequence[EventProfile]) -> None:
        """Insert profiles known to be new (benchmarks, rebuilds): no replacing."""
        ...

    def get(self, event_id: str) -> EventProfile | None:
        """One stored profile."""
        ...

    def remove(self, event_ids: Iterable[str]) -> None:
        """Drop events (after a manual merge or split re-built them)."""
        ...

    def __len__(self) -> int:
        """Number of events stored."""
        ...


class MemoryLinkIndex:
    """In-memory :class:`LinkIndex` (demo, evaluation, tests)."""

    def __init__(self) -> None:
        self._profiles: dict[str, EventProfile] = {}
        self._blocks: dict[str, set[str]] = {}
        self._keys: dict[str, tuple[str, ...]] = {}

    def candidates(self, keys: Iterable[str]) -> list[EventProfile]:
        """Events filed under any of ``keys``."""
        ids: set[str] = set()
        for k in keys:
            ids |= self._blocks.get(k, set())
        return [self._profiles[i] for i in sorted(ids)]

    def put(self, profiles: Iterable[EventProfile]) -> None:
        """Store or replace profiles."""
        for p in profiles:
            self.remove([p.event_id])
            keys = event_keys(p)
            self._profiles[p.event_id] = p
            self._keys[p.event_id] = keys
            for k in keys:
                self._blocks.setdefault(k, set()).add(p.event_id)

    def bulk_load(self, profiles: Sequence[EventProfile]) -> None:
        """Insert profiles known to be new (benchmarks, rebuilds)."""
        self.put(profiles)

    def get(self, event_id: str) -> EventProfile | None:
        """One stored profile."""
        return self._profiles.get(event_id)

    def remove(self, event_ids: Iterable[str]) -> None:
        """Drop events and their block entries."""
        for eid in event_ids:
            for k in self._keys.pop(eid, ()):
                self._blocks[k].discard(eid)
            self._profiles.pop(eid, None)

    def __len__(self) -> int:
        return len(self._profiles)
