"""Shared fixtures: the ``../shared`` data folder and a store per backend.

In CI (``CI`` set to a true value) a test that would skip for want of the shared data folder
or of Chromium (the browser tests) FAILS instead (:func:`pytest_runtest_makereport`): the
evaluation gates and the browser tests cannot pass by skipping.

``store`` (and ``store_url``) run each test once on SQLite (a file in ``tmp_path``) and once on
PostgreSQL (a fresh schema in the database ``scripts/with-postgres.sh`` starts; each test gets its
own schema, so parallel xdist workers never share state). PostgreSQL tests skip, with the reason,
when ``FOGOFWAR_TEST_PG_URL`` is not set.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from fogofwar.store import Store, open_store
from fogofwar.store.engine import resolve_url

REPO = Path(__file__).resolve().parents[1]
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def in_ci() -> bool:
    """True when the ``CI`` environment variable is set to a true value (1, true, yes)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def _skipped_for_shared(reason: str) -> bool:
    return "shared" in reason.lower() or "seed" in reason.lower()


def _skipped_for_chromium(reason: str) -> bool:
    return "chromium" in reason.lower()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI, turn a skip for want of ``../shared`` into a failure that says so."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if not (report.skipped and in_ci() and isinstance(report.longrepr, tuple)):
        return
    reason = str(report.longrepr[2])
    if _skipped_for_shared(reason):
        report.outcome = "failed"
        report.longrepr = (
            f"CI is set, so this may not skip: {reason}. Provide the shared data folder "
            "(../shared beside the repository, or FOGOFWAR_SHARED)."
        )
    elif _skipped_for_chromium(reason):
        report.outcome = "failed"
        report.longrepr = (
            f"CI is set, so this may not skip: {reason}. .ci/run installs it "
            "(apt-get install chromium)."
        )


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder: ``$FOGOFWAR_SHARED`` or ``<repo>/../shared``; skips if absent."""
    path = Path(os.environ.get("FOGOFWAR_SHARED") or REPO.parent / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} not found (set FOGOFWAR_SHARED)")
    return path


XSS_HTML = b"""<!doctype html><html><head>
<title>&lt;script&gt;window.__xss=1&lt;/script&gt; Strike on Kharkiv</title>
<script>window.__xss = 2</script></head><body><article>
<h1>&lt;script&gt;window.__xss=1&lt;/script&gt; Strike on Kharkiv</h1>
<p class="date">2024-05-02</p>
<p>Five people were killed and twelve injured in a Russian missile strike on Kharkiv, the regional
governor said on Thursday. &lt;img src=x onerror="window.__xss=3"&gt;</p>
<p>Police arrested two men suspected of spotting for the attack, the interior ministry said.
&lt;script&gt;window.__xss=4&lt;/script&gt;</p>
<img src="x" onerror="window.__xss=5">
<p>Residents described the night as the worst in weeks.
&lt;svg onload="window.__xss=6"&gt;&lt;/svg&gt;
&lt;a href="javascript:window.__xss=7"&gt;link&lt;/a&gt;</p>
</article></body></html>"""
"""An article whose text carries script and event-handler payloads (as literal text, the way
entity-encoded markup reaches the store) besides real ones the reader must drop."""


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store as ``fogofwar demo`` fills it (bundled examples, the seed when ../shared is
    there) plus :data:`XSS_HTML`, read with the default reader (places, so events map)."""
    from fogofwar import services
    from fogofwar.examples import example_paths
    from fogofwar.reader import Reader

    folder = tmp_path_factory.mktemp("demo")
    xss = folder / "xss.html"
    xss.write_bytes(XSS_HTML)
    paths = [str(p) for p in example_paths()] + [str(xss)]
    seed = services.shared_dir() / "examples" / "seed" / "article.txt"
    if seed.exists():
        paths.append(str(seed))
    db = str(folder / "demo.db")
    with open_store(db) as store:
        services.ingest(paths, store, Reader.default())
    return db


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """An engine on the test PostgreSQL database, for creating and dropping schemas."""
    url = os.environ.get("FOGOFWAR_TEST_PG_URL")
    if not url:
        pytest.skip("no PostgreSQL: run under scripts/with-postgres.sh or set FOGOFWAR_TEST_PG_URL")
    engine = sa.create_engine(resolve_url(url), poolclass=NullPool)
    yield engine
    engine.dispose()


@contextmanager
def pg_schema(admin: Engine) -> Iterator[str]:
    """A URL for a fresh, empty schema on the test PostgreSQL server (dropped afterwards)."""
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with pg_schema(request.getfixturevalue("pg_admin")) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated, empty store on each backend."""
    with open_store(store_url) as opened:
        yield opened
