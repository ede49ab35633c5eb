"""Victims named without a figure, counted by grammatical number (languages with a morphology
analyser: the pack's ``[meta] morphology``, Russian and Ukrainian).

claims-v1 counts one named or singular victim as 1 and sums groups. Where no numeral stands,
the nouns themselves say how many: "є загиблий" (a dead one), "о гибели жителя" (of the death
of a resident), "второй жертвой стал автомобилист", "погибли мужчина и женщина" (2). A
casualty word that is itself a singular person noun counts 1; otherwise the singular animate
nouns right after it (or, when none follows, right before it) are counted, coordinated ones
summed; any plural animate noun there means the text gives no number.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fogofwar.actors.shape import analyser
from fogofwar.nlp.matcher import Token
from fogofwar.packs.files import pack_meta

__all__ = ["WINDOW", "singular_victims"]

WINDOW = 4  # tokens after (or before) the casualty word searched for its victims
_MAX_GROUP = 3
_JOIN = frozenset({"и", "і", "й", "та", ","})
_SING, _PLUR, _OTHER = "sing", "plur", ""


@lru_cache(maxsize=16)
def _morph(lang: str) -> Any:
    name = pack_meta(lang).get("morphology")
    return analyser(str(name)) if name else None


@lru_cache(maxsize=100_000)
def _person_number(low: str, lang: str) -> str:
    """``sing``/``plur`` of the likeliest parse of ``low`` that is a person noun (animate noun,
    or a substantivised adjective or participle); ``""`` when none is, or when a likelier parse
    is something else."""
    morph = _morph(lang)
    if morph is None:
        return _OTHER
    numbers: list[str] = []
    for p in morph.parse(low):
        tag = p.tag
        grams = tag.grammemes
        person = (tag.POS == "NOUN" and "anim" in grams) or (
            tag.POS in {"ADJF", "PRTF"} and ("Subx" in grams or "anim" in grams)
        )
        number = tag.number or ("sing" if tag.gender else None)  # the uk dictionary marks
        if person and number:  # singular by gender only
            numbers.append(number)
        elif p.score > 0.5:
            return _OTHER  # mostly something else ("гибели" is an event noun)
    return numbers[0] if numbers else _OTHER  # the dictionary's likeliest person reading


def _group(toks: tuple[Token, ...], ks: range, lang: str) -> int | None:
    """Singular person nouns joined by "и"/"та"/commas in token indexes ``ks``, counted."""
    n = 0
    for k in ks:
        t = toks[k]
        if not t.is_word and t.text not in _JOIN:
            break
        if t.lower in _JOIN:
            continue
        number = _person_number(t.lower, lang)
        if number == _PLUR:
            return None
        if number == _SING:
            n += 1
            if n > _MAX_GROUP:
                return None
        elif n:
            break  # the group has ended
    return n or None


def singular_victims(
    toks: tuple[Token, ...], trigger: int, lo: int, hi: int, lang: str
) -> int | None:
    """How many victims the nouns around the casualty word at ``trigger`` name, when no
    figure does (``None``: no analyser, no person noun, or a plural)."""
    if _morph(lang) is None:
        return None
    own = _person_number(toks[trigger].lower, lang)
    if own == _SING:
        return 1
    if own == _PLUR:
        return None
    after = _group(toks, range(trigger + 1, min(hi, trigger + 1 + WINDOW)), lang)
    if after is not None:
        return after
    back = range(max(lo, trigger - WINDOW), trigger)
    first = next((k for k in back if _person_number(toks[k].lower, lang)), None)
    return None if first is None else _group(toks, range(first, trigger), lang)
