"""The store contract: every backend (SQLite, PostgreSQL) must pass this whole suite."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar.claim import (
    ActorRef,
    Certainty,
    Claim,
    ClaimKind,
    Count,
    Counts,
    Cue,
    Location,
    SourceKind,
    SourceRef,
    TimeRef,
)
from fogofwar.errors import StoreError
from fogofwar.model import Article, DatePrecision, ReadStatus, ReasonCode, Rejected, Span
from fogofwar.store import AddResult, ClaimFilter, Store, open_store
from fogofwar.store.migrate import heads

STORE_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def art(text: str, title: str | None = None, **fields: Any) -> Article:
    """A small article; ``source`` defaults to a test label."""
    fields.setdefault("source", "test")
    return Article.create(text=text, title=title, **fields)


def claim(article: Article, n: int, **fields: Any) -> Claim:
    """A minimal claim of ``article``."""
    values: dict[str, Any] = {
        "claim_id": f"c{n}-{article.id}",
        "article_id": article.id,
        "lang": article.language,
        "span": Span(0, 4),
        "kind": ClaimKind.ATTACK,
        "source": SourceRef(SourceKind.MILITARY, "army"),
        "certainty": Certainty.CLAIMED,
    }
    values.update(fields)
    return Claim(**values)


FIRST = art("Der erste gespeicherte Artikel", "Erster")
nan = float("nan")


# -- opening and migrations -------------------------------------------------------------------


def _version(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())


def test_open_migrates_once_and_reopens(store_url: str) -> None:
    with open_store(store_url) as first:
        assert _version(first) == set(heads())
        first.add_articles([art("Erster Text")])
    with open_store(store_url) as again:
        assert _version(again) == set(heads())
        assert again.count_articles() == 1


def test_migration_0006_folds_repeated_rejections(store_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from fogofwar.store.engine import make_engine, resolve_url
    from fogofwar.store.migrate import MIGRATIONS

    engine = make_engine(resolve_url(store_url))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0004_event_filters")
            rows = [
                ("a.bin", "binary"),
                ("a.bin", "binary"),
                ("b.txt", "empty"),
                ("a.bin", "binary"),
            ]
            for n, (inp, reason) in enumerate(rows):
                conn.execute(
                    sa.text(
                        "INSERT INTO rejections (at, input, stage, reason, message) "
                        "VALUES (:at, :i, 'read', :r, :m)"
                    ),
                    {"at": f"2026-03-0{n + 1}T00:00:00+00:00", "i": inp, "r": reason, "m": "x"},
                )
    finally:
        engine.dispose()
    with open_store(store_url) as store:
        listed = {r.input: r.count for r in store.list_rejections()}
        assert listed == {"a.bin": 3, "b.txt": 1}
        store.add_rejections([Rejected("a.bin", "read", ReasonCode.BINARY, "again")])
        assert {r.input: r.count for r in store.list_rejections()}["a.bin"] == 4


def test_two_openers_of_a_fresh_database_both_succeed(store_url: str) -> None:
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def opener() -> None:
        try:
            barrier.wait()
            with open_store(store_url) as s:
                s.add_articles([art("Paralleler Text")])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(store_url) as s:
        assert _version(s) == set(heads()) and s.count_articles() == 1


# -- articles ---------------------------------------------------------------------------------


def test_add_is_idempotent_by_content_hash(store: Store) -> None:
    a, b, c = art("Text A", "A"), art("Text B", "B"), art("Text C", "C")
    assert store.add_articles([a, b]) == AddResult((a.id, b.id), ())
    assert store.add_articles([b, c, c]) == AddResult((c.id,), (b.id, c.id))
    assert store.count_articles() == 3
    assert store.has_content_hash(a.content_hash) and not store.has_content_hash("0" * 64)
    # Same text, other metadata: the stored article is kept as it was, never rewritten.
    assert store.add_articles([replace(a, source="elsewhere")]).existing == (a.id,)
    assert store.get_article(a.id) == a
    assert store.add_articles([]) == AddResult()


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(lambda: art("Kaputt", language_confidence=1.5), id="check-constraint"),
        pytest.param(lambda: replace(art("Anderer Text"), id=FIRST.id), id="duplicate-id"),
        # Article.create cleans text; a hand-built article with NUL still must not be stored
        pytest.param(lambda: replace(art("NUL im Text"), text="NUL \x00"), id="nul-character"),
    ],
)
def test_failing_batch_stores_nothing_and_keeps_earlier_commits(store: Store, bad: Any) -> None:
    store.add_articles([FIRST])
    before, after = art("Vorher im Batch"), art("Nachher im Batch")
    with pytest.raises(StoreError, match=r"(?i)nothing|not stored"):
        store.add_articles([before, bad(), after])
    assert store.count_articles() == 1
    assert store.get_article(FIRST.id) == FIRST
    assert store.get_article(before.id) is None and store.get_article(after.id) is None
    assert store.add_articles([before, after]).inserted == (before.id, after.id)


def test_database_refuses_to_rewrite_text(store: Store) -> None:
    store.add_articles([FIRST])
    with pytest.raises(sa.exc.DBAPIError), store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE articles SET text = 'anders' WHERE id = :i"), {"i": FIRST.id})
    assert store.get_article(FIRST.id) == FIRST


def test_get_article_by_id_and_unique_prefix(store: Store) -> None:
    articles = [art(f"Artikel Nummer {i}") for i in range(40)]
    store.add_articles(articles)
    target = articles[0]
    assert store.get_article(target.id) == target
    unique = next(
        n for n in range(2, 17) if sum(a.id.startswith(target.id[:n]) for a in articles) == 1
    )
    assert store.get_article(target.id[:unique]) == target
    assert store.get_article("a" + "z" * 15) is None
    for hostile in ["", "%", "a%", "_", "a' OR '1'='1", "a\x00"]:
        assert store.get_article(hostile) is None
    with pytest.raises(StoreError, match="several"):
        store.get_article("a")


def test_read_status(store: Store) -> None:
    store.add_articles([FIRST])
    store.set_read_status(FIRST.id, ReadStatus.NOT_READ, "language not supported")
    assert store.get_article(FIRST.id) == replace(FIRST, read_status=ReadStatus.NOT_READ)
    store.set_read_status(FIRST.id, ReadStatus.READ)
    stored = store.get_article(FIRST.id)
    assert stored is not None and stored.read_status is ReadStatus.READ
    with pytest.raises(StoreError, match="no stored article"):
        store.set_read_status("a_missing", ReadStatus.READ)


_SAFE_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))


@st.composite
def article_fields(draw: st.DrawFn) -> dict[str, Any]:
    """Every Article field except the derived id and content hash."""
    opt = lambda s: st.none() | s  # noqa: E731
    offsets = st.integers(-23 * 60, 23 * 60).map(lambda m: timezone(timedelta(minutes=m)))
    return {
        "source": draw(_SAFE_TEXT),
        "title": draw(opt(_SAFE_TEXT)),
        "text": draw(_SAFE_TEXT),
        "headline": draw(opt(_SAFE_TEXT)),
        "standfirst": draw(opt(_SAFE_TEXT)),
        "authors": tuple(draw(st.lists(_SAFE_TEXT, max_size=3))),
        "published": draw(opt(st.dates())),
        "published_precision": draw(opt(st.sampled_from(DatePrecision))),
        "relative_stamp": draw(opt(_SAFE_TEXT)),
        "captured_estimate": draw(opt(st.dates())),
        "section": draw(opt(_SAFE_TEXT)),
        "image_credits": tuple(draw(st.lists(_SAFE_TEXT, max_size=3))),
        "language": draw(st.sampled_from(["de", "en", "ru", "uk", "other"]) | _SAFE_TEXT),
        "language_confidence": draw(opt(st.floats(0, 1))),
        "ingested_at": draw(opt(st.datetimes(timezones=st.none() | st.just(UTC) | offsets))),
        "source_format": draw(st.sampled_from(["text", "html", "warc", "feed"])),
        "url": draw(opt(_SAFE_TEXT)),
        "read_status": draw(st.sampled_from(ReadStatus)),
        "publisher": draw(opt(_SAFE_TEXT)),
        "published_at": draw(opt(st.datetimes(timezones=st.just(UTC) | offsets))),
        "forwarded_from": draw(opt(_SAFE_TEXT)),
        "reply_to": draw(opt(_SAFE_TEXT)),
    }


@STORE_SETTINGS
@given(fields=article_fields())
def test_article_round_trip(store: Store, fields: dict[str, Any]) -> None:
    fields["text"] += f" {uuid.uuid4().hex}"  # one fresh article per example
    article = Article.create(**fields)
    assert store.add_articles([article]).inserted == (article.id,)
    assert store.get_article(article.id) == article


# -- rejections -------------------------------------------------------------------------------


def test_rejections_are_listed_with_reason(store: Store) -> None:
    at = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    store.add_rejections(
        [
            Rejected("a.bin", "read", ReasonCode.BINARY, "binary file", at),
            Rejected("b.html", "read", ReasonCode.EMPTY, "no body \x00"),
            Rejected("c.bin", "read", ReasonCode.BINARY, "binary again"),
        ]
    )
    listed = store.list_rejections()
    assert [r.input for r in listed] == ["c.bin", "b.html", "a.bin"]
    assert listed[2].rejected == Rejected("a.bin", "read", ReasonCode.BINARY, "binary file", at)
    assert listed[0].id > listed[1].id > listed[2].id
    assert all(r.at.tzinfo is not None for r in listed)
    assert "\x00" not in listed[1].message
    binary = store.list_rejections(reason=ReasonCode.BINARY)
    assert [r.input for r in binary] == ["c.bin", "a.bin"]
    assert [r.input for r in store.list_rejections(limit=1, offset=1)] == ["b.html"]
    assert store.list_rejections(reason=ReasonCode.NOT_FOUND) == []


def test_rejections_are_idempotent_with_a_counter(store: Store) -> None:
    again = Rejected("a.bin", "read", ReasonCode.BINARY, "binary file, second look")
    other_stage = Rejected("a.bin", "claims", ReasonCode.READ_FAILED, "reader failed")
    store.add_rejections([Rejected("a.bin", "read", ReasonCode.BINARY, "binary file")])
    store.add_rejections([again, again, other_stage])  # a re-run, and a repeat in one batch
    store.add_rejections([again])
    listed = store.list_rejections()
    assert sorted((r.input, r.stage, r.count) for r in listed) == [
        ("a.bin", "claims", 1),
        ("a.bin", "read", 4),
    ]
    binary = store.list_rejections(reason=ReasonCode.BINARY)[0]
    assert binary.message == "binary file, second look"
    summary = {(c.reason, c.stage): (c.inputs, c.times) for c in store.summarize_rejections()}
    assert summary == {
        (ReasonCode.BINARY, "read"): (1, 4),
        (ReasonCode.READ_FAILED, "claims"): (1, 1),
    }


def test_rejection_keeps_its_publication_date(store: Store) -> None:
    """A rejected page's date round-trips; a later look that finds none keeps it."""
    dated = Rejected("p.html", "read", ReasonCode.NO_TEXT, "no text", None, date(2025, 4, 17))
    store.add_rejections([dated, Rejected("q.html", "read", ReasonCode.NO_TEXT, "no text")])
    listed = {r.input: r for r in store.list_rejections()}
    assert listed["p.html"].published == date(2025, 4, 17)
    assert listed["p.html"].rejected.published == date(2025, 4, 17)
    assert listed["q.html"].published is None
    store.add_rejections([Rejected("p.html", "read", ReasonCode.NO_TEXT, "again")])
    again = {r.input: r for r in store.list_rejections()}["p.html"]
    assert (again.count, again.published) == (2, date(2025, 4, 17))
    store.add_rejections([replace(dated, published=date(2025, 4, 18))])
    latest = {r.input: r for r in store.list_rejections()}["p.html"]
    assert latest.published == date(2025, 4, 18)


