"""Where articles are read: in this process, a local process pool, or a Ray cluster.

Every engine reads each article inside its own guard (:func:`guarded_read`): an exception, a
time-out or the memory cap turns that one article into a :class:`ReadOutcome` with a rejection
(specific reason and stage ``claims``), and the batch goes on. Engines yield outcomes in input
order; the caller (ingest, one writer) stores them. At most ``2 × workers`` articles are in
flight, so a slow store holds the readers back instead of filling memory.

    engine = make_engine("pool", factory=Reader.default, jobs=2)  # or "inline", "ray"
    for outcome in engine.map(articles): ...
    engine.close()
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from types import FrameType
from typing import Any, Protocol

from fogofwar.errors import ConfigError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.reader import GC_THRESHOLDS, Reader, ReadResult
from fogofwar.services import transfer

__all__ = [
    "ENGINES",
    "ArticleReader",
    "InlineEngine",
    "PoolEngine",
    "ReadEngine",
    "ReadLimits",
    "ReadOutcome",
    "as_engine",
    "default_jobs",
    "guarded_read",
    "make_engine",
    "reject_outcome",
    "settle_heap",
]

ENGINES = ("inline", "pool", "ray")
ReaderFactory = Callable[[], Reader]


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Per-article limits: wall-clock ``seconds`` (``None``: none) and, in worker processes,
    an address-space cap of ``memory_mb`` above what the loaded reader already uses."""

    seconds: float | None = 120.0
    memory_mb: int | None = 2048


@dataclass(frozen=True, slots=True)
class ReadOutcome:
    """One article's reading: its result, or the rejection that replaced it."""

    article: Article
    result: ReadResult | None
    rejection: Rejected | None = None


class _TimedOut(BaseException):
    """Raised by the alarm inside a read that ran past its limit (BaseException, so reader
    code catching ``Exception`` cannot swallow it)."""


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _TimedOut


def reject_outcome(article: Article, reason: ReasonCode, detail: str) -> ReadOutcome:
    """An outcome rejecting ``article`` at stage ``claims`` for ``reason``."""
    message = f"{article.source} (article {article.id}): {detail}"
    return ReadOutcome(
        article, None, Rejected(article.source, "claims", reason, message, datetime.now(UTC))
    )


class ArticleReader(Protocol):
    """Anything that reads one article's claims (a :class:`Reader`, or a wrapper of one)."""

    def read(self, article: Article) -> ReadResult:
        """The article's claims."""
        ...


def as_engine(reader: ArticleReader | ReadEngine) -> ReadEngine:
    """``reader`` itself when it is an engine, else an :class:`InlineEngine` over it."""
    if hasattr(reader, "map") and hasattr(reader, "close"):
        return reader  # type: ignore[return-value]
    return InlineEngine(reader)


def guarded_read(reader: ArticleReader, article: Article, limits: ReadLimits) -> ReadOutcome:
    """Read ``article``; any failure becomes a rejection of this article only.

    The time limit uses ``SIGALRM`` and so applies in the main thread of a POSIX process (each
    pool worker's, or the CLI's); elsewhere only exceptions and memory errors are caught.
    """
    alarm = (
        limits.seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    previous: Any = None
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, float(limits.seconds or 0))
    try:
        return ReadOutcome(article, reader.read(article))
    except _TimedOut:
        return reject_outcome(
            article,
            ReasonCode.TIMEOUT,
            f"reading took longer than {limits.seconds:g}s; raise --timeout or split the text",
        )
    except MemoryError:
        return reject_outcome(
            article,
            ReasonCode.MEMORY_LIMIT,
            f"reading needed more than the memory cap ({limits.memory_mb} MB); split the text",
        )
    except Exception as exc:  # a reader bug must stop this article only
        return reject_outcome(
            article,
            ReasonCode.READ_FAILED,
            f"the claim reader failed ({type(exc).__name__}: {str(exc)[:300]}); "
            "please report it with the article attached",
        )
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def default_jobs() -> int:
    """Worker processes for this machine: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class ReadEngine(Protocol):
    """Reads articles somewhere and yields their outcomes in input order."""

    @property
    def workers(self) -> int:
        """How many articles it reads at once."""
        ...

    def map(self, articles: Iterable[Article]) -> Iterator[ReadOutcome]:
        """Outcomes of ``articles``, in input order (bounded read-ahead)."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...


