"""Fill a store with synthetic rows for benchmarks: articles, claims, links and event versions,
written in bulk (one transaction per chunk), so a store of a million claims takes minutes.

    >>> with open_store("big.db") as store:
    ...     counts = fill_synthetic(store, n_claims=1_000_000)

Rows are shaped like real ones (claims-v1 and events-v1 records built by the real classes) with
deterministic variety (fixed seed): kinds, sources, certainty, languages, dates over two years,
places around Ukraine. Not for evaluation: the text says nothing.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from fogofwar import PIPELINE_VERSION
from fogofwar.claim import Certainty, Claim, ClaimKind, Count, Counts, SourceKind, SourceRef
from fogofwar.events.record import EventRecord
from fogofwar.model import Article, Span
from fogofwar.store.engine import WRITE
from fogofwar.store.event_tables import (
    event_claims,
    event_version_articles,
    event_version_flags,
    event_versions,
    events,
)
from fogofwar.store.overview import rebuild
from fogofwar.store.protocol import Store
from fogofwar.store.rows import article_to_row, claim_to_row
from fogofwar.store.tables import articles, claims

__all__ = ["fill_synthetic"]

_CHUNK = 5_000
_LANGS = ("en", "de", "ru", "uk", "fr")
_PLACES = (
    ("Kharkiv", "UKR", 49.99, 36.23),
    ("Kyiv", "UKR", 50.45, 30.52),
    ("Odesa", "UKR", 46.48, 30.73),
    ("Belgorod", "RUS", 50.6, 36.6),
    ("Kursk", "RUS", 51.73, 36.19),
    ("Donetsk", "UKR", 48.0, 37.8),
)
_TEXT = "Five people were killed in the strike, the regional governor said on Thursday. " * 3


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def fill_synthetic(
    store: Store,
    *,
    n_claims: int,
    claims_per_article: int = 10,
    claims_per_event: int = 8,
    seed: int = 7,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Add ``n_claims`` synthetic claims (and their articles, links and events) to ``store``
    (a :class:`~fogofwar.store.sql.SqlStore`); returns the counts written."""
    engine = getattr(store, "engine", None)
    if not isinstance(engine, sa.Engine):
        raise TypeError("fill_synthetic needs a database store (open_store)")
    rng = random.Random(seed)
    n_articles = max(1, n_claims // claims_per_article)
    n_events = max(1, n_claims // claims_per_event)
    start = date(2023, 1, 1)
    at = datetime(2025, 1, 1, tzinfo=UTC)
    article_ids = [
        f"s{hashlib.sha256(f'{seed}:{i}'.encode()).hexdigest()[:15]}" for i in range(n_articles)
    ]

    def article_rows() -> Iterator[dict[str, Any]]:
        for i, aid in enumerate(article_ids):
            day = start + timedelta(days=i % 730)
            article = Article.create(
                source=f"synthetic-{i}.txt",
                text=f"{_TEXT} ({i})",
                title=f"Report {i}",
                language=_LANGS[i % len(_LANGS)],
                published=day,
            )
            row = article_to_row(article)
            row.update(id=aid, content_hash=hashlib.sha256(f"{seed}:{i}:h".encode()).hexdigest())
            yield row

    kinds, sources, certs = list(ClaimKind), list(SourceKind), list(Certainty)

    def claim_rows() -> Iterator[dict[str, Any]]:
        for i in range(n_claims):
            aid = article_ids[i // claims_per_article]
            killed = rng.randint(0, 40)
            claim = Claim(
                claim_id=f"{aid}-c{i % claims_per_article:03d}",
                article_id=aid,
                lang=_LANGS[(i // claims_per_article) % len(_LANGS)],
                span=Span(0, 40),
                kind=kinds[rng.randrange(len(kinds))],
                source=SourceRef(sources[rng.randrange(len(sources))], name=f"source {i % 997}"),
                certainty=certs[rng.randrange(len(certs))],
                counts=Counts(killed=Count(killed, killed)),
            )
            yield claim_to_row(claim, PIPELINE_VERSION)

    def claim_id(n: int) -> str:
        return f"{article_ids[n // claims_per_article]}-c{n % claims_per_article:03d}"

    def event_of(i: int) -> str:
        return f"e{hashlib.sha256(f'{seed}:e{i}'.encode()).hexdigest()[:16]}"

    flag_rows: list[dict[str, Any]] = []  # filled as the versions are written
    event_article_rows: list[dict[str, Any]] = []

    def version_rows() -> Iterator[dict[str, Any]]:
        for e in range(n_events):
            place, country, lat, lon = _PLACES[e % len(_PLACES)]
            day = (start + timedelta(days=rng.randrange(730))).isoformat()
            first = e * claims_per_event
            ids = tuple(claim_id(first + j) for j in range(min(claims_per_event, n_claims - first)))
            killed = rng.randint(0, 40)
            record = EventRecord(
                event_id=event_of(e),
                kind=kinds[e % len(kinds)].value,
                date_start=day,
                date_end=day,
                time_precision="day",
                country=country,
                location=place,
                latitude=lat + rng.uniform(-0.5, 0.5),
                longitude=lon + rng.uniform(-0.5, 0.5),
                killed_low=killed,
                killed_high=killed,
                killed_best=killed,
                article_ids=tuple(sorted({c.split("-")[0] for c in ids})),
                claim_ids=ids,
                flags=("single_source",) if e % 5 == 0 else (),
                version=1,
                valid_from=at,
            )
            key = {"event_id": record.event_id, "version": 1}
            flag_rows.extend({"code": c, "day": day, **key} for c in record.flags)
            event_article_rows.extend({"article_id": a, **key} for a in record.article_ids)
            yield {
                "event_id": record.event_id,
                "version": 1,
                "valid_from": at.isoformat(),
                "retired": False,
                "record": json.dumps(record.to_record(), ensure_ascii=False, sort_keys=True),
                "kind": record.kind,
                "country_key": country,
                "location_key": place.upper(),
                "date_start": day,
                "date_end": day,
                "flags": "|single_source|" if record.flags else "",
                "articles": "|" + "|".join(record.article_ids) + "|",
            }

    def link_rows() -> Iterator[dict[str, Any]]:
        for i in range(n_claims):
            aid = article_ids[i // claims_per_article]
            yield {
                "event_id": event_of(i // claims_per_event),
                "claim_id": f"{aid}-c{i % claims_per_article:03d}",
                "article_id": aid,
                "score": 1.0,
                "new_event": i % claims_per_event == 0,
                "decided_by": "synthetic",
                "nearest": None,
                "reasons": "[]",
                "valid_from": at.isoformat(),
            }

    def event_rows() -> Iterator[dict[str, Any]]:
        for e in range(n_events):
            yield {"event_id": event_of(e), "first_seen": at.isoformat()}

    plan: Sequence[tuple[str, sa.Table, Callable[[], Iterator[dict[str, Any]]]]] = (
        ("articles", articles, article_rows),
        ("claims", claims, claim_rows),
        ("events", events, event_rows),
        ("event_claims", event_claims, link_rows),
        ("event_versions", event_versions, version_rows),
        ("event_version_flags", event_version_flags, lambda: iter(flag_rows)),
        ("event_version_articles", event_version_articles, lambda: iter(event_article_rows)),
    )
    written: dict[str, int] = {}
    for name, table, rows in plan:
        n = 0
        for batch in _chunks(rows()):
            with engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    conn.execute(sa.insert(table), batch)
            n += len(batch)
            if progress is not None:
                progress(name, n)
        written[name] = n
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            rebuild(conn)  # the overview tables, from what was written
    with engine.connect() as conn, conn.begin():
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("ANALYZE")
    return written
