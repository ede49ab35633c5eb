"""The read-only JSON endpoints under ``/api``. Each is a thin shell over one services call.

Records are the ones the CLI prints: :func:`~fogofwar.records.article_record`,
:func:`~fogofwar.records.rejected_record` and claims-v1 (:meth:`~fogofwar.claim.Claim.to_record`).
Lists come as ``{"<things>": [...], "limit": n, "offset": n, "next": url | null}``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

from fogofwar import PIPELINE_VERSION, __version__, services
from fogofwar.claim import SCHEMA, Certainty, Claim, ClaimKind, SourceKind
from fogofwar.errors import NotFoundError
from fogofwar.model import Article, ReasonCode, article_id_for
from fogofwar.records import article_record, claim_export_record, rejected_record
from fogofwar.services import Store, StoredRejection
from fogofwar.web.errors import ApiError
from fogofwar.web.state import get_store

__all__ = ["MAX_LIMIT", "lookup_article", "parse_as_of", "parse_since", "router"]

MAX_LIMIT = 1000
"""Largest page any list endpoint returns."""

_MAX_OFFSET = 2**31  # keeps offsets inside every backend's integer range
_CHUNK_CLAIMS = 200
_ID_LENGTH = len(article_id_for("0" * 64))
_E = TypeVar("_E", bound=StrEnum)

router = APIRouter(prefix="/api")

StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=_MAX_OFFSET, description="Rows to skip.")]
Lang = Annotated[str | None, Query(max_length=16, description="ISO 639-1 code, e.g. de.")]


def parse_since(value: str | None) -> date | None:
    """``since`` as a date; :class:`ApiError` 400 ``bad_date`` unless it is ``YYYY-MM-DD``."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, "bad_date", f"since={value!r} is not a date: use YYYY-MM-DD") from None


