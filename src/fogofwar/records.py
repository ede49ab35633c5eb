"""JSON records of articles and rejections, as printed by ``extract``/``show --json``.

Claims have their own contract (:mod:`fogofwar.claim`); this module covers the other records the
CLI and API print, so every shell shows the same shape.
"""

from __future__ import annotations

from typing import Any

from fogofwar.claim import Claim
from fogofwar.model import Article, Rejected

__all__ = ["article_record", "claim_export_record", "rejected_record"]


def claim_export_record(claim: Claim, article: Article | str | None) -> dict[str, Any]:
    """The claims-v1 record of ``claim`` with the extension field ``publisher``.

    claims-v1 has no place for the outlet that published the article (its ``source`` is who
    makes the claim, ``source.via`` who relays it in the text), so exports add ``publisher``:
    the article's publisher (outlet, channel) or ``None``. ``article`` is the article or its
    publisher name.
    """
    record = claim.to_record()
    record["publisher"] = article.publisher if isinstance(article, Article) else article
    return record


def article_record(article: Article, *, with_text: bool = True) -> dict[str, Any]:
    """A JSON-ready dict of ``article`` (the body under ``text`` unless ``with_text`` is False)."""
    rec: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "publisher": article.publisher,
        "url": article.url,
        "title": article.title,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "published_precision": (
            article.published_precision.value if article.published_precision else None
        ),
        "relative_stamp": article.relative_stamp,
        "captured_estimate": (
            article.captured_estimate.isoformat() if article.captured_estimate else None
        ),
        "section": article.section,
        "image_credits": list(article.image_credits),
        "language": article.language,
        "language_confidence": article.language_confidence,
        "source_format": article.source_format,
        "content_hash": article.content_hash,
        "ingested_at": article.ingested_at.isoformat() if article.ingested_at else None,
        "read_status": article.read_status.value,
        "words": article.word_count,
    }
    if article.forwarded_from is not None:
        rec["forwarded_from"] = article.forwarded_from
    if article.reply_to is not None:
        rec["reply_to"] = article.reply_to
    if with_text:
        rec["text"] = article.text
    return rec


def rejected_record(rejected: Rejected) -> dict[str, Any]:
    """A JSON-ready dict of a rejection."""
    return {
        "input": rejected.input,
        "stage": rejected.stage,
        "reason": rejected.reason.value,
        "message": rejected.message,
        "at": rejected.at.isoformat() if rejected.at else None,
        "published": rejected.published.isoformat() if rejected.published else None,
    }
