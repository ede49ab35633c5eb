"""Places v2, second round (issue #11, item 6): reference points of large regions and seas,
given spans named by part of their words or by a demonym, metonyms, airports, other names of
first-level regions, regions holding another toponym's town, and person names.

Every sentence here was written for these tests (no dataset text).
"""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer, PlaceMention
from fogofwar.geo.nearby import km_between


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _mention(gaz: Gazetteer, text: str, surface: str) -> PlaceMention:
    for m in gaz.find(text, "en"):
        if m.surface == surface:
            return m
    raise AssertionError(f"{surface!r} not found in {[m.surface for m in gaz.find(text, 'en')]}")


def _given(gaz: Gazetteer, text: str, surface: str) -> PlaceMention:
    start = text.index(surface)
    (m,) = gaz.resolve(text, [(start, start + len(surface))], "en")
    return m


# GeoNames' own points (ADM1 features, seas, regions), where the middle of a region's towns
# lies far from them: (sentence, surface, lat, lon)
POINTS = [
    ("Wildfires spread across Ontario this week.", "Ontario", 49.25, -84.5),
    ("Oil sands jobs returned to Alberta.", "Alberta", 52.28, -117.47),
    ("Snow closed schools across Saskatchewan.", "Saskatchewan", 54.0, -106.0),
    ("A quake shook Alaska before dawn.", "Alaska", 64.0, -150.0),
    ("Voters in Virginia went to the polls.", "Virginia", 37.55, -77.45),
    ("Rail strikes spread across England.", "England", 52.16, -0.7),
    ("Diplomats toured the Middle East.", "Middle East", 33.14, 35.86),
    ("Storms crossed the Indian Ocean.", "Indian Ocean", -10.0, 70.0),
    ("Migrants set out across the Mediterranean.", "Mediterranean", 35.0, 20.0),
    ("Smugglers moved through North Africa.", "North Africa", 32.95, 9.98),
]


@pytest.mark.parametrize(("text", "surface", "lat", "lon"), POINTS)
def test_large_areas_sit_at_geonames_points(
    gaz: Gazetteer, text: str, surface: str, lat: float, lon: float
) -> None:
    loc = _mention(gaz, text, surface).location
    assert loc is not None and loc.lat is not None and loc.lon is not None
    assert km_between(loc.lat, loc.lon, lat, lon) < 50


# regions placed from their own towns, with a few villages across a border given to them
# dropped: (sentence, surface, lat, lon) of the region's middle
FROM_TOWNS = [
    ("Floods hit Heilongjiang this summer.", "Heilongjiang", 48.0, 128.0),
    ("Steel mills in Hebei were told to cut output.", "Hebei", 39.0, 116.0),
    ("Factories in Jiangsu reopened.", "Jiangsu", 33.0, 120.0),
]


@pytest.mark.parametrize(("text", "surface", "lat", "lon"), FROM_TOWNS)
def test_region_points_leave_stray_towns_out(
    gaz: Gazetteer, text: str, surface: str, lat: float, lon: float
) -> None:
    loc = _mention(gaz, text, surface).location
    assert loc is not None and loc.lat is not None and loc.lon is not None
    assert loc.precision == "admin1" and km_between(loc.lat, loc.lon, lat, lon) < 161


# (sentence, given span, the place's name, country or None for a multi-country area)
GIVEN = [
    ("A Paris court heard the Council of Europe case.", "Council of Europe", "Europe", None),
    ("Students at the University of California in Davis marched.", "University of California",
     "California", "USA"),
    ("Protesters gathered outside the British Embassy in Moscow.", "British Embassy",
     "United Kingdom", "GBR"),
    ("Farmers in Lyon lobbied the European Commission.", "European Commission", "Europe", None),
    ("Tankers waited off Dubai as tension in the Gulf rose.", "Gulf", "Persian Gulf", None),
    ("Western diplomats in Kyiv met on Monday.", "Western", "Western Europe", None),
    ("Drones hit two ships in the Red Sea off Yemen.", "Red Sea", "Red Sea", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "surface", "name", "country"), GIVEN)
