"""CSV (and TSV) tables with a header: one article per row.

Column mapping. The header names the columns; each article field takes the first column whose
name (ignoring case and surrounding spaces) is one of the field's keys in
:class:`~fogofwar.readers.options.JsonFields`, so common names are found without configuration:

========== ==========================================================
field      columns tried, in order
========== ==========================================================
text       text, body, content, article
title      title, headline
url        url, link
published  published, date, datePublished, published_at, pubDate
publisher  publisher, source, outlet, site_name, sitename
language   lang, language
authors    authors, author, byline
section    section, category
========== ==========================================================

``--field text=body`` (:func:`~fogofwar.readers.options.parse_field_overrides`) replaces the
columns tried for a field. A table without a text column is rejected as a whole, naming its
columns. Each bad row is rejected on its own with its line number (``file.csv:LINE``): a row
with more or fewer cells than the header, a row without text, or a date that cannot be read;
the other rows are read.

The delimiter is the one of ``, ; TAB |`` that occurs most often in the header line outside
quotes; a UTF-8 BOM is ignored (decoding drops it). The file may be as large as
``max_container_bytes``; a cell larger than the one-article limit (``max_bytes``) rejects its row
(``too_large``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from fogofwar.errors import InputError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers.jsondoc import record_to_article
from fogofwar.readers.options import FIELD_NAMES, JsonFields

__all__ = ["parse_csv", "sniff_delimiter"]

_DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(header: str) -> str:
    """The delimiter of a header line: the most frequent of ``, ; TAB |`` outside quotes."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _resolve(header: list[str], fields: JsonFields) -> JsonFields:
    """Fields whose keys are the header's own column names (first match of each key)."""
    by_key: dict[str, str] = {}
    for name in header:
        by_key.setdefault(name.strip().casefold(), name)
    chosen: dict[str, tuple[str, ...]] = {}
    for field in FIELD_NAMES:
        keys: tuple[str, ...] = getattr(fields, field)
        chosen[field] = tuple(
            by_key[k.strip().casefold()] for k in keys if k.strip().casefold() in by_key
        )
    return replace(fields, **chosen)


def _rows(lines: Any) -> Iterator[tuple[int, list[str] | str]]:
    """(first line of the row, cells) or (line, error message), never raising csv.Error."""
    start = lines.line_num + 1
    while True:
        try:
            row = next(lines)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, f"the row cannot be parsed ({exc})"
            start = lines.line_num + 1
            continue
        yield start, row
        start = lines.line_num + 1


def parse_csv(
    text: str, *, source: str, fields: JsonFields, max_field: int
) -> list[Article | Rejected]:
    """Read a CSV/TSV table with a header into one article per row; bad rows are rejected."""
    # csv's own cap is process-wide; lift it to this input's size (which bounds every cell) and
    # enforce the per-cell limit below, row by row.
    csv.field_size_limit(max(len(text) + 1, csv.field_size_limit()))
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    lines = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = next(lines)
    except (StopIteration, csv.Error) as exc:
        raise InputError(
            ReasonCode.MALFORMED_CSV, f"{source}: no readable header line ({exc or 'empty'})"
        ) from None
    header = [h.strip() for h in header]
    resolved = _resolve(header, fields)
    if not resolved.text:
        raise InputError(
            ReasonCode.MALFORMED_CSV,
            f"{source}: no text column among {header[:12]}; name it with --field text=COLUMN "
            f"(tried {', '.join(fields.text)})",
        )
    out: list[Article | Rejected] = []
    for line, row in _rows(lines):
        where = f"{source}:{line}"
        if isinstance(row, str):
            out.append(_bad(where, line, row))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            out.append(
                _bad(
                    where,
                    line,
                    f"the row has {len(row)} cells, the header {len(header)} "
                    f"(delimiter {delimiter!r}); quote cells that contain it",
                )
            )
            continue
        longest = max(len(cell) for cell in row)
        if longest > max_field:
            out.append(
                Rejected(
                    where,
                    "read",
                    ReasonCode.TOO_LARGE,
                    f"{where}: line {line}: a cell of {longest} characters exceeds the "
                    f"one-article limit of {max_field}; raise max_bytes if it is one article",
                )
            )
            continue
        record = dict(zip(header, row, strict=True))
        try:
            out.append(
                record_to_article(
                    record, source=where, fields=resolved, fmt="csv", strict_dates=True
                )
            )
        except InputError as exc:
            message = str(exc).removeprefix(f"{where}: ")
            out.append(Rejected(where, exc.stage, exc.reason, f"{where}: line {line}: {message}"))
    if not out:
        raise InputError(
            ReasonCode.EMPTY, f"{source}: the table has a header but no rows; nothing to read"
        )
    return out


def _bad(where: str, line: int, message: str) -> Rejected:
    return Rejected(where, "read", ReasonCode.MALFORMED_CSV, f"{where}: line {line}: {message}")
