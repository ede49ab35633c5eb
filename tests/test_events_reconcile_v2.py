"""Reconciliation v2 (issue #11): subgroup figures in qualifiers, the range over standing
figures, one day's rising toll, English source names in any language, forces as targets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from events_factories import claim, meta
from fogofwar.claim import ActorRef, SourceKind
from fogofwar.events.disputes import characterisation
from fogofwar.events.flags import article_flags
from fogofwar.events.model import ArticleMeta, Event, FlagCode
from fogofwar.events.provenance import StoredAccounts
from fogofwar.events.reconcile import Reconciliation, reconcile
from fogofwar.events.sources import source_of
from fogofwar.events.subgroups import qualifier_subgroups


def _run(claims, metas) -> Reconciliation:  # type: ignore[no-untyped-def]
    event = Event("e1", tuple(c.claim_id for c in claims))
    return reconcile(event, {c.claim_id: c for c in claims}, {m.article_id: m for m in metas})


@pytest.mark.parametrize(
    ("lang", "qualifier", "value"),
    [
        ("en", "among them five children", 5),
        ("de", "unter ihnen fünf Kinder", 5),
        ("fr", "parmi lesquels cinq enfants", 5),
        ("es", "entre ellos cinco niños", 5),
        ("it", "tra cui cinque bambini", 5),
        ("ru", "в том числе пятеро детей", 5),
        ("uk", "з них п'ятеро дітей", 5),
    ],
)
def test_a_child_figure_in_the_qualifier_is_a_children_subgroup(
    lang: str, qualifier: str, value: int
) -> None:
    c = claim("a1", killed=11, qualifier=qualifier, lang=lang)
    assert c.counts.killed is not None
    parts = qualifier_subgroups(c, c.counts.killed)
    assert [(p.group, p.low) for p in parts] == [("civilians/children", value)]


def test_a_qualifier_without_a_figure_or_larger_than_the_total_gives_no_subgroup() -> None:
    for q in ("half of them women and children", "including 40 children"):
        c = claim("a1", killed=11, qualifier=q)
        assert c.counts.killed is not None and qualifier_subgroups(c, c.counts.killed) == ()


def test_children_are_reconciled_apart_and_revised_per_source() -> None:
    claims = [
        claim("a1", killed=11, qualifier="among them two children", source="Governor"),
        claim("a2", killed=16, qualifier="including four children", source="Governor"),
    ]
    rec = _run(claims, [meta("a1", "2024-07-08"), meta("a2", "2024-07-09")])
    total = rec.get("killed")
    kids = next(f for f in rec.groups("killed") if f.group == "civilians/children")
    assert total is not None and (total.low, total.best, total.high) == (16, 16, 16)
    assert (kids.low, kids.best, kids.high) == (4, 4, 4)
    assert [f.value for f in kids.figures if f.superseded] == [2]
    assert kids.best_claim == "a2-b0"


def test_the_range_leaves_out_figures_their_own_source_revised() -> None:
    claims = [
        claim("a1", killed=6, source="Governor"),
        claim("a2", killed=10, source="Governor"),
        claim("a3", killed=8, source="Police"),
    ]
    metas = [meta("a1", "2024-07-08"), meta("a2", "2024-07-10"), meta("a3", "2024-07-09")]
    killed = _run(claims, metas).get("killed")
    assert killed is not None and (killed.low, killed.best, killed.high) == (8, 10, 10)
    assert killed.low_claim == "a3-b0"
    assert [f.value for f in killed.figures if f.superseded] == [6]


def test_on_one_day_the_higher_toll_of_a_source_is_its_later_one() -> None:
    claims = [
        claim("b2", killed=(30, None), source="Health Ministry"),
        claim("a1", killed=(41, None), source="Health Ministry"),
    ]
    killed = _run(claims, [meta("b2"), meta("a1")]).get("killed")
    assert killed is not None and killed.best == 41
    assert [f.value for f in killed.figures if f.superseded] == [30]


def test_a_restated_figure_with_another_bound_is_not_a_revision() -> None:
    claims = [
        claim("a1", killed=(12, None), source="Governor"),
        claim("a2", killed=12, source="Governor"),
    ]
    killed = _run(claims, [meta("a1"), meta("a2", "2024-07-09")]).get("killed")
    assert killed is not None and not any(f.superseded for f in killed.figures)


def test_an_english_source_name_resolves_in_an_article_of_another_language() -> None:
    a = claim("a1", source="Ministry of Internal Affairs of Ukraine", lang="de")
    b = claim("a2", source="МВС України", lang="uk")
    assert source_of(a, meta("a1")).key == source_of(b, meta("a2")).key == "actor:ukr-mvs"


def test_a_force_as_victim_characterises_the_target_as_military() -> None:
    c = claim("a1", victims=("Ukrainian units",), victim_kind="state_forces", victim_country="UKR")
    assert characterisation(c, meta("a1")) == "military"


def test_women_in_a_qualifier_are_a_subgroup_never_the_total() -> None:
    c = claim("a1", killed=30, qualifier="among them eleven women")
    rec = _run([c], [meta("a1")])
    total = rec.get("killed")
    women = next(f for f in rec.groups("killed") if f.group == "civilians/women")
    assert total is not None and total.best == 30 and women.best == 11


@pytest.mark.parametrize("word", ["militants", "Kämpfer", "боевиков", "terroristes"])
def test_victims_called_fighters_are_fighters_whatever_their_kind(word: str) -> None:
    c = claim("a1", killed=6, victims=(word,), victim_kind="other")
    rec = _run([c], [meta("a1")])
    assert [f.group for f in rec.groups("killed")] == ["combatants/?"]


def test_a_minister_and_the_ministry_are_one_source_in_any_script() -> None:
    a = claim("a1", source="Interior Minister Ihor Klymenko")
    b = claim("a2", source="Ігор Клименко", lang="uk")
    c = claim("a3", source="минздрав Газы", lang="ru")
    d = claim("a4", source="ministère de la Santé de Gaza", lang="fr")
    assert source_of(a, meta("a1")).key == source_of(b, meta("a2")).key == "actor:ukr-mvs"
    assert source_of(c, meta("a3")).key == source_of(d, meta("a4")).key


def test_a_force_as_target_is_military_only_from_the_other_side_or_an_armed_source() -> None:
    rsf = (ActorRef("Rapid Support Forces", "target", kind="armed_group", country="SDN"),)
    own = replace(claim("a1", source="Sudanese Ministry of Health"), actors=rsf)
    other = replace(claim("a2", source="Russian defence ministry"), actors=rsf)
    assert characterisation(own, meta("a1")) is None
    assert characterisation(other, meta("a2")) == "military"


def test_an_armys_own_toll_of_a_foreign_force_it_struck_counts_that_forces_fighters() -> None:
    target = (ActorRef("Hezbollah", "target", kind="armed_group", country="LBN"),)
    army = replace(
        claim("a1", killed=4, source="Israel Defense Forces", source_kind=SourceKind.MILITARY),
        actors=target,
    )
    ministry = replace(claim("a2", killed=4, source="Lebanese Health Ministry"), actors=target)
    assert [f.group for f in _run([army], [meta("a1")]).groups("killed")] == ["combatants/LBN"]
    assert [f.group for f in _run([ministry], [meta("a2")]).groups("killed")] == ["people"]


@pytest.mark.parametrize(
    "title",
    [
        "said the head of the regional military administration",
        "сообщил глава областной военной администрации",
        "повідомив голова обласної військової адміністрації",
        "teilte der Chef der regionalen Militärverwaltung mit",
    ],
)
def test_a_governors_military_administration_title_names_no_military_target(title: str) -> None:
    text = f"A rocket hit the town, killing three people, {title}."
    c = claim("a1", killed=3, victims=(), source="Governor", span=(0, len(text)))
    assert characterisation(c, meta("a1", text=text)) is None
    soldiers = f"A rocket hit a military base, killing three, {title}."
    d = claim("a1", killed=3, victims=(), source="Governor", span=(0, len(soldiers)))
    assert characterisation(d, meta("a1", text=soldiers)) == "military"


def test_an_article_naming_a_stored_outlet_in_its_text_cites_that_outlets_account() -> None:
    early = ArticleMeta("a1", date(2024, 7, 8), "harbourpost.example", "en", "", "Six died.")
    text = "Six people died, the Harbour Post reported, citing the mayor."
    late = ArticleMeta("a2", date(2024, 7, 9), "other.example", "en", "", text)
    plain = ArticleMeta("a3", date(2024, 7, 9), "third.example", "en", "", "Six people died.")
    metas = {m.article_id: m for m in (early, late, plain)}
    stored = StoredAccounts(["a1", "a2", "a3"], metas)
    assert stored.outlet_links("a2") == [("Harbour Post", "via", "a1")]
    assert stored.outlet_links("a3") == []
    assert stored.outlet_links("a1") == []  # a report never cites a later one


@pytest.mark.parametrize(
    ("head", "body", "flagged"),
    [(3000, 2900, False), (50, 47, False), (200, 54, True), (13, 12, True), (30, 25, True)],
)
def test_a_headline_rounding_its_body_figure_up_is_compression(
    head: int, body: int, flagged: bool
) -> None:
    claims = [claim("a1", killed=(None, head), headline=True), claim("a1", 1, killed=body)]
    flags = article_flags(claims)
    assert any(f.code is FlagCode.HEADLINE_OVERSTATES for f in flags) is flagged


def test_a_registry_figure_spelt_another_way_is_that_figure() -> None:
    assert source_of(claim("a1", source="Ihor Klimenko", lang="es"), meta("a1")).key == (
        "actor:ukr-mvs"
    )
    assert source_of(claim("a1", source="Wolodymyr Selenskyj", lang="de"), meta("a1")).key == (
        "actor:p-zelensky"
    )


def test_one_persons_russian_and_ukrainian_name_forms_are_one_source_in_an_event() -> None:
    claims = [
        claim("a1", killed=4, source="Сергей Лысак", lang="ru"),
        claim("a2", killed=6, source="Serhiy Lysak"),
        claim("a3", killed=5, source="Ivan Petrova"),
        claim("a4", killed=5, source="Ivan Petrov"),
    ]
    metas = [meta("a1"), meta("a2", "2024-07-09"), meta("a3"), meta("a4")]
    killed = _run(claims, metas).get("killed")
    assert killed is not None
    assert [f.value for f in killed.figures if f.superseded] == [4]
    assert len({f.source_key for f in killed.figures}) == 3


_WOMAN = ("civilians/women", 1)


@pytest.mark.parametrize(
    ("lang", "qualifier", "parts"),
    [
        ("en", "among them a teenage girl", [("civilians/children", 1)]),
        ("de", "darunter eine Frau und ihr Baby", [("civilians/children", 1), _WOMAN]),
        ("ru", "среди них восьмилетний мальчик", [("civilians/children", 1)]),
        ("uk", "серед них жінка", [("civilians/women", 1)]),
        ("fr", "dont des enfants", []),
    ],
)
def test_singular_child_and_woman_nouns_in_a_qualifier_count_one_each(
    lang: str, qualifier: str, parts: list[tuple[str, int]]
) -> None:
    c = claim("a1", killed=7, qualifier=qualifier, lang=lang)
    assert c.counts.killed is not None
    found = sorted((p.group, p.low) for p in qualifier_subgroups(c, c.counts.killed))
    assert found == parts
