"""``GET /docs``: Swagger UI over ``/openapi.json``, vendored from the npm package
``swagger-ui-dist`` 5 (OpenAPI 3.1; no CDN) and started by our own script file (no inline
script)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

__all__ = ["router"]

router = APIRouter()

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>fogofwar API docs</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body></html>"""


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs() -> HTMLResponse:
    """The interactive API documentation."""
    return HTMLResponse(_PAGE)
