"""Tests for fogofwar.langid."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _full_identifier() -> Any:
    from fogofwar.langid import _models, supported_languages

    return _models(supported_languages()).full


def test_tokenizer_depth_is_what_feature_counts_assumes() -> None:
    """Breadth-first from the start, the deepest state of py3langid's automaton is
    DFA_DEPTH steps away (a state's distance is the length of the n-gram prefix it stands
    for), so the last DFA_DEPTH bytes decide the state."""
    from fogofwar.langid import DFA_DEPTH, _tables

    tables = _tables(_full_identifier())
    seen = np.zeros(len(tables.rowbase), dtype=bool)
    seen[0] = True
    frontier = np.array([0])
    depth = 0
    while True:
        reached = tables.nextmove[(tables.rowbase[frontier][:, None] + np.arange(256)).ravel()]
        frontier = np.unique(reached[~seen[reached]])
        if not len(frontier):
            break
        seen[frontier] = True
        depth += 1
    assert seen.all()
    assert depth <= DFA_DEPTH


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=300).map(str.encode)))
def test_feature_counts_equal_py3langids_walk(text: bytes) -> None:
    """The vectorised walk gives py3langid's counts, in the same order (the score sums them
    in that order), for any bytes."""
    from py3langid.langid import visit_counts

    from fogofwar.langid import _tables, feature_counts

    model = _full_identifier()
    expected = visit_counts(model.tk_nextmove, model._rowbase, model.tk_output, text)
    got = feature_counts(_tables(model), text)
    assert (None if expected is None else list(expected.items())) == (
        None if got is None else list(got.items())
    )
