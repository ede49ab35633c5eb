"""Exports of the stored record: claims (claims-v1 JSONL with provenance, or Parquet), events
in every event format; both filtered by kind, country and date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any

from fogofwar.claim import Claim
from fogofwar.errors import ConfigError
from fogofwar.events.exports import BINARY_FORMATS, FORMATS, export_events
from fogofwar.events.exports_claims import (
    ClaimRow,
    ClaimRowFilter,
    write_claims_jsonl,
    write_claims_parquet,
)
from fogofwar.events.model import ArticleMeta
from fogofwar.events.protocol import EventFilter
from fogofwar.records import claim_export_record
from fogofwar.services.events_link import ensure_linked
from fogofwar.store import Store

__all__ = [
    "CLAIM_FORMATS",
    "EXPORT_FORMATS",
    "claim_records",
    "export",
    "export_claims",
    "export_is_binary",
]

CLAIM_FORMATS = ("claims-jsonl", "claims-parquet")
EXPORT_FORMATS: tuple[str, ...] = (*CLAIM_FORMATS, *sorted(FORMATS))
"""Every format ``fogofwar export --format`` (and ``/api/exports/{format}``) writes."""
_BATCH = 500


def export_is_binary(fmt: str) -> bool:
    """True when ``fmt`` is written as bytes (parquet), not text."""
    return fmt in BINARY_FORMATS or fmt == "claims-parquet"


def export(
    store: Store,
    fmt: str,
    out: Path | IO[str] | IO[bytes],
    where: EventFilter | None = None,
    *,
    as_of: datetime | None = None,
) -> int:
    """Write the event records (current, or as of ``as_of``) matching ``where`` (all: None)
    as ``fmt``; returns how many. Claims an interrupted run left unlinked are linked first."""
    ensure_linked(store)
    query = (where or EventFilter()).query()
    records = sorted(store.events.records(query, as_of=as_of), key=lambda r: r.event_id)
    return export_events(fmt, records, out)


def claim_records(store: Store, claims: Iterable[Claim]) -> Iterator[dict[str, Any]]:
    """claims-v1 records with the extension field ``publisher`` (the article's outlet).

    Publishers are looked up per batch of claims, so a stream stays a stream.
    """
    stream = iter(claims)
    while batch := list(islice(stream, _BATCH)):
        publishers = store.publishers([c.article_id for c in batch])
        for claim in batch:
            yield claim_export_record(claim, publishers.get(claim.article_id))


def _rows(store: Store, wanted: ClaimRowFilter) -> Iterator[ClaimRow]:
    event_of = {d.claim_id: d.event_id for d in store.events.links()}
    metas: dict[str, ArticleMeta | None] = {}
    for claim in store.iter_claims():
        aid = claim.article_id
        if aid not in metas:
            article = store.get_article(aid)
            metas[aid] = ArticleMeta.from_article(article) if article is not None else None
        row = ClaimRow(claim, metas[aid], event_of.get(claim.claim_id))
        if wanted.passes(row):
            yield row


def export_claims(
    store: Store,
    out: IO[str] | IO[bytes] | Path,
    fmt: str = "claims-jsonl",
    *,
    since: date | None = None,
    country: str | None = None,
    kind: str | None = None,
) -> int:
    """Write the stored claims with their article URL, outlet, evidence text, resolved source
    and event (``claims-jsonl``: claims-v1 plus those fields; ``claims-parquet``); returns how
    many. Filters as in :func:`export`, on each claim's own kind, place and dates."""
    ensure_linked(store)
    rows = _rows(store, ClaimRowFilter(kind=kind, country=country, since=since))
    if fmt == "claims-parquet":
        return write_claims_parquet(rows, out)  # type: ignore[arg-type]
    if fmt != "claims-jsonl":
        raise ConfigError(f"unknown claims format {fmt!r}: use one of {', '.join(CLAIM_FORMATS)}")
    return write_claims_jsonl(rows, out)  # type: ignore[arg-type]
