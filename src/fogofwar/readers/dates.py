"""Dates in metadata lines: absolute publication dates and relative page-render stamps.

Parsing is dateparser's; this module decides the day/month order from the shape of a numeric
date (and the language when the shape is ambiguous) and tells relative stamps ("3 weeks ago",
"3 Wochen vor", "3 дні тому") from absolute dates by parsing against two different base dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dateparser.date import DateDataParser

from fogofwar.model import DatePrecision
from fogofwar.readers.cues import DEFAULT_DATE_ORDER, PIECE_SEPARATORS

__all__ = ["FoundDate", "parse_absolute_date", "parse_relative_stamp"]

_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?!\d)")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_MAX_DATE_TOKENS = 8
_MAX_STAMP_TOKENS = 6
_MAX_LABEL_WORDS = 2
_BASES = (datetime(2001, 3, 17, 12, 0), datetime(2011, 9, 23, 12, 0))
_PERIOD_PRECISION = {
    "day": DatePrecision.DAY,
    "time": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a metadata line and how precise the line is about it."""

    value: date
    precision: DatePrecision
    text: str


def _languages(language: str | None) -> tuple[str, ...]:
    """The hinted language first, then the other supported ones (metadata may be mixed)."""
    others = tuple(lang for lang in DEFAULT_DATE_ORDER if lang != language)
    if language is None or language not in DEFAULT_DATE_ORDER:
        return others
    return (language, *others)


def date_order(text: str, language: str | None) -> str:
    """The day/month order a numeric date in ``text`` is written in (``DMY``, ``MDY``, ``YMD``)."""
    m = _NUMERIC.search(text)
    if m is None:
        return "DMY" if language is None else DEFAULT_DATE_ORDER.get(language, "DMY")
    first, sep, second = m.group(1), m.group(2), m.group(3)
    if len(first) == 4:
        return "YMD"
    if sep == ".":
        return "DMY"
    if int(first) > 12:
        return "DMY"
    if int(second) > 12:
        return "MDY"
    return "DMY" if language is None else DEFAULT_DATE_ORDER.get(language, "DMY")


@lru_cache(maxsize=64)
def _parser(languages: tuple[str, ...], order: str, base: datetime | None) -> DateDataParser:
    settings: dict[str, object] = {"DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=list(languages), settings=settings)


def _date_data(text: str, language: str | None, order: str, base: datetime) -> Any:
    """dateparser's reading of ``text``: in the hinted language alone first (one language's
    patterns to compile, not every supported one's), then, when the text has a digit, in all
    supported languages, the hinted one first. A line without digits that is no date in the
    page's language ("Peter Zeifert") is not tried in the others: loading their patterns
    costs a tenth of a second, and words-only stamps ("gestern") follow the page's language."""
    if language is not None and language in DEFAULT_DATE_ORDER:
        data = _parser((language,), order, base).get_date_data(text)
        if data.date_obj is not None or not any(c.isdigit() for c in text):
            return data  # a stamp without digits ("yesterday") is in the page's language
    return _parser(_languages(language), order, base).get_date_data(text)


def _first_date(text: str, language: str | None, order: str, base: datetime) -> datetime | None:
    found: datetime | None = _date_data(text, language, order, base).date_obj
    return found


def _pieces(line: str) -> list[str]:
    pieces = re.split(f"[{re.escape(PIECE_SEPARATORS)}]", line)
    return [p.strip() for p in pieces if p.strip()]


def parse_relative_stamp(line: str, language: str | None) -> timedelta | None:
    """Return how long before capture a relative stamp line says, or ``None``.

    A line is a relative stamp when it parses to a date that moves with the base date by a fixed
    interval ("3 weeks ago" is always 21 days before "now").
    """
    text = line.strip()
    if not text or len(text.split()) > _MAX_STAMP_TOKENS or _YEAR.search(text):
        return None
    deltas: list[timedelta] = []
    for base in _BASES:
        found = _first_date(text, language, "DMY", base)
        if found is None:
            return None
        deltas.append(base - found.replace(tzinfo=None))
    if deltas[0] != deltas[1] or deltas[0] <= timedelta(0):
        return None
    return deltas[0]


def parse_absolute_date(line: str, language: str | None) -> FoundDate | None:
    """Return the publication date a short metadata line gives, or ``None``.

    The line must contain a digit and be short; prefixes such as "Published:" are allowed.
    """
    text = line.strip()
    if not any(c.isdigit() for c in text) or len(text.split()) > _MAX_DATE_TOKENS:
        return None
    langs = _languages(language)
    for piece in _pieces(text):
        if not any(c.isdigit() for c in piece) or parse_relative_stamp(piece, language):
            continue
        order = date_order(piece, language)
        data = _date_data(piece, language, order, _BASES[0])
        found = data.date_obj
        period = data.period or "day"
        if found is None:
            from dateparser.search import search_dates  # slow to import: only when needed

            hits = search_dates(piece, languages=list(langs), settings={"DATE_ORDER": order})
            # The rest of the line may only be a short label ("Published:", "Обновлено").
            hits = [
                (s, d)
                for s, d in hits or []
                if _YEAR.search(s) and len(piece.replace(s, " ").split()) <= _MAX_LABEL_WORDS
            ]
            if not hits:
                continue
            found, period = hits[0][1], "day"
        if not _YEAR.search(piece):
            continue  # "24. Oktober" alone would be dated against an arbitrary base
        precision = _PERIOD_PRECISION.get(period, DatePrecision.DAY)
        value = found.date()
        if precision is DatePrecision.MONTH:
            value = value.replace(day=1)
        elif precision is DatePrecision.YEAR:
            value = value.replace(month=1, day=1)
        return FoundDate(value, precision, piece)
    return None
