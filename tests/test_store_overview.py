"""The overview tables (migration 0010) on every backend: the place counts and source counts
a store keeps as claims are replaced and event versions appended equal a recomputation from
everything stored (the pass over every event and claim they replace), and :func:`rebuild`
(what the migration runs on an existing store) gives the same tables.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from events_factories import claim
from fogofwar.claim import Certainty, SourceKind
from fogofwar.events.model import ArticleMeta
from fogofwar.events.protocol import EventQuery
from fogofwar.events.record import EventRecord
from fogofwar.events.sources import source_of
from fogofwar.events.versions import EventVersion
from fogofwar.model import Article
from fogofwar.services import list_places, source_stats
from fogofwar.store import Store
from fogofwar.store.engine import WRITE
from fogofwar.store.overview import rebuild

T0 = datetime(2024, 7, 1, tzinfo=UTC)
PLACES = [
    ("Kyiv", "UKR", "Kyiv City"),
    ("Kursk", "RUS", None),
    (None, "UKR", None),
    (None, None, None),
]
SOURCES = [
    ("Interior Ministry", SourceKind.GOVERNMENT),
    ("Russian defence ministry", SourceKind.MILITARY),
    (None, SourceKind.UNNAMED),
    ("Oleh Syniehubov", SourceKind.GOVERNMENT),
    (None, SourceKind.MEDIA),
]


def _places_by_scan(store: Store, country: str | None = None) -> dict[tuple[object, ...], int]:
    out: Counter[tuple[object, ...]] = Counter()
    for r in store.events.records(EventQuery(country=country)):
        if r.location is None and r.country is None:
            continue
        out[(r.location, r.country, r.admin1, r.kind)] += 1
    return dict(out)


def _places_by_table(store: Store, country: str | None = None) -> dict[tuple[object, ...], int]:
    return {
        (p.location, p.country, p.admin1, kind): n
        for p in list_places(store, country=country)
        for kind, n in p.kinds.items()
    }


def _sources_by_scan(store: Store) -> dict[tuple[str, str], tuple[object, ...]]:
    """Per source: claims, articles, first reports, certainty and language counts."""
    metas: dict[str, ArticleMeta] = {}
    rows: dict[tuple[str, str], list[object]] = {}
    by_claim: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}
    for c in store.iter_claims():
        if c.article_id not in metas:
            article = store.get_article(c.article_id)
            assert article is not None
            metas[c.article_id] = ArticleMeta.from_article(article)
        meta = metas[c.article_id]
        src = source_of(c, meta)
        key = (src.label, src.kind.value)
        row = rows.setdefault(key, [0, set(), 0, Counter(), Counter()])
        row[0] += 1  # type: ignore[operator]
        row[1].add(c.article_id)  # type: ignore[attr-defined]
        row[3][c.certainty.value] += 1  # type: ignore[index]
        row[4][c.lang] += 1  # type: ignore[index]
        when = meta.published.isoformat() if meta.published else "9999-99-99"
        by_claim[c.claim_id] = ((when, c.claim_id), key)
    for record in store.events.records():
        found = [by_claim[cid] for cid in record.claim_ids if cid in by_claim]
        if found:
            rows[min(found)[1]][2] += 1  # type: ignore[operator]
    return {
        k: (v[0], len(v[1]), v[2], dict(v[3]), dict(v[4]))  # type: ignore[arg-type]
        for k, v in rows.items()
    }


def _sources_by_table(store: Store) -> dict[tuple[str, str], tuple[object, ...]]:
    return {
        (s.label, s.kind): (s.claims, s.articles, s.first_reports, s.certainty, s.languages)
        for s in source_stats(store, limit=10_000)
    }


def _article(i: int, rng: random.Random) -> Article:
    published = date(2024, 7, 1) + timedelta(days=rng.randrange(10)) if i % 4 else None
    return Article.create(
        source=f"https://outlet{i % 3}.example/{i}",
        text=f"Report {i}: shelling was reported, officials said.",
        title=f"Report {i}",
        language=("en", "uk", "de")[i % 3],
        published=published,
    )


def _claims(article: Article, rng: random.Random, n: int) -> list:  # type: ignore[type-arg]
    out = []
    for j in range(n):
        name, kind = SOURCES[rng.randrange(len(SOURCES))]
        c = claim(
            article.id,
            j,
            source=name,
            source_kind=kind,
            certainty=list(Certainty)[rng.randrange(4)],
            lang=article.language,
        )
        out.append(c)
    return out


def _fill(store: Store, seed: int) -> None:
    """Articles with claims (some replaced, some under a second pipeline version) and events
    with versions (moved, re-kinded, retired)."""
    rng = random.Random(seed)
    arts = [_article(i, rng) for i in range(12)]
    store.add_articles(arts)
    stored: dict[str, list] = {}  # type: ignore[type-arg]
    for a in arts:
        stored[a.id] = _claims(a, rng, rng.randrange(0, 5))
        store.replace_claims(a.id, "v1", stored[a.id])
    for a in arts[:4]:  # re-read: other claims replace them
        stored[a.id] = _claims(a, rng, rng.randrange(0, 4))
        store.replace_claims(a.id, "v1", stored[a.id])
    second = [replace(c, claim_id=c.claim_id + "-v2") for c in _claims(arts[5], rng, 2)]
    store.replace_claims(arts[5].id, "v2", second)
    every = [c.claim_id for cs in stored.values() for c in cs] + [c.claim_id for c in second]
    versions: dict[str, int] = {}
    for step in range(30):
        eid = f"e{rng.randrange(8)}"
        versions[eid] = versions.get(eid, 0) + 1
        location, country, admin1 = PLACES[rng.randrange(len(PLACES))]
        record = EventRecord(
            eid,
            ("attack", "casualties", "arrest")[rng.randrange(3)],
            f"2024-07-0{1 + rng.randrange(9)}",
            None,
            "day",
            location=location,
            country=country,
            admin1=admin1,
            latitude=rng.uniform(40, 50),
            longitude=rng.uniform(30, 40),
            claim_ids=tuple(rng.sample(every, min(len(every), rng.randrange(0, 5)))),
        )
        at = T0 + timedelta(hours=step)
        retired = rng.random() < 0.15
        batch = [EventVersion(eid, versions[eid], at, record, retired)]
        if rng.random() < 0.3:  # two versions of one event in one append
            versions[eid] += 1
            batch.append(EventVersion(eid, versions[eid], at, replace(record, kind="attack")))
        store.events.append_versions(batch)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_counts_equal_a_recomputation(store: Store, seed: int) -> None:
    _fill(store, seed)
    assert _places_by_table(store) == _places_by_scan(store)
    for country in ("UKR", "rus", "Kyiv"):
        assert _places_by_table(store, country) == _places_by_scan(store, country)
    assert _sources_by_table(store) == _sources_by_scan(store)
    assert _sources_by_scan(store)  # the fill stored cited sources


def test_rebuild_gives_the_kept_tables(store: Store) -> None:
    _fill(store, 4)
    places, sources = _places_by_table(store), _sources_by_table(store)
    engine = store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            rebuild(conn)
    assert _places_by_table(store) == places
    assert _sources_by_table(store) == sources


def test_place_coordinates_and_source_order(store: Store) -> None:
    _fill(store, 5)
    live = {(r.location, r.country, r.admin1) for r in store.events.records()}
    ever: dict[tuple[object, ...], set[tuple[object, ...]]] = {}
    for v in store.events.history():
        place = (v.record.location, v.record.country, v.record.admin1)
        ever.setdefault(place, set()).add((v.record.latitude, v.record.longitude))
    for p in list_places(store):
        assert (p.location, p.country, p.admin1) in live
        assert (p.latitude, p.longitude) in ever[(p.location, p.country, p.admin1)]
    rows = source_stats(store, limit=3)
    assert len(rows) <= 3
    assert [r.claims for r in rows] == sorted((r.claims for r in rows), reverse=True)


def test_emptied_counts_leave_no_rows(store: Store) -> None:
    rng = random.Random(9)
    a = _article(1, rng)
    store.add_articles([a])
    store.replace_claims(a.id, "v1", _claims(a, rng, 3))
    assert source_stats(store)
    store.replace_claims(a.id, "v1", [])
    assert source_stats(store) == []
    record = EventRecord("e1", "attack", "2024-07-01", None, "day", location="Kyiv", country="UKR")
    store.events.append_versions([EventVersion("e1", 1, T0, record)])
    assert list_places(store)
    store.events.append_versions([EventVersion("e1", 2, T0, record, retired=True)])
    assert list_places(store) == []
    engine = store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        for table in ("source_totals", "source_facets", "place_counts"):
            assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


def test_a_source_name_with_nul_is_counted(store: Store) -> None:
    rng = random.Random(3)
    a = _article(2, rng)
    store.add_articles([a])
    store.replace_claims(a.id, "v1", [claim(a.id, 0, source="Mini\x00stry")])
    assert [s.label for s in source_stats(store)] == ["Mini\\x00stry"]


def test_migration_0010_fills_the_tables_of_an_existing_store(store: Store) -> None:
    """Down to 0009 (the tables dropped) and up again: the migration's fill gives what the
    writes kept."""
    from alembic import command
    from alembic.config import Config

    from fogofwar.store.migrate import MIGRATIONS

    _fill(store, 6)
    places, sources = _places_by_table(store), _sources_by_table(store)
    before = {
        (r.event_id, r.version)
        for r in store.events.history()  # every version is in the place index
        if r.record.country or r.record.location
    }
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    engine = store.engine  # type: ignore[attr-defined]
    for target in ("0009_event_index_tables", "head"):
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target != "head" else command.upgrade)(cfg, target)
        if target != "head":
            with engine.connect() as conn:
                assert not sa.inspect(conn).has_table("source_totals")
    assert _places_by_table(store) == places
    assert _sources_by_table(store) == sources
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT DISTINCT event_id, version FROM event_version_places"))
        assert {tuple(r) for r in rows} == before


def test_claims_position_bounds_the_unlinked_search(store: Store) -> None:
    """``after`` keeps only claims stored after that position (what the background sweeper
    passes after its first pass instead of reading every claim)."""
    rng = random.Random(11)
    first, second = _article(21, rng), _article(22, rng)
    store.add_articles([first, second])
    assert store.claims_position() == 0
    store.replace_claims(first.id, "v1", _claims(first, rng, 2))
    mark = store.claims_position()
    assert mark > 0
    store.replace_claims(second.id, "v1", _claims(second, rng, 2))
    assert store.claims_position() > mark
    assert store.unlinked_articles("v1") == sorted([first.id, second.id])
    assert store.unlinked_articles("v1", after=mark) == [second.id]
    assert store.unlinked_articles("v1", after=store.claims_position()) == []