def _store_at(store_url: str, revision: str, table: str, row: dict[str, Any]) -> None:
    """Migrate an empty store only up to ``revision`` and put ``row`` (that revision's columns)
    into ``table``: a database written by an older fogofwar."""
    from alembic import command

    from fogofwar.store.engine import WRITE, make_engine, resolve_url
    from fogofwar.store.migrate import _config

    engine = make_engine(resolve_url(store_url))
    try:
        with engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                cfg = _config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                old = sa.table(table, *(sa.column(name) for name in row))
                conn.execute(sa.insert(old), row)
    finally:
        engine.dispose()


def test_migration_0011_adds_rejection_dates_to_an_existing_store(store_url: str) -> None:
    """A store at 0010 with a rejection: the migration keeps the row, without a date."""
    from fogofwar.store.rows import rejection_to_row

    row = rejection_to_row(Rejected("old.html", "read", ReasonCode.NO_TEXT, "x"))
    del row["published"]
    _store_at(store_url, "0010_overview_tables", "rejections", row)
    with open_store(store_url) as store:
        [kept] = store.list_rejections()
        assert (kept.input, kept.published) == ("old.html", None)
        store.add_rejections([replace(kept.rejected, published=date(2025, 1, 2))])
        assert store.list_rejections()[0].published == date(2025, 1, 2)


