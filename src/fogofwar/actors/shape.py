"""Does a capitalised token look like part of a person's name? Shape checks for ``persons.py``.

- Organisation-shaped words (``[org_words]`` in ``roles.toml``): heads of organisation names
  ("Institute", "League", "Polizei", "Rada") and, in Russian/Ukrainian, compound organisation
  words ("Роскосмос", "Укртранснафта", "Київрада") by prefix (a short state/region prefix + a
  common word) or by a head fragment at the end ("…нафта", "…пром", "…буд").
- Russian/Ukrainian morphology (pymorphy3, when installed): a dictionary word that is a place
  (``Geox``), an organisation (``Orgn``) or an inanimate noun, or a verb, is no name token
  ("Москвы", "Київради", "Нацполіції"); a first name, patronymic or surname is ("Андрій",
  "Песков"); a known adjective only follows a first name ("Юлія Залізна").

Everything is cached per word; a miss costs one pymorphy parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from fogofwar.packs.files import pack_meta

__all__ = [
    "ADJ",
    "ANIM",
    "BAD",
    "FIRST",
    "NAME",
    "OTHER",
    "PLACE",
    "NameShape",
    "cyrillic_agree",
    "cyrillic_class",
    "cyrillic_name_ok",
    "cyrillic_person",
    "is_verb",
]

# pymorphy3 classes of a Cyrillic word
NAME = "name"  # a first name, patronymic or surname parse
FIRST = "first"  # a first name or patronymic (and no surname parse)
ADJ = "adj"  # a known adjective (possibly a surname: "Навальный", "Залізна")
PLACE = "place"  # a known place or organisation ("Москвы", "Газпром")
BAD = "bad"  # a known inanimate noun, verb, function word ("Ради", "Далее")
ANIM = "anim"  # a known animate common noun ("Архиепископ"): a name only next to a role word
OTHER = "other"  # unknown: may be a name

_BAD_POS = frozenset(
    {"VERB", "INFN", "GRND", "ADVB", "NPRO", "PREP", "CONJ", "PRCL", "INTJ", "PRED", "NUMR", "COMP"}
)


@cache
def analyser(lang: str) -> Any:
    """The pymorphy3 analyser for ``lang`` (loaded once), or ``None`` when unavailable. Ukrainian
    words with a typographic apostrophe are parsed as with the dictionary's ASCII one."""
    try:
        import pymorphy3  # type: ignore[import-untyped]

        if lang != "uk":
            return pymorphy3.MorphAnalyzer(lang=lang)
        # the Ukrainian dictionary spells the apostrophe "'", texts (and our normaliser) "ʼ" or
        # "’": without the substitute "девʼятеро" is an unknown noun, not the numeral
        subs = {**pymorphy3.lang.uk.CHAR_SUBSTITUTES, "ʼ": "'", "’": "'"}
        return pymorphy3.MorphAnalyzer(lang=lang, char_substitutes=subs)
    except (ImportError, ValueError, OSError):  # pymorphy3 or its dictionary missing
        return None


@lru_cache(maxsize=65536)
def _morph(lang: str) -> Any:
    """The pymorphy3 analyser of ``lang``'s pack (``[meta] morphology``), Russian otherwise."""
    return analyser(str(pack_meta(lang).get("morphology") or "ru"))


def _cyrillic(lang: str) -> bool:
    return pack_meta(lang).get("script") == "cyrillic"


@lru_cache(maxsize=100_000)
def cyrillic_class(low: str, lang: str) -> str:
    """What pymorphy3 makes of a lower-case Cyrillic word (see the module constants)."""
    morph = _morph(lang)
    if morph is None:
        return OTHER
    parses = morph.parse(low)
    known = morph.word_is_known(low)
    first = surname = adj = animate = False
    bad = False
    for p in parses:
        grams = p.tag.grammemes
        if "Name" in grams or "Patr" in grams:
            first = True
        elif "Surn" in grams:
            surname = True
        elif "Geox" in grams or "Orgn" in grams:
            bad = True
        elif p.tag.POS in ("ADJF", "ADJS"):
            adj = True
        elif p.tag.POS == "NOUN" and "anim" in grams:
            animate = True
    if first and not surname:
        return FIRST
    if first or surname:
        return NAME
    if not known:
        return OTHER
    if bad:
        return PLACE
    if adj:
        return ADJ
    if animate:
        return ANIM
    return BAD


@lru_cache(maxsize=16384)
def is_verb(low: str, lang: str) -> bool:
    """A known Russian/Ukrainian finite verb, infinitive or gerund ("заявил", "посетив")."""
    morph = _morph(lang)
    if morph is None or not morph.word_is_known(low):
        return False
    parses = morph.parse(low)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND")  # not "дел" (дело)


