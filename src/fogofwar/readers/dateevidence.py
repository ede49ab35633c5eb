"""A second opinion on htmldate's day: the day the page shows a reader.

htmldate answers with the first source its fixed order trusts (URL, meta tags, structured
data, markup, text). A page often names several days (published, modified, a related article's
date), and gold annotators, like readers, take the one printed with the article. So when the
page names days in its markup:

* metadata: ``<meta>`` tags and JSON-LD date fields (an ISO date; or a numeric date with the
  year last, both readings when day and month could be either way round: "11/01/2023"),
  counted as "published" names (``article:published_time``, ``datePublished``, ``dc.date``,
  ``pubdate`` …), "modified" names (``dateModified``, ``og:updated_time`` …) or other;
* ``<time>`` elements (their ``datetime``, else their text), inside an ``<article>`` or not;

and htmldate's day is not written anywhere in the visible text (scripts, styles and comments
left out) while exactly one *other* day of those is, that day is taken
(:func:`prefer_shown_day`). Written dates are read in the forms "12.03.2020", "2020-03-12",
"2020/03/12", "03/12/2020" (both readings), "12 March 2020", "March 12, 2020",
"12. März 2020", "12 марта 2020", "12 de marzo de 2020" (month names of
:data:`fogofwar.readers.datewords.DATE_LANGUAGES`). Before that, a day the visible text prints
after a publication label ("Published November 9, 2023", "Veröffentlicht am 12.03.2020",
:func:`labelled_day`; the first such) wins over htmldate's when the markup names it too, even
if htmldate's day is printed somewhere (a photo caption, a related article), and without the
markup naming it when htmldate's day is printed nowhere; "Updated" is no such label. A label
may also end the clause ("Dieser Beitrag wurde am 3. Dezember 2011 um 12:00 Uhr
veröffentlicht").

Last, the day printed under the headline (:func:`headline_day`): when the day chosen so far is
not written close to the page's first ``<h1>``, the first date written after it (the byline's,
"Von … 29.04.2020, 12:01 Uhr", "Stand: …") is taken if the markup names it too, or, when the
chosen day is written nowhere on the page (or there is none), if it follows the headline
closely or a date label ("Updated", "Stand:", "Datum:") precedes it. A quoted social-media
post (``<blockquote class="instagram-media">`` …) carries the post's date, not the article's:
its text and ``<time>`` elements are left out.

On the tune halves (in-sample): htmldate_eval exact day .918 → .933, trafilatura_eval dates
.780 → .795; a day shown to the reader beats an unprinted "published" field (most often the
page prints its update day only, or htmldate read a numeric field the wrong way round).
With the headline, UTC-midnight, label and embedded-post readers: htmldate_eval tune .938 →
.954, held-out .918 → .926 (read twice); trafilatura_eval dates tune .793 → .813.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import lxml.etree
from lxml.html import HtmlElement

from fogofwar.readers.datewords import month_number

__all__ = [
    "DayEvidence",
    "headline_day",
    "headline_text",
    "is_embedded_post",
    "labelled_day",
    "markup_days",
    "prefer_shown_day",
    "shown_text",
    "utc_neighbour_day",
    "visible_days",
]

_PUBLISHED = re.compile(r"publish|pubdate|created|issued|^date$|dc\.date$|^dc:date$", re.I)
_MODIFIED = re.compile(r"modif|updated|revised|lastmod", re.I)
_DATE_NAME = re.compile(r"date|time|publish|created|modified|updated|issued", re.I)
_NUMERIC_FIELD = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_HIDDEN = ("script", "style", "noscript", "template", "svg")
# The class of a quoted social-media post ("instagram-media", "twitter-tweet", "tiktok-embed").
_EMBED = re.compile(
    r"instagram|twitter|tweet|tiktok|facebook|fb-(?:post|xfbml)|reddit|bluesky", re.I
)
_JSON_DATE = re.compile(r'"(date\w{0,12}|uploadDate)"\s*:\s*"([^"]{8,40})"')
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
# How many written dates of the visible text are looked at (a long archive list adds nothing).
_MAX_VISIBLE = 60
# How many four-digit years are looked at (a page of numbers is no page of dates).
_MAX_YEARS = 2000
_MAX_TEXT = 200_000

_YEAR = re.compile(r"(?<!\d)(?:199[5-9]|20\d\d)(?!\d)")
_WORD = r"([^\W\d_]{3,12})"
# Patterns that end at a year (searched in the few characters before each year of the text).
_BEFORE_YEAR: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\Z"), "dmy"),
    (re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})\Z"), "either"),
    (
        re.compile(r"(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?" + _WORD + r"\.?,?\s+(?:de\s+)?(\d{4})\Z"),
        "dMy",
    ),
    (
        re.compile(r"([^\W\d_]{3,24})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\Z"),
        "Mdy",
    ),
)
# A year that begins a date ("2020-03-12", "2020/03/12").
_YEAR_FIRST = re.compile(r"(\d{4})([-/])(\d\d)\2(\d\d)(?!\d)")
_WINDOW = 32


@dataclass(slots=True)
class DayEvidence:
    """Where a page's markup names one day (visible text aside)."""

    published: int = 0  # metadata fields named for the publication date
    modified: int = 0  # metadata fields named for a modification
    other_meta: int = 0  # other date fields (``date``, ``uploadDate`` …)
    time_article: int = 0  # ``<time>`` elements inside an ``<article>``
    time_other: int = 0  # ``<time>`` elements elsewhere