def test_claim_filter_takes_enum_or_value_and_refuses_unknown_values() -> None:
    by_value = ClaimFilter(kind="attack", source_kind="military", certainty="reported")
    by_enum = ClaimFilter(ClaimKind.ATTACK, SourceKind.MILITARY, Certainty.REPORTED)
    assert by_value == by_enum and by_value.kind is ClaimKind.ATTACK
    with pytest.raises(ValueError):
        ClaimFilter(certainty="maybe")
    with pytest.raises(AttributeError):  # frozen
        ClaimFilter().lang = "de"  # type: ignore[misc]


def test_unlinked_articles_are_found_until_linked(store: Store) -> None:
    from fogofwar.events.model import LinkDecision

    a, b = art("Erster Text mit Anspruch"), art("Zweiter Text mit Anspruch")
    store.add_articles([a, b])
    store.replace_claims(a.id, "v9", [claim(a, 1), claim(a, 2)])
    store.replace_claims(b.id, "v9", [claim(b, 1)])
    assert store.unlinked_articles("v9") == sorted([a.id, b.id])
    assert store.unlinked_articles("v8") == []
    at = datetime(2026, 3, 1, tzinfo=UTC)
    store.events.record_links([LinkDecision(f"c1-{a.id}", a.id, "e1", 1.0, True, ())], at)
    assert store.unlinked_articles("v9") == sorted([a.id, b.id])  # one claim of a still open
    assert store.unlinked_articles("v9", [b.id, "zz"]) == [b.id]  # only among those given
    assert store.unlinked_articles("v9", []) == []
    with store.events.transaction():
        store.events.record_links([LinkDecision(f"c2-{a.id}", a.id, "e1", 1.0, False, ())], at)
        store.events.record_links([LinkDecision(f"c1-{b.id}", b.id, "e2", 1.0, True, ())], at)
    assert store.unlinked_articles("v9") == []


