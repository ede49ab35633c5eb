"""Places, round 8 (local news): a state's name before "counties" is the state, the region a
local text is about wins its bare town names, person names are no places (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _given(gaz: Gazetteer, text: str, words: list[str]) -> dict[str, tuple[str | None, ...]]:
    """Resolve the first occurrence of each word as a given span."""
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    return {
        m.surface: (m.location.normalized, m.location.admin1, m.location.precision)
        if m.location is not None
        else (None, None, None)
        for m in gaz.resolve(text, spans, "en")
    }


def test_state_before_plural_counties_is_the_state(gaz: Gazetteer) -> None:
    """ "near the middle of Indiana counties": the counties of the state, not Indiana County,
    Pennsylvania; a list before "counties" still names counties."""
    text = (
        "Jobless figures put Boone County near the middle of Indiana counties. "
        "Deputies from Hall and Barrow counties helped."
    )
    found = _given(gaz, text, ["Indiana", "Hall", "Barrow"])
    assert found["Indiana"] == ("Indiana", "Indiana", "admin1")
    assert found["Hall"][0] == "Hall County"
    assert found["Barrow"][0] == "Barrow County"


def test_home_region_wins_a_bare_town(gaz: Gazetteer) -> None:
    """A text about one state (named again and again) places a bare town name there rather
    than in a state it names once."""
    text = (
        "Ohio did better last year. Indiana lawmakers met on Monday. The Indiana budget was "
        "short, and Indiana schools will cut staff. Parents from Marion came to watch."
    )
    found = _given(gaz, text, ["Marion"])
    assert found["Marion"][1] == "Indiana"


def _found(gaz: Gazetteer, text: str) -> list[str]:
    return [m.surface for m in gaz.find(text, "en") if not m.is_demonym]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a country's or town's name as a first name before a frequent surname
        ("Deputies Sam Ortiz and Chad Walker were hurt in the crash.", "Chad"),
        ("Park supervisor Teresa Bach said the trees came in April.", "Teresa"),
        # a first name, a middle initial, a surname
        ('"We disagree," said Victoria N. Pearson, the city\'s lawyer.', "Victoria"),
        ("The award went to Milton J. Little, a pastor.", "Milton"),
        # a country's name after a first name that is also a word; later alone, the person
        ("Reporter Bill Holland covered the trial. Holland said it changed him.", "Holland"),
        # a title's first word
        ("Vice Mayor Ana Ruiz cast the only vote against the plan.", "Vice"),
        # a byline
        ("Plant to close.\nBY CHAD MORROW Staff Writer\nThe plant will close.", "CHAD"),
        ("Plant to close.\nBy Jordan Pike, Staff Writer\nThe plant will close.", "Jordan"),
    ],
)
def test_person_names_are_no_places(gaz: Gazetteer, text: str, person: str) -> None:
    assert person not in _found(gaz, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Georgia Power raised its rates across the state.", "Georgia"),
        ("Will Georgia vote for the bill?", "Georgia"),
        ("The talks will be held in Washington, D. C., on Monday.", "Washington"),
        ("Singapore urged residents not to travel to Victoria. A warning was posted.", "Victoria"),
        ("MLA for Nelson-Creston, she spoke on Monday.", "Creston"),
        ("Fans gathered at Lincoln Park in Chicago.", "Chicago"),
    ],
)
def test_places_beside_names_stay_places(gaz: Gazetteer, text: str, place: str) -> None:
    assert place in _found(gaz, text)


def test_snippet_without_a_language_reads_in_its_own() -> None:
    """``fogofwar places`` without ``--lang``: "Russian" is the English adjective (a demonym),
    not a country's name in some other language."""
    from fogofwar.geo import resolve_snippet

    found = {m.surface: m for m in resolve_snippet("Russian drones hit Kharkiv, the mayor said.")}
    assert found["Russian"].is_demonym
    assert found["Kharkiv"].location is not None and found["Kharkiv"].location.country == "UKR"


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Floods hit villages on Sumatra after a week of rain.", "Sumatra", "IDN"),
        ("Wildfire smoke spread across the Pacific Northwest.", "Pacific Northwest", "USA"),
        ("Talks on South Ossetia resumed in Geneva.", "South Ossetia", "GEO"),
        ("Snow fell across the Lower Mainland overnight.", "Lower Mainland", "CAN"),
        ("Oil spills have fouled creeks in the Niger Delta.", "Niger Delta", "NGA"),
    ],
)
def test_islands_and_regions(gaz: Gazetteer, text: str, surface: str, country: str) -> None:
    """Islands and regions the news names as places: a region of their country, not a town."""
    found = {m.surface: m.location for m in gaz.find(text, "en")}
    loc = found[surface]
    assert loc is not None and loc.precision == "region" and loc.country == country


def test_a_town_written_as_a_place_is_no_surname(gaz: Gazetteer) -> None:
    """A town's name inside a street's name after a first name ("Old Alton Edwardsville Road")
    is no surname; written after "downtown" or "the City of", it is the town everywhere."""
    text = (
        "Crews repaved Old Alton Edwardsville Road. The City of Edwardsville paid for it, and "
        "shops in downtown Edwardsville stayed open. Edwardsville officials were pleased."
    )
    found = [m for m in gaz.find(text, "en") if m.surface == "Edwardsville"]
    assert len(found) == 3
    assert all(m.location is not None and m.location.admin1 == "Illinois" for m in found)


def test_a_river_is_a_point_at_its_mouth(gaz: Gazetteer) -> None:
    """A river of the world's news is a place of its own, at its mouth (GeoNames' point for a
    stream), not a town of its name."""
    text = "Farmers want more water from the Kaveri, and the Zambezi is low as well."
    found = {m.surface: m.location for m in gaz.find(text, "en")}
    kaveri = found["Kaveri"]
    assert kaveri is not None and kaveri.precision == "region" and kaveri.country == "IND"
    assert kaveri.lat is not None and kaveri.lat < 12.0  # the Bay of Bengal, not upstream
    assert found["Zambezi"] is not None and found["Zambezi"].precision == "region"


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        ("Wardens from the DNR fined two boaters at the lake on Sunday.", "en", False),
        ("DNR forces shelled Avdiivka overnight.", "en", True),
        ("The DNR said Russian troops had advanced.", "en", True),
        ("В ДНР заявили о новых обстрелах.", "ru", True),
    ],
)
def test_a_war_regions_acronym_needs_its_war(
    gaz: Gazetteer, text: str, lang: str, kept: bool
) -> None:
    """ "DNR" in a text of no war is the Department of Natural Resources, not Donetsk."""
    found = [m for m in gaz.find(text, lang) if m.surface in ("DNR", "ДНР")]
    assert bool(found) == kept


def test_a_places_people_given_as_a_span(gaz: Gazetteer) -> None:
    """A given span naming a place's people ("Iowans", "New Londoners") is that place; a span
    that is a name itself ("Cairns") is not cut."""
    text = "Iowans went to the polls, New Londoners too. Storms hit Cairns, Queensland."
    found = _given(gaz, text, ["Iowans", "New Londoners", "Cairns"])
    assert found["Iowans"][:2] == ("Iowa", "Iowa")
    assert found["New Londoners"][0] == "New London"
    assert found["Cairns"][:2] == ("Cairns", "Queensland")
