"""Token-level phrase matching for the actor registry: inflection-tolerant, trie-free, fast.

Text is cut into word tokens once; a :class:`Lexicon` maps phrases (sequences of
:class:`WordPattern`) to payloads and finds them by looking up a handful of prefixes of each
token in a dict keyed by the phrase's first stem. Inflection is handled by endings: a pattern is
a lower-case stem plus an allowed set of endings (German ``-e/-en/-er/-es``, English ``-s``) or
"any Cyrillic ending up to N letters" for Russian and Ukrainian.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = [
    "Lexicon",
    "Tokens",
    "WordPattern",
    "alias_pattern",
    "is_cyrillic",
    "stem_pattern",
    "tokenize",
]

T = TypeVar("T")

# "U.S." and "U.N." stay one token; apostrophes inside words (Ukrainian "м'який", English
# "Korea's") stay inside the token.
_TOKEN_RE = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ]\.){2,}|\w+(?:['’ʼ]\w+)*")
# What may stand between two words of one phrase: spaces, hyphens, quotes, ONE line break at most.
_JOIN_RE = re.compile(r"[ \t\u00a0\-‐–«»\"„“”‚‘’']*\n?[ \t\u00a0]*")
_CYR_RE = re.compile(r"[а-яёіїєґ'’ʼ]*")
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
_VOWELS = frozenset("аеёиоуыэюяьйіїє")
_LATIN_ALIAS_ENDINGS = frozenset({"", "s", "es", "n", "en", "e", "er", "em", "'s", "’s"})
_CAPS_CYR_ENDINGS = 2
_MAX_SUFFIX = 5
_SEEN_MAX = 100_000  # words whose candidate phrases are remembered per lexicon; cleared when full


def is_cyrillic(word: str) -> bool:
    """True when the first letter of ``word`` is Cyrillic."""
    for ch in word:
        if ch.isalpha():
            return ch.lower() in _CYRILLIC
    return False


class Tokens:
    """Word tokens of one text: parallel lists of offsets, surfaces and lower-case forms."""

    __slots__ = ("ends", "lows", "starts", "surfaces", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.surfaces: list[str] = []
        for m in _TOKEN_RE.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.surfaces.append(m.group())
        self.lows = [s.lower() for s in self.surfaces]

    def __len__(self) -> int:
        return len(self.starts)

    def joined(self, i: int) -> bool:
        """True when token ``i`` and token ``i + 1`` may belong to one phrase."""
        gap_start, gap_end = self.ends[i], self.starts[i + 1]
        if gap_end - gap_start > 6:
            return False
        m = _JOIN_RE.fullmatch(self.text, gap_start, gap_end)
        return m is not None

    def gap(self, i: int) -> str:
        """The characters between token ``i`` and token ``i + 1``."""
        return self.text[self.ends[i] : self.starts[i + 1]]


_RECENT_TEXTS = 4  # texts whose tokens are remembered: actors and persons read one text each
_RECENT: dict[str, Tokens] = {}


def tokenize(text: str) -> Tokens:
    """Cut ``text`` into word tokens with their character offsets (the same read-only
    :class:`Tokens` for a text tokenized a moment ago)."""
    toks = _RECENT.get(text)
    if toks is None:
        if len(_RECENT) >= _RECENT_TEXTS:
            _RECENT.clear()  # atomic: safe when threads share the registry
        toks = _RECENT[text] = Tokens(text)
    return toks


@dataclass(frozen=True, slots=True)
class WordPattern:
    """One word of a phrase: a lower-case stem and the endings it may take.

    ``endings`` is a set of allowed endings, or ``None`` for "any Cyrillic ending of up to
    ``max_any`` letters". ``caps`` asks the token to start with ``surface`` exactly (all-capital
    abbreviations such as "IDF", "ВСУ"); ``initial`` asks for an upper-case first letter.
    """

    stem: str
    endings: frozenset[str] | None
    max_any: int = 3
    caps: str = ""
    initial: bool = False

    def accepts(self, low: str, surface: str) -> bool:
        """Whether a token (lower-case form and surface) is an inflected form of this word."""
        stem = self.stem
        if not low.startswith(stem):
            return False
        suffix = low[len(stem) :]
        if self.endings is None:
            if len(suffix) > self.max_any or not _CYR_RE.fullmatch(suffix):
                return False
        elif suffix not in self.endings:
            return False
        if self.caps and not surface.startswith(self.caps):
            return False
        if self.caps and suffix and not surface[len(stem) :].islower():  # "ЄСПЛ" is not "ЄС"
            return False
        return not (self.initial and not surface[:1].isupper())


def stem_pattern(stem: str, endings: Sequence[str], *, caps: bool = False) -> WordPattern:
    """A pattern from a data-file stem and its language's ending list (``["*"]`` = any)."""
    low = stem.lower()
    if list(endings) == ["*"]:
        if len(low) <= 2:
            return WordPattern(low, frozenset({""}), caps=stem if caps else "")
        return WordPattern(low, None, max_any=4, caps=stem if caps else "")
    return WordPattern(low, frozenset(endings), caps=stem if caps else "")