def test_generation_changes_with_every_commit_from_anywhere(store_url: str) -> None:
    with open_store(store_url) as reader, open_store(store_url) as writer:
        # reads change nothing; on PostgreSQL the generation is the cluster's snapshot, which
        # another test's database may move meanwhile, so a quiet moment is looked for
        for _ in range(10):
            first = reader.generation()
            assert first is not None
            reader.list_articles(limit=5)
            reader.claims_page(limit=5)
            if reader.generation() == first:
                break
        else:
            raise AssertionError("reads changed the generation ten times in a row")
        writer.add_articles([art("Ein neuer Artikel aus einem anderen Prozess")])
        second = reader.generation()
        assert second != first
        reader.add_articles([art("Und einer aus diesem")])  # own commits count too
        third = reader.generation()
        assert third not in (first, second)
        writer.set_read_status(reader.list_articles(limit=1)[0].id, ReadStatus.READ)
        assert reader.generation() != third  # an update, not only an insert


def test_event_transaction_commits_whole_or_not_at_all(store: Store) -> None:
    from fogofwar.events.model import LinkDecision

    a = art("Ein Text, dessen Verknüpfung scheitert")
    store.add_articles([a])
    store.replace_claims(a.id, "v9", [claim(a, 1), claim(a, 2)])
    at = datetime(2026, 3, 1, tzinfo=UTC)
    with pytest.raises(RuntimeError), store.events.transaction():
        store.events.record_links([LinkDecision(f"c1-{a.id}", a.id, "e1", 1.0, True, ())], at)
        assert [d.event_id for d in store.events.links()] == ["e1"]  # seen inside
        raise RuntimeError("killed half-way")
    assert store.events.links() == ()
    assert store.unlinked_articles("v9") == [a.id]


