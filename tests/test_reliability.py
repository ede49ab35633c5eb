"""Issue 12: one article never stops a batch; known fuzz failures fixed at the root (one
regression row each); bounded parsers; idempotent rejections; sections; Hypothesis properties
for every reader, the number and date parsers and the claim reader."""

from __future__ import annotations

import gzip
import itertools
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar.benchmarks.fuzz_bench import fuzz
from fogofwar.model import Article, ReadStatus, ReasonCode, Rejected, clean_text
from fogofwar.nlp.numbers import MAX_DIGITS, parse_digits
from fogofwar.reader import Reader, ReadResult, sections
from fogofwar.readers import ReadOptions
from fogofwar.readers.dates import parse_absolute_date, parse_relative_stamp
from fogofwar.readers.dispatch import FORMATS, read_bytes
from fogofwar.services.engines import InlineEngine, PoolEngine, ReadLimits, guarded_read
from fogofwar.services.ingest import ingest
from fogofwar.store import Store

PROPS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SENT = "Officials said at least 12 people were killed in the attack on Kharkiv on Monday. "


def _warc_record(headers: bytes, http: bytes) -> bytes:
    return b"WARC/1.0\r\n" + headers + b"\r\n" + http + b"\r\n\r\n"


# -- known fuzz failures, one row each ---------------------------------------------------------

REGRESSIONS = [
    pytest.param(
        b'{"title": "x\\ud800y", "text": "' + SENT.encode() + b'\\udc00"}',
        "json",
        None,
        id="json-lone-surrogates",
    ),
    pytest.param(
        b'{"title": "a", "text": "' + SENT.encode() + b'\\ud83d"}\n{"title": "b", "text": "zz"}',
        "jsonl",
        None,
        id="jsonl-lone-surrogate",
    ),
    pytest.param(
        b"<rss><channel><item><title>x</title><description>&lt;p&gt;"
        + SENT.encode()
        + b"\x0c&lt;/p&gt;</description></item></channel></rss>",
        "feed",
        None,
        id="lxml-strings-must-be-xml-compatible",
    ),
    pytest.param(
        b"<rss><channel><item><title>x&#xD800;</title><description>"
        + SENT.encode()
        + b"&#0;</description></item></channel></rss>",
        "feed",
        None,
        id="feedparser-surrogate-charref",
    ),
    pytest.param(
        _warc_record(b"WARC-Type: response\r\nContent-Length: 10\r\n", b"0123456789"),
        "warc",
        ReasonCode.MALFORMED_WARC,
        id="warcio-missing-target-uri",
    ),
    pytest.param(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<rss><channel><item><title>t</title><description>&b;</description></item>"
        b"</channel></rss>",
        "feed",
        ReasonCode.MALFORMED_FEED,
        id="feed-entity-expansion-refused",
    ),
    pytest.param(
        b"<html><body>" + b"<div>" * 20_000 + SENT.encode() * 3 + b"</div>" * 20_000 + b"</body>",
        "html",
        "any",
        id="deeply-nested-html",
    ),
]


@pytest.mark.parametrize(("data", "fmt", "reason"), REGRESSIONS)
def test_known_fuzz_failures_are_handled(
    data: bytes, fmt: str, reason: ReasonCode | str | None
) -> None:
    out = read_bytes(data, source="case", fmt=fmt)
    assert out
    rejected = [r for r in out if isinstance(r, Rejected)]
    assert all(r.reason is not ReasonCode.INTERNAL for r in rejected), rejected
    if reason is None:
        arts = [a for a in out if isinstance(a, Article)]
        assert arts and all(clean_text(a.text) == a.text for a in arts)
        assert all(a.title is None or clean_text(a.title) == a.title for a in arts)
    elif reason != "any":
        assert [r.reason for r in rejected] == [reason]


def test_warc_size_cap_applies_after_decompression() -> None:
    page = b"<html><body><p>" + SENT.encode() * 2000 + b"</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    headers = (
        b"WARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: http://example.test/\r\nWARC-Date: 2024-10-01T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http)).encode() + b"\r\n"
    )
    bomb = b"".join(gzip.compress(_warc_record(headers, http)) for _ in range(5))
    small = ReadOptions(max_bytes=len(page) * 2)
    assert len(bomb) < small.max_bytes
    out = read_bytes(bomb, source="bomb.warc.gz", options=small)
    assert [r.reason for r in out if isinstance(r, Rejected)] == [ReasonCode.TOO_LARGE]


def test_gzip_feed_cap_applies_after_decompression() -> None:
    feed = b"<rss><channel>" + b"<item><title>t</title></item>" * 50_000 + b"</channel></rss>"
    out = read_bytes(gzip.compress(feed), source="f.rss.gz", options=ReadOptions(max_bytes=10**5))
    assert [r.reason for r in out if isinstance(r, Rejected)] == [ReasonCode.TOO_LARGE]


