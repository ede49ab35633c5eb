"""``GET /``: a tiny HTML index (no JavaScript). Stored text is hostile input, so every value
is escaped, no stored value ever becomes a link target, and a strict CSP forbids scripts."""

from __future__ import annotations

from html import escape
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from fogofwar import __version__, services
from fogofwar.model import Article
from fogofwar.services import Store
from fogofwar.web.api import parse_since
from fogofwar.web.state import get_store

__all__ = ["CSP", "render_index", "router"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
"""Content-Security-Policy of the HTML page: no scripts, no external anything."""

PAGE_SIZE = 50

router = APIRouter()

_ENDPOINTS = (
    ("/api/articles", "articles (?search=&lang=&since=&limit=&offset=)"),
    ("/api/claims", "claims-v1 records (?kind=&source_kind=&certainty=&lang=&article=)"),
    ("/api/claims.jsonl", "all claims as claims-v1 JSONL, streamed"),
    ("/api/rejects", "rejected inputs and why (?reason=)"),
    ("/api/events", "events-v1 records (?kind=&country=&since=&until=&flag=&as_of=)"),
    ("/api/flags", "what a careful reader flags (?code=&article=)"),
    ("/api/health", "status and counts"),
    ("/api/openapi.json", "OpenAPI description"),
)

_STYLE = (
    "body{font:15px/1.4 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "td,th{padding:.2rem .5rem;text-align:left;vertical-align:top}"
    "th{border-bottom:1px solid #999}code{background:#eee;padding:0 .2rem}"
)


def _row(article: Article) -> str:
    link = "/api/articles/" + quote(article.id, safe="")
    published = article.published.isoformat() if article.published else ""
    return (
        "<tr>"
        f'<td><a href="{escape(link)}">{escape(article.title or article.id)}</a></td>'
        f"<td>{escape(article.language or '')}</td>"
        f"<td>{escape(published)}</td>"
        f"<td>{article.word_count}</td>"
        f'<td><a href="{escape(link)}/text">text</a></td>'
        "</tr>"
    )


def render_index(articles: list[Article], search: str | None, db_label: str) -> str:
    """The index page: a search form, the endpoints, and a table of ``articles``."""
    endpoints = "".join(
        f'<li><a href="{escape(path)}"><code>{escape(path)}</code></a> {escape(what)}</li>'
        for path, what in _ENDPOINTS
    )
    rows = "".join(_row(a) for a in articles) or '<tr><td colspan="5">no articles</td></tr>'
    heading = f"Articles matching “{escape(search)}”" if search else "Newest articles"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>fogofwar</title><style>{_STYLE}</style></head><body>"
        f"<h1>fogofwar</h1><p>Read-only API over <code>{escape(db_label)}</code> "
        f"(fogofwar {escape(__version__)}).</p>"
        '<form method="get" action="/"><input type="search" name="search" '
        f'value="{escape(search or "")}" placeholder="Kursk -Belgorod"> '
        '<button type="submit">Search</button></form>'
        f"<h2>Endpoints</h2><ul>{endpoints}</ul>"
        f"<h2>{heading}</h2><table><thead><tr><th>title</th><th>lang</th><th>published</th>"
        f"<th>words</th><th></th></tr></thead><tbody>{rows}</tbody></table>"
        "</body></html>"
    )


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(
    store: Annotated[Store, Depends(get_store)],
    search: Annotated[str | None, Query(max_length=500)] = None,
    since: str | None = None,
) -> HTMLResponse:
    """The HTML index page (newest or best-matching articles)."""
    rows = services.list_articles(
        store, search=search or None, since=parse_since(since), limit=PAGE_SIZE, offset=0
    )
    # The database's name only: a full path or URL would tell the world about the server.
    label = services.store_label(store)
    return HTMLResponse(render_index(rows, search, label), headers={"Content-Security-Policy": CSP})
