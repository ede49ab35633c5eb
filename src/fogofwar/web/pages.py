"""The HTML pages: index and search, map + timeline, event, article, sources.

Server-rendered Jinja2 templates with autoescape on: every stored value (titles, article text,
source names) is hostile input and reaches the page escaped; claim data for the article page's
pop-ups travels as a JSON data block (``tojson`` escapes ``<``, ``>``, ``&``), which no browser
executes. Scripts are our own files under ``/static`` (the CSP allows nothing else).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from fogofwar import __version__, services
from fogofwar.claim import Certainty, Claim, ClaimKind
from fogofwar.errors import NotFoundError
from fogofwar.events.model import FlagCode
from fogofwar.model import Article
from fogofwar.services import Store
from fogofwar.web.api import lookup_article, parse_since, public_source, require_read
from fogofwar.web.config import WebConfig
from fogofwar.web.highlight import runs
from fogofwar.web.state import get_config, get_store

__all__ = ["FLAG_TEXT", "router"]

PAGE_SIZE = 50

FLAG_TEXT = {
    FlagCode.HEADLINE_OVERSTATES: "The headline states more than the article's own source "
    "supports (e.g. a firmer or larger figure than the body gives).",
    FlagCode.HEADLINE_CONTRADICTS: "The headline contradicts what the body reports.",
    FlagCode.PLACE_INCONSISTENT: "Reports place the event in different locations.",
    FlagCode.COUNTS_DISAGREE: "Sources give figures that cannot all be true.",
    FlagCode.SINGLE_SOURCE: "Everything rests on one source.",
    FlagCode.WEAK_SOURCES: "No identifiable source: only unnamed or indirect ones.",
    FlagCode.CERTAINTY_LOST: "A later report drops the hedging of the source it repeats.",
}
"""What each flag means, for people."""

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
StoreDep = Annotated[Store, Depends(get_store)]


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    context.setdefault("search", "")
    context["version"] = __version__
    return templates.TemplateResponse(request, name, context)


def _when(article: Article | None) -> str:
    if article is None:
        return ""
    day = article.published or article.captured_estimate
    return day.isoformat() if day else ""


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    store: StoreDep,
    search: Annotated[str | None, Query(max_length=500)] = None,
    since: str | None = None,
) -> HTMLResponse:
    """Newest (or best-matching) articles, with the search box and where to go next."""
    rows = services.list_articles(
        store, search=search or None, since=parse_since(since), limit=PAGE_SIZE, offset=0
    )
    return _page(
        request,
        "index.html",
        articles=rows,
        search=search or "",
        when=_when,
        label=services.store_label(store),
        total=services.count_articles(store),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, config: Annotated[WebConfig, Depends(get_config)]) -> HTMLResponse:
    """Events on a map and a timeline, coloured by kind, sized by reconciled deaths."""
    return _page(
        request,
        "map.html",
        kinds=[k.value for k in ClaimKind],
        flags=[f.value for f in FlagCode],
        tiles=config.tiles_url or "",
    )


def _snippet(claim: Claim, article: Article | None) -> str:
    if article is None:
        return ""
    where = (article.title or "") if claim.in_headline else article.text
    span = claim.sentence or claim.span
    if claim.in_headline:
        span = claim.span
    if span is None:
        return claim.cue.text if claim.cue else ""
    return where[span.start : span.end]


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, store: StoreDep) -> HTMLResponse:
    """One event: reconciled counts with each source's figure, lineage, flags, claims by
    source with certainty badges."""
    if not (event_id.isascii() and event_id.isalnum()):
        raise NotFoundError(f"no event {event_id[:80]!r}: see /map")
    detail = services.event_detail(store, event_id, link=False)
    articles: dict[str, Article | None] = {}
    for aid in {c.article_id for c in detail.claims}:
        try:
            articles[aid] = services.get_article(store, aid, exact=True)
        except NotFoundError:
            articles[aid] = None
    groups = [
        (label, [(c, _snippet(c, articles.get(c.article_id))) for c in claims])
        for label, claims in detail.by_source
    ]
    langs = Counter(c.lang for c in detail.claims)
    return _page(
        request,
        "event.html",
        d=detail,
        r=detail.record,
        groups=groups,
        articles=articles,
        langs=sorted(langs),
        flag_text={f.value: t for f, t in FLAG_TEXT.items()},
        when=_when,
    )


def _claim_view(claim: Claim) -> dict[str, Any]:
    """The fields a pop-up shows (plain JSON)."""
    record = claim.to_record()
    return {
        "id": claim.claim_id,
        "kind": record.get("kind"),
        "subtype": record.get("subtype"),
        "certainty": record.get("certainty"),
        "source": record.get("source"),
        "actors": [
            {"name": a.get("name"), "role": a.get("role")} for a in record.get("actors") or []
        ],
        "location": (record.get("location") or {}).get("name"),
        "time": record.get("time"),
        "counts": record.get("counts"),
        "cue": (record.get("cue") or {}).get("text"),
        "headline": claim.in_headline,
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    """The article's text with every claim marked (pop-ups give each claim's fields); the
    metadata and boilerplate fields apart."""
    article = lookup_article(store, article_id)
    claims = services.article_claims(store, article.id)
    body = [
        (c.span.start, c.span.end, i) for i, c in enumerate(claims) if c.span and not c.in_headline
    ]
    head = [(c.span.start, c.span.end, i) for i, c in enumerate(claims) if c.span and c.in_headline]
    events = services.list_events(
        store, services.EventFilter(article=article.id), limit=50, link=False
    )
    return _page(
        request,
        "article.html",
        a=article,
        source=public_source(article.source),
        claims=claims,
        views=[_claim_view(c) for c in claims],
        text_runs=runs(article.text, body),
        title_runs=runs(article.title or "", head),
        events=events,
        when=_when,
    )


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Who is cited how often, how firmly, and how often first to report an event."""
    rows = services.source_stats(store)
    return _page(
        request,
        "sources.html",
        rows=rows,
        certainties=[c.value for c in Certainty],
    )
