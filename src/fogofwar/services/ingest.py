"""Reading inputs: extract articles, read their claims, and ingest them into a store.

Each function takes already-open resources (a store, a reader) and yields or returns typed
results; progress is reported through an optional callback so any shell can draw it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from fogofwar import PIPELINE_VERSION
from fogofwar.model import Article, ReadStatus, Rejected

if TYPE_CHECKING:  # loaded by the functions that need them (start-up time of the CLI)
    from fogofwar.events.embedding import Embedder
    from fogofwar.reader import ReadResult
    from fogofwar.readers import ReadOptions
    from fogofwar.services.engines import ArticleReader, ReadEngine
    from fogofwar.store import Store

__all__ = [
    "IngestSummary",
    "Progress",
    "count_inputs",
    "extract",
    "ingest",
    "ingest_bytes",
    "read",
]

Progress = Callable[[int, str], None]
"""Called with (items done so far, short label) after each input item."""

BATCH_SIZE = 50


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did."""

    inserted: int
    existing: int
    rejected: int
    claims: int
    not_read: int
    seconds: float


def count_inputs(inputs: Sequence[str]) -> int | None:
    """Files an ingest will read (for a progress bar's ETA); ``None`` when unknowable (stdin)."""
    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        if path.is_dir():
            total += sum(
                1
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.parts)
            )
        else:
            total += 1
    return total


def extract(
    inputs: Iterable[str], options: ReadOptions | None = None, *, jobs: int = 1
) -> Iterator[Article | Rejected]:
    """Read inputs into articles (or rejections) without storing anything, in input order;
    ``jobs`` > 1 reads with that many processes."""
    from fogofwar.readers import ReadOptions, read_inputs

    yield from read_inputs(inputs, options=options or ReadOptions(), jobs=jobs)


def read(
    inputs: Iterable[str],
    reader: ArticleReader | ReadEngine,
    options: ReadOptions | None = None,
) -> Iterator[tuple[Article, ReadResult] | Rejected]:
    """Read inputs and their claims without storing anything. Each article is read in its own
    guard: one that fails comes out as a :class:`Rejected` (stage ``claims``)."""
    from fogofwar.services.engines import as_engine

    engine = as_engine(reader)
    articles: list[Article] = []
    for item in extract(inputs, options):
        if isinstance(item, Rejected):
            yield item
            continue
        articles.append(item)
        if len(articles) >= BATCH_SIZE:
            yield from _outcomes(engine, articles)
            articles = []
    yield from _outcomes(engine, articles)


def _outcomes(
    engine: ReadEngine, articles: Sequence[Article]
) -> Iterator[tuple[Article, ReadResult] | Rejected]:
    for outcome in engine.map(articles):
        if outcome.result is not None:
            yield outcome.article, outcome.result
        elif outcome.rejection is not None:
            yield outcome.rejection


def ingest(
    inputs: Iterable[str],
    store: Store,
    reader: ArticleReader | ReadEngine | None,
    *,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    link_events: bool = True,
    batch_size: int = BATCH_SIZE,
    embedder: Embedder | None = None,
    sweep: bool = True,
) -> IngestSummary:
    """Read inputs, store new articles and rejections, and store each new article's claims.

    Articles are committed in batches; a batch is all-or-nothing, so an interrupted run loses
    nothing already committed, and re-running it skips what is stored (same content hash).
    Claims are read by ``reader`` (a :class:`Reader`, read in this process, or an engine: a
    process pool or Ray); an article the reader fails on is kept unread (``not_read``) with a
    stored rejection saying why, and the batch goes on. With ``link_events``, each batch's
    claims not yet linked (read now, or by a run killed before it linked them) are linked into
    events in one transaction (:func:`fogofwar.services.events_link.link_pending`), and any
    other unlinked claims at the end (unless ``sweep`` is false: that pass reads every claim).
    """
    from fogofwar.readers import ReadOptions, read_inputs

    items = read_inputs(inputs, options=options or ReadOptions())
    return _ingest_items(
        items, store, reader, progress, link_events, batch_size, embedder, sweep=sweep
    )


def ingest_bytes(
    data: bytes,
    store: Store,
    reader: ArticleReader | ReadEngine | None,
    *,
    source: str,
    fmt: str | None = None,
    url: str | None = None,
    options: ReadOptions | None = None,
    sweep: bool = True,
) -> IngestSummary:
    """Like :func:`ingest`, for one input given as bytes (an upload): ``fmt`` is one of the
    readers' formats (``text``, ``html``, ``jsonl`` …; sniffed when ``None``), ``source`` the
    name stored as the article's source. The input's own articles are always linked;
    ``sweep=False`` skips the pass that links everything else left unlinked (a scan of every
    claim: seconds at a million; a server leaves it to its background sweeper)."""
    from fogofwar.readers import ReadOptions
    from fogofwar.readers.dispatch import read_bytes

    items = read_bytes(data, source=source, fmt=fmt, options=options or ReadOptions(), url=url)
    return _ingest_items(items, store, reader, None, True, BATCH_SIZE, None, sweep=sweep)


def _ingest_items(
    items: Iterable[Article | Rejected],
    store: Store,
    reader: ArticleReader | ReadEngine | None,
    progress: Progress | None,
    link_events: bool,
    batch_size: int,
    embedder: Embedder | None,
    *,
    sweep: bool = True,
) -> IngestSummary:
    from fogofwar.services.engines import as_engine

    engine = as_engine(reader) if reader is not None else None
    started = datetime.now(UTC)
    inserted = existing = rejected = claims = not_read = 0
    pending: list[Article] = []

    def flush() -> None:
        nonlocal inserted, existing, claims, not_read, rejected
        if not pending:
            return
        result = store.add_articles(pending)
        inserted += len(result.inserted)
        existing += len(result.existing)
        if engine is not None:
            todo = set(result.inserted)
            for article_id in result.existing:
                stored = store.get_article(article_id)
                # Resume: an article committed by a run that died before reading it.
                if stored is not None and stored.read_status is ReadStatus.PENDING:
                    todo.add(article_id)
            for outcome in engine.map([a for a in pending if a.id in todo]):
                article = outcome.article
                if outcome.result is None:
                    assert outcome.rejection is not None
                    store.add_rejections([outcome.rejection])
                    store.set_read_status(
                        article.id, ReadStatus.NOT_READ, outcome.rejection.message
                    )
                    rejected += 1
                    not_read += 1
                    continue
                store.replace_claims(article.id, PIPELINE_VERSION, outcome.result.claims)
                store.set_read_status(article.id, outcome.result.status, outcome.result.reason)
                claims += len(outcome.result.claims)
                not_read += outcome.result.status is ReadStatus.NOT_READ
            if link_events:
                from fogofwar.services.events_link import link_pending

                link_pending(store, only=[*result.inserted, *result.existing], embedder=embedder)
        pending.clear()

    for done, item in enumerate(items, 1):
        if isinstance(item, Rejected):
            store.add_rejections([replace(item, at=item.at or datetime.now(UTC))])
            rejected += 1
            label = f"rejected {item.reason.value}"
        else:
            pending.append(replace(item, ingested_at=datetime.now(UTC)))
            label = item.title or item.source
            if len(pending) >= batch_size:
                flush()
        if progress is not None:
            progress(done, label)
    flush()
    if link_events and sweep and engine is not None:
        from fogofwar.services.events_link import link_pending

        link_pending(store, embedder=embedder)
    seconds = (datetime.now(UTC) - started).total_seconds()
    return IngestSummary(inserted, existing, rejected, claims, not_read, seconds)
