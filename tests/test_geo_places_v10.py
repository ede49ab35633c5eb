"""Places, round 10 (local news): same-named towns whose choices chase each other between
passes settle on a consistent set (sentences written for these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _admin1(gaz: Gazetteer, text: str) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for m in gaz.find(text, "en"):
        if m.location is not None and not m.is_demonym:
            out.setdefault(m.surface, set()).add(m.location.admin1)
    return out


def test_town_and_county_settle_together(gaz: Gazetteer) -> None:
    """ "Athens" alone is Athens, Georgia, "Henderson County" alone the Texan one; each pass
    moved one to the other's state. Moving one name at a time ends with both in Texas."""
    text = (
        "Athens police arrested a driver on Monday. He was taken to the Henderson County "
        "jail, and the Athens fire chief said the road reopened."
    )
    assert _admin1(gaz, text) == {"Athens": {"Texas"}, "Henderson County": {"Texas"}}


def test_three_small_towns_near_each_other_outweigh_bigger_namesakes(gaz: Gazetteer) -> None:
    """Each of "New London", "Winfield" and "Mount Pleasant" alone is a bigger town elsewhere;
    towns of the three names within a few dozen kilometres of each other (all in Iowa) are
    what the text means."""
    text = (
        "The New London school board met Tuesday. Students from Winfield and Mount Pleasant "
        "will share a bus, New London officials said."
    )
    assert _admin1(gaz, text) == {
        "New London": {"Iowa"},
        "Winfield": {"Iowa"},
        "Mount Pleasant": {"Iowa"},
    }


def test_a_country_name_pairs_only_outside_its_country(gaz: Gazetteer) -> None:
    """A town of a country's name near another toponym's town counts when it lies abroad
    ("Jordan" in Minnesota beside Shakopee), not when it lies in that country."""
    text = "The Jordan city council met with Shakopee and Prior Lake officials on Monday."
    assert _admin1(gaz, text)["Jordan"] == {"Minnesota"}


def _resolved(gaz: Gazetteer, text: str, words: list[str]) -> dict[str, tuple[str, str | None]]:
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    out = {}
    for m in gaz.resolve(text, spans, "en"):
        assert m.location is not None
        out[m.surface] = (m.location.normalized, m.location.admin1)
    return out


def test_small_far_town_vouched_for_by_nothing_is_in_the_story_town(gaz: Gazetteer) -> None:
    """A given span whose only namesake is a small town far away in the same country, near
    nothing else the text names, is somewhere around the town the story is filed from."""
    text = "LANCASTER, Pa. -- The crash near Grantville closed the highway, Lancaster police said."
    found = _resolved(gaz, text, ["LANCASTER", "Pa.", "Grantville"])
    assert found["Grantville"] == ("Lancaster", "Pennsylvania")


@pytest.mark.parametrize(
    ("text", "words", "town", "admin1"),
    [
        (
            "Sydney trainers were worried. Two horses are held at the Spotswood quarantine "
            "station in Victoria, officials in Sydney said.",
            ["Sydney", "Spotswood", "Victoria"],
            "Spotswood",
            "Victoria",
        ),
        (
            "New York health officials traced the onions to an Irwindale packer and to a farm "
            "in Oxnard, California, officials in New York said.",
            ["New York", "Irwindale", "Oxnard", "California"],
            "Irwindale",
            "California",
        ),
    ],
)
def test_small_far_town_stays_when_the_text_vouches_for_it(
    gaz: Gazetteer, text: str, words: list[str], town: str, admin1: str
) -> None:
    """A small town far from the story's town stays itself when a region the text names holds
    it or another town the text names lies near it."""
    assert _resolved(gaz, text, words)[town] == (town, admin1)


def test_bare_county_name_after_the_county_named_in_full(gaz: Gazetteer) -> None:
    """ "DeKalb" after "DeKalb County, Georgia" is the county, not DeKalb, Illinois; a name the
    gazetteer knows only with its word ("Vanderburgh") is the county named in full."""
    text = (
        "DeKalb County, Georgia, crews fixed a water main on Monday. Traffic in north DeKalb "
        "was slow, a county spokeswoman said."
    )
    assert _admin1(gaz, text)["DeKalb"] == {"Georgia"}
    text = "Vanderburgh County prosecutors charged him. Vanderburgh officials declined comment."
    second = text.index("Vanderburgh", 1)
    found = gaz.resolve(text, [(0, 18), (second, second + 11)], "en")
    assert found[1].location is not None
    given = {"Vanderburgh": (found[1].location.normalized, found[1].location.admin1)}
    assert given["Vanderburgh"] == ("Vanderburgh County", "Indiana")


