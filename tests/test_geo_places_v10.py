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