def _day(year: str | int, month: str | int | None, day: str | int) -> date | None:
    if month is None:
        return None
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if 1995 <= found.year <= 2100 else None


def _field_days(value: str) -> tuple[date, ...]:
    """The day(s) a metadata value names: an ISO date, or a numeric date with the year last
    whose day and month may be either way round ("11/01/2023 12:43" gives both readings)."""
    text = value.strip()
    if (m := _ISO.match(text)) is not None:
        day = _day(m.group(1), m.group(2), m.group(3))
        return (day,) if day else ()
    if (m := _NUMERIC_FIELD.match(text)) is not None:
        a, b, year = m.group(1), m.group(3), m.group(4)
        readings = (
            (_day(year, b, a),) if m.group(2) == "." else (_day(year, b, a), _day(year, a, b))
        )
        return tuple(d for d in dict.fromkeys(readings) if d)
    return ()


def _read(groups: tuple[str, ...], kind: str) -> tuple[date | None, ...]:
    if kind == "dmy":
        return (_day(groups[2], groups[1], groups[0]),)
    if kind == "either":  # day and month either way round
        return (_day(groups[3], groups[2], groups[0]), _day(groups[3], groups[0], groups[2]))
    if kind == "dMy":
        return (_day(groups[2], month_number(groups[1]), groups[0]),)
    return (_day(groups[2], _month_at_end(groups[0]), groups[1]),)


def _month_at_end(word: str) -> int | None:
    """The month a word ends with: the text of adjacent elements runs together
    ("PostNovember 8, 2023" for "…Post</a><time>November 8, 2023")."""
    for start in range(len(word) - 2):
        if (month := month_number(word[start:])) is not None:
            return month
    return None


def visible_days(text: str) -> list[tuple[int, date]]:
    """The written dates of ``text`` with their offsets, in order of appearance; a numeric date
    whose day and month could be either way round gives both. Every date has a four-digit year,
    so only the few characters before each year are searched."""
    found: list[tuple[int, date]] = []
    for count, year in enumerate(_YEAR.finditer(text)):
        if count >= _MAX_YEARS:
            break
        if (m := _YEAR_FIRST.match(text, year.start())) is not None:
            if (day := _day(m.group(1), m.group(3), m.group(4))) is not None:
                found.append((year.start(), day))
            continue
        end = year.end()
        window = text[max(0, end - _WINDOW) : end]
        for pattern, kind in _BEFORE_YEAR:
            if (m := pattern.search(window)) is not None:
                start = end - len(window) + m.start()
                found.extend((start, d) for d in dict.fromkeys(_read(m.groups(), kind)) if d)
                break
        if len(found) >= _MAX_VISIBLE:
            break
    return found


