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
