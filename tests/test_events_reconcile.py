"""Casualty reconciliation: per source and victim group, superseded figures, the best rule."""

from __future__ import annotations

from events_factories import claim, meta
from fogofwar.claim import Certainty, SourceKind
from fogofwar.events.model import Event
from fogofwar.events.reconcile import reconcile


def _run(claims, metas):  # type: ignore[no-untyped-def]
    event = Event("e1", tuple(c.claim_id for c in claims))
    return reconcile(event, {c.claim_id: c for c in claims}, {m.article_id: m for m in metas})


def test_best_is_latest_figure_of_the_most_authoritative_sources_lowest_that_day() -> None:
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
        ("Mayor", 33, True),
        ("Interior Ministry", 31, True),
        ("unnamed sources", 20, True),
    ]
    assert killed.figures[0].superseded and killed.figures[0].superseded_by == "a2-b0"
    assert killed.best_claim == "a3-b0" and killed.low_claim == "a4-b0"
    assert killed.high_claim == "a2-b0"
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


def _strike():  # type: ignore[no-untyped-def]
    """Six reports of one strike: governor 12/47, a subgroup of 4 injured children, the
    interior ministry's later 14/52, an anonymous "could rise to 20", the attacker's "up to 30
    militants"."""
    return [
        claim(
            "g1", killed=12, injured=47, source="Governor", victims=("people",), victim_kind="other"
        ),
        claim("g2", injured=4, source="Governor", victims=("children",), victim_kind="civilians"),
        claim(
            "m1",
            killed=14,
            injured=52,
            source="Interior Ministry",
            victims=("people",),
            victim_kind="other",
        ),
        claim(
            "u1",
            killed=20,
            source=None,
            source_kind=SourceKind.UNNAMED,
            certainty=Certainty.HYPOTHETICAL,
            victims=(),
        ),
        claim(
            "r1",
            killed=(None, 30),
            source="Russian defence ministry",
            source_kind=SourceKind.MILITARY,
            victims=("militants",),
            victim_kind="armed_group",
        ),
    ], [
        meta("g1", "2024-07-08"),
        meta("g2", "2024-07-08"),
        meta("m1", "2024-07-09"),
        meta("u1", "2024-07-09"),
        meta("r1", "2024-07-09"),
    ]


def test_groups_are_reconciled_apart_and_a_subgroup_never_stands_for_the_total() -> None:
    claims, metas = _strike()
    rec = _run(claims, metas)
    killed, injured = rec.get("killed"), rec.get("injured")
    assert killed is not None and injured is not None
    assert (killed.group, killed.low, killed.high, killed.best) == ("people", 12, 14, 14)
    assert killed.best_source == "Interior Ministry"  # the latest official figure
    assert (injured.group, injured.best) == ("people", 52)  # not the 4 children
    children = [f for f in rec.groups("injured") if f.group == "civilians/children"]
    assert [f.best for f in children] == [4]
    fighters = [f for f in rec.groups("killed") if f.group.startswith("combatants/")]
    assert [(f.high, f.best) for f in fighters] == [(30, 30)]  # never mixed into civilians
    hypothetical = next(f for f in killed.figures if f.claim_id == "u1-b0")
    assert not hypothetical.counted and killed.high == 14  # "could rise to 20" is not a toll


def test_one_source_in_several_languages_is_one_source() -> None:
    claims = [
        claim("r1", killed=10, source="Russian defence ministry", source_kind=SourceKind.MILITARY),
        claim(
            "r2",
            killed=12,
            source="Минобороны РФ",
            source_kind=SourceKind.MILITARY,
            lang="ru",
        ),
        claim(
            "r3",
            killed=12,
            source="das russische Verteidigungsministerium",
            source_kind=SourceKind.MILITARY,
            lang="de",
        ),
    ]
    metas = [meta("r1", "2024-07-08"), meta("r2", "2024-07-09"), meta("r3", "2024-07-10")]
    killed = _run(claims, metas).get("killed")
    assert killed is not None
    assert {f.source for f in killed.figures} == {"Russian Ministry of Defence"}
    assert [f.current for f in killed.figures] == [False, False, True]
    assert not killed.disagreement and killed.best == 12
