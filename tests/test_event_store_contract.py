"""The EventStore contract: one suite, run on every implementation — in memory, SQLite, and
PostgreSQL (when ``FOGOFWAR_TEST_PG_URL`` is set, e.g. under ``scripts/with-postgres.sh``).

Listings are filtered in SQL by the database store; :func:`fogofwar.events.protocol.matches`
is the reference semantics every implementation must agree with.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from conftest import pg_schema
from events_factories import KURSK, SUMY, claim, meta
from fogofwar.events.decisions import merge
from fogofwar.events.memory import MemoryEventStore
from fogofwar.events.model import ArticleGroup, LinkDecision, LinkReason
from fogofwar.events.protocol import EventQuery, EventStore, matches, record_order
from fogofwar.events.record import EventRecord
from fogofwar.events.run import MemoryArticles, analyse, link_batch
from fogofwar.events.versions import EventVersion
from fogofwar.store import open_store

T1 = datetime(2024, 7, 8, 12, tzinfo=UTC)
T2 = datetime(2024, 7, 9, 12, tzinfo=UTC)
T3 = datetime(2024, 7, 10, 12, tzinfo=UTC)

IMPLEMENTATIONS = ["memory", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=IMPLEMENTATIONS)
def es(request: pytest.FixtureRequest) -> Iterator[EventStore]:
    """An empty event store of each implementation."""
    if request.param == "memory":
        yield MemoryEventStore()
        return
    if request.param == "sqlite":
        url = str(request.getfixturevalue("tmp_path") / "events.db")
        with open_store(url) as store:
            yield store.events
        return
    with pg_schema(request.getfixturevalue("pg_admin")) as url, open_store(url) as store:
        yield store.events


def _record(event_id: str, **kw: object) -> EventRecord:
    base = EventRecord(event_id, "casualties", "2024-07-08", "2024-07-08", "day")
    return replace(base, **kw)  # type: ignore[arg-type]


def _version(rec: EventRecord, n: int, at: datetime, retired: bool = False) -> EventVersion:
    return EventVersion(rec.event_id, n, at, replace(rec, version=n, valid_from=at), retired)


RECORDS = (
    _record("e1", country="UKR", location="Kyiv", flags=("single_source",), article_ids=("a1",)),
    _record(
        "e2",
        kind="attack",
        country="RUS",
        location="Kursk Oblast",
        date_start="2024-08-06",
        date_end="2024-08-10",
        flags=("headline_overstates", "weak_sources"),
        article_ids=("a2", "b7"),
    ),
    _record("e3", country=None, location="Київ", date_start=None, date_end=None),
    _record("e4", kind="arrest", country="UKR", date_start="2024-07-01", date_end=None),
)


def _fill(es: EventStore) -> None:
    es.append_versions([_version(r, 1, T1) for r in RECORDS])


def test_is_an_event_store(es: EventStore) -> None:
    assert isinstance(es, EventStore)
    assert len(es.index) == 0 and es.records() == () and es.links() == ()


QUERIES = [
    EventQuery(),
    EventQuery(kind="casualties"),
    EventQuery(country="ukr"),
    EventQuery(country="kursk oblast"),
    EventQuery(country="київ"),
    EventQuery(since=date(2024, 7, 8)),
    EventQuery(since=date(2024, 8, 8)),
    EventQuery(until=date(2024, 7, 7)),
    EventQuery(since=date(2024, 7, 1), until=date(2024, 7, 31)),
    EventQuery(flag="single_source"),
    EventQuery(flag="weak_sources", kind="attack"),
    EventQuery(flag="headline_overstates", country="UKR"),
    EventQuery(article="b"),
    EventQuery(article="a2"),
    EventQuery(id_prefix="e2"),
    EventQuery(id_prefix="x"),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_records_filter_as_the_reference_does(es: EventStore, query: EventQuery) -> None:
    _fill(es)
    want = sorted((r for r in RECORDS if matches(r, query)), key=record_order, reverse=True)
    got = es.records(query)
    assert [r.event_id for r in got] == [r.event_id for r in want]


def test_records_are_the_newest_live_versions_and_replay_as_of(es: EventStore) -> None:
    _fill(es)
    e1 = RECORDS[0]
    es.append_versions(
        [
            _version(replace(e1, kind="attack"), 2, T2),
            _version(RECORDS[1], 2, T2, retired=True),
        ]
    )
    now = {r.event_id: r for r in es.records()}
    assert set(now) == {"e1", "e3", "e4"} and now["e1"].kind == "attack"
    assert now["e1"].version == 2 and now["e1"].valid_from == T2
    then = {r.event_id: r for r in es.records(as_of=T1)}
    assert set(then) == {"e1", "e2", "e3", "e4"} and then["e1"].kind == "casualties"
    assert es.records(as_of=datetime(2000, 1, 1, tzinfo=UTC)) == ()
    assert [r.event_id for r in es.records(EventQuery(kind="attack"))] == ["e1"]
    assert es.records(EventQuery(kind="attack"), as_of=T1)[0].event_id == "e2"
    assert [v.version for v in es.history("e1")] == [1, 2]
    assert len(es.history()) == 6


def _link(claim_id: str, article: str, event: str, by: str = "linker") -> LinkDecision:
    return LinkDecision(
        claim_id, article, event, 0.7, False, (LinkReason("kind", "same", 0.15),), None, by
    )


def test_links_append_only_changes_and_replay(es: EventStore) -> None:
    assert es.record_links([_link("c1", "a1", "e1"), _link("c2", "a1", "e1")], T1) == 2
    assert es.record_links([_link("c1", "a1", "e1")], T2) == 0  # unchanged: nothing appended
    assert es.record_links([_link("c1", "a1", "e2", by="merge")], T2) == 1
    assert {d.claim_id: d.event_id for d in es.links()} == {"c1": "e2", "c2": "e1"}
    assert {d.claim_id: d.event_id for d in es.links(T1)} == {"c1": "e1", "c2": "e1"}
    assert [d.claim_id for d in es.links(claim_ids=["c2"])] == ["c2"]
    assert es.links()[0].reasons == (LinkReason("kind", "same", 0.15),)


def test_links_into_events_follow_each_claims_newest_link(es: EventStore) -> None:
    es.record_links([_link("c1", "a1", "e1"), _link("c2", "a1", "e1"), _link("c3", "a2", "e2")], T1)
    es.record_links([_link("c2", "a1", "e2", by="merge")], T2)  # c2 moves from e1 to e2

    def ids(links: tuple[LinkDecision, ...]) -> list[str]:
        return [d.claim_id for d in links]

    assert ids(es.links(event_ids=["e1"])) == ["c1"]
    assert ids(es.links(event_ids=["e2"])) == ["c2", "c3"]
    assert ids(es.links(event_ids=["e1", "e2", "e9"])) == ids(es.links())
    assert ids(es.links(T1, event_ids=["e1"])) == ["c1", "c2"]  # as it stood before the move
    assert ids(es.links(claim_ids=["c1", "c3"], event_ids=["e2"])) == ["c3"]
    assert es.links(event_ids=[]) == () and es.links(event_ids=["e9"]) == ()


def test_decisions_and_groups_round_trip(es: EventStore) -> None:
    es.add_decision(merge("e1", "e2", at=T1, note="same salvo"))
    es.add_decision(merge("e1", "e3", at=T2))
    assert [(d.other, d.note, d.decided_at) for d in es.decisions()] == [
        ("e2", "same salvo", T1),
        ("e3", "", T2),
    ]
    es.save_groups([ArticleGroup("a1", ("a1", "a2"), 0.8)])
    es.save_groups(
        [ArticleGroup("a1", ("a1", "a2", "a3"), 0.7), ArticleGroup("b1", ("b1", "b2"), 1.0)]
    )
    assert es.groups() == (
        ArticleGroup("a1", ("a1", "a2", "a3"), 0.7),
        ArticleGroup("b1", ("b1", "b2"), 1.0),
    )
    # only the groups holding the given articles, each whole
    assert es.groups(["a3"]) == (ArticleGroup("a1", ("a1", "a2", "a3"), 0.7),)
    assert es.groups(["b2", "a1", "zz"]) == es.groups()
    assert es.groups([]) == () and es.groups(["zz"]) == ()


def test_the_one_path_gives_the_same_events_on_every_store(es: EventStore) -> None:
    metas = [meta("a1"), meta("a2", "2024-07-09"), meta("a3"), meta("a4")]
    claims = [
        claim("a1", killed=27),
        claim("a2", killed=33),
        claim("a3", location=SUMY),
        claim("a4", location=KURSK),
    ]
    lookup = MemoryArticles(metas, claims)
    run = link_batch(es, lookup, [(m, lookup.claims(m.article_id)) for m in metas], T1)
    assert run.claims == 4 and len(run.versions) == len(es.records())
    analysis = analyse(es, lookup)
    assert sorted(analysis.records) == sorted(r.event_id for r in es.records())
    reference = MemoryEventStore()
    link_batch(reference, lookup, [(m, lookup.claims(m.article_id)) for m in metas], T1)
    assert [r.content() for r in es.records()] == [r.content() for r in reference.records()]
    # re-linking is idempotent: nothing appended, nothing grown
    again = link_batch(es, lookup, [(m, lookup.claims(m.article_id)) for m in metas], T3)
    assert again.versions == () and again.new_events == 0
