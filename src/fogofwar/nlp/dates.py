"""Time expressions resolved against the publication date.

* Explicit dates: "24.10.2024", "24/10/2024" (day first), "2024-10-24", "24. Oktober 2024",
  "October 24, 2024", "24 октября" → precision day; "Oktober 2024" → month. A date without a
  year takes the publication year (the year before if that would lie after publication).
* "gestern/yesterday/вчера/вчора" and the pack's other day offsets → that day.
* Weekdays ("am Dienstag", "on Tuesday", "во вторник", "у вівторок") → the most recent such day
  on or before the publication date, precision day.
* "in der Nacht zum Sonntag"/"в ночь на воскресенье" → the night before that weekday (start the
  day before, end the weekday); "overnight"/"in der Nacht" → publication day - 1 .. publication.
* "last week" → that Monday..Sunday, precision week.
* "kürzlich/recently/недавно/нещодавно" → precision ``before_publication``, end = publication.
* A day after the pack's ``since`` words ("seit Sonntag", "since Monday", "с 26 января") →
  that day up to publication (not when an ``until`` word follows: "с 26 до 28 января"), when
  it lies within the fortnight before publication (a running total "since 24 February 2022"
  keeps its day).

Relative expressions need a publication date; without one they are not resolved.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from fogofwar.model import DatePrecision, Span
from fogofwar.nlp.doc import DateMention, Doc, Resources
from fogofwar.nlp.matcher import Token
from fogofwar.nlp.pipeline import stage
from fogofwar.packs import LanguagePack

__all__ = ["dates", "find_dates", "weekday_on_or_before"]

_NUMERIC = re.compile(
    r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d])|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
)


def weekday_on_or_before(pub: date, weekday: int) -> date:
    """The most recent ``weekday`` (Monday = 0) on or before ``pub``."""
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, pub: date | None) -> int | None:
    if pub is None:
        return None
    candidate = _safe(pub.year, month, day)
    return pub.year - 1 if candidate is not None and candidate > pub else pub.year


def _numeric(text: str, offset: int) -> list[DateMention]:
    out = []
    for m in _NUMERIC.finditer(text):
        if m.group(1):
            y = int(m.group(4))
            y = y + 2000 if y < 100 else y
            d = _safe(y, int(m.group(3)), int(m.group(1)))
        else:
            d = _safe(int(m.group(5)), int(m.group(6)), int(m.group(7)))
        if d is not None:
            span = Span(m.start() + offset, m.end() + offset)
            out.append(DateMention(span, d, d, DatePrecision.DAY))
    return out


def _day_number(tok: Token) -> int | None:
    text = tok.text
    return int(text) if len(text) <= 2 and text.isdecimal() and 1 <= int(text) <= 31 else None


def _year_number(tok: Token) -> int | None:
    return int(tok.text) if len(tok.text) == 4 and tok.text.isdecimal() else None


def _month_date(
    tokens: tuple[Token, ...], i: int, end: int, month: int, lo: int, hi: int, pub: date | None
) -> tuple[DateMention, int] | None:
    """A date around the month word ``tokens[i:end]``: day before (optionally "24.") or after."""
    first, last = i, end
    day: int | None = None
    k = i - 1
    if k >= lo and tokens[k].text == ".":
        k -= 1
    if k >= lo and _day_number(tokens[k]) is not None:
        day, first = _day_number(tokens[k]), k
    elif last < hi and _day_number(tokens[last]) is not None:
        day, last = _day_number(tokens[last]), last + 1
        if last < hi and tokens[last].text == ",":
            last += 1 if last + 1 < hi and _year_number(tokens[last + 1]) else 0
    year = _year_number(tokens[last]) if last < hi else None
    if year is not None:
        last += 1
    elif day is None:
        return None
    if day is None:
        assert year is not None
        start = date(year, month, 1)
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        span = Span(tokens[first].start, tokens[last - 1].end)
        return DateMention(span, start, nxt - timedelta(days=1), DatePrecision.MONTH), last
    y = year if year is not None else _year_for(month, day, pub)
    d = _safe(y, month, day) if y is not None else None
    if d is None:
        return None
    span = Span(tokens[first].start, tokens[last - 1].end)
    return DateMention(span, d, d, DatePrecision.DAY), last


def find_dates(
    text: str, tokens: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack, pub: date | None
) -> list[DateMention]:
    """Date mentions in ``tokens[lo:hi]`` (a sentence of ``text``)."""
    if lo >= hi:
        return []
    s0, s1 = tokens[lo].start, tokens[hi - 1].end
    out = _numeric(text[s0:s1], s0)
    taken = {(d.span.start, d.span.end) for d in out}
    matches = pack.dates.find(tokens, lo, hi)
    for n, m in enumerate(matches):
        cue = m.payload
        span = Span(tokens[m.start].start, tokens[m.end - 1].end)
        if any(a <= span.start < b for a, b in taken):
            continue
        found: DateMention | None = None
        if cue.kind == "month":
            res = _month_date(tokens, m.start, m.end, cue.value, lo, hi, pub)
            found = res[0] if res else None
        elif pub is None:
            continue
        elif cue.kind == "offset":
            d = pub - timedelta(days=cue.value)
            found = DateMention(span, d, d, DatePrecision.DAY)
        elif cue.kind == "recent":
            found = DateMention(span, None, pub, DatePrecision.BEFORE_PUBLICATION)
        elif cue.kind == "overnight":
            found = DateMention(span, pub - timedelta(days=1), pub, DatePrecision.DAY)
        elif cue.kind == "last_week":
            monday = pub - timedelta(days=pub.weekday() + 7)
            found = DateMention(span, monday, monday + timedelta(days=6), DatePrecision.WEEK)
        elif cue.kind == "weekday":
            d = weekday_on_or_before(pub, cue.value)
            prev = matches[n - 1] if n else None
            if prev is not None and prev.payload.kind == "night_before" and prev.end == m.start:
                span = Span(tokens[prev.start].start, span.end)
                found = DateMention(span, d - timedelta(days=1), d, DatePrecision.DAY)
                out = [x for x in out if x.span.start != span.start]
            else:
                found = DateMention(span, d, d, DatePrecision.DAY)
        elif cue.kind == "night_before":
            found = DateMention(span, pub - timedelta(days=1), pub, DatePrecision.DAY)
        if found is not None:
            out.append(found)
            taken.add((found.span.start, found.span.end))
    if pack.since and pub is not None:
        out = [_since(d, tokens, lo, hi, pack, pub) for d in out]
    return sorted(out, key=lambda d: d.span.start)


def _since(
    d: DateMention, tokens: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack, pub: date
) -> DateMention:
    """``d`` from its day up to publication when a ``since`` word stands right before it."""
    if d.precision != DatePrecision.DAY or d.start is None or not 0 < (pub - d.start).days <= 14:
        return d  # a running total "since 24 February 2022" is no event of these days
    first = next((k for k in range(lo, hi) if tokens[k].start == d.span.start), None)
    if first is None or first == lo or tokens[first - 1].lower not in pack.since:
        return d
    after = next((k for k in range(first, hi) if tokens[k].start >= d.span.end), None)
    if after is not None and tokens[after].lower in pack.until:
        return d  # "с 26 до 28 января", "з пʼятниці на суботу": a range of its own
    span = Span(tokens[first - 1].start, d.span.end)
    return DateMention(span, d.start, pub, DatePrecision.DAY)


@stage("dates.v1", requires=["tokens", "sentences"], provides=["dates"])
def dates(doc: Doc, res: Resources) -> Doc:
    """Resolve every time expression in the document against its publication date."""
    pack = res.packs[doc.lang]
    found: list[DateMention] = []
    for sent in doc.sentences:
        found.extend(
            find_dates(doc.text, doc.tokens, sent.tok_start, sent.tok_end, pack, doc.published)
        )
    return dataclasses.replace(doc, dates=tuple(found))
