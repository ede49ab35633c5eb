"""Well-known persons of the actor registry (``data/actors.toml``, ``[[person]]``) as a guard
of the recogniser: a place word right before the surname of a listed person is that person's
first name ("Vladimir Putin", "Benjamin Netanyahu", "Владимира Путина", "Беньяміном
Нетаньягу"), never the town Vladimir or a hamlet Beniamin.

Surnames are the last words of the registry's multi-word aliases in every language; a word
matches one as written, with a German genitive s, or in Cyrillic with a case ending of up to
three letters ("Путина", "Путіним", "Зеленського").
"""

from __future__ import annotations

from functools import cache

from fogofwar.geo.lexicon import is_cyrillic
from fogofwar.geo.tokens import Hit, Token

__all__ = ["before_famous_surname", "famous_alone", "famous_surnames"]

_ENDING = 3  # letters of a case ending after a surname ("Путин" -> "Путиным")
_SHORT = 4  # surnames shorter than this match only as written
#: Cyrillic surname endings a case form replaces ("Зеленський" -> "Зеленського"); a surname
#: ending in another vowel or a soft sign loses that letter ("Шойгу", "Мединский"), one
#: ending in a consonant keeps every letter ("Подоляк" -> "Подоляка", never "Подольску")
_ADJ_ENDINGS = ("ий", "ій", "ый", "ой", "ая", "яя")
_SOFT_ENDINGS = tuple("аяоеьйыіиуюєї")
_TOWN = 100_000  # a city this big under its own name stays a place against a listed surname


@cache
def famous_surnames() -> frozenset[str]:
    """Surnames (lower case) of the registry's persons, from their multi-word aliases."""
    from fogofwar.actors.registry import ActorRegistry  # on first use: geo loads without it

    out: set[str] = set()
    for person in ActorRegistry.load().persons:
        for alias in person.aliases:
            words = alias.split()
            if len(words) > 1 and words[-1][:1].isupper():
                out.add(words[-1].casefold())
    return frozenset(out)


@cache
def _by_start() -> dict[str, tuple[str, ...]]:
    """Surnames by their first :data:`_SHORT` letters."""
    out: dict[str, list[str]] = {}
    for name in famous_surnames():
        out.setdefault(name[:_SHORT], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def _is_famous(word: str) -> bool:
    """``word`` is a listed surname as written, with a German genitive s ("Putins"), or, in
    Cyrillic, in another case: it and the surname differ only in their last letters, at most
    :data:`_ENDING` ("Путина", "Путиным" for "Путин"; "Зеленського" for "Зеленський")."""
    low = word.casefold()
    names = famous_surnames()
    if low in names or (low.endswith("s") and low[:-1] in names):
        return True
    if not is_cyrillic(word):
        return False  # "School" is no case of "Scholz"
    for name in _by_start().get(low[:_SHORT], ()):
        if len(name) <= _SHORT or abs(len(low) - len(name)) > _ENDING:
            continue
        if low[: _stem(name)] == name[: _stem(name)]:
            return True
    return False


def _stem(name: str) -> int:
    """How many letters of a Cyrillic surname its case forms keep (at least _SHORT + 1)."""
    if name.endswith(_ADJ_ENDINGS):
        return max(_SHORT + 1, len(name) - 2)
    if name.endswith(_SOFT_ENDINGS):
        return max(_SHORT + 1, len(name) - 1)
    return max(_SHORT + 1, len(name))


def before_famous_surname(tokens: list[Token], hit: Hit) -> bool:
    """A single-word hit right before (space only) a capitalised word that is a listed
    person's surname: a first name, not a place."""
    if hit.phrase or hit.first != hit.last or hit.demonym is not None:
        return False
    nxt = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    return (
        nxt is not None
        and nxt.glued
        and not nxt.hyphen
        and nxt.cap
        and not nxt.text.isupper()
        and _is_famous(nxt.text)
    )


def famous_alone(tokens: list[Token], hit: Hit) -> bool:
    """A single-word hit that is a listed person's surname ("Abbas said", "Аббас заявил") and
    names no town of _TOWN+ by its own name: the person, not a village (Abba, Nigeria)."""
    if hit.phrase or hit.first != hit.last or hit.demonym is not None:
        return False
    word = tokens[hit.first].text
    if len(word) <= _SHORT or word.isupper():
        return False
    if any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return False
    if any(c.how == 0 and c.place.population >= _TOWN for c in hit.cands):
        return False
    return _is_famous(word)
