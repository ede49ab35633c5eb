"""Read side of the gazetteer: lazy SQLite lookups behind an in-memory LRU cache."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Candidate", "Place", "PlaceIndex"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    eid: int
    gid: int | None
    name: str
    kind: str  # city | admin1 | admin2 | country | continent | region
    cc: str  # ISO alpha-2, "" when none
    cc3: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a key may name, and how the key matched (0 official, 1 other, 2 skeleton)."""

    place: Place
    how: int


def _opt_float(v: object) -> float | None:
    return None if v is None else float(v)  # type: ignore[arg-type]


def _place(r: tuple[object, ...]) -> Place:
    return Place(
        eid=int(r[0]),  # type: ignore[call-overload]
        gid=None if r[1] is None else int(r[1]),  # type: ignore[call-overload]
        name=str(r[2]),
        kind=str(r[3]),
        cc=str(r[4] or ""),
        cc3=None if r[5] is None else str(r[5]),
        admin1=None if r[6] is None else str(r[6]),
        admin2=None if r[7] is None else str(r[7]),
        lat=_opt_float(r[8]),
        lon=_opt_float(r[9]),
        population=int(r[10] or 0),  # type: ignore[call-overload]
        capital=bool(r[11]),
    )


class PlaceIndex:
    """Name key -> candidate places, read from the SQLite file built by ``build_gazetteer``."""

    def __init__(self, path: Path, cache_size: int = 200_000) -> None:
        self.path = path
        self._local = threading.local()
        self.lookup = lru_cache(maxsize=cache_size)(self._lookup)
        self.by_name = lru_cache(maxsize=4096)(self._by_name)
        # a phrase's candidates by (pack, words, abbreviated), for :func:`fogofwar.geo.keys.lookup`
        # (a pure function of them over this index); the packs are held so their ids stay theirs
        self.phrase_memo: dict[
            tuple[int, tuple[str, ...], bool], tuple[tuple[Candidate, ...], bool]
        ] = {}
        self.memo_packs: dict[int, object] = {}

    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _rows(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        return self._con().execute(sql, args).fetchall()

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        rows = self._rows(
            "SELECT e.id, e.gid, e.name, e.kind, e.cc, e.cc3, e.admin1, e.admin2, e.lat, e.lon,"
            " e.pop, e.capital, n.how FROM names n JOIN entities e ON e.id = n.eid WHERE n.key = ?",
            (key,),
        )
        return tuple(Candidate(_place(r), int(r[12])) for r in rows)  # type: ignore[call-overload]

    def _by_name(self, name: str, kind: str) -> Place | None:
        rows = self._rows(
            "SELECT id, gid, name, kind, cc, cc3, admin1, admin2, lat, lon, pop, capital"
            " FROM entities WHERE name = ? AND kind = ? ORDER BY pop DESC LIMIT 1",
            (name, kind),
        )
        return _place(rows[0]) if rows else None

    @lru_cache(maxsize=512)  # noqa: B019 - one index per process, lives as long as it
    def country(self, cc3: str) -> Place | None:
        """The country with ISO alpha-3 code ``cc3``."""
        rows = self._rows(
            "SELECT id, gid, name, kind, cc, cc3, admin1, admin2, lat, lon, pop, capital"
            " FROM entities WHERE cc3 = ? AND kind = 'country' LIMIT 1",
            (cc3,),
        )
        return _place(rows[0]) if rows else None

    def has_prefix(self, key: str) -> bool:
        """Whether any name key starts with ``key + " "`` (to stop growing n-grams early)."""
        return self._prefix(key)

    @lru_cache(maxsize=100_000)  # noqa: B019 - one index per process, lives as long as it
    def _prefix(self, key: str) -> bool:
        lo = key + " "
        rows = self._rows("SELECT 1 FROM names WHERE key >= ? AND key < ? LIMIT 1", (lo, key + "!"))
        return bool(rows)
