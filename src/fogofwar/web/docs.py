"""``GET /docs``: Swagger UI over ``/openapi.json``, served from the PyPI package
``swagger-ui-bundle`` (no CDN) and started by our own script file (no inline script)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

__all__ = ["router", "swagger_dir"]

router = APIRouter()

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>fogofwar API docs</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body></html>"""


def swagger_dir() -> Path:
    """The folder of Swagger UI's files inside the ``swagger-ui-bundle`` package."""
    import swagger_ui_bundle  # type: ignore[import-untyped]

    return Path(swagger_ui_bundle.swagger_ui_path)


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs() -> HTMLResponse:
    """The interactive API documentation."""
    return HTMLResponse(_PAGE)
