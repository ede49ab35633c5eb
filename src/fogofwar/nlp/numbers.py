"""Figures in text: digits, number words, bounds, ranges and vague quantities.

Bounds follow the claims-v1 contract: "at least n" → n..null, "more than n" → n+1..null,
"up to n"/"almost n" → null..n, "fewer than n" → null..n-1, "about n" → n..n (the stated figure),
"n to m"/"n-m" → n..m; a bound word that ends a pack ``rise`` phrase ("выросло до 35",
"зросла до 33") introduces the new figure, not an upper bound. Vague words map through the
pack's ``[numbers.vague]`` table; a bound word before an exact vague figure applies to it
("more than a dozen" → 13..null). Numbers followed by a pack unit word ("5 km", "3 Tage",
"93 бригады"), four-digit years, figures inside dates or beside a month name ("June 11",
"14 de marzo"), sums of money ("$100"), a rate's base ("per 100,000"), ages ("45-year-old"),
ordinals ("47th", "3e", German "93. Brigade") and times of day ("10:30") are not counts. The
value of one written number is read in :mod:`fogofwar.nlp.number_words`.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.model import Span
from fogofwar.nlp.doc import Doc, Quantity, Resources
from fogofwar.nlp.matcher import Token, token_starts
from fogofwar.nlp.number_words import MAX_DIGITS, number_at, parse_digits
from fogofwar.nlp.pipeline import stage
from fogofwar.packs import LanguagePack

__all__ = ["MAX_DIGITS", "find_quantities", "parse_digits", "quantities"]

_MAX_BOUND_WORDS = 3
_LINK_LEN = 3  # a linking word between a vague figure and its unit ("de", "di", "of")
_CURRENCY = frozenset("$€£₴₽¥")  # a figure right after a currency sign is money


def _attached_word(tokens: Sequence[Token], end: int, hi: int) -> bool:
    """A figure glued by a hyphen to a word ("45-year-old", "45-летний", "3-Zimmer") is part of
    an adjective (an age, a size), never a head count: "45-" with no space either side of the
    hyphen, then a letter."""
    if end + 1 >= hi or tokens[end].text not in "-‐–":
        return False
    hyphen, word = tokens[end], tokens[end + 1]
    return (
        hyphen.start == tokens[end - 1].end and word.start == hyphen.end and word.text[:1].isalpha()
    )


def _unit_after(tokens: Sequence[Token], k: int, hi: int, pack: LanguagePack) -> bool:
    """A pack unit word at token ``k``, or after one short linking word ("decenas de años",
    "decine di anni")."""
    for j in (k, k + 1):
        if j >= hi:
            return False
        if pack.units.match_at(tokens, j, hi) is not None:
            return True
        if len(tokens[j].text) > _LINK_LEN:
            return False
    return False


def _people_after(tokens: Sequence[Token], k: int, hi: int, pack: LanguagePack) -> bool:
    """A victim noun ("people", "Soldaten", "человек") or a casualty word right after token
    ``k - 1``: the four digits before it count people, they are no year."""
    if k >= hi:
        return False
    if pack.groups.match_at(tokens, k, hi) is not None:
        return True
    trig = pack.triggers.match_at(tokens, k, hi)
    return trig is not None and trig.payload.count is not None


def _glued(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` follows token ``k - 1`` with no space between."""
    return tokens[k].start == tokens[k - 1].end


def _digit_group(tok: Token) -> bool:
    return tok.text.replace(" ", "").isdecimal()


def _phone(tokens: Sequence[Token], i: int, end: int, lo: int, hi: int) -> bool:
    """The figure ``tokens[i:end]`` is part of a telephone number, never a head count: a digit
    group with a leading zero ("044", "0 800 500 225"), a country code ("+380"), an area code
    in brackets before it ("(044) 287-81-65"), a group right after one of these, one of three
    or more digit groups glued by hyphens ("287-81-65"), or one of two such groups one of
    which has a leading zero ("555-0134")."""
    text = tokens[i].text.replace(" ", "")
    if end != i + 1 or not text.isdecimal():
        return False
    if len(text) > 1 and text.startswith("0"):
        return True
    if i > lo and tokens[i - 1].text == "+" and _glued(tokens, i):
        return True
    if i - 3 >= lo and tokens[i - 1].text == ")" and tokens[i - 3].text == "(":
        return _digit_group(tokens[i - 2])
    if i > lo and _digit_group(tokens[i - 1]) and _phone(tokens, i - 1, i, lo, hi):
        return True  # "030 1234567", "+7 495 …": the next group of the same number
    first = i  # the chain of hyphen-glued digit groups around the figure
    while (
        first - 2 >= lo
        and tokens[first - 1].text in "-‐–"
        and _glued(tokens, first)
        and _glued(tokens, first - 1)
        and _digit_group(tokens[first - 2])
    ):
        first -= 2
    last = i
    while (
        last + 2 < hi
        and tokens[last + 1].text in "-‐–"
        and _glued(tokens, last + 1)
        and _glued(tokens, last + 2)
        and _digit_group(tokens[last + 2])
    ):
        last += 2
    groups = [tokens[k].text for k in range(first, last + 1, 2)]
    return len(groups) >= 3 or (len(groups) == 2 and any(g.startswith("0") for g in groups))


