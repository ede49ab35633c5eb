"""People listed by commas after a counted group: "загинули двоє дітей, жінка і чоловік" (4),
"two children, a woman and a man were killed" (4).

claims-v1 sums the groups of one toll. A figure's group may be followed, after a comma, by
people named each by a singular noun, the list closed by a joiner ("…, жінка і чоловік",
"…, a woman and a man"). The same shape is also an apposition that names the counted people
("двоє людей, чоловік і жінка", "two children, a boy and a girl"): it adds no one. The list is
read as more people only when the figure's group noun is no generic word for people (a pack
``groups`` noun of the people or civilians category) and, after a word for children, no item
is itself a child (a pack ``child_nouns`` word).
"""

from __future__ import annotations

from fogofwar.nlp.matcher import Token
from fogofwar.nlp.victims import Skip, _modifier, _person, _person_after, surface
from fogofwar.packs import LanguagePack

__all__ = ["listed_after", "listed_between", "without_asides"]

_GENERIC = frozenset({"people", "civilians"})  # group words that any listed person belongs to
_ITEMS = 4  # people a comma list may add
_ITEM_WORDS = 2  # words of one item in a language read by the analyser (an adjective, a noun)


def _item(toks: tuple[Token, ...], j: int, hi: int, pack: LanguagePack, skip: Skip) -> int | None:
    """End of one singular person named at token ``j``: a word for one and a person noun ("a
    woman", "un anciano") or, with the analyser, a singular person noun after at most one
    adjective ("жінка", "літній чоловік"); None when none starts there."""
    if skip(j):
        return None
    if pack.one.size and pack.persons.size:
        one = pack.one.match_at(toks, j, hi)
        if one is None or not surface(toks, one):
            return None
        return _person_after(toks, one.end, hi, pack)
    for k in range(j, min(hi, j + _ITEM_WORDS)):
        if not toks[k].is_word:
            return None
        if _person(toks, k, pack):
            return k + 1
        if not _modifier(toks, k, pack.lang):
            return None
    return None


def listed_after(
    toks: tuple[Token, ...],
    comma: int,
    hi: int,
    head: str | None,
    pack: LanguagePack,
    skip: Skip,
) -> int:
    """How many people a comma at token ``comma``, right after a counted group whose group noun
    has category ``head``, adds: singular persons separated by commas, the last one after a
    joiner, then the clause's end or punctuation; 0 when the list is an apposition (see the
    module docstring) or there is no such list."""
    if head in _GENERIC:
        return 0
    n, j, closed = 0, comma + 1, False
    starts: list[int] = []
    while j < hi and n < _ITEMS:
        end = _item(toks, j, hi, pack, skip)
        if end is None:
            return 0
        n, starts = n + 1, [*starts, j]
        if closed:
            if end < hi and toks[end].is_word:
                return 0  # "… і чоловік отримали поранення": another predicate follows
            break
        if end < hi and toks[end].text == ",":
            j = end + 1
            continue
        joiner = pack.joiners.match_at(toks, end, hi) if end < hi else None
        if joiner is None:
            return 0
        j, closed = joiner.end, True
    if not closed or n == 0:
        return 0
    if head == "children" and any(
        pack.child_nouns.match_at(toks, k, hi) is not None
        for s in starts
        for k in range(s, min(hi, s + _ITEM_WORDS + 1))
    ):
        return 0  # "двоє дітей, хлопчик і дівчинка": the two children named
    return n


def listed_between(
    toks: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack, skip: Skip
) -> int:
    """How many singular persons a list of counted groups names between two of its figures
    (tokens ``[lo, hi)``: "due donne, *un uomo* e due bambini", "zwei Polizisten, *ein
    Grenzbeamter* und vier Zivilisten"): after the comma, items separated by commas, the last
    one right before the joiner that ends at ``hi``; 0 when the gap holds no such list."""
    comma = next((k for k in range(lo, hi) if toks[k].text == ","), None)
    if comma is None:
        return 0
    n, j = 0, comma + 1
    while j < hi and n < _ITEMS:
        end = _item(toks, j, hi, pack, skip)
        if end is None:
            return 0
        n += 1
        if end < hi and toks[end].text == ",":
            j = end + 1
            continue
        joiner = pack.joiners.match_at(toks, end, hi) if end < hi else None
        return n if joiner is not None and joiner.end == hi else 0
    return 0


_ASIDE_WORDS = 4  # tokens inside a short parenthesis ("(45)", "(45 років)", "(five months)")


def without_asides(
    toks: tuple[Token, ...], at: int, lo: int, hi: int, skip: Skip
) -> tuple[tuple[Token, ...], int, int, Skip]:
    """A view of ``toks`` with the short parentheses of tokens ``[lo, hi)`` left out ("Eine
    Frau (45) und ihr Sohn (12)", "жінка (45 років) і її син"), so that the people around them
    read as one list: the tokens, token ``at`` and the clause end ``hi`` in the view, and
    ``skip`` on the view's indices. The tokens as they are when there is no such parenthesis
    (or ``at`` is inside one)."""
    drop: set[int] = set()
    for i in range(lo, hi):
        if toks[i].text != "(":
            continue
        for j in range(i + 1, min(hi, i + _ASIDE_WORDS + 2)):
            if toks[j].text == ")":
                if j > i + 1:
                    drop.update(range(i, j + 1))
                break
            if not (toks[j].is_word or toks[j].text.isdecimal()):
                break
    if not drop or at in drop:
        return toks, at, hi, skip
    kept = [i for i in range(lo, hi) if i not in drop]
    end, gone = lo + len(kept), hi - lo - len(kept)

    def skip_view(k: int) -> bool:
        return skip(kept[k - lo] if lo <= k < end else k + gone if k >= end else k)

    view = (*toks[:lo], *(toks[i] for i in kept), *toks[hi:])
    return view, lo + kept.index(at), end, skip_view