def _common_cyrillic(low: str, lang: str) -> bool:
    """A known Russian/Ukrainian common word (not a name, place or organisation)."""
    morph = _morph(lang)
    if morph is None or len(low) < 4 or not morph.word_is_known(low):
        return False
    return not any(
        {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes for p in morph.parse(low)
    )


@dataclass(frozen=True, slots=True)
class NameShape:
    """Organisation-shaped words of one language (``[org_words]`` of ``roles.toml``)."""

    lang: str
    words: frozenset[str]  # whole lower-case words ("institute", "league") — Latin scripts
    stems: tuple[str, ...]  # Cyrillic stems taking any ending of up to four letters
    heads: tuple[str, ...]  # compound heads: a word ending in one (+ up to 3 letters) is an org
    prefixes: tuple[str, ...]  # Cyrillic compound prefixes followed by a common word

    @classmethod
    def build(cls, lang: str, table: dict[str, Any]) -> NameShape:
        """From the ``[org_words]`` table: ``<lang>``, ``<lang>_heads``, ``<lang>_prefixes``."""

        def low(key: str) -> tuple[str, ...]:
            return tuple(str(w).lower() for w in table.get(key, ()))

        cyr = _cyrillic(lang)
        own = low(lang)
        return cls(
            lang=lang,
            words=frozenset(() if cyr else own),
            stems=own if cyr else (),
            heads=low(f"{lang}_heads"),
            prefixes=low(f"{lang}_prefixes"),
        )

    def is_org(self, low: str) -> bool:
        """Whether a lower-case token is an organisation word ("Institute", "Роскосмоса")."""
        return _org(self, low)

    def any_org(self, lows: Iterable[str]) -> bool:
        """Whether any of the tokens is an organisation word."""
        return any(self.is_org(w) for w in lows)


@lru_cache(maxsize=65536)
def _org(shape: NameShape, low: str) -> bool:
    if low in shape.words:
        return True
    if low.endswith(("'s", "’s")) and low[:-2] in shape.words:
        return True
    for stem in shape.stems:
        if low.startswith(stem) and len(low) - len(stem) <= 4:
            return True
    for head in shape.heads:
        at = low.rfind(head)
        if at >= 3 and len(low) - at - len(head) <= 3:
            return True
    if _cyrillic(shape.lang):
        for prefix in shape.prefixes:
            rest = low[len(prefix) :]
            if low.startswith(prefix) and len(rest) >= 4 and _common_cyrillic(rest, shape.lang):
                return True
    return False


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


@lru_cache(maxsize=65536)
def _case_gender(low: str, lang: str) -> frozenset[tuple[str, str]]:
    """(case, gender) pairs of the name parses (first name, patronymic, surname) of a word."""
    morph = _morph(lang)
    if morph is None:
        return frozenset()
    out: set[tuple[str, str]] = set()
    for p in morph.parse(low):
        grams = p.tag.grammemes
        if not {"Name", "Surn", "Patr"} & grams:
            continue
        cases = grams & _CASES
        genders = {"masc", "femn"} if "ms-f" in grams else grams & {"masc", "femn"}
        out.update((c, g) for c in cases for g in genders)
    return frozenset(out)


def cyrillic_agree(first: str, surname: str, lang: str) -> bool:
    """Whether two name words can agree in case and gender ("Павел Дуров", not "Роман Толстого")."""
    return bool(_case_gender(first, lang) & _case_gender(surname, lang))


def cyrillic_person(lows: list[str], lang: str) -> tuple[int, int]:
    """The one person in a run of Cyrillic name tokens: (start, end) offsets into ``lows``.

    A first name after a word that is not a first name starts a new person unless the two
    agree in case and gender ("Иванов Иван" is one person; "Путина Дмитрий Песков" and
    "Віктора Януковича Євген" are two). Of two persons the first is taken when it has a first
    name ("Віктора Януковича"), else the second (a lone genitive surname is a complement).
    """
    classes = [cyrillic_class(w, lang) for w in lows]
    for t in range(1, len(lows)):
        if classes[t] != FIRST or classes[t - 1] == FIRST:
            continue
        if _case_gender(lows[t - 1], lang) & _case_gender(lows[t], lang):
            continue
        if FIRST in classes[:t]:
            return 0, t
        if all(cl == NAME for cl in classes[:t]):  # "Путина Дмитрий Песков"
            return t, len(lows)
    return 0, len(lows)


def cyrillic_name_ok(lows: list[str], lang: str, *, bare: bool = False) -> bool:
    """Whether a run of Cyrillic tokens can be a name: no place/organisation/common noun, an
    adjective only after a first name; ``bare`` (no role word): every word a name by morphology
    (a first name or surname, or an adjective after a first name)."""
    classes = [cyrillic_class(w, lang) for w in lows]
    seen_first = False
    for t, cl in enumerate(classes):
        after_first = t > 0 and classes[t - 1] == FIRST  # a surname: "Владислав Бриг"
        if cl in (PLACE, BAD) and not after_first:
            return False
        if cl == ADJ and not seen_first:
            return False
        if bare and cl == ANIM:
            return False
        seen_first = seen_first or cl == FIRST
    if bare:  # a first name, or surnames only: "Андрій Задерейко", "Иванов"
        return seen_first or all(cl == NAME for cl in classes)
    return True
