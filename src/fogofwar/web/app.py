"""Assemble the web app: routers, pages, vendored assets, the store's lifetime, error mapping,
safety headers, the body cap and (only when configured) CORS."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from fogofwar import __version__
from fogofwar.reader import Reader
from fogofwar.web import api, api_write, docs, pages
from fogofwar.web.cache import ResponseCache
from fogofwar.web.config import WebConfig
from fogofwar.web.errors import install_error_handlers
from fogofwar.web.security import BodyLimit, SafetyHeaders
from fogofwar.web.state import IngestRunner, LinkSweeper, StoreHolder

__all__ = ["STATIC", "create_app"]

STATIC = Path(__file__).with_name("static")


def create_app(
    db: str,
    config: WebConfig | None = None,
    *,
    reader: Callable[[], Reader] | None = None,
) -> FastAPI:
    """The JSON API, its docs and the pages over the store at ``db`` (file path or URL).

    ``config`` defaults to :meth:`WebConfig.from_env`; ``reader`` builds the claim reader
    ingest uses (default :meth:`Reader.default`, loaded in the ingest child process on the
    first ingest; it must be picklable, e.g. ``Reader.offline``). The store is
    opened on the first request and closed when the app shuts down (run the app under a server,
    or ``with TestClient(app)``, so its lifespan runs).
    """
    settings = config or WebConfig.from_env()
    holder = StoreHolder(db, pool_size=settings.threads)
    runner = IngestRunner(db, reader or Reader.default)
    sweeper = LinkSweeper(holder, settings.link_every, link=runner.link_pending)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # one worker thread per pooled connection: a request never waits for the pool
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        sweeper.start()
        try:
            yield
        finally:
            sweeper.stop()
            runner.close()
            holder.close()

    app = FastAPI(
        title="fogofwar",
        summary="API over a fogofwar store: articles, claims (claims-v1), events (events-v1), "
        "flags, places, exports, ingest.",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url=None,  # our /docs serves the vendored Swagger UI (no CDN)
        redoc_url=None,
    )
    app.state.stores = holder
    app.state.config = settings
    app.state.ingest = runner
    install_error_handlers(app)

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi_alias() -> JSONResponse:
        return JSONResponse(app.openapi())

    app.include_router(api.open_router)
    app.include_router(api.router)
    app.include_router(api_write.router)
    app.include_router(api_write.write_router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if settings.cache:
        app.add_middleware(
            ResponseCache, holder=holder, wait=settings.cache_wait, max_stale=settings.cache_stale
        )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET"],
            allow_headers=["Authorization"],
        )
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.add_middleware(SafetyHeaders, config=settings)
    return app


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` (``fogofwar serve --workers N``): the store from
    ``FOGOFWAR_DB``, web settings from the environment."""
    import os

    return create_app(os.environ.get("FOGOFWAR_DB") or "fogofwar.db")
