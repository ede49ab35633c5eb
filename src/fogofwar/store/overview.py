"""Keeping and reading the overview tables (:mod:`.overview_tables`): places with events, the
country filter's index rows, and who is cited how often.

Writes happen in the transaction that changes what they summarise: :func:`note_versions` as
event versions are appended (before they are inserted: it reads each event's previous
version), :func:`replace_claim_sources` as an article's claims are replaced. Both apply
deltas, so a write costs what it touches, never a pass over the store. :func:`rebuild` fills
the tables from scratch (migration ``0010_overview_tables`` and the synthetic store).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from fogofwar.claim import Claim
from fogofwar.events.model import ArticleMeta
from fogofwar.events.sources import source_of
from fogofwar.events.versions import EventVersion
from fogofwar.model import Article
from fogofwar.store.event_tables import event_versions
from fogofwar.store.overview_tables import (
    claim_sources,
    event_first_sources,
    event_version_places,
    place_counts,
    source_facets,
    source_totals,
)
from fogofwar.store.protocol import PlaceCount, SourceCount
from fogofwar.store.rows import article_from_row, claim_from_row
from fogofwar.store.tables import articles, claims

__all__ = [
    "note_versions",
    "place_counts_of",
    "place_keys",
    "rebuild",
    "replace_claim_sources",
    "source_counts_of",
]

_CHUNK = 2_000
_IDS = 500  # ids per IN (...) list
_UNDATED = "9999-99-99"  # sorts after every day: an undated article reports last

PlaceKey = tuple[str, ...]  # (location, country, admin1, kind) ('' for none)


def place_keys(country: str | None, location: str | None) -> set[str]:
    """The keys the country filter finds a version under (upper-cased, as the filter)."""
    return {k for k in ((country or "").upper(), (location or "").upper()) if k}


def _place(record: Mapping[str, Any]) -> PlaceKey | None:
    if record.get("location") is None and record.get("country") is None:
        return None
    return (
        record.get("location") or "",
        record.get("country") or "",
        record.get("admin1") or "",
        str(record.get("kind") or ""),
    )


def _insert(conn: Connection) -> Any:
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def _add(
    conn: Connection,
    table: sa.Table,
    deltas: Mapping[tuple[str, ...], Mapping[str, int]],
    extra: Mapping[tuple[str, ...], Mapping[str, Any]] | None = None,
) -> None:
    """Add ``deltas`` (primary key → counter → change) to ``table``'s counters, creating rows
    as needed; rows whose counters all fall to zero are deleted. ``extra`` sets other columns
    (a ``None`` keeps what is stored)."""
    keys = [c.name for c in table.primary_key.columns]
    counters = [c.name for c in table.columns if c.name not in keys and c.type.python_type is int]
    others = [c.name for c in table.columns if c.name not in keys and c.name not in counters]
    rows = []
    for key, change in deltas.items():
        if not any(change.values()):
            continue
        row: dict[str, Any] = dict(zip(keys, key, strict=True))
        row |= {c: change.get(c, 0) for c in counters}
        row |= {c: (extra or {}).get(key, {}).get(c) for c in others}
        rows.append(row)
    if not rows:
        return
    stmt = _insert(conn)(table)
    update = {c: table.c[c] + stmt.excluded[c] for c in counters}
    update |= {c: sa.func.coalesce(stmt.excluded[c], table.c[c]) for c in others}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=update), rows)
    emptied = [r for r in rows if any(r[c] < 0 for c in counters)]
    if emptied:
        same = [table.c[k] == sa.bindparam(f"k_{k}") for k in keys]
        empty = [table.c[c] <= 0 for c in counters]
        conn.execute(
            sa.delete(table).where(*same, *empty),
            [{f"k_{k}": r[k] for k in keys} for r in emptied],
        )


def _first_source(conn: Connection, claim_ids: Sequence[str]) -> tuple[str, str] | None:
    """The source (label, kind) of the earliest-published of ``claim_ids`` (then by id)."""
    best: tuple[tuple[str, str], tuple[str, str]] | None = None
    cs = claim_sources
    for start in range(0, len(claim_ids), _IDS):
        chunk = list(claim_ids[start : start + _IDS])
        stmt = sa.select(cs.c.claim_id, cs.c.published, cs.c.label, cs.c.kind).where(
            cs.c.claim_id.in_(chunk)
        )
        for r in conn.execute(stmt):
            order = (r.published or _UNDATED, r.claim_id)
            if best is None or order < best[0]:
                best = (order, (r.label, r.kind))
    return None if best is None else best[1]


def _previous(conn: Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any] | None]:
    """Each event's newest stored record (``None`` when retired or never stored)."""
    v = event_versions
    newer = event_versions.alias("newer")
    later = sa.and_(newer.c.event_id == v.c.event_id, newer.c.pk > v.c.pk)
    out: dict[str, dict[str, Any] | None] = {}
    for start in range(0, len(event_ids), _IDS):
        chunk = list(event_ids[start : start + _IDS])
        stmt = sa.select(v.c.event_id, v.c.retired, v.c.record).where(
            v.c.event_id.in_(chunk), sa.not_(sa.exists().where(later))
        )
        for r in conn.execute(stmt):
            out[r.event_id] = None if r.retired else orjson.loads(r.record)
    return out


