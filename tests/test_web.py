"""The web API on a real SQLite store filled by ``services.ingest``: records equal the store's,
offsets slice the served text, paging and filters work, and every error has one shape."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar import services
from fogofwar.cli import app as cli_app
from fogofwar.cli.run import run_app
from fogofwar.errors import ConfigError
from fogofwar.reader import Reader
from fogofwar.records import claim_export_record, rejected_record
from fogofwar.store import ClaimFilter, Store, open_store
from fogofwar.web import create_app
from fogofwar.web.api import article_json, public_source
from fogofwar.web.config import WebConfig

HOSTILE_TITLE = "<script>alert(1)</script> Angriff auf Depot"

TEXTS = {
    "de.txt": (
        f"{HOSTILE_TITLE}\n\nMax Muster\n\n12.03.2024\n\n"
        "Bei einem Drohnenangriff auf ein Treibstofflager wurden nach Angaben des Gouverneurs "
        "mindestens drei Menschen verletzt. 🚀\n\n"
        "Das Verteidigungsministerium erklärte, die Luftabwehr habe zwölf Drohnen abgeschossen.\n"
    ),
    "en.txt": (
        "Strike on Kharkiv\n\n2024-05-02\n\n"
        "Five people were killed and twelve injured in a Russian missile strike on Kharkiv, "
        "the regional governor said on Thursday.\n\n"
        "Police arrested two men suspected of spotting for the attack.\n"
    ),
    "ru.txt": (
        "Удар по Белгороду\n\n03.04.2024\n\n"
        "В результате обстрела Белгорода погибли два человека, сообщил губернатор области.\n"
    ),
    "uk.txt": (
        "Атака на Одесу\n\n04.04.2024\n\n"
        "Унаслідок атаки дронів на Одесу загинули троє людей, повідомив голова ОВА.\n"
    ),
    "empty.txt": "",
}

ERROR_KEYS = {"code", "message", "status"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web")
    inputs = folder / "in"
    inputs.mkdir()
    for name, text in TEXTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    path = str(folder / "web.db")
    with open_store(path) as store:
        summary = services.ingest([str(inputs)], store, Reader.offline())
    assert (summary.inserted, summary.rejected) == (4, 1) and summary.claims > 0
    return path


@pytest.fixture(scope="module")
def store(db: str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, WebConfig())) as test_client:
        yield test_client


def get_json(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error shape: exactly ``{"error": {code, message, status}}``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    error: dict[str, Any] = body["error"]
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in response.text
    return error


# -- records equal the store's ----------------------------------------------------------------


def test_health(client: TestClient) -> None:
    body = get_json(client, "/api/health")
    assert body["status"] == "ok" and body["articles"] == 4 and body["schema"] == "claims-v1"


def test_articles_are_the_store_records_without_text(client: TestClient, store: Store) -> None:
    body = get_json(client, "/api/articles")
    expected = [article_json(a, with_text=False) for a in store.list_articles(limit=50)]
    assert body["articles"] == expected and len(expected) == 4
    assert all("text" not in rec for rec in body["articles"])
    assert (body["limit"], body["next"]) == (4, None)
    assert all("/" not in rec["source"] for rec in body["articles"])  # no server paths


def test_article_has_text_and_its_claims(client: TestClient, store: Store) -> None:
    for article in store.list_articles(limit=50):
        body = get_json(client, f"/api/articles/{article.id}")
        expected = article_json(article)
        expected["claims"] = [
            claim_export_record(c, article)
            for c in store.list_claims(ClaimFilter(article_id=article.id))
        ]
        assert body == expected


def test_text_is_the_stored_body_and_claim_offsets_slice_it(
    client: TestClient, store: Store
) -> None:
    checked = 0
    for article in store.list_articles(limit=50):
        response = client.get(f"/api/articles/{article.id}/text")
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/plain; charset=utf-8"
        assert response.headers["x-content-type-options"] == "nosniff"
        body = response.text
        assert body == article.text
        for claim in get_json(client, f"/api/articles/{article.id}")["claims"]:
            cue = claim["cue"]
            if cue is not None and cue["span"] is not None and not claim["in_headline"]:
                assert body[cue["span"]["start"] : cue["span"]["end"]] == cue["text"]
                checked += 1
            if claim["in_headline"]:
                span = claim["span"]
                assert (article.title or "")[span["start"] : span["end"]]
    assert checked >= 3  # incl. Cyrillic texts, where byte offsets would not match


def test_articles_page_by_next_links(client: TestClient, store: Store) -> None:
    seen: list[str] = []
    url: str | None = "/api/articles?limit=1"
    while url is not None:
        body = client.get(url).json()
        assert len(body["articles"]) <= 1
        seen += [rec["id"] for rec in body["articles"]]
        url = body["next"]
    assert seen == [a.id for a in store.list_articles(limit=50)]


def test_claims_page_by_cursor(client: TestClient, store: Store) -> None:
    everything = list(services.claim_records(store, store.list_claims()))
    paged: list[dict[str, Any]] = []
    url: str | None = "/api/claims?limit=2"
    while url is not None:
        assert url.startswith("/api/claims?")  # relative: never built from the Host header
        body = get_json(client, url)
        paged += body["claims"]
        url = body["next"]
    assert paged == everything and len(everything) > 4


def test_next_link_ignores_the_host_header(client: TestClient) -> None:
    body = client.get("/api/claims?limit=1", headers={"Host": "evil.example"}).json()
    assert body["next"].startswith("/api/claims?") and "evil" not in body["next"]


def test_article_filters(client: TestClient) -> None:
    def ids(**params: Any) -> set[str]:
        return {rec["language"] for rec in get_json(client, "/api/articles", **params)["articles"]}

    assert ids(search="Kharkiv") == {"en"}
    assert ids(search="Белгорода") == {"ru"}
    assert ids(lang="uk") == {"uk"}
    assert ids(since="2024-04-04") == {"uk", "en"}
    assert ids(search="Kharkiv", lang="de") == set()


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "attack"},
        {"kind": "casualties"},
        {"source_kind": "government"},
        {"certainty": "asserted"},
        {"lang": "ru"},
        {"kind": "attack", "source_kind": "author", "lang": "uk"},
    ],
)
def test_claim_filters_match_the_store(
    client: TestClient, store: Store, params: dict[str, str]
) -> None:
    expected = list(services.claim_records(store, store.list_claims(ClaimFilter(**params))))
    assert get_json(client, "/api/claims", **params)["claims"] == expected


def test_claims_of_one_article(client: TestClient, store: Store) -> None:
    (article,) = store.list_articles(lang="ru", limit=5)
    records = get_json(client, "/api/claims", article=article.id)["claims"]
    assert records and {r["article_id"] for r in records} == {article.id}


def test_claims_jsonl_streams_the_export(client: TestClient, store: Store) -> None:
    response = client.get("/api/claims.jsonl")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines == list(services.claim_records(store, store.iter_claims()))
    assert all("publisher" in line for line in lines)  # claims-v1 + the outlet extension
    ru = client.get("/api/claims.jsonl", params={"lang": "ru"}).text.splitlines()
    assert [json.loads(line) for line in ru] == list(
        services.claim_records(store, store.iter_claims(ClaimFilter(lang="ru")))
    )
    assert client.get("/api/claims.jsonl", params={"kind": "protest"}).text == ""


def test_rejects(client: TestClient, store: Store) -> None:
    body = get_json(client, "/api/rejects")
    expected = [
        {"id": r.id, **rejected_record(r.rejected), "input": public_source(r.input)}
        for r in store.list_rejections()
    ]
    assert [{**x, "message": ""} for x in body["rejects"]] == [
        {**x, "message": ""} for x in expected
    ]
    assert expected[0]["reason"] == "empty"
    assert all("/" not in r["input"] and "/" not in r["message"] for r in body["rejects"])
    assert get_json(client, "/api/rejects", reason="binary")["rejects"] == []


# -- hostile input -----------------------------------------------------------------------------

HOSTILE_SEARCHES = [
    '"',
    '"unterminated phrase',
    "AND",
    "OR OR -",
    "NEAR(a b)",
    "*",
    "a:b ^c",
    "'; DROP TABLE articles; --",
    "\x00",
    "Kharkiv\x00Kursk",
    "()",
    "%_\\",
    "🚀",
    "\u202e\ufeff",
    "x" * 500,
]


@pytest.mark.parametrize("search", HOSTILE_SEARCHES)
def test_hostile_search_never_fails(client: TestClient, search: str) -> None:
    assert isinstance(get_json(client, "/api/articles", search=search)["articles"], list)
    page = client.get("/", params={"search": search})
    assert page.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(search=st.text(max_size=60))
def test_any_search_text_answers_200(client: TestClient, search: str) -> None:
    assert client.get("/api/articles", params={"search": search}).status_code == 200


def test_index_escapes_stored_titles_and_the_search_echo(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe" not in csp
    assert "default-src 'none'" in csp
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Angriff auf Depot" in page.text
    echoed = client.get("/", params={"search": '"><script>alert(2)</script>'}).text
    assert "<script>" not in echoed and "&#34;&gt;&lt;script&gt;" in echoed


# -- one error shape ---------------------------------------------------------------------------

ERROR_CASES = [
    ("/api/articles/a000000000000000", 404, "not_found"),
    ("/api/articles/a0", 404, "not_found"),
    ("/api/articles/<script>", 404, "not_found"),
    ("/api/articles/a000000000000000/text", 404, "not_found"),
    ("/api/nowhere", 404, "not_found"),
    ("/api/claims?kind=bombing", 400, "bad_filter"),
    ("/api/claims?source_kind=oracle", 400, "bad_filter"),
    ("/api/claims?certainty=sure", 400, "bad_filter"),
    ("/api/claims.jsonl?kind=bombing", 400, "bad_filter"),
    ("/api/claims?lang=d%00e", 400, "bad_filter"),
    ("/api/rejects?reason=boredom", 400, "bad_filter"),
    ("/api/articles?since=yesterday", 400, "bad_date"),
    ("/api/articles?since=2024-13-45", 400, "bad_date"),
    ("/?since=soon", 400, "bad_date"),
    ("/api/articles?limit=0", 422, "invalid_parameter"),
    ("/api/articles?limit=many", 422, "invalid_parameter"),
    ("/api/claims?limit=100000", 422, "invalid_parameter"),
    ("/api/claims?cursor=%25%25", 400, "bad_cursor"),
    ("/api/claims?cursor=WyJ4Il0", 400, "bad_cursor"),
    ("/api/articles?cursor=bm9wZQ", 400, "bad_cursor"),
    ("/api/events?cursor=WzFd", 400, "bad_cursor"),
    ("/api/rejects?cursor=x", 400, "bad_cursor"),
    ("/api/exports/xlsx", 404, "not_found"),
    ("/api/articles?search=" + "x" * 501, 422, "invalid_parameter"),
]


@pytest.mark.parametrize(("url", "status", "code"), ERROR_CASES)
def test_every_error_has_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    assert_error(client.get(url), status, code)


def test_unknown_filter_value_lists_the_allowed_ones(client: TestClient) -> None:
    message = assert_error(client.get("/api/claims?kind=bombing"), 400, "bad_filter")["message"]
    assert "'bombing'" in message and "casualties" in message and "armed_clash" in message


def test_writes_are_refused_with_the_shape(client: TestClient) -> None:
    assert_error(client.post("/api/articles"), 405, "method_not_allowed")
    assert_error(client.delete("/api/claims"), 405, "method_not_allowed")


def test_store_error_is_503_without_details(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "x.db"
    with TestClient(create_app(str(missing))) as broken:
        for url in ("/api/health", "/api/articles", "/api/claims.jsonl", "/"):
            error = assert_error(broken.get(url), 503, "store_unavailable")
            assert "no-such-folder" not in error["message"]


def test_unexpected_error_is_500_without_traceback(db: str) -> None:
    app = create_app(db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/boom")
    error = assert_error(response, 500, "internal_error")
    assert "secret" not in response.text and "RuntimeError" not in error["message"]


def test_serve_command_is_registered(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_app(cli_app, ["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--host" in out and "--port" in out


# -- events, through the same services (and analysis) the CLI uses -------------------------------


def test_events_are_the_stored_records_and_one_event_its_detail(
    client: TestClient, store: Store
) -> None:
    body = get_json(client, "/api/events", limit=1000)
    assert [r["event_id"] for r in body["events"]] == [
        r.event_id for r in services.list_events(store)
    ]
    assert body["events"], "the fixture's articles should make events"
    first = body["events"][0]
    detail = get_json(client, f"/api/events/{first['event_id']}")
    assert detail == services.detail_record(services.event_detail(store, first["event_id"]))
    assert get_json(client, f"/api/events/{first['event_id'][:8]}")["event"] == detail["event"]
    kind = first["kind"]
    assert {r["kind"] for r in get_json(client, "/api/events", kind=kind)["events"]} == {kind}
    flags = get_json(client, "/api/flags")["flags"]
    assert flags == [services.flag_record(f) for f in services.list_flags(store)]


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events/e0000000000000000", 404, "not_found"),
        ("/api/events/<script>", 404, "not_found"),
        ("/api/events?flag=bogus", 400, "bad_filter"),
        ("/api/flags?code=bogus", 400, "bad_filter"),
        ("/api/events?since=yesterday", 400, "bad_date"),
        ("/api/events?as_of=yesterday", 400, "bad_date"),
    ],
)
def test_event_errors_have_the_one_shape(
    client: TestClient, url: str, status: int, code: str
) -> None:
    assert_error(client.get(url), status, code)


# -- the API's addresses, docs and assets -------------------------------------------------------


def test_schema_docs_and_assets_are_served_locally(client: TestClient) -> None:
    schema = get_json(client, "/openapi.json")
    for path in ("/api/articles", "/api/claims", "/api/events", "/api/flags", "/api/places"):
        assert path in schema["paths"]
    assert "/api/ingest" in schema["paths"] and "/api/exports/{fmt}" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    for page in (docs.text, client.get("/map").text, client.get("/").text):
        assert "https://" not in page and "http://" not in page  # nothing from the internet
        for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
            assert client.get(asset).status_code == 200, asset


def test_places_and_exports(client: TestClient, store: Store) -> None:
    places = get_json(client, "/api/places")["places"]
    assert places == [p.to_record() for p in services.list_places(store)]
    lines = client.get("/api/exports/claims-jsonl").text.splitlines()
    assert [json.loads(x) for x in lines] == [c.to_record() for c in store.iter_claims()]
    events = client.get("/api/exports/events-jsonl")
    assert events.status_code == 200 and "attachment" in events.headers["content-disposition"]
    assert len(events.text.splitlines()) == len(services.list_events(store))
    assert client.get("/api/exports/parquet").content[:4] == b"PAR1"


def test_article_ids_resolve_by_prefix_like_the_cli(client: TestClient, store: Store) -> None:
    (article,) = store.list_articles(lang="ru", limit=5)
    assert get_json(client, f"/api/articles/{article.id[:7]}")["id"] == article.id
    claims = get_json(client, "/api/claims", article=article.id[:7])["claims"]
    assert claims and {c["article_id"] for c in claims} == {article.id}
    assert_error(client.get("/api/articles/a"), 404, "not_found")  # too short to be safe


def test_no_server_path_in_any_response(client: TestClient, db: str) -> None:
    folder = str(Path(db).parent)
    first = get_json(client, "/api/articles")["articles"][0]["id"]
    event = get_json(client, "/api/events")["events"][0]["event_id"]
    for url in (
        "/api/articles", f"/api/articles/{first}", "/api/rejects", "/api/claims",
        "/api/events", f"/api/events/{event}", "/api/flags", "/api/places", "/api/health",
        "/", f"/articles/{first}", f"/events/{event}", "/sources",
    ):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert folder not in response.text and "/tmp" not in response.text, url


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_when_configured(db: str) -> None:
    config = WebConfig(cors_origins=("https://tool.example",))
    with TestClient(create_app(db, config)) as c:
        ok = c.get("/api/health", headers={"Origin": "https://tool.example"})
        other = c.get("/api/health", headers={"Origin": "https://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "https://tool.example"
    assert "access-control-allow-origin" not in other.headers


def test_pages_escape_and_carry_a_strict_csp(client: TestClient, store: Store) -> None:
    (hostile,) = [a for a in store.list_articles(limit=50) if "<script>" in (a.title or "")]
    page = client.get(f"/articles/{hostile.id}")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
    data = re.search(r'<script type="application/json" id="claims-data">(.*?)</script>', page.text)
    assert data is not None and "</" not in data.group(1)
    assert json.loads(data.group(1))


# -- ingest: token, types, limits ---------------------------------------------------------------

TOKEN = "t" * 20 + "-secret"


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("ingest") / "w.db")
    config = WebConfig(token=TOKEN, max_body=20_000)
    with TestClient(create_app(db, config, reader=Reader.offline)) as c:
        yield c


def _post(c: TestClient, body: bytes, kind: str, token: str | None = TOKEN) -> Any:
    headers = {"Content-Type": kind}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return c.post("/api/ingest", content=body, headers=headers)


def test_ingest_needs_the_token(writer: TestClient, client: TestClient) -> None:
    body = TEXTS["en.txt"].encode()
    assert_error(_post(writer, body, "text/plain", token=None), 401, "unauthorized")
    assert_error(_post(writer, body, "text/plain", token="wrong" * 5), 403, "forbidden")
    assert_error(_post(client, body, "text/plain"), 403, "ingest_disabled")  # no token set


def test_ingest_text_html_and_jsonl(writer: TestClient) -> None:
    text = _post(writer, TEXTS["uk.txt"].encode(), "text/plain")
    assert text.status_code == 200 and text.json()["inserted"] == 1
    assert _post(writer, TEXTS["uk.txt"].encode(), "text/plain").json()["existing"] == 1
    html = b"<html><head><title>Strike</title></head><body><article><p>" + b"Two people were "
    html += b"killed in shelling of Kherson, the governor said on Monday.</p></article></body>"
    assert _post(writer, html + b"</html>", "text/html; charset=utf-8").json()["inserted"] == 1
    lines = b'{"title": "A", "text": "Three soldiers were wounded near Bakhmut."}\n'
    assert _post(writer, lines, "application/x-ndjson").json()["inserted"] == 1
    records = writer.get("/api/articles").json()["articles"]
    assert all(r["source"].startswith("upload-") for r in records)


def test_ingest_refusals_have_the_shape(writer: TestClient) -> None:
    assert_error(_post(writer, b"x", "image/png"), 415, "unsupported_type")
    assert_error(_post(writer, b"", "text/plain"), 400, "bad_body")
    assert_error(
        _post(writer, b'{"url": "file:///etc/passwd"}', "application/json"), 400, "bad_body"
    )
    assert_error(_post(writer, b"y" * 20_001, "text/plain"), 413, "too_large")


def test_reads_can_require_the_token(db: str) -> None:
    config = WebConfig(token=TOKEN, protect_reads=True)
    with TestClient(create_app(db, config)) as c:
        assert_error(c.get("/api/claims"), 401, "unauthorized")
        assert c.get("/api/claims", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert c.get("/api/health").status_code == 200


def test_settings_from_the_environment() -> None:
    config = WebConfig.from_env(
        {"FOGOFWAR_WEB_TOKEN": TOKEN, "FOGOFWAR_WEB_CORS": "https://a.example, https://b.example",
         "FOGOFWAR_WEB_BASE_URL": "https://api.example/", "FOGOFWAR_WEB_THREADS": "8"}
    )  # fmt: skip
    assert config.cors_origins == ("https://a.example", "https://b.example")
    assert (config.base_url, config.threads, config.protect_reads) == (
        "https://api.example",
        8,
        False,
    )
    with pytest.raises(ConfigError):
        WebConfig.from_env({"FOGOFWAR_WEB_TOKEN": "short"})
    with pytest.raises(ConfigError):
        WebConfig.from_env({"FOGOFWAR_WEB_PROTECT_READS": "1"})


def test_event_detail_reads_only_around_the_event_and_agrees(store: Store) -> None:
    from fogofwar.events.run import analyse
    from fogofwar.services.events_link import StoreArticles

    full = analyse(store.events, StoreArticles(store), None)
    records = services.list_events(store)
    assert records
    for r in records:
        scoped = analyse(store.events, StoreArticles(store), {r.event_id}, None, r.claim_ids)
        e = r.event_id
        assert scoped.flags[e] == full.flags[e]
        assert scoped.reconciliations[e] == full.reconciliations[e]
        assert scoped.records[e] == full.records[e]
        mine = next(x for x in scoped.events if x.event_id == e)
        theirs = next(x for x in full.events if x.event_id == e)
        assert scoped.lineage(mine) == full.lineage(theirs)
