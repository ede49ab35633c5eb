"""The read API's response cache, flag pages and background linking, on a real SQLite store:
a cached answer is never older than the store (any commit, by any connection, ends it), a
conditional request gets 304 while nothing changed, a token-protected answer is never served
without the token, and claims a killed run left unlinked are linked without any read doing it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from fogofwar import PIPELINE_VERSION, services
from fogofwar.model import Article
from fogofwar.reader import Reader
from fogofwar.store import open_store
from fogofwar.web import create_app
from fogofwar.web.cache import ResponseCache
from fogofwar.web.config import WebConfig
from fogofwar.web.state import IngestRunner, LinkSweeper, StoreHolder

TOKEN = "a-test-token-of-enough-length"
TEXTS = {
    "en.txt": (
        "Strike on Kharkiv\n\n2024-05-02\n\n"
        "Five people were killed and twelve injured in a Russian missile strike on Kharkiv, "
        "the regional governor said on Thursday.\n"
    ),
    "uk.txt": (
        "Атака на Одесу\n\n04.04.2024\n\n"
        "Унаслідок атаки дронів на Одесу загинули троє людей, повідомив голова ОВА.\n"
    ),
}


@pytest.fixture
def db(tmp_path: Path) -> str:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in TEXTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    path = str(tmp_path / "web.db")
    with open_store(path) as store:
        services.ingest([str(inputs)], store, Reader.offline())
    return path


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    # wait for a fresh answer however long it takes (the default, 0.05 s, is tested below)
    with TestClient(
        create_app(db, WebConfig(link_every=0, cache_wait=30, cache_stale=0))
    ) as test_client:
        test_client.get("/api/health")  # the store opens on the first request (not cached)
        yield test_client


def _another_article(db: str, n: int) -> None:
    """A commit by another connection, as another process's ingest makes."""
    with open_store(db) as other:
        other.add_articles([Article.create(source=f"x{n}.txt", text=f"Another text {n}.")])


@pytest.mark.parametrize("url", ["/api/health", "/api/articles?limit=5", "/api/claims?limit=3"])
def test_an_answer_is_cached_until_the_store_changes(client: TestClient, db: str, url: str) -> None:
    first = client.get(url)
    assert first.status_code == 200 and first.headers["x-cache"] == "miss"
    again = client.get(url)
    assert again.headers["x-cache"] == "hit" and again.content == first.content
    assert again.headers["content-type"] == "application/json"
    assert "content-security-policy" in again.headers  # safety headers on hits too
    _another_article(db, 1)
    after = client.get(url)
    assert after.headers["x-cache"] == "miss"
    assert after.headers["etag"] != first.headers["etag"]


def test_a_cached_count_follows_a_write(client: TestClient, db: str) -> None:
    before = client.get("/api/health").json()["articles"]
    assert client.get("/api/health").headers["x-cache"] == "hit"
    _another_article(db, 2)
    assert client.get("/api/health").json()["articles"] == before + 1


def test_if_none_match_gets_304_while_nothing_changed(client: TestClient, db: str) -> None:
    first = client.get("/api/events")
    etag = first.headers["etag"]
    same = client.get("/api/events", headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
    other = client.get("/api/events?limit=1", headers={"If-None-Match": etag})
    assert other.status_code == 200  # another request: another tag
    _another_article(db, 3)
    changed = client.get("/api/events", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_errors_and_writes_are_not_cached(client: TestClient) -> None:
    for _ in range(2):
        bad = client.get("/api/claims?kind=bogus")
        assert bad.status_code == 400 and "x-cache" not in bad.headers
    assert "etag" not in client.get("/map").headers  # pages are not cached


def test_a_protected_answer_is_never_served_without_the_token(db: str) -> None:
    config = WebConfig(token=TOKEN, protect_reads=True, link_every=0, cache_wait=30, cache_stale=0)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, config)) as c:
        assert c.get("/api/health").status_code == 200  # opens the store
        assert c.get("/api/claims", headers=auth).status_code == 200
        assert c.get("/api/claims", headers=auth).headers["x-cache"] == "hit"
        assert c.get("/api/claims").status_code == 401
        wrong = {"Authorization": "Bearer not-the-token-at-all"}
        assert c.get("/api/claims", headers=wrong).status_code == 403