def test_given_spans_name_their_area(
    gaz: Gazetteer, text: str, surface: str, name: str, country: str | None
) -> None:
    loc = _given(gaz, text, surface).location
    assert loc is not None and loc.normalized == name and loc.country == country


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Aides in Washington met in the West Wing on Friday.", "West Wing"),
        ("Traffic on Georgia Avenue in Philadelphia was slow.", "Georgia Avenue"),
        ("Sailors from Toronto crossed Lake Ontario at night.", "Lake Ontario"),
        ("Patients in Dublin were moved to Quillmore Hospital.", "Quillmore Hospital"),
        ("Cyclists in Toronto rode down Quillmore Avenue West.", "Quillmore Avenue West"),
    ],
)
def test_streets_and_rooms_named_after_an_area_stay_in_the_texts_place(
    gaz: Gazetteer, text: str, surface: str
) -> None:
    loc = _given(gaz, text, surface).location
    assert loc is not None and loc.geonames_id is None  # somewhere in the text's place


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Passengers were stranded at Heathrow for hours.", "Heathrow",
         "London Heathrow Airport", "GBR"),
        ("He landed at Gatwick Airport after midnight.", "Gatwick Airport",
         "London Gatwick Airport", "GBR"),
        ("Farmers in Bavaria blocked the roads.", "Bavaria", "Bavaria", "DEU"),
        ("The Walloon Region blocked the treaty.", "Walloon Region", "Wallonia", "BEL"),
    ],
)  # fmt: skip
def test_airports_and_other_region_names(
    gaz: Gazetteer, text: str, surface: str, name: str, country: str
) -> None:
    loc = _mention(gaz, text, surface).location
    assert loc is not None and (loc.normalized, loc.country) == (name, country)


def test_a_capital_is_no_stray_hamlet(gaz: Gazetteer) -> None:
    text = "London doctors said a hospital near the Vatican in Rome offered to help. London agreed."
    loc = _given(gaz, text, "Vatican").location
    assert loc is not None and loc.country == "VAT" and loc.geonames_id is not None


def test_a_metonym_span_is_the_seat_of_government(gaz: Gazetteer) -> None:
    loc = _given(gaz, "The White House said the talks in Ohio would go on.", "White House").location
    assert loc is not None and loc.lat is not None and loc.lon is not None
    assert km_between(loc.lat, loc.lon, 38.9, -77.04) < 20  # Washington, D.C.


def test_town_inside_a_region_another_toponym_names(gaz: Gazetteer) -> None:
    text = "Deputies in Albany arrested a man on Tuesday, the Georgia Bureau of Investigation said."
    albany = _mention(gaz, text, "Albany").location
    georgia = _mention(gaz, text, "Georgia").location
    assert albany is not None and (albany.country, albany.admin1) == ("USA", "Georgia")
    assert georgia is not None and (georgia.country, georgia.precision) == ("USA", "admin1")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Hailey said the plan was fine. Later, said Hailey, it changed.", "Hailey"),
        ("The vote was close, said Kaser. Kaser said the council would vote again.", "Kaser"),
        ("He joined the Chamber of Commerce last year.", "Commerce"),
        ("She ran the Department of Human Services for a decade.", "Human"),
        ("Part of the plan failed.", "Part"),
        ("Farmers in western Iowa waited for rain.", "western"),
        ("The convoy left. Tell us what you saw.", "Tell"),
        ("Police questioned Ms. Denton on Friday. Denton was later released.", "Denton"),
        ("The council met at City Hall on Monday.", "Hall"),
        ("In its reply, the Centre asked the court for more time.", "Centre"),
    ],
)
def test_speakers_bodies_and_common_words_are_not_places(
    gaz: Gazetteer, text: str, word: str
) -> None:
    assert word not in [m.surface for m in gaz.find(text, "en")]


@pytest.mark.parametrize(
    ("text", "surface", "name", "demonym"),
    [
        ("The Sri Lankan navy sank a trawler.", "Sri Lankan", "Sri Lanka", True),
        ("Latin American leaders met in Lima.", "Latin American", "Latin America", True),
        ("Ferries to New Zealand were cancelled.", "New Zealand", "New Zealand", False),
    ],
)
def test_demonyms_of_two_words(
    gaz: Gazetteer, text: str, surface: str, name: str, demonym: bool
) -> None:
    m = _mention(gaz, text, surface)
    assert m.is_demonym is demonym and m.location is not None and m.location.normalized == name


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("A US serviceman was wounded near the border.", "US", "USA"),
        ("A man threatened a Saskatoon police officer with a knife.", "Saskatoon", "CAN"),
    ],
)
def test_places_after_an_article(gaz: Gazetteer, text: str, surface: str, country: str) -> None:
    loc = _mention(gaz, text, surface).location
    assert loc is not None and loc.country == country


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        # a preposition opening the sentence is no common word of a name ("City Hall")
        ("de", "In Kiew gab es in der Nacht Explosionen.", "Kiew"),
        ("de", "In Moskau wurde am Sonntag demonstriert.", "Moskau"),
        # a big town's own name in the language is no "old name" of a common word ("Part")
        ("de", "Kiew bezeichnete die Meldung als Lüge.", "Kiew"),
    ],
)
def test_sentence_initial_places_stay_places(
    gaz: Gazetteer, lang: str, text: str, surface: str
) -> None:
    assert surface in [m.surface for m in gaz.find(text, lang)]
