"""``POST /api/ingest`` (token required) and ``GET /api/exports/{format}`` (streamed).

Ingest takes one input per request, by its Content-Type:

    text/plain                       a text dump (title, byline, date lines, body)
    text/html                        a web page (boilerplate removed)
    application/x-ndjson, …/jsonl    JSON lines, one article per line
    application/json                 {"url": "https://…"}: fetched (private addresses refused)

and answers with what was stored. The body is capped (``FOGOFWAR_WEB_MAX_BODY``); ingests run
one at a time in a child process (:class:`~fogofwar.web.state.IngestRunner`), so reading never
stalls the readers of the API.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, cast

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, StreamingResponse

from fogofwar import services
from fogofwar.errors import NotFoundError
from fogofwar.services import Store
from fogofwar.web.api import AsOf, parse_as_of, require_read
from fogofwar.web.config import WebConfig
from fogofwar.web.errors import ApiError
from fogofwar.web.security import check_token
from fogofwar.web.state import IngestRunner, get_config, get_store

__all__ = ["router", "write_router"]

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
write_router = APIRouter(prefix="/api")

_TYPES = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "url",
}
_CHUNK = 64 * 1024
_MEDIA = {
    "claims-jsonl": "application/x-ndjson",
    "events-jsonl": "application/x-ndjson",
    "acled-csv": "text/csv; charset=utf-8",
    "ucdp-csv": "text/csv; charset=utf-8",
    "plover-json": "application/json",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}


def _url_of(body: bytes) -> str:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "bad_body", 'send JSON like {"url": "https://…"}') from None
    url = data.get("url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ApiError(400, "bad_body", 'send JSON like {"url": "https://…"}')
    return url


@write_router.post("/ingest", status_code=200)
async def ingest(
    request: Request,
    config: Annotated[WebConfig, Depends(get_config)],
) -> JSONResponse:
    """Read one posted input (text, HTML, JSONL or a URL) into the store: needs the token."""
    check_token(request, config, write=True)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = _TYPES.get(media)
    if fmt is None:
        allowed = ", ".join(sorted(_TYPES))
        raise ApiError(415, "unsupported_type", f"Content-Type {media!r}: use one of {allowed}")
    body = await request.body()
    if not body:
        raise ApiError(400, "bad_body", "the request body is empty: send the article")
    if fmt == "url":
        body = _url_of(body).encode("utf-8")
    runner: IngestRunner = request.app.state.ingest
    return JSONResponse(await runner.run(body, fmt))


def _spooled_chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        spool.seek(0)
        while chunk := spool.read(_CHUNK):
            yield chunk
    finally:
        spool.close()


def _claims_lines(store: Store, filters: services.ClaimFilter) -> Iterator[str]:
    claims = services.iter_claims(store, filters)
    while batch := list(itertools.islice(claims, 200)):
        yield "".join(json.dumps(c.to_record(), ensure_ascii=False) + "\n" for c in batch)


@router.get("/exports/{fmt}")
def export(
    fmt: str,
    store: Annotated[Store, Depends(get_store)],
    as_of: AsOf = None,
) -> StreamingResponse:
    """The stored record in one of the CLI's export formats (``fogofwar export --format``),
    streamed: ``claims-jsonl`` (chunked reads) or an event format (events as of ``as_of``)."""
    if fmt not in services.EXPORT_FORMATS:
        raise NotFoundError(
            f"no export format {fmt[:40]!r}: use one of {', '.join(services.EXPORT_FORMATS)}"
        )
    headers = {"Content-Disposition": f'attachment; filename="fogofwar-{fmt}"'}
    if fmt == "claims-jsonl":
        if as_of:
            raise ApiError(400, "bad_filter", "as_of applies to event formats only")
        lines = _claims_lines(store, services.ClaimFilter())
        return StreamingResponse(lines, media_type=_MEDIA[fmt], headers=headers)
    when = parse_as_of(as_of)
    spool = tempfile.SpooledTemporaryFile(max_size=8_000_000)  # noqa: SIM115 - closed by stream
    if services.export_is_binary(fmt):
        services.export(store, fmt, cast(IO[bytes], spool), as_of=when)
    else:
        text = _TextOut(spool)
        services.export(store, fmt, cast(IO[str], text), as_of=when)
    return StreamingResponse(_spooled_chunks(spool), media_type=_MEDIA[fmt], headers=headers)


class _TextOut:
    """A minimal text stream over a binary spool (UTF-8)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()
