"""Keyset pages and chunked streams of the store, on SQLite and PostgreSQL: pages join up to the
whole listing, stay stable when rows are added, reject foreign cursors; streams hold no
connection between chunks; event listings page in SQL like the reference semantics."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.claim import Certainty, Claim, ClaimKind, SourceKind, SourceRef
from fogofwar.events.protocol import EventQuery, matches, record_order
from fogofwar.events.versions import EventVersion
from fogofwar.model import Article, Span
from fogofwar.store import ClaimFilter, Store
from fogofwar.store.keyset import decode, encode
from fogofwar.store.synthetic import fill_synthetic


def _article(i: int, day: date | None) -> Article:
    return Article.create(
        source=f"a{i}.txt", text=f"Text number {i} about Kharkiv.", title=f"Title {i}",
        language="en", published=day,
    )  # fmt: skip


def _claims(article: Article, n: int) -> list[Claim]:
    kinds = list(ClaimKind)
    return [
        Claim(
            claim_id=f"{article.id}-{j}",
            article_id=article.id,
            lang="en",
            span=Span(0, 4),
            kind=kinds[j % len(kinds)],
            source=SourceRef(SourceKind.MILITARY),
            certainty=Certainty.ASSERTED,
        )
        for j in range(n)
    ]


def _fill(store: Store, n: int) -> list[Article]:
    days = [date(2024, 1, 1 + i % 5) if i % 4 else None for i in range(n)]
    items = [_article(i, d) for i, d in enumerate(days)]
    store.add_articles(items)
    for a in items:
        store.replace_claims(a.id, "v1", _claims(a, 3))
    return items


def test_article_pages_join_up_and_stay_stable(store: Store) -> None:
    _fill(store, 23)
    whole = [a.id for a in store.list_articles(limit=100)]
    seen: list[str] = []
    page = store.articles_page(limit=4)
    seen += [a.id for a in page.items]
    store.add_articles([_article(99, date(2030, 1, 1))])  # newest of all: before page 1
    while page.cursor is not None:
        page = store.articles_page(limit=4, cursor=page.cursor)
        seen += [a.id for a in page.items]
    assert seen == whole


def test_search_pages_and_foreign_cursors(store: Store) -> None:
    _fill(store, 9)
    hits = [a.id for a in store.list_articles(search="Kharkiv", limit=100)]
    seen: list[str] = []
    cursor = None
    while True:
        page = store.articles_page(search="Kharkiv", limit=2, cursor=cursor)
        seen += [a.id for a in page.items]
        cursor = page.cursor
        if cursor is None:
            break
    assert seen == hits and len(hits) == 9
    listing = store.articles_page(limit=2).cursor
    assert listing is not None
    with pytest.raises(ValueError, match="another listing"):
        store.articles_page(search="Kharkiv", cursor=listing)
    for bad in ("%%", encode("x"), encode(1, 2), "eyJ"):
        with pytest.raises(ValueError, match="cursor"):
            store.claims_page(cursor=bad)


def test_claim_pages_and_streams_equal_the_listing(store: Store) -> None:
    _fill(store, 12)
    whole = store.list_claims()
    for kind in (None, "attack"):
        expected = [c for c in whole if kind is None or c.kind.value == kind]
        got, cursor = [], None
        while True:
            page = store.claims_page(ClaimFilter(kind=kind), limit=5, cursor=cursor)
            got += page.items
            cursor = page.cursor
            if cursor is None:
                break
        assert got == expected
        assert list(store.iter_claims(ClaimFilter(kind=kind))) == expected


def test_a_slow_stream_holds_no_connection(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import fogofwar.store.sql_claims as sql

    monkeypatch.setattr(sql, "_STREAM_BATCH", 4)
    _fill(store, 5)
    engine = store.engine  # type: ignore[attr-defined]
    stream = store.iter_claims()
    first = [next(stream) for _ in range(6)]  # mid-way through the second chunk
    assert engine.pool.checkedout() == 0
    assert first + list(stream) == store.list_claims()


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(st.one_of(st.integers(), st.text(max_size=20), st.none()), max_size=3))
def test_cursors_round_trip(parts: list[int | str | None]) -> None:
    kinds = tuple(int if isinstance(p, int) else str for p in parts)
    assert decode(encode(*parts), kinds) == parts


def test_event_pages_in_sql_match_the_reference_order(store: Store) -> None:
    fill_synthetic(store, n_claims=400, claims_per_event=4)
    es = store.events
    whole = es.records()
    assert [record_order(r) for r in whole] == sorted(
        (record_order(r) for r in whole), reverse=True
    )
    for query in (EventQuery(), EventQuery(kind="attack"), EventQuery(country="UKR")):
        expected = [r.event_id for r in es.records(query)]
        got: list[str] = []
        before = None
        while True:
            page = es.records(
                EventQuery(kind=query.kind, country=query.country, before=before), limit=7
            )
            got += [r.event_id for r in page]
            if len(page) < 7:
                break
            before = record_order(page[-1])
        assert got == expected and expected


FLAG_AND_ARTICLE_QUERIES = [
    EventQuery(flag="single_source"),
    EventQuery(flag="single_source", kind="attack"),
    EventQuery(flag="weak_sources"),
    EventQuery(article="s"),
    EventQuery(article="s0"),
    EventQuery(flag="single_source", article="s1"),
]


def test_flag_and_article_filters_by_index_agree_with_the_reference(store: Store) -> None:
    fill_synthetic(store, n_claims=400, claims_per_event=4)
    every = store.events.records()
    for query in FLAG_AND_ARTICLE_QUERIES:
        want = [r.event_id for r in every if matches(r, query)]
        assert [r.event_id for r in store.events.records(query)] == want
        got: list[str] = []
        before = None
        while page := store.events.records(replace(query, before=before), limit=3):
            got += [r.event_id for r in page]
            before = record_order(page[-1])
        assert got == want
    assert any(store.events.records(q) for q in FLAG_AND_ARTICLE_QUERIES)


def test_a_new_version_moves_the_flag_and_article_index(store: Store) -> None:
    fill_synthetic(store, n_claims=40, claims_per_event=4)
    flagged = store.events.records(EventQuery(flag="single_source"))[0]
    later = datetime(2030, 1, 1, tzinfo=UTC)
    moved = replace(flagged, flags=("weak_sources",), article_ids=("zz1",), version=2)
    store.events.append_versions([EventVersion(flagged.event_id, 2, later, moved)])
    now = {r.event_id for r in store.events.records(EventQuery(flag="single_source"))}
    assert flagged.event_id not in now
    assert [r.event_id for r in store.events.records(EventQuery(flag="weak_sources"))] == [
        flagged.event_id
    ]
    assert [r.event_id for r in store.events.records(EventQuery(article="zz"))] == [
        flagged.event_id
    ]
    then = store.events.records(EventQuery(flag="single_source"), as_of=later - timedelta(1))
    assert flagged.event_id in {r.event_id for r in then}


def test_event_records_as_json_equal_the_records(store: Store) -> None:
    fill_synthetic(store, n_claims=80, claims_per_event=4)
    for query in (EventQuery(), EventQuery(kind="attack"), *FLAG_AND_ARTICLE_QUERIES):
        want = [r.to_record() for r in store.events.records(query, limit=9)]
        assert store.event_records(query, limit=9) == want


def test_an_older_stored_record_is_served_with_the_newer_fields(store: Store) -> None:
    fill_synthetic(store, n_claims=8, claims_per_event=8)
    (record,) = store.events.records()
    old = {k: v for k, v in record.to_record().items() if k not in ("notes", "deaths_by_group")}
    old["version"] = 2
    later = datetime(2030, 1, 1, tzinfo=UTC)
    store.events.append_versions([EventVersion(record.event_id, 2, later, record)])
    with store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(
            sa.text("UPDATE event_versions SET record = :r WHERE version = 2"),
            {"r": json.dumps(old)},
        )
    (served,) = store.event_records(EventQuery())
    assert served == store.events.records()[0].to_record()
    assert served["notes"] == "" and served["deaths_by_group"] == []


def test_synthetic_store_counts(store: Store) -> None:
    counts = fill_synthetic(store, n_claims=50, claims_per_article=10, claims_per_event=5)
    assert counts["claims"] == 50 and counts["articles"] == 5 and counts["event_versions"] == 10
    assert len(store.list_claims()) == 50 and len(store.events.records()) == 10
    assert store.events.records(as_of=datetime(2000, 1, 1, tzinfo=UTC)) == ()