def test_clean_text_keeps_tabs_and_line_breaks() -> None:
    assert clean_text("a\x00b\ud800c\td\ne\r\x1ff\x0bg") == "ab\ufffdc\td\ne\r f g"


def test_article_create_cleans_every_text_field() -> None:
    a = Article.create(source="s\ud800", text="x\x00y", title="t\x01", authors=("a\udc00",))
    assert (a.source, a.text, a.title, a.authors) == ("s\ufffd", "xy", "t ", ("a\ufffd",))


# -- bounded number and date parsing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7" * 5000, None),
        ("1," + "000," * 3000 + "000", None),
        ("9" * MAX_DIGITS, int("9" * MAX_DIGITS)),
        ("9" * (MAX_DIGITS + 1), None),
        ("1,200", 1200),
        ("١٧", 17),
        ("¹", None),
    ],
)
def test_parse_digits_is_bounded(text: str, value: int | None) -> None:
    assert parse_digits(text) == value


@given(st.text(max_size=200))
@PROPS
def test_parse_digits_never_raises(text: str) -> None:
    value = parse_digits(text)
    assert value is None or 0 <= value < 10**MAX_DIGITS


@given(st.text(max_size=120), st.sampled_from([None, "en", "de", "ru", "uk", "fr", "xx"]))
@PROPS
def test_reader_date_parsers_never_raise(line: str, lang: str | None) -> None:
    parse_relative_stamp(line, lang)
    parse_absolute_date(line, lang)


# -- every reader: no exception escapes, no catch-all reason -----------------------------------


@given(st.binary(max_size=2000), st.sampled_from([None, *FORMATS]))
@PROPS
def test_read_bytes_never_raises_nor_hides_a_bug(data: bytes, fmt: str | None) -> None:
    for item in read_bytes(data, source="fuzz", fmt=fmt):
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Rejected):
            assert item.reason is not ReasonCode.INTERNAL, item.message


