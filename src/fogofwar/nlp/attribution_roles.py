"""A role named without its holder as a source: "the regional governor said", "— добавил мэр",
"El gobernador regional, Vitali Kim, dijo", "le porte-parole a indiqué". The person the text
names with the same role word (the nearest before, else the first within the next
:data:`~fogofwar.nlp.attribution_refs.ROLE_AHEAD` characters), or the name in apposition right
after the role phrase, replaces the role phrase; the kind stays the attribution's unless that
was a guess (``witness``/``unnamed``). A bare spokesperson speaks for the body of the last
attribution before."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_refs import (
    BARE_ROLE_WORDS,
    GUESSED,
    ROLE_AHEAD,
    ROLE_BACK,
    STEM,
    Words,
    last_before,
    names_person,
)
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.packs import LanguagePack

__all__ = ["role_holder", "spokesperson_of"]

_APPOSITION_GAP = 3  # chars between a role phrase and a name in apposition (", ")
_MAX_NAME_WORDS = 3
_MAX_ROLE_TAIL = 4  # lower-case words after a role phrase before its apposition
_ABBREVIATION = re.compile(r"\s*\([^()\s]{2,12}\)")  # "(ОВА)", "(RMA)" after a body's name
# a comma, then one or two abbreviated titles before an apposed name (", Gen. ", ", Col. Dr. ")
_TITLED_GAP = re.compile(r",\s*(?:[^\W\d_][^\W\d_]{0,4}\.\s*){1,2}")


def spokesperson_of(
    doc: Doc, words: Words, a: AttributionMention, before: Sequence[AttributionMention]
) -> AttributionMention:
    """ "La Défense civile de Gaza a fait état de onze morts. … Le porte-parole a indiqué": a
    spokesperson named without a body or a person speaks for the body (not a person) that was
    the source of the last attribution before, within :data:`ROLE_BACK` characters."""
    src = a.source
    stems = lexicon(doc.lang).spokesperson_words
    name = (a.source_name or "").lower().split()  # the span may be a pronoun ("a-t-il")
    if src is None or not stems or not name or len(name) > BARE_ROLE_WORDS:
        return a
    if not any(w.startswith(stems) for w in name):
        return a
    if names_person(doc, src):
        return a
    b = last_before(before, src)
    if b is None or b.source is None:
        return a
    if (
        names_person(doc, b.source)
        or src.start - b.source.end > ROLE_BACK
        or b.source_kind in GUESSED | {SourceKind.AUTHOR}
    ):
        return a
    return dataclasses.replace(a, source_kind=b.source_kind, kind_settled=True)


def _role_stems(pack: LanguagePack, words: Words, span: Span) -> set[str]:
    toks = words.doc.tokens
    return {
        toks[k].lower[:STEM]
        for k in words.within(span)
        if pack.roles.match_at(toks, k, k + 1) is not None
    }


def role_holder(
    doc: Doc,
    pack: LanguagePack,
    words: Words,
    a: AttributionMention,
    before: Sequence[AttributionMention],
) -> AttributionMention:
    """``a`` named after the holder of the role its source phrase names, when the phrase names
    no person itself."""
    src = a.source
    if src is None:
        return a
    persons = [e for e in doc.entities if e.category == "person"]
    if any(e.span.start < src.end and src.start < e.span.end for e in persons):
        return a  # the phrase names its person already
    roles = _role_stems(pack, words, src)
    if not roles:
        return a
    holder = _apposition(doc, persons, src) or _same_role(pack, words, persons, roles, src)
    if holder is None:
        bare = _bare_apposition(doc, words, src)
        if bare is not None:
            return dataclasses.replace(a, source_name=bare)
        last = _last_person_speaker(words, persons, before, a, frozenset(pack.determiners))
        return a if last is None else dataclasses.replace(a, source_name=_titled(a, last))
    name = holder.normalized or holder.surface
    own = holder.role_span is not None and holder.role_span.start <= src.start < holder.span.end
    if not own and _apposition(doc, persons, src) is None:  # named elsewhere: the role words
        name = _titled(a, name)  # stay in front
    kind = a.source_kind
    if kind in GUESSED and holder.source_kind is not None:
        kind = holder.source_kind
    elif holder.source_kind not in (None, kind) and _spokes(doc.lang, roles):
        # "le porte-parole" after "le porte-parole de la Défense civile, X": X's body
        return dataclasses.replace(
            a, source_name=name, source_kind=holder.source_kind, kind_settled=True
        )
    return dataclasses.replace(a, source_name=name, source_kind=kind)


def _spokes(lang: str, roles: set[str]) -> bool:
    """Some of the role stems are a spokesperson's (pack ``spokesperson_words``)."""
    stems = lexicon(lang).spokesperson_words
    return any(r.startswith(stems) or any(w.startswith(r) for w in stems) for r in roles)


