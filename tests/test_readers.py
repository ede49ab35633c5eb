"""Tests for fogofwar.readers (dispatch, formats, batches)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fogofwar.readers as readers
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers import JsonFields, ReadOptions, read_bytes, read_inputs, sniff_format

DUMP = (
    "Angriff auf Hafen in der Nacht\n\nVon Anna Beispiel\n\n24.10.2024\nWelt\n\n"
    "Bei einem Angriff auf den Hafen wurden nach Angaben der Behörden mindestens vier Menschen "
    "verletzt, darunter zwei Hafenarbeiter.\n\nDie Feuerwehr war die ganze Nacht im Einsatz.\n"
)
PARAGRAPHS = "".join(
    f"<p>At least {n} people were injured when a drone hit a residential building in the city "
    f"overnight, the regional governor said on Telegram on Tuesday morning.</p>"
    for n in range(2, 8)
)
HTML = (
    "<html><head><title>Drone strike injures residents</title>"
    '<meta property="article:published_time" content="2024-10-22"></head><body>'
    "<nav><a href='/'>Home</a></nav><article><h1>Drone strike injures residents</h1>"
    f"{PARAGRAPHS}</article><footer>Impressum</footer></body></html>"
)
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>First</title><link>https://example.org/1</link>
<pubDate>Tue, 22 Oct 2024 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Two people were killed in a strike on the port,
officials said.&lt;/p&gt;</description>
</item><item><title>Empty</title></item></channel></rss>"""


def _articles(results: list[Article | Rejected]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def test_public_api() -> None:
    assert set(readers.__all__) >= {"read_inputs", "read_bytes", "ReadOptions", "JsonFields"}
    for name in readers.__all__:
        assert getattr(readers, name) is not None


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"plain words", "a.txt", "text"),
        (b"<html><body>x</body></html>", None, "html"),
        (b"  <!DOCTYPE html><html>", None, "html"),
        (b'<?xml version="1.0"?><rss version="2.0">', None, "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', None, "feed"),
        (b'{"a": 1}', None, "json"),
        (b"[1, 2]", None, "json"),
        (b'{"a": 1}\n{"a": 2}\n', None, "jsonl"),
        (b"WARC/1.0\r\n", None, "warc"),
        (b"", "x.warc.gz", "warc"),
        (b"", "x.html.gz", "html"),
        (b"", "https://example.org/feed.rss", "feed"),
        (b"just text", None, "text"),
    ],
)
def test_sniff_format(data: bytes, name: str | None, expected: str) -> None:
    assert sniff_format(data, name) == expected


def test_text_dump_bytes() -> None:
    [article] = _articles(read_bytes(DUMP.encode("cp1252"), source="d.txt"))
    assert article.title == "Angriff auf Hafen in der Nacht"
    assert article.authors == ("Anna Beispiel",)
    assert article.source_format == "text"
    assert article.language == "de" and article.language_confidence is not None


def test_html_page() -> None:
    [article] = _articles(read_bytes(HTML.encode(), source="p.html", url="https://example.org/a"))
    assert article.title == "Drone strike injures residents"
    assert article.text.startswith("At least 2 people")
    assert "Impressum" not in article.text and "Home" not in article.text
    assert article.published is not None and article.published.isoformat() == "2024-10-22"
    assert article.source_format == "html" and article.url == "https://example.org/a"
    assert article.language == "en"


def test_gzipped_html() -> None:
    [article] = _articles(read_bytes(gzip.compress(HTML.encode()), source="p.html.gz"))
    assert article.source_format == "html"


@pytest.mark.parametrize(
    ("html", "reasons"),
    [
        ("<html><body><script>" + "x" * 100000 + "</script></body></html>", {"no_text"}),
        ("<div>" * 5000 + "words " * 50 + "</div>" * 5000, {"no_text", "malformed_html"}),
        ("<<<>>>", {"malformed_html", "no_text"}),
        ("<html><body></body></html>", {"no_text", "malformed_html"}),
    ],
)
def test_hostile_html_is_rejected_not_raised(html: str, reasons: set[str]) -> None:
    [result] = read_bytes(html.encode(), source="h.html", fmt="html")
    assert isinstance(result, Rejected)
    assert result.reason.value in reasons


def test_iframe_content_is_not_body() -> None:
    html = "<html><body><iframe srcdoc='<p>Hidden frame</p>'></iframe><p>Hi</p></body></html>"
    [result] = read_bytes(html.encode(), source="h.html", fmt="html")
    assert isinstance(result, Article) and result.text == "Hi"


def test_huge_attribute_does_not_crash() -> None:
    html = f"<html><body><p title='{'y' * 2_000_000}'>x</p>{PARAGRAPHS}</body></html>"
    [result] = read_bytes(html.encode(), source="h.html", fmt="html")
    assert isinstance(result, Article | Rejected)


# a page rendered by JavaScript: a publication date in its markup, no article text
DATED_EMPTY_PAGE = b"""<!DOCTYPE html><html><head><title>Latest news</title>
<meta property="article:published_time" content="2025-04-17T08:30:00+00:00">
</head><body><div id="app"></div><script src="/app.js"></script></body></html>"""


