"""Place names that open with an abbreviation or an article ("St. Louis", "Mt. Kenya", "The
Hague", "La Paz"): read whole by the recogniser (``geo/recognise.py``) only when the gazetteer
knows the whole name."""

from __future__ import annotations

from functools import cache

from fogofwar.geo.index import PlaceIndex
from fogofwar.geo.keys import lookup
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.lexicon import is_common
from fogofwar.geo.tokens import Hit, Token

__all__ = ["abbreviated_name", "article_name", "shortened"]

_MAX_N = 5  # words of a name, as the recogniser reads them
_SMALL = 10_000  # a town this big is a place by its own name
_HUGE = 1_000_000  # a name of common words names a place only when it is this big


def shortened(tokens: list[Token], k: int, text: str, pack: LangPack) -> bool:
    """Token ``k`` is one of the pack's name abbreviations as the pack writes it ("St.", "St",
    "Mt."; "Is." with its dot only: "Is" is a word)."""
    tok = tokens[k]
    low = tok.text.casefold()
    dotted = low if low.endswith(".") else low + "." if text[tok.end : tok.end + 1] == "." else ""
    forms = _short_forms(pack.name_abbreviations)
    return low in forms or dotted in forms


@cache
def _short_forms(abbreviations: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The abbreviations of a pack's ``name_abbreviations`` (worked out once per pack)."""
    return frozenset(a for a, _ in abbreviations)


def abbreviated_name(
    text: str, tokens: list[Token], i: int, pack: LangPack, index: PlaceIndex
) -> Hit | None:
    """A place named by an abbreviation and the capitalised words after it ("St. Kitts and
    Nevis", "St. Paris" as the gazetteer writes them; "St. Louis" -> "Saint Louis" looked up in
    full when a town of 10,000+ or a region): smaller namesakes of a saint ("St. Patrick") and
    a saint's first name with a possessive ("St. John's Health System", "St. Mary's") are
    rather a church, a hospital or a feast."""
    run = [tokens[i]]
    for t in tokens[i + 1 : i + _MAX_N]:
        if not t.glued:  # lower-case words too: "St. Kitts and Nevis"; the longest name wins
            break
        run.append(t)
    for n in range(len(run), 1, -1):
        last = run[n - 1]
        if not last.cap:
            continue
        words = [t.text for t in run[:n]]
        saint = n == 2 and (
            last.text.casefold() in pack.given_names or last.text.casefold() in pack.first_names
        )
        if saint and text[last.end : last.end + 2] in ("'s", "’s"):
            return None  # "St. Mary's", "St. John's Health System"
        cands, changed = lookup(words, pack, index)  # as the gazetteer writes it
        if not cands:
            found, changed = lookup(words, pack, index, abbreviated=True)
            cands = tuple(
                c for c in found
                if c.place.kind != "city" or (c.how == 0 and c.place.population >= _SMALL)
            )  # fmt: skip
        if cands:
            return Hit(i, i + n - 1, run[0].start, last.end, cands, changed, phrase=True)
    return None


def article_name(tokens: list[Token], i: int, pack: LangPack, index: PlaceIndex) -> Hit | None:
    """A place whose own name starts with a capitalised article or another word that starts
    no toponym ("The Hague", "La Paz", "Los Ángeles"): the article and the capitalised words
    after it name, as a whole, a town of 10,000+ (of 1,000,000+ when the words are common
    ones: "The Woodlands" is rather a home or a park) or a larger area."""
    for n in (3, 2):
        run = tokens[i : i + n]
        if len(run) < n or not all(t.glued and t.cap for t in run[1:]):
            continue
        cands, changed = lookup([t.text for t in run], pack, index)
        if changed:
            continue
        # "The Woodlands" of common words is rather a home or a park, unless a big city's
        common = all(is_common(t.text, pack.lang) for t in run[1:])
        least = _HUGE if common else _SMALL
        own = tuple(
            c for c in cands
            if c.how == 0 and (c.place.kind != "city" or c.place.population >= least)
        )  # fmt: skip
        if own:
            return Hit(i, i + n - 1, run[0].start, run[-1].end, own, False, phrase=True)
    return None
