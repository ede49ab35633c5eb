"""Routing inputs (paths, directories, URLs, stdin) to the reader of their format.

Nothing here raises for bad input: every input yields articles or a :class:`Rejected` with a
specific reason, and good inputs of the same batch still come through.
"""

from __future__ import annotations

import functools
import itertools
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from fogofwar.errors import InputError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers.decoding import decode_bytes, decode_html
from fogofwar.readers.options import ReadOptions
from fogofwar.readers.pool import forks_workers, ordered_map
from fogofwar.readers.selection import not_an_article
from fogofwar.readers.throttle import HostThrottle

if TYPE_CHECKING:
    from fogofwar.readers.feed import FetchPage

# The format readers load on first use (start-up time: reading a text file never loads the HTML,
# feed, WARC or HTTP libraries).

__all__ = ["FORMATS", "read_bytes", "read_inputs", "sniff_format"]

FORMATS: tuple[str, ...] = ("text", "html", "json", "jsonl", "feed", "warc", "csv", "telegram")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
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
_Unit = tuple[str, str, bytes]
"""One unit of reading work: (kind, name, bytes); kind is bytes, url, file or missing."""
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF = 4096


def _now() -> datetime:
    return datetime.now(UTC)


def _reject(source: str, exc: InputError) -> Rejected:
    return Rejected(source, exc.stage, exc.reason, str(exc), _now(), exc.published)


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


_CONTAINER_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".warc"})


def _limit(name: str, options: ReadOptions) -> int:
    """The size cap of an input: ``max_container_bytes`` for many-article formats by name."""
    suffixes = [s.lower() for s in PurePosixPath(urlsplit(name).path or name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _CONTAINER_SUFFIXES:
        return max(options.max_bytes, options.max_container_bytes)
    return options.max_bytes


def _gunzip(data: bytes, source: str, limit: int) -> bytes:
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(
            ReasonCode.BINARY, f"{source}: damaged gzip data ({exc}); re-download the file"
        ) from exc
    if len(out) > limit:
        raise InputError(
            ReasonCode.TOO_LARGE,
            f"{source}: decompresses to more than {limit} bytes; "
            "raise max_bytes if it really is one article",
        )
    return out


def _read_html_bytes(data: bytes, source: str, url: str | None) -> Article | Rejected:
    from fogofwar.readers.htmlpage import parse_html

    try:
        return parse_html(decode_html(data, source=source), source=source, url=url)
    except InputError as exc:
        return _reject(source, exc)


def _page_reader(options: ReadOptions, throttle: HostThrottle) -> FetchPage | None:
    """Reads a feed entry's linked page through the SSRF-guarded fetcher, host by host."""
    if not options.fetch_feed_links:
        return None

    from fogofwar.readers.fetch import fetch
    from fogofwar.readers.htmlpage import parse_html

    def read_page(url: str, source: str) -> Article | Rejected:
        throttle.wait(url)
        try:
            fetched = fetch(url, options)
            text = decode_bytes(fetched.content, source=source)
            return parse_html(text, source=source, url=fetched.url)
        except InputError as exc:
            return _reject(source, exc)

    return read_page


def _parse(
    data: bytes,
    source: str,
    fmt: str,
    options: ReadOptions,
    url: str | None,
    throttle: HostThrottle,
) -> list[Article | Rejected]:
    if fmt == "warc":
        from fogofwar.readers.warc import parse_warc

        return parse_warc(
            data, source=source, read_html=_read_html_bytes, max_bytes=options.max_bytes
        )
    if fmt == "feed":
        from fogofwar.readers.feed import parse_feed

        return parse_feed(data, source=source, fetch_page=_page_reader(options, throttle))
    if fmt == "html":
        from fogofwar.readers.htmlpage import parse_html

        return [parse_html(decode_html(data, source=source), source=source, url=url)]
    text = decode_bytes(data, source=source)
    if fmt == "csv":
        from fogofwar.readers.csvdoc import parse_csv

        return parse_csv(
            text, source=source, fields=options.json_fields, max_field=options.max_bytes
        )
    if fmt == "telegram":
        from fogofwar.readers.jsondoc import parse_json

        return parse_json(text, source=source, fields=options.json_fields, telegram=True)
    if fmt in ("json", "jsonl"):
        from fogofwar.readers.jsondoc import parse_json, parse_jsonl

        parse = parse_json if fmt == "json" else parse_jsonl
        return parse(text, source=source, fields=options.json_fields)
    if fmt == "text":
        from fogofwar.readers.textdump import parse_text_dump

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
    throttle: HostThrottle | None = None,
) -> list[Article | Rejected]:
    """Read one input's bytes into articles and/or rejections; never raises for bad input.

    ``fmt`` is one of :data:`FORMATS`, sniffed from ``source`` and the bytes when ``None``
    (a JSON document that is a Telegram Desktop export is read as ``telegram``). ``throttle``
    paces the pages fetched for feed entries without text (a new one when ``None``).
    """
    try:
        limit = _limit(source, options)
        if len(data) > limit:
            raise InputError(
                ReasonCode.TOO_LARGE,
                f"{source}: {len(data)} bytes exceed the limit of {limit}; "
                "raise max_bytes if it really is one article",
            )
        chosen = fmt or sniff_format(data, source)
        if data.startswith(_GZIP_MAGIC) and chosen != "warc":
            data = _gunzip(data, source, limit)
            chosen = fmt or sniff_format(data, source)
        pace = throttle or HostThrottle(options.per_host_interval)
        results = _parse(data, source, chosen, options, url, pace)
        return [r if isinstance(r, Article) or r.at is not None else _with_time(r) for r in results]
    except InputError as exc:
        return [_reject(source, exc)]
    except Exception as exc:  # a reader bug must not stop the batch
        return [_internal(source, exc)]


def _with_time(r: Rejected) -> Rejected:
    return replace(r, at=_now())


def _is_url(value: str) -> bool:
    return urlsplit(value).scheme.lower() in ("http", "https") or "://" in value


def _read_url(url: str, options: ReadOptions, throttle: HostThrottle) -> list[Article | Rejected]:
    from fogofwar.readers.fetch import fetch

    try:
        fetched = fetch(url, options)
    except InputError as exc:
        return [_reject(url, exc)]
    ctype = fetched.content_type.lower()
    fmt = next((f for key, f in _CONTENT_TYPES if key in ctype), None)
    return read_bytes(
        fetched.content, source=url, fmt=fmt, options=options, url=fetched.url, throttle=throttle
    )


_CONTENT_TYPES = (
    ("rss", "feed"),
    ("atom", "feed"),
    ("html", "html"),
    ("jsonl", "jsonl"),
    ("ndjson", "jsonl"),
    ("json", "json"),
    ("warc", "warc"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "csv"),
    ("text/plain", "text"),
)


def _files(root: Path) -> Iterator[Path | Rejected]:
    """Files under ``root`` (sorted), or a rejection for each one that is not an article.

    Inside a hidden directory nothing is reported (the directory is, once).
    """
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts[:-1]):
            continue
        if not (path.is_file() or (path.is_dir() and rel.name.startswith("."))):
            continue
        why = not_an_article(rel)
        if why is None:
            yield path
        else:
            yield Rejected(
                str(path), "select", ReasonCode.NOT_AN_ARTICLE, f"{path}: skipped, {why}", _now()
            )


