"""Tests for fogofwar.readers.pool and the pooled ``read_inputs`` / ``fogofwar extract``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogofwar.cli import app
from fogofwar.model import Article, Rejected
from fogofwar.readers import read_inputs
from fogofwar.readers.pool import default_jobs, ordered_map


def _square(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x * x


def _die_on_five(x: int) -> int:
    if x == 5:
        os._exit(3)  # a worker crash, as a segfault in a C extension would be
    return x


def _failed(x: int, exc: BaseException) -> int:
    return -x


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_keeps_order_and_isolates_errors(jobs: int) -> None:
    assert list(ordered_map(_square, range(40), jobs=jobs, on_error=_failed)) == [
        -x if x == 7 else x * x for x in range(40)
    ]


def test_a_dead_worker_fails_only_its_item() -> None:
    out = list(ordered_map(_die_on_five, range(12), jobs=2, on_error=_failed))
    assert out[5] == -5
    assert [x for i, x in enumerate(out) if i != 5] == [x for x in range(12) if x != 5]


def test_empty_input_and_default_jobs() -> None:
    assert list(ordered_map(_square, [], jobs=2, on_error=_failed)) == []
    assert 1 <= default_jobs() <= 8


PAGE = (
    "<html><head><title>Report {n}</title>"
    '<meta property="article:published_time" content="2024-10-{day:02d}T10:00:00+03:00">'
    "</head><body><article><h1>Report {n}</h1>"
    + "<p>Report {n}: at least {n} people were injured when a drone hit a residential building "
    "in the city overnight, the regional governor said on Tuesday morning.</p>"
    * 6
    + "</article></body></html>"
)


def _folder(tmp_path: Path) -> Path:
    for n in range(1, 9):
        (tmp_path / f"p{n:02d}.html").write_text(PAGE.format(n=n, day=n + 10), encoding="utf-8")
    (tmp_path / "p04b.html").write_text("<html><body></body></html>", encoding="utf-8")
    return tmp_path


def test_pooled_reading_equals_serial(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    serial = list(read_inputs([str(folder), "missing.html"], jobs=1))
    pooled = list(read_inputs([str(folder), "missing.html"], jobs=2))
    assert [type(r) for r in pooled] == [type(r) for r in serial]
    assert [r.id for r in pooled if isinstance(r, Article)] == [
        r.id for r in serial if isinstance(r, Article)
    ]
    sources = [r.source if isinstance(r, Article) else r.input for r in pooled]
    assert sources == [*sorted(sources[:-1]), "missing.html"]
    rejected = [r for r in pooled if isinstance(r, Rejected)]
    assert {r.reason.value for r in rejected} == {"no_text", "not_found"}


def _no_at(line: str) -> dict[str, object]:
    record = json.loads(line)
    if "rejected" in record:
        record["rejected"].pop("at", None)
    return record


def test_extract_jobs_option(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    runner = CliRunner()
    one = runner.invoke(app, ["extract", "--jobs", "1", str(folder)])
    two = runner.invoke(app, ["extract", "--jobs", "2", str(folder)])
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    records = [json.loads(line) for line in two.stdout.splitlines()]
    for record in records:
        record.get("rejected", {}).pop("at", None)  # the time of the rejection differs
    assert records == [json.loads(line) | _no_at(line) for line in one.stdout.splitlines()]
    assert len(records) == 9 and "rejected" in records[4]
    assert records[0]["published"] == "2024-10-11"
    bad = runner.invoke(app, ["extract", "--jobs", "0", str(folder)])
    assert bad.exit_code != 0


def test_spawn_start_method_works_too() -> None:
    out = list(ordered_map(_square, range(6), jobs=2, on_error=_failed, start_method="spawn"))
    assert out == [0, 1, 4, 9, 16, 25]


def test_the_html_reader_is_loaded_before_the_pool_forks() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from fogofwar.readers.dispatch import _warm_for_pool\n"
        "assert 'trafilatura' not in sys.modules\n"
        "_warm_for_pool([('bytes', 'a.html', b'<html><body><p>x</p></body></html>')])\n"
        "assert 'fogofwar.readers.htmlpage' in sys.modules and 'trafilatura' in sys.modules\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
