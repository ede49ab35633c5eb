"""Places listed after an event with its verb left out (``nlp/place_items.py``).

Sentences written for these tests. The positive cases per language live in the phenomena suite
(``clause-elided-*``, ``clause-place-headed-*``, ``clause-regions-hit-*``); here, what must
not become a list item.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from fogofwar.claim import ClaimKind
from fogofwar.nlp.doc import Doc
from fogofwar.reader import Reader


@lru_cache(maxsize=1)
def _reader() -> Reader:
    return Reader.default()


def _doc(text: str, lang: str) -> Doc:
    return _reader().analyze(text, lang)


def _places(doc: Doc) -> list[str]:
    return sorted(c.location.name for c in doc.claims if c.location is not None)


def test_figure_then_capitalised_weapon_is_no_place() -> None:
    doc = _doc("Вночі окупанти завдали шести авіаударів - скинули 9 КАБів.", "uk")
    assert not any(c.location and "КАБ" in c.location.name for c in doc.claims)


def test_launch_sites_after_a_dash_are_no_targets() -> None:
    text = "Росіяни атакували Одесу дронами - з напрямків Курськ, Орел та Приморсько-Ахтарськ."
    doc = _doc(text, "uk")
    assert not any(c.location and c.location.name.startswith("Орел") for c in doc.claims)


def test_comma_clause_after_an_event_is_no_list() -> None:
    doc = _doc("Russian missiles hit a warehouse in Dnipro, governor Serhiy Lysak said.", "en")
    assert len([c for c in doc.claims if c.kind == ClaimKind.ATTACK]) == 1


@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        (
            "ru",
            "Средства ПВО сбили шесть беспилотников над Брянской областью, "
            "по одному — над Орловской и Курской областями.",
            3,
        ),
        ("it", "I droni hanno colpito due città: uno a Odessa e uno a Izmail.", 2),
    ],
)
def test_each_listed_place_is_a_claim(lang: str, text: str, places: int) -> None:
    doc = _doc(text, lang)
    assert len(set(_places(doc))) == places, _places(doc)


def test_sentence_of_items_continues_the_list() -> None:
    text = "Над Белгородской областью уничтожены восемь дронов. Ещё два — над Липецкой областью."
    doc = _doc(text, "ru")
    assert any(c.location and "Липецк" in c.location.name for c in doc.claims), _places(doc)


def test_people_hurt_stay_a_casualty_report() -> None:
    doc = _doc("Внаслідок обстрілу Харкова постраждали п'ятеро людей.", "uk")
    assert len(doc.claims) == 1
