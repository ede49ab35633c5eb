"""Benchmarks print figures (throughput, peak memory); nothing here asserts a time."""

from __future__ import annotations

import os
import resource
import sys
from dataclasses import dataclass

__all__ = ["BenchResult", "peak_rss_mib"]


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass(frozen=True, slots=True)
class BenchResult:
    """Figures of one benchmark run."""

    name: str
    items: int
    words: int
    seconds: float
    peak_rss_mib: float
    cores: int = os.cpu_count() or 1
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def items_per_s(self) -> float:
        """Items (articles, links…) per second."""
        return self.items / self.seconds if self.seconds > 0 else float("inf")

    @property
    def words_per_s(self) -> float:
        """Words per second."""
        return self.words / self.seconds if self.seconds > 0 else float("inf")
