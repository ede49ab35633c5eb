"""Safety at the edge: response headers (CSP, nosniff, no framing), a cap on request bodies,
and the token check (constant time).

Stored articles are hostile input. Pages escape every stored value (Jinja2 autoescape) and the
Content-Security-Policy allows scripts only from this server's own files: no inline script, no
event-handler attribute, no ``eval`` and nothing from another host could run even if a value
slipped through.
"""

from __future__ import annotations

import hmac
import json

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fogofwar.web.config import WebConfig
from fogofwar.web.errors import ApiError, error_body

__all__ = ["BodyLimit", "SafetyHeaders", "check_token", "content_security_policy"]


def content_security_policy(config: WebConfig, *, docs: bool = False) -> str:
    """The CSP of every response: scripts from 'self' only (the docs page may also use inline
    styles, which Swagger UI sets); images from 'self', data: URIs and the tile server."""
    images = "'self' data:" + (f" {config.tiles_origin}" if config.tiles_origin else "")
    styles = "'self' 'unsafe-inline'" if docs else "'self'"
    return (
        "default-src 'none'; script-src 'self'; "
        f"style-src {styles}; img-src {images}; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


class SafetyHeaders:
    """ASGI middleware: CSP, ``nosniff``, no framing and no referrer on every response."""

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.csp = content_security_policy(config).encode()
        self.docs_csp = content_security_policy(config, docs=True).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self.docs_csp if scope["path"] == "/docs" else self.csp

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    h for h in message.get("headers", []) if h[0] != b"content-security-policy"
                ]
                headers += [
                    (b"content-security-policy", csp),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: refuse a request body larger than ``max_body`` bytes with 413 (by its
    Content-Length up front, or while it streams in when it has none)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def _refuse(self, send: Send) -> None:
        message = f"request body over {self.max_body} bytes: send less, or split it"
        body = json.dumps(error_body(413, "too_large", message)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-content-type-options", b"nosniff"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = True
                if too_big:
                    await self._refuse(send)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise ApiError(413, "too_large", f"request body over {self.max_body} bytes")
            return message

        await self.app(scope, counted, send)


def _presented(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-fogofwar-token") or None


def check_token(request: Request, config: WebConfig, *, write: bool) -> None:
    """Raise 401/403 unless the request carries the configured token (compared in constant
    time). Reads pass without one unless ``config.protect_reads``."""
    if not write and not config.protect_reads:
        return
    if config.token is None:
        raise ApiError(
            403, "ingest_disabled", "ingest is switched off: the operator sets FOGOFWAR_WEB_TOKEN"
        )
    given = _presented(request)
    if given is None:
        raise ApiError(401, "unauthorized", "send the token as 'Authorization: Bearer TOKEN'")
    if not hmac.compare_digest(given.encode("utf-8"), config.token.encode("utf-8")):
        raise ApiError(403, "forbidden", "the token is not the one configured")