# -- search and filters -----------------------------------------------------------------------

CORPUS = {
    "de": art(
        "Russische Truppen haben in der Nacht einen Angriff auf Charkiw gestartet.",
        "Angriff über Nacht",
        language="de",
        published=date(2026, 3, 2),
    ),
    "ru": art(
        "Обстрел Харькова продолжался всю ночь, сообщили власти.",
        "Обстрел Харькова",
        language="ru",
        published=date(2026, 3, 1),
    ),
    "uk": art(
        "Сили оборони відбили штурм поблизу Покровська.",
        "Штурм відбито",
        language="uk",
        published=date(2026, 2, 20),
    ),
    "en": art(
        "A drone strike hit an oil depot near Kharkiv, officials said.",
        "Drone strike",
        language="en",
        captured_estimate=date(2026, 3, 3),
    ),
    "en2": art("The drone was shot down over the Black Sea.", "Interception", language="en"),
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("angriff", {"de"}),
        ("ANGRIFF Charkiw", {"de"}),
        ("über", {"de"}),
        ("обстрел", {"ru"}),
        ("ХАРЬКОВА ночь", {"ru"}),
        ("штурм Покровська", {"uk"}),
        ("відбито", {"uk"}),
        ("drone", {"en", "en2"}),
        ('"drone strike"', {"en"}),
        ("drone -Kharkiv", {"en2"}),
        ("depot or Sea", {"en", "en2"}),
        ("Interception", {"en2"}),
        ("Kharkiv Charkiw", set()),
    ],
)
def test_full_text_search(store: Store, query: str, expected: set[str]) -> None:
    store.add_articles(list(CORPUS.values()))
    found = {a.id for a in store.list_articles(search=query)}
    assert found == {CORPUS[k].id for k in expected}


INFLECTED = {
    "de": art(
        "Die Angriffe auf Kiew dauerten an; bei den Luftangriffen wurden Häuser zerstört.",
        "Neue Angriffe",
        language="de",
    ),
    "uk": art(
        "Ракета влучила в підприємство у Кривому Розі, повідомила обласна влада.",
        "Удар по Кривому Рогу",
        language="uk",
    ),
    "ru": art(
        "Обстрелы Харькова продолжались всю ночь, сообщили в областной администрации.",
        "Обстрелы",
        language="ru",
    ),
    "en": art("Officials said the depot was attacked twice overnight.", "Depots", language="en"),
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Angriff", {"de"}),  # singular finds the plural
        ("Kiews", {"de"}),
        ("Кривий", {"uk"}),  # nominative finds the locative
        ('"Кривий Ріг"', {"uk"}),  # a phrase, every word inflected
        ("обстрел Харьков", {"ru"}),
        ("attacks depot", {"en"}),
        ("attack -depots", set()),
        ("Angriff or обстрел", {"de", "ru"}),
    ],
)
def test_search_finds_inflected_forms(store: Store, query: str, expected: set[str]) -> None:
    store.add_articles(list(INFLECTED.values()))
    found = {a.id for a in store.list_articles(search=query)}
    assert found == {INFLECTED[k].id for k in expected}


