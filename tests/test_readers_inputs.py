"""Inputs analysts have: publishers from every format, feed entries read from their linked
page (SSRF guard, per-host rate limit), JSON dates with zones, and non-article files skipped."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePath

import pytest

from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers import ReadOptions, read_bytes, read_inputs
from fogofwar.readers.jsondoc import read_published
from fogofwar.readers.selection import not_an_article
from fogofwar.readers.throttle import HostThrottle

PARAGRAPHS = "".join(
    f"<p>At least {n} people were injured when a drone hit a residential building in the city "
    "overnight, the regional governor said on Telegram on Tuesday morning.</p>"
    for n in range(2, 8)
)


def _page(head: str) -> str:
    return (
        f"<html><head><title>Drone strike injures residents</title>{head}</head><body>"
        f"<article><h1>Drone strike injures residents</h1>{PARAGRAPHS}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "publisher"),
    [
        ('<meta property="og:site_name" content=" Kyiv  Example Post ">', "Kyiv Example Post"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"publisher": {"@type": "Organization", "name": "Beispiel-Zeitung"}}</script>',
            "Beispiel-Zeitung",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
            '{"@type": "NewsArticle", "publisher": "Пример Ведомости"}]}</script>',
            "Пример Ведомости",
        ),
        ('<meta name="publisher" content="Example Wire">', "Example Wire"),
        ('<script type="application/ld+json">{broken</script>', None),
        ("", None),  # the domain is not a publisher name
    ],
)
def test_html_publisher(head: str, publisher: str | None) -> None:
    [article] = read_bytes(_page(head).encode(), source="p.html", url="https://example.org/a")
    assert isinstance(article, Article)
    assert article.publisher == publisher


@pytest.mark.parametrize(
    ("record", "publisher"),
    [
        ({"source": "Example Wire"}, "Example Wire"),
        ({"source": {"id": None, "name": "Example Wire"}}, "Example Wire"),  # NewsAPI
        ({"publisher": "A", "source": "B"}, "A"),
        ({"outlet": "  Daily \n Example "}, "Daily Example"),
        ({"source": 5}, None),
        ({}, None),
    ],
)
def test_json_publisher(record: dict[str, object], publisher: str | None) -> None:
    record["text"] = "Officials said two people were injured in the strike."
    [article] = read_bytes(json.dumps(record).encode(), source="a.json")
    assert isinstance(article, Article)
    assert article.publisher == publisher


@pytest.mark.parametrize(
    ("value", "day", "moment"),
    [
        (
            "2024-09-06T07:30:00+03:00",
            date(2024, 9, 6),
            datetime(2024, 9, 6, 7, 30, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("2024-09-06T23:30:00Z", date(2024, 9, 6), datetime(2024, 9, 6, 23, 30, tzinfo=UTC)),
        (1725604200, date(2024, 9, 6), datetime(2024, 9, 6, 6, 30, tzinfo=UTC)),
        ("1725604200", date(2024, 9, 6), datetime(2024, 9, 6, 6, 30, tzinfo=UTC)),
        ("2024-09-06", date(2024, 9, 6), None),
        ("2024-09-06T07:30:00", date(2024, 9, 6), None),  # no zone: the day only
        ("6 September 2024", date(2024, 9, 6), None),
        (2024, date(2024, 1, 1), None),  # a year, not Unix seconds
        ("no date here", None, None),
        (True, None, None),
    ],
)
def test_json_dates_keep_their_zone(
    value: object, day: date | None, moment: datetime | None
) -> None:
    found, _, aware = read_published(value)
    assert (found, aware) == (day, moment)


def test_json_field_override_on_the_command_line_shape() -> None:
    from fogofwar.readers import parse_field_overrides

    record = {"body_html": "<p>Shelling was reported.</p>", "meta": {"site": "Example Wire"}}
    options = ReadOptions(
        json_fields=parse_field_overrides(["text=body_html", "publisher=meta.site"])
    )
    [article] = read_bytes(json.dumps(record).encode(), source="a.json", options=options)
    assert isinstance(article, Article)
    assert (article.text, article.publisher) == ("Shelling was reported.", "Example Wire")


# -- files that are not articles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "skipped"),
    [
        ("README.md", True),
        ("readme.txt", True),
        ("LICENSE", True),
        ("LICENSE.txt", True),
        ("CHANGELOG.md", True),
        ("code-of-conduct.md", True),
        (".gitignore", True),
        ("photo.jpg", True),
        ("scan.PDF", True),
        ("script.py", True),
        ("Makefile", True),
        ("notes", True),
        ("report.txt", False),
        ("report.md", False),
        ("page.HTML", False),
        ("feed.xml", False),
        ("posts.json", False),
        ("table.csv", False),
        ("table.tsv", False),
        ("archive.warc.gz", False),
        ("dump.jsonl.gz", False),
        ("readme-style-article.txt", False),
    ],
)
def test_not_an_article_rule(path: str, skipped: bool) -> None:
    assert (not_an_article(PurePath(path)) is not None) is skipped


def test_directory_skips_non_articles_with_a_reason(tmp_path: Path) -> None:
    article = "Officials said two people were injured in the strike on the port overnight.\n"
    (tmp_path / "report.txt").write_text(article, encoding="utf-8")
    (tmp_path / "README.md").write_text("# My collection\n\nArticles I saved.\n")
    (tmp_path / "LICENSE").write_text("MIT License\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "fetch.py").write_text("print('hello')\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    results = list(read_inputs([str(tmp_path)]))
    articles = [r for r in results if isinstance(r, Article)]
    skipped = {Path(r.input).name: r for r in results if isinstance(r, Rejected)}
    assert [Path(a.source).name for a in articles] == ["report.txt"]
    assert set(skipped) == {"README.md", "LICENSE", "photo.png", "fetch.py", ".git"}
    assert all(r.reason is ReasonCode.NOT_AN_ARTICLE for r in skipped.values())
    assert "project file" in skipped["README.md"].message
    assert ".png is not an article format" in skipped["photo.png"].message
    # Named on its own, a file is read whatever its name.
    [readme] = read_inputs([str(tmp_path / "README.md")])
    assert isinstance(readme, Article)


# -- feeds --------------------------------------------------------------------------------------


def test_feed_title_is_the_publisher() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire: Ukraine</title>
    <item><title>First</title><link>https://example.org/1</link>
    <description>Two people were killed in a strike on the port, officials said.</description>
    </item></channel></rss>"""
    [article] = read_bytes(rss, source="f.rss")
    assert isinstance(article, Article) and article.publisher == "Example Wire: Ukraine"