def note_versions(conn: Connection, versions: Sequence[EventVersion]) -> None:
    """Update the overview tables for ``versions`` about to be appended (call before
    inserting them): place index rows, place counts, first reporters."""
    if not versions:
        return
    current: dict[str, dict[str, Any] | None] = dict(
        _previous(conn, sorted({v.event_id for v in versions}))
    )
    places: dict[PlaceKey, Counter[str]] = {}
    coords: dict[PlaceKey, dict[str, Any]] = {}
    index_rows = []
    for v in versions:
        before = current.get(v.event_id)
        if before is not None and (key := _place(before)) is not None:
            places.setdefault(key, Counter())["events"] -= 1
        r = v.record
        record = None if v.retired else r.to_record()
        if record is not None and (key := _place(record)) is not None:
            places.setdefault(key, Counter())["events"] += 1
            coords[key] = {"latitude": r.latitude, "longitude": r.longitude}
        current[v.event_id] = record
        day = r.date_start or ""
        index_rows += [
            {"key": k, "day": day, "event_id": v.event_id, "version": v.version}
            for k in place_keys(r.country, r.location)
        ]
    if index_rows:
        conn.execute(sa.insert(event_version_places), index_rows)
    _add(conn, place_counts, places, coords)
    _note_first_sources(conn, current)


def _note_first_sources(conn: Connection, records: Mapping[str, dict[str, Any] | None]) -> None:
    f = event_first_sources
    stored: dict[str, tuple[str, str]] = {}
    ids = sorted(records)
    for start in range(0, len(ids), _IDS):
        stmt = sa.select(f.c.event_id, f.c.label, f.c.kind).where(
            f.c.event_id.in_(ids[start : start + _IDS])
        )
        stored |= {r.event_id: (r.label, r.kind) for r in conn.execute(stmt)}
    firsts: dict[tuple[str, ...], Counter[str]] = {}
    for event_id, record in records.items():
        new = _first_source(conn, record["claim_ids"]) if record is not None else None
        old = stored.get(event_id)
        if new == old:
            continue
        if old is not None:
            firsts.setdefault(old, Counter())["first_reports"] -= 1
            conn.execute(sa.delete(f).where(f.c.event_id == event_id))
        if new is not None:
            firsts.setdefault(new, Counter())["first_reports"] += 1
            conn.execute(sa.insert(f), {"event_id": event_id, "label": new[0], "kind": new[1]})
    _add(conn, source_totals, firsts)


def _text(value: str) -> str:
    """``value`` with NUL as the text ``\\x00`` (PostgreSQL text cannot hold NUL)."""
    return value.replace("\x00", "\\x00")


