"""The value of one written number: digits ("1,200", "1 млн 300 тыс"), number words with their
scales ("two hundred and thirty thousand", "doscientos treinta y dos mil", "vingt et un"),
halves ("one and a half thousand", "un millón y medio", "half a million", "полтора миллиона",
"anderthalb Millionen").

Words come from the pack's ``[numbers]`` tables: ``words`` and ``scales``, ``number_links``
(the "and" inside a written number), ``halves`` (a half after a link, or before a scale) and
``one_and_half`` (one word for one and a half before a scale).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from text_to_num import text2num

from fogofwar.actors.shape import analyser
from fogofwar.nlp.matcher import Token, norm
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import pack_meta

__all__ = ["MAX_DIGITS", "number_at", "parse_digits"]

_GROUPED = re.compile(r"^\d{1,3}(?:[.,\u00a0\u202f '’]\d{3})+$")  # "50'983": Swiss style
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_DECIMAL_SCALE = 1000  # a decimal figure counts only with a scale: "1,5 Tausend", "2.3 million"
#: Longest digit run read as a figure: 18 digits fit any real count (and int() refuses strings
#: past 4,300 digits: "Exceeds the limit"); a longer run is a serial number or noise, not a toll.
MAX_DIGITS = 18
_THOUSAND = 1000
_HUNDRED = 100
_TEN = 10


def parse_digits(text: str) -> int | None:
    """Integer value of a digit token ("1,200", "1.200", "1 200", "110'000", "17"); None for
    decimals.

    Only decimal digits count (``str.isdecimal``, any script: "١٧" is 17). Superscripts and
    other digit-like characters ("¹", "①") are ``isdigit()`` but not numbers ``int()`` reads;
    they are footnote marks, not figures, and give None. Runs of more than :data:`MAX_DIGITS`
    digits give None.
    """
    if len(text) > MAX_DIGITS * 2:
        return None
    if text.isdecimal():
        return int(text) if len(text) <= MAX_DIGITS else None
    if _GROUPED.match(text):
        digits = re.sub(r"\D", "", text)
        return int(digits) if digits.isdecimal() and len(digits) <= MAX_DIGITS else None
    return None


@lru_cache(maxsize=4096)
def _compound(word: str, lang: str) -> int | None:
    try:
        return int(text2num(word, lang))
    except (ValueError, TypeError, KeyError):
        return None


def _word_value(tok: Token, pack: LanguagePack) -> tuple[int, bool] | None:
    """``(value, is_scale)`` of a number word, or None."""
    w = tok.lower
    if w in pack.number_scales:
        return pack.number_scales[w], True
    if w in pack.number_words:
        return pack.number_words[w], False
    if "-" in w:
        parts = [pack.number_words.get(p) for p in w.split("-")]
        if all(p is not None for p in parts):
            return sum(p for p in parts if p is not None), False
    if pack.compound_number is not None and pack.text2num_lang and pack.compound_number.match(w):
        value = _compound(w, pack.text2num_lang)
        if value is not None:
            return value, False
    if _analyser(pack.lang) is not None:  # "двадцятьох", "четырнадцати", "тремя"
        for lemma in (tok.lemma.lower(), _numeral_lemma(w, pack.lang)):
            value = pack.number_words.get(lemma) if lemma != w else None
            if value is not None and value != 1:  # "одні", "одни" ("only"): no figure
                return value, False
    return None


@lru_cache(maxsize=16)
def _analyser(lang: str) -> Any:
    """The morphology analyser of a language whose numerals inflect for case (a pack lists
    each numeral's base form; the other forms are read through their lemma), or None."""
    name = pack_meta(lang).get("morphology")
    return analyser(str(name)) if name else None


@lru_cache(maxsize=20_000)
def _numeral_lemma(word: str, lang: str) -> str:
    """The base form of ``word`` when the analyser reads it first as a numeral ("семнадцати"
    → "семнадцать"; not "семью", first a family), else ``""``."""
    parses = _analyser(lang).parse(word)
    if not parses or parses[0].tag.POS != "NUMR":
        return ""
    return norm(str(parses[0].normal_form))


def _scale_at(tokens: tuple[Token, ...], k: int, stop: int, pack: LanguagePack) -> int:
    """The scale word's value at token ``k`` (0 when none is there)."""
    return pack.number_scales.get(tokens[k].lower, 0) if k < stop else 0


def _half_at(tokens: tuple[Token, ...], k: int, stop: int, pack: LanguagePack) -> int:
    """End of a pack ``halves`` word at token ``k``, after at most one determiner ("a half",
    "medio", "demi"), or 0."""
    if k < stop and tokens[k].lower in pack.determiners:
        k += 1
    return k + 1 if k < stop and tokens[k].lower in pack.halves else 0


def _place(current: int, small_scale: int) -> int:
    """The largest figure a link may add to ``current``: below a hundred after whole hundreds
    ("two hundred *and thirty*"), below ten after whole tens ("treinta *y dos*", "vingt *et
    un*"), else 0 (no link: "between two and three")."""
    if current >= _HUNDRED and current % _HUNDRED == 0 and small_scale == _HUNDRED:
        return _HUNDRED
    if current % _HUNDRED >= 2 * _TEN and current % _TEN == 0:
        return _TEN
    return 0


def _words_at(tokens: tuple[Token, ...], i: int, stop: int, pack: LanguagePack) -> tuple[int, int]:
    """``(value, end)`` of number words from token ``i`` (value -1 when there are none)."""
    total, current, j = 0, 0, i
    small = 0  # the last scale below a thousand inside ``current`` ("two *hundred*")
    last = 0  # the last scale of a thousand or more ("a *million* and a half")
    half = False  # "four and a half" waits for its scale
    if tokens[i].lower in pack.halves:  # "half a million", "medio millón"
        k = i + 1 if i + 1 < stop and tokens[i + 1].lower in pack.determiners else i
        lead = _scale_at(tokens, k + 1, stop, pack)
        return (lead // 2, k + 2) if lead >= _THOUSAND else (-1, i)
    if tokens[i].lower in pack.one_and_half and _scale_at(tokens, i + 1, stop, pack):
        current, half, j = 1, True, i + 1  # "полтора миллиона", "anderthalb Millionen"
    while j < stop:
        wv = _word_value(tokens[j], pack)
        if wv is None:
            if j == i or tokens[j].lower not in pack.number_links:
                break
            end = _half_at(tokens, j + 1, stop, pack)
            if end and not current and last:  # "un millón y medio", "a million and a half"
                total += last // 2
                j = end
                break
            if end and current and _scale_at(tokens, end, stop, pack):
                half, j = True, end  # "four and a half thousand"
                continue
            nxt = _word_value(tokens[j + 1], pack) if j + 1 < stop else None
            one = nxt is None and j + 1 < stop and pack.one.match_at(tokens, j + 1, j + 2)
            if one:
                nxt = 1, False  # "vingt et une", "treinta y un": the word for one
            after = _scale_at(tokens, j + 2, stop, pack)
            if (
                nxt is None
                or nxt[1]
                or nxt[0] >= _place(current, small)
                or (after and after <= max(small, 1))  # "two hundred and three hundred"
            ):
                break
            if one:
                current, j = current + 1, j + 2
                break
            j += 1  # "two hundred *and* thirty", "treinta *y* dos", "vingt *et* un"
            continue
        value, is_scale = wv
        if is_scale:
            current = max(current, 1) * value + (value // 2 if half else 0)
            half = False
            if value >= _THOUSAND:
                total, current, last, small = total + current, 0, value, 0
            else:
                small = value
        else:
            current += value
        j += 1
    if j == i:
        return -1, i
    return total + current, j


def number_at(tokens: tuple[Token, ...], i: int, stop: int, pack: LanguagePack) -> tuple[int, int]:
    """``(value, end)`` of the number starting at token ``i``; value -1 when there is none."""
    digits = parse_digits(tokens[i].text)
    if digits is not None:
        end = i + 1
        if end < stop and tokens[end].lower in pack.number_scales:
            scale = pack.number_scales[tokens[end].lower]
            return _thousands_tail(tokens, digits * scale, scale, end + 1, stop, pack)
        return digits, end
    if _DECIMAL.match(tokens[i].text) and i + 1 < stop:  # "21,1 тыс." → 21100
        scale = pack.number_scales.get(tokens[i + 1].lower, 0)
        if scale >= _DECIMAL_SCALE and len(tokens[i].text) <= MAX_DIGITS:
            return round(float(tokens[i].text.replace(",", ".")) * scale), i + 2
    value, j = _words_at(tokens, i, stop, pack)
    if value >= _THOUSAND and value % _THOUSAND == 0:  # "mil 200" → 1200
        return _thousands_tail(tokens, value, _THOUSAND, j, stop, pack)
    return value, j


def _thousands_tail(
    tokens: tuple[Token, ...], value: int, scale: int, end: int, stop: int, pack: LanguagePack
) -> tuple[int, int]:
    """``(value, end)`` with the figure written after a thousands scale added: a plain figure
    below a thousand ("mil 200" → 1200, "2 mil 500" → 2500; Mexican and Central American
    press) or one with a smaller scale of its own ("1 млн 300 тыс" → 1,300,000)."""
    if scale < _THOUSAND or end >= stop:
        return value, end
    tail = parse_digits(tokens[end].text)
    if tail is None or tail >= _THOUSAND or not tokens[end].text.isdigit():
        return value, end
    smaller = _scale_at(tokens, end + 1, stop, pack)
    if _THOUSAND <= smaller < scale:
        return _thousands_tail(tokens, value + tail * smaller, smaller, end + 2, stop, pack)
    return value + tail, end + 1
