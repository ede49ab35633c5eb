"""JSON and JSON Lines: one article per object, fields found through :class:`JsonFields`."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from dateparser.date import DateDataParser

from fogofwar.errors import InputError
from fogofwar.langid import identify, supported_languages
from fogofwar.model import Article, DatePrecision, ReasonCode, Rejected
from fogofwar.readers.htmlpage import fragment_to_text
from fogofwar.readers.options import JsonFields

__all__ = ["parse_json", "parse_jsonl"]

_DATE_PARSER = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first"})
_PERIOD_PRECISION = {
    "day": DatePrecision.DAY,
    "time": DatePrecision.DAY,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}


def _lookup(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value: Any = record
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, "", []):
            return value
    return None


def _authors(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return tuple(names)


def _published(value: Any) -> tuple[date | None, DatePrecision | None]:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None, None
    data = _DATE_PARSER.get_date_data(str(value))
    if data.date_obj is None:
        return None, None
    return data.date_obj.date(), _PERIOD_PRECISION.get(data.period or "day", DatePrecision.DAY)


def record_to_article(
    record: Any, *, source: str, fields: JsonFields, fmt: str = "json"
) -> Article:
    """Map one JSON object to an article; raise :class:`InputError` when it has no text."""
    if not isinstance(record, dict):
        raise InputError(
            ReasonCode.MALFORMED_JSON,
            f"{source}: expected a JSON object per article, got {type(record).__name__}",
        )
    raw_text = _lookup(record, fields.text)
    text = fragment_to_text(raw_text) if isinstance(raw_text, str) else ""
    if not text:
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: the record has no text under any of the keys {list(fields.text)}; "
            "map the body key with ReadOptions(json_fields=JsonFields(text=(...,)))",
        )
    title_value = _lookup(record, fields.title)
    title = " ".join(title_value.split()) if isinstance(title_value, str) else None
    declared = _lookup(record, fields.language)
    declared = declared.lower()[:2] if isinstance(declared, str) else None
    if declared in supported_languages():
        language, confidence = str(declared), 1.0
    else:
        language, confidence = identify(text)
    published, precision = _published(_lookup(record, fields.published))
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
        section=section if isinstance(section, str) else None,
        language=language,
        language_confidence=confidence,
        source_format=fmt,
        url=url if isinstance(url, str) else None,
    )


def _one(record: Any, source: str, fields: JsonFields, fmt: str) -> Article | Rejected:
    try:
        return record_to_article(record, source=source, fields=fields, fmt=fmt)
    except InputError as exc:
        return Rejected(source, exc.stage, exc.reason, str(exc))


def parse_json(text: str, *, source: str, fields: JsonFields) -> list[Article | Rejected]:
    """Read a JSON document: one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            ReasonCode.MALFORMED_JSON,
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "fix the file or save one object per line as JSONL",
        ) from exc
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
