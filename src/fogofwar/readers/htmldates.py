"""The publication day of an HTML page: htmldate on the original page, with fallbacks.

htmldate reads the page as it came (HTML comments, scripts and JSON-LD included; trafilatura's
cleaned tree has lost them), preferring the original publication date over "updated" stamps.
Its quick search (markup, meta tags, structured data) runs first; its extensive search (free
text, through dateparser: several times slower) only when the quick one finds nothing.
It runs once per page; a second, cheap look happens only when its answer is no day at all:

* a bare year (htmldate answers ``YYYY-01-01`` for "© 2004" or "since 2016", unless the page
  writes that 1 January as a full date) is no publication day, so the most recent full date
  htmldate sees is taken instead, when there is one, and no date at all otherwise (a day
  the page does not give is not guessed);
* with nothing found, structured ``datePublished`` (JSON-LD, microdata, ``article:published_time``)
  is read leniently: any ISO-like date, with or without a time or an offset.

A day found is checked against the page's visible text
(:func:`fogofwar.readers.dateevidence.prefer_shown_day`): when the page never writes it while
it writes exactly one other day its meta tags, JSON-LD or ``<time>`` elements name, that day
is the one a reader sees with the article, and is taken.

A timestamp with an offset gives the day at that offset (the site's local day, as printed on the
page); a UTC timestamp gives the day at the offset other timestamps of the same page state, so
"2020-04-28T22:30:00Z" on a page of a +02:00 site is 29 April. A day stamped at a whole hour
between 20:00 and 23:00 UTC ("2022-11-06T23:00:00.000Z") is a date-only field saved as local
midnight by a site east of UTC: its day is the next one.

htmldate hands date strings its own patterns miss to dateparser. dateparser compiles each
language's patterns on first use (seconds of CPU in every process that meets such a string, for
a handful of strings per thousand pages), so while htmldate runs for this module those strings
go to :mod:`fogofwar.readers.datewords` instead: month and weekday names of the languages news
is read in here (:data:`DATE_LANGUAGES`), read as strictly as dateparser reads them. htmldate's
test for a month name before that call uses the same names (its own loads all of dateparser's
~200 locale tables).

The page's chrome and its readers' comments are no source of its date: a site ``<header>`` or
``<nav>`` outside any ``<article>`` (a header holding an ``<h1>`` is the article's own) carries
today's date in the masthead ("Samstag, 19. Oktober 2019") or the dates of other pages, and a
comment section the days readers wrote. htmldate drops them from its working copy of the page
(:func:`_without_site_chrome`) before it searches the elements and the text; meta tags and
structured data are read before that, from the whole page.

htmldate's extensive search runs a dozen date patterns over the whole serialised page; most of
them only ever match digits and single separators between two non-digits. Those run on the
page with every stretch of three or more non-digits cut to its first and last character
(:func:`_digits_only_view`): the same matches, found in a string a fraction as long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

import htmldate
import htmldate.core
import htmldate.extractors
import lxml.etree
from lxml.html import HtmlElement

from fogofwar.readers.dateevidence import prefer_shown_day
from fogofwar.readers.datewords import DATE_LANGUAGES, WordDateParser, month_names

__all__ = ["DATE_LANGUAGES", "local_day", "publication_date", "structured_date", "warm_up"]

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_OFFSET = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?([+-]\d\d):?(\d\d)")
# 20:00-23:00 UTC on the hour, no seconds: local midnight of UTC+1 … UTC+4 sites.
_UTC_LOCAL_MIDNIGHT = re.compile(r"T2[0-3]:00(?::00(?:\.0+)?)?(?:Z|\+00:?00)")
_JSON_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_STRUCTURED_XPATH = (
    './/meta[@property="article:published_time" or @name="article:published_time" '
    'or @itemprop="datePublished" or @property="og:published_time"]/@content'
    '|.//*[@itemprop="datePublished"]/@datetime'
    '|.//time[@itemprop="datePublished"]/@datetime'
)
_ERRORS = (lxml.etree.LxmlError, ValueError, TypeError, RecursionError, OverflowError)
# A class or id naming a comment section ("comments", "comment-list", "disqus_thread" …).
_COMMENTS = re.compile(
    r"(?:^|[\s_-])comments?(?:$|[\s_-])|commentlist|comment-list|disqus", re.IGNORECASE
)
# The inside of a stretch of three or more non-digits (all but its first and last character;
# a constant replacement keeps re.sub in C).
_NON_DIGIT_INSIDE = re.compile(r"(?<=\D)\D+(?=\D)")
# htmldate's patterns whose every match is one non-digit (or "/"), then digits with single
# [/.-] separators, then at most one non-digit: each starts at the last character of a
# non-digit stretch and ends at most at the first character of the next one.
_DIGIT_PATTERN_NAMES = (
    "THREE_COMP_PATTERNS",
    "SELECT_YMD_PATTERN",
    "DATESTRINGS_PATTERN",
    "SLASHES_PATTERN",
    "YYYYMM_PATTERN",
    "MMYYYY_PATTERN",
)


@lru_cache(maxsize=1)
def _digit_patterns() -> frozenset[re.Pattern[str]]:
    found: set[re.Pattern[str]] = set()
    for name in _DIGIT_PATTERN_NAMES:
        value = getattr(htmldate.core, name, None)
        for pattern in value if isinstance(value, tuple | list) else (value,):
            if isinstance(pattern, re.Pattern):
                found.add(pattern)
    return frozenset(found)


@lru_cache(maxsize=2)
def _digits_only_view(page: str) -> str:
    """``page`` with every stretch of 3+ non-digits cut to its first and last character: the
    patterns of :func:`_digit_patterns` find the same matches in it (a match uses at most the
    last non-digit before its digits, single separators, and the first non-digit after)."""
    return _NON_DIGIT_INSIDE.sub("", page)


@lru_cache(maxsize=1)
def _external_parser() -> WordDateParser:
    """What htmldate gets in place of dateparser (see the module doc)."""
    return WordDateParser()


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """htmldate's test for a month name before it calls the external parser, limited to
    :data:`DATE_LANGUAGES` (its own loads the tables of all ~200 of dateparser's locales, and
    a month name of another language is not read by :func:`_external_parser` anyway)."""
    fold = getattr(htmldate.extractors, "_fold_month_name", str.lower)
    word = getattr(htmldate.extractors, "WORD", None)
    return frozenset(fold(name) for name in month_names() if word is None or word.fullmatch(name))


def _is_comment_section(el: HtmlElement) -> bool:
    return (
        bool(_COMMENTS.search(el.get("class") or "") or _COMMENTS.search(el.get("id") or ""))
        and next(el.iter("h1"), None) is None
    )


def _without_site_chrome(tree: HtmlElement) -> HtmlElement:
    """``tree`` (htmldate's own copy) without the site's header and navigation (``<header>``
    without an ``<h1>`` and ``<nav>``, outside any ``<article>``) and without comment sections
    (a block named "comments", "commentlist" … that does not hold the headline)."""
    chrome = [
        el
        for el in tree.iter("header", "nav")
        if (el.tag == "nav" or next(el.iter("h1"), None) is None)
        and all(a.tag != "article" for a in el.iterancestors())
    ]
    chrome += [
        el for el in tree.iter("div", "section", "ol", "ul", "aside") if _is_comment_section(el)
    ]
    for el in chrome:
        if el.getparent() is not None:  # not inside one dropped already
            el.drop_tree()
    return tree


def _discard_chrome(own: Any) -> Any:
    """htmldate's ``discard_unwanted`` (run on its working copy), then
    :func:`_without_site_chrome`."""

    def discard_unwanted(tree: HtmlElement) -> HtmlElement:
        return _without_site_chrome(own(tree))

    return discard_unwanted


def _year_filter(own: Any) -> Any:
    """htmldate's ``plausible_year_filter`` reading :func:`_digits_only_view` for the patterns
    that find the same matches there."""
    digit_patterns = _digit_patterns()

    def plausible_year_filter(htmlstring: str, *, pattern: re.Pattern[str], **kwargs: Any) -> Any:
        if pattern in digit_patterns:
            htmlstring = _digits_only_view(htmlstring)
        return own(htmlstring, pattern=pattern, **kwargs)

    return plausible_year_filter


@contextmanager
def _news_languages() -> Iterator[None]:
    """htmldate uses :func:`_external_parser`, :func:`_month_words`, :func:`_year_filter` and
    :func:`_discard_chrome` inside the block (it looks them up through module-level names at
    each call); its own are restored after."""
    patches: list[tuple[Any, str, object]] = [
        (htmldate.extractors, "get_external_parser", _external_parser),
        (htmldate.extractors, "month_words", _month_words),
    ]
    own_filter = getattr(htmldate.core, "plausible_year_filter", None)
    if own_filter is not None:
        patches.append((htmldate.core, "plausible_year_filter", _year_filter(own_filter)))
    own_discard = getattr(htmldate.core, "discard_unwanted", None)
    if own_discard is not None:
        patches.append((htmldate.core, "discard_unwanted", _discard_chrome(own_discard)))
    own = [
        (module, name, getattr(module, name))
        for module, name, _ in patches
        if hasattr(module, name)
    ]
    for module, name, value in patches:
        if hasattr(module, name):
            setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, original in own:
            setattr(module, name, original)


def warm_up() -> None:
    """Build the month names and the external parser htmldate is handed (see the module doc)
    and the list of digit-only patterns, once per process."""
    _month_words()
    _external_parser()
    _digit_patterns()


def _day(value: str | None) -> date | None:
    if not value:
        return None
    m = _ISO_DAY.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _is_bare_year(day: date, page: str) -> bool:
    """htmldate's answer for a lone year: 1 January, not written as a full date in a link
    (``/2019/01/01/``) or a timestamp (``2019-01-01T``) on the page."""
    if (day.month, day.day) != (1, 1):
        return False
    return f"{day.year}/01/01" not in page and f"{day.year}-01-01T" not in page


def _page_offset(page: str) -> timezone | None:
    """The first non-zero UTC offset a timestamp on the page states, if any."""
    for m in _OFFSET.finditer(page):
        hours, minutes = int(m.group(1)), int(m.group(2))
        if hours or minutes:
            sign = -1 if hours < 0 or m.group(1).startswith("-") else 1
            return timezone(sign * timedelta(hours=abs(hours), minutes=minutes))
    return None


def local_day(value: str, page: str) -> date | None:
    """The day a structured timestamp names, on the site's local calendar (see module doc)."""
    text = value.strip()
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return _day(text)
    offset = stamp.utcoffset()
    if offset is None:
        return stamp.date()
    if offset == timedelta(0):
        local = _page_offset(page)
        if local is not None:
            return stamp.astimezone(local).date()
        if stamp.hour >= 20 and stamp.minute == stamp.second == 0:
            return stamp.date() + timedelta(days=1)  # see _local_midnight
    return stamp.date()


def _local_midnight(day: date, page: str) -> date:
    """``day + 1`` when the page stamps that day at a whole hour late in the evening, UTC
    ("2022-11-06T23:00:00.000Z"): a date-only field saved as local midnight east of UTC,
    so the site's own day is the next one. ``day`` otherwise."""
    prefix = day.isoformat() + "T2"
    start = page.find(prefix)
    while start >= 0:  # the day's stamps in the evening (no pattern compiled per day)
        if _UTC_LOCAL_MIDNIGHT.match(page, start + 10):
            return day + timedelta(days=1)
        start = page.find(prefix, start + 1)
    return day


def structured_date(tree: HtmlElement, page: str) -> date | None:
    """``datePublished`` from JSON-LD, microdata or Open Graph, read leniently."""
    candidates: list[str] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        candidates.extend(_JSON_PUBLISHED.findall(script.text or ""))
    with suppress(*_ERRORS):
        candidates.extend(str(v) for v in tree.xpath(_STRUCTURED_XPATH))
    for value in candidates:
        day = local_day(value, page)
        if day is not None and day.year >= 1995:
            return day
    return None


def _find(tree: HtmlElement, url: str | None, original: bool) -> date | None:
    """htmldate's answer: its quick search (markup, meta tags, structured data) first, its
    extensive one (free text, dateparser) only when the quick one finds nothing."""
    try:
        found = htmldate.find_date(tree, original_date=original, url=url, extensive_search=False)
        if found is None:
            found = htmldate.find_date(tree, original_date=original, url=url)
    except _ERRORS:
        return None
    return _day(found)


def publication_date(tree: HtmlElement, page: str, url: str | None = None) -> date | None:
    """The day the page was published, or ``None``; ``tree`` is the page as parsed, comments
    and scripts included (it is not modified), ``page`` its markup."""
    with _news_languages():
        found = _find(tree, url, original=True)
        if found is not None and _is_bare_year(found, page):
            found = _find(tree, url, original=False)
            found = None if found is None or _is_bare_year(found, page) else found
    found = structured_date(tree, page) if found is None else _local_midnight(found, page)
    with suppress(*_ERRORS):
        return prefer_shown_day(found, tree, page)
    return found
