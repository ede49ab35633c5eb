"""Time expressions resolved against the publication date (2024-10-24 is a Thursday)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.nlp.dates import weekday_on_or_before
from fogofwar.reader import Reader

PUB = date(2024, 10, 24)


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


@pytest.mark.parametrize(
    ("lang", "text", "start", "end", "precision"),
    [
        ("de", "Das geschah gestern.", "2024-10-23", "2024-10-23", "day"),
        ("en", "It happened yesterday.", "2024-10-23", "2024-10-23", "day"),
        ("ru", "Это произошло вчера.", "2024-10-23", "2024-10-23", "day"),
        ("uk", "Це сталося вчора.", "2024-10-23", "2024-10-23", "day"),
        ("de", "Das geschah am Dienstag.", "2024-10-22", "2024-10-22", "day"),
        ("en", "It happened on Tuesday.", "2024-10-22", "2024-10-22", "day"),
        ("ru", "Это произошло во вторник.", "2024-10-22", "2024-10-22", "day"),
        ("uk", "Це сталося у вівторок.", "2024-10-22", "2024-10-22", "day"),
        ("de", "Es geschah in der Nacht zum Sonntag.", "2024-10-19", "2024-10-20", "day"),
        ("ru", "Это произошло в ночь на воскресенье.", "2024-10-19", "2024-10-20", "day"),
        ("en", "It happened overnight.", "2024-10-23", "2024-10-24", "day"),
        ("de", "Er berichtete kürzlich davon.", None, "2024-10-24", "before_publication"),
        ("en", "He recently said so.", None, "2024-10-24", "before_publication"),
        ("ru", "Он недавно сказал это.", None, "2024-10-24", "before_publication"),
        ("uk", "Він нещодавно сказав це.", None, "2024-10-24", "before_publication"),
        ("de", "Am 3. Oktober 2024 geschah es.", "2024-10-03", "2024-10-03", "day"),
        ("en", "It happened on October 3, 2024.", "2024-10-03", "2024-10-03", "day"),
        ("ru", "Это произошло 3 октября.", "2024-10-03", "2024-10-03", "day"),
        ("uk", "Це сталося 3 жовтня 2024 року.", "2024-10-03", "2024-10-03", "day"),
        ("de", "Am 24.10.2024 geschah es.", "2024-10-24", "2024-10-24", "day"),
        ("en", "It happened on 3/10/2024.", "2024-10-03", "2024-10-03", "day"),
        ("en", "It happened in December 2023.", "2023-12-01", "2023-12-31", "month"),
        ("en", "It happened on December 30.", "2023-12-30", "2023-12-30", "day"),
        ("en", "It happened last week.", "2024-10-14", "2024-10-20", "week"),
        # a day after "since": that day up to publication; not when "until" follows
        ("de", "Seit Sonntag wurden 700 Menschen getötet.", "2024-10-20", "2024-10-24", "day"),
        ("en", "Since Monday, 40 people were killed.", "2024-10-21", "2024-10-24", "day"),
        ("ru", "С 15 октября погибли 5 человек.", "2024-10-15", "2024-10-24", "day"),
        ("uk", "З 15 жовтня загинули п'ятеро людей.", "2024-10-15", "2024-10-24", "day"),
        ("fr", "Depuis dimanche, 40 personnes ont été tuées.", "2024-10-20", "2024-10-24", "day"),
        # a running total since long ago keeps its day (no window of two years)
        ("en", "Since February 24, 2022, 500 were killed.", "2022-02-24", "2022-02-24", "day"),
    ],
)
def test_date(
    reader: Reader, lang: str, text: str, start: str | None, end: str, precision: str
) -> None:
    dates = reader.analyze(text, lang, published=PUB).dates
    assert len(dates) == 1
    d = dates[0]
    assert (d.start.isoformat() if d.start else None, d.end.isoformat(), d.precision.value) == (
        start,
        end,
        precision,
    )


def test_since_with_until_is_a_range_of_its_own(reader: Reader) -> None:
    """ "seit Montag bis Mittwoch": Monday stays a day (the range ends on Wednesday)."""
    dates = reader.analyze("Seit Montag bis Mittwoch wurde gekämpft.", "de", published=PUB).dates
    assert [(d.start, d.end) for d in dates][:1] == [(date(2024, 10, 21), date(2024, 10, 21))]


def test_relative_dates_need_a_publication_date(reader: Reader) -> None:
    assert reader.analyze("It happened yesterday.", "en").dates == ()


def test_weekday_on_or_before() -> None:
    assert weekday_on_or_before(PUB, 3) == PUB
    assert weekday_on_or_before(PUB, 4) == date(2024, 10, 18)


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["en", "de", "ru", "uk"]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.lists(
        st.sampled_from(
            [
                *list("0123456789 ./-"),
                "Oktober ",
                "May ",
                "вторник ",
                "вчора ",
                "in der Nacht zum ",
                "в ночь на ",
                "Sunday ",
                "31 ",
                "29.02.",
            ]
        ),
        max_size=14,
    ).map("".join),
)
def test_never_crashes_and_spans_slice_inside(
    reader: Reader, lang: str, pub: date, text: str
) -> None:
    for d in reader.analyze(text, lang, published=pub).dates:
        assert 0 <= d.span.start < d.span.end <= len(text)
        assert d.start is None or d.start <= d.end
