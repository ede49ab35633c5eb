"""Streets and natural features the gazetteer has no entry for: "Clinton Street", "40th Avenue
South", "Chestatee River", "Lake Lanier", "Mount Rainier", and the names of a list the text calls
streets ("State and Hubbard streets").

A feature is one to three capitalised words (or an ordinal, "40th") before a street or water
word of the pack (``feature_after``: "Street", "Road", "River", "Lake"), or a water or
mountain word before one or two capitalised words (``feature_before``: "Lake", "Mount",
"River"), with an optional compass word after a street ("Interstate 64 West" is not one: no
numbered roads, which news rarely means as places). A leading function word ("The", "On")
is left out; a span opening with a common first name or title is a person's or body's name
("Judge Street" is no street: the title is in ``skip_initial``).

Such a mention names a place inside the town the text is about: :class:`fogofwar.geo.Gazetteer`
locates it at the text's anchor (no GeoNames id of its own), as it does a given span the
gazetteer has no name for.
"""

from __future__ import annotations

import re
from functools import cache

from fogofwar.geo.langdata import LangPack

__all__ = ["feature_spans", "listed_streets"]

# a word of the name; one ending in a dot is an abbreviation ("St.", "N."), not a sentence's
# end ("… in St. Louis. St. Mary's …" names no street)
_WORD = r"(?:[A-Z][\w'’-]*|[A-Z][a-z]{0,2}\.|\d+(?:st|nd|rd|th))"
_COMPASS = r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|N\.|S\.|E\.|W\.)"


def _alternation(words: frozenset[str]) -> str:
    """Words as a regex alternation, each capitalised (as written in a name), longest first."""
    forms = sorted({w[:1].upper() + w[1:] for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in forms)


@cache
def _patterns(after: frozenset[str], before: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    out = []
    if after:
        out.append(
            re.compile(
                rf"(?<![\w.])(?:{_WORD}[ \t]+){{1,3}}(?:{_alternation(after)})(?![\w])"
                rf"(?:[ \t]+{_COMPASS}(?![\w]))?"
            )
        )
    if before:
        out.append(
            re.compile(
                rf"(?<![\w.])(?:{_alternation(before)})[ \t]+(?:[A-Z][\w'’-]*)"
                rf"(?:[ \t]+[A-Z][\w'’-]*)?(?![\w])"
            )
        )
    return tuple(out)


_NAME = r"(?:[A-Z][\w'’-]*\.?)(?:[ \t]+[A-Z][\w'’-]*\.?)?"
_PLURAL_LIST = re.compile(
    rf"(?<![\w.])({_NAME}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+){_NAME})+)"
    r"[ \t]+(?:streets|avenues|roads|lanes|drives|boulevards)\b"
)
_LIST_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+")


def listed_streets(text: str, pack: LangPack) -> list[tuple[int, int]]:
    """The names of a list the text calls streets ("State and Hubbard streets"): streets even
    where a town bears the name ("Hubbard")."""
    if not pack.feature_after:
        return []
    out = []
    for m in _PLURAL_LIST.finditer(text):
        start = m.start(1)
        for part in _LIST_SPLIT.split(m.group(1)):
            at = text.index(part, start)
            out.append((at, at + len(part)))
            start = at + len(part)
    return out


def feature_spans(text: str, pack: LangPack) -> list[tuple[int, int]]:
    """``(start, end)`` of every street or natural feature named in ``text``, in text order,
    without overlaps (the longer of two overlapping spans wins)."""
    found: list[tuple[int, int]] = []
    for rx in _patterns(pack.feature_after, pack.feature_before):
        for m in rx.finditer(text):
            span = _trimmed(text, m.start(), m.end(), pack)
            if span is not None:
                found.append(span)
    found += listed_streets(text, pack)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for a, b in found:
        if out and a < out[-1][1]:
            if b - a > out[-1][1] - out[-1][0]:
                out[-1] = (a, b)
            continue
        out.append((a, b))
    return out


def _trimmed(text: str, start: int, end: int, pack: LangPack) -> tuple[int, int] | None:
    """The span without leading function words ("On Main Street" -> "Main Street"); ``None``
    when nothing but the feature word is left, or a title opens it ("Judge Street")."""
    words = text[start:end].split()
    feature = {w.casefold() for w in (*pack.feature_after, *pack.feature_before)}
    while words and words[0].casefold().rstrip(".") in pack.skip_initial:
        start = text.index(words[0], start) + len(words[0])
        while text[start].isspace():
            start += 1
        words = words[1:]
    named = [w for w in words if w.casefold() not in feature and w.casefold().rstrip(".")]
    if len(named) == 0 or len(words) < 2:
        return None
    if words[0].casefold().rstrip(".") in pack.given_names and len(words) > 2:
        return None  # "Ben Paul Street"? rather a person named before a word
    return start, end
