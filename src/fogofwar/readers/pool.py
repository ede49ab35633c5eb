"""A small process pool that maps a function over items and yields results in input order.

Used by ``fogofwar extract`` to read files on every core; nothing in it is specific to reading::

    from fogofwar.readers.pool import default_jobs, ordered_map

    for result in ordered_map(work, items, jobs=default_jobs(), on_error=as_rejection):
        ...

* Results come back in the order of ``items``, as soon as each one and all before it are done
  (at most ``jobs * WINDOW_PER_JOB`` items are in flight, so memory stays bounded and the
  first result appears early).
* ``work`` and the items must be picklable (a module-level function, or a
  :func:`functools.partial` of one). With ``jobs <= 1`` everything runs in this process.
* An exception raised by ``work`` for one item becomes ``on_error(item, exc)`` for that item
  only; a worker process that dies (a crash in a C extension) turns the items it held into
  ``on_error`` results and a fresh pool carries on with the rest.
* On Linux the workers are forked, so they start with the parent's imports already loaded;
  elsewhere the platform default start method is used (``spawn``: workers import on start).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

__all__ = ["MAX_DEFAULT_JOBS", "WINDOW_PER_JOB", "default_jobs", "forks_workers", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

MAX_DEFAULT_JOBS = 8
WINDOW_PER_JOB = 8


def default_jobs() -> int:
    """The cores this process may use (CPU affinity where the OS reports it), at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_JOBS))


def forks_workers() -> bool:
    """Whether :func:`ordered_map` forks its workers by default (so that what this process has
    loaded before the call, workers have without loading it again)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _context(start_method: str | None) -> multiprocessing.context.BaseContext:
    import multiprocessing

    if start_method is not None:
        return multiprocessing.get_context(start_method)
    if forks_workers():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _serial(
    work: Callable[[T], R], items: Iterable[T], on_error: Callable[[T, BaseException], R]
) -> Iterator[R]:
    for item in items:
        try:
            yield work(item)
        except Exception as exc:  # one item's failure is that item's result
            yield on_error(item, exc)


def ordered_map(
    work: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    on_error: Callable[[T, BaseException], R],
    start_method: str | None = None,
) -> Iterator[R]:
    """Yield ``work(item)`` for every item, in input order, using ``jobs`` processes.

    ``start_method`` overrides the default (``"fork"`` where available); pass
    ``"forkserver"`` or ``"spawn"`` when the caller runs threads of its own (a progress bar's
    refresh thread), which a fork may catch holding a lock. See the module docstring for
    ordering and error rules.
    """
    if jobs <= 1:
        yield from _serial(work, items, on_error)
        return
    # loaded only with a pool to run (reading one file serially never needs them)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    source = iter(items)
    window = jobs * WINDOW_PER_JOB
    context = _context(start_method)
    pending: deque[tuple[T, Future[R]]] = deque()
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        while True:
            for item in islice(source, window - len(pending)):
                pending.append((item, executor.submit(work, item)))
            if not pending:
                return
            item, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool as exc:
                # A worker died: this item and the others it may have held fail; the rest
                # are resubmitted to a fresh pool.
                yield on_error(item, exc)
                executor.shutdown(wait=False, cancel_futures=True)
                executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
                retry = list(pending)
                pending.clear()
                for old_item, old_future in retry:
                    done = old_future.done() and not old_future.cancelled()
                    if done and old_future.exception() is None:
                        pending.append((old_item, old_future))
                    else:
                        pending.append((old_item, executor.submit(work, old_item)))
            except Exception as exc:  # one item's failure is that item's result
                yield on_error(item, exc)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
