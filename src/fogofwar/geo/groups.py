"""Armed groups of the actor registry (``data/actors.toml``, ``kind = "armed_group"``) as a
guard of the recogniser: a word that opens a listed group's name in the text ("Taliban",
"Boko Haram", "Wagner") names the group, not a small town or a town by another of its names
(Bozhüyük, Turkey, is "Taliban" in GeoNames; Boko is a village in Congo). A group's name that
holds a real region ("Kurdistan Workers' Party", "Tigray People's Liberation Front") keeps the
region: only weak town candidates give way.
"""

from __future__ import annotations

from functools import cache

from fogofwar.geo.tokens import Hit, Token, tokenize

__all__ = ["opens_group"]

_TOWN = 15_000  # a town this big under its own name stays a place


@cache
def _group_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every armed group's alias, as the tokenizer splits it, lower case, by its first word."""
    from fogofwar.actors.registry import ActorRegistry  # on first use: geo loads without it

    out: dict[str, set[tuple[str, ...]]] = {}
    for entry in ActorRegistry.load().entries:
        if entry.kind != "armed_group":
            continue
        for alias in entry.aliases:
            words = tuple(t.text.casefold() for t in tokenize(alias))
            if words and alias[:1].isupper():
                out.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group)) for first, group in out.items()}


def opens_group(tokens: list[Token], hit: Hit) -> bool:
    """``hit`` starts a listed armed group's name written in full ("Boko Haram", "Taliban")
    and names only small towns or towns by another of their names."""
    if any(c.how == 0 and c.place.population >= _TOWN for c in hit.cands):
        return False
    if any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return False
    for words in _group_words().get(tokens[hit.first].text.casefold(), ()):
        end = hit.first + len(words)
        if end < hit.last + 1 or end > len(tokens):
            continue
        span = tokens[hit.first : end]
        if tuple(t.text.casefold() for t in span) == words and all(t.glued for t in span[1:]):
            return True
    return False
