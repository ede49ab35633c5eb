"""Linking stored articles into events: ingest calls :func:`link_read` after each batch.

Linking is incremental: the claims of newly read articles are linked against the stored index
(never re-reading stored articles), then the records of the events they touched are rebuilt and
their new versions appended — :func:`fogofwar.events.run.link_batch` on ``store.events``, the
same path the in-memory report and the evaluation take.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from fogofwar import PIPELINE_VERSION
from fogofwar.claim import Claim
from fogofwar.events.embedding import Embedder, default_embedder
from fogofwar.events.model import ArticleMeta
from fogofwar.events.run import link_batch
from fogofwar.model import Article
from fogofwar.reader import ReadResult
from fogofwar.store import ClaimFilter, Store

__all__ = [
    "LinkSummary",
    "StoreArticles",
    "ensure_linked",
    "link_pending",
    "link_read",
    "shared_embedder",
]


@functools.cache
def shared_embedder() -> Embedder:
    """The sentence embedder, loaded once per process (multilingual USE, else n-grams)."""
    return default_embedder()


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What one incremental link did."""

    articles: int
    claims: int
    new_events: int
    versions: int


class StoreArticles:
    """:class:`~fogofwar.events.run.ArticleLookup` over a store: metadata of stored articles
    and their claims of the current pipeline version."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._metas: dict[str, ArticleMeta | None] = {}

    def meta(self, article_id: str) -> ArticleMeta | None:
        """The stored article's metadata, or ``None`` (each article read once per linking
        run: a run asks again for the event-mates of every article it links)."""
        if article_id not in self._metas:
            article = self.store.get_article(article_id)
            self._metas[article_id] = ArticleMeta.from_article(article) if article else None
        return self._metas[article_id]

    def claims(self, article_id: str) -> Sequence[Claim]:
        """The article's claims of this pipeline version."""
        return self.store.list_claims(
            ClaimFilter(article_id=article_id, pipeline_version=PIPELINE_VERSION)
        )


def now() -> datetime:
    """The current time, UTC-aware (versions and links are stamped with it)."""
    return datetime.now(UTC)


def link_read(
    store: Store,
    items: Sequence[tuple[Article, ReadResult]],
    *,
    embedder: Embedder | None = None,
    at: datetime | None = None,
) -> LinkSummary:
    """Link newly read articles (earliest publication first) without rescanning the store."""
    return _link(store, [(a, r.claims) for a, r in items], embedder, at)


def link_pending(
    store: Store,
    *,
    embedder: Embedder | None = None,
    at: datetime | None = None,
    only: Iterable[str] | None = None,
    after: int | None = None,
) -> LinkSummary:
    """Link stored articles whose claims were never linked (a run killed between reading and
    linking, a concurrent ingest, or a store filled before the events layer existed); with
    ``only``, just those of these article ids; with ``after``, just claims stored after that
    :func:`sweep_links` position. Cheap when nothing is left: one query (a scan of every
    claim without ``only`` or ``after``)."""
    pending = store.unlinked_articles(PIPELINE_VERSION, only, after=after)
    if not pending:
        return LinkSummary(0, 0, 0, 0)
    items = []
    for aid in pending:
        article = store.get_article(aid)
        if article is not None:
            claims = store.list_claims(
                ClaimFilter(article_id=aid, pipeline_version=PIPELINE_VERSION)
            )
            items.append((article, tuple(claims)))
    return _link(store, items, embedder, at)


def sweep_links(store: Store, after: int | None = None) -> tuple[LinkSummary, int]:
    """Link what is unlinked among the claims stored after position ``after`` (``None``: all
    claims); returns what was linked and the position to pass next time (the newest claim's,
    read before the pass: claims committed later stand after it on SQLite, whose commits are
    serial; PostgreSQL's sequence can commit out of order, so a sweeper also passes ``None``
    now and then)."""
    position = store.claims_position()
    return link_pending(store, after=after), position


def ensure_linked(store: Store) -> LinkSummary:
    """Link whatever an interrupted run left unlinked (one query when nothing is): every
    command that reads events calls this first, so no claim stays out of the events."""
    return link_pending(store)


def _link(
    store: Store,
    items: Sequence[tuple[Article, Sequence[Claim]]],
    embedder: Embedder | None,
    at: datetime | None,
) -> LinkSummary:
    """One linking run, whole or not at all, under the linker lock. Claims another process
    linked while this one waited for the lock keep their events (link_one is idempotent)."""
    model = embedder or shared_embedder()
    with store.events.transaction():
        run = link_batch(
            store.events,
            StoreArticles(store),
            [(ArticleMeta.from_article(a), claims) for a, claims in items],
            at or now(),
            embedder=model,
        )
    return LinkSummary(run.articles, run.claims, run.new_events, len(run.versions))
