"""WARC archives: every HTML response record goes through the HTML reader.

Bounded: the HTML payloads read from one archive (after decompression) may total at most
``max_bytes``, and at most :data:`MAX_RECORDS` records are looked at, so a small ``.warc.gz``
cannot unpack into gigabytes in memory.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from fogofwar.errors import InputError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers.options import DEFAULT_MAX_BYTES

__all__ = ["MAX_RECORDS", "parse_warc"]

HtmlReader = Callable[[bytes, str, str | None], Article | Rejected]
MAX_RECORDS = 100_000


def parse_warc(
    data: bytes, *, source: str, read_html: HtmlReader, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article | Rejected]:
    """Read the HTML responses of a WARC (optionally gzipped) with ``read_html``."""
    out: list[Article | Rejected] = []
    budget = max_bytes
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if n > MAX_RECORDS:
                raise InputError(
                    ReasonCode.TOO_LARGE,
                    f"{source}: more than {MAX_RECORDS} records; split the archive",
                )
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(budget + 1)
            budget -= len(payload)
            if budget < 0:
                raise InputError(
                    ReasonCode.TOO_LARGE,
                    f"{source}: the archive's HTML unpacks to more than {max_bytes} bytes; "
                    "raise max_bytes or split the archive",
                )
            out.append(read_html(payload, f"{source}#{n}", uri))
    except (AttributeError, TypeError, KeyError) as exc:
        # warcio dereferences mandatory headers (WARC-Target-URI, Content-Length) unchecked
        _damaged(out, source, ValueError(f"a record lacks a mandatory header ({exc})"))
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        _damaged(out, source, exc)
    if not out:
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: the WARC archive holds no HTML response record; nothing to read",
        )
    return out


def _damaged(out: list[Article | Rejected], source: str, exc: Exception) -> None:
    """Raise (nothing read yet) or append a rejection for a damaged archive."""
    message = (
        f"{source}: the WARC archive is damaged ({type(exc).__name__}: {exc}); "
        f"{len(out)} records before the damage were read; re-fetch or repair the archive"
    )
    if not out:
        raise InputError(ReasonCode.MALFORMED_WARC, message) from exc
    out.append(Rejected(source, "read", ReasonCode.MALFORMED_WARC, message))
