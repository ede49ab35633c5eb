"""What one app holds: its settings, its store (opened on first use, closed at shutdown) and,
for ingest, a child process with the claim reader (started on first use).

Opening lazily means a database that is down when the server starts answers 503 (and is retried
on the next request) instead of keeping the server from starting.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from fastapi import Request

from fogofwar import services
from fogofwar.reader import Reader
from fogofwar.services import Store, open_store
from fogofwar.web.config import WebConfig

__all__ = [
    "IngestRunner",
    "LinkSweeper",
    "StoreHolder",
    "get_config",
    "get_store",
    "ingest_job",
    "link_job",
]

log = logging.getLogger("fogofwar.web")


class StoreHolder:
    """Holds the app's store: :meth:`get` opens it once (thread-safe), :meth:`close` ends it.

    The connection pool is sized to the server's worker threads (``pool_size``).
    """

    def __init__(self, db: str, pool_size: int | None = None) -> None:
        self.db = db
        self.pool_size = pool_size
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        """The open store; raises :class:`~fogofwar.errors.StoreError` if it cannot be opened."""
        with self._lock:
            if self._store is None:
                self._store = open_store(self.db, pool_size=self.pool_size)
            return self._store

    def opened(self) -> Store | None:
        """The store if it is open now, else ``None`` (never opens it: no waiting)."""
        return self._store

    def close(self) -> None:
        """Close the store if it was opened; a later :meth:`get` opens it again."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


class LinkSweeper:
    """Links, in a background thread, the claims an interrupted run left unlinked: every
    ``every`` seconds (the first pass one interval after the start), when the store changed
    since the last pass.

    Reads never link (the CLI's commands do, before they read): a GET that took the linker's
    lock, or scanned every claim for unlinked ones (seconds at a million claims), would stall
    its client and the ingest. Ingests link what they store themselves. ``link`` runs the pass
    elsewhere (the app gives :meth:`IngestRunner.link_pending`: the ingest process, at low
    priority, one job at a time with the ingests); default: in this thread."""

    #: every this many passes, one over every claim (PostgreSQL's keys can commit out of
    #: order: a claim committed late below the mark would otherwise wait for a restart)
    FULL_EVERY = 10

    def __init__(
        self,
        holder: StoreHolder,
        every: float,
        link: Callable[[int | None], int] | None = None,
    ) -> None:
        self.holder = holder
        self.every = every
        self.link = link
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._seen: str | None = None
        self._after: int | None = None  # claims up to here were linked by an earlier pass
        self._passes = 0

    def start(self) -> None:
        """Start the thread (no-op when ``every`` is 0 or it runs already)."""
        if self.every <= 0 or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="link-sweeper", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.sweep()

    def sweep(self) -> None:
        """One pass: link what is unlinked, unless nothing changed since the last pass; after
        the first pass, only among claims stored since the one before (a range of the key,
        not a scan of every claim: seconds at a million), every :attr:`FULL_EVERY` passes
        over all of them."""
        try:
            store = self.holder.get()
            before = services.store_generation(store)
            if before is not None and before == self._seen:
                return
            after = None if self._passes % self.FULL_EVERY == 0 else self._after
            if self.link is not None:
                position = self.link(after)
            else:
                position = services.sweep_links(store, after)[1]
            self._after = position
            self._passes += 1
            self._seen = services.store_generation(store)
        except Exception:  # a store that is down now is retried on the next pass
            log.warning("background linking failed; retried in %s s", self.every, exc_info=True)

    def stop(self) -> None:
        """Stop the thread (a pass under way finishes first, up to a few seconds)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None


class IngestRunner:
    """Runs ingests in one child process (started on the first ingest, kept for the next): the
    claim reader is CPU-bound and would stall the server's event loop and threads; in its own
    process it does not, and ingests are serialised there (one writer per server process)."""

    def __init__(self, db: str, factory: Callable[[], Reader]) -> None:
        self.db = db
        self.factory = factory
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=get_context("spawn"),
                    initializer=_watch_parent,
                    initargs=(os.getpid(),),
                )
            return self._pool

    async def run(self, body: bytes, fmt: str) -> dict[str, int]:
        """Ingest one posted input in the child; what was stored."""
        loop = asyncio.get_running_loop()
        job = functools.partial(ingest_job, self.db, self.factory, body, fmt)
        try:
            return await loop.run_in_executor(self._executor(), job)
        except BrokenProcessPool:
            with self._lock:
                self._pool = None  # the child died (killed, out of memory): start afresh
            raise

    def link_pending(self, after: int | None = None) -> int:
        """Link what is unlinked (among claims after position ``after``), in the child (waits
        for the ingest before it, if any); the position to pass next time."""
        return self._executor().submit(link_job, self.db, after).result()

    def close(self) -> None:
        """Stop the child process, if one was started."""
        with self._lock:
            if self._pool is not None:
                # an ingest half-way through is rolled back by its transaction; stop the child
                # now rather than keep the server from exiting
                for process in list(getattr(self._pool, "_processes", {}).values()):
                    process.terminate()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


_CHILD: dict[str, Any] = {}


def _watch_parent(parent: int) -> None:
    """In the ingest child: run at a lower CPU priority than the server (reads stay
    responsive while it reads articles), and exit when the server process is gone (even if it
    was killed)."""
    with contextlib.suppress(OSError):
        os.nice(10)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def ingest_job(db: str, factory: Callable[[], Reader], body: bytes, fmt: str) -> dict[str, int]:
    """In the ingest child: read ``body`` (``fmt``: text, html, jsonl, or url = a JSON
    ``{"url": …}`` already checked) into the store; the store and reader are kept between
    jobs."""
    if "store" not in _CHILD:
        _CHILD["store"] = open_store(db, pool_size=1)
    if "reader" not in _CHILD:
        _CHILD["reader"] = factory()
    store, reader = _CHILD["store"], _CHILD["reader"]
    if fmt == "url":
        summary = services.ingest([body.decode("utf-8")], store, reader, sweep=False)
    else:
        # the stored source names the upload by its content, never a server path
        name = f"upload-{hashlib.sha256(body).hexdigest()[:16]}.{fmt}"
        # the upload's articles are linked; the rest is the background sweeper's (a scan of
        # every claim per upload would cost seconds at a million claims)
        summary = services.ingest_bytes(body, store, reader, source=name, fmt=fmt, sweep=False)
    return {
        "inserted": summary.inserted,
        "existing": summary.existing,
        "rejected": summary.rejected,
        "claims": summary.claims,
        "not_read": summary.not_read,
    }


def link_job(db: str, after: int | None = None) -> int:
    """In the ingest child: link the claims an interrupted run left unlinked (among those
    stored after position ``after``); the position to pass next time."""
    if "store" not in _CHILD:
        _CHILD["store"] = open_store(db, pool_size=1)
    _summary, position = services.sweep_links(_CHILD["store"], after)
    return position


def get_store(request: Request) -> Store:
    """FastAPI dependency: the store of the app serving ``request``."""
    holder: StoreHolder = request.app.state.stores
    return holder.get()


def get_config(request: Request) -> WebConfig:
    """FastAPI dependency: the settings of the app serving ``request``."""
    config: WebConfig = request.app.state.config
    return config