def test_the_cache_can_be_switched_off(db: str) -> None:
    assert WebConfig.from_env({"FOGOFWAR_WEB_CACHE": "0"}).cache is False
    with TestClient(create_app(db, WebConfig(cache=False, link_every=0))) as c:
        for _ in range(2):
            response = c.get("/api/claims")
            assert response.status_code == 200 and "x-cache" not in response.headers


def test_flag_pages_join_up_to_every_flag(client: TestClient, db: str) -> None:
    with open_store(db) as store:
        every = [services.flag_record(f) for f in services.list_flags(store)]
        events = services.list_events(store)
    assert every and len(events) > 1
    got, url = [], "/api/flags?limit=1"
    while url:
        body = client.get(url).json()
        got += body["flags"]
        url = body["next"]
    assert got == every


def test_reads_do_not_link_the_sweeper_does(db: str) -> None:
    with open_store(db) as store:
        article = Article.create(source="late.txt", text="Stored, read, never linked.")
        store.add_articles([article])
        claims = services.list_claims(store, limit=1)
        moved = [c.__class__(**{**_fields(c), "claim_id": "c-late", "article_id": article.id})
                 for c in claims]  # fmt: skip
        store.replace_claims(article.id, PIPELINE_VERSION, moved)
        assert store.unlinked_articles(PIPELINE_VERSION) == [article.id]
    with TestClient(create_app(db, WebConfig(link_every=0))) as c:
        assert c.get("/api/events").status_code == 200
        with open_store(db) as store:
            assert store.unlinked_articles(PIPELINE_VERSION) == [article.id]  # no read linked
    holder = StoreHolder(db)
    runner = IngestRunner(db, Reader.offline)
    try:
        LinkSweeper(holder, every=60, link=runner.link_pending).sweep()  # as the app does
        assert holder.get().unlinked_articles(PIPELINE_VERSION) == []
    finally:
        runner.close()
        holder.close()


def test_the_sweeper_reads_only_claims_stored_since_its_last_pass(db: str) -> None:
    """After a full first pass the sweeper asks only about claims stored since (a key range);
    every FULL_EVERY passes it reads them all again."""
    holder = StoreHolder(db)
    asked: list[int | None] = []

    def link(after: int | None) -> int:
        asked.append(after)
        return services.sweep_links(holder.get(), after)[1]

    sweeper = LinkSweeper(holder, every=60, link=link)
    try:
        sweeper.sweep()
        mark = holder.get().claims_position()
        sweeper.sweep()  # nothing changed: no pass
        _another_article(db, 1)
        sweeper.sweep()
        assert asked == [None, mark]
        sweeper._passes = LinkSweeper.FULL_EVERY  # the tenth pass reads every claim
        _another_article(db, 2)
        sweeper.sweep()
        assert asked[-1] is None
    finally:
        holder.close()


def _fields(claim: object) -> dict[str, object]:
    return {name: getattr(claim, name) for name in claim.__slots__}  # type: ignore[attr-defined]


class _Gen:
    """A stand-in for an open store: only its generation (set by the test)."""

    def __init__(self) -> None:
        self.value = "g1"

    def generation(self) -> str:
        return self.value


class _Holder:
    def __init__(self, store: _Gen) -> None:
        self.store = store

    def opened(self) -> _Gen:
        return self.store


