"""Convert between fogofwar's value types and the store's rows (plain dicts of column values).

Tuple fields are JSON arrays, dates and datetimes ISO 8601 text, enums their values; a claim is
its claims-v1 JSON record plus the columns people filter on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from fogofwar.claim import Claim
from fogofwar.errors import StoreError
from fogofwar.model import (
    Article,
    DatePrecision,
    ReadStatus,
    ReasonCode,
    Rejected,
    clean_text,
)
from fogofwar.store.protocol import StoredRejection
from fogofwar.store.stems import stem_text

__all__ = [
    "article_from_row",
    "article_stems",
    "article_to_row",
    "claim_from_row",
    "claim_to_row",
    "publisher_key",
    "rejection_fingerprint",
    "rejection_from_row",
    "rejection_to_row",
]

_TEXT_FIELDS = (
    "id",
    "source",
    "text",
    "title",
    "headline",
    "standfirst",
    "relative_stamp",
    "section",
    "language",
    "content_hash",
    "source_format",
    "url",
    "publisher",
    "forwarded_from",
    "reply_to",
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def publisher_key(name: str) -> str:
    """The form ``articles --publisher`` matches on: whitespace-collapsed and case-folded."""
    return " ".join(name.split()).casefold()


def _check_article(article: Article) -> None:
    strings = [getattr(article, name) for name in _TEXT_FIELDS]
    strings += [*article.authors, *article.image_credits]
    if any(s is not None and "\x00" in s for s in strings):
        raise StoreError(
            f"article {article.id} ({article.source}) contains a NUL character, which databases "
            "refuse; the batch was not stored. Readers must strip control characters."
        )
    if not article.content_hash or not article.id:
        raise StoreError(
            f"article from {article.source} has no id or content_hash; the batch was not "
            "stored. Build articles with Article.create()."
        )


def article_to_row(article: Article) -> dict[str, Any]:
    """Column values for ``article`` (raises :class:`StoreError` on unstorable text)."""
    _check_article(article)
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "text": article.text,
        "authors": json.dumps(list(article.authors), ensure_ascii=False),
        "published": _iso(article.published),
        "published_precision": (
            article.published_precision.value if article.published_precision else None
        ),
        "relative_stamp": article.relative_stamp,
        "captured_estimate": _iso(article.captured_estimate),
        "section": article.section,
        "image_credits": json.dumps(list(article.image_credits), ensure_ascii=False),
        "language": article.language,
        "language_confidence": article.language_confidence,
        "ingested_at": _iso(article.ingested_at),
        "source_format": article.source_format,
        "read_status": ReadStatus(article.read_status).value,
        "publisher": article.publisher,
        "publisher_key": publisher_key(article.publisher) if article.publisher else None,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "forwarded_from": article.forwarded_from,
        "reply_to": article.reply_to,
        "stems": article_stems(article.title, article.text, article.language),
    }


def article_stems(title: str | None, text: str, language: str | None) -> str:
    """What full-text search indexes for an article: the stems of its title and text."""
    return stem_text(f"{title or ''}\n{text}", language)


def article_from_row(row: Mapping[Any, Any]) -> Article:
    """Inverse of :func:`article_to_row`."""
    published, captured, ingested = row["published"], row["captured_estimate"], row["ingested_at"]
    precision = row["published_precision"]
    moment = row["published_at"]
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        title=row["title"],
        headline=row["headline"],
        standfirst=row["standfirst"],
        authors=tuple(json.loads(row["authors"])),
        published=date.fromisoformat(published) if published else None,
        published_precision=DatePrecision(precision) if precision else None,
        relative_stamp=row["relative_stamp"],
        captured_estimate=date.fromisoformat(captured) if captured else None,
        section=row["section"],
        image_credits=tuple(json.loads(row["image_credits"])),
        language=row["language"],
        language_confidence=row["language_confidence"],
        content_hash=row["content_hash"],
        ingested_at=datetime.fromisoformat(ingested) if ingested else None,
        source_format=row["source_format"],
        url=row["url"],
        read_status=ReadStatus(row["read_status"]),
        publisher=row["publisher"],
        published_at=datetime.fromisoformat(moment) if moment else None,
        forwarded_from=row["forwarded_from"],
        reply_to=row["reply_to"],
    )


def claim_to_row(claim: Claim, pipeline_version: str) -> dict[str, Any]:
    """Column values for ``claim``: the full record plus the indexed columns."""
    try:
        record = json.dumps(claim.to_record(), ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        raise StoreError(
            f"claim {claim.claim_id} has a NaN or infinite number ({exc}); nothing was "
            "replaced. Fix the claim reader or geocoder that produced it."
        ) from exc
    return {
        "claim_id": claim.claim_id,
        "article_id": claim.article_id,
        "pipeline_version": pipeline_version,
        "lang": claim.lang,
        "kind": claim.kind.value,
        "source_kind": claim.source.kind.value,
        "certainty": claim.certainty.value,
        "in_headline": claim.in_headline,
        "record": record,
    }


def claim_from_row(row: Mapping[Any, Any]) -> Claim:
    """The claim stored in a row's ``record`` column."""
    return Claim.from_record(json.loads(row["record"]))


def _clean(value: str) -> str:
    return clean_text(value.replace("\x00", "\\x00"))


def rejection_to_row(rejected: Rejected) -> dict[str, Any]:
    """Column values for a rejection; NUL characters become the text ``\\x00``, other
    unstorable characters are cleaned (:func:`~fogofwar.model.clean_text`)."""
    at = rejected.at or datetime.now(UTC)
    source, stage, reason = _clean(rejected.input), _clean(rejected.stage), rejected.reason
    return {
        "at": at.isoformat(),
        "input": source,
        "stage": stage,
        "reason": ReasonCode(reason).value,
        "message": _clean(rejected.message),
        "count": 1,
        "last_at": at.isoformat(),
        "fingerprint": rejection_fingerprint(source, stage, ReasonCode(reason).value),
        "published": _iso(rejected.published),
    }


def rejection_fingerprint(input_: str, stage: str, reason: str) -> str:
    """The identity of a stored rejection: same input, stage and reason are one row."""
    return hashlib.sha256("\x1f".join((input_, stage, reason)).encode("utf-8")).hexdigest()


def rejection_from_row(row: Mapping[Any, Any]) -> StoredRejection:
    """A stored rejection row as a value."""
    return StoredRejection(
        id=row["id"],
        at=datetime.fromisoformat(row["at"]),
        input=row["input"],
        stage=row["stage"],
        reason=ReasonCode(row["reason"]),
        message=row["message"],
        count=int(row["count"] or 1),
        published=date.fromisoformat(row["published"]) if row["published"] else None,
    )
