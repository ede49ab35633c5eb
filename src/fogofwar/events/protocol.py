"""The events layer's narrow storage protocol, :class:`EventStore`, and its query type.

Two implementations keep one contract (``tests/test_event_store_contract.py`` runs against each):
:class:`~fogofwar.events.memory.MemoryEventStore` (in memory: the demo, the evaluation, tests)
and the database one behind ``store.events`` (:mod:`fogofwar.store.events`, SQLite and
PostgreSQL). Everything else in the events layer (:mod:`fogofwar.events.run`) talks to this
protocol only, so ingest and the evaluation run the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, runtime_checkable

from fogofwar.errors import ConfigError
from fogofwar.events.blocking import LinkIndex
from fogofwar.events.model import ArticleGroup, Decision, FlagCode, LinkDecision
from fogofwar.events.record import EventRecord
from fogofwar.events.versions import EventVersion

__all__ = ["EventFilter", "EventQuery", "EventStore", "matches", "record_order"]

_FLAG_CODES = frozenset(c.value for c in FlagCode)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which event records to list, page or export: every given field must hold.

    The CLI, the web API and the services take this one value (the store takes it as an
    :class:`EventQuery`, with paging). ``country`` matches the record's ISO 3166-1 alpha-3 code
    or its place name (any case); ``since``/``until`` compare with the event's claimed dates
    (an event counts from its start to its end); ``flag`` is a flag code the record carries (an
    unknown code raises :class:`~fogofwar.errors.ConfigError` here); ``article`` a prefix of one
    of its article ids.
    """

    kind: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    flag: str | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        if self.flag is not None and self.flag not in _FLAG_CODES:
            raise ConfigError(
                f"unknown flag {self.flag!r}: use one of {', '.join(c.value for c in FlagCode)}"
            )

    def query(
        self, *, before: tuple[str, str] | None = None, id_prefix: str | None = None
    ) -> EventQuery:
        """This filter as a store query, from listing position ``before`` (see
        :class:`EventQuery`)."""
        return EventQuery(
            kind=self.kind,
            country=self.country,
            since=self.since,
            until=self.until,
            flag=self.flag,
            article=self.article,
            id_prefix=id_prefix,
            before=before,
        )


@dataclass(frozen=True, slots=True)
class EventQuery(EventFilter):
    """An :class:`EventFilter` as the store takes it, with what paging and look-ups add:
    ``id_prefix`` a prefix of the record's event id; ``before`` a listing position
    (:func:`record_order` of the last record of the previous page: only records after it in the
    listing's order, i.e. with a smaller key, pass).
    """

    id_prefix: str | None = None
    before: tuple[str, str] | None = None


def matches(record: EventRecord, query: EventQuery) -> bool:
    """True when ``record`` passes every filter of ``query`` (the reference semantics the SQL
    implementation must agree with)."""
    q = query
    if q.kind is not None and record.kind != q.kind:
        return False
    if q.country is not None and q.country.strip().upper() not in {
        (record.country or "").upper(),
        (record.location or "").upper(),
    }:
        return False
    if q.since is not None and (record.date_end or record.date_start or "") < q.since.isoformat():
        return False
    if q.until is not None and (record.date_start or "9999") > q.until.isoformat():
        return False
    if q.flag is not None and q.flag not in record.flags:
        return False
    if q.article is not None and not any(a.startswith(q.article) for a in record.article_ids):
        return False
    if q.before is not None and record_order(record) >= q.before:
        return False
    return q.id_prefix is None or record.event_id.startswith(q.id_prefix)


def record_order(record: EventRecord) -> tuple[str, str]:
    """Sort key of listings (applied in reverse: newest claimed date first, then event id)."""
    return (record.date_start or "", record.event_id)


@runtime_checkable
class EventStore(Protocol):
    """Where events live: links of claims to events, manual decisions, near-duplicate groups,
    append-only versions of event records, and the linker's index.

    Links and versions are appended, never updated: a claim's link is its newest decision, an
    event's record its newest version.
    """

    @property
    def index(self) -> LinkIndex:
        """The linker's blocking index (a cache of event profiles, not the record)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """A block in which everything this store does commits together or not at all, and
        no other linker runs (the database store's lock; in memory, nothing to do)."""
        ...

    def record_links(self, decisions: Iterable[LinkDecision], at: datetime) -> int:
        """Append the decisions that differ from each claim's current link; returns how many."""
        ...

    def links(
        self,
        at: datetime | None = None,
        claim_ids: Iterable[str] | None = None,
        *,
        event_ids: Iterable[str] | None = None,
    ) -> tuple[LinkDecision, ...]:
        """Each claim's link (of ``claim_ids``, default all) as it stood at ``at`` (default:
        now), sorted by claim id; with ``event_ids``, only the links into those events (an
        indexed lookup: the members of a few events, not a scan of every link)."""
        ...

    def add_decision(self, decision: Decision) -> None:
        """Store a manual merge or split (re-applied by every later assembly)."""
        ...

    def decisions(self) -> tuple[Decision, ...]:
        """All stored decisions, oldest first."""
        ...

    def save_groups(self, groups: Sequence[ArticleGroup]) -> None:
        """Record (or re-record) which articles are copies of which."""
        ...

    def groups(self, article_ids: Iterable[str] | None = None) -> tuple[ArticleGroup, ...]:
        """Stored near-duplicate groups (sorted by group id), representative first; with
        ``article_ids``, only the groups holding one of them (whole)."""
        ...

    def append_versions(self, versions: Sequence[EventVersion]) -> None:
        """Append versions (never updates an existing one)."""
        ...

    def history(self, event_id: str | None = None) -> tuple[EventVersion, ...]:
        """Every stored version (of one event, or all), oldest first."""
        ...

    def records(
        self,
        query: EventQuery | None = None,
        *,
        as_of: datetime | None = None,
        limit: int | None = None,
    ) -> tuple[EventRecord, ...]:
        """The live records (newest versions, or as they stood at ``as_of``) passing
        ``query``, newest claimed date first (then event id, descending); the first ``limit``."""
        ...