def _labelled(tokens: tuple[Token, ...], i: int, lo: int, pack: LanguagePack) -> bool:
    """A pack ``labels`` word names a numbered thing right before the figure at ``i``, maybe
    with its abbreviation dot ("статье 283", "ст. 283", "Article 51", "№ 5"): an identifier."""
    k = i - 1 if i - 1 > lo and tokens[i - 1].text == "." and _glued(tokens, i - 1) else i
    return any(m.end == k for m in pack.labels.find(tokens, max(lo, k - 2), k))


def _bracketed(
    tokens: tuple[Token, ...], i: int, end: int, lo: int, hi: int, pack: LanguagePack
) -> bool:
    """The figure stands alone in brackets right after a word, with no casualty word just
    before ("Eine Frau (45)", "his granddaughter (9)"; not "the dead (12)", "арестованных
    журналистов (67)"): an age or a reference beside a name, no head count."""
    if not (
        i - 2 >= lo
        and end < hi
        and tokens[i - 1].text == "("
        and tokens[end].text == ")"
        and tokens[i - 2].is_word
    ):
        return False
    words = pack.triggers.find(tokens, max(lo, i - 5), i - 1)  # "арестованных журналистов (67)"
    return not any(i - 3 <= m.end <= i - 1 and m.payload.count for m in words)


def _clock(tokens: Sequence[Token], end: int, hi: int) -> int:
    """End of a time of day starting with the figure ending at ``end`` ("10:30", "03:00"), or
    0 when it is none."""
    if (
        end + 1 < hi
        and tokens[end].text == ":"
        and tokens[end + 1].text.isdecimal()
        and _glued(tokens, end)
        and _glued(tokens, end + 1)
        and len(tokens[end + 1].text) == 2
    ):
        return end + 2
    return 0


def _minutes(tokens: Sequence[Token], i: int) -> bool:
    """The figure at ``i`` is the minutes of a time of day ("10:30"), even when a sentence
    split fell on the colon."""
    return (
        i >= 2
        and tokens[i - 1].text == ":"
        and tokens[i - 2].text.isdecimal()
        and _glued(tokens, i)
        and _glued(tokens, i - 1)
    )


def _suffixed(tokens: Sequence[Token], end: int, hi: int) -> bool:
    """A figure with letters glued to it ("47th", "3e", "47esima", "5km") is an ordinal or a
    measure, never a head count."""
    return (
        end < hi
        and tokens[end - 1].text.isdecimal()
        and _glued(tokens, end)
        and tokens[end].text[:1].isalpha()
    )


def _beside_month(
    tokens: Sequence[Token], i: int, end: int, lo: int, hi: int, pack: LanguagePack
) -> bool:
    """A figure right before or after a month name ("June 11", "11 June", "11. Juni",
    "11 июня") is a day of the month, never a head count (whether or not the date stage
    resolved it)."""

    def month(k: int) -> bool:
        m = pack.dates.match_at(tokens, k, hi) if lo <= k < hi else None
        return m is not None and m.payload.kind == "month"

    after = end
    if end < hi and (tokens[end].text == "." or tokens[end].lower in pack.date_links):
        after = end + 1  # German "11. Juni", Spanish "14 de marzo"
    if end - i != 1:
        return False
    if month(after):
        return True
    # after the month ("June 11"): a day in digits, unless the month has its day before it
    # ("5 серпня троє членів родини загинули": the second figure is a head count)
    day = parse_digits(tokens[i].text)
    prev = i - 2 if i - 2 >= lo and tokens[i - 1].text == "." else i - 1  # "Jan. 31"
    dated = prev - 1 >= lo and parse_digits(tokens[prev - 1].text) is not None
    return prev >= lo and month(prev) and day is not None and 1 <= day <= 31 and not dated


_OLDEST = 110


