"""Lookup keys of a phrase and its candidate places, for the recogniser (:mod:`.recognise`)
and for given spans (:mod:`.spans`): every word as written, with a case ending undone or in
the press's spelling of a Cyrillic letter (the pack's ``swaps``), then cross-script keys."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import product

from fogofwar.geo.index import Candidate, PlaceIndex
from fogofwar.geo.langdata import MEMO_MAX, LangPack
from fogofwar.geo.text import fold, skeleton

__all__ = ["keys", "lookup"]

_MAX_KEYS = 48
_SORTED_UP_TO = 256  # combinations ranked by how many likely endings they undo, up to this many


def keys(
    words: list[str], pack: LangPack, abbreviated: bool = False
) -> tuple[tuple[str, bool], ...]:
    """Lookup keys of a phrase: every word as written or with an ending undone. Combinations
    of early (likelier, longer-suffix) variants come first: "Кривому Розі" -> "кривий ріг".
    ``abbreviated``: a word the pack's ``name_abbreviations`` shorten is tried in full as well
    ("St. Kitts" -> "saint kitts"; for a span known to be a toponym: in running text "St.
    Patrick's Day" would be a place)."""
    phrase = (*words, "\x00") if abbreviated else tuple(words)
    got = pack.key_memo.get(phrase)
    if got is None:
        if len(pack.key_memo) >= MEMO_MAX:
            pack.key_memo.clear()
        got = pack.key_memo[phrase] = tuple(_make_keys(words, pack, abbreviated))
    return got


def _by_sum(sizes: list[int]) -> Iterator[tuple[int, ...]]:
    """Index combinations in order of their sum (fewest, likeliest changes first), lazily:
    "Харківської обласної військової адміністрації" needs only its first word's ending undone,
    however many variants the other words have."""
    for total in range(sum(sizes) - len(sizes) + 1):
        yield from _with_sum(sizes, total)


def _with_sum(sizes: list[int], total: int) -> Iterator[tuple[int, ...]]:
    if not sizes:
        if total == 0:
            yield ()
        return
    for k in range(min(sizes[0] - 1, total) + 1):
        for rest in _with_sum(sizes[1:], total - k):
            yield (k, *rest)


def _make_keys(words: list[str], pack: LangPack, abbreviated: bool) -> list[tuple[str, bool]]:
    options = [pack.variants(w.casefold()) for w in words]
    if abbreviated and len(words) > 1:  # "St. Kitts", "Mt. Pleasant": as written
        for k, w in enumerate(words[:-1]):
            full = [(f, False) for a, f in pack.name_abbreviations if a == w.casefold()]
            options[k] = options[k] + [f for f in full if f not in options[k]]
    combos: Iterator[tuple[int, ...]] = product(*(range(len(o)) for o in options))
    if math.prod(len(o) for o in options) <= _SORTED_UP_TO:
        combos = iter(sorted(combos, key=sum))
    else:
        combos = _by_sum([len(o) for o in options])
    keys: list[tuple[str, bool]] = []
    for combo in combos:
        forms = [options[k][v] for k, v in enumerate(combo)]
        keys.append((fold(" ".join(w for w, _ in forms)), any(c for _, c in forms)))
        if len(keys) >= _MAX_KEYS:
            break
    return keys


def _guided(words: list[str], pack: LangPack, index: PlaceIndex) -> list[str]:
    """Keys of a phrase too long for every combination of its undone endings, grown word by
    word and kept only while some name starts so: "Донецкой Народной Республике" ->
    "донецкая народная республика" (3 words of 6-9 forms each, past the first 48 keys)."""
    heads = [""]
    for w in words[:-1]:
        grown = (fold(f"{h} {v}".strip()) for h in heads for v, _ in pack.variants(w.casefold()))
        heads = [k for k in dict.fromkeys(grown) if index.has_prefix(k)][:_MAX_KEYS]
        if not heads:
            return []
    last = pack.variants(words[-1].casefold())
    return [fold(f"{h} {v}") for h in heads for v, _ in last]


def lookup(
    words: list[str], pack: LangPack, index: PlaceIndex, abbreviated: bool = False
) -> tuple[tuple[Candidate, ...], bool]:
    """Candidate places of a phrase (its words as written or with case endings undone, then
    cross-script keys) and whether they matched only after undoing an ending; ``abbreviated``:
    see :func:`keys`. Remembered per index (the recogniser asks the same phrases of every
    text, and a headline's context again)."""
    memo = index.phrase_memo
    key = (id(pack), tuple(words), abbreviated)
    got = memo.get(key)
    if got is None:
        if len(memo) >= MEMO_MAX:
            memo.clear()
        index.memo_packs[id(pack)] = pack
        got = memo[key] = _lookup(words, pack, index, abbreviated)
    return got


def _lookup(
    words: list[str], pack: LangPack, index: PlaceIndex, abbreviated: bool
) -> tuple[tuple[Candidate, ...], bool]:
    found: dict[int, Candidate] = {}
    as_written: set[int] = set()  # places the words name without undoing an ending
    changed_any = True
    found_keys = keys(words, pack, abbreviated)
    for key, changed in found_keys:
        cands = index.lookup(key)
        for c in cands:
            old = found.get(c.place.eid)
            if old is None or old.how > c.how:
                found[c.place.eid] = c
            if not changed:
                as_written.add(c.place.eid)
        if cands and not changed:
            changed_any = False
    written = fold(" ".join(words))
    if any(
        found[e].how == 0
        and found[e].place.kind not in ("city", "admin2")
        and fold(found[e].place.name) == written
        for e in as_written
    ):  # "Americas" is the area of that very name, not America (the US) with an ending (a
        # village's name as written may still be a city's form with a case ending)
        found = {e: c for e, c in found.items() if e in as_written}
    elif any(found[e].how == 0 for e in as_written):
        # "Lyman" names Lyman as written: not Lima by another name of "Lyma" + an ending
        found = {e: c for e, c in found.items() if e in as_written or c.how == 0}
    if not found and len(words) > 1 and len(found_keys) >= _MAX_KEYS:
        for key in _guided(words, pack, index):  # "Донецкой Народной Республике"
            for c in index.lookup(key):
                found.setdefault(c.place.eid, c)
    if not found and pack.skeleton:
        for key, changed in found_keys:
            sk = skeleton(key)
            if len(sk) >= 5:
                for c in index.lookup("~" + sk):
                    found.setdefault(c.place.eid, c)
                if found:
                    changed_any = changed
                    break
    return tuple(found.values()), changed_any and bool(found)
