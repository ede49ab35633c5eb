"""The store's narrow protocol and the small value types it returns.

Every backend (SQLite, PostgreSQL) implements :class:`Store`; one contract test suite
(``tests/test_store_contract.py``) runs against each of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar, runtime_checkable

from fogofwar.claim import Certainty, Claim, ClaimKind, SourceKind
from fogofwar.events.protocol import EventQuery, EventStore
from fogofwar.model import Article, ReadStatus, ReasonCode, Rejected

__all__ = [
    "AddResult",
    "ClaimFilter",
    "Page",
    "PlaceCount",
    "RejectionCount",
    "SourceCount",
    "Store",
    "StoredRejection",
]

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Page(Generic[_T]):
    """One page of a keyset-paginated listing: its items and the cursor of the next page.

    ``cursor`` is an opaque token (``None`` after the last page). Pages are stable: a row stored
    after the first page was read never shifts later pages, whatever its position.
    """

    items: tuple[_T, ...]
    cursor: str | None


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which stored claims to list, page or export: every given field must hold.

    The CLI, the web API, the services and the store all take this one value. ``kind``,
    ``source_kind`` and ``certainty`` take the enum or its string value and hold the enum
    afterwards (an unknown value raises ``ValueError`` here); ``article_id`` is a full id;
    ``pipeline_version`` keeps claims read by that version of the reader.
    """

    kind: ClaimKind | str | None = None
    source_kind: SourceKind | str | None = None
    certainty: Certainty | str | None = None
    lang: str | None = None
    article_id: str | None = None
    pipeline_version: str | None = None

    def __post_init__(self) -> None:
        for name, enum in (
            ("kind", ClaimKind),
            ("source_kind", SourceKind),
            ("certainty", Certainty),
        ):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, enum(value))


@dataclass(frozen=True, slots=True)
class RejectionCount:
    """How many inputs were rejected for one reason at one stage, and how often in all."""

    reason: ReasonCode
    stage: str
    inputs: int
    times: int


@dataclass(frozen=True, slots=True)
class AddResult:
    """Outcome of one :meth:`Store.add_articles` batch, in input order.

    ``inserted`` holds the ids of articles stored by this call; ``existing`` the stored ids of
    articles whose content hash was already there (including repeats inside the batch).
    """

    inserted: tuple[str, ...] = ()
    existing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredRejection:
    """A stored :class:`~fogofwar.model.Rejected`, with its row id and timestamp."""

    id: int
    at: datetime
    input: str
    stage: str
    reason: ReasonCode
    message: str
    count: int = 1  # times this input was rejected at this stage for this reason
    published: date | None = None  # the publication date the reader found before rejecting

    @property
    def rejected(self) -> Rejected:
        """The stored value as the :class:`~fogofwar.model.Rejected` that was added."""
        return Rejected(self.input, self.stage, self.reason, self.message, self.at, self.published)


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """How many live events of one kind are recorded at one place (names as recorded;
    coordinates of the latest event version recorded there)."""

    location: str | None
    country: str | None
    admin1: str | None
    kind: str
    events: int
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class SourceCount:
    """One source as cited across the store: claims, articles, how often first to report an
    event, and claims per certainty and per language (most first)."""

    label: str
    kind: str
    claims: int
    articles: int
    first_reports: int
    certainty: dict[str, int]
    languages: dict[str, int]


