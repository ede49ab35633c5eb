"""Start-up of the command line: how long until a command's first output, as a person runs it.

Each command runs as a fresh process of the installed ``fogofwar`` entry point (so the figures
include Python's own start-up and every import), on a small text article written for the bench.
Reported per command: the median time to the first byte on stdout, the median time to exit, and
the median CPU seconds (user + system) the process used — on a busy machine wall time grows
with the load, CPU time much less. One untimed run first builds the caches
(:mod:`fogofwar.caches`) so the figures are those of every later run.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["COMMANDS", "StartupFigure", "bench_startup"]

ARTICLE = (
    "Drone strike hits fuel depot\n\n12 March 2024\n\n"
    "At least three people were wounded when a drone struck a fuel depot overnight, "
    "the regional governor said on Tuesday. Firefighters worked through the night.\n"
)

#: (label, arguments); ``{file}`` is the bench article, ``{db}`` a fresh database.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("--help", ("--help",)),
    ("extract FILE", ("extract", "{file}")),
    ("read FILE", ("read", "{file}")),
    ("claims (empty db)", ("--db", "{db}", "claims", "--format", "jsonl")),
)


@dataclass(frozen=True, slots=True)
class StartupFigure:
    """Medians over the timed runs of one command."""

    label: str
    first_output_s: float
    exit_s: float
    cpu_s: float
    runs: int


def _entry_point() -> list[str]:
    exe = shutil.which("fogofwar") or str(Path(sys.executable).with_name("fogofwar"))
    return [exe] if Path(exe).exists() else [sys.executable, "-m", "fogofwar.cli.run"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_once(argv: list[str]) -> tuple[float, float, float]:
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    assert proc.stdout is not None
    first = proc.stdout.read(1)
    first_at = time.perf_counter() - started
    proc.stdout.read()
    proc.wait()
    ended = time.perf_counter() - started
    return (first_at if first else ended), ended, _children_cpu() - cpu_before


def bench_startup(runs: int = 3) -> list[StartupFigure]:
    """Time each of :data:`COMMANDS` ``runs`` times (after one untimed warm-up run each)."""
    base = _entry_point()
    out: list[StartupFigure] = []
    with tempfile.TemporaryDirectory(prefix="fogofwar-bench-") as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        for label, args in COMMANDS:
            firsts, exits, cpus = [], [], []
            for i in range(runs + 1):
                db = Path(tmp) / f"bench-{label.split()[0].strip('-')}-{i}.db"
                argv = [*base, *(a.format(file=article, db=db) for a in args)]
                first, ended, cpu = _run_once(argv)
                if i:  # the first run builds caches and is not counted
                    firsts.append(first)
                    exits.append(ended)
                    cpus.append(cpu)
            out.append(
                StartupFigure(
                    label,
                    statistics.median(firsts),
                    statistics.median(exits),
                    statistics.median(cpus),
                    runs,
                )
            )
    return out


def load_average() -> str:
    """The 1-minute load average and core count, to read the wall times against."""
    try:
        one = os.getloadavg()[0]
    except OSError:
        return "unknown"
    return f"{one:.1f} on {os.cpu_count() or 1} cores"