def alias_pattern(word: str) -> WordPattern:
    """A pattern for one word of a registry alias, with automatic inflection by script.

    All-capital words ("IDF", "ЦАХАЛ") match case-sensitively, Cyrillic ones with up to two
    lower-case case endings ("ЦАХАЛа"). Other Cyrillic words lose a final vowel and take any
    ending of up to three letters ("Украины" → "украин…"). Latin words take German/English
    endings (-s, -es, -n, -en, -e, -er, -em, 's). A capitalised alias word needs a capitalised
    token. A trailing ``!`` in the data file switches inflection off.
    """
    exact = word.endswith("!")
    word = word.rstrip("!")
    low = word.lower()
    letters = [c for c in word if c.isalpha()]
    initial = bool(letters) and letters[0].isupper()
    if exact:
        return WordPattern(low, frozenset({""}), initial=initial)
    caps = len(letters) >= 2 and all(c.isupper() for c in letters)
    cyr = is_cyrillic(word)
    if caps:
        if cyr:
            return WordPattern(low, None, max_any=_CAPS_CYR_ENDINGS, caps=word)
        return WordPattern(low, frozenset({"", "s", "'s", "’s"}), caps=word)
    if cyr:
        stem = low
        if len(stem) >= 4:
            for _ in range(2):
                if len(stem) > 3 and stem[-1] in _VOWELS:
                    stem = stem[:-1]
        return WordPattern(stem, None, max_any=3, initial=initial)
    return WordPattern(low, _LATIN_ALIAS_ENDINGS, initial=initial)


# Masculine case endings of Russian/Ukrainian surnames: "-ский/-ський" adjectival ones and those
# ending in a consonant ("Путин", "Песков"). Feminine forms ("Зеленская", "Захаровой") and
# derived words ("путинизм") are other people or no people.
_ADJ_SURNAME_ENDINGS = frozenset({"ий", "ого", "ому", "им", "ом", "ім"})
_CONSONANT_SURNAME_ENDINGS = frozenset({"", "а", "у", "ым", "ом", "е", "им", "і", "ові"})


def person_alias_pattern(word: str) -> WordPattern:
    """Like :func:`alias_pattern`, with masculine surname endings for Cyrillic surnames."""
    pattern = alias_pattern(word)
    if pattern.endings is not None or pattern.caps or not is_cyrillic(word):
        return pattern
    low = word.rstrip("!").lower()
    if low.endswith(("ский", "цкий", "ський", "цький")):
        return WordPattern(low[:-2], _ADJ_SURNAME_ENDINGS, initial=pattern.initial)
    if low[-1:] not in _VOWELS and len(low) >= 4:
        return WordPattern(low, _CONSONANT_SURNAME_ENDINGS, initial=pattern.initial)
    return pattern