@runtime_checkable
class Store(Protocol):
    """Where articles, rejections and claims live. Open one with :func:`open_store`."""

    @property
    def events(self) -> EventStore:
        """The events layer's storage (links, decisions, groups, versions, linker index)."""
        ...

    @property
    def label(self) -> str:
        """A short name of the database for people (its file name, or the database name of a
        URL): never a full path or a password."""
        ...

    def close(self) -> None:
        """Release connections. The store cannot be used afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def check_integrity(self) -> list[str]:
        """Problems the database finds in itself; empty when all is well."""
        ...

    def add_articles(self, articles: Sequence[Article]) -> AddResult:
        """Store a batch in one transaction; articles already stored (same hash) are skipped."""
        ...

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id or unique id prefix, or ``None``."""
        ...

    def has_content_hash(self, content_hash: str) -> bool:
        """True when an article with this content hash is stored."""
        ...

    def count_articles(self) -> int:
        """Number of stored articles."""
        ...

    def unique_prefix_length(self, ids: Sequence[str], minimum: int = 8) -> int:
        """The shortest length (at least ``minimum``) at which the prefix of each of ``ids``
        starts no other stored id of its kind (articles ``a…``, claims ``c…``, events ``e…``,
        told apart by the first letter), as git abbreviates commit ids. Ids of no known kind
        are compared among themselves only."""
        ...

    def list_articles(
        self,
        *,
        search: str | None = None,
        lang: str | None = None,
        since: date | None = None,
        publisher: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Article]:
        """Articles matching a full-text query and filters; best match or newest first.

        ``publisher`` keeps those whose publisher contains it (case and spacing ignored).
        """
        ...

    def publishers(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The publisher of each stored article among ``article_ids`` (unknown ids left out)."""
        ...

    def articles_page(
        self,
        *,
        search: str | None = None,
        lang: str | None = None,
        since: date | None = None,
        publisher: str | None = None,
        cursor: str | None = None,
        limit: int = 100,
    ) -> Page[Article]:
        """Like :meth:`list_articles`, one page after ``cursor`` (a bad cursor: ``ValueError``)."""
        ...

    def set_read_status(
        self, article_id: str, status: ReadStatus, reason: str | None = None
    ) -> None:
        """Record whether the claim reader could read the article, and why not."""
        ...

    def add_rejections(self, rejected: Sequence[Rejected]) -> None:
        """Store rejected inputs (one transaction). Idempotent: an input rejected again at the
        same stage for the same reason adds to its row's ``count`` (message and time updated)."""
        ...

    def summarize_rejections(self) -> list[RejectionCount]:
        """Rejections per reason and stage, most inputs first."""
        ...

    def event_records(
        self, query: EventQuery, *, as_of: datetime | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """``events.records`` as events-v1 JSON objects (equal to their ``to_record()``),
        without building the records: what an API serves."""
        ...

    def generation(self) -> str | None:
        """An opaque token that changes whenever any connection (in this process or another)
        commits a change; ``None`` when this store cannot tell. Read it before a query whose
        result is cached under it."""
        ...

    def place_counts(self) -> list[PlaceCount]:
        """Live events per place and kind, read from a table kept as versions are appended
        (no pass over the events)."""
        ...

    def source_counts(self, limit: int = 500) -> list[SourceCount]:
        """The ``limit`` most cited sources (most claims first), read from tables kept as
        claims are replaced and versions appended (no pass over the claims)."""
        ...

    def unlinked_articles(
        self,
        pipeline_version: str,
        article_ids: Iterable[str] | None = None,
        *,
        after: int | None = None,
    ) -> list[str]:
        """Ids of articles with claims of ``pipeline_version`` not linked to any event (a run
        killed between reading and linking), sorted; with ``article_ids``, only among those
        (an indexed lookup, not a scan of every claim); with ``after``, only among claims
        stored after that :meth:`claims_position` (a range of the primary key)."""
        ...

    def claims_position(self) -> int:
        """Where the newest stored claim stands in storage order (0: none); claims stored
        later stand after it."""
        ...

    def list_rejections(
        self,
        limit: int = 100,
        offset: int = 0,
        reason: ReasonCode | None = None,
        before_id: int | None = None,
    ) -> list[StoredRejection]:
        """Stored rejections, newest first, optionally only one reason and ids below
        ``before_id`` (a keyset cursor)."""
        ...

    def replace_claims(
        self, article_id: str, pipeline_version: str, claims: Sequence[Claim]
    ) -> None:
        """Atomically replace the article's claims for this pipeline version."""
        ...

    def list_claims(
        self, where: ClaimFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Claim]:
        """Stored claims passing ``where`` (default: all), in storage order."""
        ...

    def claims_page(
        self, where: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Claim]:
        """Like :meth:`list_claims`, one page after ``cursor`` (a bad cursor: ``ValueError``)."""
        ...

    def iter_claims(self, where: ClaimFilter | None = None) -> Iterator[Claim]:
        """Like :meth:`list_claims` but streamed, for exports of any size. Reads in chunks and
        holds no connection between them, so a slow consumer never keeps one from the pool."""
        ...
