"""Token-sequence matching for language-pack word lists.

A pattern is a space-separated sequence of words. A word ending in ``*`` matches any token whose
lower-cased form or lemma starts with it (``"festgenomm*"``, ``"погиб*"``); any other word matches
a token whose lower-cased form or lemma equals it. Matching is over :class:`Token` tuples and
returns token index ranges; patterns are normalised like tokens (:func:`norm`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["Match", "PhraseMatcher", "Token", "norm", "token_starts"]

T = TypeVar("T")

_APOSTROPHES = str.maketrans({"’": "ʼ", "'": "ʼ", "`": "ʼ", "‘": "ʼ", "ё": "е", "Ё": "Е"})


def norm(word: str) -> str:
    """Lower-case ``word`` and unify apostrophes (’ ' → ʼ) and ё → е for matching."""
    return word.lower().translate(_APOSTROPHES)


@dataclass(frozen=True, slots=True)
class Token:
    """One token with its offsets into the document text, its normalised form and lemma."""

    text: str
    start: int
    end: int
    lower: str
    lemma: str
    # True for alphanumeric tokens (not punctuation): worked out once, read very often
    is_word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _SET_IS_WORD(self, self.text[:1].isalnum())

    @staticmethod
    def make(text: str, start: int, end: int, lower: str, lemma: str) -> Token:
        """``Token(text, start, end, lower, lemma)``, built at half the cost of the frozen
        dataclass's ``__init__`` (slots set directly; tokenizers build one per word)."""
        tok = _new(Token)
        _SET_TEXT(tok, text)
        _SET_START(tok, start)
        _SET_END(tok, end)
        _SET_LOWER(tok, lower)
        _SET_LEMMA(tok, lemma)
        _SET_IS_WORD(tok, text[:1].isalnum())
        return tok

    @property
    def is_capitalized(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[:1].isupper()


_new = object.__new__
_SET_TEXT, _SET_START, _SET_END, _SET_LOWER, _SET_LEMMA, _SET_IS_WORD = (
    Token.__dict__[name].__set__ for name in ("text", "start", "end", "lower", "lemma", "is_word")
)


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A pattern found at tokens ``[start, end)`` with its payload."""

    start: int
    end: int
    payload: T
    pattern: str


_SET_M_START, _SET_M_END, _SET_M_PAYLOAD, _SET_M_PATTERN = (
    Match.__dict__[name].__set__ for name in ("start", "end", "payload", "pattern")
)


def _match(start: int, end: int, payload: T, pattern: str) -> Match[T]:
    """``Match(start, end, payload, pattern)`` without the frozen dataclass's ``__init__``
    (slots set directly: :meth:`PhraseMatcher.match_at` builds one per hit)."""
    m: Match[T] = _new(Match)
    _SET_M_START(m, start)
    _SET_M_END(m, end)
    _SET_M_PAYLOAD(m, payload)
    _SET_M_PATTERN(m, pattern)
    return m


_Word = tuple[str, bool]  # (text, is_prefix)
_CACHE_MAX = 50_000  # candidate lists cached per (form, lemma); cleared when full
_RECENT = 4  # token tuples whose candidate positions are remembered
_DIRECT = 6  # ranges this short are scanned token by token


def _compile(pattern: str) -> tuple[_Word, ...]:
    words = []
    for raw in pattern.split():
        w = norm(raw)
        words.append((w[:-1], True) if w.endswith("*") and len(w) > 1 else (w, False))
    return tuple(words)


def _word_matches(word: _Word, tok: Token) -> bool:
    text, prefix = word
    if prefix:
        return tok.lower.startswith(text) or tok.lemma.startswith(text)
    return tok.lower == text or tok.lemma == text


_Form = tuple[str, str]  # (lower, lemma)
_Forms = dict[_Form, list[int]]
_Keys = dict[str, list[_Form]]


@dataclass(frozen=True, slots=True)
class _DocForms:
    """One token tuple's distinct forms: their token indexes, and the forms by each word a
    pattern's first word may be looked up with (lower form or lemma, whole and first two
    letters), so a matcher visits only the forms some pattern could start at."""

    at: _Forms
    by_word: _Keys
    by_two: _Keys


_FORMS: list[tuple[tuple[Token, ...], _DocForms]] = []


def _add(keys: _Keys, key: str, form: _Form) -> None:
    got = keys.get(key)
    if got is None:
        keys[key] = [form]
    elif got[-1] != form:
        got.append(form)


def _forms(tokens: tuple[Token, ...]) -> _DocForms:
    """Token indexes by ``(lower, lemma)`` (and the word keys of :class:`_DocForms`),
    remembered for the last few token tuples: every matcher of a pack scans one document's
    tokens, and asks about each distinct form once."""
    for seen, forms in _FORMS:
        if seen is tokens:
            return forms
    at: _Forms = {}
    for i, tok in enumerate(tokens):
        key = (tok.lower, tok.lemma)
        got = at.get(key)
        if got is None:
            at[key] = [i]
        else:
            got.append(i)
    by_word: _Keys = {}
    by_two: _Keys = {}
    for form in at:
        lower, lemma = form
        _add(by_word, lower, form)
        _add(by_word, lemma, form)
        _add(by_two, lower[:2], form)
        _add(by_two, lemma[:2], form)
    found = _DocForms(at, by_word, by_two)
    _FORMS[:] = [(tokens, found), *_FORMS[: _RECENT - 1]]
    return found


_STARTS: list[tuple[tuple[Token, ...], list[int]]] = []


def token_starts(tokens: tuple[Token, ...]) -> list[int]:
    """The start offset of every token, for bisecting (remembered for the last few token
    tuples: many stages ask it of one document's tokens). Read only: the list is shared."""
    for seen, starts in _STARTS:
        if seen is tokens:
            return starts
    starts = [t.start for t in tokens]
    _STARTS[:] = [(tokens, starts), *_STARTS[: _RECENT - 1]]
    return starts


class PhraseMatcher(Generic[T]):
    """Finds every pattern of a word list in a token sequence (longest match per start)."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[tuple[_Word, ...], T, str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[_Word, ...], T, str]]] = {}
        self.size = 0
        self._cache: dict[tuple[str, str], list[tuple[tuple[_Word, ...], T, str]]] = {}
        # token positions with at least one candidate pattern, for the last few token tuples
        # seen (the clause stages ask one document's tokens hundreds of questions)
        self._recent: list[tuple[tuple[Token, ...], list[int]]] = []
        for pattern, payload in entries:
            words = _compile(pattern)
            if not words or not words[0][0]:
                continue
            self.size += 1
            first, is_prefix = words[0]
            if is_prefix:
                self._prefix.setdefault(first[:2], []).append((words, payload, pattern))
            else:
                self._exact.setdefault(first, []).append((words, payload, pattern))

    def _candidates(self, tok: Token) -> list[tuple[tuple[_Word, ...], T, str]]:
        key = (tok.lower, tok.lemma)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        out: list[tuple[tuple[_Word, ...], T, str]] = list(self._exact.get(tok.lower, ()))
        if tok.lemma != tok.lower:
            out.extend(self._exact.get(tok.lemma, ()))
        out.extend(self._prefix.get(tok.lower[:2], ()))
        if tok.lemma[:2] != tok.lower[:2]:
            out.extend(self._prefix.get(tok.lemma[:2], ()))
        out = [c for c in out if _word_matches(c[0][0], tok)]  # the first word matches
        if len(self._cache) > _CACHE_MAX:
            self._cache.clear()
        self._cache[key] = out
        return out

    def _positions(self, tokens: tuple[Token, ...]) -> list[int]:
        """Indexes of ``tokens`` where some pattern could start (remembered per tuple)."""
        for seen, positions in self._recent:
            if seen is tokens:
                return positions
        cache, cands = self._cache, self._candidates
        doc = _forms(tokens)
        # the forms whose lower form or lemma (or their first two letters) opens a pattern:
        # only they can have a candidate
        maybe: set[_Form] = set()
        for keys, firsts in ((doc.by_word, self._exact), (doc.by_two, self._prefix)):
            small, large = (keys, firsts) if len(keys) <= len(firsts) else (firsts, keys)
            for word in small:
                if word in large:
                    maybe.update(keys[word])
        positions = []
        for key in maybe:  # each distinct form once, its cache inline
            at = doc.at[key]
            hit = cache.get(key)
            if hit is None:
                hit = cands(tokens[at[0]])
            if hit:
                positions += at
        positions.sort()
        self._recent = [(tokens, positions), *self._recent[: _RECENT - 1]]
        return positions

    def match_at(self, tokens: Sequence[Token], i: int, stop: int) -> Match[T] | None:
        """The longest pattern starting at token ``i`` and ending before ``stop``."""
        tok = tokens[i]
        cands = self._cache.get((tok.lower, tok.lemma))  # _candidates' cache, read inline
        if cands is None:
            cands = self._candidates(tok)
        if not cands:
            return None  # most tokens open no pattern
        best: Match[T] | None = None
        best_end = i  # every candidate ends after i: the first that fits is taken
        for words, payload, pattern in cands:
            end = i + len(words)
            if end > stop or end <= best_end:
                continue
            # the first word matches (a candidate); the others in turn
            k = i + 1
            while k < end and _word_matches(words[k - i], tokens[k]):
                k += 1
            if k == end:
                best, best_end = _match(i, end, payload, pattern), end
        return best

    def any_in(self, tokens: Sequence[Token], start: int = 0, stop: int | None = None) -> bool:
        """Whether :meth:`find` finds anything in ``tokens[start:stop]`` (the first match
        settles it: the others are not looked for)."""
        stop = len(tokens) if stop is None else stop
        if isinstance(tokens, tuple) and stop - start > _DIRECT:
            positions = self._positions(tokens)
            k = bisect.bisect_left(positions, start)
            while k < len(positions) and positions[k] < stop:
                if self.match_at(tokens, positions[k], stop) is not None:
                    return True
                k += 1
            return False
        return any(self.match_at(tokens, i, stop) is not None for i in range(start, stop))

    def find(
        self, tokens: Sequence[Token], start: int = 0, stop: int | None = None
    ) -> list[Match[T]]:
        """Non-overlapping matches in ``tokens[start:stop]``, left to right, longest first."""
        stop = len(tokens) if stop is None else stop
        out: list[Match[T]] = []
        if isinstance(tokens, tuple) and stop - start > _DIRECT:
            positions = self._positions(tokens)
            k = bisect.bisect_left(positions, start)
            while k < len(positions) and positions[k] < stop:
                m = self.match_at(tokens, positions[k], stop)
                if m is not None:
                    out.append(m)
                    k = bisect.bisect_left(positions, m.end, k + 1)
                else:
                    k += 1
            return out
        i = start
        while i < stop:
            m = self.match_at(tokens, i, stop)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.end
        return out

    def __contains__(self, tok: Token) -> bool:
        """True when a one-word pattern matches ``tok``."""
        return any(len(w) == 1 and _word_matches(w[0], tok) for w, _, _ in self._candidates(tok))
