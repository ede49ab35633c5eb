"""Reading throughput per engine and worker count on the bench corpus (``read_bench``'s ~500-word
articles): articles/s after the workers have loaded their readers (steady) and counting that
start-up, the speed-up over the first worker count, and CPU per article of the readers and of
the process handing them articles (the figures that hold on a busy machine; the load average
is printed with them). Nothing here asserts a time.

    fogofwar bench engines --engine pool --workers 1,2
    fogofwar bench engines --engine ray --workers 1,2 [--address ray://head:10001]
    fogofwar bench writer [--url postgresql://…]

:func:`bench_writer` measures the other side: the one process that parses inputs, stores and
links (the ceiling of any number of reading workers).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fogofwar.benchmarks.read_bench import make_articles
from fogofwar.model import Article
from fogofwar.reader import Reader
from fogofwar.services.engines import (
    InlineEngine,
    PoolEngine,
    ReadEngine,
    ReadOutcome,
    make_engine,
    settle_heap,
)

__all__ = [
    "ENGINE_COLUMNS",
    "EngineRun",
    "WriterFigures",
    "bench_engines",
    "bench_writer",
    "run_engine",
]


#: Columns of :func:`bench_engines`' rows.
#: Columns of :func:`bench_engines`' rows: workers, articles, start-up seconds, reading
#: seconds after it, articles/s after start-up, articles/s counting start-up, speed-up of the
#: steady rate, CPU ms per article of the readers and of this process, load average, claims.
ENGINE_COLUMNS = (
    "workers",
    "articles",
    "start-up s",
    "s",
    "art/s",
    "art/s incl. start-up",
    "speed-up",
    "CPU ms/art",
    "parent CPU ms/art",
    "load",
    "claims",
)


@dataclass(frozen=True, slots=True)
class EngineRun:
    """One worker count's run: start-up (workers started and their readers loaded, two
    articles each read), the timed reading of the corpus after it, and CPU per article of
    the reading processes and of this one (which hands out articles and takes results)."""

    workers: int
    articles: int
    startup_s: float
    seconds: float
    claims: int
    reader_cpu_ms: float | None  # None: the workers' CPU cannot be read (Ray, not Linux)
    parent_cpu_ms: float
    load: float | None

    @property
    def rate(self) -> float:
        """Articles/s once the workers are up (steady state)."""
        return self.articles / self.seconds if self.seconds > 0 else float("inf")

    @property
    def rate_with_startup(self) -> float:
        """Articles/s counting the start-up too."""
        total = self.startup_s + self.seconds
        return self.articles / total if total > 0 else float("inf")


def _cpu_seconds(pids: Sequence[int]) -> float | None:
    """User + system CPU seconds of processes ``pids`` so far (Linux ``/proc``)."""
    total = 0
    try:
        tick = os.sysconf("SC_CLK_TCK")
        for pid in pids:
            with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, ValueError, IndexError):
        return None
    return total / tick


def _worker_pids(eng: ReadEngine) -> list[int] | None:
    """The worker processes of a local pool (``[]``: this process reads)."""
    if isinstance(eng, InlineEngine):
        return []
    if isinstance(eng, PoolEngine):
        return list(getattr(eng._pool, "_processes", None) or {})
    return None


def run_engine(n: int, engine: str, w: int, address: str | None = None) -> EngineRun:
    """Start ``engine`` with ``w`` workers, read two articles per worker (every worker loads its
    reader: the start-up), then read ``n`` bench-corpus articles, timed."""
    articles = make_articles(n)
    start = time.perf_counter()
    eng = make_engine(engine, factory=Reader.default, jobs=w, address=address)
    if engine == "pool" and isinstance(eng, InlineEngine):  # reads here: tuned as a worker
        settle_heap()
    try:
        list(eng.map(make_articles(2 * w, seed=99)))
        startup = time.perf_counter() - start
        pids = _worker_pids(eng)
        workers_cpu = _cpu_seconds(pids) if pids else None
        start, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(o.result.claims) for o in eng.map(articles) if o.result)
        seconds = time.perf_counter() - start
        parent = time.process_time() - cpu
        after = _cpu_seconds(pids) if pids else None
    finally:
        eng.close()
    reader: float | None = None
    if pids == []:
        reader = parent
    elif workers_cpu is not None and after is not None:
        reader = after - workers_cpu
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return EngineRun(
        w,
        n,
        startup,
        seconds,
        claims,
        None if reader is None else 1000 * reader / n,
        1000 * parent / n if pids != [] else 0.0,
        load,
    )


def bench_engines(
    n: int, engine: str, workers: Sequence[int], address: str | None = None
) -> Iterator[tuple[str, ...]]:
    """One table row (:data:`ENGINE_COLUMNS`) per worker count; the speed-up is of the steady
    rate over the first worker count's. CPU per article is the figure that holds on a busy
    machine (the load average is printed beside it); one worker reads in this process."""
    base: float | None = None
    for w in workers:
        r = run_engine(n, engine, w, address)
        base = base or r.rate
        yield (
            str(w),
            str(n),
            f"{r.startup_s:.1f}",
            f"{r.seconds:.1f}",
            f"{r.rate:.1f}",
            f"{r.rate_with_startup:.1f}",
            f"{r.rate / base:.2f}x",
            "-" if r.reader_cpu_ms is None else f"{r.reader_cpu_ms:.1f}",
            f"{r.parent_cpu_ms:.1f}",
            "-" if r.load is None else f"{r.load:.2f}",
            str(r.claims),
        )


class _Recorder:
    """An engine reading in this process that keeps every outcome (for :class:`_Replay`)."""

    def __init__(self, reader: Reader) -> None:
        self.inner = InlineEngine(reader)
        self.outcomes: dict[str, ReadOutcome] = {}

    @property
    def workers(self) -> int:
        """One."""
        return 1

    def map(self, articles: Iterable[Article]) -> Iterator[ReadOutcome]:
        """Read and keep each outcome."""
        for outcome in self.inner.map(articles):
            self.outcomes[outcome.article.id] = outcome
            yield outcome

    def close(self) -> None:
        """Nothing to stop."""


class _Replay:
    """An engine answering with outcomes read before: what is left of ingest is the single
    writer's share (parsing inputs, storing, linking), as when many workers read for it."""

    def __init__(self, outcomes: dict[str, ReadOutcome]) -> None:
        self.outcomes = outcomes

    @property
    def workers(self) -> int:
        """As many as it takes: reading costs nothing here."""
        return 1

    def map(self, articles: Iterable[Article]) -> Iterator[ReadOutcome]:
        """The outcome recorded for each article."""
        for article in articles:
            yield self.outcomes[article.id]

    def close(self) -> None:
        """Nothing to stop."""


