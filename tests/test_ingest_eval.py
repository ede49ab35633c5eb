"""Tests for fogofwar.evaluation.ingest_eval and fogofwar.benchmarks.ingest_bench.

``test_ingest_floors`` is the CI gate: the full ingest evaluation must stay above the floors in
``floors/ingest.json``.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from fogofwar.benchmarks.ingest_bench import bench_ingest
from fogofwar.errors import EvalError
from fogofwar.evaluation.ingest_eval import EvalPage, evaluate_ingest, score_page
from fogofwar.evaluation.report import check_floors


@pytest.mark.slow
@pytest.mark.shared
def test_ingest_floors(shared_dir: Path) -> None:
    report = evaluate_ingest(shared_dir)
    assert check_floors(report) == ()
    assert all(m.in_domain for m in report.metrics)


@pytest.mark.shared
def test_small_run_reports_every_metric(shared_dir: Path) -> None:
    report = evaluate_ingest(shared_dir, limit=5)
    keys = {m.key for m in report.metrics}
    assert "trafilatura_eval/body/f1" in keys
    assert "htmldate_eval/date/accuracy" in keys
    assert all(0.0 <= m.value <= 1.0 for m in report.metrics)


def test_missing_data_is_an_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="FOGOFWAR_SHARED"):
        evaluate_ingest(tmp_path)


def test_bench_on_generated_dumps() -> None:
    result = bench_ingest(5, None)
    assert result.items == 5
    assert result.words > 0
    assert result.peak_rss_mib > 0


def test_a_rejected_page_is_scored_on_the_rejections_date(tmp_path: Path) -> None:
    """A page with a date in its markup and no article text: rejected, its date still counts."""
    path = tmp_path / "app.html.gz"
    path.write_bytes(
        gzip.compress(
            b"<!DOCTYPE html><html><head><title>Live</title>"
            b'<meta property="article:published_time" content="2025-04-17T08:30:00+00:00">'
            b'</head><body><div id="app"></div></body></html>'
        )
    )
    page = EvalPage("https://example.org/live", path, {"date": "2025-04-17"})
    score = score_page(("htmldate_eval", page))
    assert score.rejected and score.date is True
