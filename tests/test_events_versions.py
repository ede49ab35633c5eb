"""Revision history: append-only versions and as_of reconstruction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from fogofwar.events.record import EventRecord
from fogofwar.events.versions import as_of, next_versions

T1 = datetime(2024, 7, 8, 12, tzinfo=UTC)
T2 = datetime(2024, 7, 9, 12, tzinfo=UTC)
T3 = datetime(2024, 7, 10, 12, tzinfo=UTC)


def _rec(eid: str, killed: int | None = None) -> EventRecord:
    return EventRecord(eid, "attack", "2024-07-08", "2024-07-08", "day", killed_best=killed)


def test_changes_append_versions_and_as_of_replays_them() -> None:
    history = list(next_versions([_rec("e1", 27), _rec("e2")], [], T1))
    assert [(v.event_id, v.version) for v in history] == [("e1", 1), ("e2", 1)]
    # unchanged e2 gets no new version; e1's toll is revised; e2 disappears on the third run
    history += next_versions([_rec("e1", 33), _rec("e2")], history, T2)
    assert [(v.event_id, v.version) for v in history][2:] == [("e1", 2)]
    history += next_versions([_rec("e1", 33)], history, T3)
    assert (history[-1].event_id, history[-1].retired) == ("e2", True)
    assert [r.killed_best for r in as_of(history, T1)] == [27, None]
    assert [(r.event_id, r.killed_best, r.version) for r in as_of(history, T2)] == [
        ("e1", 33, 2),
        ("e2", None, 1),
    ]
    assert [r.event_id for r in as_of(history, T3)] == ["e1"]
    assert as_of(history, datetime(2024, 1, 1, tzinfo=UTC)) == ()
    # nothing was rewritten: the first version still says 27
    assert history[0].record.killed_best == 27 and history[0].valid_from == T1


def test_a_retired_event_that_returns_gets_a_new_version() -> None:
    h = list(next_versions([_rec("e1")], [], T1))
    h += next_versions([], h, T2)
    h += next_versions([_rec("e1")], h, T3)
    assert [(v.version, v.retired) for v in h] == [(1, False), (2, True), (3, False)]
    assert replace(h[-1].record, version=0, valid_from=None) == _rec("e1")
