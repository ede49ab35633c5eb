"""Events persistence on SQLite (and PostgreSQL when FOGOFWAR_TEST_PG_URL is set)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa

from events_factories import SUMY, claim, meta
from fogofwar.events.decisions import merge, split, split_event_id
from fogofwar.events.linking import commit, event_id_for, link_article
from fogofwar.events.model import ArticleGroup
from fogofwar.events.pipeline import events_for_articles, save_report
from fogofwar.events.run import assemble_events, link_one
from fogofwar.store import Store

T1 = datetime(2024, 7, 8, 12, tzinfo=UTC)
T2 = datetime(2024, 7, 9, 12, tzinfo=UTC)


def _report(toll: int):  # type: ignore[no-untyped-def]
    metas = [meta("a1"), meta("a2", "2024-07-09"), meta("a3")]
    claims = [claim("a1", killed=27), claim("a2", killed=toll), claim("a3", location=SUMY)]
    return events_for_articles(metas, claims)


def test_migration_creates_the_events_tables(store: Store) -> None:
    names = set(sa.inspect(store.engine).get_table_names())
    assert {
        "events",
        "event_claims",
        "event_versions",
        "event_decisions",
        "article_groups",
        "event_profiles",
        "event_blocks",
    } <= names


def test_save_report_appends_versions_and_as_of_reconstructs(store: Store) -> None:
    es = store.events
    first = save_report(es, _report(33), T1)
    assert len(first) == 2
    assert save_report(es, _report(33), T2) == ()  # nothing changed: nothing appended
    revised = save_report(es, _report(35), T2)
    assert [(v.event_id, v.version) for v in revised] == [(event_id_for("a1-b0"), 2)]
    kyiv = event_id_for("a1-b0")
    then = {r.event_id: r for r in es.records(as_of=T1)}
    now = {r.event_id: r for r in es.records()}
    assert then[kyiv].killed_high == 33 and now[kyiv].killed_high == 35
    assert [v.version for v in es.history(kyiv)] == [1, 2]
    assert es.history(kyiv)[0].record.killed_high == 33  # not overwritten


def test_links_keep_reasons_and_decisions_are_reapplied(store: Store) -> None:
    es = store.events
    save_report(es, _report(33), T1)
    links = {d.claim_id: d for d in es.links()}
    assert links["a2-b0"].event_id == event_id_for("a1-b0")
    assert {r.field for r in links["a2-b0"].reasons} >= {"kind", "place", "time"}
    kyiv, sumy = event_id_for("a1-b0"), event_id_for("a3-b0")
    es.add_decision(merge(kyiv, sumy, at=T2, note="same salvo"))
    es.add_decision(split(kyiv, ["a2-b0"], at=T2))
    assert [d.note for d in es.decisions()] == ["same salvo", ""]
    events = {e.event_id: e.claim_ids for e in assemble_events(es)}
    assert events == {kyiv: ("a1-b0", "a3-b0"), split_event_id(kyiv, ["a2-b0"]): ("a2-b0",)}
    # a later run applies the stored decisions; the changed links are appended with T2
    report = events_for_articles(
        [meta("a1"), meta("a2", "2024-07-09"), meta("a3")],
        [claim("a1", killed=27), claim("a2", killed=33), claim("a3", location=SUMY)],
        decisions=es.decisions(),
    )
    save_report(es, report, T2)
    assert {d.claim_id: d.by for d in es.links()} == {
        "a1-b0": "linker",
        "a2-b0": "split",
        "a3-b0": "merge",
    }
    assert es.links(T1)[2].by == "linker"  # the earlier link is still there


def test_groups_round_trip(store: Store) -> None:
    es = store.events
    es.save_groups([ArticleGroup("a1", ("a1", "a2"), 0.8)])
    es.save_groups([ArticleGroup("a1", ("a1", "a2", "a3"), 0.7)])
    assert es.groups() == (ArticleGroup("a1", ("a1", "a2", "a3"), 0.7),)


def test_sql_index_behaves_like_the_memory_index(store: Store) -> None:
    index = store.events.index
    commit(index, link_article([claim("a1", killed=27)], meta("a1"), index))
    d = link_article([claim("a2", killed=33)], meta("a2"), index)
    commit(index, d)
    assert not d.decisions[0].new_event and len(index) == 1
    p = index.get(event_id_for("a1-b0"))
    assert p is not None and p.n_claims == 2 and p.killed == (27, 33)
    assert replace(p, n_claims=2) == p
    index.remove([p.event_id])
    assert len(index) == 0


def test_incremental_link_article_uses_the_stored_index(store: Store) -> None:
    es = store.events
    link_one(es, [claim("a1", killed=27)], meta("a1"), T1)
    second = link_one(es, [claim("a2", killed=33)], meta("a2", "2024-07-09"), T2)
    assert not second.decisions[0].new_event
    assert [e.claim_ids for e in assemble_events(es)] == [("a1-b0", "a2-b0")]
    assert [e.claim_ids for e in assemble_events(es, T1)] == [("a1-b0",)]
    profile = es.index.get(event_id_for("a1-b0"))
    assert profile is not None and profile.n_claims == 2


def test_relinking_a_stored_article_does_not_grow_its_events(store: Store) -> None:
    es = store.events
    link_one(es, [claim("a1", killed=27)], meta("a1"), T1)
    link_one(es, [claim("a2", killed=33)], meta("a2", "2024-07-09"), T2)
    before = es.index.get(event_id_for("a1-b0"))
    again = link_one(es, [claim("a2", killed=33)], meta("a2", "2024-07-09"), T2)
    assert [d.event_id for d in again.decisions] == [event_id_for("a1-b0")]
    assert es.index.get(event_id_for("a1-b0")) == before
    assert before is not None and before.n_claims == 2
    assert len(es.links()) == 2  # nothing appended
