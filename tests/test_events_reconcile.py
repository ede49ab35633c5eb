"""Casualty reconciliation: per-source figures, low/high, ACLED-conservative best."""

from __future__ import annotations

from events_factories import claim, meta
from fogofwar.claim import SourceKind
from fogofwar.events.model import Event
from fogofwar.events.reconcile import reconcile


def _run(claims, metas):  # type: ignore[no-untyped-def]
    event = Event("e1", tuple(c.claim_id for c in claims))
    return reconcile(event, {c.claim_id: c for c in claims}, {m.article_id: m for m in metas})


def test_best_is_lowest_identifiable_current_figure() -> None:
    claims = [
        claim("a1", killed=27, source="Mayor"),
        claim("a2", killed=33, source="Mayor"),  # the mayor's revised toll
        claim("a3", killed=31, source="Interior Ministry"),
        claim("a4", killed=20, source=None, source_kind=SourceKind.UNNAMED),
    ]
    metas = [
        meta("a1", "2024-07-08"),
        meta("a2", "2024-07-09"),
        meta("a3", "2024-07-09"),
        meta("a4", "2024-07-09"),
    ]
    killed = _run(claims, metas).get("killed")
    assert killed is not None
    assert (killed.low, killed.high) == (20, 33)
    assert killed.best == 31 and killed.best_source == "Interior Ministry"
    assert [(f.source, f.value, f.current) for f in killed.figures] == [
        ("Mayor", 27, False),
        ("Interior Ministry", 31, True),
        ("Mayor", 33, True),
        ("unnamed sources", 20, True),
    ]
    assert killed.disagreement


def test_same_figure_from_wire_copies_counts_once_and_headline_is_ignored() -> None:
    claims = [
        claim("a1", killed=8, source=None, source_kind=SourceKind.AUTHOR),
        claim("a2", killed=8, source=None, source_kind=SourceKind.AUTHOR),
        claim("a2", 1, killed=12, headline=True),
    ]
    metas = [meta("a1", outlet="wire", dup_group="a1"), meta("a2", outlet="portal", dup_group="a1")]
    killed = _run(claims, metas).get("killed")
    assert killed is not None and len(killed.figures) == 1
    assert (killed.low, killed.high, killed.best, killed.disagreement) == (8, 8, 8, False)


def test_only_unnamed_sources_give_no_best_and_open_bounds_stay_open() -> None:
    claims = [
        claim("a1", killed=(10, None), source=None, source_kind=SourceKind.UNNAMED),
        claim("a2", killed=(None, 15), source="Governor"),
    ]
    killed = _run(claims, [meta("a1"), meta("a2")]).get("killed")
    assert killed is not None
    assert (killed.low, killed.high) == (10, 15)
    assert killed.best == 15  # the governor's "up to 15" is the only identifiable figure
    assert not killed.disagreement  # 10.. and ..15 overlap
    only = _run(claims[:1], [meta("a1")]).get("killed")
    assert only is not None and only.best is None


def test_event_without_figures_has_none() -> None:
    assert _run([claim("a1")], [meta("a1")]).figures == ()


def test_open_at_least_is_superseded_by_a_later_higher_toll_and_low_never_exceeds_high() -> None:
    claims = [
        claim("a1", killed=(27, None), source="Interior Minister"),
        claim("a2", killed=33, source="City administration"),
        claim("a3", killed=(101, None), source="Emergency service"),
    ]
    metas = [meta("a1", "2024-07-08"), meta("a2", "2024-07-09"), meta("a3", "2024-07-07")]
    killed = _run(claims[:2], metas).get("killed")
    assert killed is not None and (killed.low, killed.high, killed.best) == (27, 33, 33)
    assert not killed.disagreement
    odd = _run([claims[2], claim("a2", killed=(None, 35), source="Mayor")], metas).get("killed")
    assert odd is not None and odd.low is not None and odd.high is not None
    assert odd.low <= odd.high
