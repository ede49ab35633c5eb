"""The reader's fast paths give what the plain paths give (sentences written for these tests)."""

from __future__ import annotations

import dataclasses
import gc

import pytest

from fogofwar.geo import Gazetteer
from fogofwar.model import Span
from fogofwar.nlp.doc import NoActors, NoPlaces
from fogofwar.nlp.matcher import PhraseMatcher, Token, token_starts
from fogofwar.nlp.segment import tokenize
from fogofwar.packs import load_packs
from fogofwar.reader import GC_THRESHOLDS, Reader

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


def test_token_is_word_is_set_however_the_token_is_made() -> None:
    word, comma = tokenize("Kyiv, 24", "en")[:2]
    assert word.is_word and not comma.is_word
    assert Token("24", 0, 2, "24", "24").is_word
    assert not dataclasses.replace(word, text=".", lower=".", lemma=".").is_word
    assert word == Token("Kyiv", 0, 4, "kyiv", word.lemma)  # not compared, not shown
    assert "is_word" not in repr(word)


def test_span_checks_its_bounds_and_stays_frozen() -> None:
    span = Span(2, 5)
    assert (span.start, span.end) == (2, 5) and span == Span(start=2, end=5)
    assert dataclasses.replace(span, end=9) == Span(2, 9)
    assert sorted([Span(3, 4), Span(1, 8)]) == [Span(1, 8), Span(3, 4)]
    for bad in ((-1, 2), (5, 4)):
        with pytest.raises(ValueError, match="invalid span"):
            Span(*bad)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]


def test_warm_up_collects_young_objects_less_often() -> None:
    before = gc.get_threshold()
    try:
        Reader(load_packs(), NoActors(), NoPlaces()).warm_up()
        assert gc.get_threshold() == GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
