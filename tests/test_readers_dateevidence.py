"""Tests for the second opinion on htmldate's day: the day a page shows its reader."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.model import Article
from fogofwar.readers import read_bytes
from fogofwar.readers.dateevidence import (
    headline_text,
    markup_days,
    prefer_shown_day,
    shown_text,
    utc_neighbour_day,
    visible_days,
)
from fogofwar.readers.htmldates import publication_date
from html_pages import BODY, tree


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stand: 12.03.2020, 10:15 Uhr", [date(2020, 3, 12)]),
        ("Posted 2020-03-12 by admin", [date(2020, 3, 12)]),
        ("archive/2020/03/12/", [date(2020, 3, 12)]),
        ("12 March 2020", [date(2020, 3, 12)]),
        ("March 12th, 2020 at 6:09 p.m.", [date(2020, 3, 12)]),
        ("Donnerstag, 12. März 2020", [date(2020, 3, 12)]),
        ("12 марта 2020 г.", [date(2020, 3, 12)]),
        ("12 de marzo de 2020", [date(2020, 3, 12)]),
        # the text of adjacent elements runs together in lxml's text serialisation
        ("The Denver PostNovember 8, 2023", [date(2023, 11, 8)]),
        # day and month either way round: both readings
        ("03/12/2020", [date(2020, 12, 3), date(2020, 3, 12)]),
        ("13/03/2020", [date(2020, 3, 13)]),
        # a year alone, a phone number, a period of years: no day
        ("© 2020 Example Media", []),
        ("Tel. 030 12 2020 44", []),
        ("Carta Europea 2010/2016", []),
        ("Blumen 12 2020", []),
    ],
)
def test_visible_days(text: str, expected: list[date]) -> None:
    assert [day for _, day in visible_days(text)] == expected


def test_shown_text_leaves_out_scripts_styles_and_comments() -> None:
    page = (
        "<html><head><title>2020-01-01</title></head><body><p>Am 12.03.2020</p>"
        '<script>var d = "2020-04-05";</script><style>.x{}</style><!-- 2020-06-07 -->'
        "<p>Ende</p></body></html>"
    )
    text = shown_text(tree(page))
    assert "12.03.2020" in text and "Ende" in text
    assert not {"2020-01-01", "2020-04-05", "2020-06-07"} & set(text.split())
    assert "2020-04-05" not in text and "2020-06-07" not in text


def test_markup_days_sorts_fields_by_name() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2021-11-29T14:13:37Z">'
        '<meta property="article:modified_time" content="2022-01-12T14:27:30Z">'
        '<meta name="date" content="11/01/2023 12:43">'
        '<script type="application/ld+json">{"dateModified": "2022-01-12"}</script></head>'
        '<body><article><time datetime="2022-01-14">14.1.</time></article>'
        "<aside><time>15. Januar 2022</time></aside></body></html>"
    )
    evidence = markup_days(tree(page))
    assert evidence[date(2021, 11, 29)].published == 1
    assert evidence[date(2022, 1, 12)].modified == 2
    # a numeric field whose day and month could be either way round gives both readings
    assert evidence[date(2023, 11, 1)].published == evidence[date(2023, 1, 11)].published == 1
    assert evidence[date(2022, 1, 14)].time_article == 1
    assert evidence[date(2022, 1, 15)].time_other == 1


def _page(head: str, shown: str) -> str:
    return f"<html><head>{head}</head><body><article>{shown}{BODY}</article></body></html>"


_PUB_MOD = (
    '<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">'
    '<meta property="article:modified_time" content="2022-01-12T14:27:30+00:00">'
)


@pytest.mark.parametrize(
    ("head", "shown", "found", "expected"),
    [
        # the page prints only its update day: that is the day the reader sees
        (_PUB_MOD, "<p>Aktualisiert am 12.01.2022</p>", date(2021, 11, 29), date(2022, 1, 12)),
        # the published day is printed: kept
        (_PUB_MOD, "<p>29.11.2021</p>", date(2021, 11, 29), date(2021, 11, 29)),
        # neither is printed: htmldate's answer stands
        (_PUB_MOD, "<p>Kein Datum</p>", date(2021, 11, 29), date(2021, 11, 29)),
        # a day printed that the markup does not name is no evidence
        (_PUB_MOD, "<p>03.03.2022</p>", date(2021, 11, 29), date(2021, 11, 29)),
        # a numeric field read the wrong way round; the page prints the right reading
        (
            '<meta name="date" content="11/01/2023 12:43:42">',
            "<p>01.11.2023</p>",
            date(2023, 1, 11),
            date(2023, 11, 1),
        ),
        # a <time> in the article, its text only
        (
            '<meta property="og:updated_time" content="2020-06-02T11:57:06+02:00">',
            "<time>31.03.2020</time>",
            date(2020, 6, 2),
            date(2020, 3, 31),
        ),
        # two other days printed: the one named as the publication day
        (
            '<meta property="article:published_time" content="2023-10-31T08:47:16+00:00">',
            "<p>31.10.2023</p>\n<p><time datetime='2019-10-21'>21.10.2019</time></p>",
            date(2023, 10, 3),
            date(2023, 10, 31),
        ),
        # two other days printed, neither named as published: no choice
        (
            '<meta name="x-date" content="2023-10-30">',
            "<p>30.10.2023</p>\n<p><time datetime='2019-10-21'>21.10.2019</time></p>",
            date(2023, 10, 3),
            date(2023, 10, 3),
        ),
        # htmldate's day is printed too (a photo caption), but the page labels another day
        # its markup names as published: the labelled one
        (
            _PUB_MOD,
            "<p>Published\n January 12, 2022 3:02am</p><p>Photo taken on Nov. 29, 2021.</p>",
            date(2021, 11, 29),
            date(2022, 1, 12),
        ),
        (
            _PUB_MOD,
            "<p>Veröffentlicht am 12.01.2022</p><p>Am 29.11.2021 begann es.</p>",
            date(2021, 11, 29),
            date(2022, 1, 12),
        ),
        # a labelled day the markup does not name is no evidence
        (
            _PUB_MOD,
            "<p>Published March 3, 2022</p><p>Photo taken on Nov. 29, 2021.</p>",
            date(2021, 11, 29),
            date(2021, 11, 29),
        ),
        # "Updated" is no publication label
        (
            _PUB_MOD,
            "<p>Updated January 12, 2022</p><p>Photo taken on Nov. 29, 2021.</p>",
            date(2021, 11, 29),
            date(2021, 11, 29),
        ),
    ],
)
def test_prefer_shown_day(head: str, shown: str, found: date, expected: date) -> None:
    assert prefer_shown_day(found, tree(_page(head, shown))) == expected


def test_the_shown_update_day_is_the_publication_day_read() -> None:
    page = _page(_PUB_MOD, "<p class='meta'>Zuletzt aktualisiert: 12. Januar 2022</p>")
    assert publication_date(tree(page), page) == date(2022, 1, 12)
    [article] = read_bytes(page.encode(), source="p.html")
    assert isinstance(article, Article) and article.published == date(2022, 1, 12)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_visible_days_never_crash_and_stay_in_range(text: str) -> None:
    for offset, day in visible_days(text):
        assert 0 <= offset < len(text) and 1995 <= day.year <= 2100


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<time datetime='2020-13-45'>",
                "<time>",
                "</time>",
                "31.02.2020",
                "2020-02-30",
                "<script>",
                "</script>",
                "<meta name='date' content='99/99/2020'>",
                "<meta name='date' content='2020-02-29'>",
                "<body>",
                "Mai 2020",
                "\x00",
            ]
        ),
        max_size=30,
    )
)
def test_hostile_markup_does_not_crash(parts: list[str]) -> None:
    html = "<html>" + "".join(parts) + "</html>"
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return
    assert isinstance(prefer_shown_day(date(2020, 1, 1), tree), date)


def _headline_page(head: str, byline: str, later: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><nav>Start | Politik</nav><article>"
        f"<h1>Stadtrat beschließt neuen Haushalt</h1><p class='byline'>{byline}</p>"
        f"{BODY}{later}</article></body></html>"
    )


_META_DATE = '<meta name="date" content="2020-04-30">'


@pytest.mark.parametrize(
    ("head", "byline", "later", "found", "expected"),
    [
        # the byline's <time> under the headline names another day than htmldate's field,
        # which the page prints only with a related article further down: the byline's
        (
            _META_DATE,
            "Von Anna Berger <time>29.04.2020, 12:01 Uhr</time>",
            "<ul><li>Mehr zum Thema (30.04.2020)</li></ul>",
            date(2020, 4, 30),
            date(2020, 4, 29),
        ),
        # htmldate's day is printed under the headline: kept
        (
            _META_DATE,
            "Von Anna Berger <time>30.04.2020</time>",
            "<p>Die Sitzung vom 29.04.2020 dauerte lange.</p>",
            date(2020, 4, 30),
            date(2020, 4, 30),
        ),
        # a day only written (no markup names it) right under the headline, while htmldate's
        # day is written nowhere: the written one
        (
            _META_DATE,
            "By Jane Doe, Stand: 28.04.2020 18:00",
            "",
            date(2020, 4, 30),
            date(2020, 4, 28),
        ),
        # … but not when htmldate's day is written elsewhere on the page
        (
            _META_DATE,
            "By Jane Doe, Stand: 28.04.2020 18:00",
            "<p>Fortsetzung am 30.04.2020</p>",
            date(2020, 4, 30),
            date(2020, 4, 30),
        ),
        # no date found at all: the one written under the headline
        ("", "Publicado el 3 de mayo de 2022", "", None, date(2022, 5, 3)),
        # nothing written near the headline: htmldate's answer stands
        (_META_DATE, "Von Anna Berger", "", date(2020, 4, 30), date(2020, 4, 30)),
        # further down the byline (past a long teaser), a date only after its label
        (
            _META_DATE,
            f"{'Ein langer Vorspann ohne Datum. ' * 12}Aktualisiert: 28.04.2020",
            "",
            date(2020, 4, 30),
            date(2020, 4, 28),
        ),
        (
            _META_DATE,
            f"{'Ein langer Vorspann ohne Datum. ' * 12}Am 28.04.2020 begann es.",
            "",
            date(2020, 4, 30),
            date(2020, 4, 30),
        ),
    ],
)
def test_the_day_under_the_headline(
    head: str, byline: str, later: str, found: date | None, expected: date
) -> None:
    assert prefer_shown_day(found, tree(_headline_page(head, byline, later))) == expected


def test_headline_text_marks_the_first_h1_and_leaves_the_tree_as_it_was() -> None:
    page = tree(_headline_page("", "Von Anna Berger"))
    text, at = headline_text(page)
    assert text[at:].startswith("Stadtrat beschließt")
    assert page.find(".//h1").text == "Stadtrat beschließt neuen Haushalt"
    assert headline_text(tree("<html><body><p>Kein Titel</p></body></html>"))[1] == -1


def test_a_quoted_social_media_post_is_no_date_of_the_article() -> None:
    post = (
        '<blockquote class="instagram-media"><p>Ein Beitrag geteilt von Muster (@muster) am '
        '<time datetime="2018-03-27T12:00:00+00:00">Mär 27, 2018 um 12:00 PDT</time></p>'
        "<script>var x = 1;</script></blockquote>"
    )
    page = tree(_page('<meta property="article:published_time" content="2018-05-23">', post))
    assert date(2018, 3, 27) not in markup_days(page)
    assert "2018" not in shown_text(page)
    assert prefer_shown_day(date(2018, 5, 23), page) == date(2018, 5, 23)


@pytest.mark.parametrize(
    ("stamp", "shown", "expected"),
    [
        # 00:53 UTC on 4 May is the evening of 3 May in Buenos Aires, which the page prints
        ("2022-05-04T00:53:29.274Z", "<p>3 de mayo de 2022</p>", date(2022, 5, 3)),
        # 22:10 UTC on 3 May is 4 May in Kyiv
        ("2022-05-03T22:10:00+00:00", "<p>4 травня 2022</p>", date(2022, 5, 4)),
        # the day of the stamp is printed: kept
        ("2022-05-04T00:53:29Z", "<p>4 de mayo de 2022</p>", date(2022, 5, 4)),
        # mid-day: no doubt about the day
        ("2022-05-04T12:53:29Z", "<p>3 de mayo de 2022</p>", date(2022, 5, 4)),
        # an offset is stated: the day at that offset is already the local one
        ("2022-05-04T00:53:29-03:00", "<p>3 de mayo de 2022</p>", date(2022, 5, 4)),
    ],
)
def test_a_utc_stamp_near_midnight_gives_the_local_day_printed(
    stamp: str, shown: str, expected: date
) -> None:
    head = f'<meta property="article:published_time" content="{stamp}">'
    page = _page(head, shown)
    parsed = tree(page)
    written = visible_days(shown_text(parsed))
    found = date.fromisoformat(stamp[:10])
    assert utc_neighbour_day(found, page, markup_days(parsed), written) == expected


@pytest.mark.parametrize(
    ("shown", "found", "expected"),
    [
        # a German blog's footer line ends with the participle: that day was published …
        (
            "<p>Dieser Beitrag wurde am Montag, 5. März 2012 um 09:14 Uhr veröffentlicht.</p>"
            "<p>Siehe auch <a href='/2010/06/alt/'>alt</a></p>",
            date(2010, 6, 1),
            date(2012, 3, 5),
        ),
        # … and a label before the date counts without markup naming the day, when htmldate's
        # day is printed nowhere (or there is none)
        ("<p>Publicado el 7 de junio de 2019</p>", None, date(2019, 6, 7)),
        ("<p>Posted on 7 June 2019</p>", date(2018, 1, 9), date(2019, 6, 7)),
        # htmldate's day printed elsewhere on the page: it stands
        (
            "<p>Posted on 7 June 2019</p><p>Updated 9 January 2018</p>",
            date(2018, 1, 9),
            date(2018, 1, 9),
        ),
    ],
)
def test_a_day_printed_as_published(shown: str, found: date | None, expected: date) -> None:
    assert prefer_shown_day(found, tree(_page("", shown))) == expected


def test_a_page_with_warnings_before_its_html_is_read_for_shown_days() -> None:
    # lxml wraps such a page in a <div> without <head> and <body>
    page = (
        "<br />\n<b>Warning</b>: session_start() failed in <b>index.php</b><br />\n"
        f"<html><head><title>T</title></head><body>{BODY}"
        "<p>Veröffentlicht am 14.05.2014</p></body></html>"
    )
    parsed = tree(page)
    assert parsed.find("body") is None
    assert "14.05.2014" in shown_text(parsed)
    assert prefer_shown_day(None, parsed) == date(2014, 5, 14)
