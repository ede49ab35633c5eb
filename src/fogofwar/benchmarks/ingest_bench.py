"""Ingest throughput: how fast documents become articles (no store, no claim reading).

With the shared data present the documents are the trafilatura evaluation pages (real HTML,
cycled when ``n`` exceeds them); otherwise generated plain-text dumps.

* :func:`bench_ingest`: in this process, input bytes loaded before the clock starts (reading
  only, no start-up, no disk).
* :func:`bench_extract`: ``fogofwar extract DIR`` run as a user runs it, in a fresh process
  with ``--jobs 1`` and with ``--jobs N``: wall-clock time from launch to exit, start-up and
  JSON output included, the documents written to a temporary folder first.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fogofwar.benchmarks import BenchResult, peak_rss_mib
from fogofwar.evaluation.ingest_eval import iter_pages
from fogofwar.model import Article
from fogofwar.readers import read_bytes

__all__ = ["bench_extract", "bench_ingest", "generated_dump"]

_PARAGRAPH = (
    "Officials said {n} people were injured after a strike on the city overnight, and "
    "rescue teams worked through the morning to clear the rubble from several buildings."
)


def generated_dump(i: int, paragraphs: int = 8) -> bytes:
    """A synthetic English text dump (title, byline, date, section, body) numbered ``i``."""
    body = "\n\n".join(_PARAGRAPH.format(n=i + k) for k in range(paragraphs))
    head = f"Report number {i} on overnight strikes\n\nBy Test Author\n\n24/10/2024\nWorld\n\n"
    return (head + body + "\n").encode("utf-8")


def _documents(n: int, shared: Path | None) -> tuple[str, list[tuple[str, bytes, str]]]:
    pages = list(iter_pages(shared, "trafilatura_eval", n)) if shared is not None else []
    if pages:
        docs = [(p.path.name, p.html(), "html") for p in pages]
        return "trafilatura_eval html", [docs[i % len(docs)] for i in range(n)]
    return "generated text dumps", [(f"gen{i}.txt", generated_dump(i), "text") for i in range(n)]


def bench_ingest(n: int, shared: Path | None) -> BenchResult:
    """Read ``n`` documents and report articles/s, words/s and peak RSS."""
    kind, docs = _documents(n, shared)
    articles = words = rejected = 0
    start = time.perf_counter()
    for name, data, fmt in docs:
        for result in read_bytes(data, source=name, fmt=fmt):
            if isinstance(result, Article):
                articles += 1
                words += result.word_count
            else:
                rejected += 1
    seconds = time.perf_counter() - start
    return BenchResult(
        name="ingest",
        items=articles,
        words=words,
        seconds=seconds,
        peak_rss_mib=peak_rss_mib(),
        extra=(("documents", f"{len(docs)} {kind}"), ("rejected", str(rejected))),
    )


_LAUNCH = "import sys; from fogofwar.cli import main; sys.argv[0] = 'fogofwar'; main()"


def _children_peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_extract(n: int, shared: Path | None, jobs: tuple[int, ...]) -> list[BenchResult]:
    """Run ``fogofwar extract --jobs J`` on ``n`` documents for each J; pages/s with start-up."""
    kind, docs = _documents(n, shared)
    results: list[BenchResult] = []
    with tempfile.TemporaryDirectory(prefix="fogofwar-bench-") as tmp:
        folder = Path(tmp)
        for i, (name, data, fmt) in enumerate(docs):
            suffix = ".html" if fmt == "html" else ".txt"
            stem = name.removesuffix(".gz").removesuffix(".html")
            (folder / f"{i:05d}-{stem[:60]}{suffix}").write_bytes(data)
        for j in jobs:
            cmd = [sys.executable, "-c", _LAUNCH, "extract", "--jobs", str(j), str(folder)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            articles = words = rejected = 0
            for line in proc.stdout.splitlines():
                record = json.loads(line)
                if "rejected" in record:
                    rejected += 1
                else:
                    articles += 1
                    words += int(record.get("words") or 0)
            results.append(
                BenchResult(
                    name=f"extract --jobs {j}",
                    items=articles + rejected,
                    words=words,
                    seconds=seconds,
                    peak_rss_mib=_children_peak_rss_mib(),
                    extra=(
                        ("documents", f"{len(docs)} {kind}"),
                        ("rejected", str(rejected)),
                        ("start-up", "included"),
                        # CPU seconds of the run and its workers: on a busy machine wall time
                        # says little, pages per CPU second says what the code costs
                        ("cpu_s", f"{cpu:.1f}"),
                        ("pages_per_cpu_s", f"{len(docs) / cpu:.1f}" if cpu else "inf"),
                        ("exit", str(proc.returncode)),
                    ),
                )
            )
    return results