def parse_as_of(value: str | None) -> datetime | None:
    """``as_of``: a date means the end of that day (UTC), a naive datetime is UTC; 400
    ``bad_date`` otherwise."""
    if value is None or value == "":
        return None
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time.max, tzinfo=UTC)
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(
            400, "bad_date", f"as_of={value!r} is not a date: use YYYY-MM-DD or ISO 8601"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _choice(enum: type[_E], value: str | None, name: str) -> _E | None:
    """``value`` as a member of ``enum``; 400 ``bad_filter`` listing the allowed values."""
    if value is None or value == "":
        return None
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ApiError(
            400, "bad_filter", f"unknown {name} {value!r}: use one of {allowed}"
        ) from None


def _plain(value: str | None, name: str) -> str | None:
    """A free-text filter value, refused (400) when it holds control characters."""
    if value is None or value == "":
        return None
    if not value.isprintable():
        raise ApiError(400, "bad_filter", f"{name} must not contain control characters")
    return value


def lookup_article(store: Store, article_id: str) -> Article:
    """The stored article with exactly this id; :class:`~fogofwar.errors.NotFoundError` (404)
    otherwise.

    The API takes whole ids only (no prefixes as the CLI does), so URLs stay canonical and an
    ambiguous prefix can never surface as a store error.
    """
    if len(article_id) == _ID_LENGTH and article_id.isascii() and article_id.isalnum():
        try:
            return services.get_article(store, article_id, exact=True)
        except NotFoundError:
            pass
    raise NotFoundError(f"no article {article_id!r}: list ids with /api/articles")


def _page(request: Request, key: str, rows: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of ``limit`` rows from ``rows`` (fetched with one extra to know if more follow)."""
    more = len(rows) > limit
    nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
    return {key: rows[:limit], "limit": limit, "offset": offset, "next": nxt}


@router.get("/health")
def health(store: StoreDep) -> JSONResponse:
    """Liveness and what is stored: 200 with counts, or 503 when the store cannot be read."""
    return JSONResponse(
        {
            "status": "ok",
            "articles": services.count_articles(store),
            "schema": SCHEMA,
            "pipeline_version": PIPELINE_VERSION,
            "version": __version__,
        }
    )


@router.get("/articles")
def list_articles(
    request: Request,
    store: StoreDep,
    search: Annotated[
        str | None,
        Query(max_length=500, description='Web-search syntax: words, "phrases", -not, or.'),
    ] = None,
    lang: Lang = None,
    since: Annotated[str | None, Query(description="Published on or after YYYY-MM-DD.")] = None,
    publisher: Annotated[
        str | None,
        Query(max_length=200, description="Publisher (outlet, channel) contains this."),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSONResponse:
    """Stored articles (records without text): best match first when searching, else newest."""
    rows = services.list_articles(
        store,
        search=search or None,
        lang=_plain(lang, "lang"),
        since=parse_since(since),
        publisher=publisher or None,
        limit=limit + 1,
        offset=offset,
    )
    records = [article_record(a, with_text=False) for a in rows]
    return JSONResponse(_page(request, "articles", records, limit, offset))


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> JSONResponse:
    """One article record with its text and its claims (claims-v1)."""
    article = lookup_article(store, article_id)
    record = article_record(article)
    record["claims"] = [
        claim_export_record(c, article) for c in services.article_claims(store, article.id)
    ]
    return JSONResponse(record)


@router.get("/articles/{article_id}/text", response_class=PlainTextResponse)
def get_article_text(article_id: str, store: StoreDep) -> PlainTextResponse:
    """Exactly the stored body (UTF-8): claim offsets are code-point indices into it."""
    return PlainTextResponse(lookup_article(store, article_id).text)


def _claim_filters(
    kind: str | None,
    source_kind: str | None,
    certainty: str | None,
    lang: str | None,
    article: str | None,
) -> dict[str, Any]:
    return {
        "kind": _choice(ClaimKind, kind, "kind"),
        "source_kind": _choice(SourceKind, source_kind, "source_kind"),
        "certainty": _choice(Certainty, certainty, "certainty"),
        "lang": _plain(lang, "lang"),
        "article_id": _plain(article, "article"),
    }


Kind = Annotated[str | None, Query(description="A claims-v1 kind, e.g. casualties.")]
SourceKindQ = Annotated[str | None, Query(description="Who claims it, e.g. military.")]
CertaintyQ = Annotated[str | None, Query(description="How firmly, e.g. confirmed.")]
ArticleQ = Annotated[str | None, Query(max_length=64, description="An article id.")]


@router.get("/claims")
def list_claims(
    request: Request,
    store: StoreDep,
    kind: Kind = None,
    source_kind: SourceKindQ = None,
    certainty: CertaintyQ = None,
    lang: Lang = None,
    article: ArticleQ = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """Stored claims (claims-v1 records) matching every filter, in storage order."""
    filters = _claim_filters(kind, source_kind, certainty, lang, article)
    rows = services.list_claims(store, **filters, limit=limit + 1, offset=offset)
    records = list(services.claim_records(store, rows))
    return JSONResponse(_page(request, "claims", records, limit, offset))


def _jsonl(store: Store, first: list[Claim], rest: Iterator[Claim]) -> Iterator[str]:
    """claims-v1 lines (with ``publisher``), a few hundred per chunk (each chunk is one hop to
    a worker thread)."""
    claims = itertools.chain(first, rest)
    while batch := list(itertools.islice(claims, _CHUNK_CLAIMS)):
        records = services.claim_records(store, batch)
        yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


@router.get("/claims.jsonl", response_class=StreamingResponse)
def export_claims(
    store: StoreDep,
    kind: Kind = None,
    source_kind: SourceKindQ = None,
    certainty: CertaintyQ = None,
    lang: Lang = None,
    article: ArticleQ = None,
) -> StreamingResponse:
    """Every matching claim as claims-v1 JSONL, streamed (the same as ``fogofwar export``)."""
    filters = _claim_filters(kind, source_kind, certainty, lang, article)
    stream = services.iter_claims(store, **filters)
    # Pull the first claim now: a store that cannot be read fails here with a 503, not after
    # a 200 status line has gone out.
    first = list(itertools.islice(stream, 1))
    return StreamingResponse(_jsonl(store, first, stream), media_type="application/x-ndjson")


def _rejection_record(row: StoredRejection) -> dict[str, Any]:
    return {"id": row.id, **rejected_record(row.rejected)}


@router.get("/rejects")
def list_rejects(
    request: Request,
    store: StoreDep,
    reason: Annotated[str | None, Query(description="A rejection reason code.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """Stored rejections (why an input did not become an article), newest first."""
    code = _choice(ReasonCode, reason, "reason")
    rows = services.list_rejections(store, limit=limit + 1, offset=offset, reason=code)
    records = [_rejection_record(r) for r in rows]
    return JSONResponse(_page(request, "rejects", records, limit, offset))


AsOf = Annotated[
    str | None, Query(description="The record as it stood then: YYYY-MM-DD (end of day) or ISO.")
]


@router.get("/events")
def list_events(
    request: Request,
    store: StoreDep,
    kind: Annotated[str | None, Query(max_length=64, description="e.g. casualties.")] = None,
    country: Annotated[
        str | None, Query(max_length=200, description="ISO 3166 alpha-3 (RUS) or place name.")
    ] = None,
    since: Annotated[str | None, Query(description="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="On or before YYYY-MM-DD.")] = None,
    flag: Annotated[str | None, Query(max_length=64, description="A flag code.")] = None,
    as_of: AsOf = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """Event records (events-v1) matching every filter, newest claimed date first."""
    rows = services.list_events(
        store,
        kind=_plain(kind, "kind"),
        country=_plain(country, "country"),
        since=parse_since(since),
        until=parse_since(until),
        flag=_plain(flag, "flag"),
        as_of=parse_as_of(as_of),
    )
    records = [r.to_record() for r in rows[offset : offset + limit + 1]]
    return JSONResponse(_page(request, "events", records, limit, offset))


@router.get("/events/{event_id}")
def get_event(event_id: str, store: StoreDep, as_of: AsOf = None) -> JSONResponse:
    """One event (an id or unique prefix): its record, claims, lineage, figures and flags."""
    if not (event_id.isascii() and event_id.isalnum()):
        raise NotFoundError(f"no event {event_id!r}: list ids with /api/events")
    detail = services.event_detail(store, event_id, as_of=parse_as_of(as_of))
    return JSONResponse(services.detail_record(detail))


@router.get("/flags")
def list_flags(
    store: StoreDep,
    code: Annotated[str | None, Query(max_length=64, description="A flag code.")] = None,
    article: ArticleQ = None,
    as_of: AsOf = None,
) -> JSONResponse:
    """What a careful reader flags, with reasons and the claims each flag rests on."""
    flag = _plain(code, "code")
    services.check_flag(flag)
    rows = services.list_flags(
        store, code=flag, article_id=_plain(article, "article"), as_of=parse_as_of(as_of)
    )
    return JSONResponse({"flags": [services.flag_record(f) for f in rows]})
