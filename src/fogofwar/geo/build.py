"""Build the gazetteer index: one SQLite file, built once, read lazily.

Schema::

    entities(id, gid, name, kind, cc, cc3, admin1, admin2, lat, lon, pop, capital)
    names(key, eid, how)        -- how: 0 official name, 1 other name, 2 cross-script skeleton
    meta(k, v)                  -- build version and counts

``key`` is :func:`fogofwar.geo.text.fold` of a name (how 0/1) or its
:func:`~fogofwar.geo.text.skeleton` (how 2). The build is deterministic for fixed package
versions.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fogofwar.geo.sources import load_all, names_of
from fogofwar.geo.text import fold, skeleton
from fogofwar.packs.files import available_languages

__all__ = ["INDEX_VERSION", "BuildStats", "build_gazetteer", "default_index_path", "ensure_index"]

INDEX_VERSION = "geo-30"  # bump when a source, a shipped table or the schema changes


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What a build produced."""

    path: Path
    entities: int
    names: int
    seconds: float
    bytes: int


def _cache_dir() -> Path:
    env = os.environ.get("FOGOFWAR_CACHE")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    if (repo / "pyproject.toml").is_file() and (repo / "src" / "fogofwar").is_dir():
        return repo / ".cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "fogofwar"


def default_index_path() -> Path:
    """``$FOGOFWAR_CACHE``, else ``<repo>/.cache`` in a checkout, else the user cache dir."""
    # the languages are part of the name: adding a pack builds an index with its names
    langs = "-".join(available_languages())
    return _cache_dir() / f"gazetteer-{INDEX_VERSION}-{langs}.sqlite"


def _iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def build_gazetteer(out: Path) -> BuildStats:
    """Build the index at ``out`` (replaced atomically) from the installed packages."""
    started = time.perf_counter()
    table = load_all()
    iso3 = _iso3()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE entities(id INTEGER PRIMARY KEY, gid INTEGER, name TEXT, kind TEXT,
            cc TEXT, cc3 TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, pop INTEGER,
            capital INTEGER);
        CREATE TABLE names(key TEXT, eid INTEGER, how INTEGER, PRIMARY KEY(key, eid))
            WITHOUT ROWID;
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        """
    )
    n_names = 0
    for eid, e in enumerate(table.entities):
        con.execute(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (eid, e.gid, e.name, e.kind, e.cc, iso3.get(e.cc), e.admin1 or None,
             e.admin2 or None, e.lat, e.lon, e.population, int(e.capital)),
        )  # fmt: skip
        best: dict[str, int] = {}
        for name, how in names_of(e):
            key = fold(name)
            if key and best.get(key, 9) > how:
                best[key] = how
            sk = skeleton(name)
            if sk and ("~" + sk) not in best:
                best["~" + sk] = 2
        con.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?)", ((k, eid, h) for k, h in best.items())
        )
        n_names += len(best)
    con.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)
    return BuildStats(out, len(table.entities), n_names, time.perf_counter() - started,
                      out.stat().st_size)  # fmt: skip


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_index(path: Path | None = None) -> Path:
    """Return the index path, building it first (under a file lock) when it is missing."""
    target = path if path is not None else default_index_path()
    if target.is_file():
        return target
    with _locked(target):
        if not target.is_file():  # another process may have built it while we waited
            build_gazetteer(target)
    return target
