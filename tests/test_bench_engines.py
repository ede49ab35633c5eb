"""`bench engines` / `bench read --engine`: the figures it prints are there and consistent
(no timing is asserted)."""

from __future__ import annotations

import os

from fogofwar.benchmarks.engines_bench import ENGINE_COLUMNS, _cpu_seconds, run_engine


def test_inline_run_reports_reader_cpu() -> None:
    run = run_engine(3, "inline", 1)
    assert (run.workers, run.articles) == (1, 3)
    assert run.claims > 0
    assert run.reader_cpu_ms is not None and run.reader_cpu_ms > 0
    assert run.parent_cpu_ms == 0.0  # one worker reads in this process: no separate parent
    assert run.rate_with_startup < run.rate


def test_process_cpu_is_read_from_proc() -> None:
    own = _cpu_seconds([os.getpid()])
    if own is None:  # not Linux: the column prints "-"
        return
    assert own > 0
    assert _cpu_seconds([os.getpid(), 2**22 + 12345]) is None  # a missing process: unknown


def test_columns_name_every_figure() -> None:
    assert ENGINE_COLUMNS[0] == "workers" and ENGINE_COLUMNS[-1] == "claims"
    assert len(ENGINE_COLUMNS) == len(set(ENGINE_COLUMNS)) == 11
