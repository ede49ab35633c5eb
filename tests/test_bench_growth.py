"""The growth and writer benchmarks run end to end and print sane figures (no timed asserts)."""

from __future__ import annotations

import math

import pytest

from fogofwar.benchmarks.engines_bench import bench_writer
from fogofwar.benchmarks.growth_bench import bench_growth


@pytest.mark.slow
def test_growth_bench_gives_one_row_per_store_size() -> None:
    rows = bench_growth(sizes=(0, 30), new=4)
    assert [(r.stored, r.new) for r in rows] == [(0, 4), (30, 4)]
    for r in rows:
        assert r.read_store_cpu > 0 and r.ingest_cpu > 0 and math.isfinite(r.ingest_s)
        assert r.link_s >= 0 and r.link_cpu >= 0


@pytest.mark.slow
def test_writer_bench_replays_the_reading() -> None:
    f = bench_writer(4, days=2)  # raises when the replay stores other articles or claims
    assert f.articles == 4
    assert f.writer_cpu > 0 and f.inline_cpu > 0 and f.read_cpu >= 0
    assert 0 < f.writer_ceiling < math.inf
