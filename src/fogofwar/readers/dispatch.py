"""Routing inputs (paths, directories, URLs, stdin) to the reader of their format.

Nothing here raises for bad input: every input yields articles or a :class:`Rejected` with a
specific reason, and good inputs of the same batch still come through.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from fogofwar.errors import InputError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers.decoding import decode_bytes
from fogofwar.readers.feed import parse_feed
from fogofwar.readers.fetch import fetch
from fogofwar.readers.htmlpage import parse_html
from fogofwar.readers.jsondoc import parse_json, parse_jsonl
from fogofwar.readers.options import ReadOptions
from fogofwar.readers.textdump import parse_text_dump
from fogofwar.readers.warc import parse_warc

__all__ = ["FORMATS", "read_bytes", "read_inputs", "sniff_format"]

FORMATS: tuple[str, ...] = ("text", "html", "json", "jsonl", "feed", "warc")
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 4096


def _now() -> datetime:
    return datetime.now(UTC)


def _reject(source: str, exc: InputError) -> Rejected:
    return Rejected(source, exc.stage, exc.reason, str(exc), _now())


def sniff_format(data: bytes, name: str | None = None) -> str:
    """Guess the format of ``data`` from its name, then from its first bytes."""
    if name:
        suffixes = [s.lower() for s in PurePosixPath(urlsplit(name).path or name).suffixes]
        if suffixes[-2:] == [".warc", ".gz"]:
            return "warc"
        if suffixes and suffixes[-1] == ".gz":
            suffixes = suffixes[:-1]
        if suffixes and suffixes[-1] in _EXTENSIONS:
            return _EXTENSIONS[suffixes[-1]]
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = head.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<"):
        return "feed" if any(m in lower for m in _FEED_MARKERS) else "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        lines = [ln for ln in data[: _SNIFF * 4].splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[:3]):
            return "jsonl"
        return "json"
    if b"<html" in lower or b"<!doctype html" in lower:
        return "html"
    return "text"


def _gunzip(data: bytes, source: str, options: ReadOptions) -> bytes:
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, options.max_bytes + 1)
    except zlib.error as exc:
        raise InputError(
            ReasonCode.BINARY, f"{source}: damaged gzip data ({exc}); re-download the file"
        ) from exc
    if len(out) > options.max_bytes:
        raise InputError(
            ReasonCode.TOO_LARGE,
            f"{source}: decompresses to more than {options.max_bytes} bytes; "
            "raise max_bytes if it really is one article",
        )
    return out


def _read_html_bytes(data: bytes, source: str, url: str | None) -> Article | Rejected:
    try:
        return parse_html(decode_bytes(data, source=source), source=source, url=url)
    except InputError as exc:
        return _reject(source, exc)


def _parse(
    data: bytes, source: str, fmt: str, options: ReadOptions, url: str | None
) -> list[Article | Rejected]:
    if fmt == "warc":
        return parse_warc(
            data, source=source, read_html=_read_html_bytes, max_bytes=options.max_bytes
        )
    if fmt == "feed":
        return parse_feed(data, source=source)
    text = decode_bytes(data, source=source)
    if fmt == "html":
        return [parse_html(text, source=source, url=url)]
    if fmt == "json":
        return parse_json(text, source=source, fields=options.json_fields)
    if fmt == "jsonl":
        return parse_jsonl(text, source=source, fields=options.json_fields)
    if fmt == "text":
        return [parse_text_dump(text, source=source)]
    raise InputError(
        ReasonCode.UNSUPPORTED_FORMAT,
        f"{source}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}",
    )


def read_bytes(
    data: bytes,
    *,
    source: str,
    fmt: str | None = None,
    options: ReadOptions = ReadOptions(),  # noqa: B008 - frozen, safe as a default
    url: str | None = None,
) -> list[Article | Rejected]:
    """Read one input's bytes into articles and/or rejections; never raises for bad input.

    ``fmt`` is one of :data:`FORMATS`, sniffed from ``source`` and the bytes when ``None``.
    """
    try:
        if len(data) > options.max_bytes:
            raise InputError(
                ReasonCode.TOO_LARGE,
                f"{source}: {len(data)} bytes exceed the limit of {options.max_bytes}; "
                "raise max_bytes if it really is one article",
            )
        chosen = fmt or sniff_format(data, source)
        if data.startswith(_GZIP_MAGIC) and chosen != "warc":
            data = _gunzip(data, source, options)
            chosen = fmt or sniff_format(data, source)
        results = _parse(data, source, chosen, options, url)
        return [r if isinstance(r, Article) or r.at is not None else _with_time(r) for r in results]
    except InputError as exc:
        return [_reject(source, exc)]
    except Exception as exc:  # a reader bug must not stop the batch
        return [
            Rejected(
                source,
                "read",
                ReasonCode.INTERNAL,
                f"{source}: internal error while reading ({type(exc).__name__}: {exc}); "
                "please report it with the input attached",
                _now(),
            )
        ]


def _with_time(r: Rejected) -> Rejected:
    return Rejected(r.input, r.stage, r.reason, r.message, _now())


def _is_url(value: str) -> bool:
    return urlsplit(value).scheme.lower() in ("http", "https") or "://" in value


def _read_stream(stream: BinaryIO, source: str, options: ReadOptions) -> list[Article | Rejected]:
    data = stream.read(options.max_bytes + 1)
    return read_bytes(data, source=source, options=options)


def _read_url(url: str, options: ReadOptions) -> list[Article | Rejected]:
    try:
        fetched = fetch(url, options)
    except InputError as exc:
        return [_reject(url, exc)]
    ctype = fetched.content_type.lower()
    fmt = next((f for key, f in _CONTENT_TYPES if key in ctype), None)
    return read_bytes(fetched.content, source=url, fmt=fmt, options=options, url=fetched.url)


_CONTENT_TYPES = (
    ("rss", "feed"),
    ("atom", "feed"),
    ("html", "html"),
    ("jsonl", "jsonl"),
    ("ndjson", "jsonl"),
    ("json", "json"),
    ("warc", "warc"),
    ("text/plain", "text"),
)


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def _read_file(path: Path, options: ReadOptions) -> list[Article | Rejected]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                ReasonCode.TOO_LARGE,
                f"{source}: {size} bytes exceed the limit of {options.max_bytes}; "
                "raise max_bytes if it really is one article",
            )
        with path.open("rb") as fh:
            data = fh.read(options.max_bytes + 1)
    except InputError as exc:
        return [_reject(source, exc)]
    except OSError as exc:
        return [
            _reject(
                source,
                InputError(
                    ReasonCode.NOT_FOUND,
                    f"{source}: cannot be read ({exc.strerror}); check the path and permissions",
                ),
            )
        ]
    return read_bytes(data, source=source, options=options)


def read_inputs(
    inputs: Iterable[str],
    *,
    options: ReadOptions = ReadOptions(),  # noqa: B008 - frozen, safe as a default
    stdin: Callable[[], BinaryIO] | None = None,
) -> Iterator[Article | Rejected]:
    """Read paths, directories (recursively, sorted, hidden files skipped), http(s) URLs and
    ``"-"`` (stdin bytes) lazily, yielding articles and rejections in input order.
    """
    for item in inputs:
        if item == "-":
            stream = stdin() if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, "<stdin>", options)
        elif _is_url(item):
            yield from _read_url(item, options)
        else:
            path = Path(item)
            if path.is_dir():
                for file in _files(path):
                    yield from _read_file(file, options)
            elif path.exists():
                yield from _read_file(path, options)
            else:
                yield _reject(
                    item,
                    InputError(
                        ReasonCode.NOT_FOUND,
                        f"{item}: no such file, directory or URL; check the spelling "
                        "(URLs must start with http:// or https://)",
                    ),
                )
