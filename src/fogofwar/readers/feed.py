"""RSS and Atom feeds: one article per entry, from its content or summary.

The feed's title is every entry's publisher. An entry with neither content nor summary is read
from its linked page when the caller passes ``fetch_page`` (the dispatcher does, through the
SSRF-guarded fetcher and a per-host rate limit); the entry's date and the feed's title fill what
the page lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import feedparser

from fogofwar.errors import InputError
from fogofwar.langid import identify
from fogofwar.model import Article, DatePrecision, ReasonCode, Rejected
from fogofwar.readers.htmlpage import fragment_to_text

__all__ = ["parse_feed"]


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        text = fragment_to_text(str(content.get("value") or ""))
        if text:
            return text
    return fragment_to_text(str(entry.get("summary") or ""))


def _entry_date(entry: Any) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:
        return None


def _entry_authors(entry: Any) -> tuple[str, ...]:
    names = [str(a.get("name") or "").strip() for a in entry.get("authors") or []]
    names = [n for n in names if n]
    if not names and entry.get("author"):
        names = [str(entry["author"]).strip()]
    return tuple(names)


FetchPage = Callable[[str, str], Article | Rejected]
"""Reads a linked page: (url, source label) → article or rejection."""


def _from_link(
    entry: Any, where: str, i: int, fetch_page: FetchPage | None, publisher: str | None
) -> Article | Rejected:
    link = entry.get("link")
    if fetch_page is None or not isinstance(link, str) or not link.strip():
        return Rejected(
            where,
            "read",
            ReasonCode.NO_TEXT,
            f"{where}: feed entry {i} has neither content nor summary"
            + ("; fetch the linked page instead" if link else " nor a link"),
        )
    page = fetch_page(link.strip(), where)
    if isinstance(page, Rejected):
        return page
    published = page.published or _entry_date(entry)
    return replace(
        page,
        publisher=publisher or page.publisher,
        published=published,
        published_precision=page.published_precision or (DatePrecision.DAY if published else None),
        source_format="feed+html",
    )


# feedparser encodes every numeric character reference to UTF-8 and fails on surrogates
# (&#xD800;), NUL and code points past U+10FFFF; such references become U+FFFD first.
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,64})|([0-9]{1,64}));")


def _safe_charref(m: re.Match[bytes]) -> bytes:
    hexa, dec = m.group(1), m.group(2)
    digits = hexa or dec
    if len(digits) <= 8:
        code = int(digits, 16 if hexa else 10)
        if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return m.group(0)
    return b"&#xFFFD;"


def parse_feed(
    data: bytes, *, source: str, fetch_page: FetchPage | None = None
) -> list[Article | Rejected]:
    """Read an RSS or Atom feed; raise :class:`InputError` if it has no readable entry.

    Entity declarations are refused outright (no entity expansion: "billion laughs").
    """
    if b"<!ENTITY" in data or "<!ENTITY".encode("utf-16-le") in data:
        raise InputError(
            ReasonCode.MALFORMED_FEED,
            f"{source}: the feed declares XML entities, which fogofwar refuses to expand; "
            "feeds do not need them",
        )
    parsed = feedparser.parse(_CHARREF.sub(_safe_charref, data))
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        raise InputError(
            ReasonCode.MALFORMED_FEED,
            f"{source}: not a readable RSS/Atom feed"
            + (f" ({problem})" if problem else " (no entries)")
            + "; check the feed URL or file",
        )
    feed_title = (parsed.get("feed") or {}).get("title")
    publisher = " ".join(str(feed_title).split()) or None if feed_title else None
    out: list[Article | Rejected] = []
    for i, entry in enumerate(entries, 1):
        where = f"{source}#{i}"
        text = _entry_text(entry)
        if not text:
            out.append(_from_link(entry, where, i, fetch_page, publisher))
            continue
        title = " ".join(str(entry.get("title") or "").split()) or None
        published = _entry_date(entry)
        tags = entry.get("tags") or []
        language, confidence = identify(text)
        out.append(
            Article.create(
                source=where,
                text=text,
                title=title,
                headline=title,
                authors=_entry_authors(entry),
                published=published,
                published_precision=DatePrecision.DAY if published else None,
                section=(str(tags[0].get("term")) or None) if tags else None,
                language=language,
                language_confidence=confidence,
                source_format="feed",
                url=str(entry.get("link")) if entry.get("link") else None,
                publisher=publisher,
            )
        )
    return out
