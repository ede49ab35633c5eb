"""Linking that survives names and dates (issue #11 item 3): windows that do not creep,
towns named only as landmarks, background sentences in every pack language, victim categories
that say nothing about which event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from events_factories import KYIV, claim, meta
from fogofwar.claim import Location
from fogofwar.events.blocking import MemoryLinkIndex
from fogofwar.events.context import context_reason, near_place
from fogofwar.events.linking import link_articles
from fogofwar.events.scoring import absorb, features, new_profile, score
from fogofwar.model import Span

ODESA = Location(
    "Odesa",
    normalized="Odesa",
    geonames_id=698740,
    country="UKR",
    admin1="Odesa Oblast",
    precision="point",
)


def test_accounts_a_day_apart_do_not_walk_an_event_along_the_calendar() -> None:
    pub = date(2024, 7, 20)
    e = new_profile("e1", features(claim("a1", day="2024-07-10"), pub), 0)
    e = absorb(e, features(claim("a2", day="2024-07-11"), pub))
    # both accounts allow only the days they share
    assert (e.start, e.end) == (date(2024, 7, 10).toordinal(), date(2024, 7, 11).toordinal())
    later, reasons = score(features(claim("a3", day="2024-07-13"), pub), e)
    assert later == 0.0 and reasons[0].field == "time"


def test_a_town_named_as_a_landmark_places_the_event_in_its_region() -> None:
    text = "Drones hit the grain terminal near Odesa overnight."
    start = text.index("Odesa")
    loc = replace(ODESA, span=Span(start, start + 5))
    c = claim("a1", location=loc, span=(0, len(text)))
    m = meta("a1", text=text)
    assert near_place(c, m)
    inside = "Drones hit the port of Odesa overnight."
    at = inside.index("Odesa")
    assert not near_place(
        claim("a2", location=replace(ODESA, span=Span(at, at + 5))), meta("a2", text=inside)
    )


def test_the_landmark_town_does_not_join_a_strike_on_the_town_itself() -> None:
    near = "Drones hit a terminal near Odesa overnight."
    at = near.index("Odesa")
    m1 = meta("a1", "2024-07-19", text=near)
    c1 = claim("a1", location=replace(ODESA, span=Span(at, at + 5)), day="2024-07-19")
    index = MemoryLinkIndex()
    (d1,) = link_articles([m1], {"a1": [c1]}, index)
    (profile,) = d1.profiles
    assert ODESA.geonames_id not in profile.places and profile.admin1s == {"UKR/odesa oblast"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike came two days after Moscow left the grain deal.",
        "Der Angriff erfolgte zwei Tage nach dem Ende des Getreideabkommens.",
        "Накануне Москва вышла из зерновой сделки.",
        "Напередодні Москва вийшла із зернової угоди.",
        "La frappe est survenue deux jours après la fin de l'accord.",
        "El ataque se produjo dos días después del fin del acuerdo.",
        "L'attacco è avvenuto due giorni dopo la fine dell'accordo.",
    ],
)
def test_background_sentences_in_every_pack_language(sentence: str) -> None:
    c = claim("a1", location=KYIV, span=(0, len(sentence)), killed=3)
    assert context_reason(c, meta("a1", text=sentence)) == "background"


def test_victim_categories_are_no_evidence_of_one_event() -> None:
    pub = date(2024, 7, 8)
    e = new_profile("e1", features(claim("a1", actors=(), killed=2), pub), 0)
    _, reasons = score(features(claim("a2", actors=(), killed=2), pub), e)
    actors = next(r for r in reasons if r.field == "actors")
    assert actors.detail == "actors unknown"
    named = claim("a3", actors=(("Russian forces", "actor", "RUS"),))
    assert "@RUS" in features(named, pub).actors


def test_expected_groups_map_onto_reconciled_groups() -> None:
    from fogofwar.evaluation.events_checks import figure_for
    from fogofwar.evaluation.events_expected import ExpectedCount
    from fogofwar.events.reconcile import Figure

    people = Figure("killed", 12, 14, 14, None, (), False, group="people")
    kids = Figure("killed", 4, 4, 4, None, (), False, group="civilians/children")
    fighters = Figure("killed", 30, 30, None, None, (), False, group="combatants/RUS")
    figs = (people, kids, fighters)
    assert figure_for(figs, ExpectedCount("civilians", "killed", 12, 14, 14)) is people
    assert figure_for(figs, ExpectedCount("children", "killed", 4, 4, 4)) is kids
    assert figure_for(figs, ExpectedCount("combatants:russia", "killed", 30, None, 30)) is fighters
    assert figure_for(figs, ExpectedCount("civilians", "injured", 1, 1, 1)) is None


def test_reconciliation_checks_score_the_dev2_expectations() -> None:
    from fogofwar.evaluation.events_checks import evaluate_reconciliation

    report = evaluate_reconciliation("dev2")
    values = {m.metric: m for m in report.metrics}
    assert set(values) == {
        "figures",
        "superseded",
        "flags_raised",
        "flags_withheld",
        "headlines",
        "citations",
    }
    assert all(0.0 <= m.value <= 1.0 and m.n > 0 for m in values.values())