def test_followers_share_one_computation_or_get_the_previous_answer() -> None:
    """Without a previous answer, identical requests share one computation. After a commit, a
    request waits for the new answer at most ``wait`` seconds, then gets the previous one
    (stale) while the computation finishes in the background and serves the next ones."""
    store = _Gen()
    calls: list[str] = []
    gate = asyncio.Event()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(store.value)
        await gate.wait()
        body = store.value.encode()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    cache = ResponseCache(app, _Holder(store), wait=0.05)  # type: ignore[arg-type]

    async def get() -> tuple[bytes, str]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        scope = {"type": "http", "method": "GET", "path": "/api/x", "headers": []}
        await cache(scope, receive, send)
        how = dict(sent[0]["headers"]).get(b"x-cache", b"").decode()
        return sent[-1]["body"], how

    async def scenario() -> None:
        first = [asyncio.create_task(get()) for _ in range(5)]
        await asyncio.sleep(0.01)
        gate.set()
        assert sorted(await asyncio.gather(*first)) == [(b"g1", "miss")] + [(b"g1", "shared")] * 4
        assert calls == ["g1"]
        gate.clear()
        store.value = "g2"  # a commit; the new answer takes longer than the wait
        assert await get() == (b"g1", "stale")
        assert await get() == (b"g1", "stale")  # still computing: not computed twice
        gate.set()
        await asyncio.sleep(0.01)  # the computation finishes in the background
        assert await get() == (b"g2", "hit")
        assert calls == ["g1", "g2"]
        store.value = "g3"  # a commit; the new answer comes within the wait
        assert await get() == (b"g3", "miss")
        assert calls == ["g1", "g2", "g3"]

    asyncio.run(scenario())


def test_no_cache_requests_never_get_a_stale_answer() -> None:
    """Read-your-writes: after a commit, a request with ``Cache-Control: no-cache`` (or
    ``max-age=0``) waits for the answer of the new generation while others get the previous
    one; it joins the computation already running rather than starting another."""
    store = _Gen()
    calls: list[str] = []
    gate = asyncio.Event()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(store.value)
        await gate.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": store.value.encode()})

    cache = ResponseCache(app, _Holder(store), wait=0.05)  # type: ignore[arg-type]

    async def get(control: bytes | None = None) -> tuple[bytes, str]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        headers = [] if control is None else [(b"cache-control", control)]
        scope = {"type": "http", "method": "GET", "path": "/api/x", "headers": headers}
        await cache(scope, receive, send)
        how = dict(sent[0]["headers"]).get(b"x-cache", b"").decode()
        return sent[-1]["body"], how

    async def scenario() -> None:
        gate.set()
        assert await get() == (b"g1", "miss")
        gate.clear()
        store.value = "g2"  # a commit (the client's own write); the new answer is slow
        fresh = asyncio.create_task(get(b"no-cache"))
        await asyncio.sleep(0.1)  # longer than the wait: a plain request would have its answer
        assert not fresh.done()
        assert await get() == (b"g1", "stale")  # others are not held up
        reload = asyncio.create_task(get(b"max-age=0"))
        await asyncio.sleep(0.1)
        assert not reload.done()
        gate.set()
        assert (await fresh)[0] == b"g2" and (await reload)[0] == b"g2"
        assert calls == ["g1", "g2"]  # the waiting requests joined one computation

    asyncio.run(scenario())


def test_an_answer_lags_the_store_at_most_max_stale() -> None:
    """With ``max_stale``, a change does not recompute an answer younger than that: it is
    served marked stale (a ``no-cache`` request still gets the new one); once older, the next
    request recomputes it."""
    store = _Gen()
    calls: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(store.value)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": store.value.encode()})

    cache = ResponseCache(app, _Holder(store), wait=0.05, max_stale=0.3)  # type: ignore[arg-type]

    async def get(control: bytes | None = None) -> tuple[bytes, str]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        headers = [] if control is None else [(b"cache-control", control)]
        scope = {"type": "http", "method": "GET", "path": "/api/x", "headers": headers}
        await cache(scope, receive, send)
        return sent[-1]["body"], dict(sent[0]["headers"]).get(b"x-cache", b"").decode()

    async def scenario() -> None:
        assert await get() == (b"g1", "miss")
        store.value = "g2"
        assert await get() == (b"g1", "stale")  # younger than max_stale: not recomputed
        assert calls == ["g1"]
        assert await get(b"no-cache") == (b"g2", "miss")  # read-your-writes
        store.value = "g3"
        await asyncio.sleep(0.35)  # the g2 answer is now older than max_stale
        assert await get() == (b"g3", "miss")
        assert calls == ["g1", "g2", "g3"]

    asyncio.run(scenario())