def _source_rows(
    article: Article, pipeline_version: str, batch: Iterable[Claim]
) -> list[dict[str, Any]]:
    meta = ArticleMeta.from_article(article)
    published = meta.published.isoformat() if meta.published else ""
    rows = []
    for c in batch:
        src = source_of(c, meta)
        rows.append(
            {
                "claim_id": c.claim_id,
                "article_id": article.id,
                "pipeline_version": pipeline_version,
                "label": _text(src.label),
                "kind": src.kind.value,
                "certainty": c.certainty.value,
                "lang": _text(c.lang),
                "published": published,
            }
        )
    return rows


def _cited(conn: Connection, article_id: str) -> set[tuple[str, str]]:
    cs = claim_sources
    stmt = sa.select(cs.c.label, cs.c.kind).where(cs.c.article_id == article_id).distinct()
    return {(r.label, r.kind) for r in conn.execute(stmt)}


def replace_claim_sources(
    conn: Connection, article: Article, pipeline_version: str, batch: Sequence[Claim]
) -> None:
    """Replace the sources of the article's claims of ``pipeline_version`` with those of
    ``batch`` and move the per-source counts by the difference."""
    cs = claim_sources
    mine = sa.and_(cs.c.article_id == article.id, cs.c.pipeline_version == pipeline_version)
    old = conn.execute(sa.select(cs.c.label, cs.c.kind, cs.c.certainty, cs.c.lang).where(mine))
    old_rows = [dict(r._mapping) for r in old]
    before = _cited(conn, article.id)
    conn.execute(sa.delete(cs).where(mine))
    rows = _source_rows(article, pipeline_version, batch)
    if rows:
        conn.execute(sa.insert(cs), rows)
    after = _cited(conn, article.id)
    totals: dict[tuple[str, ...], Counter[str]] = {}
    facets: dict[tuple[str, ...], Counter[str]] = {}
    for sign, group in ((-1, old_rows), (1, rows)):
        for r in group:
            pair = (r["label"], r["kind"])
            totals.setdefault(pair, Counter())["claims"] += sign
            for facet in ("certainty", "lang"):
                facets.setdefault((*pair, facet, r[facet]), Counter())["claims"] += sign
    for pair in after - before:
        totals.setdefault(pair, Counter())["articles"] += 1
    for pair in before - after:
        totals.setdefault(pair, Counter())["articles"] -= 1
    _add(conn, source_totals, totals)
    _add(conn, source_facets, facets)


def place_counts_of(conn: Connection) -> list[PlaceCount]:
    """Every (place, kind) with live events."""
    p = place_counts
    stmt = sa.select(p).where(p.c.events > 0).order_by(p.c.location, p.c.country, p.c.admin1)
    return [
        PlaceCount(
            r.location or None,
            r.country or None,
            r.admin1 or None,
            r.kind,
            int(r.events),
            r.latitude,
            r.longitude,
        )
        for r in conn.execute(stmt.order_by(p.c.kind))
    ]


def source_counts_of(conn: Connection, limit: int) -> list[SourceCount]:
    """The ``limit`` most cited sources, most claims first (then label, kind)."""
    t, f = source_totals, source_facets
    stmt = (
        sa.select(t)
        .where(t.c.claims > 0)
        .order_by(t.c.claims.desc(), t.c.label, t.c.kind)
        .limit(limit)
    )
    tops = conn.execute(stmt).all()
    top = stmt.with_only_columns(t.c.label, t.c.kind).subquery()
    joined = sa.select(f).join(top, sa.and_(f.c.label == top.c.label, f.c.kind == top.c.kind))
    facets: dict[tuple[str, str], dict[str, Counter[str]]] = {}
    for r in conn.execute(joined.where(f.c.claims > 0)):
        by = facets.setdefault((r.label, r.kind), {})
        by.setdefault(r.facet, Counter())[r.value] = int(r.claims)
    out = []
    for r in tops:
        by = facets.get((r.label, r.kind), {})
        out.append(
            SourceCount(
                r.label,
                r.kind,
                int(r.claims),
                int(r.articles),
                int(r.first_reports),
                dict(by.get("certainty", Counter()).most_common()),
                dict(by.get("lang", Counter()).most_common()),
            )
        )
    return out


