"""Stored articles, claims and rejections: what the CLI and the web API list and show.

Each function takes an open store; unknown ids raise :class:`~fogofwar.errors.NotFoundError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from fogofwar.claim import Claim
from fogofwar.errors import NotFoundError
from fogofwar.model import Article, ReasonCode
from fogofwar.store import (
    ClaimFilter,
    Page,
    RejectionCount,
    Store,
    StoredRejection,
    open_store,
)

__all__ = [
    "ClaimFilter",
    "article_claims",
    "articles_page",
    "claims_page",
    "count_articles",
    "get_article",
    "iter_claims",
    "list_articles",
    "list_claims",
    "list_rejections",
    "open_store",
    "resolve_article",
    "store_generation",
    "store_label",
    "summarize_rejections",
]


def store_label(store: Store) -> str:
    """A short name of the store's database for people (never a full path or password)."""
    return store.label


def store_generation(store: Store) -> str | None:
    """A token that changes whenever anyone commits a change to the store (``None``: this
    store cannot tell): what a cache of answers is keyed on."""
    return store.generation()


def count_articles(store: Store) -> int:
    """Number of stored articles."""
    return store.count_articles()


def list_articles(
    store: Store,
    *,
    search: str | None = None,
    lang: str | None = None,
    since: date | None = None,
    publisher: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Article]:
    """Articles matching a full-text query and filters; best match or newest first.

    ``publisher`` keeps articles whose publisher (outlet, channel) contains it, ignoring case.
    """
    return store.list_articles(
        search=search, lang=lang, since=since, publisher=publisher, limit=limit, offset=offset
    )


def articles_page(
    store: Store,
    *,
    search: str | None = None,
    lang: str | None = None,
    since: date | None = None,
    publisher: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> Page[Article]:
    """One page of :func:`list_articles` after ``cursor`` (stable; bad cursor: ``ValueError``)."""
    return store.articles_page(
        search=search, lang=lang, since=since, publisher=publisher, cursor=cursor, limit=limit
    )


def get_article(store: Store, article_id: str, *, exact: bool = False) -> Article:
    """The article with this id (or, unless ``exact``, a unique id prefix).

    Raises :class:`~fogofwar.errors.NotFoundError` when none (or, by prefix, several) match.
    """
    article = store.get_article(article_id) if article_id else None
    if article is None or (exact and article.id != article_id):
        raise NotFoundError(f"no article {article_id!r}: list ids with `fogofwar articles`")
    return article


def resolve_article(store: Store, article_id: str) -> str:
    """The full id of the article ``article_id`` names (a unique prefix is enough)."""
    return get_article(store, article_id).id


def article_claims(store: Store, article_id: str) -> list[Claim]:
    """The claims of one stored article, in storage order."""
    return store.list_claims(ClaimFilter(article_id=article_id))


def list_claims(
    store: Store, where: ClaimFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[Claim]:
    """Stored claims passing ``where`` (default: all), in storage order."""
    return store.list_claims(where, limit=limit, offset=offset)


def claims_page(
    store: Store, where: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
) -> Page[Claim]:
    """One page of :func:`list_claims` after ``cursor`` (stable; bad cursor: ``ValueError``)."""
    return store.claims_page(where, cursor=cursor, limit=limit)


def iter_claims(store: Store, where: ClaimFilter | None = None) -> Iterator[Claim]:
    """Like :func:`list_claims`, streamed (exports of any size)."""
    return store.iter_claims(where)


def list_rejections(
    store: Store,
    *,
    limit: int = 100,
    offset: int = 0,
    reason: ReasonCode | None = None,
    before_id: int | None = None,
) -> list[StoredRejection]:
    """Stored rejections, newest first, optionally of one reason and below ``before_id``."""
    return store.list_rejections(limit=limit, offset=offset, reason=reason, before_id=before_id)


def summarize_rejections(store: Store) -> list[RejectionCount]:
    """Rejections per reason and stage (``internal`` counts readers' unknown failures)."""
    return store.summarize_rejections()
