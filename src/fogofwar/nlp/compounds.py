"""Closed compounds that name a source (languages with ``[meta] compound_nouns``, German).

A source or role noun may end a word ("Gesundheitsbehörde", "Armeesprecher") and a known body
may begin it ("Polizeiangaben", "Militärsprecher"). One reading serves the entity stage (the
compound as a source, a compound role naming its body) and the attribution stage (a prep cue's
noun as a compound's head: "nach Polizeiangaben").
"""

from __future__ import annotations

import dataclasses

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc, EntityMention
from fogofwar.nlp.matcher import PhraseMatcher, Token, norm
from fogofwar.packs import LanguagePack

__all__ = ["LINKS", "compound_role", "compound_sources", "first_part_kind"]

LINKS = ("s", "es", "en", "n", "-")  # linking letters between a compound's parts
MIN_HEAD = 4  # letters of a compound's last part that may be a source noun
_MIN_COMPOUND = 8
#: roles that speak as themselves whatever body their compound's first part names
_OWN_VOICE = frozenset(
    {SourceKind.EXPERT, SourceKind.MEDIA, SourceKind.SOCIAL_MEDIA, SourceKind.WITNESS}
)


def _word(part: str) -> tuple[Token, ...]:
    return (Token(part, 0, len(part), part, part),)


def _kind(matchers: tuple[PhraseMatcher[SourceKind], ...], part: str) -> SourceKind | None:
    for matcher in matchers:
        hit = matcher.match_at(_word(part), 0, 1)
        if hit is not None:
            return hit.payload
    return None


def first_part_kind(
    pack: LanguagePack, stem: str, *, roles: bool = False, min_len: int = MIN_HEAD - 1
) -> SourceKind | None:
    """Kind of a compound's first part ``stem`` ("polizei", "regierungs"), read with and
    without its linking letters: a source noun's (or, with ``roles``, a role noun's)."""
    matchers = (pack.sources, pack.roles) if roles else (pack.sources,)
    for cut in ("", *LINKS):
        if not stem.endswith(cut) or len(stem) - len(cut) < min_len:
            continue
        kind = _kind(matchers, stem[: len(stem) - len(cut)])
        if kind is not None:
            return kind
    return None


def _head_cut(
    low: str, matchers: tuple[PhraseMatcher[SourceKind], ...]
) -> tuple[int, SourceKind] | None:
    """The first cut of ``low`` whose rest is a source (or role) noun, with that noun's kind."""
    for cut in range(MIN_HEAD - 1, len(low) - MIN_HEAD + 1):
        kind = _kind(matchers, low[cut:])
        if kind is not None:
            return cut, kind
    return None


def compound_role(doc: Doc, pack: LanguagePack, p: EntityMention) -> EntityMention:
    """A person whose role word is a compound naming the body ("Militärsprecher X"): the
    body's kind."""
    if p.role_span is None:
        return p
    words = p.role_span.slice(doc.text).split()
    low = norm(words[-1]) if words else ""
    head = _head_cut(low, (pack.roles, pack.sources))
    if head is None or head[1] in _OWN_VOICE:
        return p  # "Militärexperte", "Kriegsreporter": they speak as themselves, not the army
    kind = first_part_kind(pack, low[: head[0]])
    return p if kind is None else dataclasses.replace(p, source_kind=kind)


def _closed_kind(pack: LanguagePack, low: str) -> SourceKind | None:
    """Kind of a closed compound ending in a source noun: its first part's, else the noun's —
    a blogger or channel speaks as itself whatever it writes about ("Militärblogger")."""
    head = _head_cut(low, (pack.sources,))
    if head is None:
        return None
    if head[1] == SourceKind.SOCIAL_MEDIA:
        return head[1]
    return first_part_kind(pack, low[: head[0]]) or head[1]


def compound_sources(doc: Doc, pack: LanguagePack, taken: list[Span]) -> list[EntityMention]:
    """Capitalised closed compounds ending in a source noun ("Gesundheitsbehörde" →
    government, "Armeesprecher" → military: the first part names the body when it can)."""
    out: list[EntityMention] = []
    for tok in doc.tokens:
        low = tok.lower
        first, _, last = low.rpartition("-")  # "Hamas-Behörde": the part after the hyphen
        plain = low.isalpha()
        hyphen = bool(first) and last.isalpha() and len(last) >= MIN_HEAD
        if len(low) < _MIN_COMPOUND or not tok.is_capitalized or not (plain or hyphen):
            continue
        span = Span(tok.start, tok.end)
        inner = hyphen and all(  # "Hamas" of "Hamas-Behörde" is the body, not the speaker
            span.start <= t.start and t.end < span.end
            for t in taken
            if span.start < t.end and t.start < span.end
        )
        if any(span.start < t.end and t.start < span.end for t in taken) and not inner:
            continue
        kind = _kind((pack.sources,), last) if not plain else _closed_kind(pack, low)
        if kind is not None:
            out.append(EntityMention(span, tok.text, "source", None, None, None, kind))
            taken.append(span)
    return out
