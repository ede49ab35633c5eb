"""CSV tables with a header: a row per article, bad rows rejected with their line number."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.errors import ConfigError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers import JsonFields, ReadOptions, parse_field_overrides, read_bytes, read_inputs
from fogofwar.readers.csvdoc import sniff_delimiter

REPORTS = Path(str(files("fogofwar.examples").joinpath("inputs", "reports.csv")))


def _read(data: str | bytes, **options: object) -> list[Article | Rejected]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_bytes(raw, source="t.csv", options=ReadOptions(**options))  # type: ignore[arg-type]


def test_bundled_table() -> None:
    results = list(read_inputs([str(REPORTS)]))
    articles = {r.source.rsplit(":", 1)[1]: r for r in results if isinstance(r, Article)}
    rejected = {r.input.rsplit(":", 1)[1]: r for r in results if isinstance(r, Rejected)}
    assert sorted(articles) == ["2", "5", "9"]  # line numbers; row 1 spans lines 2-4
    first = articles["2"]
    assert first.title == "Drone debris damages homes in Kyiv region"
    assert first.publisher == "Example Wire"
    assert first.url == "https://example.org/kyiv-region/debris"
    assert first.published_at == datetime(2024, 9, 6, 7, 30, tzinfo=timezone(timedelta(hours=3)))
    assert first.text.endswith("No one was injured, according to the administration.")
    assert first.language == "en" and first.source_format == "csv"
    assert articles["5"].publisher == "Приклад Новини" and articles["5"].language == "uk"
    assert articles["9"].published == date(2024, 9, 17) and articles["9"].published_at is None
    assert {k: r.reason for k, r in rejected.items()} == {
        "6": ReasonCode.NO_TEXT,
        "7": ReasonCode.MALFORMED_CSV,
        "8": ReasonCode.MALFORMED_CSV,
    }
    assert "line 7: the row has 7 cells, the header 6" in rejected["7"].message
    assert "line 8: the date 'sometime last week' cannot be read" in rejected["8"].message


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("title,text,url", ","),
        ("title;text;url", ";"),
        ("title\ttext\turl", "\t"),
        ("title|text|url", "|"),
        ('"a,b";text;url', ";"),
        ("text", ","),
    ],
)
def test_sniff_delimiter(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("Headline;Content;LINK;date;Source\nT;Body text here.;u;2024-02-01;Out\n", "T"),
        ("\ufefftitle,body\nT,Body text here.\n", "T"),
        ("title\ttext\nT\tBody text here.\n", "T"),
        ("Title ,  TEXT \r\nT,Body text here.\r\n", "T"),
    ],
)
def test_common_column_names_are_found(table: str, expected: str) -> None:
    [article] = _read(table)
    assert isinstance(article, Article)
    assert article.title == expected and article.text == "Body text here."


def test_field_override_and_missing_text_column() -> None:
    table = "heading,story,outlet_name\nT,Story text.,Daily\n"
    [rejected] = _read(table)
    assert isinstance(rejected, Rejected) and rejected.reason is ReasonCode.MALFORMED_CSV
    assert "--field text=COLUMN" in rejected.message and "story" in rejected.message
    fields = parse_field_overrides(["text=story", "title=heading", "publisher=outlet_name"])
    [article] = _read(table, json_fields=fields)
    assert isinstance(article, Article)
    assert (article.title, article.text, article.publisher) == ("T", "Story text.", "Daily")


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (["text"], "must look like NAME=KEY"),
        (["text="], "must look like NAME=KEY"),
        (["body=text"], "unknown field 'body'"),
    ],
)
def test_field_override_errors(specs: list[str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_field_overrides(specs)


def test_field_overrides_repeat_and_keep_other_defaults() -> None:
    fields = parse_field_overrides(["text=a", "TEXT=b,c"])
    assert fields.text == ("a", "b", "c") and fields.title == JsonFields().title


def test_huge_cells_are_read_up_to_the_article_limit() -> None:
    body = "Words of a long report. " * 10_000  # 240 000 characters, beyond csv's 131 072
    [article] = _read(f'title,text\nLong,"{body}"\n')
    assert isinstance(article, Article) and len(article.text) > 200_000
    table = f'title,text\nLong,"{body}"\nShort,Fine.\n'
    too_big, short = _read(table, max_bytes=100_000)
    assert isinstance(too_big, Rejected) and too_big.reason is ReasonCode.TOO_LARGE
    assert too_big.input == "t.csv:2" and "line 2" in too_big.message
    assert isinstance(short, Article)
    [whole] = _read(table, max_bytes=100_000, max_container_bytes=100_000)
    assert isinstance(whole, Rejected) and whole.reason is ReasonCode.TOO_LARGE


def test_unclosed_quote_is_a_row_rejection_not_a_crash() -> None:
    results = _read('title,text\nA,"Fine text."\nB,"never closed\n')
    assert isinstance(results[0], Article)
    assert all(isinstance(r, Article | Rejected) for r in results)


# -- properties -------------------------------------------------------------------------------

# Control characters are left out: NUL bytes make the decoder reject a whole file as binary
# (covered by the property above).
_CELL = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_reads_without_exceptions(text: str) -> None:
    for result in _read(text):
        assert isinstance(result, Article | Rejected)
        if isinstance(result, Rejected):
            assert result.reason is not ReasonCode.INTERNAL, result.message
        else:
            assert result.text and "\x00" not in result.text
            assert ":" in result.source  # every article names its line


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(st.tuples(_CELL, _CELL.filter(lambda s: s.strip())), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_written_tables_read_back_row_by_row(rows: list[tuple[str, str]], delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL)
    writer.writerow(["title", "text"])
    writer.writerows(rows)
    results = _read(buffer.getvalue())
    assert len(results) == len(rows)
    for (title, _), result in zip(rows, results, strict=True):
        if isinstance(result, Article):
            # decoding stores NFC (readers/decoding.py): "\uf900" reads back as "\u8c48"
            expected = " ".join(unicodedata.normalize("NFC", title).split())
            assert result.title == (expected or None)
        else:
            assert result.reason is ReasonCode.NO_TEXT  # text of only markup or controls


@pytest.mark.parametrize("table", ["title,text\n", "title,text\n\n,\n", "\ufeff"])
def test_table_without_rows_is_rejected_not_dropped(table: str) -> None:
    [result] = _read(table)
    assert isinstance(result, Rejected)
    assert result.reason in {ReasonCode.EMPTY, ReasonCode.MALFORMED_CSV}
