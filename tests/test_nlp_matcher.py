"""Phrase matching over tokens: exact, prefix, lemma, multi-word."""

from __future__ import annotations

import pytest

from fogofwar.nlp.matcher import PhraseMatcher, norm
from fogofwar.nlp.segment import tokenize


@pytest.mark.parametrize(
    ("pattern", "text", "lang", "found"),
    [
        ("погиб*", "В результате погибли трое", "ru", "погибли"),
        ("sterben", "Acht Menschen sind gestorben", "de", "gestorben"),
        ("according to", "He left, according to police", "en", "according to"),
        ("пʼять", "загинули п’ять людей", "uk", "п’ять"),
        ("трех", "погибли трёх", "ru", "трёх"),
    ],
)
def test_finds(pattern: str, text: str, lang: str, found: str) -> None:
    toks = tokenize(text, lang)
    matches = PhraseMatcher([(pattern, 1)]).find(toks)
    assert len(matches) == 1
    m = matches[0]
    assert text[toks[m.start].start : toks[m.end - 1].end] == found


def test_longest_match_wins() -> None:
    toks = tokenize("Berichten zufolge wurden sie", "de")
    m = PhraseMatcher([("zufolge", "post"), ("berichten zufolge", "adverb")]).find(toks)
    assert [x.payload for x in m] == ["adverb"]


def test_no_match() -> None:
    assert PhraseMatcher([("killed", 1)]).find(tokenize("nothing here", "en")) == []


def test_norm_unifies_apostrophes() -> None:
    assert norm("П’ЯТЬ") == norm("пʼять") == norm("п'ять")


def test_any_in_agrees_with_find() -> None:
    text = "The mayor said on Monday that two drones had been shot down over the river port."
    toks = tokenize(text, "en")
    matcher = PhraseMatcher([("shot down", 1), ("drone*", 2), ("said", 3), ("over the sea", 4)])
    for lo in range(len(toks)):
        for hi in range(lo, len(toks) + 1):
            assert matcher.any_in(toks, lo, hi) == bool(matcher.find(toks, lo, hi)), (lo, hi)
    assert not matcher.any_in(list(toks), 0, 2)  # "The mayor": no pattern, as a list too