class InlineEngine:
    """Reads in this process, one article at a time."""

    def __init__(self, reader: ArticleReader, limits: ReadLimits | None = None) -> None:
        self.reader = reader
        self.limits = limits or ReadLimits()

    @property
    def workers(self) -> int:
        """One."""
        return 1

    def map(self, articles: Iterable[Article]) -> Iterator[ReadOutcome]:
        """Read each article in turn."""
        for article in articles:
            yield guarded_read(self.reader, article, self.limits)

    def close(self) -> None:
        """Nothing to stop."""


# -- the local process pool --------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _set_memory_cap(memory_mb: int | None) -> None:
    if memory_mb is None:
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = used + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, OSError, ValueError):  # not Linux: no cap, errors still caught
        return


def _one_blas_thread() -> None:
    """One BLAS thread per worker: the workers are the parallelism (a BLAS pool per worker
    would only contend for the same cores)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # no threadpoolctl: BLAS keeps its default
        return
    threadpool_limits(1)


def settle_heap() -> None:
    """For a process that only reads from now on (a pool worker): what is loaded (the
    reader's lexicons, models and caches) is moved out of the garbage collector's sight
    (``gc.freeze``) and young objects are collected less often, so collections stop walking
    the reader again and again (about 4 % of reading, by instruction count). Outputs do not
    change: only cycles are collected."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _init_worker(factory: ReaderFactory, limits: ReadLimits) -> None:
    _one_blas_thread()
    _WORKER["reader"] = factory()
    _WORKER["limits"] = limits
    settle_heap()
    _set_memory_cap(limits.memory_mb)


def _work(article: Article) -> bytes:
    """Read in a worker; only the result travels back (the caller holds the article), in the
    compact pickling of :mod:`fogofwar.services.transfer` (half the parent's time to load)."""
    outcome = guarded_read(_WORKER["reader"], article, _WORKER["limits"])
    return transfer.dumps((outcome.result, outcome.rejection))


def _outcome(article: Article, blob: bytes) -> ReadOutcome:
    result, rejection = transfer.loads(blob)
    return ReadOutcome(article, result, rejection)


class PoolEngine:
    """Reads in ``jobs`` worker processes, each holding its own reader built by ``factory``
    (a module-level function, so it can be sent to the workers)."""

    def __init__(
        self, factory: ReaderFactory, jobs: int | None = None, limits: ReadLimits | None = None
    ) -> None:
        self.jobs = jobs or default_jobs()
        self.limits = limits or ReadLimits()
        self._factory = factory
        self._pool = self._new_pool()

    @property
    def workers(self) -> int:
        """The number of worker processes."""
        return self.jobs

    def map(self, articles: Iterable[Article]) -> Iterator[ReadOutcome]:
        """Outcomes in input order. When a worker process dies (killed, out of memory in C
        code), the articles in flight are read again one at a time, so only the article that
        kills its worker again is rejected."""
        flight: deque[tuple[Article, Future[bytes]]] = deque()
        for article in articles:
            flight.append((article, self._pool.submit(_work, article)))
            if len(flight) >= 2 * self.jobs:
                yield from self._settle(flight, 1)
        yield from self._settle(flight, 0)

    def _settle(
        self, flight: deque[tuple[Article, Future[bytes]]], keep: int
    ) -> Iterator[ReadOutcome]:
        while len(flight) > keep:
            article, future = flight.popleft()
            try:
                yield _outcome(article, future.result())
            except BrokenProcessPool:
                suspects = [article, *(a for a, _ in flight)]
                flight.clear()
                self._restart()
                for suspect in suspects:
                    yield self._alone(suspect)

    def _alone(self, article: Article) -> ReadOutcome:
        try:
            return _outcome(article, self._pool.submit(_work, article).result())
        except BrokenProcessPool as exc:
            self._restart()
            return reject_outcome(
                article,
                ReasonCode.MEMORY_LIMIT,
                f"the reading process died on this article ({exc}); split the text",
            )

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs, initializer=_init_worker, initargs=(self._factory, self.limits)
        )

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_engine(
    name: str,
    *,
    factory: ReaderFactory,
    jobs: int | None = None,
    limits: ReadLimits | None = None,
    address: str | None = None,
) -> ReadEngine:
    """The engine called ``name`` (:data:`ENGINES`); ``pool`` with one job reads inline."""
    if name == "inline" or (name == "pool" and (jobs or default_jobs()) == 1):
        return InlineEngine(factory(), limits)
    if name == "pool":
        return PoolEngine(factory, jobs, limits)
    if name == "ray":
        from fogofwar.services.ray_engine import RayEngine

        return RayEngine(factory, workers=jobs, limits=limits, address=address)
    raise ConfigError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