def _rate_before(tokens: tuple[Token, ...], end: int, hi: int, pack: LanguagePack) -> bool:
    """A pack ``rates`` word and a figure follow the figure ending at ``end`` ("40 per
    100,000"): it is a rate, no head count."""
    r = pack.rates.match_at(tokens, end, hi) if end < hi else None
    return r is not None and r.end < hi and number_at(tokens, r.end, hi, pack)[0] >= 0


def _age_apposition(
    tokens: tuple[Token, ...], i: int, end: int, lo: int, hi: int, pack: LanguagePack
) -> bool:
    """A figure set off right after a person noun ("a man, 45, was killed", "eine Frau (72)")
    is the person's age."""
    if end != i + 1 or i - 2 < lo or end >= hi:
        return False
    value = parse_digits(tokens[i].text)
    if value is None or not 0 < value <= _OLDEST:
        return False
    if (tokens[i - 1].text, tokens[end].text) not in ((",", ","), ("(", ")")):
        return False
    start = max(lo, i - 4)
    return any(m.end == i - 1 for m in pack.persons.find(tokens, start, i - 1)) or any(
        m.end == i - 1 for m in pack.groups.find(tokens, start, i - 1)
    )


def _rise_words(tokens: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack) -> frozenset[int]:
    """Token indices inside a rising-figure phrase ("выросло до", "зросла до", "rose to")."""
    if not pack.rise.size:
        return frozenset()
    return frozenset(k for m in pack.rise.find(tokens, lo, hi) for k in range(m.start, m.end))


def _bound_before(
    tokens: tuple[Token, ...], i: int, lo: int, pack: LanguagePack, rise: frozenset[int]
) -> tuple[str, int] | None:
    for k in range(max(lo, i - _MAX_BOUND_WORDS), i):
        if k in rise:  # "выросло до 35": the new figure, not "up to 35"
            continue
        m = pack.bounds.match_at(tokens, k, i)
        if m is not None and (
            m.end == i or (m.end == i - 1 and tokens[i - 1].lower in pack.determiners)
        ):
            return m.payload, k
    return None


def _apply(bound: str | None, n: int) -> tuple[int | None, int | None]:
    if bound == "at_least":
        return n, None
    if bound == "more_than":
        return n + 1, None
    if bound == "up_to":
        return None, n
    if bound == "fewer_than":
        return None, max(n - 1, 0)
    return n, n


def _after_rise_by(tokens: tuple[Token, ...], i: int, lo: int, pack: LanguagePack) -> bool:
    """A pack ``rise_by`` phrase ends right before token ``i`` ("rose by *two*", "stieg um
    *zwei*", "зросла на *двох*"): the figure there is a toll's increase."""
    if not pack.rise_by.size:
        return False
    near = pack.rise_by.find(tokens, max(lo, i - _MAX_BOUND_WORDS), i)
    return any(m.end == i for m in near)