def _body(tree: HtmlElement) -> HtmlElement | None:
    """The page's ``<body>``; the root itself when lxml wrapped a page that does not start as
    a document (PHP warnings before ``<html>``) in a ``<div>`` without head and body."""
    body = tree.find("body")
    return tree if body is None and tree.tag != "html" else body


def shown_text(tree: HtmlElement) -> str:
    """The text of the page's ``<body>`` a reader sees: lxml's text serialisation (C speed;
    comments are no text), with the content of scripts, styles and the like cut out. The text
    of adjacent elements runs together as a browser shows it; two dates in adjacent blocks with
    no whitespace between them in the source ("2023</p><p>21.10.") are not read."""
    body = _body(tree)
    if body is None:
        return ""
    text = lxml.etree.tostring(body, method="text", encoding=str)
    kept: list[str] = []
    start = 0
    embed: HtmlElement | None = None
    # in document order, as their text is in ``text``
    for el in body.iter(*_HIDDEN, "blockquote"):
        if el.tag == "blockquote":
            if not is_embedded_post(el):
                continue
            embed, hidden = (
                el,
                lxml.etree.tostring(el, method="text", encoding=str, with_tail=False),
            )
        elif embed is not None and any(a is embed for a in el.iterancestors("blockquote")):
            continue  # cut with the post around it
        else:
            hidden = el.text
        if hidden and not hidden.isspace() and (at := text.find(hidden, start)) >= 0:
            kept.append(text[start:at])
            start = at + len(hidden)
    kept.append(text[start:])
    return " ".join(kept)[:_MAX_TEXT]


def _count_field(entry: DayEvidence, name: str) -> None:
    if _MODIFIED.search(name):
        entry.modified += 1
    elif _PUBLISHED.search(name):
        entry.published += 1
    else:
        entry.other_meta += 1


def is_embedded_post(el: HtmlElement) -> bool:
    """A ``<blockquote>`` quoting a social-media post (Instagram, X/Twitter, TikTok …): the
    post's own date is not the article's."""
    return el.tag == "blockquote" and _EMBED.search(el.get("class") or "") is not None


def _count_time(el: HtmlElement, evidence: dict[date, DayEvidence]) -> None:
    if any(is_embedded_post(a) for a in el.iterancestors("blockquote")):
        return
    days = _field_days(el.get("datetime") or "")
    if not days:
        days = tuple(d for _, d in visible_days(" ".join(el.itertext())[:100])[:1])
    inside = any(a.tag == "article" for a in el.iterancestors())
    for day in days:
        entry = evidence.setdefault(day, DayEvidence())
        if inside:
            entry.time_article += 1
        else:
            entry.time_other += 1


def markup_days(tree: HtmlElement) -> dict[date, DayEvidence]:
    """Every day the page's metadata and ``<time>`` elements name, with where they name it."""
    evidence: dict[date, DayEvidence] = {}
    for el in tree.iter("meta", "script", "time"):  # one walk over the page
        if el.tag == "meta":
            name = el.get("property") or el.get("name") or el.get("itemprop") or ""
            if _DATE_NAME.search(name):
                for day in _field_days(el.get("content") or ""):
                    _count_field(evidence.setdefault(day, DayEvidence()), name)
        elif el.tag == "script":
            if el.get("type") == "application/ld+json":
                for name, value in _JSON_DATE.findall(el.text or ""):
                    for day in _field_days(value):
                        _count_field(evidence.setdefault(day, DayEvidence()), name)
        else:
            _count_time(el, evidence)
    return evidence


# A label that says the date after it is the publication's ("Published November 9, 2023",
# "Veröffentlicht am 12.03.2020"), at most a few non-digits before it.
_PUBLISHED_LABEL = re.compile(
    r"(?:\bpublished|\bposted|veröffentlicht|publiziert|erschienen|publicado|publié"
    r"|pubblicato|opublikowano|опубликовано|опубліковано)\b[^\d]{0,16}\Z",
    re.IGNORECASE,
)


