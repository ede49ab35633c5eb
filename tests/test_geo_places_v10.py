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
