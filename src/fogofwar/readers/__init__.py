"""Article readers: files, directories, URLs and stdin in many formats to :class:`Article`.

Public API::

    read_inputs(inputs, *, options=ReadOptions()) -> Iterator[Article | Rejected]
    read_bytes(data, *, source, fmt=None, options=ReadOptions(), url=None)
        -> list[Article | Rejected]

Formats: ``text`` (plain-text page dumps), ``html``, ``json``, ``jsonl``, ``feed`` (RSS/Atom),
``warc``, ``csv`` (a table with a header, one article per row) and ``telegram`` (Telegram
Desktop JSON exports, also recognised when read as ``json``).
Bad input never raises: it becomes a :class:`~fogofwar.model.Rejected`.
"""

from __future__ import annotations

from fogofwar.readers.decoding import decode_bytes
from fogofwar.readers.dispatch import FORMATS, read_bytes, read_inputs, sniff_format
from fogofwar.readers.options import (
    DEFAULT_MAX_BYTES,
    JsonFields,
    ReadOptions,
    parse_field_overrides,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "JsonFields",
    "ReadOptions",
    "decode_bytes",
    "parse_field_overrides",
    "read_bytes",
    "read_inputs",
    "sniff_format",
]
