"""Word lexicons for the recogniser's guards: is a word a common word, a first name?

* simplemma's dictionaries (de/en/ru/uk): a word the dictionary knows whose lemma is lower case
  is a common word ("Силах" -> "сила"); a capitalised lemma marks a proper noun ("Києва" ->
  "Київ").
* pymorphy3 with its Russian and Ukrainian dictionaries (optional: without it, no first-name
  check): a parse tagged ``Name`` or ``Patr`` marks a first name or patronymic ("Андрій",
  "Юрія"), unless a parse is tagged ``Geox`` (a geographic name).

Cyrillic surfaces get a stricter guard in :mod:`.recognise`: places in countries without a
Russian-speaking past need a Cyrillic name of their own and must not be common words or first
names ("Силах оборони" is not Sealy, Texas; "Андрій" is not Andra).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from fogofwar.actors.shape import analyser as _shared_analyser
from fogofwar.packs.files import available_languages, languages_with, pack_meta

__all__ = ["CYRILLIC_CC", "is_common", "is_cyrillic", "is_first_name", "morph_class"]

# Countries whose places commonly have Cyrillic names: Cyrillic-script states and the rest of
# the former USSR (Russian-language news names their towns)
CYRILLIC_CC = frozenset(
    {"RU", "UA", "BY", "BG", "RS", "MK", "ME", "BA", "KZ", "KG", "TJ", "UZ", "TM", "MN",
     "MD", "GE", "AM", "AZ", "LV", "LT", "EE"}
)  # fmt: skip
_CYR = re.compile(r"[\u0400-\u04ff]")


def is_cyrillic(word: str) -> bool:
    """Whether ``word`` contains a Cyrillic letter."""
    return bool(_CYR.search(word))


def _langs(lang: str) -> tuple[str, ...]:
    known = available_languages()
    return (lang,) if lang in known else known


@lru_cache(maxsize=65536)
def is_common(word: str, lang: str) -> bool:
    """A word of the language's dictionary with a lower-case lemma (not a proper noun)."""
    import simplemma

    low = word.casefold()
    verdicts = []
    for code in _langs(lang):
        if simplemma.is_known(low, lang=code):
            lemma = simplemma.lemmatize(low, lang=code)
            verdicts.append(lemma[:1].islower())
    return bool(verdicts) and all(verdicts)


def _analyser(code: str) -> Any:
    """pymorphy3's analyser of ``code`` (None when missing), shared with the name-shape checks
    (one dictionary load per process)."""
    return _shared_analyser(code)


def _analysers(lang: str) -> list[Any]:
    # a language's own dictionary; text of a language without a pack may be any Cyrillic one
    own = pack_meta(lang).get("morphology")
    known = lang in available_languages()
    codes = (str(own),) if own else () if known else languages_with("morphology")
    return [a for a in map(_analyser, codes) if a is not None]


_FUNCTION_POS = frozenset({"NPRO", "CONJ", "PRCL", "PREP", "INTJ", "PRED", "NUMR", "ADVB", "COMP"})


@lru_cache(maxsize=65536)
def morph_class(word: str, lang: str) -> str:
    """What pymorphy3 makes of a Cyrillic word: "place" (a parse tagged ``Geox``), "name" (a
    first name or patronymic, or only surname parses), "function" (a pronoun, conjunction,
    particle, interjection... reading), else "" (unknown or an ordinary noun)."""
    if not is_cyrillic(word):
        return ""
    low = word.casefold()
    name = function = False
    surnames = parses = 0
    for morph in _analysers(lang):
        for parse in morph.parse(low):
            grams = parse.tag.grammemes
            if "Geox" in grams:
                return "place"
            parses += 1
            surnames += "Surn" in grams
            name = name or "Name" in grams or "Patr" in grams
            function = function or parse.tag.POS in _FUNCTION_POS
    if name or (parses and surnames == parses):
        return "name"
    return "function" if function else ""


def is_first_name(word: str, lang: str) -> bool:
    """A Russian/Ukrainian first name, patronymic or surname-only word, not a place name."""
    return morph_class(word, lang) == "name"