# The same label after the date, at the end of the clause ("Dieser Beitrag wurde am
# 3. Dezember 2011 um 12:00 Uhr veröffentlicht"): the year, a time perhaps, the participle.
_PUBLISHED_AFTER = re.compile(
    r"(?:19|20)\d\d\D{0,20}?(?:\d{1,2}[:.]\d\d\D{0,8}?)?"
    r"(?:veröffentlicht|publiziert|erschienen|gepostet|pubblicato|publicado|publié)\b",
    re.IGNORECASE,
)


def labelled_day(text: str, days: list[tuple[int, date]]) -> date | None:
    """The first of ``days`` (written dates of ``text`` with their offsets) that a publication
    label precedes or ends, if any."""
    for start, day in days:
        if _PUBLISHED_LABEL.search(text, max(0, start - 40), start) is not None:
            return day
        if _PUBLISHED_AFTER.match(text, text.find(str(day.year), start), start + 80):
            return day
    return None


# The first written date after the start of the headline, within this many characters of the
# shown text: the byline's date ("Von Anna Muster 29.04.2020, 12:01 Uhr", "Stand: …").
_HEADLINE_WINDOW = 1200
# … within this many when the markup does not name it (a date the page only writes).
_HEADLINE_NEAR = 300
# htmldate's day counts as printed with the article when written this close before the headline.
_HEADLINE_BEFORE = 300
# A label before a date saying what the date is ("Updated", "Stand:", "Written:", "Datum:").
_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|written|stand|datum|date|veröffentlicht|aktualisiert"
    r"|erstellt|publicado|actualizado|fecha|publié|mis à jour|pubblicato|aggiornato|data"
    r"|опубликовано|обновлено|дата|опубліковано|оновлено):?\s{0,3}(?:(?:on|am|el|le|il)\s+)?\Z",
    re.IGNORECASE,
)
# The shortcut of :func:`prefer_shown_day` reads the headline's window this much narrower on
# each side (a date cut by the window's edge is not read in it).
_EDGE = 40
# Marks the headline's place in the shown text (a private-use character no page writes).
_MARK = "\ue000"


def headline_text(tree: HtmlElement) -> tuple[str, int]:
    """:func:`shown_text` and the offset in it where the page's first ``<h1>`` starts (-1
    when there is none). The tree is marked for the time of the serialisation, then restored."""
    body = _body(tree)
    h1 = next(body.iter("h1"), None) if body is not None else None
    if h1 is None:
        return shown_text(tree), -1
    own = h1.text
    h1.text = _MARK + (own or "")
    try:
        marked = shown_text(tree)
    finally:
        h1.text = own
    at = marked.find(_MARK)
    return marked.replace(_MARK, ""), at


def headline_day(
    found: date | None,
    evidence: dict[date, DayEvidence],
    text: str,
    written: list[tuple[int, date]],
    headline: int,
) -> date | None:
    """The day printed under the headline, when it should replace ``found``.

    ``written`` are the dates of the shown ``text`` with their offsets, ``headline`` the offset
    of the ``<h1>`` in it (-1: none). When ``found`` is not written close to the headline (from
    a bit before it to :data:`_HEADLINE_WINDOW` after), the first date written after the
    headline is taken if the page's markup names it too; and when ``found`` is not written
    anywhere (or there is none), the first date written right after the headline (within
    :data:`_HEADLINE_NEAR`), or else the first one in the window after a date label
    ("Updated May 06, 2019", "Stand: …", :data:`_DATE_LABEL`), is taken even if no markup
    names it. ``found`` otherwise.
    """
    if headline < 0:
        return found
    near = [
        (at, day)
        for at, day in written
        if headline - _HEADLINE_BEFORE <= at <= headline + _HEADLINE_WINDOW
    ]
    if found is not None and any(day == found for _, day in near):
        return found
    after = [(at, day) for at, day in near if at >= headline]
    if not after:
        return found
    at, first = after[0]
    if first in evidence:
        return first
    if found is not None and any(day == found for _, day in written):
        return found
    if at <= headline + _HEADLINE_NEAR:
        return first
    labelled = (day for at, day in after if _DATE_LABEL.search(text, max(0, at - 25), at))
    return next(labelled, found)


