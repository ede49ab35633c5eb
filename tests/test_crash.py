"""Crash test (issue 12): SIGKILL ingest at random points at least 50 times over a few hundred
inputs, resume, and compare with an uninterrupted run; plus two ingests into one file at once.

Kept to a few minutes: small inputs, the n-gram embedder for linking (the crash safety under
test does not depend on which embedder links). The longer run (1,000+ kills) is
``python -m fogofwar.benchmarks.crash_bench --kills 1000`` (README, "Reliability").
"""

from __future__ import annotations

import os
import sys

import pytest

from fogofwar.benchmarks.crash_bench import crash_test
from fogofwar.events.embedding import NgramEmbedder
from fogofwar.reader import Reader

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or sys.platform == "darwin", reason="needs fork() (Linux)"
)


def test_kills_leave_nothing_lost_duplicated_or_unlinked() -> None:
    report = crash_test(
        kills=50, inputs=200, reader=Reader.offline(), embedder=NgramEmbedder(), say=print
    )
    print(report)
    assert report.kills >= 50
    assert report.articles >= 200 and report.claims > 0 and report.events > 0
    assert report.differing == []
    assert report.identical_rounds == report.rounds >= 1
    assert (report.duplicates, report.unlinked, report.integrity_errors) == (0, 0, 0)
    assert report.concurrent_identical is True
