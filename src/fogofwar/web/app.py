"""Assemble the web app: routers, the store's lifetime, error mapping and safety headers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fogofwar import __version__
from fogofwar.web import api, pages
from fogofwar.web.errors import install_error_handlers
from fogofwar.web.state import StoreHolder

__all__ = ["create_app"]


class _NoSniff:
    """ASGI middleware: ``X-Content-Type-Options: nosniff`` on every response, so a browser
    never renders a stored article served as text/plain (or JSON) as HTML."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_header)


def create_app(db: str) -> FastAPI:
    """A read-only JSON API (and HTML index) over the store at ``db`` (file path or URL).

    The store is opened on the first request and closed when the app shuts down (run the app
    under a server, or ``with TestClient(app)``, so its lifespan runs).
    """
    holder = StoreHolder(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            holder.close()

    app = FastAPI(
        title="fogofwar",
        summary="Read-only API over a fogofwar store: articles, claims (claims-v1), rejects.",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,  # the docs pages load JavaScript from a CDN; the JSON is enough
        redoc_url=None,
    )
    app.state.stores = holder
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(_NoSniff)
    return app
