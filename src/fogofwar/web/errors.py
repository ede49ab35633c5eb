"""The API's one error shape, and the mapping of every exception onto it.

Every error response, whatever raised it, has this body (and only these keys)::

    {"error": {"code": "not_found", "message": "what failed and what to do", "status": 404}}

Foreign and internal exceptions are mapped here, at the boundary (the httpx habit):

    ApiError                  raised by our routes: bad filter values, bad dates
    NotFoundError             an unknown article or event id (404)
    ConfigError               a filter value the services refuse, e.g. an unknown flag (400)
    HTTPException (Starlette) unknown routes (404), wrong methods (405)
    RequestValidationError    query/path parameters FastAPI could not validate (422)
    StoreError                the database could not be opened or read (503, detail only logged)
    Exception                 anything else (500, no traceback or message leaked)

``tests/test_web.py`` guards that every path above produces exactly this shape.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from fogofwar.errors import ConfigError, NotFoundError, StoreError

__all__ = ["ApiError", "error_body", "error_response", "install_error_handlers"]

log = logging.getLogger("fogofwar.web")

_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
    503: "store_unavailable",
}


class ApiError(Exception):
    """An error a route reports on purpose: ``status``, a stable ``code`` and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one JSON error body every failing request gets."""
    return {"error": {"code": code, "message": message, "status": status}}


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """A JSON response carrying :func:`error_body`."""
    return JSONResponse(error_body(status, code, message), status_code=status)


def _describe_validation(errors: Iterable[Any]) -> str:
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) + ". Fix the parameter and retry (see /api/openapi.json)."


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if status == 404:
        message = "no such page: see / for the endpoints"
    elif status == 405:
        message = "method not allowed: reads are GET; only /api/ingest takes POST"
    else:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
    response = error_response(status, _CODES.get(status, "http_error"), message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, _CODES[422], _describe_validation(exc.errors()))


async def _not_found(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(404, _CODES[404], str(exc))


async def _config_error(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, "bad_filter", str(exc))


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    # The detail may name files, hosts or SQL: log it for the operator, keep it off the wire.
    log.error("store error on %s %s: %s", request.method, request.url.path, exc)
    return error_response(
        503, _CODES[503], "the store could not be read; try again later or ask the operator"
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Starlette re-raises after sending this, so the server logs the traceback once.
    return error_response(500, _CODES[500], "unexpected error; it has been logged on the server")


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception raised while serving ``app`` to the one error shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(ConfigError, _config_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _unexpected)
