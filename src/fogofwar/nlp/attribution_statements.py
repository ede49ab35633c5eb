"""A statement as a source: "the statement said", "heißt es in der Mitteilung", "йдеться у
повідомленні", "говорится в сообщении" name no one; the speaker of the last named attribution
before it (within :data:`~fogofwar.nlp.attribution_refs.STATEMENT_WINDOW` characters) speaks.
The pack's ``[attribution] statements`` lists the nouns (word prefixes)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_refs import STATEMENT_WINDOW, Words
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.nlp.source_names import source_name

__all__ = ["speaker_after", "speaker_before", "statement"]

_STATEMENT_REACH = 30  # chars after a source-less cue searched for a statement noun


def statement(words: Words, stems: tuple[str, ...], a: AttributionMention) -> bool:
    """The source is a statement: the head of its phrase, or (no phrase) a word just after the
    cue, is a statement noun."""
    if a.cue is None:
        return False
    toks = words.doc.tokens
    if a.source is not None:
        ks = words.within(a.source)[-1:]
    else:
        end = min(len(words.doc.text), a.cue.end + _STATEMENT_REACH)
        ks = words.within(Span(a.cue.start, end))
    return any(toks[k].lower.startswith(stems) for k in ks)


def speaker_after(
    words: Words, determiners: frozenset[str], a: AttributionMention
) -> AttributionMention | None:
    """ "In einer Mitteilung erklärte die Armee, sie habe …": a statement before its cue whose
    verb is followed by its subject (verb-second inversion) — the actor, person or source that
    opens the content (after determiners only) and is closed by a comma speaks, and what it
    says starts after that comma. ``None`` when no such subject follows."""
    doc, src, cue = words.doc, a.source, a.cue
    if src is None or cue is None or src.end > cue.start or a.content.start < cue.end:
        return None
    toks = doc.tokens
    head = [
        e
        for e in doc.entities
        if e.category in {"actor", "person", "source"}
        and a.content.start <= e.span.start < a.content.end
        and all(t.lower in determiners for t in toks if a.content.start <= t.start < e.span.start)
    ]
    if not head:
        return None
    e = min(head, key=lambda e: e.span.start)
    rest = doc.text[e.span.end : a.content.end]
    if not rest.startswith(","):
        return None
    start = e.span.end + 1
    start += len(doc.text[start : a.content.end]) - len(doc.text[start : a.content.end].lstrip())
    name = e.normalized if e.category == "person" and e.normalized else e.surface
    return dataclasses.replace(
        a,
        content=Span(start, a.content.end),
        source=e.span,
        source_name=name,
        source_kind=e.source_kind or a.source_kind,
        found_by="lexicon" if e.source_kind is not None else "position",
    )


def speaker_before(
    words: Words, stems: tuple[str, ...], a: AttributionMention, atts: Sequence[AttributionMention]
) -> AttributionMention:
    """Statement ``a`` spoken by the last named speaker of ``atts`` before its cue (else the
    last person with a known role named before it), its certainty ``claimed``."""
    cue = a.cue
    if cue is None or _issuer_inside(words.doc, a.source):
        return a
    before = [
        b
        for b in atts
        if b.source is not None
        and b.cue is not None
        and b.source_name is not None
        and b.source_kind not in {SourceKind.UNNAMED, SourceKind.AUTHOR}
        and b.cue.start < cue.start
        and cue.start - b.cue.end <= STATEMENT_WINDOW
        and not statement(words, stems, b)
    ]
    certainty = Certainty.CLAIMED if a.certainty == Certainty.REPORTED else a.certainty
    if not before:  # "Про обстріл повідомив голова ОВА X. «…», – йдеться у повідомленні"
        person = _person_before(words.doc, cue)
        if person is None:
            return a
        kind = person.source_kind or a.source_kind
        name = person.normalized or person.surface
        return dataclasses.replace(a, source_name=name, source_kind=kind, certainty=certainty)
    b = max(before, key=lambda b: b.cue.start if b.cue is not None else 0)
    return dataclasses.replace(
        a,
        source=a.source or b.source,
        source_name=source_name(words.doc, b) or b.source_name,
        source_kind=b.source_kind,
        certainty=certainty,
    )


def _issuer_inside(doc: Doc, src: Span | None) -> bool:
    """The statement's own phrase names who issued it ("An Israeli military statement said",
    "a Hezbollah statement"): that body speaks, not the last speaker before it."""
    if src is None:
        return False
    return any(
        e.category in {"actor", "person", "source"}
        and e.source_kind not in {None, SourceKind.UNNAMED, SourceKind.AUTHOR}
        and src.start <= e.span.start
        and e.span.end <= src.end
        for e in doc.entities
    )


def _person_before(doc: Doc, cue: Span) -> EntityMention | None:
    """The last person with a known role named at most :data:`STATEMENT_WINDOW` characters
    before ``cue``."""
    persons = [
        e
        for e in doc.entities
        if e.category == "person"
        and e.source_kind is not None
        and e.span.end <= cue.start
        and cue.start - e.span.end <= STATEMENT_WINDOW
    ]
    return max(persons, key=lambda e: e.span.start) if persons else None
