"""A bounded load test of the web API on loopback: many concurrent clients over every read
endpoint (streams included) while an ingest runs; prints requests/s, p50/p95/p99 and errors.

    >>> with running_server("fogofwar.db", workers=2) as base:
    ...     result = asyncio.run(run_load(base, clients=200, seconds=30))

Only 127.0.0.1 is ever contacted; every loop is bounded by time and by request count, and the
server it starts is stopped at the end. Each client waits ``think`` seconds between requests
(``fogofwar bench api`` defaults to none: each client asks again as soon as it has its answer,
where latency is clients ÷ throughput). Clients speak HTTP/1.1 over raw keep-alive
connections, so the load generator costs the shared CPU little; a warm-up (one ingest, each
URL a few times) runs before the clock starts.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

__all__ = ["LoadResult", "discover_urls", "percentile", "run_load", "running_server"]

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(
    db: str,
    *,
    workers: int = 1,
    threads: int = 16,
    token: str | None = None,
    startup_seconds: float = 180,
    cache: bool = True,
) -> Iterator[str]:
    """Run ``fogofwar serve`` on a free loopback port in a child process; yields its base URL
    and stops it (SIGTERM, then SIGKILL) on exit. ``cache=False`` switches the server's
    response cache off (every request computed)."""
    port = _free_port()
    env = {
        **os.environ,
        "FOGOFWAR_DB": db,
        "FOGOFWAR_WEB_THREADS": str(threads),
        "FOGOFWAR_WEB_CACHE": "1" if cache else "0",
    }
    if token is not None:
        env["FOGOFWAR_WEB_TOKEN"] = token
    src = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    command = [
        sys.executable, "-m", "uvicorn", "fogofwar.web.app:app_from_env", "--factory",
        "--host", HOST, "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log", "--timeout-graceful-shutdown", "5",
        "--timeout-keep-alive", "60",
    ]  # fmt: skip
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with code {proc.returncode}")
            try:
                if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within {startup_seconds} s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def discover_urls(base: str) -> list[str]:
    """Every read endpoint with real ids from the store behind ``base`` (the first pages).

    Streams export the whole store on small stores; on large ones (over 10,000 articles) they
    are filtered to a few articles, since a full export is a bulk download (hundreds of MB at a
    million claims), not something 200 clients fetch in a loop."""
    with httpx.Client(base_url=base, timeout=60) as client:
        size = client.get("/api/health").json()["articles"]
        events = client.get("/api/events", params={"limit": 5}).json()["events"]
        articles = client.get("/api/articles", params={"limit": 5}).json()["articles"]
        claims = client.get("/api/claims", params={"limit": 2}).json()
    urls = [
        "/api/health",
        "/api/events?limit=50",
        "/api/events?limit=50&kind=attack",
        "/api/events?limit=50&country=UKR",
        "/api/places",
        "/api/claims?limit=100",
        "/api/claims?limit=100&kind=casualties",
        "/api/claims?limit=100&certainty=asserted&lang=en",
        "/api/articles?limit=50",
        "/api/rejects?limit=50",
        "/api/flags?code=headline_overstates",
    ]
    if size <= 10_000:
        urls += ["/api/claims.jsonl?kind=casualties", "/api/exports/claims-jsonl"]
    else:
        urls += [f"/api/claims.jsonl?article={a['id']}" for a in articles[:3]]
    if claims.get("next"):
        urls.append(claims["next"])
    if events:
        urls += [f"/api/events/{events[0]['event_id']}", f"/api/events/{events[-1]['event_id']}"]
    for article in articles[:2]:
        urls += [f"/api/articles/{article['id']}", f"/api/claims?article={article['id'][:8]}"]
    return urls


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0–1) of ``values`` by nearest rank (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


@dataclass
class LoadResult:
    """What one load run measured (latencies in seconds, by endpoint group)."""

    clients: int
    seconds: float = 0.0
    requests: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    ingests: int = 0
    ingest_errors: int = 0
    latencies: dict[str, list[float]] = field(default_factory=dict)

    def add(self, group: str, seconds: float) -> None:
        """Record one answered request of ``group``."""
        self.latencies.setdefault(group, []).append(seconds)

    def all(self) -> list[float]:
        """Every latency."""
        return [x for xs in self.latencies.values() for x in xs]

    def lines(self) -> list[str]:
        """The figures, one line each (ms)."""
        every = self.all()
        rate = self.requests / self.seconds if self.seconds else 0.0
        out = [
            f"clients {self.clients}, {self.seconds:.1f} s, {self.requests} requests, "
            f"{rate:.0f} requests/s, errors {self.errors}, ingests {self.ingests} "
            f"(errors {self.ingest_errors})",
            _quantiles("all", every),
        ]
        out += [_quantiles(g, xs) for g, xs in sorted(self.latencies.items())]
        return out + [f"error: {e}" for e in self.error_samples[:5]]


def _quantiles(name: str, xs: Sequence[float]) -> str:
    p50, p95, p99 = (percentile(xs, q) * 1000 for q in (0.5, 0.95, 0.99))
    return f"{name:<28} n={len(xs):>6}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p99 {p99:7.1f} ms"


def _group(url: str) -> str:
    path = url.split("?")[0]
    parts = path.strip("/").split("/")
    if len(parts) >= 3 and parts[1] in ("events", "articles"):
        return f"/api/{parts[1]}/{{id}}"
    if parts[-1] in ("claims.jsonl", "claims-jsonl"):
        return "streams"
    return path


class _Connection:
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol for GETs
    (Content-Length and chunked bodies). A load client must cost the shared CPU far less than
    the server it measures: httpx spends about a millisecond of CPU per request, this a tenth."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET ``path``, read the whole body; the status (0: the connection failed)."""
        try:
            return await self._get(path)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            self.close()
            return 0

    async def _get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(request.encode("ascii"))
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip().lower()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        elif status not in (204, 304):
            await self.reader.read()  # body to the end of the connection
            self.close()
        if headers.get("connection") == "close":
            self.close()
        return status

    def close(self) -> None:
        """Drop the connection (the next GET opens a new one)."""
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _client(
    base: str, urls: Sequence[str], start: int, think: float,
    stop: float, budget: list[int], result: LoadResult,
) -> None:  # fmt: skip
    host, port = base.removeprefix("http://").split(":")
    conn = _Connection(host, int(port))
    i = start
    # clients arrive spread over one pause, as people do, not all in the same millisecond
    await asyncio.sleep(think * (start % 1000) / 1000)
    try:
        while time.monotonic() < stop and budget[0] > 0:
            budget[0] -= 1
            url = urls[i % len(urls)]
            i += 1
            began = time.monotonic()
            try:
                status = await asyncio.wait_for(conn.get(url), timeout=120)
            except TimeoutError:
                conn.close()
                status = 0
            result.requests += 1
            if status != 200:
                result.errors += 1
                if len(result.error_samples) < 20:
                    result.error_samples.append(f"{url}: HTTP {status or 'failed'}")
            else:
                result.add(_group(url), time.monotonic() - began)
            if think:
                await asyncio.sleep(think * (0.5 + (i * 7919 % 1000) / 1000))
    finally:
        conn.close()