def test_bare_county_name_stays_a_town_of_the_same_state(gaz: Gazetteer) -> None:
    """ "Jackson" beside Jackson County, Mississippi, is still the town in Mississippi."""
    text = (
        "Jackson County deputies and Jackson police searched the river, Mississippi officials said."
    )
    found = {m.surface: m.location for m in gaz.find(text, "en")}
    jackson = found["Jackson"]
    assert jackson is not None and jackson.precision == "point" and jackson.admin1 == "Mississippi"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Three people were killed in Gaza on Monday.", "Gaza", "PSE"),
        ("Floods hit the province of Gaza in Mozambique.", "Gaza", "MOZ"),
        ("Bushfires burned across Victoria on Sunday.", "Victoria", "AUS"),
        ("Talks in Kiev ended on Friday.", "Kiev", "UKR"),
    ],
)
def test_region_against_a_big_city_of_its_name(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    """A region whose towns a same-named city outnumbers ("Gaza") gives way to the city unless
    the text names the region's country; a capital's other name ("Victoria" for Hong Kong)
    carries no capital's weight against a region's own name."""
    found = {m.surface: m.location for m in gaz.find(text, "en")}
    loc = found[name]
    assert loc is not None and loc.country == country


@pytest.mark.parametrize(
    "text",
    [
        "BEIJING, March 3 (Xinhua) -- China said on Monday it would raise spending.",
        "SANAA (Saba) - Yemen's government said the port was hit.",
        "Xinhua reported on Sunday that the talks went well.",
    ],
)
def test_news_agency_is_no_place(gaz: Gazetteer, text: str) -> None:
    """A listed news outlet's name ("Xinhua") or any one name in brackets before a dash (a wire
    credit: "(Saba) -") is the agency, not a town of that name."""
    found = {m.surface for m in gaz.find(text, "en")}
    assert not found & {"Xinhua", "Saba"}


def test_bracketed_region_without_a_dash_stays_a_place(gaz: Gazetteer) -> None:
    assert _admin1(gaz, "Springfield (Illinois) is the capital.")["Illinois"] == {"Illinois"}


def test_firm_name_is_no_town(gaz: Gazetteer) -> None:
    """ "McPherson & Jacobsen LLC" is a firm, and McPherson alone later its partner, not
    McPherson, Kansas, pulling the story's Columbus there; a town after "to" stays a town."""
    text = (
        "COLUMBUS -- The board met McPherson & Jacobsen LLC of Omaha. According to "
        "McPherson's tabulations, costs rose."
    )
    found = _admin1(gaz, text)
    assert "McPherson" not in found and found["COLUMBUS"] == {"Nebraska"}
    assert _admin1(gaz, "He moved to McPherson last year.")["McPherson"] == {"Kansas"}


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Cases rose from Jan. 30 to Feb. 5 in Manila.", "en", "Manila"),
        ("Am 5. Aug. 2024 griffen Drohnen Kiew an.", "de", "Kiew"),
        ("30 янв. удар по Харькову.", "ru", "Харькову"),
    ],
)
def test_short_month_before_a_day_is_a_date(
    gaz: Gazetteer, text: str, lang: str, place: str
) -> None:
    """A month written short with its dot next to a day ("Jan. 30") is a date, not a town
    ("Jan" is no Dschang); the place of the sentence is still found."""
    found = [m.surface for m in gaz.find(text, lang)]
    assert found == [place]


def test_first_name_of_a_place_stays_without_a_dot(gaz: Gazetteer) -> None:
    assert "Jan Mayen" in {m.surface for m in gaz.find("Jan Mayen lies north of Iceland.", "en")}


@pytest.mark.parametrize(
    "text",
    [
        'He said it would be a "disaster" for Abbas if Israel released prisoners.',
        "Abbas's aides are not worried.",
    ],
)
def test_listed_persons_surname_alone_is_the_person(gaz: Gazetteer, text: str) -> None:
    """A listed person's surname written alone ("Abbas") is the person, not a town of the name
    under 100,000 (Abba, Central African Republic)."""
    assert "Abbas" not in {m.surface for m in gaz.find(text, "en")}


def test_plural_acronym_is_no_place(gaz: Gazetteer) -> None:
    """ "NGOs" is the plural of an acronym, not Ngo (Republic of the Congo)."""
    found = {m.surface for m in gaz.find("Several NGOs returned to Darfur and the USA.", "en")}
    assert found == {"Darfur", "USA"}
