"""A claim whose clause names no place takes the place of the event it continues
(nlp/place_carry.py); passages written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from fogofwar.claim import Claim, ClaimKind
from fogofwar.reader import Reader

_DAY = date(2024, 5, 8)


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def _toll(reader: Reader, text: str, lang: str) -> Claim:
    """The claim of the passage's second sentence."""
    claims = reader.read_text(text, lang, published=_DAY).claims
    second = text.index(". ") + 2
    return next(c for c in claims if c.span is not None and c.span.start >= second)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "Russian missiles struck the centre of Lutsk on Sunday. Three people were killed.",
            "Lutsk",
        ),
        ("ru", "Российские войска обстреляли Херсон из Алешек. Погибли три человека.", "Херсон"),
        (
            "es",
            "Un ataque con drones alcanzó la ciudad de Sumy el lunes. Murieron cuatro civiles.",
            "Sumy",
        ),
    ],
)
def test_toll_takes_the_strikes_place(reader: Reader, lang: str, text: str, place: str) -> None:
    toll = _toll(reader, text, lang)
    assert toll.location is not None and toll.location.name == place
    assert toll.location.span is not None
    assert text[toll.location.span.start : toll.location.span.end] == place


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # two places: which one the toll belongs to is not said
        ("en", "Drones hit Lutsk and Rivne overnight. Two people were killed."),
        # a trip's place is no event place
        (
            "en",
            "President Zelensky spoke in Kyiv on Monday about the war. "
            "Two people were killed in shelling.",
        ),
        # background: another, earlier event
        (
            "en",
            "Ukrainian forces repelled an assault near Bakhmut. "
            "Earlier this year, six soldiers were killed in fighting.",
        ),
        # the nearest place is a launch site and the strike's own place a country
        ("uk", "Уночі російські дрони атакували Житомир з боку Білорусі. Загинули двоє людей."),
    ],
)
def test_no_place_carried(reader: Reader, lang: str, text: str) -> None:
    toll = _toll(reader, text, lang)
    assert toll.kind in {ClaimKind.ATTACK, ClaimKind.CASUALTIES}
    assert toll.location is None


def test_other_paragraph_keeps_no_place(reader: Reader) -> None:
    """A place of a middle paragraph is no lead: a later paragraph's toll does not take it."""
    text = (
        "The war entered its third winter.\n\n"
        "Russian missiles struck Poltava on Monday, the governor said.\n\n"
        "Two soldiers were killed in fighting, the army said on Tuesday."
    )
    claims = reader.read_text(text, "en", published=_DAY).claims
    late = [c for c in claims if c.span is not None and c.span.start >= text.index("Two")]
    assert late and all(c.location is None for c in late)