def find_quantities(
    tokens: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack, blocked: frozenset[int]
) -> list[Quantity]:
    """Quantities in ``tokens[lo:hi]``, skipping token indices in ``blocked`` (dates)."""
    out: list[Quantity] = []
    rise: frozenset[int] | None = None
    i = lo
    while i < hi:
        if i in blocked:
            i += 1
            continue
        vague = pack.vague.match_at(tokens, i, hi)
        scale = (
            pack.number_scales.get(tokens[vague.end].lower, 0)
            if vague is not None and vague.end < hi
            else 0
        )
        if vague is not None and (
            scale or vague.end >= hi or number_at(tokens, vague.end, hi, pack)[0] < 0
        ):
            low, high = vague.payload
            vague_end = vague.end + (1 if scale else 0)
            if scale:  # "несколько тысяч", "several thousand": the vague range, scaled
                low = None if low is None else low * scale
                high = None if high is None else high * scale
            toll = not _unit_after(tokens, vague_end, hi, pack)  # "dozens of years"
            start_tok = i
            # "більше сотні", "свыше тысячи": after a bound word the plural-looking form is the
            # genitive singular of the scale noun (one hundred, one thousand), not "hundreds"
            one = pack.number_scales.get(tokens[i].lower) if vague.end - i == 1 else None
            exact = low is not None and low == high and low > 0
            if exact or (one and not scale):  # "more than a dozen" → 13..null
                if rise is None:
                    rise = _rise_words(tokens, lo, hi, pack)
                bound = _bound_before(tokens, i, lo, pack, rise)
                if bound is not None:
                    figure = low if exact and low is not None else one or 0
                    (low, high), start_tok = _apply(bound[0], figure), bound[1]
            span = Span(tokens[start_tok].start, tokens[vague_end - 1].end)
            out.append(Quantity(span, low, high, start_tok, vague_end, vague=True, toll=toll))
            i = vague_end
            continue
        value, end = number_at(tokens, i, hi, pack)
        if value < 0:
            i += 1
            continue
        if rise is None:
            rise = _rise_words(tokens, lo, hi, pack)
        bound = _bound_before(tokens, i, lo, pack, rise)
        if (
            bound is not None
            and out
            and out[-1].tok_end == bound[1]
            and _after_rise_by(tokens, out[-1].tok_start, lo, pack)
        ):
            bound = None  # "зросла на трьох до 17": the new total after the increase
        # a bare four-digit figure is a year ("2022"), unless a bound word before a figure
        # that is no modern year says it is a count ("mehr als 1300", "more than 5000")
        is_year = (
            tokens[i].text.isdecimal()
            and len(tokens[i].text) == 4
            and end == i + 1
            and (bound is None or bound[0] in ("up_to", "fewer_than") or 1900 <= value <= 2100)
            and not _people_after(tokens, end, hi, pack)  # "1500 people", "2000 Soldaten"
        )
        money = i > lo and tokens[i - 1].text in _CURRENCY  # "$100 тис", "€2 million"
        unit_at = end
        if (
            end + 1 < hi
            and tokens[end].text == "."
            and _glued(tokens, end)
            and tokens[end - 1].text.isalpha()
        ):
            unit_at = end + 1  # "500 тыс. руб.": the abbreviated scale's dot, then the unit
        if (
            is_year
            or money
            or (unit_at < hi and pack.units.match_at(tokens, unit_at, hi) is not None)
        ):
            i = end
            continue
        if _attached_word(tokens, end, hi):  # "45-year-old", "45-летний", "45-jähriger"
            i = end
            continue
        # a day of the month, a time of day, an ordinal or an age: a figure, but no head count
        toll = not (
            _clock(tokens, end, hi)
            or _minutes(tokens, i)
            or _phone(tokens, i, end, lo, hi)
            or (end == i + 1 and _suffixed(tokens, end, hi))
            or (
                pack.ordinal_dot
                and end + 1 < hi
                and tokens[end].text == "."
                and _glued(tokens, end)
            )
            or _beside_month(tokens, i, end, lo, hi, pack)
            or any(a.end in (i - 1, i) for a in pack.ages.find(tokens, max(lo, i - 4), i))
            or _labelled(tokens, i, lo, pack)
            or _bracketed(tokens, i, end, lo, hi, pack)
            or _age_apposition(tokens, i, end, lo, hi, pack)
            or any(r.end == i for r in pack.rates.find(tokens, max(lo, i - 3), i))  # per 100,000
            or _rate_before(tokens, end, hi, pack)  # "40 per 100,000"
        )
        start_tok = i
        low, high = _apply(bound[0] if bound else None, value)
        if bound is not None:
            start_tok = bound[1]
        # ranges: "5 bis 10", "5-10", "от 5 до 10"; not the increase of "rose by two to 14"
        by = _after_rise_by(tokens, start_tok, lo, pack)
        if by:
            toll = False  # the change of a toll, not a toll ("зросла на двох до 14")
        if (
            not by
            and end + 1 < hi
            and (tokens[end].lower in pack.range_words or tokens[end].text in "-–")
        ):
            second = end + 1
            if (
                second + 1 < hi
                and tokens[second].lower in pack.determiners
                and number_at(tokens, second, hi, pack)[0] < 0
            ):
                second += 1  # "tra le 20 e le 30"; not "between two and *three*"
            value2, end2 = number_at(tokens, second, hi, pack)
            if value2 > value:
                low, high, end = value, value2, end2
        span = Span(tokens[start_tok].start, tokens[end - 1].end)
        out.append(Quantity(span, low, high, start_tok, end, toll=toll))
        i = end
    return out


@stage("quantities.v1", requires=["tokens", "sentences", "dates"], provides=["quantities"])
def quantities(doc: Doc, res: Resources) -> Doc:
    """Find every figure in the document's sentences."""
    pack = res.packs[doc.lang]
    blocked: frozenset[int] = frozenset()
    if doc.dates:  # tokens starting inside a date (tokens are in text order: bisect)
        starts = token_starts(doc.tokens)
        blocked = frozenset(
            i
            for d in doc.dates
            for i in range(
                bisect.bisect_left(starts, d.span.start), bisect.bisect_left(starts, d.span.end)
            )
        )
    found: list[Quantity] = []
    for sent in doc.sentences:
        found.extend(find_quantities(doc.tokens, sent.tok_start, sent.tok_end, pack, blocked))
    return dataclasses.replace(doc, quantities=tuple(found))
