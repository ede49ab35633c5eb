"""The publisher (outlet) a web page names in its own markup.

Only explicit statements count, first found wins: the Open Graph ``og:site_name`` meta tag; the
``publisher`` of a JSON-LD article (``{"publisher": {"name": …}}`` or a string, also inside
``@graph``); a ``<meta name="publisher">`` / ``dc.publisher`` tag. The domain name is not a
publisher name and is never used in its place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["html_publisher"]

_MAX_NAME = 120
_MAX_JSONLD = 500_000
_META_NAMES = ("publisher", "dc.publisher", "dcterms.publisher")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = " ".join(_CONTROL.sub(" ", value).split())
    return name if 0 < len(name) <= _MAX_NAME else None


def _jsonld_nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _jsonld_nodes(data.get("@graph"), depth + 1)


def _jsonld_publisher(tree: Any) -> str | None:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text or ""
        if len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        for node in _jsonld_nodes(data):
            publisher = node.get("publisher")
            if isinstance(publisher, list) and publisher:
                publisher = publisher[0]
            name = _clean(publisher.get("name") if isinstance(publisher, dict) else publisher)
            if name:
                return name
    return None


def html_publisher(tree: Any) -> str | None:
    """The publisher named by an lxml HTML tree's markup, or ``None`` (see module doc)."""
    try:
        for value in tree.xpath('//meta[@property="og:site_name"]/@content'):
            if name := _clean(str(value)):
                return name
        if name := _jsonld_publisher(tree):
            return name
        for meta in tree.xpath("//meta[@name]"):
            if str(meta.get("name", "")).lower() in _META_NAMES and (
                name := _clean(meta.get("content"))
            ):
                return name
    except (ValueError, TypeError):
        return None
    return None
