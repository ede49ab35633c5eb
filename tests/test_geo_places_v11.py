"""Places, round 11 (local news): county lists written before their names or as a range, and
the recogniser's reading of a marked word carried to a given span (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _found(gaz: Gazetteer, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {
        m.surface: (m.location.normalized, m.location.admin1)
        for m in gaz.find(text, "en")
        if m.location is not None and not m.is_demonym
    }


def test_counties_named_after_the_plural(gaz: Gazetteer) -> None:
    """ "the counties of A, B and C", "counties — A, B and C": each name is its county."""
    text = "Voters in the counties of Boone, Clinton and Hamilton approved the school levy."
    found = _found(gaz, text)
    assert found["Boone"] == ("Boone County", "Indiana")
    assert found["Clinton"] == ("Clinton County", "Indiana")
    assert found["Hamilton"] == ("Hamilton County", "Indiana")
    text = "The census counted more people in three counties — Douglas, Lancaster and Sarpy."
    assert {a for _, a in _found(gaz, text).values()} == {"Nebraska"}


def test_counties_as_a_range(gaz: Gazetteer) -> None:
    """ "from A to B counties": both names are counties (Riley is no person here)."""
    text = "Snow closed the highway from Ellsworth to Riley counties on Friday."
    assert _found(gaz, text) == {
        "Ellsworth": ("Ellsworth County", "Kansas"),
        "Riley": ("Riley County", "Kansas"),
    }


def test_one_name_after_the_plural_is_no_list(gaz: Gazetteer) -> None:
    """A single capitalised word after "counties" is no list: nothing is forced."""
    text = "Officials in both counties Monday said the roads were clear."
    assert "Monday" not in _found(gaz, text)


def test_given_span_takes_the_county_reading(gaz: Gazetteer) -> None:
    """Gold spans of a county list resolve to the counties, not to towns elsewhere."""
    text = "Growth was fastest in Douglas, Lancaster and Sarpy counties last year."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Douglas", "Lancaster", "Sarpy")]
    got = [m.location for m in gaz.resolve(text, spans, "en")]
    assert [(loc.normalized, loc.admin1) for loc in got if loc is not None] == [
        ("Douglas County", "Nebraska"),
        ("Lancaster County", "Nebraska"),
        ("Sarpy County", "Nebraska"),
    ]


def test_given_span_takes_the_party_home(gaz: Gazetteer) -> None:
    """ "Jane Roe, D-Braxton": the legislator's home county, given as a span too."""
    text = "The bill's sponsors are Delegates Jane Roe, D-Braxton, and John Doe, R-Kanawha."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Braxton", "Kanawha")]
    got = [m.location for m in gaz.resolve(text, spans, "en")]
    assert [loc.admin1 for loc in got if loc is not None] == ["West Virginia", "West Virginia"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Refugees from Bosnia and Herzegovina reached the border on Monday.", "en"),
        ("Flüchtlinge aus Bosnien und Herzegowina erreichten am Montag die Grenze.", "de"),
        ("I profughi dalla Bosnia ed Erzegovina sono arrivati lunedì.", "it"),
        ("Беженцы из Боснии и Герцеговины прибыли в понедельник.", "ru"),
        ("Біженці з Боснії і Герцеговини прибули в понеділок.", "uk"),
        ("Los refugiados de Bosnia y Herzegovina llegaron el lunes.", "es"),
        ("Les réfugiés de Bosnie-Herzégovine sont arrivés lundi.", "fr"),
    ],
)
def test_country_name_with_and(gaz: Gazetteer, text: str, lang: str) -> None:
    """A country's name joined by "and" ("Bosnia and Herzegovina", "Trinidad and Tobago") is
    one name in every language, not two words that name nothing."""
    found = [m.location.normalized for m in gaz.find(text, lang) if m.location is not None]
    assert found == ["Bosnia and Herzegovina"]


def test_towns_joined_by_and_stay_apart(gaz: Gazetteer) -> None:
    """ "and" joins two names only where the gazetteer has the whole: "Kharkiv and Sumy" are
    two towns."""
    found = [m.surface for m in gaz.find("Drones struck Kharkiv and Sumy overnight.", "en")]
    assert found == ["Kharkiv", "Sumy"]


def test_adjective_before_people_is_no_town(gaz: Gazetteer) -> None:
    """ "Young men", "Local women": an adjective opening a sentence, no town."""
    assert gaz.find("Young men lingered outside after the service.", "en") == ()


def test_car_models_are_no_places(gaz: Gazetteer) -> None:
    """ "a red Dodge Durango", "the Durango" after it, "a 1998 Honda" and "the Honda's
    driver": cars, not Durango (Mexico) or Honda (Colombia); the town the text names stays."""
    text = (
        "A blue Dodge Durango followed the victims from the party in Arlington. Shots fired "
        "from the Durango hit the rear window of their 1998 Honda, and the Honda's driver was "
        "hurt."
    )
    assert [m.surface for m in gaz.find(text, "en")] == ["Arlington"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Fahrer eines Jeep Cherokee wurde in Tulsa festgenommen.", "de"),
        ("El conductor de un Jeep Cherokee fue detenido en Tulsa.", "es"),
        ("Водителя автомобиля Jeep Cherokee задержали в Талсе.", "ru"),
    ],
)
def test_car_model_in_other_languages(gaz: Gazetteer, text: str, lang: str) -> None:
    """Makes are written alike in every language: the model is no place there either."""
    assert "Cherokee" not in [m.surface for m in gaz.find(text, lang)]


def test_town_of_a_make_name_stays_a_town(gaz: Gazetteer) -> None:
    """A make's name used for its town ("Lincoln, Nebraska") is no car without a year or a
    model."""
    assert "Lincoln" in [m.surface for m in gaz.find("Lincoln, Nebraska, voted Tuesday.", "en")]


def test_name_before_a_border_is_the_area(gaz: Gazetteer) -> None:
    """ "the New York border" is the state's edge, not New York City; "the Georgia state line"
    the US state's, not the country's."""
    text = "Tolls run from the New York border to Route 128 in Massachusetts."
    found = {m.surface: m.location for m in gaz.find(text, "en")}
    assert found["New York"] is not None and found["New York"].precision == "admin1"
    text = "Traffic backed up for miles near the Georgia state line on Friday."
    found = {m.surface: m.location for m in gaz.find(text, "en")}
    loc = found["Georgia"]
    assert loc is not None and (loc.country, loc.precision) == ("USA", "admin1")
    span = (text.index("Georgia"), text.index("Georgia") + len("Georgia"))
    given = gaz.resolve(text, [span], "en")[0].location
    assert given is not None and given.country == "USA"


def test_town_before_a_border_without_an_area_stays(gaz: Gazetteer) -> None:
    """A town with no area of its name keeps its towns ("the El Paso border crossing")."""
    text = "Trucks waited at the El Paso border crossing for hours."
    assert [m.location.normalized for m in gaz.find(text, "en") if m.location] == ["El Paso"]