def test_search_index_of_stored_articles_is_rebuilt_by_the_migration(store_url: str) -> None:
    """A database from before stemmed search: the migration stems the stored articles."""
    from fogofwar.store.rows import article_to_row

    row = article_to_row(INFLECTED["de"])
    del row["stems"]
    _store_at(store_url, "0005_publisher", "articles", row)
    with open_store(store_url) as store:
        assert [a.id for a in store.list_articles(search="Angriff")] == [INFLECTED["de"].id]


def test_unique_prefix_length(store: Store) -> None:
    """Ids are shortened as git does: at least the minimum, longer where prefixes collide."""
    a1 = replace(art("eins"), id="a12345678aa")
    a2 = replace(art("zwei"), id="a12345678bb")
    a3 = replace(art("drei"), id="a99999999cc")
    store.add_articles([a1, a2, a3])
    assert store.unique_prefix_length([a3.id]) == 8
    assert store.unique_prefix_length([a1.id]) == 10  # a2, stored, shares 9 characters
    assert store.unique_prefix_length([a1.id, a3.id], minimum=4) == 10
    store.replace_claims(a3.id, "v", [claim(a3, 1), claim(a3, 2)])
    assert store.unique_prefix_length([f"c1-{a3.id}"], minimum=2) == 2
    assert store.unique_prefix_length([f"c1-{a3.id}", f"c2-{a3.id}"], minimum=1) == 2
    assert store.unique_prefix_length([]) == 8
    assert store.get_article(a1.id[:10]) == a1


HOSTILE = [
    '"',
    "-",
    "AND",
    "OR",
    "NOT",
    "NEAR(a b",
    "*",
    "a:b",
    "title:x",
    "(",
    ")",
    "^x",
    '""""',
    '-"',
    "'; DROP TABLE articles; --",
    "\x00",
    "\\",
    "🙂",
    "a OR",
    "- -",
    "%_",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(store: Store, query: str) -> None:
    store.add_articles(list(CORPUS.values()))
    assert isinstance(store.list_articles(search=query), list)
    assert store.count_articles() == len(CORPUS)


@STORE_SETTINGS
@given(query=st.text())
def test_any_query_string_is_safe(store: Store, query: str) -> None:
    if not store.count_articles():
        store.add_articles(list(CORPUS.values()))
    ids = {a.id for a in CORPUS.values()}
    assert {a.id for a in store.list_articles(search=query, limit=10)} <= ids


def test_filters_order_and_paging(store: Store) -> None:
    store.add_articles(list(CORPUS.values()))
    newest_first = [a.id for a in store.list_articles()]
    order = ["en", "de", "ru", "uk", "en2"]  # captured_estimate stands in for published
    assert newest_first == [CORPUS[k].id for k in order]
    assert [a.id for a in store.list_articles(limit=2, offset=1)] == newest_first[1:3]
    assert {a.id for a in store.list_articles(lang="en")} == {CORPUS["en"].id, CORPUS["en2"].id}
    since = {a.id for a in store.list_articles(since=date(2026, 3, 1))}
    assert since == {CORPUS[k].id for k in ("en", "de", "ru")}
    both = store.list_articles(search="drone", lang="en", since=date(2026, 3, 1))
    assert [a.id for a in both] == [CORPUS["en"].id]
    with pytest.raises(ValueError):
        store.list_articles(limit=-1)


PUBLISHED = {
    "wire": art("Drohnenangriff auf Odesa gemeldet.", publisher="Example Wire"),
    "channel": art("Обстріл Харкова триває.", publisher="Вартові  ПІВДНЯ"),
    "pct": art("Talks resumed on Monday.", publisher="100% News_Desk"),
    "none": art("No outlet is known for this one."),
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Example Wire", {"wire"}),
        ("example", {"wire"}),
        ("вартові півдня", {"channel"}),  # case and spacing ignored, Cyrillic included
        ("ПІВДНЯ", {"channel"}),
        ("100%", {"pct"}),  # LIKE wildcards are plain characters
        ("%", {"pct"}),
        ("_", {"pct"}),
        ("News_Desk", {"pct"}),
        ("Reuters", set()),
    ],
)
def test_publisher_filter(store: Store, query: str, expected: set[str]) -> None:
    store.add_articles(list(PUBLISHED.values()))
    found = {a.id for a in store.list_articles(publisher=query)}
    assert found == {PUBLISHED[k].id for k in expected}


