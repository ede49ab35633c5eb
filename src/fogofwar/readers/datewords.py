"""Written-out dates ("Viernes, 22 de Abril de 2022", "15 августа 2016, 13:43") without dateparser.

htmldate hands a date string its own patterns miss to an external parser (dateparser). A
dateparser restricted to a dozen languages still compiles each language's patterns on first
use: about two CPU seconds in every process that meets such a string, for what is a handful of
strings per thousand pages. This module reads the same strings with one table of month and
weekday names, taken from dateparser's own language data (plain files, read without importing
dateparser) for :data:`DATE_LANGUAGES`.

A string is read only when *every* word in it is a month or weekday name, an am/pm mark or a
filler word of one of those languages ("de", "um", "года" …) — "Publicado: Jueves, 21 Abril
2022" is not read, as dateparser in strict mode does not read it — and it names one month, one
day and a four-digit year; or when it is three numbers, a four-digit year first or last, whose
day and month order is not in doubt ("07-30-2008", "26 | 01 | 2022"; "07-08-2008" is not read).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["DATE_LANGUAGES", "WordDateParser", "month_names", "month_number", "parse_date_words"]

# The languages whose month and weekday names are read (news read here is in these).
DATE_LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "cs", "ru", "uk", "sv", "da", "tr",
)  # fmt: skip

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words dateparser's tables leave out but dates carry ("года", "р.", "hrs").
_EXTRA_FILLERS = ("г", "года", "год", "р", "року", "rok", "roku", "hrs", "h", "utc", "gmt")
# a time of day ("13:43", "18h", "18h30"), a number, a word
_TOKEN = re.compile(r"[0-9]{1,2}(?::[0-9]{2}(?::[0-9]{2})?|[hH](?:[0-9]{2})?(?!\w))|[0-9]+|\w+")
_ASCII_NUMBER = re.compile(r"[0-9]")
_NUMERIC = re.compile(r"^\s*([0-9]{1,4})\s*([-./|])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,4})\s*$")


def _fold(word: str) -> str:
    """Lower case without accents (dateparser's NORMALIZE), "é" → "e", "й" → "и"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    months: dict[str, int]
    others: frozenset[str]  # weekday names, am/pm marks, filler words
    month_names: frozenset[str]  # as the tables write them


def _language_data(lang: str) -> dict[str, Any]:
    spec = importlib.util.find_spec("dateparser")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "data" / "date_translation_data" / f"{lang}.py"
    try:
        source = path.read_text(encoding="utf-8")
        data = ast.literal_eval(source.split("=", 1)[1])
    except (OSError, ValueError, SyntaxError, IndexError):
        return {}
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    months: dict[str, int] = {}
    names: set[str] = set()
    others: set[str] = {_fold(w) for w in _EXTRA_FILLERS}
    for lang in DATE_LANGUAGES:
        data = _language_data(lang)
        for number, key in enumerate(_MONTHS, start=1):
            for word in data.get(key, ()):
                months.setdefault(_fold(str(word)), number)
                names.add(str(word))
        for key in (*_WEEKDAYS, "am", "pm", "skip"):
            for word in data.get(key, ()):
                for part in _TOKEN.findall(_fold(str(word))):
                    others.add(part)
    others.difference_update(months)
    return _Vocabulary(months, frozenset(others), frozenset(names))


def month_names() -> frozenset[str]:
    """The month names (and their abbreviations) of :data:`DATE_LANGUAGES`, as written."""
    return _vocabulary().month_names


def month_number(word: str) -> int | None:
    """The month (1-12) a month name or abbreviation of :data:`DATE_LANGUAGES` names, any case
    and accents ("März", "марта", "Sept."), or ``None``."""
    return _vocabulary().months.get(_fold(word))


def _date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _numeric(text: str) -> datetime | None:
    m = _NUMERIC.match(text)
    if m is None:
        return None
    a, b, c = m.group(1), m.group(3), m.group(4)
    if len(a) == 4 and len(c) <= 2:
        return _date(int(a), int(b), int(c))
    if len(c) != 4 or len(a) > 2:
        return None
    first, second = int(a), int(b)
    if first > 12 >= second:
        return _date(int(c), second, first)
    if second > 12 >= first:
        return _date(int(c), first, second)
    if first == second:
        return _date(int(c), first, first)
    return None  # day and month could be either


def parse_date_words(text: str) -> datetime | None:
    """The date a written-out date string names (see the module doc), or ``None``."""
    if (found := _numeric(text)) is not None:
        return found
    vocab = _vocabulary()
    month: int | None = None
    numbers: list[str] = []
    for token in _TOKEN.findall(text):
        if _ASCII_NUMBER.match(token):
            if not token.isdigit():
                continue  # a time of day
            numbers.append(token)
            continue
        word = _fold(token)
        if word in vocab.months and month is None:
            month = vocab.months[word]
        elif word not in vocab.others:
            return None  # a word that is not part of a date
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2 and 1 <= int(n) <= 31]
    if month is None or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        return None
    return _date(int(years[0]), month, int(days[0]))


class WordDateParser:
    """Stands in for dateparser's ``DateDataParser`` where htmldate calls it."""

    def get_date_data(self, date_string: str) -> dict[str, datetime | None]:
        """``{"date_obj": …}`` as dateparser answers: the date, or ``None``."""
        return {"date_obj": parse_date_words(date_string)}
