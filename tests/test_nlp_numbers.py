"""Figures: digits, number words, bounds, ranges, vague words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.nlp.numbers import parse_digits
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


@pytest.mark.parametrize(
    ("lang", "text", "low", "high"),
    [
        ("en", "1,200 people", 1200, 1200),
        ("de", "1.200 Menschen", 1200, 1200),
        ("ru", "1 200 человек", 1200, 1200),
        ("de", "50'983 Menschen", 50983, 50983),  # Swiss grouping (NZZ, SRF)
        ("de", "110’000 Menschen", 110000, 110000),
        ("en", "at least 12 people", 12, None),
        ("en", "more than 200 people", 201, None),
        ("en", "up to 50 people", None, 50),
        ("en", "more than a hundred people", 101, None),
        ("en", "between 5 and 10 people", 5, 10),
        ("en", "5-10 people", 5, 10),
        ("en", "twenty-five people", 25, 25),
        ("en", "two hundred people", 200, 200),
        ("en", "several people", 3, 9),
        ("en", "dozens of people", 24, 99),
        ("en", "some 300 people", 300, 300),
        ("de", "mindestens acht Menschen", 8, None),
        ("de", "mehr als 20 Menschen", 21, None),
        ("de", "bis zu 30 Menschen", None, 30),
        ("de", "fünfundzwanzig Menschen", 25, 25),
        ("de", "mehrere Menschen", 3, 9),
        ("de", "Dutzende Menschen", 24, 99),
        ("de", "Hunderte Menschen", 200, 999),
        ("ru", "не менее пяти человек", 5, None),
        ("ru", "более 100 человек", 101, None),
        ("ru", "трое военных", 3, 3),
        ("ru", "несколько человек", 3, 9),
        ("ru", "десятки людей", 24, 99),
        ("ru", "от 5 до 10 человек", 5, 10),
        ("uk", "щонайменше вісім людей", 8, None),
        ("uk", "понад 40 людей", 41, None),
        ("uk", "п’ятеро військових", 5, 5),
        ("uk", "кілька солдатів", 3, 9),
        ("uk", "сотні людей", 200, 999),
    ],
)
def test_quantity(reader: Reader, lang: str, text: str, low: int | None, high: int | None) -> None:
    qs = reader.analyze(text, lang).quantities
    assert [(q.low, q.high) for q in qs] == [(low, high)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "They walked 5 km in 2024."),
        ("de", "Vor 3 Tagen, 40 Prozent."),
        ("ru", "В 2023 году, 15 км."),
        ("uk", "За 3 дні, 20 %."),
    ],
)
def test_not_head_counts(reader: Reader, lang: str, text: str) -> None:
    assert reader.analyze(text, lang).quantities == ()


def test_parse_digits() -> None:
    assert parse_digits("1.200") == 1200
    assert parse_digits("17") == 17
    assert parse_digits("1,5") is None


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["en", "de", "ru", "uk"]),
    st.lists(
        st.sampled_from(
            [
                *list("0123456789 ,.-–"),
                "more than ",
                "bis zu ",
                "до ",
                "понад ",
                "two ",
                "acht ",
                "трое ",
                "кілька ",
                "dozens of ",
                "hundert ",
            ]
        ),
        max_size=14,
    ).map("".join),
)
def test_never_crashes_and_spans_slice_inside(reader: Reader, lang: str, text: str) -> None:
    for q in reader.analyze(text, lang).quantities:
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert q.low is None or q.high is None or q.low <= q.high


def test_parse_digits_superscripts_and_other_scripts() -> None:
    assert parse_digits("¹") is None  # isdigit() but not a decimal: a footnote mark
    assert parse_digits("12³") is None
    assert parse_digits("١٧") == 17  # Arabic-Indic digits are decimals


_UNICODE_DIGITS = st.characters(categories=["Nd", "No"])


@settings(max_examples=200, deadline=None)
@given(st.text(_UNICODE_DIGITS | st.sampled_from(list(",. \u00a0")), min_size=1, max_size=12))
def test_parse_digits_never_crashes_on_unicode_digits(text: str) -> None:
    value = parse_digits(text)
    assert value is None or (isinstance(value, int) and value >= 0)
    if text.isdecimal():
        assert value == int(text)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["en", "de", "ru", "uk"]),
    st.lists(
        _UNICODE_DIGITS | st.sampled_from([" ", "killed ", "getötet ", "загинули "]), max_size=20
    ).map("".join),
)
def test_reader_never_crashes_on_unicode_digits(reader: Reader, lang: str, text: str) -> None:
    for q in reader.analyze(text, lang).quantities:
        assert 0 <= q.span.start < q.span.end <= len(text)


def test_vague_quantity_inflections_de(reader: Reader) -> None:
    for text in (
        "Bei einigen Angriffen wurden Soldaten getötet.",
        "Einige Soldaten wurden getötet.",
    ):
        qs = reader.analyze(text, "de").quantities
        assert [(q.low, q.high) for q in qs] == [(2, 9)], text