@dataclass(frozen=True, slots=True)
class WriterFigures:
    """Seconds per article of one ingest: reading in this process (inline) and the single
    writer's share alone (reading replayed), wall-clock and CPU (the CPU figures hold on a
    busy machine too: what one dedicated core would take), with the writer's ceiling."""

    articles: int
    inline_s: float
    writer_s: float
    inline_cpu: float = 0.0
    writer_cpu: float = 0.0

    @property
    def read_s(self) -> float:
        """Reading alone, per article, in one process."""
        return max(0.0, self.inline_s - self.writer_s)

    @property
    def read_cpu(self) -> float:
        """Reading alone, CPU seconds per article: one worker's cost."""
        return max(0.0, self.inline_cpu - self.writer_cpu)

    @property
    def writer_ceiling(self) -> float:
        """Articles/s one writer can store and link (on a core of its own, by CPU time),
        however many workers read."""
        cost = self.writer_cpu or self.writer_s
        return 1 / cost if cost > 0 else float("inf")


def bench_writer(n: int = 200, url: str | None = None, days: int = 1) -> WriterFigures:
    """Ingest ``n`` bench-corpus articles (as JSON input files) once reading inline, then
    again into a fresh store (``url``, default a temporary SQLite file) with the reading
    replayed: the second run's time is the part no number of workers can share. ``days``
    spreads the publication dates (1: all on one day, the densest case for linking)."""
    from fogofwar.events.embedding import NgramEmbedder
    from fogofwar.services.ingest import ingest
    from fogofwar.store import open_store

    reader = Reader.default()
    embedder = NgramEmbedder()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i, a in enumerate(make_articles(n)):
            assert a.published is not None
            doc = {"title": a.title, "text": a.text, "lang": a.language}
            doc["published"] = (a.published - timedelta(days=i % max(1, days))).isoformat()
            (root / f"{i:05d}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        inputs = [str(root)]
        recorder = _Recorder(reader)
        with open_store(str(root / "inline.db")) as store:
            start, cpu = time.perf_counter(), time.process_time()
            done = ingest(inputs, store, recorder, embedder=embedder)
            read = (done.inserted, done.claims)
            m = max(1, done.inserted)
            inline = (time.perf_counter() - start) / m
            inline_cpu = (time.process_time() - cpu) / m
        with open_store(url or str(root / "writer.db")) as store:
            start, cpu = time.perf_counter(), time.process_time()
            done = ingest(inputs, store, _Replay(recorder.outcomes), embedder=embedder)
            if (done.inserted, done.claims) != read:
                raise RuntimeError(f"the replay stored {done} after {read} read inline")
            m = max(1, done.inserted)
            writer = (time.perf_counter() - start) / m
            writer_cpu = (time.process_time() - cpu) / m
    return WriterFigures(n, inline, writer, inline_cpu, writer_cpu)
