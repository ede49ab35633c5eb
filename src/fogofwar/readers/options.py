"""Settings of the article readers."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT_MAX_BYTES", "JsonFields", "ReadOptions"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Which keys of a JSON record hold which article field; the first key present wins.

    Defaults: ``title``/``headline``; ``text``/``body``/``content``/``article``;
    ``authors``/``author``/``byline`` (string or list); ``published``/``date``/
    ``datePublished``/``published_at``/``pubDate``; ``url``/``link``; ``lang``/``language``;
    ``section``/``category``. A key may be a dotted path (``"meta.title"``).
    """

    title: tuple[str, ...] = ("title", "headline")
    text: tuple[str, ...] = ("text", "body", "content", "article")
    authors: tuple[str, ...] = ("authors", "author", "byline")
    published: tuple[str, ...] = ("published", "date", "datePublished", "published_at", "pubDate")
    url: tuple[str, ...] = ("url", "link")
    language: tuple[str, ...] = ("lang", "language")
    section: tuple[str, ...] = ("section", "category")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` caps every input (files are checked before reading, downloads while
    streaming); ``fetch_timeout`` is in seconds; ``allow_private_addresses`` lets URLs reach
    loopback/private networks (off by default: SSRF guard); ``allowed_hosts`` lets only these
    host names, addresses or CIDR networks through instead; ``json_fields`` maps JSON keys.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_timeout: float = 20.0
    allow_private_addresses: bool = False
    allowed_hosts: tuple[str, ...] = ()
    max_redirects: int = 5
    json_fields: JsonFields = field(default_factory=JsonFields)
    user_agent: str = "fogofwar/0.1 (+https://github.com/fogofwar)"
