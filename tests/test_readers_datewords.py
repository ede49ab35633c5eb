"""Tests for written-out dates read without dateparser (:mod:`fogofwar.readers.datewords`)."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fogofwar.readers.datewords import WordDateParser, parse_date_words
from fogofwar.readers.htmldates import publication_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viernes, 22 de Abril de 2022", date(2022, 4, 22)),
        ("Jueves 28 de Abril de 2022 5:03 PM", date(2022, 4, 28)),
        ("15 августа 2016, 13:43", date(2016, 8, 15)),
        ("3 березня 2022 р.", date(2022, 3, 3)),
        ("Samstag, 3. Dezember 2016 um 10:15 Uhr", date(2016, 12, 3)),
        ("Jan 04 09:34 2021", date(2021, 1, 4)),
        ("le 4 janvier 2022 à 18h", date(2022, 1, 4)),
        ("07-30-2008", date(2008, 7, 30)),
        ("26 | 01 | 2022", date(2022, 1, 26)),
        ("2022.01.26", date(2022, 1, 26)),
        # not read: words that are no part of a date, a doubtful order, no four-digit year
        ("Publicado: Jueves, 21 Abril 2022 04:45", None),
        ("Германия 15 августа 2016, 13:43", None),
        ("Landladen April bis Juni: Montag – Sonntag: 08–18", None),
        ("15 avril, 2 et 6 Mai 19", None),
        ("Dieser Beitrag wurde am Samstag, 3. Dezember 201", None),
        ("07-08-2008", None),
        ("31 February 2022", None),
        ("April 2022", None),
    ],
)
def test_parse_date_words(text: str, expected: date | None) -> None:
    found = parse_date_words(text)
    assert (found.date() if found else None) == expected


@given(st.text(max_size=60))
def test_parse_date_words_never_raises(text: str) -> None:
    found = parse_date_words(text)
    assert found is None or 1 <= found.month <= 12
    assert WordDateParser().get_date_data(text)["date_obj"] == found


def test_a_written_out_date_in_the_page_text_is_found() -> None:
    page = (
        "<html><body><article><p class='date'>Viernes, 22 de Abril de 2022</p>"
        "<p>Text of the article, long enough to be one.</p></article></body></html>"
    )
    assert publication_date(lxml.html.fromstring(page), page) == date(2022, 4, 22)