def test_throttle_spaces_requests_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    throttle = HostThrottle(2.0, clock=lambda: now[0], sleep=sleep)
    assert throttle.wait("https://a.example/1") == 0
    assert throttle.wait("https://b.example/1") == 0  # another host does not wait
    now[0] += 0.5
    assert throttle.wait("https://A.example/2") == pytest.approx(1.5)
    assert throttle.wait("https://a.example/3") == pytest.approx(2.0)
    now[0] += 10
    assert throttle.wait("https://a.example/4") == 0
    assert slept == pytest.approx([1.5, 2.0])


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        if self.path.startswith("/story"):
            head = '<meta property="og:site_name" content="Page Site">'
            body = _page(head).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            body = b"gone"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Feed</title>
    <item><title>Linked only</title><link>{base}/story/1</link>
    <pubDate>Tue, 22 Oct 2024 10:00:00 +0000</pubDate></item>
    <item><title>Gone</title><link>{base}/missing</link></item>
    </channel></rss>""".encode()


def test_feed_entry_without_summary_reads_the_linked_page(server: str) -> None:
    options = ReadOptions(allow_private_addresses=True, fetch_timeout=5, per_host_interval=0)
    page, gone = read_bytes(_feed(server), source="f.rss", options=options)
    assert isinstance(page, Article)
    assert page.url == f"{server}/story/1" and page.source == "f.rss#1"
    assert page.publisher == "Wire Feed"  # the feed names the outlet
    assert page.source_format == "feed+html" and "At least 2 people" in page.text
    assert isinstance(gone, Rejected) and gone.reason is ReasonCode.NOT_FOUND


def test_feed_links_keep_the_ssrf_guard(server: str) -> None:
    page, gone = read_bytes(_feed(server), source="f.rss")  # private addresses not allowed
    assert isinstance(page, Rejected) and page.reason is ReasonCode.FORBIDDEN_ADDRESS
    assert isinstance(gone, Rejected) and gone.reason is ReasonCode.FORBIDDEN_ADDRESS
    off = read_bytes(_feed(server), source="f.rss", options=ReadOptions(fetch_feed_links=False))
    assert all(isinstance(r, Rejected) and r.reason is ReasonCode.NO_TEXT for r in off)


def test_many_article_files_have_their_own_size_cap(tmp_path: Path) -> None:
    rows = "".join(f"Title {n},Officials reported shelling in district {n}.\n" for n in range(200))
    table = tmp_path / "big.csv"
    table.write_text("title,text\n" + rows, encoding="utf-8")
    dump = tmp_path / "big.txt"
    dump.write_text(rows, encoding="utf-8")
    options = ReadOptions(max_bytes=1000, max_container_bytes=100_000)
    results = list(read_inputs([str(table), str(dump)], options=options))
    assert sum(isinstance(r, Article) for r in results) == 200
    assert isinstance(results[-1], Rejected) and results[-1].reason is ReasonCode.TOO_LARGE
    tight = list(
        read_inputs([str(table)], options=ReadOptions(max_bytes=1000, max_container_bytes=0))
    )
    assert [r.reason for r in tight if isinstance(r, Rejected)] == [ReasonCode.TOO_LARGE]
