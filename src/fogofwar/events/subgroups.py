"""Subgroup figures a count's qualifier states: "14 killed, including six children".

A total often carries the figure of a part of its victims in its qualifier ("серед них шестеро
дітей", "dont neuf enfants", "darunter neun Kinder", "among them three officers"). Such a part
is its own victim group (:mod:`.victims`: children and women under civilians, officers under the
fighters of a side), reconciled on its own and never standing for the total. Each figure of the
qualifier is read with the language pack's number reader and belongs to the group the words after
it (up to the next figure) name; a figure naming no known subgroup, or larger than its total, is
left out. A qualifier with no figure counts its singular nouns ("among them a six-year-old boy":
one child; "a woman and her baby": one woman, one child).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from fogofwar.claim import Claim, Count
from fogofwar.events.victims import CIVILIANS, COMBATANTS, count_group, subgroup_of_words

if TYPE_CHECKING:
    from fogofwar.packs import LanguagePack

__all__ = ["SubgroupCount", "qualifier_subgroups"]

_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class SubgroupCount:
    """A figure for a part of a count's victims, read from the count's qualifier."""

    group: str  # e.g. ``civilians/children``, ``combatants/UKR/officers``
    low: int | None
    high: int | None


@lru_cache(maxsize=1)
def _packs() -> dict[str, LanguagePack]:
    from fogofwar.packs import load_packs

    return load_packs()


def _figures(text: str, lang: str) -> list[tuple[int | None, int | None, str]]:
    """``(low, high, words after it)`` for each figure of ``text``."""
    from fogofwar.nlp.numbers import find_quantities
    from fogofwar.nlp.segment import tokenize

    pack = _packs().get(lang)
    if pack is None:
        return []
    tokens = tokenize(text, lang)
    found = [
        q
        for q in find_quantities(tokens, 0, len(tokens), pack, frozenset())
        if q.toll and not q.vague
    ]
    out = []
    for i, q in enumerate(found):
        end = found[i + 1].span.start if i + 1 < len(found) else len(text)
        out.append((q.low, q.high, text[q.span.end : end]))
    return out


# Singular nouns that name one child or one woman (de en es fr it ru uk): "among them a
# six-year-old boy" is one child though no figure is written.
_ONE = {
    "children": frozenset(
        {
            "boy",
            "girl",
            "child",
            "baby",
            "infant",
            "toddler",
            "teenager",
            "junge",
            "mädchen",
            "kind",
            "kleinkind",
            "säugling",
            "garçon",
            "fillette",
            "enfant",
            "bébé",
            "nourrisson",
            "niño",
            "niña",
            "bebé",
            "bambino",
            "bambina",
            "neonato",
            "мальчик",
            "девочка",
            "ребёнок",
            "ребенок",
            "младенец",
            "подросток",
            "хлопчик",
            "дівчинка",
            "дитина",
            "немовля",
            "підліток",
        }
    ),
    "women": frozenset({"woman", "frau", "femme", "mujer", "donna", "женщина", "жінка"}),
}


def _singulars(text: str) -> dict[str, int]:
    """How many singular child and woman nouns ``text`` has, per subgroup."""
    words = [w.lower() for w in _WORDS.findall(text)]
    return {kind: n for kind, nouns in _ONE.items() if (n := sum(w in nouns for w in words))}


def qualifier_subgroups(claim: Claim, count: Count) -> tuple[SubgroupCount, ...]:
    """The subgroup figures the qualifier of ``count`` (a count of ``claim``) states."""
    if not count.qualifier:
        return ()
    total = count_group(claim, count)
    total_value = count.high if count.high is not None else count.low
    sides = [g.split("/")[1] for g in (total,) if g.startswith(f"{COMBATANTS}/")]
    figures = _figures(count.qualifier, claim.lang)
    out: list[SubgroupCount] = []
    if not figures and not total.startswith(COMBATANTS):  # "among them a six-year-old boy"
        for noun, n in _singulars(count.qualifier).items():
            if total_value is None or n <= total_value:
                out.append(SubgroupCount(f"{CIVILIANS}/{noun}", n, n))
    for low, high, words in figures:
        kind = subgroup_of_words(words)
        value = low if low is not None else high
        if kind is None or value is None:
            continue
        if total_value is not None and value > total_value:
            continue  # a part is never larger than its whole
        if kind in ("children", "women"):
            if total.startswith(COMBATANTS):
                continue
            group = f"{CIVILIANS}/{kind}"
        else:
            group = f"{COMBATANTS}/{sides[0] if sides else '?'}/officers"
        out.append(SubgroupCount(group, low, high))
    return tuple(out)
