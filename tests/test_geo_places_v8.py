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