def _read_file(
    path: Path, options: ReadOptions, throttle: HostThrottle
) -> list[Article | Rejected]:
    source = str(path)
    try:
        size = path.stat().st_size
        limit = _limit(source, options)
        if size > limit:
            raise InputError(
                ReasonCode.TOO_LARGE,
                f"{source}: {size} bytes exceed the limit of {limit}; "
                "raise max_bytes if it really is one article",
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
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
    return read_bytes(data, source=source, options=options, throttle=throttle)


def _units(
    inputs: Iterable[str], options: ReadOptions, stdin: Callable[[], BinaryIO] | None
) -> Iterator[_Unit]:
    """Inputs as independent units of work, in input order (stdin is read here, once)."""
    for item in inputs:
        if item == "-":
            stream = stdin() if stdin is not None else sys.stdin.buffer
            yield ("bytes", "<stdin>", stream.read(options.max_bytes + 1))
        elif _is_url(item):
            yield ("url", item, b"")
        else:
            path = Path(item)
            if path.is_dir():
                for file in _files(path):
                    if isinstance(file, Rejected):  # not an article: skipped with its reason
                        yield ("skip", file.input, file.message.encode("utf-8"))
                    else:
                        yield ("file", str(file), b"")
            elif path.exists():
                yield ("file", item, b"")
            else:
                yield ("missing", item, b"")


def _read_unit(unit: _Unit, options: ReadOptions) -> list[Article | Rejected]:
    kind, name, data = unit
    throttle = _throttle(options.per_host_interval)
    if kind == "bytes":
        return read_bytes(data, source=name, options=options, throttle=throttle)
    if kind == "url":
        return _read_url(name, options, throttle)
    if kind == "file":
        return _read_file(Path(name), options, throttle)
    if kind == "skip":
        message = data.decode("utf-8")
        return [Rejected(name, "select", ReasonCode.NOT_AN_ARTICLE, message, _now())]
    return [
        _reject(
            name,
            InputError(
                ReasonCode.NOT_FOUND,
                f"{name}: no such file, directory or URL; check the spelling "
                "(URLs must start with http:// or https://)",
            ),
        )
    ]


_THROTTLES: dict[float, HostThrottle] = {}


def _throttle(interval: float) -> HostThrottle:
    """The process's per-host throttle (one per worker process: with ``jobs`` workers a host
    sees at most ``jobs`` requests per interval)."""
    found = _THROTTLES.get(interval)
    if found is None:
        found = _THROTTLES[interval] = HostThrottle(interval)
    return found


def _unit_failed(unit: _Unit, exc: BaseException) -> list[Article | Rejected]:
    return [_internal(unit[1], exc)]


def _internal(source: str, exc: BaseException) -> Rejected:
    """The catch-all rejection of an input a reader failed on (a bug, counted apart)."""
    return Rejected(
        source,
        "read",
        ReasonCode.INTERNAL,
        f"{source}: internal error while reading ({type(exc).__name__}: {exc}); "
        "please report it with the input attached",
        _now(),
    )


# The reader module of each format, loaded before a pool forks (see _warm_for_pool).
_READER_MODULES = {
    "warc": "fogofwar.readers.warc",
    "feed": "fogofwar.readers.feed",
    "html": "fogofwar.readers.htmlpage",
    "csv": "fogofwar.readers.csvdoc",
    "telegram": "fogofwar.readers.jsondoc",
    "json": "fogofwar.readers.jsondoc",
    "jsonl": "fogofwar.readers.jsondoc",
    "text": "fogofwar.readers.textdump",
}


def _unit_format(unit: _Unit) -> str | None:
    kind, name, data = unit
    if kind == "file":
        try:
            with Path(name).open("rb") as fh:
                data = fh.read(_SNIFF)
        except OSError:
            return None
    elif kind == "url":
        return "html"
    elif kind != "bytes":
        return None
    return sniff_format(data, name)


def _warm_for_pool(head: list[_Unit]) -> None:
    """Load, once and before the pool forks, what every worker would otherwise load for itself:
    the reader modules the first inputs need (trafilatura and htmldate for web pages: half a
    CPU second per process) with the tables they build on first use (a module's ``warm_up``)
    and the language model. Workers are forked, so they start warm."""
    import importlib

    try:
        from fogofwar.langid import identify

        for fmt in {_unit_format(unit) for unit in head}:
            if fmt in _READER_MODULES:
                module = importlib.import_module(_READER_MODULES[fmt])
                warm = getattr(module, "warm_up", None)
                if callable(warm):
                    warm()
        identify("warm the language model")
    except Exception:  # only a head start: a failure shows (per input) where the work is done
        return


def read_inputs(
    inputs: Iterable[str],
    *,
    options: ReadOptions = ReadOptions(),  # noqa: B008 - frozen, safe as a default
    stdin: Callable[[], BinaryIO] | None = None,
    jobs: int = 1,
) -> Iterator[Article | Rejected]:
    """Read paths, directories, http(s) URLs and ``"-"`` (stdin bytes) lazily, yielding
    articles and rejections in input order.

    Directories are walked recursively in sorted order; files that are not articles (see
    :func:`~fogofwar.readers.selection.not_an_article`: hidden files, READMEs, licences, images,
    code …) are skipped with a ``not_an_article`` rejection. A file named on its own is read.
    With ``jobs`` > 1 the files, URLs and stdin bytes are read by that many worker processes
    (:func:`fogofwar.readers.pool.ordered_map`); the output order is the same as with one.
    """
    units = _units(inputs, options, stdin)
    head = list(itertools.islice(units, 2))
    workers = jobs if len(head) > 1 else 1  # one input: no pool to start
    if workers > 1 and forks_workers():
        _warm_for_pool(head)
    work = functools.partial(_read_unit, options=options)
    for results in ordered_map(
        work, itertools.chain(head, units), jobs=workers, on_error=_unit_failed
    ):
        yield from results