async def _ingester(
    http: httpx.AsyncClient, token: str, stop: float, every: float, result: LoadResult
) -> None:
    n = 0
    while time.monotonic() < stop:
        n += 1
        text = (
            f"Load test report {n} {secrets.token_hex(4)}\n\n2024-05-0{1 + n % 9}\n\n"
            f"Three people were killed and {n} injured in shelling of Kharkiv, "
            "the regional governor said on Thursday.\n"
        )
        try:
            response = await http.post(
                "/api/ingest", content=text.encode(), timeout=300,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "text/plain"},
            )  # fmt: skip
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        result.ingests += 1
        result.ingest_errors += not ok
        await asyncio.sleep(every)


async def _warm_up(http: httpx.AsyncClient, urls: Sequence[str], token: str | None) -> None:
    """Before the clock starts: one ingest (the server's reader process loads its models on
    the first) and each URL a few times (each server process opens the store and fills its
    cache), so the figures are of a running server, not of its start."""
    if token is not None:
        await http.post(
            "/api/ingest", content=b"Warm-up report\n\nOne person was injured, police said.\n",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "text/plain"},
        )  # fmt: skip
    for url in urls:
        await asyncio.gather(*(http.get(url) for _ in range(4)))


async def run_load(
    base: str,
    *,
    clients: int = 200,
    seconds: float = 30.0,
    think: float = 0.5,
    max_requests: int = 200_000,
    token: str | None = None,
    ingest_every: float = 1.0,
    urls: Sequence[str] | None = None,
) -> LoadResult:
    """Run ``clients`` concurrent clients over ``urls`` (default: :func:`discover_urls`) for
    ``seconds`` (and at most ``max_requests``), with an ingest every ``ingest_every`` seconds
    when ``token`` is given. Only loopback addresses are allowed."""
    if not base.startswith(f"http://{HOST}:"):
        raise ValueError("the load test only targets the loopback address 127.0.0.1")
    targets = list(urls or discover_urls(base))
    result = LoadResult(clients)
    timeout = httpx.Timeout(300.0, connect=30.0)
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as http:  # the ingester's
        await _warm_up(http, targets, token)
        began = time.monotonic()
        stop = began + seconds
        budget = [max_requests]
        tasks = [_client(base, targets, n * 3, think, stop, budget, result) for n in range(clients)]
        if token is not None:
            tasks.append(_ingester(http, token, stop, ingest_every, result))
        await asyncio.gather(*tasks)
        result.seconds = time.monotonic() - began
    return result


