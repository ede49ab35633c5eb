"""Tests for HTML reading past the extractors: dates, body fallbacks, boilerplate, charsets."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.model import Article
from fogofwar.readers import read_bytes
from fogofwar.readers.boilerplate import trim_boilerplate
from fogofwar.readers.decoding import decode_html
from fogofwar.readers.htmldates import local_day, publication_date, structured_date
from fogofwar.readers.htmljoin import join_sibling_parts
from fogofwar.readers.htmllead import lead_before_body
from fogofwar.readers.htmlprune import drop_named_blocks
from html_pages import BODY, tree


@pytest.mark.parametrize(
    ("value", "page", "expected"),
    [
        ("2020-04-28T22:30:00+02:00", "", date(2020, 4, 28)),
        ("2020-04-28T22:30:00Z", "", date(2020, 4, 28)),
        ("2020-04-28T22:30:00Z", '"dateModified": "2020-04-29T09:00:00+02:00"', date(2020, 4, 29)),
        ("2020-04-29T01:30:00+00:00", "x 2020-04-29T09:00:00-05:00", date(2020, 4, 28)),
        ("2022-11-06T23:00:00.000Z", "", date(2022, 11, 7)),
        ("2022-11-06T23:00:00-05:00", "", date(2022, 11, 6)),
        ("2020-04-28", "", date(2020, 4, 28)),
        ("2020-04-28 10:00", "", date(2020, 4, 28)),
        ("2020-04-28Tgarbage", "", date(2020, 4, 28)),
        ("28.04.2020", "", None),
    ],
)
def test_local_day(value: str, page: str, expected: date | None) -> None:
    assert local_day(value, page) == expected


def test_structured_date_is_read_leniently() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished" : "2021-03-05T23:10:00Z", "x": "2021-03-06T08:00:00+01:00"}'
        "</script></head><body><p>x</p></body></html>"
    )
    assert structured_date(tree(page), page) == date(2021, 3, 6)


def test_htmldate_reads_the_page_as_it_came() -> None:
    # the date is only in an HTML comment, which trafilatura's loader drops
    page = f"<html><body><!-- published 2019-06-13 --><article>{BODY}</article></body></html>"
    [article] = read_bytes(page.encode(), source="c.html")
    assert isinstance(article, Article) and article.published == date(2019, 6, 13)


def test_a_bare_year_is_no_publication_day() -> None:
    page = (
        "<html><body><footer>© 2004 Example Media</footer><article>"
        '<p class="date">Posted June 13, 2019</p>'
        f"{BODY}</article></body></html>"
    )
    found = publication_date(tree(page), page)
    assert found is not None and (found.month, found.day) != (1, 1)


def test_new_years_day_written_in_full_is_kept() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://blog.example.org/2019/01/01/new/">'
        f"</head><body><article>{BODY}</article></body></html>"
    )
    assert publication_date(tree(page), page) == date(2019, 1, 1)


def test_short_precision_body_falls_back() -> None:
    # no <article> and short paragraphs in divs: precision mode keeps little, recall more
    divs = "".join(
        f"<div class='c'>Sentence {n} of a short community note about the road repairs.</div>"
        for n in range(6)
    )
    page = f"<html><body><div id='main'>{divs}</div></body></html>"
    [article] = read_bytes(page.encode(), source="s.html")
    assert isinstance(article, Article) and "Sentence 5" in article.text


def test_related_block_at_the_end_is_cut() -> None:
    page = (
        f"<html><body><article>{BODY}<p>Lesen Sie auch:</p>"
        "<p>A completely different story about the weather that links elsewhere.</p>"
        "<p>Foto: Agentur</p></article></body></html>"
    )
    [article] = read_bytes(page.encode(), source="r.html")
    assert isinstance(article, Article)
    assert "Paragraph 8" in article.text and "weather" not in article.text
    assert "Foto:" not in article.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A\n\nB\n\nC\n\nD\n\nRelated articles\n\nE", "A\n\nB\n\nC\n\nD"),
        ("Read more\n\nB\n\nC\n\nD", "Read more\n\nB\n\nC\n\nD"),  # not in the tail
        ("A\n\n© 2020 Example\n\nB", "A\n\nB"),
        ("A\n\nB\n\nC\n\nD\n\nRelated talks between the two sides stalled again.", None),
        ("A\n\nФото: Іван Петренко\n\nB\n\nЧитайте також:\n\nC", "A\n\nB"),
        ("A\n\nSign up to get the best stories of the week.\n\nB", "A\n\nB"),
        ("A\n\nExample Daily Newsletter\n\nB", "A\n\nB"),
        ("A\n\nSubscribe now to our e-edition for the full story.", "A"),
        ("A\n\nVEA TAMBIÉN: Otra noticia sobre el clima\n\nB\n\nC", "A\n\nB\n\nC"),
        ("A\n\nLesen Sie auch: Streit um Brücke\n\nB\n\nC\n\nD", "A\n\nB\n\nC\n\nD"),
        ("A\n\nFeatured image by Jane Roe/Agency.\n\nB", "A\n\nB"),
        (
            "A\n\n© 2022, Example News. This article is the copyrighted property of Example "
            "News. Written permission must be obtained before reprint in online or print media.",
            "A",
        ),
        ("A\n\nThe newsletter went to all members on Monday, officials said.\n\nB", None),
        ("A\n\nSubscribers complained about the price rise.\n\nB", None),
        ("A\n\nRead also the minister's statement, which was published today.\n\nB", None),
        ("Anzeige, enthält Affiliate Links\n\nA\n\nB", "A\n\nB"),
        ("This post contains references to products from our advertisers.\n\nA", "A"),
        ("Anzeige gegen den Bürgermeister erstattet.\n\nA", None),
        ("A\n\nB\n\nC\n\nD\n\nKeine Kommentare\n\nE", "A\n\nB\n\nC\n\nD"),
        ("A\n\nB\n\nC\n\nD\n\nKontakt:\n\nPresse", "A\n\nB\n\nC\n\nD"),
        ("A\n\nB\n\nC\n\nD\n\nKontakt zu den Behörden abgebrochen\n\nE", None),
        ("A\n\nB\n\nC\n\nD\n\nMehr zum Thema auf example.de\n\nE", "A\n\nB\n\nC\n\nD"),
        ("A\n\nZum Newsletter anmelden\n\nB", "A\n\nB"),
        (
            "A\n\nB\n\nC\n\nD\n\nWeitere aktuelle Themen aus der Arbeitswelt\n\nE",
            "A\n\nB\n\nC\n\nD",
        ),
        ("A\n\nUnterstütze RosaMag bereits mit 2,50!\n\nB", "A\n\nB"),
        ("A\n\nSupport our journalism with a monthly gift\n\nB", "A\n\nB"),
        ("A\n\nUnterstützen Sie die Opfer, sagte der Bürgermeister.\n\nB", None),
        ("A\n\nSupport for the ceasefire grew on Monday.\n\nB", None),
        # a section label alone, before the tail: that line only
        ("A\n\nWeitere Informationen:\n\nB\n\nC\n\nD\n\nE", "A\n\nB\n\nC\n\nD\n\nE"),
        ("A\n\nKontakt:\n\nB\n\nC\n\nD\n\nE", "A\n\nB\n\nC\n\nD\n\nE"),
        ("A\n\nKontakt: Polizei Berlin, Tel. 110\n\nB\n\nC\n\nD\n\nE", None),
        # a link line to one article in the tail: that line only, the text goes on after it
        ("A\n\nB\n\nC\n\nD\n\nCzytaj też: Wyścig zbrojeń ruszył\n\nE", "A\n\nB\n\nC\n\nD\n\nE"),
        ("A\n\nB\n\nC\n\nD\n\nCzytaj też:\n\nE", "A\n\nB\n\nC\n\nD"),
        # a box ending in its button, the site's channel elsewhere, a call to comment
        ("A\n\nWant our weekly briefing in your inbox? Sign up here\n\nB", "A\n\nB"),
        ("A\n\nAbonnieren Sie unseren Telegram-Kanal!\n\nB", "A\n\nB"),
        ("A\n\n¡No te pierdas nuestro canal de YouTube!\n\nB", "A\n\nB"),
        ("A\n\nПодписывайтесь на наш Telegram-канал\n\nB", "A\n\nB"),
        ("A\n\nLet us know in the comments: would you take the train?\n\nB", "A\n\nB"),
        ("A\n\nSchreiben Sie uns in den Kommentaren, was Sie denken.\n\nB", "A\n\nB"),
        ("A\n\nYou must be logged in to post a comment.", "A"),
        ("A\n\nVous devez être connecté pour publier un commentaire.", "A"),
        ("A\n\n(Alle Angaben ohne Gewähr)\n\nB", "A\n\nB"),
        # a link line read "here", a donation appeal, a pointer to a website
        ("A\n\nLesen Sie hier: Neue Brücke eröffnet\n\nB", "A\n\nB"),
        ("A\n\nЧитайте здесь: Новый мост открыт\n\nB", "A\n\nB"),
        ("A\n\n| We need your help. Keep independent reporting alive. Donate |\n\nB", "A\n\nB"),
        ("A\n\nNecesitamos tu apoyo. Hazte socio hoy.\n\nB", "A\n\nB"),
        ("A\n\nWeitere Informationen gibt es auf der Website des Vereins.\n\nB", "A\n\nB"),
        ("A\n\nMehr Infos unter www.example.de.\n\nB", "A\n\nB"),
        ("A\n\nMore information at www.example.org\n\nB", "A\n\nB"),
        ("A\n\nWeitere Informationen lagen der Polizei zunächst nicht vor.\n\nB", None),
        ("A\n\nWe need your help to find the missing boy, the police said.\n\nB", None),
        ("A\n\n“We need your help. The shelling has not stopped,” he said.\n\nB", None),
        # a news agency's sign-off
        ("A\n\nB\n\nmk/PAP", "A\n\nB"),
        ("A\n\nB\n\n(dpa)", "A\n\nB"),
        ("A\n\nB\n\nrk/AFP/Reuters", "A\n\nB"),
        # the same words in the article's own sentences stay
        ("A\n\nThe army said its Telegram channel was hacked on Monday.\n\nB", None),
        ("A\n\n“Our Telegram channel was hacked,” the spokesman said.\n\nB", None),
        ("A\n\nReuters reported the strike first.\n\nB", None),
        ("A\n\nHe told us in the comments section of the forum that he had left.\n\nB", None),
    ],
)
def test_trim_boilerplate(body: str, expected: str | None) -> None:
    assert trim_boilerplate(body) == (body if expected is None else expected)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="абвгґдежзийклмнопрстуфхцчшщьюяАБВ іїє.,", min_size=1, max_size=200))
def test_declared_charset_round_trips(text: str) -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{text}x</p></body></html>'
    assert decode_html(page.encode("cp1251"), source="p.html") == page


def test_a_few_broken_bytes_do_not_reject_a_page() -> None:
    page = b'<meta charset="utf-8"><p>caf\xc3\xa9 \xbb ' + b"ok " * 200 + b"</p>"
    text = decode_html(page, source="p.html")
    assert "café \ufffd ok" in text


def test_latin1_declaration_reads_as_windows_1252() -> None:
    page = '<meta charset="iso-8859-1"><p>„Zitat“ – Grüße</p>'.encode("cp1252")
    assert "„Zitat“ – Grüße" in decode_html(page, source="p.html")


def test_utf8_wins_over_a_wrong_declaration() -> None:
    page = '<meta charset="iso-8859-1"><p>Grüße</p>'.encode()
    assert "Grüße" in decode_html(page, source="p.html")


def test_only_a_copyright_year_gives_no_date() -> None:
    page = f"<html><body><article>{BODY}</article><footer>© 2004 Example</footer></body></html>"
    [article] = read_bytes(page.encode(), source="y.html")
    assert isinstance(article, Article) and article.published is None


def test_local_midnight_in_utc_is_the_next_day() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2022-11-06T23:00:00.000Z">'
        f"</head><body><article>{BODY}</article></body></html>"
    )
    assert publication_date(tree(page), page) == date(2022, 11, 7)


def _module(cls: str, *paras: str) -> str:
    return (
        f'<div class="{cls}"><div class="inner">'
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</div></div>"
    )


_LEAD = (
    "The first part of the story sits in a block of its own, as page builders often put it, "
    "with a second clause to make it as long as a lead."
)
_MORE = "It goes on in the next block, which the extractor kept together with the one after it."
_LAST = "And it ends here, in a third paragraph that the extractor also kept in the body text."


@pytest.mark.parametrize(
    ("first", "expected_lead"),
    [
        (_module("mod mod--text", _LEAD, _LEAD.replace("first", "second")), True),
        (_module("teaser", _LEAD, _LEAD.replace("first", "second")), False),  # another kind
        (_module("mod mod--text", f'<a href="/x">{_LEAD}</a>', _LEAD + " Again."), False),
        (_module("mod mod--text", "Short line.", "Too short too."), False),
    ],
)
def test_sibling_parts_of_the_same_kind_are_joined(first: str, expected_lead: bool) -> None:
    page = f"<html><body><main>{first}{_module('mod mod--text', _MORE, _LAST)}</main></body></html>"
    tree = lxml.html.fromstring(page)
    body = f"{_MORE}\n\n{_LAST}"
    joined = join_sibling_parts(tree, body)
    assert joined.endswith(body)
    assert (_LEAD in joined) == expected_lead


@pytest.mark.parametrize(("depth", "expected_lead"), [(2, True), (3, False)])
def test_sibling_parts_are_looked_for_up_to_four_levels_above_the_body(
    depth: int, expected_lead: bool
) -> None:
    wrapped = _module("mod mod--text", _MORE, _LAST)
    for _ in range(depth):
        wrapped = f"<div>{wrapped}</div>"
    first = _module("mod mod--text", _LEAD, _LEAD.replace("first", "second"))
    page = (
        f'<html><body><main><section class="part">{first}</section>'
        f'<section class="part">{wrapped}</section></main></body></html>'
    )
    joined = join_sibling_parts(lxml.html.fromstring(page), f"{_MORE}\n\n{_LAST}")
    assert (_LEAD in joined) == expected_lead


@pytest.mark.parametrize(
    ("between", "expected_lead"),
    [
        (f'<div class="standfirst"><p>{_LEAD}</p></div>', True),
        (f"<figure><figcaption><p>{_LEAD}</p></figcaption></figure>", False),
        (f'<div class="promo"><p><a href="/other">{_LEAD}</a></p></div>', False),
        ("".join(f"<p>{_LEAD} ({n})</p>" for n in range(4)), False),  # not a lead: a page part
    ],
)
def test_a_lead_between_headline_and_body_is_kept(between: str, expected_lead: bool) -> None:
    page = (
        f"<html><body><h1>Headline</h1>{between}"
        f"<article><p>{_MORE}</p><p>{_LAST}</p></article></body></html>"
    )
    body = f"{_MORE}\n\n{_LAST}"
    joined = lead_before_body(lxml.html.fromstring(page), body)
    assert joined.endswith(body)
    assert (_LEAD in joined) == expected_lead


_SUB = "Storms and snow are expected in the centre and south today"  # no sentence end


def _article_page(near: str, far: str = "") -> str:
    """A page whose first ``<h1>`` is the site's name, ``far`` beside it near the root and
    ``near`` in the article's header, three levels above the body's paragraphs."""
    return (
        f'<html><body><div class="top"><h1>Site</h1>{far}</div><div id="page"><div class="col">'
        f'<main><article><header class="head">{near}</header><div class="text">'
        f"<p>{_MORE}</p><p>{_LAST}</p></div></article></main></div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "expected_lead"),
    [
        # a block whose class names a lead, sentence end or not
        (_article_page(f'<div class="article-intro">{_SUB}</div>'), True),
        (_article_page(f'<p class="entry__subtitle">{_SUB}</p>'), True),
        (_article_page(f'<div class="documentDescription">{_SUB}</div>'), True),
        (_article_page(f'<div class="field--name-field-abstract"><p>{_SUB}</p></div>'), True),
        # a prose paragraph in the article's header
        (_article_page(f"<p>{_LEAD}</p>"), True),
        # a sub-headline in the headline's hgroup
        (
            f"<html><body><article><hgroup><h1>Headline</h1><h2>{_SUB}</h2></hgroup>"
            f"<div><p>{_MORE}</p><p>{_LAST}</p></div></article></body></html>",
            True,
        ),
        # the same words in a block not named as a lead, too short, or a lead image's caption
        (_article_page(f'<div class="box">{_SUB}</div>'), False),
        (_article_page('<div class="intro">Read this now</div>'), False),
        (
            _article_page(
                f'<div class="lead-asset"><figure><img src="x.jpg">{_SUB}</figure></div>'
            ),
            False,
        ),
        # a lead-named block in a caption, or the site's tagline by the masthead
        (_article_page(f'<div class="caption"><div class="summary">{_SUB}</div></div>'), False),
        (_article_page("", far=f'<h2 class="site-description">{_SUB}</h2>'), False),
        # a lead-named block far from the body (it meets the body only near the root)
        (_article_page("", far=f'<div class="summary">{_SUB}</div>'), False),
        (_article_page("", far=f"<p>{_LEAD}</p>"), False),
    ],
)
def test_a_lead_block_before_the_body_is_kept(page: str, expected_lead: bool) -> None:
    body = f"{_MORE}\n\n{_LAST}"
    joined = lead_before_body(lxml.html.fromstring(page), body)
    assert joined.endswith(body)
    assert (_SUB in joined or _LEAD in joined) == expected_lead


def _headless_page(lead: str, footer: str = "") -> str:
    """A page without an ``<h1>`` before the body (``footer`` may hold one after it)."""
    return (
        f'<html><body><div id="page"><main><article><div class="head">{lead}</div>'
        f'<div class="text"><p>{_MORE}</p><p>{_LAST}</p></div></article></main>'
        f"<footer>{footer}</footer></div></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "expected_lead"),
    [
        # no headline at all, or only one in the footer: a lead-named block still counts …
        (_headless_page(f'<div class="teaser-text">{_SUB}</div>'), True),
        (_headless_page(f'<div class="intro">{_SUB}</div>', "<h1>Impressum</h1>"), True),
        # … a plain paragraph does not (nothing says where the article starts)
        (_headless_page(f"<p>{_LEAD}</p>"), False),
    ],
)
def test_a_lead_block_is_kept_on_a_page_without_a_headline_before_the_body(
    page: str, expected_lead: bool
) -> None:
    body = f"{_MORE}\n\n{_LAST}"
    joined = lead_before_body(lxml.html.fromstring(page), body)
    assert joined.endswith(body)
    assert (_SUB in joined or _LEAD in joined) == expected_lead


def test_the_body_starts_at_a_paragraph_split_by_a_line_break() -> None:
    # the body's first paragraph is half of a <p> (a <br> split it): the body starts there,
    # so the prose paragraph after it is no lead
    half = "Councillors met again on Monday evening to discuss the budget"
    page = (
        f'<html><body><h1>Headline</h1><article><div class="intro">{_SUB}</div>'
        f"<p>{half}<br>and the rest.</p><p>{_LEAD}</p><p>{_MORE}</p></article></body></html>"
    )
    body = f"{half}\n\nand the rest.\n\n{_MORE}"
    joined = lead_before_body(lxml.html.fromstring(page), body)
    assert joined == f"{_SUB}\n\n{body}"


def test_no_lead_is_guessed_when_the_body_is_not_found_in_the_page() -> None:
    page = f"<html><body><h1>Headline</h1><p>{_LEAD}</p><div>{_MORE}</div></body></html>"
    assert lead_before_body(lxml.html.fromstring(page), _MORE) == _MORE


_DATEISH = st.text(alphabet='0123456789/.-_ ©:aZ<>"=٣', max_size=300)


@settings(max_examples=300, deadline=None)
@given(_DATEISH)
def test_digit_patterns_match_the_same_in_the_shortened_page(page: str) -> None:
    """htmldate's digit-only date patterns find the same matches, as often, in the page with
    its non-digit stretches shortened as in the page itself."""
    from collections import Counter

    from fogofwar.readers.htmldates import _digit_patterns, _digits_only_view

    view = _digits_only_view(page)
    assert _digit_patterns()
    for pattern in _digit_patterns():
        assert Counter(pattern.findall(view)) == Counter(pattern.findall(page)), pattern.pattern


def test_shortened_page_keeps_the_characters_around_digits() -> None:
    from fogofwar.readers.htmldates import _digits_only_view

    page = '<span class="date">12.03.2021</span> <a href="/2021/03/12/x">'
    assert _digits_only_view(page) == "<>12.03.2021</2021/03/12/>"


@pytest.mark.parametrize(
    ("chrome", "expected"),
    [
        # the masthead's "today" in the site header is not the article's day
        ('<header class="site"><time class="date">Samstag, 19. Oktober 2019</time></header>', 18),
        # nor a date in the navigation
        ('<nav><span class="date">19.10.2019</span><a href="/">Start</a></nav>', 18),
        # a header with the headline is the article's own: its date counts
        ('<header><h1>Titel</h1><time class="date">19.10.2019</time></header>', 19),
    ],
)
def test_site_header_and_navigation_dates_are_not_the_article_date(
    chrome: str, expected: int
) -> None:
    page = (
        f"<html><body>{chrome}<div><h2>Bericht</h2>"
        '<p class="byline">Von A. Autorin, 18.10.2019</p>'
        f"{BODY}</div></body></html>"
    )
    assert publication_date(tree(page), page) == date(2019, 10, expected)


def test_comment_dates_are_not_the_article_date() -> None:
    page = (
        '<html><body><div class="article"><h5>Datum:</h5>03.02.2022'
        f"<h2>Bericht</h2>{BODY}</div>"
        '<div class="comments"><div class="comment__date">04.02.2022 - 00:00 Uhr</div>'
        "<p>Guter Artikel.</p></div></body></html>"
    )
    assert publication_date(tree(page), page) == date(2022, 2, 3)


def _boxed(box: str) -> str:
    """An article of two paragraphs with a third inside ``box`` (``{}`` marks the text)."""
    inner = box.format(_LEAD)
    return (
        f"<html><body><main><article><div class='text'><p>{_MORE}</p>{inner}<p>{_LAST}</p>"
        "</div></article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "expected_kept"),
    [
        # named blocks: the text or a near container says what it is
        (_boxed('<p class="newsletter-promo">{}</p>'), False),
        (_boxed('<div class="disclosure-text"><p>{}</p></div>'), False),
        (_boxed('<div class="nextstory"><div><p>{}</p></div></div>'), False),
        (_boxed('<div class="author-box"><p>{}</p></div>'), False),
        (_boxed('<section class="about-author"><p>{}</p></section>'), False),
        (_boxed('<div class="linkbox"><p>{}</p></div>'), False),
        (_boxed('<a href="/other-story"><div class="card"><p>{}</p></div></a>'), False),
        # the article's own text: unnamed, a byline-like "author" alone, an embedded post,
        # a word far up (four containers above the text)
        (_boxed("<p>{}</p>"), True),
        (_boxed('<p class="author">{}</p>'), True),
        (_boxed('<blockquote class="twitter-tweet"><p>{}</p></blockquote>'), True),
        (_boxed('<div class="promo"><div><div><div><p>{}</p></div></div></div></div>'), True),
    ],
)
def test_paragraphs_in_named_blocks_are_dropped(page: str, expected_kept: bool) -> None:
    body = f"{_MORE}\n\n{_LEAD}\n\n{_LAST}"
    kept = drop_named_blocks(lxml.html.fromstring(page), body)
    assert _MORE in kept and _LAST in kept
    assert (_LEAD in kept) == expected_kept


def test_a_named_container_of_the_whole_body_drops_nothing() -> None:
    page = (
        f'<html><body><article class="paywall-container"><p>{_MORE}</p><p>{_LEAD}</p>'
        f"<p>{_LAST}</p></article></body></html>"
    )
    body = f"{_MORE}\n\n{_LEAD}\n\n{_LAST}"
    assert drop_named_blocks(lxml.html.fromstring(page), body) == body


_TAGS = st.sampled_from(["div", "p", "h1", "h2", "header", "hgroup", "figure", "li", "span", "a"])
_CLASSES = st.sampled_from(["", "intro", "lead-asset", "promo", "author-box", "text", "caption"])
_TEXTS = st.sampled_from([_MORE, _LAST, _LEAD, _SUB, "", "x", "Read more"])
_HTML = st.recursive(
    _TEXTS,
    lambda inner: st.builds(
        lambda tag, cls, parts: f'<{tag} class="{cls}">{"".join(parts)}</{tag}>',
        _TAGS,
        _CLASSES,
        st.lists(inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(_HTML)
def test_body_readers_keep_the_body_on_any_page(fragment: str) -> None:
    page = lxml.html.fromstring(f"<html><body>{fragment}<p>{_MORE}</p><p>{_LAST}</p></body></html>")
    body = f"{_MORE}\n\n{_LAST}"
    for read in (lead_before_body, join_sibling_parts):
        assert read(page, body).endswith(body) or body in read(page, body)
    kept = drop_named_blocks(page, body).split("\n\n")
    assert set(kept) <= {_MORE, _LAST}
