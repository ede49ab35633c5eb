"""The reader's fast paths give what the plain paths give (sentences written for these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer
from fogofwar.nlp.matcher import PhraseMatcher, token_starts
from fogofwar.nlp.segment import tokenize

_TEXT = (
    "Officials said the shelling killed three people, according to the governor, and "
    "the army said it had shot down drones over the region after the attack on the port."
)


def test_tuple_positions_match_the_token_scan() -> None:
    """A tuple's remembered candidate positions find what scanning token by token finds,
    on every range (exact words, prefixes, lemmas, multi-word patterns)."""
    matcher = PhraseMatcher(
        [
            ("according to", "adv"),
            ("kill*", "verb"),
            ("shoot down", "verb"),
            ("said", "cue"),
            ("the army", "actor"),
            ("attack", "noun"),
            ("dr*", "noun"),
        ]
    )
    toks = tokenize(_TEXT, "en")
    as_list = list(toks)
    for start in range(len(toks)):
        for stop in range(start, len(toks) + 1):
            assert matcher.find(toks, start, stop) == matcher.find(as_list, start, stop)


def test_token_starts_are_remembered_per_tuple() -> None:
    toks = tokenize(_TEXT, "en")
    starts = token_starts(toks)
    assert starts == [t.start for t in toks]
    assert token_starts(toks) is starts


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


@pytest.mark.parametrize(
    ("head", "body", "lang"),
    [
        ("Talks resume in Geneva", "Delegations from Kyiv and Moscow met in Switzerland.", "en"),
        ("Talks resume after a pause", "Delegations from Kyiv and Moscow met in Geneva.", "en"),
        ("Neue Angriffe auf Charkiw", "Die Region Charkiw wurde in der Nacht beschossen.", "de"),
        ("Обстрелы продолжаются", "В Белгородской области погибли двое мирных жителей.", "ru"),
    ],
)
def test_find_until_keeps_the_headline_places(
    gaz: Gazetteer, head: str, body: str, lang: str
) -> None:
    """``until``: the mentions ending by it are those of the full lookup (with or without a
    place in the headline)."""
    text = f"{head}\n\n{body}"
    full = [m for m in gaz.find(text, lang) if m.span.end <= len(head)]
    bounded = [m for m in gaz.find(text, lang, until=len(head)) if m.span.end <= len(head)]
    assert bounded == full
