"""Plain-text dumps of news pages: a metadata block (title, byline, dates, section, image
credits, separators) followed by the body.

The metadata block is recognised by structure — short lines before the first paragraph of
prose — with words from :mod:`fogofwar.readers.cues` only to name credits and bylines. The body
starts at the first real paragraph (the standfirst when there is one) and keeps no boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from fogofwar.errors import InputError
from fogofwar.langid import identify
from fogofwar.model import Article, DatePrecision, ReasonCode
from fogofwar.readers.cues import (
    AUTHOR_PREFIXES,
    AUTHOR_SEPARATORS,
    CREDIT_PREFIXES,
    NAME_PARTICLES,
)
from fogofwar.readers.dates import parse_absolute_date, parse_relative_stamp

__all__ = ["parse_text_dump"]

_SENTENCE_END = tuple(".!?…\"»“”'’)")
_MIN_PROSE_WORDS = 8
_LONG_PROSE_WORDS = 20
_MAX_METADATA_LINES = 20
_MAX_SECTION_CHARS = 30
_MAX_NAME_WORDS = 4
_STANDFIRST_MAX_WORDS = 60
_CREDIT = re.compile(
    r"^\s*(?:" + "|".join(re.escape(p) for p in CREDIT_PREFIXES) + r")\s*(?::|©|\s)\s*(.*)$",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"^\s*(?:" + "|".join(re.escape(p) for p in AUTHOR_PREFIXES) + r")\s*[:\s]\s*(.+)$",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(
    r"\s*(?:,|;|\s(?:" + "|".join(re.escape(s) for s in AUTHOR_SEPARATORS) + r")\s)\s*",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    precision: DatePrecision | None = None
    stamp: str | None = None
    stamp_interval: timedelta | None = None
    section: str | None = None
    credits: list[str] = field(default_factory=list)


def _is_separator(line: str) -> bool:
    return bool(line) and not any(c.isalnum() for c in line)


def _credit(line: str) -> str | None:
    m = _CREDIT.match(line)
    if m is None or len(line.split()) > 12:
        return None
    return m.group(1).strip(" .©") or None


def _is_prose(line: str) -> bool:
    words = len(line.split())
    return words >= _LONG_PROSE_WORDS or (
        words >= _MIN_PROSE_WORDS and line.rstrip().endswith(_SENTENCE_END)
    )


def _is_section(line: str) -> bool:
    return (
        len(line) <= _MAX_SECTION_CHARS
        and len(line.split()) == 1
        and line[0].isupper()
        and all(c.isalpha() or c in "-&" for c in line)
    )


def _names(line: str) -> list[str] | None:
    """The names on a byline without prefix, or ``None`` if the line does not look like one."""
    if any(c.isdigit() for c in line) or line.rstrip().endswith(_SENTENCE_END):
        return None
    names = [n.strip() for n in _AUTHOR_SPLIT.split(line) if n.strip()]
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= _MAX_NAME_WORDS:
            return None
        if not all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words):
            return None
    return names or None


def _metadata_line(line: str, meta: _Meta, language: str | None) -> bool:
    """Record ``line`` in ``meta`` if it is metadata; return whether it was."""
    if _is_separator(line):
        return True
    credit = _credit(line)
    if credit is not None:
        if credit not in meta.credits:
            meta.credits.append(credit)
        return True
    interval = parse_relative_stamp(line, language)
    if interval is not None and meta.stamp is None:
        meta.stamp, meta.stamp_interval = line, interval
        return True
    found = parse_absolute_date(line, language)
    if found is not None and meta.published is None:
        meta.published, meta.precision = found.value, found.precision
        return True
    m = _AUTHOR.match(line)
    if m is not None and not meta.authors and (names := _names(m.group(1))):
        meta.authors = names
        return True
    if _is_section(line) and meta.section is None:
        meta.section = line
        return True
    if meta.title is not None and not meta.authors and (names := _names(line)):
        meta.authors = names
        return True
    return False


def _paragraphs(lines: list[str]) -> list[str]:
    """Join body lines into paragraphs: blank lines and sentence ends separate them."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line or _is_separator(line) or _credit(line) is not None:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        # A long line without a sentence end is hard-wrapped: the next line continues it.
        if line.endswith(_SENTENCE_END) or len(line.split()) < _MIN_PROSE_WORDS:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def parse_text_dump(text: str, *, source: str) -> Article:
    """Read a plain-text page dump into an :class:`Article`.

    Raises :class:`InputError` (NO_TEXT) when no body paragraph is left after the metadata.
    """
    lines = text.split("\n")
    language, confidence = identify(text)
    lang_hint = language if language != "other" else None
    meta = _Meta()
    body_start: int | None = None
    title_index: int | None = None
    after_meta = 0  # index just past the last line recognised as metadata or title
    seen = 0
    for i, raw in enumerate(lines):
        line = " ".join(raw.split())
        if not line:
            continue
        seen += 1
        if meta.title is not None and _is_prose(line):
            body_start = i
            break
        if seen > _MAX_METADATA_LINES:
            break
        if _metadata_line(line, meta, lang_hint):
            after_meta = i + 1
            continue
        if meta.title is None:
            meta.title, title_index, after_meta = line, i, i + 1
            continue
        # A short line that is not recognisable metadata: the body starts here.
        body_start = i
        break
    if body_start is None:
        body_start = after_meta
        if title_index is not None and not any(x.strip() for x in lines[body_start:]):
            meta.title, body_start = None, title_index  # a lone line: body, not title
    paragraphs = _paragraphs(lines[body_start:])
    if not paragraphs:
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: no body paragraph found after the metadata lines; "
            "check that the file is an article and not only a title or a list of links",
        )
    body = "\n\n".join(paragraphs)
    standfirst = (
        paragraphs[0]
        if len(paragraphs) > 1 and len(paragraphs[0].split()) <= _STANDFIRST_MAX_WORDS
        else None
    )
    captured = (
        meta.published + meta.stamp_interval
        if meta.published is not None and meta.stamp_interval is not None
        else None
    )
    return Article.create(
        source=source,
        text=body,
        title=meta.title,
        headline=meta.title,
        standfirst=standfirst,
        authors=tuple(meta.authors),
        published=meta.published,
        published_precision=meta.precision,
        relative_stamp=meta.stamp,
        captured_estimate=captured,
        section=meta.section,
        image_credits=tuple(meta.credits),
        language=language,
        language_confidence=confidence,
        source_format="text",
    )
