"""A response cache for the read API, per server process, keyed by the store's generation.

The same list page is asked for again and again (every map load asks for the first page of
events) while the store changes only when something is ingested or linked. An answer is kept
under (path, query, token) together with the store's generation read *before* the answer was
computed (:meth:`~fogofwar.store.protocol.Store.generation`: it changes with every commit, by
any process); it is served again only while the generation is the same, so no answer is older
than the store, but for one case: when the store changed and an answer from before is at
hand, the new answer is computed (once) while requests wait for it at most ``wait`` seconds
(default 0.05); past that they get the previous answer (marked ``x-cache: stale``; it was
current one computation ago) instead of queueing behind the computation, which finishes in the
background and serves the next requests. Without a previous answer, identical requests share
the one computation (a burst computes each page once per process, not once per client).

Bounded staleness (``max_stale``, ``FOGOFWAR_WEB_CACHE_STALE``, default 1 s in the app): after
a change, an answer computed less than ``max_stale`` seconds ago is served as it is (``x-cache:
stale``) and recomputed by the first request after that, so under a stream of ingests each
answer is recomputed at most once per ``max_stale`` per process, not after every commit. An
answer therefore lags the store by at most ``max_stale`` plus one computation.

Read-your-writes: a request with ``Cache-Control: no-cache`` (or ``no-store``, or
``max-age=0``, what browsers send on reload) never gets a stale answer; it waits for the
answer of the current generation. A client that has just ingested (``POST /api/ingest``
answers after the commit) and sends it on its next read sees its own write.

Answers carry an ``ETag`` (of the generation and the request), so a client that sends
``If-None-Match`` gets ``304 Not Modified`` without a body while nothing changed.

Only ``GET`` requests under ``/api/`` with a 200 answer of at most ``max_body`` bytes are kept
(a large export streams past); at most ``max_bytes`` in all, oldest out first.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fogofwar import services
from fogofwar.errors import StoreError
from fogofwar.web.state import StoreHolder

__all__ = ["ResponseCache"]

_Key = tuple[str, bytes, bytes]


@dataclass(frozen=True, slots=True)
class _Entry:
    generation: str
    etag: bytes
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    at: float  # time.monotonic() when ``generation`` was read: the store as of then


def _etag(generation: str, key: _Key) -> bytes:
    digest = hashlib.blake2b(digest_size=12)
    for part in (generation.encode(), key[0].encode(), key[1], key[2]):
        digest.update(part + b"\x00")
    return b'"' + digest.hexdigest().encode() + b'"'


class ResponseCache:
    """ASGI middleware: cached answers of the read API (see the module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        holder: StoreHolder,
        *,
        max_body: int = 2_000_000,
        max_bytes: int = 64_000_000,
        prefix: str = "/api/",
        skip: tuple[str, ...] = ("/api/ingest",),
        wait: float = 0.05,
        max_stale: float = 0.0,
    ) -> None:
        self.app = app
        self.holder = holder
        self.max_body = max_body
        self.max_bytes = max_bytes
        self.prefix = prefix
        self.skip = skip
        self._entries: dict[_Key, _Entry] = {}
        self._bytes = 0
        self._inflight: dict[tuple[_Key, str], asyncio.Future[_Entry | None]] = {}
        self._tasks: set[asyncio.Task[list[Message]]] = set()
        self.wait = wait
        self.max_stale = max_stale

    def _key(self, scope: Scope) -> _Key | None:
        path: str = scope["path"]
        if scope["method"] != "GET" or not path.startswith(self.prefix):
            return None
        if path.startswith(self.skip):
            return None
        token = b""
        for name, value in scope.get("headers", []):
            if name in (b"authorization", b"x-fogofwar-token"):
                token += name + b"=" + value + b";"
        return (path, scope.get("query_string", b""), token)

    def _generation(self) -> str | None:
        store = self.holder.opened()
        if store is None:  # not opened yet: the first request opens it
            return None
        try:
            return services.store_generation(store)
        except StoreError:
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope) if scope["type"] == "http" else None
        generation = None if key is None else self._generation()
        if key is None or generation is None:
            await self.app(scope, receive, send)
            return
        etag = _etag(generation, key)
        if _matches(scope, etag):
            await _not_modified(send, etag)
            return
        entry = self._entries.get(key)
        if entry is not None and entry.generation == generation:
            await _replay(send, entry, b"hit")
            return
        fresh = _wants_fresh(scope)
        if entry is not None and not fresh and time.monotonic() - entry.at < self.max_stale:
            await _replay(send, entry, b"stale")  # young enough: not recomputed yet
            return
        running = self._inflight.get((key, generation))
        if running is not None and entry is not None and not fresh:
            await _replay(send, entry, b"stale")  # the answer of one computation ago
            return
        if running is not None:
            shared = await asyncio.shield(running)
            if shared is not None:
                await _replay(send, shared, b"shared")
                return
            await self.app(scope, receive, send)
            return
        future: asyncio.Future[_Entry | None] = asyncio.get_running_loop().create_future()
        self._inflight[(key, generation)] = future
        if entry is not None:  # a previous answer: wait for the new one only so long
            task = asyncio.create_task(self._refresh(scope, key, generation, etag, future))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            done, _ = await asyncio.wait({task}, timeout=None if fresh else self.wait)
            if done:
                for message in task.result():
                    await send(message)
            else:
                await _replay(send, entry, b"stale")
            return
        result: _Entry | None = None
        try:
            result = await self._compute(scope, receive, send, generation, etag)
        finally:
            del self._inflight[(key, generation)]
            future.set_result(result)
        if result is not None:
            self._keep(key, result)

    async def _refresh(
        self,
        scope: Scope,
        key: _Key,
        generation: str,
        etag: bytes,
        future: asyncio.Future[_Entry | None],
    ) -> list[Message]:
        """Compute the answer for ``generation`` into a buffer (it outlives the request that
        started it); keep it; the messages of the answer."""
        messages: list[Message] = []

        async def buffer(message: Message) -> None:
            messages.append(message)

        result: _Entry | None = None
        try:
            result = await self._compute(scope, _quiet_receive(), buffer, generation, etag)
        finally:
            del self._inflight[(key, generation)]
            future.set_result(result)
        if result is not None:
            self._keep(key, result)
        return messages

    async def _compute(
        self, scope: Scope, receive: Receive, send: Send, generation: str, etag: bytes
    ) -> _Entry | None:
        """Run the app, passing its answer on as it comes; the answer to keep, if any."""
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        size = 0
        keep = False
        began = time.monotonic()

        async def capture(message: Message) -> None:
            nonlocal keep, size
            if message["type"] == "http.response.start":
                keep = message["status"] == 200
                if keep:
                    headers.extend(message.get("headers", []))
                    headers.extend(_validators(etag))
                    message = {**message, "headers": [*headers, (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > self.max_body:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(body)
            await send(message)

        await self.app(scope, receive, capture)
        if not keep:
            return None
        return _Entry(generation, etag, tuple(headers), b"".join(chunks), began)

    def _keep(self, key: _Key, entry: _Entry) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._entries[key] = entry
        self._bytes += len(entry.body)
        while self._bytes > self.max_bytes and self._entries:
            oldest = next(iter(self._entries))
            self._bytes -= len(self._entries.pop(oldest).body)


def _quiet_receive() -> Receive:
    """The request of a computation no client waits on: no body, and no disconnect ever."""
    given = False

    async def receive() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.get_running_loop().create_future()  # never set: waits until cancelled
        return {"type": "http.disconnect"}

    return receive


def _validators(etag: bytes) -> list[tuple[bytes, bytes]]:
    """ETag, and "ask again each time" (the answer can change with any ingest)."""
    return [(b"etag", etag), (b"cache-control", b"no-cache")]


def _wants_fresh(scope: Scope) -> bool:
    """The request says ``Cache-Control: no-cache`` (or ``max-age=0``, as browsers do on
    reload): it must not get a stale answer."""
    for name, value in scope.get("headers", []):
        if name == b"cache-control":
            wanted = {v.strip().lower() for v in value.split(b",")}
            return bool(wanted & {b"no-cache", b"no-store", b"max-age=0"})
    return False


def _matches(scope: Scope, etag: bytes) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"if-none-match":
            return etag in [v.strip() for v in value.split(b",")]
    return False


async def _not_modified(send: Send, etag: bytes) -> None:
    await send({"type": "http.response.start", "status": 304, "headers": _validators(etag)})
    await send({"type": "http.response.body", "body": b""})


async def _replay(send: Send, entry: _Entry, how: bytes) -> None:
    headers = [*entry.headers, (b"x-cache", how)]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": entry.body})
