"""A thin read-only JSON API over the store, in the manner of datasette.

    >>> from fogofwar.web import create_app
    >>> app = create_app("fogofwar.db")      # or "postgresql://user@host/db"
    >>> # uvicorn.run(app)  — or: fogofwar serve --db fogofwar.db

Endpoints (all GET): ``/api/articles``, ``/api/articles/{id}``, ``/api/articles/{id}/text``,
``/api/claims``, ``/api/claims.jsonl``, ``/api/rejects``, ``/api/events``, ``/api/events/{id}``,
``/api/flags``, ``/api/health`` and ``/`` (HTML index). Every route goes through
:mod:`fogofwar.services`.
Every error has one body shape; see :mod:`fogofwar.web.errors`.
"""

from __future__ import annotations

from fogofwar.web.app import create_app

__all__ = ["create_app"]