def test_rejected_page_keeps_its_date() -> None:
    """A page whose body is rejected keeps the publication date its reader already found."""
    [result] = read_bytes(DATED_EMPTY_PAGE, source="index.html")
    assert isinstance(result, Rejected) and result.reason is ReasonCode.NO_TEXT
    assert result.published is not None and result.published.isoformat() == "2025-04-17"
    assert result.at is not None


def test_rejection_without_a_date_has_none() -> None:
    [result] = read_bytes(b"<html><head></head><body><div></div></body></html>", source="e.html")
    assert isinstance(result, Rejected) and result.published is None


def test_jsonl_bad_lines_rejected_good_lines_land() -> None:
    lines = [
        json.dumps(
            {"title": "One", "text": "Five people were killed in the strike.", "lang": "en"}
        ),
        "{not json",
        json.dumps(
            {"headline": "Two", "body": "Drei Menschen wurden verletzt.", "date": "2024-10-24"}
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "No body"}),
    ]
    results = read_bytes("\n".join(lines).encode(), source="f.jsonl")
    assert [type(r).__name__ for r in results] == [
        "Article",
        "Rejected",
        "Article",
        "Rejected",
        "Rejected",
    ]
    bad = results[1]
    assert isinstance(bad, Rejected) and bad.reason is ReasonCode.MALFORMED_JSON
    assert "line 2" in bad.message
    second = results[2]
    assert isinstance(second, Article)
    assert second.title == "Two" and second.published is not None
    assert isinstance(results[4], Rejected) and results[4].reason is ReasonCode.NO_TEXT


def test_json_field_mapping_override() -> None:
    record = {"meta": {"heading": "Mapped"}, "story": "Zwei Soldaten wurden gefangen genommen."}
    fields = JsonFields(title=("meta.heading",), text=("story",))
    [article] = read_bytes(
        json.dumps(record).encode(), source="r.json", options=ReadOptions(json_fields=fields)
    )
    assert isinstance(article, Article)
    assert article.title == "Mapped" and article.source_format == "json"


def test_invalid_json_document() -> None:
    [result] = read_bytes(b'{"title": ', source="x.json")
    assert isinstance(result, Rejected) and result.reason is ReasonCode.MALFORMED_JSON


def test_feed_one_article_per_entry() -> None:
    results = read_bytes(RSS, source="f.rss")
    assert isinstance(results[0], Article)
    assert results[0].url == "https://example.org/1"
    assert results[0].text == "Two people were killed in a strike on the port, officials said."
    assert results[0].published is not None and results[0].published.isoformat() == "2024-10-22"
    assert isinstance(results[1], Rejected) and results[1].reason is ReasonCode.NO_TEXT


def test_malformed_feed() -> None:
    [result] = read_bytes(b"<rss><channel><item", source="f.rss", fmt="feed")
    assert isinstance(result, Rejected) and result.reason is ReasonCode.MALFORMED_FEED


def _warc(html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    record = writer.create_warc_record(
        "https://example.org/page",
        "response",
        payload=io.BytesIO(html.encode()),
        http_headers=headers,
    )
    writer.write_record(record)
    return out.getvalue()


def test_warc_html_records() -> None:
    [article] = read_bytes(_warc(HTML), source="a.warc.gz")
    assert isinstance(article, Article)
    assert article.url == "https://example.org/page"
    assert article.title == "Drone strike injures residents"


def test_damaged_warc() -> None:
    [result] = read_bytes(b"WARC/1.0\r\nnonsense\r\n\r\n", source="a.warc")
    assert isinstance(result, Rejected)
    assert result.reason in {ReasonCode.MALFORMED_WARC, ReasonCode.NO_TEXT}


def test_batch_keeps_good_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / ".hidden.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.html").write_text(HTML, encoding="utf-8")
    results = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    kinds = [
        (Path(r.source).name, "A") if isinstance(r, Article) else (r.input, r.reason.value)
        for r in results
    ]
    assert kinds == [
        (str(tmp_path / ".hidden.txt"), "not_an_article"),
        ("a.txt", "A"),
        (str(tmp_path / "b.txt"), "empty"),
        (str(tmp_path / "c.bin"), "not_an_article"),
        ("d.html", "A"),
        (str(tmp_path / "missing.txt"), "not_found"),
    ]
    for r in results:
        if isinstance(r, Rejected):
            assert r.message and r.at is not None


def test_large_file_rejected_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB that are never read
    [result] = list(read_inputs([str(big)]))
    assert isinstance(result, Rejected) and result.reason is ReasonCode.TOO_LARGE


def test_stdin() -> None:
    [article] = list(read_inputs(["-"], stdin=lambda: io.BytesIO(DUMP.encode())))
    assert isinstance(article, Article) and article.source == "<stdin>"


def test_bytes_over_limit() -> None:
    [result] = read_bytes(b"x" * 101, source="s", options=ReadOptions(max_bytes=100))
    assert isinstance(result, Rejected) and result.reason is ReasonCode.TOO_LARGE


@pytest.mark.parametrize("fmt", ["text", "html", "json", "jsonl", "feed", "warc", None])
@settings(max_examples=25, deadline=None)
@given(data=st.binary(max_size=300))
def test_any_bytes_any_format_never_raise(fmt: str | None, data: bytes) -> None:
    results = read_bytes(data, source="fuzz", fmt=fmt)
    assert results
    for r in results:
        assert isinstance(r, Article | Rejected)
        if isinstance(r, Rejected):
            assert r.reason is not ReasonCode.INTERNAL, r.message
