"""Claims exports with their provenance: each claim with its article's URL and outlet, the
evidence text it rests on, its resolved source and its event.

``claims-jsonl`` is the claims-v1 record plus the additive fields ``event_id``, ``outlet``,
``article_url``, ``published``, ``source_id``, ``source_label`` and ``evidence``;
``claims-parquet`` is one flat typed row per claim (dates as ``date32``), for DuckDB/pandas.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from fogofwar.claim import Claim
from fogofwar.events.model import ArticleMeta
from fogofwar.events.sources import source_of
from fogofwar.events.victims import count_group

__all__ = [
    "CLAIM_COLUMNS",
    "ClaimRow",
    "ClaimRowFilter",
    "claim_row",
    "write_claims_jsonl",
    "write_claims_parquet",
]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with what an export needs beside it."""

    claim: Claim
    meta: ArticleMeta | None
    event_id: str | None


@dataclass(frozen=True, slots=True)
class ClaimRowFilter:
    """Filters over claim rows (a claim with its article and event) in the claim-table exports:
    claim kind, country (ISO3 or place name), claimed or published since. Stored-claim
    listings filter in the store with :class:`fogofwar.store.ClaimFilter` instead."""

    kind: str | None = None
    country: str | None = None
    since: date | None = None

    def passes(self, row: ClaimRow) -> bool:
        """True when ``row`` passes every filter given."""
        c = row.claim
        if self.kind is not None and c.kind.value != self.kind:
            return False
        if self.country is not None:
            loc = c.location
            wanted = self.country.strip().upper()
            names = (
                {(loc.country or "").upper(), (loc.normalized or loc.name).upper()}
                if loc
                else set()
            )
            if wanted not in names:
                return False
        if self.since is not None:
            when = c.time.end or c.time.start if c.time else None
            day = when or (
                row.meta.published.isoformat() if row.meta and row.meta.published else None
            )
            if day is None or day[:10] < self.since.isoformat():
                return False
        return True


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _evidence(row: ClaimRow) -> str:
    if row.meta is None:
        return ""
    span = row.claim.span
    base = row.meta.title if row.claim.in_headline else row.meta.text
    if span is None or span.end > len(base):
        return ""
    return span.slice(base)


def claim_row(row: ClaimRow) -> dict[str, Any]:
    """One flat row of :data:`CLAIM_COLUMNS`."""
    c, meta = row.claim, row.meta
    src = source_of(c, meta)
    loc, t = c.location, c.time
    killed, injured = c.counts.killed, c.counts.injured
    return {
        "claim_id": c.claim_id,
        "article_id": c.article_id,
        "event_id": row.event_id,
        "lang": c.lang,
        "kind": c.kind.value,
        "subtype": c.subtype,
        "in_headline": c.in_headline,
        "certainty": c.certainty.value,
        "source_name": c.source.name,
        "source_kind": c.source.kind.value,
        "source_id": src.key,
        "source_label": src.label,
        "via": list(c.source.via),
        "outlet": meta.outlet if meta else None,
        "article_url": meta.url if meta else None,
        "published": meta.published if meta else None,
        "location": (loc.normalized or loc.name) if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "geonames_id": loc.geonames_id if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "date_start": _day(t.start) if t else None,
        "date_end": _day(t.end) if t else None,
        "time_precision": t.precision if t else None,
        "killed_low": killed.low if killed else None,
        "killed_high": killed.high if killed else None,
        "killed_group": count_group(c, killed) if killed else None,
        "injured_low": injured.low if injured else None,
        "injured_high": injured.high if injured else None,
        "injured_group": count_group(c, injured) if injured else None,
        "evidence": _evidence(row),
        "span_start": c.span.start if c.span else None,
        "span_end": c.span.end if c.span else None,
    }


_STR, _INT, _F = pa.string(), pa.int64(), pa.float64()
CLAIM_SCHEMA = pa.schema(
    [
        ("claim_id", _STR),
        ("article_id", _STR),
        ("event_id", _STR),
        ("lang", _STR),
        ("kind", _STR),
        ("subtype", _STR),
        ("in_headline", pa.bool_()),
        ("certainty", _STR),
        ("source_name", _STR),
        ("source_kind", _STR),
        ("source_id", _STR),
        ("source_label", _STR),
        ("via", pa.list_(_STR)),
        ("outlet", _STR),
        ("article_url", _STR),
        ("published", pa.date32()),
        ("location", _STR),
        ("country", _STR),
        ("admin1", _STR),
        ("geonames_id", _INT),
        ("latitude", _F),
        ("longitude", _F),
        ("geo_precision", _STR),
        ("date_start", pa.date32()),
        ("date_end", pa.date32()),
        ("time_precision", _STR),
        ("killed_low", _INT),
        ("killed_high", _INT),
        ("killed_group", _STR),
        ("injured_low", _INT),
        ("injured_high", _INT),
        ("injured_group", _STR),
        ("evidence", _STR),
        ("span_start", _INT),
        ("span_end", _INT),
    ]
)
CLAIM_COLUMNS = [f.name for f in CLAIM_SCHEMA]


def write_claims_parquet(rows: Iterable[ClaimRow], out: Path | IO[bytes]) -> int:
    """Every claim as one typed Parquet row; returns how many."""
    table = pa.Table.from_pylist([claim_row(r) for r in rows], schema=CLAIM_SCHEMA)
    pq.write_table(table, out)
    return int(table.num_rows)


def write_claims_jsonl(rows: Iterable[ClaimRow], out: IO[str]) -> int:
    """claims-v1 JSON lines plus provenance fields (additive); returns how many."""
    n = 0
    for r in rows:
        rec = r.claim.to_record()
        flat = claim_row(r)
        rec.update(
            {
                "event_id": r.event_id,
                "outlet": flat["outlet"],
                "article_url": flat["article_url"],
                "published": flat["published"].isoformat() if flat["published"] else None,
                "source_id": flat["source_id"],
                "source_label": flat["source_label"],
                "evidence": flat["evidence"],
                "publisher": r.meta.publisher if r.meta else None,
            }
        )
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
