"""Core value types shared by every stage: articles, spans and rejections.

Everything here is a frozen dataclass. Body text is stored once and never rewritten:
every :class:`Span` anywhere in fogofwar points into :attr:`Article.text` (or, for headline
claims, into :attr:`Article.title`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

__all__ = [
    "Article",
    "DatePrecision",
    "ReadStatus",
    "ReasonCode",
    "Rejected",
    "Span",
    "article_id_for",
    "clean_text",
    "content_hash",
]

# Lone surrogates (JSON "\\ud800", undecodable file names) cannot be encoded as UTF-8, and NUL
# and other C0 controls (except tab and line breaks) are refused by databases and XML libraries.
_UNSTORABLE = re.compile("[\ud800-\udfff]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD and C0 control characters (other than tab,
    line feed and carriage return) as spaces, NUL removed: what every reader stores."""
    return _UNSTORABLE.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    return "\ufffd" if char >= "\ud800" else "" if char == "\x00" else " "


@dataclass(frozen=True, slots=True, order=True, init=False)
class Span:
    """Half-open character range ``[start, end)`` into a stored text (code points)."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # the frozen dataclass's own __init__ and a __post_init__ check, at half the cost
        # (slots set directly): every stage makes spans by the thousand
        if start < 0 or end < start:
            raise ValueError(f"invalid span [{start}, {end})")
        _SET_SPAN_START(self, start)
        _SET_SPAN_END(self, end)

    def slice(self, text: str) -> str:
        """Return the words of ``text`` this span covers."""
        return text[self.start : self.end]

    def to_json(self) -> dict[str, int]:
        """The contract's ``{"start": int, "end": int}`` shape."""
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, value: dict[str, int] | None) -> Span | None:
        """Inverse of :meth:`to_json`; ``None`` stays ``None``."""
        if value is None:
            return None
        return cls(int(value["start"]), int(value["end"]))


_SET_SPAN_START, _SET_SPAN_END = (Span.__dict__[name].__set__ for name in ("start", "end"))


class DatePrecision(StrEnum):
    """How much of a date the source actually gives."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    BEFORE_PUBLICATION = "before_publication"


class ReadStatus(StrEnum):
    """Whether the claim reader could read an article's language."""

    PENDING = "pending"
    READ = "read"
    NOT_READ = "not_read"


class ReasonCode(StrEnum):
    """Why an input was rejected. Stable codes: users filter on them."""

    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    BAD_ENCODING = "bad_encoding"
    MALFORMED_HTML = "malformed_html"
    MALFORMED_JSON = "malformed_json"
    MALFORMED_FEED = "malformed_feed"
    MALFORMED_WARC = "malformed_warc"
    NO_TEXT = "no_text"
    UNSUPPORTED_FORMAT = "unsupported_format"
    FETCH_FAILED = "fetch_failed"
    FORBIDDEN_ADDRESS = "forbidden_address"
    MALFORMED_CSV = "malformed_csv"
    NOT_FOUND = "not_found"
    NOT_AN_ARTICLE = "not_an_article"
    SKIPPED_POST = "skipped_post"
    READ_FAILED = "read_failed"  # the claim reader raised on this article
    TIMEOUT = "timeout"  # the claim reader took longer than the per-article limit
    MEMORY_LIMIT = "memory_limit"  # the claim reader ran out of its memory cap
    INTERNAL = "internal"


def content_hash(title: str | None, text: str) -> str:
    """SHA-256 over title and body: the identity used for idempotent ingest."""
    h = hashlib.sha256()
    h.update((title or "").strip().encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8"))
    return h.hexdigest()


def article_id_for(hash_hex: str) -> str:
    """Short, stable article id derived from the content hash."""
    return "a" + hash_hex[:15]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its source.

    ``text`` is the body (starting at the standfirst when there is one); it is stored once and
    every offset in fogofwar indexes into it.

    ``publisher`` is the outlet or channel that published it (og:site_name, JSON-LD publisher,
    feed title, a JSON/CSV source field, a Telegram channel's name); ``published_at`` the
    time-zone-aware moment of publication when the source gives one (``published`` is its
    day); ``forwarded_from`` the channel or account a post was forwarded from and ``reply_to``
    the link (or ``input#id`` reference) of the post it answers.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    headline: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    published_precision: DatePrecision | None = None
    relative_stamp: str | None = None
    captured_estimate: date | None = None
    section: str | None = None
    image_credits: tuple[str, ...] = ()
    language: str = "other"
    language_confidence: float | None = None
    content_hash: str = ""
    ingested_at: datetime | None = None
    source_format: str = "text"
    url: str | None = None
    read_status: ReadStatus = ReadStatus.PENDING
    publisher: str | None = None
    published_at: datetime | None = None
    forwarded_from: str | None = None
    reply_to: str | None = None

    @classmethod
    def create(
        cls, *, source: str, text: str, title: str | None = None, **fields: object
    ) -> Article:
        """Build an article, computing ``content_hash`` and ``id`` from title and text.

        Every text field goes through :func:`clean_text` first, so any reader's article can be
        stored and hashed.
        """
        text = clean_text(text)
        title = clean_text(title) if title is not None else None
        for name, value in list(fields.items()):
            if type(value) is str:  # not enums (StrEnum values stay members)
                fields[name] = clean_text(value)
            elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                fields[name] = tuple(clean_text(v) for v in value)
        source = clean_text(source)
        digest = content_hash(title, text)
        return cls(
            id=article_id_for(digest),
            source=source,
            text=text,
            title=title,
            content_hash=digest,
            **fields,  # type: ignore[arg-type]
        )

    @property
    def word_count(self) -> int:
        """Whitespace-separated words in the body."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with the stage and the reason, and the
    publication date the reader found before rejecting it (``None`` when it found none)."""

    input: str
    stage: str
    reason: ReasonCode
    message: str
    at: datetime | None = None
    published: date | None = None
