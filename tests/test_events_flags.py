"""Flags: headline vs body, place within an article, sourcing, counts, certainty."""

from __future__ import annotations

from events_factories import KURSK, UKRAINE, claim, meta
from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.events.flags import article_flags, event_flags
from fogofwar.events.model import Event
from fogofwar.events.reconcile import reconcile

TROOPS = (("North Korean forces", "actor", "PRK"),)


def _codes(flags) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(f.code.value for f in flags)


def test_headline_naming_a_subgroup_the_body_only_includes_is_flagged() -> None:
    body = claim(
        "a1",
        1,
        kind=ClaimKind.CASUALTIES,
        killed=8,
        qualifier="including senior officers",
        victims=("people",),
        source="a mercenary",
        source_kind=SourceKind.COMBATANT,
        via=("social media",),
        certainty=Certainty.CLAIMED,
        location=KURSK,
    )
    head = claim(
        "a1",
        0,
        kind=ClaimKind.CASUALTIES,
        killed=8,
        victims=("officers",),
        headline=True,
        certainty=Certainty.ASSERTED,
        location=KURSK,
    )
    flags = article_flags([head, body], {"a1-h0": "e1", "a1-b1": "e1"})
    # the group is overstated; dropping the attribution ("claimed" → "asserted") is not
    assert _codes(flags) == ["headline_overstates"]
    reasons = " | ".join(f.reason for f in flags)
    assert "8 people (including senior officers)" in reasons and "8 officers" in reasons
    spans = flags[0].spans
    assert [s.in_headline for s in spans] == [True, False]
    assert flags[0].event_id == "e1"


def test_headline_with_higher_toll_or_other_country() -> None:
    body = claim("a1", 1, killed=5)
    head = claim("a1", 0, killed=9, headline=True, location=KURSK)
    flags = article_flags([head, body])
    assert _codes(flags) == ["headline_contradicts", "headline_overstates"]


def test_faithful_headline_raises_nothing() -> None:
    assert article_flags([claim("a1", 0, killed=5, headline=True), claim("a1", 1, killed=5)]) == ()


def test_same_actors_placed_in_two_countries_within_one_article() -> None:
    deployed = claim("a1", 0, kind=ClaimKind.DEPLOYMENT, location=KURSK, actors=TROOPS, victims=())
    losses = claim(
        "a1", 1, kind=ClaimKind.CASUALTIES, location=UKRAINE, actors=TROOPS, victims=(), killed=8
    )
    elsewhere = claim(
        "a1", 2, location=UKRAINE, actors=(("Russian forces", "actor", "RUS"),), victims=()
    )
    flags = article_flags([deployed, losses, elsewhere])
    assert _codes(flags) == ["place_inconsistent"]
    assert "north korean forces placed in RUS and in UKR" in flags[0].reason
    assert {s.claim_id for s in flags[0].spans} == {"a1-b0", "a1-b1"}


def _event_flags(claims, metas):  # type: ignore[no-untyped-def]
    event = Event("e1", tuple(c.claim_id for c in claims))
    cmap = {c.claim_id: c for c in claims}
    mmap = {m.article_id: m for m in metas}
    return event_flags(event, cmap, mmap, reconcile(event, cmap, mmap))


def test_single_weak_source_event() -> None:
    c = claim("a1", killed=8, source=None, source_kind=SourceKind.UNNAMED)
    flags = _event_flags([c], [meta("a1")])
    assert _codes(flags) == ["single_source", "weak_sources"]


def test_social_media_relay_counts_as_weak() -> None:
    a = claim("a1", source="a fighter", source_kind=SourceKind.COMBATANT, via=("Telegram",))
    b = claim("a2", source=None, source_kind=SourceKind.SOCIAL_MEDIA)
    assert "weak_sources" in _codes(_event_flags([a, b], [meta("a1"), meta("a2")]))


def test_counts_disagree_between_sources() -> None:
    a = claim("a1", killed=100, source="Seoul intelligence service")
    b = claim("a2", killed=3000, source="President")
    flags = _event_flags([a, b], [meta("a1"), meta("a2", "2024-07-09")])
    assert _codes(flags) == ["counts_disagree"]
    assert "killed" in flags[0].reason and "100" in flags[0].reason and "3000" in flags[0].reason
    assert len(flags[0].spans) == 2


def test_certainty_lost_in_retelling() -> None:
    first = claim("a1", source="Governor", certainty=Certainty.CLAIMED)
    retold = claim("a2", source=None, source_kind=SourceKind.AUTHOR, certainty=Certainty.ASSERTED)
    flags = _event_flags([first, retold], [meta("a1"), meta("a2", "2024-07-09")])
    assert "certainty_lost" in _codes(flags)
    # a different, named source confirming later is not a retelling
    confirmed = claim("a3", source="Ministry", certainty=Certainty.CONFIRMED)
    flags = _event_flags([first, confirmed], [meta("a1"), meta("a3", "2024-07-09")])
    assert "certainty_lost" not in _codes(flags)


def test_headline_firm_where_the_body_only_hedges_is_flagged_compression_is_not() -> None:
    hedged = claim(
        "a1", 1, killed=5, source=None, source_kind=SourceKind.UNNAMED, certainty=Certainty.REPORTED
    )
    head = claim("a1", 0, killed=5, headline=True, certainty=Certainty.ASSERTED)
    flags = article_flags([head, hedged])
    assert _codes(flags) == ["headline_overstates"] and "body only reported" in flags[0].reason
    attributed = claim("a1", 1, killed=5, source="Governor", certainty=Certainty.CLAIMED)
    assert article_flags([head, attributed]) == ()


def test_headline_figure_any_body_figure_supports_is_not_overstated() -> None:
    early = claim("a1", 1, killed=12, source="Governor")
    later = claim("a1", 2, killed=14, source="Interior Ministry")
    head = claim("a1", 0, killed=14, headline=True)
    assert article_flags([head, early, later]) == ()


def test_counts_disagree_only_within_one_victim_group() -> None:
    people = claim("a1", killed=12, source="Governor", victims=("people",), victim_kind="other")
    fighters = claim(
        "a2",
        killed=(None, 30),
        source="Defence Ministry",
        victims=("militants",),
        victim_kind="armed_group",
    )
    flags = _event_flags([people, fighters], [meta("a1"), meta("a2", "2024-07-09")])
    assert "counts_disagree" not in _codes(flags)


def test_disputed_characterisation_and_superseded_figures() -> None:
    civil = claim("a1", killed=12, source="Governor", victims=("civilians",))
    military = claim(
        "a2",
        killed=(None, 30),
        source="Defence Ministry",
        victims=("militants",),
        victim_kind="armed_group",
    )
    revised = claim("a3", killed=14, source="Governor", victims=("civilians",))
    metas = [meta("a1"), meta("a2", "2024-07-09"), meta("a3", "2024-07-10")]
    flags = _event_flags([civil, military, revised], metas)
    codes = _codes(flags)
    assert "characterisation_disputed" in codes and "superseded" in codes
    sup = next(f for f in flags if f.code.value == "superseded")
    assert "12, later 14" in sup.reason and {s.claim_id for s in sup.spans} == {"a1-b0", "a3-b0"}