@given(st.text(max_size=1500), st.sampled_from(["json", "jsonl", "html", "feed", "text"]))
@PROPS
def test_text_inputs_never_raise(text: str, fmt: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    for item in read_bytes(data, source="fuzz", fmt=fmt):
        if isinstance(item, Rejected):
            assert item.reason is not ReasonCode.INTERNAL, item.message
        else:
            assert clean_text(item.text) == item.text


def test_short_fuzz_run_finds_no_failure() -> None:
    report = fuzz(300, seed=12)
    print(report.summary())
    assert report.tried == 300 and report.articles > 0
    assert report.failures == []


# -- sections ----------------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(10, 400))
@PROPS
def test_sections_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    parts = sections(text, limit)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    assert all(0 < e - s <= limit for s, e in parts) or text == ""


def test_sections_cut_at_paragraphs_first() -> None:
    text = "one two.\n\nthree four. five six seven"
    assert sections(text, 16)[0] == (0, 10)


# -- the claim reader and the guard ------------------------------------------------------------


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


@given(st.text(max_size=600), st.sampled_from(["en", "de", "ru", "uk", "fr"]))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_claim_reader_never_raises(reader: Reader, text: str, lang: str) -> None:
    result = reader.read_text(text, lang, published=date(2024, 10, 1))
    assert result.status is ReadStatus.READ
    for c in result.claims:
        assert 0 <= c.span.start <= c.span.end


def test_a_5000_digit_number_reads(reader: Reader) -> None:
    text = f"At least {'7' * 5000} people were killed, police said. " + SENT
    assert reader.read_text(text, "en").status is ReadStatus.READ


def test_long_text_is_read_in_sections_with_article_offsets(reader: Reader) -> None:
    text = "\n\n".join([SENT * 3] * 400)  # ~100k characters
    article = Article.create(source="long", text=text, language="en")
    result = reader.read(article)
    assert len(sections(text)) > 1
    starts = [c.span.start for c in result.claims if not c.in_headline]
    assert max(starts) > 50_000
    for c in result.claims:
        assert c.span.slice(text).strip()


class Exploding(Reader):
    """A reader that fails on articles whose text says so (the guard under test)."""

    def read(self, article: Article) -> ReadResult:
        if "EXPLODE" in article.text:
            raise ValueError("Exceeds the limit (4300 digits)")
        if "HANG" in article.text:
            while True:
                pass
        if "DIE" in article.text:
            os._exit(9)
        return super().read(article)


def exploding() -> Reader:
    """Factory for pool workers."""
    return Exploding.offline()  # type: ignore[return-value]


def _arts(*texts: str) -> list[Article]:
    return [Article.create(source=f"s{i}", text=t, language="en") for i, t in enumerate(texts)]


def test_guard_turns_exceptions_and_timeouts_into_rejections() -> None:
    r = exploding()
    boom, hang, fine = _arts("EXPLODE " + SENT, "HANG", SENT)
    limits = ReadLimits(seconds=0.5)
    out = guarded_read(r, boom, limits)
    assert out.result is None and out.rejection is not None
    assert (out.rejection.reason, out.rejection.stage) == (ReasonCode.READ_FAILED, "claims")
    assert "Exceeds the limit" in out.rejection.message
    out = guarded_read(r, hang, limits)
    assert out.rejection is not None and out.rejection.reason is ReasonCode.TIMEOUT
    assert guarded_read(r, fine, limits).result is not None


def test_pool_isolates_a_worker_that_dies() -> None:
    engine = PoolEngine(exploding, jobs=2, limits=ReadLimits(seconds=30))
    try:
        articles = _arts(SENT, "DIE " + SENT, SENT + " Again.", "EXPLODE", SENT + " Third.")
        out = list(engine.map(articles))
    finally:
        engine.close()
    assert [o.article.id for o in out] == [a.id for a in articles]
    reasons = [o.rejection.reason if o.rejection else None for o in out]
    assert reasons == [None, ReasonCode.MEMORY_LIMIT, None, ReasonCode.READ_FAILED, None]


def _write(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir(exist_ok=True)
    for i, t in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(t, "utf-8")
    return [str(folder)]


def test_one_bad_article_never_stops_ingest_and_rejections_are_counted(
    store: Store, tmp_path: Path
) -> None:
    texts = [SENT + f"Report number {i} of the day." for i in range(5)]
    texts[2] = "EXPLODE " + SENT
    inputs = _write(tmp_path / "in", texts)
    (tmp_path / "in" / "junk.txt").write_bytes(bytes(range(256)) * 8)  # binary in disguise
    engine = InlineEngine(exploding())
    first = ingest(inputs, store, engine, link_events=False)
    assert (first.inserted, first.rejected, first.not_read) == (5, 2, 1)
    again = ingest(inputs, store, engine, link_events=False)
    assert again.existing == 5
    failed = store.list_rejections(reason=ReasonCode.READ_FAILED)
    assert [(r.stage, r.count) for r in failed] == [("claims", 1)]  # read once: not pending
    binary = store.list_rejections(reason=ReasonCode.BINARY)
    assert [r.count for r in binary] == [2]  # a re-run counts, never repeats
    stored = {a.source: a for a in store.list_articles(limit=10)}
    bad = next(a for a in stored.values() if a.source.endswith("02.txt"))
    assert bad.read_status is ReadStatus.NOT_READ


# -- operations: doctor and the rejections summary ---------------------------------------------


def test_doctor_names_every_check_and_what_to_fix(tmp_path: Path) -> None:
    from fogofwar.services import doctor

    checks = {c.name: c for c in doctor(str(tmp_path / "new.db"))}
    assert {"packages", "clause model", "gazetteer index", "database", "migrations"} <= set(checks)
    assert {"process pool", "ray"} <= set(checks)
    assert checks["database"].ok and checks["packages"].ok
    assert all(c.ok or c.fix for c in checks.values())
    broken = {c.name: c for c in doctor("postgresql://nobody@127.0.0.1:1/none")}
    assert not broken["database"].ok and broken["database"].fix


def test_rejects_summary_counts_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from fogofwar.cli import app
    from fogofwar.cli.run import run_app

    db = str(tmp_path / "t.db")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 8)
    for _ in range(2):
        assert run_app(app, ["--db", db, "-q", "ingest", "--no-claims", str(junk)]) == 0
    capsys.readouterr()
    assert run_app(app, ["--db", db, "rejects", "--summary"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert rows == [{"reason": "binary", "stage": "read", "inputs": 1, "times": 2}]


def test_reading_events_links_what_a_killed_run_left(
    store: Store, tmp_path: Path, reader: Reader
) -> None:
    from fogofwar import PIPELINE_VERSION, services

    texts = [
        "Russian shelling killed three civilians in Kharkiv on Monday, the governor said.",
        "Three civilians were killed by Russian shelling of Kharkiv, officials said on Monday.",
    ]
    inputs = _write(tmp_path / "in", texts)
    ingest(inputs, store, reader, link_events=False)  # as if killed before linking
    assert len(store.unlinked_articles(PIPELINE_VERSION)) == 2
    events = services.list_events(store)
    assert events and store.unlinked_articles(PIPELINE_VERSION) == []
    again = ingest(inputs, store, reader)  # nothing left: nothing linked twice
    assert again.existing == 2
    assert store.events.claims_in_several_events() == 0  # type: ignore[attr-defined]