def test_publishers_of_articles(store: Store) -> None:
    store.add_articles(list(PUBLISHED.values()))
    ids = [a.id for a in PUBLISHED.values()] + ["a_missing"]
    assert store.publishers(ids) == {a.id: a.publisher for a in PUBLISHED.values()}
    assert store.publishers([]) == {}


def test_filled_publisher_and_moment_round_trip(store: Store) -> None:
    moment = datetime(2024, 9, 2, 6, 41, 17, tzinfo=timezone(timedelta(hours=3)))
    post = art(
        "Нічна атака на Одещину.",
        publisher="Вартові Півдня",
        published=moment.date(),
        published_at=moment,
        forwarded_from="Центр протидії дезінформації",
        reply_to="https://t.me/c/1874203951/3",
        source_format="telegram",
    )
    store.add_articles([post])
    stored = store.get_article(post.id)
    assert stored == post
    assert stored is not None and stored.published_at is not None
    assert stored.published_at.utcoffset() == timedelta(hours=3)


# -- claims -----------------------------------------------------------------------------------


def test_replace_and_filter_claims(store: Store) -> None:
    de, ru = CORPUS["de"], CORPUS["ru"]
    store.add_articles([de, ru])
    c1 = claim(de, 1)
    c2 = claim(de, 2, kind=ClaimKind.CASUALTIES, certainty=Certainty.REPORTED)
    c3 = claim(ru, 3, source=SourceRef(SourceKind.GOVERNMENT, "власти"))
    store.replace_claims(de.id, "v1", [c1, c2])
    store.replace_claims(ru.id, "v1", [c3])
    store.replace_claims(de.id, "v2", [claim(de, 9)])
    assert store.list_claims(ClaimFilter(pipeline_version="v1")) == [c1, c2, c3]
    store.replace_claims(de.id, "v1", [c2])
    assert store.list_claims(ClaimFilter(article_id=de.id, pipeline_version="v1")) == [c2]
    assert store.list_claims(ClaimFilter(article_id=de.id, pipeline_version="v2")) == [claim(de, 9)]
    assert store.list_claims(ClaimFilter(kind=ClaimKind.CASUALTIES)) == [c2]
    assert store.list_claims(ClaimFilter(source_kind=SourceKind.GOVERNMENT)) == [c3]
    assert store.list_claims(ClaimFilter(certainty=Certainty.REPORTED, lang="de")) == [c2]
    assert store.list_claims(ClaimFilter(lang="ru", kind=ClaimKind.ATTACK)) == [c3]
    assert store.list_claims(ClaimFilter(kind="casualties", source_kind="military")) == [c2]
    with pytest.raises(ValueError):
        store.list_claims(ClaimFilter(kind="attak"))
    in_order = store.list_claims(ClaimFilter(pipeline_version="v1"), limit=1, offset=1)
    assert in_order == [c2]  # storage order
    assert list(store.iter_claims(ClaimFilter(pipeline_version="v1"))) == [c3, c2]
    store.replace_claims(ru.id, "v1", [])
    assert store.list_claims(ClaimFilter(article_id=ru.id)) == []


