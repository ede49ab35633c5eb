"""Words of a text with offsets, and the hit a recognised toponym makes (shared by the
recogniser, the person-name guards and the given-span reader)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fogofwar.geo.index import Candidate
from fogofwar.geo.langdata import LangPack
from fogofwar.packs.files import available_languages

__all__ = ["Hit", "Token", "is_known", "region_after", "tokenize"]

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’ʼ][^\W\d_]+)*\.?")
_DOTTED = frozenset({"st", "mt", "ft", "pt", "ste", "mts"})  # abbreviations inside names
_SENT_END = '.!?:;"«»„“”\n'


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text."""

    text: str
    start: int
    end: int
    cap: bool
    sent_start: bool
    glued: bool  # only spaces/hyphens between the previous token and this one
    hyphen: bool = False  # joined to the previous token by a hyphen ("Fargo-Moorhead")

    @staticmethod
    def make(
        text: str, start: int, end: int, cap: bool, sent_start: bool, glued: bool, hyphen: bool
    ) -> Token:
        """``Token(…)`` at half the cost of the frozen dataclass's ``__init__`` (slots set
        directly: :func:`tokenize` builds one per word)."""
        tok = _new(Token)
        _TEXT(tok, text)
        _START(tok, start)
        _END(tok, end)
        _CAP(tok, cap)
        _SENT_START(tok, sent_start)
        _GLUED(tok, glued)
        _HYPHEN(tok, hyphen)
        return tok


_new = object.__new__
_TEXT, _START, _END, _CAP, _SENT_START, _GLUED, _HYPHEN = (
    Token.__dict__[name].__set__
    for name in ("text", "start", "end", "cap", "sent_start", "glued", "hyphen")
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A recognised toponym (or demonym) and its candidate places."""

    first: int  # token indexes, inclusive
    last: int
    start: int
    end: int
    cands: tuple[Candidate, ...]
    changed: bool  # matched only after undoing a case ending
    demonym: str | None = None  # ISO3 of a demonym adjective ("" for ambiguous)
    metonymy: bool = False
    phrase: bool = False  # multi-word or region phrase
    weak: bool = False  # a given name ("Peter"): kept only next to its country or region
    partial: bool = False  # a given span named by part of its words ("Royal Street")
    landmark: bool = False  # a given span naming a landmark: its town, not the landmark's own id


def tokenize(text: str) -> list[Token]:
    """Words with offsets. Hyphens split words but glue them ("Ivano-Frankivsk" is two glued
    words); dotted abbreviations ("U.S.") stay whole; a trailing dot or "'s" is left outside."""
    out: list[Token] = []
    prev_end = 0
    append, make = out.append, Token.make
    for m in _WORD.finditer(text):
        word, start = m.group(), m.start()
        if word[-1] == "." and word.count(".") == 1 and word[:-1].casefold() not in _DOTTED:
            word = word[:-1]  # sentence end; "St." and "Mt." keep their dot ("Black Sea." not)
        if word[-1:] == "s":
            for poss in ("'s", "’s"):
                if word.endswith(poss) and len(word) > 2:
                    word = word[: -len(poss)]
        if not word:
            continue
        hyphen = False
        if not out:
            sent_start, glued = True, False
        else:
            gap = text[prev_end:start]
            if gap == " ":  # the usual case: one space after a word
                sent_start = text[prev_end - 1] in _SENT_END
                glued = True
            else:
                # the last non-space character before the word: in the gap, else the word's
                before = gap.rstrip() or text[prev_end - 1]
                sent_start = before[-1] in _SENT_END
                glued = gap.strip(" \u00a0-") == "" and "\n" not in gap
                hyphen = glued and "-" in gap
        end = start + len(word)
        append(make(word, start, end, word[0].isupper(), sent_start, glued, hyphen))
        prev_end = end
    return out


def region_after(word: str, pack: LangPack) -> bool:
    """A region word ("oblast", "Region"), or one with a case ending undone."""
    return any(w in pack.region_after for w, _ in pack.variants(word))


def is_known(word: str, lang: str) -> bool:
    """A word simplemma's dictionary of ``lang`` (or of every pack) knows."""
    known = available_languages()
    return _known(word.casefold(), (lang,) if lang in known else known)


@lru_cache(maxsize=65_536)
def _known(low: str, langs: tuple[str, ...]) -> bool:
    import simplemma

    return any(simplemma.is_known(low, lang=code) for code in langs)
