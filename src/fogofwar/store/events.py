"""The database implementation of :class:`~fogofwar.events.protocol.EventStore` (SQLite and
PostgreSQL), reached as ``store.events``.

    >>> from fogofwar.store import open_store
    >>> with open_store("news.db") as store:
    ...     store.events.add_decision(merge("e1…", "e2…"))    # re-applied by every later run
    ...     recent = store.events.records(EventQuery(kind="casualties", country="UKR"))

Links and versions are appended, never updated: the link of a claim is its newest
``event_claims`` row, an event's record its newest ``event_versions`` row. Listings filter and
sort in SQL on columns copied from each record (migration ``0004_event_filters``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import fields
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from fogofwar.events.model import (
    ArticleGroup,
    Decision,
    DecisionKind,
    LinkDecision,
    LinkReason,
)
from fogofwar.events.protocol import EventQuery
from fogofwar.events.record import EVENTS_SCHEMA, EventRecord
from fogofwar.events.versions import EventVersion
from fogofwar.store.event_tables import (
    article_groups,
    event_claims,
    event_decisions,
    event_version_articles,
    event_version_flags,
    event_versions,
    events,
)
from fogofwar.store.link_index import SqlLinkIndex
from fogofwar.store.overview import note_versions
from fogofwar.store.overview_tables import event_version_places
from fogofwar.store.unit import Unit

__all__ = ["SqlEventStore"]


def _iso(at: datetime) -> str:
    return at.isoformat()


_RECORD_KEYS = frozenset(["schema", *(f.name for f in fields(EventRecord))])


def _record_json(raw: str) -> dict[str, Any]:
    """A stored events-v1 record as the JSON object :meth:`EventRecord.to_record` gives."""
    record: dict[str, Any] = orjson.loads(raw)
    if record.keys() == _RECORD_KEYS and record["schema"] == EVENTS_SCHEMA:
        return record
    return EventRecord.from_record(record).to_record()


def _bar(values: Iterable[str]) -> str:
    """``|a|b|``: a list a ``LIKE '%|a|%'`` can search ('' when empty)."""
    items = list(values)
    return "|" + "|".join(items) + "|" if items else ""


class SqlEventStore:
    """Events, links, versions, decisions and duplicate groups in the store's database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.unit = Unit(engine)
        self._index = SqlLinkIndex(engine, self.unit)

    def transaction(self) -> AbstractContextManager[None]:
        """Every read and write of this thread in one locked transaction until the block ends
        (a linking run commits whole or not at all; one linker at a time)."""
        return self.unit.transaction()

    @property
    def index(self) -> SqlLinkIndex:
        """The linker's blocking index (``event_profiles`` + ``event_blocks``)."""
        return self._index

    def _write(
        self, statements: Iterable[tuple[sa.Executable, Sequence[Mapping[str, Any]]]]
    ) -> None:
        with self.unit.write() as conn:
            for stmt, rows in statements:
                if rows:
                    conn.execute(stmt, rows)

    # -- links -------------------------------------------------------------------------------

    def record_links(self, decisions: Iterable[LinkDecision], at: datetime) -> int:
        """Append the decisions that differ from each claim's current link; returns how many."""
        batch = list(decisions)
        current = {d.claim_id: d for d in self.links(claim_ids=[d.claim_id for d in batch])}
        known = self._event_ids([d.event_id for d in batch])
        rows, new_events = [], []
        for d in batch:
            cur = current.get(d.claim_id)
            if cur is not None and (cur.event_id, cur.by) == (d.event_id, d.by):
                continue
            rows.append(
                {
                    "event_id": d.event_id,
                    "claim_id": d.claim_id,
                    "article_id": d.article_id,
                    "score": d.score,
                    "new_event": d.new_event,
                    "decided_by": d.by,
                    "nearest": d.nearest,
                    "reasons": json.dumps([[r.field, r.detail, r.weight] for r in d.reasons]),
                    "valid_from": _iso(at),
                }
            )
            if d.event_id not in known:
                known.add(d.event_id)
                new_events.append({"event_id": d.event_id, "first_seen": _iso(at)})
        self._write([(sa.insert(events), new_events), (sa.insert(event_claims), rows)])
        return len(rows)

    def claims_in_several_events(self) -> int:
        """Claims whose link rows name more than one event (0 unless a manual split or a
        linker race moved them): the crash test's duplicate count."""
        per_claim = (
            sa.select(event_claims.c.claim_id)
            .group_by(event_claims.c.claim_id)
            .having(sa.func.count(sa.distinct(event_claims.c.event_id)) > 1)
            .subquery()
        )
        with self.unit.read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(per_claim)).scalar_one())

    def _event_ids(self, among: Iterable[str]) -> set[str]:
        """Which of ``among`` are known events (one indexed lookup)."""
        wanted = sorted(set(among))
        query = sa.select(events.c.event_id).where(events.c.event_id.in_(wanted))
        with self.unit.read() as conn:
            return set(conn.execute(query).scalars()) if wanted else set()

    def links(
        self,
        at: datetime | None = None,
        claim_ids: Iterable[str] | None = None,
        *,
        event_ids: Iterable[str] | None = None,
    ) -> tuple[LinkDecision, ...]:
        """Each claim's link (of ``claim_ids``, default all) as it stood at ``at`` (default:
        now), sorted by claim id; with ``event_ids``, only the links into those events (the
        claims ever linked to them found by the ``event_id`` index, then their newest rows)."""
        rows = sa.select(event_claims)
        if at is not None:
            rows = rows.where(event_claims.c.valid_from <= _iso(at))
        if claim_ids is not None:
            rows = rows.where(event_claims.c.claim_id.in_(sorted(set(claim_ids))))
        into = sorted(set(event_ids)) if event_ids is not None else None
        if into is not None:
            ever = sa.select(event_claims.c.claim_id).where(event_claims.c.event_id.in_(into))
            rows = rows.where(event_claims.c.claim_id.in_(ever))
        newest = rows.subquery()
        last = sa.select(sa.func.max(newest.c.pk)).group_by(newest.c.claim_id)
        query = sa.select(event_claims).where(event_claims.c.pk.in_(last))
        if into is not None:
            query = query.where(event_claims.c.event_id.in_(into))
        with self.unit.read() as conn:
            out = [
                LinkDecision(
                    r.claim_id,
                    r.article_id,
                    r.event_id,
                    r.score,
                    bool(r.new_event),
                    tuple(LinkReason(f, d, w) for f, d, w in json.loads(r.reasons)),
                    r.nearest,
                    r.decided_by,
                )
                for r in conn.execute(query)
            ]
        return tuple(sorted(out, key=lambda d: d.claim_id))

    # -- manual decisions --------------------------------------------------------------------

    def add_decision(self, decision: Decision) -> None:
        """Store a manual merge or split (applied by :meth:`events` and later runs)."""
        row = {
            "kind": decision.kind.value,
            "event_id": decision.event_id,
            "other": decision.other,
            "claim_ids": json.dumps(list(decision.claim_ids)),
            "decided_at": _iso(decision.decided_at) if decision.decided_at else None,
            "note": decision.note,
        }
        self._write([(sa.insert(event_decisions), [row])])

    def decisions(self) -> tuple[Decision, ...]:
        """All stored decisions, oldest first."""
        query = sa.select(event_decisions).order_by(event_decisions.c.pk)
        with self.unit.read() as conn:
            return tuple(
                Decision(
                    DecisionKind(r.kind),
                    r.event_id,
                    r.other,
                    tuple(json.loads(r.claim_ids)),
                    datetime.fromisoformat(r.decided_at) if r.decided_at else None,
                    r.note,
                )
                for r in conn.execute(query)
            )

    # -- near-duplicate groups ---------------------------------------------------------------

    def save_groups(self, groups: Sequence[ArticleGroup]) -> None:
        """Record (or re-record) which articles are copies of which."""
        rows = [
            {"article_id": a, "group_id": g.group_id, "similarity": g.similarity}
            for g in groups
            for a in g.article_ids
        ]
        ids = [r["article_id"] for r in rows]
        with self.unit.write() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                conn.execute(
                    sa.delete(article_groups).where(article_groups.c.article_id.in_(chunk))
                )
            if rows:
                conn.execute(sa.insert(article_groups), rows)

    def groups(self, article_ids: Iterable[str] | None = None) -> tuple[ArticleGroup, ...]:
        """Stored groups, representative first; with ``article_ids``, only the groups holding
        one of them (found by the article and group indexes)."""
        query = sa.select(article_groups).order_by(article_groups.c.group_id)
        if article_ids is not None:
            ids = sorted(set(article_ids))
            holding = sa.select(article_groups.c.group_id).where(
                article_groups.c.article_id.in_(ids)
            )
            query = query.where(article_groups.c.group_id.in_(holding))
        members: dict[str, list[str]] = {}
        sims: dict[str, float] = {}
        with self.unit.read() as conn:
            for r in conn.execute(query):
                members.setdefault(r.group_id, []).append(r.article_id)
                sims[r.group_id] = r.similarity
        return tuple(
            ArticleGroup(g, (g, *sorted(a for a in ids if a != g)), sims[g])
            for g, ids in sorted(members.items())
        )

    # -- versions ----------------------------------------------------------------------------

    def append_versions(self, versions: Sequence[EventVersion]) -> None:
        """Append versions (never updates an existing row), with their flag, article and
        place index rows (and the place and first-reporter counts, :mod:`.overview`)."""
        rows, flag_rows, article_rows = [], [], []
        for v in versions:
            r = v.record
            rows.append(
                {
                    "event_id": v.event_id,
                    "version": v.version,
                    "valid_from": _iso(v.valid_from),
                    "retired": v.retired,
                    "record": json.dumps(r.to_record(), ensure_ascii=False, sort_keys=True),
                    "kind": r.kind,
                    "country_key": (r.country or "").upper(),
                    "location_key": (r.location or "").upper(),
                    "date_start": r.date_start,
                    "date_end": r.date_end,
                    "flags": _bar(r.flags),
                    "articles": _bar(r.article_ids),
                }
            )
            key = {"event_id": v.event_id, "version": v.version}
            flag_rows += [{"code": c, "day": r.date_start or "", **key} for c in set(r.flags)]
            article_rows += [{"article_id": a, **key} for a in set(r.article_ids)]
        with self.unit.write() as conn:
            note_versions(conn, versions)  # places and first reporters (reads the previous)
            for stmt, batch in (
                (sa.insert(event_versions), rows),
                (sa.insert(event_version_flags), flag_rows),
                (sa.insert(event_version_articles), article_rows),
            ):
                if batch:
                    conn.execute(stmt, batch)

    def history(self, event_id: str | None = None) -> tuple[EventVersion, ...]:
        """Every stored version (of one event, or all), oldest first."""
        query = sa.select(event_versions).order_by(event_versions.c.pk)
        if event_id is not None:
            query = query.where(event_versions.c.event_id == event_id)
        with self.unit.read() as conn:
            return tuple(
                EventVersion(
                    r.event_id,
                    r.version,
                    datetime.fromisoformat(r.valid_from),
                    EventRecord.from_record(json.loads(r.record)),
                    bool(r.retired),
                )
                for r in conn.execute(query)
            )

    def _prefix(self, column: sa.ColumnElement[str], prefix: str) -> sa.ColumnElement[bool]:
        """``column`` starts with ``prefix`` (on SQLite also as a range, which binary order lets
        an index find)."""
        starts = column.startswith(prefix, autoescape=True)
        if self.engine.dialect.name != "sqlite":
            return starts
        return sa.and_(starts, column >= prefix, column < prefix + "\U0010ffff")

    def records(
        self,
        query: EventQuery | None = None,
        *,
        as_of: datetime | None = None,
        limit: int | None = None,
    ) -> tuple[EventRecord, ...]:
        """The live records (newest versions, or as they stood at ``as_of``) passing
        ``query``, newest claimed date first (then event id, descending); filtered, ordered
        and cut to ``limit`` in SQL."""
        stmt = self._records_query(query, as_of, limit)
        with self.unit.read() as conn:
            return tuple(
                EventRecord.from_record(json.loads(raw)) for raw in conn.execute(stmt).scalars()
            )

    def record_dicts(
        self,
        query: EventQuery | None = None,
        *,
        as_of: datetime | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """:meth:`records` as events-v1 JSON objects: a stored record is served as it is when
        it has exactly the fields of this version (no :class:`EventRecord` is built), else
        through :class:`EventRecord` (older records get the newer fields' defaults)."""
        stmt = self._records_query(query, as_of, limit)
        with self.unit.read() as conn:
            raws = list(conn.execute(stmt).scalars())
        return [_record_json(raw) for raw in raws]

    def _records_query(
        self, query: EventQuery | None, as_of: datetime | None, limit: int | None
    ) -> sa.Select[Any]:
        v = event_versions
        newer = event_versions.alias("newer")
        later = sa.and_(newer.c.event_id == v.c.event_id, newer.c.pk > v.c.pk)
        if as_of is not None:
            later = sa.and_(later, newer.c.valid_from <= _iso(as_of))
        # the newest version of each event: no later row of the same event (an index seek on
        # (event_id, pk) per row, so a page reads about ``limit`` rows, not the table)
        stmt = sa.select(v.c.record).where(sa.not_(sa.exists().where(later)), sa.not_(v.c.retired))
        if as_of is not None:
            stmt = stmt.where(v.c.valid_from <= _iso(as_of))
        q = query or EventQuery()
        if q.kind is not None:
            stmt = stmt.where(v.c.kind == q.kind)
        if q.since is not None:
            stmt = stmt.where(
                sa.func.coalesce(v.c.date_end, v.c.date_start, "") >= q.since.isoformat()
            )
        if q.until is not None:
            stmt = stmt.where(sa.func.coalesce(v.c.date_start, "9999") <= q.until.isoformat())
        # the expression of the listing index (migration 0007): literal '' so SQLite matches it
        day: sa.ColumnElement[Any] = sa.func.coalesce(v.c.date_start, sa.literal_column("''"))
        eid: sa.ColumnElement[Any] = v.c.event_id
        if q.flag is not None:  # walk the index of this flag in listing order (migration 0009)
            f = event_version_flags
            same = sa.and_(f.c.event_id == v.c.event_id, f.c.version == v.c.version)
            stmt = stmt.join_from(v, f, same).where(f.c.code == q.flag)
            day, eid = f.c.day, f.c.event_id
        if q.country is not None:  # the index of this place key, in listing order (0010)
            p = event_version_places
            same = sa.and_(p.c.event_id == v.c.event_id, p.c.version == v.c.version)
            stmt = stmt.join_from(v, p, same).where(p.c.key == q.country.strip().upper())
            if q.flag is None:
                day, eid = p.c.day, p.c.event_id
        if q.article is not None:
            a = event_version_articles
            hits = sa.select(a.c.event_id, a.c.version).where(
                self._prefix(a.c.article_id, q.article)
            )
            stmt = stmt.where(sa.tuple_(v.c.event_id, v.c.version).in_(hits))
        if q.id_prefix is not None:
            stmt = stmt.where(self._prefix(v.c.event_id, q.id_prefix))
        if q.before is not None:
            last_day, last_id = q.before
            stmt = stmt.where(sa.tuple_(day, eid) < sa.tuple_(last_day, last_id))
        return stmt.order_by(day.desc(), eid.desc()).limit(limit)