def test_replace_claims_is_atomic(store: Store) -> None:
    store.add_articles([FIRST])
    kept = [claim(FIRST, 1), claim(FIRST, 2)]
    store.replace_claims(FIRST.id, "v1", kept)
    with pytest.raises(StoreError):  # duplicate claim ids: the database refuses the second
        store.replace_claims(FIRST.id, "v1", [claim(FIRST, 3), claim(FIRST, 3)])
    with pytest.raises(StoreError, match="NaN"):
        store.replace_claims(FIRST.id, "v1", [claim(FIRST, 4, location=Location("X", lat=nan))])
    with pytest.raises(StoreError, match="belongs to"):
        store.replace_claims(FIRST.id, "v1", [claim(CORPUS["de"], 5)])
    with pytest.raises(StoreError, match="no stored article"):
        store.replace_claims(CORPUS["de"].id, "v1", [claim(CORPUS["de"], 5)])
    assert store.list_claims() == kept


_TEXT = st.text(max_size=12)
_opt = st.none


def _spans() -> st.SearchStrategy[Span | None]:
    pair = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(sorted)
    return st.none() | pair.map(lambda p: Span(p[0], p[1]))


_floats = st.floats(allow_nan=False, allow_infinity=False)
_count = st.builds(Count, _opt() | st.integers(), _opt() | st.integers(), _spans(), _opt() | _TEXT)
_claim_parts = {
    "lang": st.sampled_from(["de", "en", "ru", "uk"]),
    "span": _spans(),
    "kind": st.sampled_from(ClaimKind),
    "source": st.builds(
        SourceRef,
        st.sampled_from(SourceKind),
        _opt() | _TEXT,
        st.lists(_TEXT, max_size=2).map(tuple),
        _spans(),
    ),
    "certainty": st.sampled_from(Certainty),
    "in_headline": st.booleans(),
    "subtype": _opt() | _TEXT,
    "acled": _opt() | st.tuples(_TEXT, _TEXT),
    "plover": _opt() | _TEXT,
    "actors": st.lists(
        st.builds(
            ActorRef,
            _TEXT,
            st.sampled_from(["actor", "target", "victim"]),
            _opt() | _TEXT,
            _opt() | _TEXT,
            _opt() | _TEXT,
            _spans(),
        ),
        max_size=3,
    ).map(tuple),
    "location": _opt()
    | st.builds(
        Location,
        _TEXT,
        _spans(),
        _opt() | _TEXT,
        _opt() | st.integers(),
        _opt() | _TEXT,
        _opt() | _TEXT,
        _opt() | _TEXT,
        _opt() | _floats,
        _opt() | _floats,
        _opt() | _TEXT,
    ),
    "time": _opt() | st.builds(TimeRef, _opt() | _TEXT, _opt() | _TEXT, _TEXT, _spans()),
    "counts": st.builds(Counts, *([_opt() | _count] * 5)),
    "cue": _opt() | st.builds(Cue, _TEXT, _spans()),
    "quote": st.booleans(),
    "sentence": _spans(),
}


@STORE_SETTINGS
@given(parts=st.lists(st.fixed_dictionaries(_claim_parts), max_size=4))
def test_claim_round_trip(store: Store, parts: list[dict[str, Any]]) -> None:
    article = art(f"Artikel {uuid.uuid4().hex}")
    store.add_articles([article])
    claims = [
        Claim(claim_id=f"c{i}{article.id}", article_id=article.id, **p) for i, p in enumerate(parts)
    ]
    store.replace_claims(article.id, "v1", claims)
    assert store.list_claims(ClaimFilter(article_id=article.id)) == claims
    assert list(store.iter_claims(ClaimFilter(article_id=article.id))) == claims


# -- opening errors ---------------------------------------------------------------------------


def test_default_location_comes_from_the_environment(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOGOFWAR_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        s.add_articles([FIRST])
    with open_store(f"sqlite:///{tmp_path / 'env.db'}") as s:
        assert s.get_article(FIRST.id) == FIRST


def test_open_errors_say_what_to_do(tmp_path: Any) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="fogofwar database"):
        open_store(str(junk))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://u@h/db")