def _titled(a: AttributionMention, name: str) -> str:
    """ "губернатор Вячеслав Гладков": the role words the text uses here, then the holder's
    name found elsewhere — both identify the source."""
    role = a.source_name
    if not role or name.casefold() in role.casefold():
        return name
    return f"{role} {name}"


def _last_person_speaker(
    words: Words,
    persons: list[EntityMention],
    before: Sequence[AttributionMention],
    a: AttributionMention,
    dets: frozenset[str],
) -> str | None:
    """ "… said regional head Vyacheslav Gladkov. «…», the governor added": a bare role
    (at most :data:`BARE_ROLE_WORDS` words) continues the last speaker before it when that
    speaker is a named person of the same source kind within :data:`ROLE_BACK` characters."""
    src = a.source
    if src is None or a.source_kind in GUESSED or _bare_words(words, src, dets) > BARE_ROLE_WORDS:
        return None
    b = last_before(before, src)
    if b is None or b.source is None:
        return None
    if (
        b.source_kind != a.source_kind
        or b.source_name is None
        or src.start - b.source.end > ROLE_BACK
        or not any(b.source_name in {e.normalized, e.surface} for e in persons)
    ):
        return None
    return b.source_name


def _bare_words(words: Words, src: Span, dets: frozenset[str]) -> int:
    """Words of a role phrase without its determiners ("the regional governor": two)."""
    toks = words.doc.tokens
    return sum(1 for k in words.within(src) if toks[k].lower not in dets)


def _apposition(doc: Doc, persons: list[EntityMention], src: Span) -> EntityMention | None:
    """ "El gobernador regional, Vitali Kim, dijo": a name right after the role phrase; or the
    person the finder read with the phrase's role word across its complement ("le gouverneur
    de la région de Dnipropetrovsk, Serhiy Lysak")."""
    for e in persons:
        gap = doc.text[src.end : e.span.start]
        if 0 < len(gap) <= _APPOSITION_GAP and gap.strip() in {",", "", "—", "–"}:
            return e
        if _TITLED_GAP.fullmatch(gap):  # "the regional commander, Gen. Juan Amaya"
            return e
    for e in persons:
        role = e.role_span
        if role is not None and src.start <= role.start < src.end <= e.span.start:
            return e
    for e in persons:  # "глава областной военной администрации (ОВА) Олег Синегубов"
        tail = _ABBREVIATION.sub(" ", doc.text[src.end : e.span.start]).split()
        if (
            e.span.start > src.end
            and len(tail) <= _MAX_ROLE_TAIL
            and all(w.isalpha() and w.islower() for w in tail)
        ):
            return e
    return None


def _bare_apposition(doc: Doc, words: Words, src: Span) -> str | None:
    """ "the regional governor, Vitali Kim, said", "… ha riferito il governatore, Oleksandr
    Starukh.": two or three capitalised words set off by a comma right after the role phrase
    (and closed by punctuation), when no person finder knew the name."""
    toks = doc.tokens
    k = bisect.bisect_left(words.starts, src.end)
    stop = k + _MAX_ROLE_TAIL  # "il governatore della regione, …": the role's own tail
    while k < min(stop, len(toks)) and toks[k].text[:1].islower():
        k += 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    j = k + 1
    while j < len(toks) and j - k <= _MAX_NAME_WORDS and toks[j].text[:1].isupper():
        j += 1
    if not 2 <= j - k - 1 <= _MAX_NAME_WORDS or j >= len(toks) or toks[j].text not in ",.;":
        return None
    return doc.text[toks[k + 1].start : toks[j - 1].end]


def _same_role(
    pack: LanguagePack,
    words: Words,
    persons: list[EntityMention],
    roles: set[str],
    src: Span,
) -> EntityMention | None:
    """The person named with the same role word: the nearest before, else the first soon after."""
    holders = [
        e
        for e in persons
        if e.role_span is not None and roles & _role_stems(pack, words, e.role_span)
    ]
    before = [e for e in holders if e.span.end <= src.start]
    if before:
        return before[-1]
    after = [e for e in holders if 0 <= e.span.start - src.end <= ROLE_AHEAD]
    return after[0] if after else None
