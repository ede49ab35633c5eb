"""JSON and JSON Lines: one article per object, fields found through :class:`JsonFields`."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

from dateparser.date import DateDataParser

from fogofwar.errors import InputError
from fogofwar.langid import identify, supported_languages
from fogofwar.model import Article, DatePrecision, ReasonCode, Rejected
from fogofwar.readers.htmlpage import fragment_to_text
from fogofwar.readers.options import JsonFields
from fogofwar.readers.telegram import is_telegram_export, parse_telegram

__all__ = ["parse_json", "parse_jsonl", "read_published", "record_to_article"]

_DATE_PARSER = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first"})
_PERIOD_PRECISION = {
    "day": DatePrecision.DAY,
    "time": DatePrecision.DAY,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}


_UNIX = re.compile(r"\d{9,11}(\.\d+)?")
# Unix seconds from 2001-09-09 to 2286: a bare number in that range is a moment, not a year.
_MIN_UNIX = 10**9


def _lookup(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value: Any = record.get(key)
        if value is None and "." in key:
            value = record
            for part in key.split("."):
                value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, "", [], {}):
            return value
    return None


def _no_nul(value: str) -> str:
    """``value`` without NUL characters, which no database stores."""
    return value.replace("\x00", "")


def _publisher(value: Any) -> str | None:
    """A publisher name from a string or an object with a ``name`` (NewsAPI's ``source``)."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        return " ".join(_no_nul(value).split()) or None
    return None


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and _no_nul(name).strip():
            names.append(" ".join(_no_nul(name).split()))
    return tuple(names)


Published = tuple[date | None, DatePrecision | None, datetime | None]


def _unix(value: Any) -> datetime | None:
    number: float | None = None
    if (isinstance(value, int | float) and not isinstance(value, bool)) or (
        isinstance(value, str) and _UNIX.fullmatch(value.strip())
    ):
        number = float(value)
    if number is None or number < _MIN_UNIX or number != number:
        return None
    try:
        return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def read_published(value: Any) -> Published:
    """Day, precision and (when the value gives a time with a zone) the aware moment.

    ISO 8601 with an offset and Unix seconds give a moment (Unix seconds in UTC); other
    strings go through dateparser. ``(None, None, None)`` when nothing can be read.
    """
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None, None, None
    moment = _unix(value)
    if moment is None and isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                return parsed.date(), DatePrecision.DAY, None
            moment = parsed
    if moment is not None:
        return moment.date(), DatePrecision.DAY, moment
    text = str(value).strip()
    if not text or len(text) > 200:
        return None, None, None
    data = _DATE_PARSER.get_date_data(text)
    if data.date_obj is None:
        return None, None, None
    found = data.date_obj
    precision = _PERIOD_PRECISION.get(data.period or "day", DatePrecision.DAY)
    aware = found if found.tzinfo is not None and data.period == "time" else None
    day = found.date()
    if precision is DatePrecision.MONTH:
        day = day.replace(day=1)
    elif precision is DatePrecision.YEAR:
        day = day.replace(month=1, day=1)
    return day, precision, aware


def record_to_article(
    record: Any,
    *,
    source: str,
    fields: JsonFields,
    fmt: str = "json",
    strict_dates: bool = False,
) -> Article:
    """Map one JSON object (or CSV row) to an article; raise :class:`InputError` when it has
    no text, or, with ``strict_dates``, a date value that cannot be read."""
    if not isinstance(record, dict):
        raise InputError(
            ReasonCode.MALFORMED_JSON,
            f"{source}: expected a JSON object per article, got {type(record).__name__}",
        )
    raw_text = _lookup(record, fields.text)
    text = fragment_to_text(_no_nul(raw_text)) if isinstance(raw_text, str) else ""
    if not text and fmt == "csv":
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: the text cell (column {', '.join(fields.text)}) is empty; "
            "fill it or delete the row",
        )
    if not text:
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: the record has no text under any of the keys {list(fields.text)}; "
            "name the body key with --field text=KEY (Python: JsonFields(text=(KEY,)))",
        )
    title_value = _lookup(record, fields.title)
    title = " ".join(_no_nul(title_value).split()) if isinstance(title_value, str) else None
    declared = _lookup(record, fields.language)
    declared = declared.lower()[:2] if isinstance(declared, str) else None
    if declared in supported_languages():
        language, confidence = str(declared), 1.0
    else:
        language, confidence = identify(text)
    raw_date = _lookup(record, fields.published)
    published, precision, moment = read_published(raw_date)
    if strict_dates and raw_date is not None and published is None:
        raise InputError(
            ReasonCode.MALFORMED_CSV if fmt == "csv" else ReasonCode.MALFORMED_JSON,
            f"{source}: the date {str(raw_date)[:40]!r} cannot be read; write it as "
            "YYYY-MM-DD (or ISO 8601 with a time and offset)",
        )
    url = _lookup(record, fields.url)
    section = _lookup(record, fields.section)
    return Article.create(
        source=source,
        text=text,
        title=title or None,
        headline=title or None,
        authors=_authors(_lookup(record, fields.authors)),
        published=published,
        published_precision=precision,
        section=_no_nul(section) or None if isinstance(section, str) else None,
        language=language,
        language_confidence=confidence,
        source_format=fmt,
        url=_no_nul(url).strip() or None if isinstance(url, str) else None,
        publisher=_publisher(_lookup(record, fields.publisher)),
        published_at=moment,
    )


def _one(record: Any, source: str, fields: JsonFields, fmt: str) -> Article | Rejected:
    try:
        return record_to_article(record, source=source, fields=fields, fmt=fmt)
    except InputError as exc:
        return Rejected(source, exc.stage, exc.reason, str(exc), published=exc.published)


def parse_json(
    text: str, *, source: str, fields: JsonFields, telegram: bool = False
) -> list[Article | Rejected]:
    """Read a JSON document: one article object, a list of them, or a Telegram Desktop export
    (recognised by its shape, or required with ``telegram``)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            ReasonCode.MALFORMED_JSON,
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "fix the file or save one object per line as JSONL",
        ) from exc
    if is_telegram_export(data):
        return parse_telegram(data, source=source)
    if telegram:
        raise InputError(
            ReasonCode.MALFORMED_JSON,
            f"{source}: not a Telegram Desktop export (no 'messages' list nor 'chats' list); "
            "export the chat as JSON from Telegram Desktop",
        )
    records = data if isinstance(data, list) else [data]
    return [
        _one(r, f"{source}#{i}" if len(records) > 1 else source, fields, "json")
        for i, r in enumerate(records, 1)
    ]


def parse_jsonl(text: str, *, source: str, fields: JsonFields) -> list[Article | Rejected]:
    """Read JSON Lines: one article object per line; a bad line is rejected on its own."""
    out: list[Article | Rejected] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(
                Rejected(
                    where,
                    "read",
                    ReasonCode.MALFORMED_JSON,
                    f"{where}: line {lineno} is not valid JSON ({exc.msg} at column {exc.colno}); "
                    "fix or remove that line, the other lines were read",
                )
            )
            continue
        out.append(_one(record, where, fields, "jsonl"))
    return out
