"""The web app's settings: from the environment (the web variables below) or given in code.

FOGOFWAR_WEB_TOKEN          token for POST /api/ingest (unset: ingest is switched off)
FOGOFWAR_WEB_PROTECT_READS  1: reads need the token too (default: reads are open)
FOGOFWAR_WEB_BASE_URL       absolute base for ``next`` links (default: relative links)
FOGOFWAR_WEB_CORS           comma-separated origins allowed to call the API (default: none)
FOGOFWAR_WEB_TILES          an online tile URL template for the map (default: the offline
                            basemap shipped with fogofwar)
FOGOFWAR_WEB_MAX_BODY       largest request body in bytes (default 5 MB)
FOGOFWAR_WEB_THREADS        worker threads per server process; the database pool is sized
                            to it (default 16)
FOGOFWAR_WEB_LINK_EVERY     seconds between background passes that link claims an
                            interrupted run left unlinked (default 60; 0: never)
FOGOFWAR_WEB_CACHE          0: no response cache (default: list and detail answers are
                            cached per process until the store changes)
FOGOFWAR_WEB_CACHE_STALE    seconds an answer may lag the store: after a change, a cached
                            answer younger than this is still served (marked stale) and
                            recomputed only once it is older (default 1; 0: recompute
                            after every change). ``Cache-Control: no-cache`` requests never
                            get a stale answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from fogofwar.errors import ConfigError

__all__ = ["WebConfig"]

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class WebConfig:
    """What the operator decides about one web app."""

    token: str | None = None
    protect_reads: bool = False
    base_url: str | None = None
    cors_origins: tuple[str, ...] = ()
    tiles_url: str | None = None
    max_body: int = 5_000_000
    threads: int = 16
    link_every: int = 60
    cache: bool = True
    cache_wait: float = 0.05  # how long a request waits for a fresh answer before a stale one
    cache_stale: float = 1.0  # how far (s) an answer may lag the store before it is recomputed

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 16:
            raise ConfigError("FOGOFWAR_WEB_TOKEN must have at least 16 characters")
        if self.protect_reads and self.token is None:
            raise ConfigError("FOGOFWAR_WEB_PROTECT_READS needs FOGOFWAR_WEB_TOKEN to be set")
        urls = ((self.base_url, "FOGOFWAR_WEB_BASE_URL"), (self.tiles_url, "FOGOFWAR_WEB_TILES"))
        for url, name in urls:
            if url is not None and urlsplit(url).scheme not in ("http", "https"):
                raise ConfigError(f"{name} must be an http(s) URL (got {url!r})")
        if self.max_body < 1 or self.threads < 1:
            raise ConfigError("FOGOFWAR_WEB_MAX_BODY and FOGOFWAR_WEB_THREADS must be positive")
        if self.link_every < 0:
            raise ConfigError("FOGOFWAR_WEB_LINK_EVERY must not be negative")
        if not 0 <= self.cache_stale <= 3600:
            raise ConfigError("FOGOFWAR_WEB_CACHE_STALE must be between 0 and 3600 seconds")

    @property
    def tiles_origin(self) -> str | None:
        """``scheme://host[:port]`` of the tile server (for the Content-Security-Policy)."""
        if self.tiles_url is None:
            return None
        parts = urlsplit(self.tiles_url.replace("{s}", "a"))
        return f"{parts.scheme}://{parts.netloc}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> WebConfig:
        """Settings from the environment (``ConfigError`` on a bad value)."""
        e = os.environ if env is None else env

        def number(name: str, default: int) -> int:
            raw = e.get(name, "").strip()
            try:
                return int(raw) if raw else default
            except ValueError:
                raise ConfigError(f"{name} must be a whole number (got {raw!r})") from None

        def seconds(name: str, default: float) -> float:
            raw = e.get(name, "").strip()
            try:
                return float(raw) if raw else default
            except ValueError:
                raise ConfigError(f"{name} must be a number of seconds (got {raw!r})") from None

        origins = tuple(o.strip() for o in e.get("FOGOFWAR_WEB_CORS", "").split(",") if o.strip())
        return cls(
            token=e.get("FOGOFWAR_WEB_TOKEN") or None,
            protect_reads=e.get("FOGOFWAR_WEB_PROTECT_READS", "").strip().lower() in _TRUE,
            base_url=(e.get("FOGOFWAR_WEB_BASE_URL") or "").rstrip("/") or None,
            cors_origins=origins,
            tiles_url=e.get("FOGOFWAR_WEB_TILES") or None,
            max_body=number("FOGOFWAR_WEB_MAX_BODY", 5_000_000),
            threads=number("FOGOFWAR_WEB_THREADS", 16),
            link_every=number("FOGOFWAR_WEB_LINK_EVERY", 60),
            cache=e.get("FOGOFWAR_WEB_CACHE", "1").strip().lower() in _TRUE,
            cache_stale=seconds("FOGOFWAR_WEB_CACHE_STALE", 1.0),
        )
