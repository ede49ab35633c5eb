"""Tests for fogofwar.langid."""

from __future__ import annotations

import pytest

from fogofwar.langid import identify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mehrere Soldaten wurden nach einem gescheiterten Fluchtversuch festgenommen.", "de"),
        ("At least three people were killed when a drone struck an apartment block.", "en"),
        ("Погибли не менее пяти человек, сообщил губернатор области.", "ru"),
        ("Загинули щонайменше п'ятеро людей, повідомив голова обласної адміністрації.", "uk"),
        ("Krieg in der Ukraine", "de"),
        ("Drone attack on Kursk", "en"),
        ("Вчора ввечері", "uk"),
        ("3 дні тому", "uk"),
        ("Les soldats ont été arrêtés hier soir près de la frontière.", "fr"),
        ("Żołnierze zostali aresztowani wczoraj wieczorem w pobliżu granicy.", "other"),
        ("Los soldados fueron detenidos ayer por la noche cerca de la frontera.", "es"),
        ("I soldati sono stati arrestati ieri sera vicino al confine.", "it"),
        ("Os soldados foram presos ontem à noite perto da fronteira.", "other"),
        ("Войната в Украйна продължава, съобщиха източници.", "other"),
        ("12345 67", "other"),
        ("", "other"),
    ],
)
def test_identify(text: str, expected: str) -> None:
    language, confidence = identify(text)
    assert language == expected
    assert 0.0 <= confidence <= 1.0


def test_confident_on_a_paragraph() -> None:
    text = (
        "Der südkoreanische Geheimdienst hat bestätigt, dass nordkoreanische Truppen in "
        "Russland ausgebildet und anschließend eingesetzt wurden."
    )
    assert identify(text)[1] > 0.9