def country_pattern(word: str, cyrillic_endings: frozenset[str]) -> WordPattern:
    """Like :func:`alias_pattern`, but Cyrillic words take only the given case endings.

    "Украина" matches "Украины", "Украине", not "украинцы" (a demonym).
    """
    pattern = alias_pattern(word)
    if pattern.endings is None and not pattern.caps:
        return WordPattern(pattern.stem, cyrillic_endings, initial=pattern.initial)
    return pattern


def split_words(phrase: str) -> list[str]:
    """The word tokens of a data-file phrase, as the text tokenizer would cut them."""
    return [
        m.group() + ("!" if phrase[m.end() : m.end() + 1] == "!" else "")
        for m in _TOKEN_RE.finditer(phrase)
    ]


class Lexicon(Generic[T]):
    """Phrases → payloads; finds the longest phrase starting at a token in a few dict lookups."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[WordPattern, ...], T]]] = {}
        self._max_suffix = 0
        self.size = 0
        self._seen: dict[str, list[tuple[tuple[WordPattern, ...], T]]] = {}

    def add(self, words: Sequence[WordPattern], payload: T) -> None:
        """Register one phrase (at least one word)."""
        if not words:
            return
        first = words[0]
        self._index.setdefault(first.stem, []).append((tuple(words), payload))
        self._seen.clear()
        longest = first.max_any if first.endings is None else max(map(len, first.endings))
        self._max_suffix = max(self._max_suffix, min(longest, _MAX_SUFFIX))
        self.size += 1

    def add_all(self, items: Iterable[tuple[Sequence[WordPattern], T]]) -> None:
        """Register many phrases."""
        for words, payload in items:
            self.add(words, payload)

    def _candidates(self, low: str) -> list[tuple[tuple[WordPattern, ...], T]]:
        """Phrases whose first word's stem is a prefix of ``low`` (remembered per word)."""
        hit = self._seen.get(low)
        if hit is not None:
            return hit
        n = len(low)
        index = self._index
        out: list[tuple[tuple[WordPattern, ...], T]] = []
        for k in range(n, max(0, n - self._max_suffix) - 1, -1):
            out.extend(index.get(low[:k], ()))
        if len(self._seen) > _SEEN_MAX:
            self._seen.clear()
        self._seen[low] = out
        return out

    def match_at(self, toks: Tokens, i: int) -> tuple[int, T] | None:
        """The longest phrase starting at token ``i``: (index after its last token, payload)."""
        low = toks.lows[i]
        cands = self._seen.get(low)  # _candidates' memo, read inline
        if cands is None:
            cands = self._candidates(low)
        if not cands:
            return None  # most words start no phrase
        best: tuple[int, T] | None = None
        for words, payload in cands:
            end = self._match_words(toks, i, words)
            if end and (best is None or end > best[0]):
                best = (end, payload)
        return best

    @staticmethod
    def _match_words(toks: Tokens, i: int, words: tuple[WordPattern, ...]) -> int:
        n = len(toks)
        if i + len(words) > n:
            return 0
        for k, w in enumerate(words):
            j = i + k
            if k and not toks.joined(j - 1):
                return 0
            if not w.accepts(toks.lows[j], toks.surfaces[j]):
                return 0
        return i + len(words)

    def scan(self, toks: Tokens) -> list[tuple[int, int, T]]:
        """Every non-overlapping longest match, left to right: (first token, end token, payload)."""
        out: list[tuple[int, int, T]] = []
        i = 0
        n = len(toks)
        lows, seen = toks.lows, self._seen
        while i < n:
            if seen.get(lows[i]) == []:  # a word known to start no phrase: next
                i += 1
                continue
            m = self.match_at(toks, i)
            if m is None:
                i += 1
                continue
            out.append((i, m[0], m[1]))
            i = m[0]
        return out
