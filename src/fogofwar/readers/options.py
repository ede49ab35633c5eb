"""Settings of the article readers, and the ``--field NAME=KEY`` mapping syntax."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

from fogofwar.errors import ConfigError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CONTAINER_BYTES",
    "JsonFields",
    "ReadOptions",
    "parse_field_overrides",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Files that hold many articles (JSON, JSONL, CSV/TSV, WARC) may be this large; a Telegram
#: channel's ``result.json`` easily passes the one-article limit.
DEFAULT_MAX_CONTAINER_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Which keys of a JSON record (or columns of a CSV header) hold which article field.

    The first key present and non-empty wins. Defaults: ``title``/``headline``;
    ``text``/``body``/``content``/``article``; ``authors``/``author``/``byline`` (string or
    list); ``published``/``date``/``datePublished``/``published_at``/``pubDate``;
    ``url``/``link``; ``lang``/``language``; ``section``/``category``;
    ``publisher``/``source``/``outlet``/``site_name``/``sitename`` (a string, or an object
    with a ``name``, as in NewsAPI's ``source``). A JSON key may be a dotted path
    (``"meta.title"``); CSV columns match ignoring case and surrounding spaces.
    """

    title: tuple[str, ...] = ("title", "headline")
    text: tuple[str, ...] = ("text", "body", "content", "article")
    authors: tuple[str, ...] = ("authors", "author", "byline")
    published: tuple[str, ...] = ("published", "date", "datePublished", "published_at", "pubDate")
    url: tuple[str, ...] = ("url", "link")
    language: tuple[str, ...] = ("lang", "language")
    section: tuple[str, ...] = ("section", "category")
    publisher: tuple[str, ...] = ("publisher", "source", "outlet", "site_name", "sitename")


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(JsonFields))


def parse_field_overrides(specs: Iterable[str], base: JsonFields | None = None) -> JsonFields:
    """Apply ``NAME=KEY[,KEY...]`` overrides (``text=body``, ``publisher=meta.site``).

    Each override replaces the default keys of that field; repeating a field adds keys in
    order. Raises :class:`~fogofwar.errors.ConfigError` naming the valid fields.
    """
    chosen: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, keys = spec.partition("=")
        name = name.strip().lower()
        parsed = [k.strip() for k in keys.split(",") if k.strip()]
        if not sep or not parsed:
            raise ConfigError(
                f"--field {spec!r} must look like NAME=KEY (for example text=body); "
                f"NAME is one of {', '.join(FIELD_NAMES)}"
            )
        if name not in FIELD_NAMES:
            raise ConfigError(
                f"--field {spec!r}: unknown field {name!r}; use one of {', '.join(FIELD_NAMES)}"
            )
        chosen.setdefault(name, []).extend(parsed)
    result = base or JsonFields()
    return replace(result, **{name: tuple(keys) for name, keys in chosen.items()})


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` caps every input (files are checked before reading, downloads while
    streaming); ``fetch_timeout`` is in seconds; ``allow_private_addresses`` lets URLs reach
    loopback/private networks (off by default: SSRF guard); ``allowed_hosts`` lets only these
    host names, addresses or CIDR networks through instead; ``json_fields`` maps JSON keys and
    CSV columns. ``fetch_feed_links``: a feed entry with neither content nor summary is read
    from its linked page (same SSRF guard), at most one request per host every
    ``per_host_interval`` seconds. Files of a many-article format (``.json .jsonl .ndjson .csv
    .tsv .warc``, also gzipped) may be up to ``max_container_bytes``; a single article (and a
    CSV cell) still at most ``max_bytes``.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_timeout: float = 20.0
    allow_private_addresses: bool = False
    allowed_hosts: tuple[str, ...] = ()
    max_redirects: int = 5
    json_fields: JsonFields = field(default_factory=JsonFields)
    user_agent: str = "fogofwar/0.1 (+https://github.com/fogofwar)"
    fetch_feed_links: bool = True
    per_host_interval: float = 1.0
    max_container_bytes: int = DEFAULT_MAX_CONTAINER_BYTES
