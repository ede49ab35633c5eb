"""WARC archives: every HTML response record goes through the HTML reader."""

from __future__ import annotations

import io
from collections.abc import Callable

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from fogofwar.errors import InputError
from fogofwar.model import Article, ReasonCode, Rejected

__all__ = ["parse_warc"]

HtmlReader = Callable[[bytes, str, str | None], Article | Rejected]


def parse_warc(data: bytes, *, source: str, read_html: HtmlReader) -> list[Article | Rejected]:
    """Read the HTML responses of a WARC (optionally gzipped) with ``read_html``."""
    out: list[Article | Rejected] = []
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read()
            out.append(read_html(payload, f"{source}#{n}", uri))
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        message = (
            f"{source}: the WARC archive is damaged ({type(exc).__name__}: {exc}); "
            f"{len(out)} records before the damage were read; re-fetch or repair the archive"
        )
        if not out:
            raise InputError(ReasonCode.MALFORMED_WARC, message) from exc
        out.append(Rejected(source, "read", ReasonCode.MALFORMED_WARC, message))
    if not out:
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: the WARC archive holds no HTML response record; nothing to read",
        )
    return out
