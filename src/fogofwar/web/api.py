"""The read-only JSON endpoints under ``/api``. Each is a thin shell over one services call.

Records are the ones the CLI prints: :func:`~fogofwar.records.article_record`,
:func:`~fogofwar.records.rejected_record` and claims-v1 (:meth:`~fogofwar.claim.Claim.to_record`).
Lists come as ``{"<things>": [...], "limit": n, "next": url | null}``: ``next`` carries a
stable keyset ``cursor`` (rows added meanwhile never shift a page), relative to this server.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from enum import StrEnum
from pathlib import PurePath
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse, StreamingResponse

from fogofwar import PIPELINE_VERSION, __version__, services
from fogofwar.claim import SCHEMA, Certainty, Claim, ClaimKind, SourceKind
from fogofwar.errors import NotFoundError
from fogofwar.model import Article, ReasonCode
from fogofwar.records import article_record, claim_export_record, rejected_record
from fogofwar.services import Store, StoredRejection
from fogofwar.web.config import WebConfig
from fogofwar.web.errors import ApiError
from fogofwar.web.jsonbody import FastJSONResponse as JSONResponse
from fogofwar.web.security import check_token
from fogofwar.web.state import get_config, get_store

__all__ = [
    "MAX_LIMIT",
    "article_json",
    "lookup_article",
    "next_link",
    "parse_as_of",
    "parse_since",
    "public_source",
    "router",
]

MAX_LIMIT = 1000
"""Largest page any list endpoint returns."""

MAX_FLAG_EVENTS = 200
"""Most events whose flags one ``/api/flags`` page recomputes."""

_CHUNK_CLAIMS = 200
_E = TypeVar("_E", bound=StrEnum)


def require_read(request: Request, config: Annotated[WebConfig, Depends(get_config)]) -> None:
    """Dependency of every read endpoint: the token, when the operator protects reads."""
    check_token(request, config, write=False)


router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
open_router = APIRouter(prefix="/api")

StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Cursor = Annotated[
    str | None, Query(max_length=400, description="From the previous page's `next` link.")
]
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
    """The stored article with this id or unique id prefix (as the CLI resolves them);
    :class:`~fogofwar.errors.NotFoundError` (404) when none or several match."""
    if 4 <= len(article_id) <= 64 and article_id.isascii() and article_id.isalnum():
        return services.get_article(store, article_id)
    raise NotFoundError(
        f"no article {article_id[:80]!r}: give an id or a prefix of at least 4 characters "
        "(list ids with /api/articles)"
    )


def next_link(request: Request, cursor: str | None) -> str | None:
    """The URL of the next page: this request's path and query with ``cursor`` replaced —
    relative, or under ``FOGOFWAR_WEB_BASE_URL``; never built from the Host header."""
    if cursor is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    link = request.url.path + "?" + urlencode([*params, ("cursor", cursor)])
    config: WebConfig = request.app.state.config
    return (config.base_url or "") + link


def _page(request: Request, key: str, rows: list[Any], cursor: str | None) -> dict[str, Any]:
    return {key: rows, "limit": len(rows), "next": next_link(request, cursor)}


def public_source(source: str) -> str:
    """An article's or rejection's source as the API shows it: a URL as it is, a local file
    by its name only (a server path tells the world about the server)."""
    if "://" in source:
        return source
    return PurePath(source).name or source


def article_json(article: Article, *, with_text: bool = True) -> dict[str, Any]:
    """:func:`~fogofwar.records.article_record` with the source made public."""
    record = article_record(article, with_text=with_text)
    record["source"] = public_source(article.source)
    return record


def _cursor(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if len(value) > 400 or not value.isascii():
        raise ApiError(400, "bad_cursor", "cursor is not valid: use the one a page gave")
    return value


def _bad_cursor(exc: ValueError) -> ApiError:
    return ApiError(400, "bad_cursor", str(exc))


@open_router.get("/health")
def health(request: Request, store: StoreDep) -> JSONResponse:
    """Liveness and what is stored: 200 with counts, or 503 when the store cannot be read."""
    return JSONResponse(
        {
            "status": "ok",
            "articles": services.count_articles(store),
            "schema": SCHEMA,
            "pipeline_version": PIPELINE_VERSION,
            "version": __version__,
            "read_token_required": request.app.state.config.protect_reads,
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
    cursor: Cursor = None,
) -> JSONResponse:
    """Stored articles (records without text): best match first when searching, else newest."""
    try:
        page = services.articles_page(
            store,
            search=search or None,
            lang=_plain(lang, "lang"),
            since=parse_since(since),
            publisher=publisher or None,
            cursor=_cursor(cursor),
            limit=limit,
        )
    except ValueError as exc:
        raise _bad_cursor(exc) from None
    records = [article_json(a, with_text=False) for a in page.items]
    return JSONResponse(_page(request, "articles", records, page.cursor))


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> JSONResponse:
    """One article record (an id or unique prefix) with its text and its claims (claims-v1)."""
    article = lookup_article(store, article_id)
    record = article_json(article)
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
) -> services.ClaimFilter:
    return services.ClaimFilter(
        kind=_choice(ClaimKind, kind, "kind"),
        source_kind=_choice(SourceKind, source_kind, "source_kind"),
        certainty=_choice(Certainty, certainty, "certainty"),
        lang=_plain(lang, "lang"),
        article_id=_plain(article, "article"),
    )


Kind = Annotated[str | None, Query(description="A claims-v1 kind, e.g. casualties.")]
SourceKindQ = Annotated[str | None, Query(description="Who claims it, e.g. military.")]
CertaintyQ = Annotated[str | None, Query(description="How firmly, e.g. confirmed.")]
ArticleQ = Annotated[
    str | None, Query(max_length=64, description="An article id or unique id prefix.")
]


def _article_filter(store: Store, article: str | None) -> str | None:
    """The full id the ``article`` filter names (prefixes resolved as the CLI does)."""
    value = _plain(article, "article")
    return None if value is None else lookup_article(store, value).id


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
    cursor: Cursor = None,
) -> JSONResponse:
    """Stored claims (claims-v1 records) matching every filter, in storage order."""
    filters = _claim_filters(kind, source_kind, certainty, lang, None)
    filters = replace(filters, article_id=_article_filter(store, article))
    try:
        page = services.claims_page(store, filters, cursor=_cursor(cursor), limit=limit)
    except ValueError as exc:
        raise _bad_cursor(exc) from None
    records = list(services.claim_records(store, page.items))
    return JSONResponse(_page(request, "claims", records, page.cursor))


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
    """Every matching claim as claims-v1 JSONL, streamed (the same as ``fogofwar export``).

    The stream reads in chunks, each on a short-lived connection: an open stream holds no
    pooled connection while the client reads."""
    filters = _claim_filters(kind, source_kind, certainty, lang, None)
    filters = replace(filters, article_id=_article_filter(store, article))
    stream = services.iter_claims(store, filters)
    # Pull the first claim now: a store that cannot be read fails here with a 503, not after
    # a 200 status line has gone out.
    first = list(itertools.islice(stream, 1))
    return StreamingResponse(_jsonl(store, first, stream), media_type="application/x-ndjson")


def _rejection_record(row: StoredRejection) -> dict[str, Any]:
    record = rejected_record(row.rejected)
    shown = public_source(row.input)
    record["input"] = shown
    record["message"] = record["message"].replace(row.input, shown)
    return {"id": row.id, **record}


@router.get("/rejects")
def list_rejects(
    request: Request,
    store: StoreDep,
    reason: Annotated[str | None, Query(description="A rejection reason code.")] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> JSONResponse:
    """Stored rejections (why an input did not become an article), newest first."""
    code = _choice(ReasonCode, reason, "reason")
    before = None
    if cursor:
        try:
            before = int(cursor)
        except ValueError:
            raise ApiError(
                400, "bad_cursor", "cursor is not valid: use the one a page gave"
            ) from None
    rows = services.list_rejections(store, limit=limit + 1, reason=code, before_id=before)
    records = [_rejection_record(r) for r in rows[:limit]]
    nxt = str(rows[limit - 1].id) if len(rows) > limit else None
    return JSONResponse(_page(request, "rejects", records, nxt))


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
    cursor: Cursor = None,
) -> JSONResponse:
    """Event records (events-v1) matching every filter, newest claimed date first."""
    where = services.EventFilter(
        kind=_plain(kind, "kind"),
        country=_plain(country, "country"),
        since=parse_since(since),
        until=parse_since(until),
        flag=_plain(flag, "flag"),
    )
    rows = services.event_records(
        store,
        where,
        as_of=parse_as_of(as_of),
        before=_event_cursor(cursor),
        limit=limit + 1,
        link=False,  # the app links what a killed run left in the background (state.py)
    )
    nxt = None
    if len(rows) > limit:
        nxt = services.encode_cursor(*services.record_position(rows[limit - 1]))
    return JSONResponse(_page(request, "events", rows[:limit], nxt))


def _event_cursor(cursor: str | None) -> tuple[str, str] | None:
    """The listing position a ``cursor`` of an event or flag page names."""
    if not cursor:
        return None
    try:
        day, eid = services.decode_cursor(cursor, (str, str))
    except ValueError as exc:
        raise _bad_cursor(exc) from None
    return (day, eid)


@router.get("/events/{event_id}")
def get_event(event_id: str, store: StoreDep, as_of: AsOf = None) -> JSONResponse:
    """One event (an id or unique prefix): its record, claims, lineage, figures and flags."""
    if not (event_id.isascii() and event_id.isalnum()):
        raise NotFoundError(f"no event {event_id!r}: list ids with /api/events")
    detail = services.event_detail(store, event_id, as_of=parse_as_of(as_of), link=False)
    return JSONResponse(services.detail_record(detail))


@router.get("/flags")
def list_flags(
    request: Request,
    store: StoreDep,
    code: Annotated[str | None, Query(max_length=64, description="A flag code.")] = None,
    article: ArticleQ = None,
    as_of: AsOf = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_FLAG_EVENTS, description="Events per page (their flags).")
    ] = 50,
    cursor: Cursor = None,
) -> JSONResponse:
    """What a careful reader flags, with reasons and the claims each flag rests on: the flags
    of one page of events (newest first; found by the flag's index, then recomputed)."""
    flag = _plain(code, "code")
    services.check_flag(flag)
    rows, after = services.flags_page(
        store,
        code=flag,
        article_id=_plain(article, "article"),
        as_of=parse_as_of(as_of),
        before=_event_cursor(cursor),
        limit=limit,
        link=False,
    )
    nxt = None if after is None else services.encode_cursor(*after)
    return JSONResponse(_page(request, "flags", [services.flag_record(f) for f in rows], nxt))


@router.get("/places")
def list_places(
    store: StoreDep,
    country: Annotated[
        str | None, Query(max_length=200, description="ISO 3166 alpha-3 (UKR) or place name.")
    ] = None,
) -> JSONResponse:
    """Places with current events, most events first, with coordinates and kinds."""
    rows = services.list_places(store, country=_plain(country, "country"))
    return JSONResponse({"places": [p.to_record() for p in rows]})