def prefer_shown_day(found: date | None, tree: HtmlElement, page: str | None = None) -> date | None:
    """``found`` (htmldate's answer, or ``None``), unless the page shows its reader another day
    as the article's (see the module doc):

    * it labels another day its markup names as the publication day;
    * it never writes ``found`` in its visible text while it writes exactly one other day its
      metadata or ``<time>`` elements name;
    * it prints another day under the headline (:func:`headline_day`).
    """
    evidence = markup_days(tree)
    text, headline = headline_text(tree)
    if found is not None and headline >= 0 and all(day == found for day in evidence):
        # the markup names no other day: printed under the headline, ``found`` stands (the
        # shortcut reads a few hundred characters, not the whole page)
        start = max(0, headline - _HEADLINE_BEFORE + _EDGE)
        window = text[start : headline + _HEADLINE_WINDOW - _EDGE]
        if any(day == found for _, day in visible_days(window)):
            return found
    written = visible_days(text)
    if found is not None:
        if page:
            found = utc_neighbour_day(found, page, evidence, written)
        found = _shown_markup_day(found, evidence, text, written)
    if found is None or all(day != found for _, day in written):
        # htmldate's day is not printed (or there is none): a day printed as published is
        labelled = labelled_day(text, written)
        found = labelled if labelled is not None else found
    return headline_day(found, evidence, text, written, headline)


# A UTC timestamp of a day ("2022-05-04T00:53:29.274Z"): its hour.
_UTC_HOUR = re.compile(r"T(\d\d):\d\d(?::\d\d)?(?:\.\d+)?(?:Z|\+00:?00)")


def utc_neighbour_day(
    found: date, page: str, evidence: dict[date, DayEvidence], written: list[tuple[int, date]]
) -> date:
    """The site's local day for a ``found`` the page stamps only in UTC close to midnight.

    "2022-05-04T00:53Z" is the evening of 3 May in the Americas, "2022-05-03T22:10Z" the
    morning of 4 May east of Europe. When the first timestamp of ``found`` the page writes is
    UTC within four hours of midnight, ``found`` is not written in the visible text and the
    neighbouring day on that side is (or a ``<time>`` element names it), the neighbour.
    """
    if any(day == found for _, day in written):
        return found
    prefix = found.isoformat() + "T"
    start = page.find(prefix)
    while start >= 0 and (stamp := _UTC_HOUR.match(page, start + 10)) is None:
        start = page.find(prefix, start + 1)  # a stamp of the day with an offset: the next
    if start < 0 or stamp is None:
        return found
    hour = int(stamp.group(1))
    if hour < 4:
        other = found - timedelta(days=1)
    elif hour >= 20:
        other = found + timedelta(days=1)
    else:
        return found
    entry = evidence.get(other)
    if any(day == other for _, day in written) or (
        entry is not None and entry.time_article + entry.time_other
    ):
        return other
    return found


def _shown_markup_day(
    found: date, evidence: dict[date, DayEvidence], text: str, written: list[tuple[int, date]]
) -> date:
    """The labelled or the only shown day of the markup's, in place of an unshown ``found``."""
    others = [day for day in evidence if day != found]
    if not others:
        return found
    labelled = labelled_day(text, written)
    if labelled is not None and labelled in others:
        return labelled  # the page prints it as the publication day, its markup names it
    shown = {day for _, day in written}
    if found in shown:
        return found
    seen = [day for day in others if day in shown]
    if len(seen) > 1:  # several: the one named as the publication day, if only one is
        seen = [day for day in seen if evidence[day].published]
    return seen[0] if len(seen) == 1 else found