def bench_store_queries(db: str, repeats: int = 50) -> list[str]:
    """p50/p95 of the event and claim list queries on their own (no HTTP), first pages and
    deep pages, each filter once: what the indexes give."""
    from fogofwar import services

    lines = []
    with services.open_store(db) as store:

        def events(
            kind: str | None = None, country: str | None = None, flag: str | None = None
        ) -> object:
            where = services.EventFilter(kind=kind, country=country, flag=flag)
            return services.event_records(store, where, limit=101, link=False)

        cases: dict[str, Callable[[], object]] = {
            "events, first page": lambda: events(),
            "events kind=attack": lambda: events(kind="attack"),
            "events country=UKR": lambda: events(country="UKR"),
            "events flag=single_source": lambda: events(flag="single_source"),
            "flags single_source, 20 ev.": lambda: services.flags_page(
                store, code="single_source", limit=20, link=False
            ),
            "places": lambda: services.list_places(store),
            "sources (500 most cited)": lambda: services.source_stats(store),
            "claims, first page": lambda: services.claims_page(store, limit=100),
            "claims kind=casualties": lambda: services.claims_page(
                store, services.ClaimFilter(kind="casualties"), limit=100
            ),
            "claims certainty+lang": lambda: services.claims_page(
                store, services.ClaimFilter(certainty="asserted", lang="en"), limit=100
            ),
        }
        deep = services.claims_page(store, limit=100)
        for _ in range(50):
            if deep.cursor is None:
                break
            deep = services.claims_page(store, cursor=deep.cursor, limit=100)
        cursor = deep.cursor
        cases["claims, page 51"] = lambda: services.claims_page(store, cursor=cursor, limit=100)
        for name, call in cases.items():
            times = []
            slow = "flags" in name or "sources" in name
            for _ in range(max(1, repeats // 10) if slow else repeats):
                began = time.perf_counter()
                call()
                times.append(time.perf_counter() - began)
            lines.append(_quantiles(name, times))
    return lines


def build_synthetic(db: str, n_claims: int) -> dict[str, int]:
    """Create a synthetic store of ``n_claims`` claims at ``db`` (see
    :func:`fogofwar.store.synthetic.fill_synthetic`)."""
    from fogofwar.store import open_store
    from fogofwar.store.synthetic import fill_synthetic

    tmp = db + ".part"
    for suffix in ("", "-wal", "-shm"):
        Path(tmp + suffix).unlink(missing_ok=True)
    with open_store(tmp) as store:
        counts = fill_synthetic(store, n_claims=n_claims)
    os.replace(tmp, db)
    return counts