def rebuild(conn: Connection) -> None:
    """Fill every overview table from the stored claims, articles and versions."""
    for table in (
        event_version_places,
        place_counts,
        claim_sources,
        source_totals,
        source_facets,
        event_first_sources,
    ):
        conn.execute(sa.delete(table))
    _rebuild_claim_sources(conn)
    _rebuild_versions(conn)
    cs = claim_sources
    conn.execute(
        sa.insert(source_totals).from_select(
            ["label", "kind", "claims", "articles", "first_reports"],
            sa.select(
                cs.c.label,
                cs.c.kind,
                sa.func.count(),
                sa.func.count(sa.distinct(cs.c.article_id)),
                sa.literal(0),
            ).group_by(cs.c.label, cs.c.kind),
        )
    )
    for facet in ("certainty", "lang"):
        column = cs.c[facet]
        conn.execute(
            sa.insert(source_facets).from_select(
                ["label", "kind", "facet", "value", "claims"],
                sa.select(
                    cs.c.label, cs.c.kind, sa.literal(facet), column, sa.func.count()
                ).group_by(cs.c.label, cs.c.kind, column),
            )
        )
    f, t = event_first_sources, source_totals
    firsts = (
        sa.select(sa.func.count())
        .where(f.c.label == t.c.label, f.c.kind == t.c.kind)
        .scalar_subquery()
    )
    conn.execute(sa.update(t).values(first_reports=firsts))


def _rebuild_claim_sources(conn: Connection) -> None:
    last = 0
    while True:
        rows = conn.execute(
            sa.select(claims.c.pk, claims.c.pipeline_version, claims.c.record)
            .where(claims.c.pk > last)
            .order_by(claims.c.pk)
            .limit(_CHUNK)
        ).all()
        if not rows:
            return
        last = rows[-1].pk
        batch = [(r.pipeline_version, claim_from_row(r._mapping)) for r in rows]
        ids = sorted({c.article_id for _pv, c in batch})
        stored = {
            r.id: article_from_row(r._mapping)
            for r in conn.execute(sa.select(articles).where(articles.c.id.in_(ids)))
        }
        out = []
        for pv, claim in batch:
            article = stored.get(claim.article_id)
            if article is not None:
                out += _source_rows(article, pv, [claim])
        if out:
            conn.execute(sa.insert(claim_sources), out)


def _rebuild_versions(conn: Connection) -> None:
    """Place index rows for every version; place counts and first reporters for live ones."""
    v = event_versions
    newer = event_versions.alias("newer")
    newest = sa.not_(
        sa.exists().where(newer.c.event_id == v.c.event_id, newer.c.pk > v.c.pk)
    ).label("newest")
    places: Counter[PlaceKey] = Counter()
    coords: dict[PlaceKey, dict[str, Any]] = {}
    last = 0
    while True:
        rows = conn.execute(
            sa.select(
                v.c.pk,
                v.c.event_id,
                v.c.version,
                v.c.date_start,
                v.c.retired,
                v.c.record,
                newest,
            )
            .where(v.c.pk > last)
            .order_by(v.c.pk)
            .limit(_CHUNK)
        ).all()
        if not rows:
            break
        last = rows[-1].pk
        index_rows, first_rows = [], []
        for r in rows:
            record = orjson.loads(r.record)
            index_rows += [
                {"key": k, "day": r.date_start or "", "event_id": r.event_id, "version": r.version}
                for k in place_keys(record.get("country"), record.get("location"))
            ]
            if not r.newest or r.retired:
                continue
            if (key := _place(record)) is not None:
                places[key] += 1
                coords[key] = {c: record.get(c) for c in ("latitude", "longitude")}
            first = _first_source(conn, record.get("claim_ids") or [])
            if first is not None:
                first_rows.append({"event_id": r.event_id, "label": first[0], "kind": first[1]})
        if index_rows:
            conn.execute(sa.insert(event_version_places), index_rows)
        if first_rows:
            conn.execute(sa.insert(event_first_sources), first_rows)
    _add(conn, place_counts, {k: {"events": n} for k, n in places.items()}, coords)
