"""Who speaks a frame, and frames of clauses read as their event.

:func:`speaker_attribution` finds the speaker of an accusation, a claim of responsibility or a
denial in its own clause ("Kyiv blamed …", "Les shebab ont revendiqué …"): an actor, person or
place before the act, else the subject words before it. :func:`event_frame` keeps a clause
read as its event ("revendiqué l'attaque": the event noun outranks the speech act) claimed or
denied by the act's speaker when the act comes before the event word.
"""

from __future__ import annotations

import dataclasses

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_coref import body_anaphor
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import AttributionMention, Doc
from fogofwar.nlp.frames import frame_of
from fogofwar.nlp.source_typing import known_kind

__all__ = ["event_frame", "speaker_attribution"]


def speaker_attribution(doc: Doc, view: ClauseView) -> AttributionMention | None:
    """The speaker of a frame as an attribution: the actor, person or place (a capital or
    country speaks for its government: "Kyiv blamed …") before the speech act."""
    acts = [m for m in view.every if m.payload.kind == ClaimKind.STATEMENT]
    if not acts:
        return None
    anchor = doc.tokens[acts[0].start].start
    clause = view.clause.span
    before = [
        (e.span, e.normalized if e.category == "person" and e.normalized else e.surface)
        for e in doc.entities
        if e.category in {"actor", "person"} and clause.start <= e.span.start
        if e.span.end <= anchor
    ]
    before += [
        (p.span, p.surface)
        for p in doc.places
        if clause.start <= p.span.start and p.span.end <= anchor
    ]
    if not before:
        subject = _subject_before(doc, view.clause.tok_start, acts[0].start)
        if subject is None:
            return None
        before = [(subject, subject.slice(doc.text))]
    src, name = min(before, key=lambda sn: sn[0].start)
    cue = Span(anchor, doc.tokens[acts[0].end - 1].end)
    content = Span(cue.end, clause.end) if cue.end < clause.end else clause
    # an armed group claims its attacks (claims-v1: an armed group's voice is military)
    fallback = (
        SourceKind.MILITARY
        if any(m.payload.subtype == "claim_of_responsibility" for m in acts)
        else SourceKind.GOVERNMENT
    )
    kind = known_kind(doc, src) or fallback
    att = AttributionMention(
        content, src, cue, False, name, kind, Certainty.CLAIMED, cue_text=cue.slice(doc.text)
    )
    # "Минобороны России … Ведомство обвинило ВСУ": a generic noun for a body speaks with the
    # kind of the body named before it (the text's word stays its name)
    body = body_anaphor(doc, att, [a for a in doc.attributions if a.content.start < src.start])
    return dataclasses.replace(att, source_kind=body.source_kind, kind_settled=body.kind_settled)


_SUBJECT_WORDS = 4


def _subject_before(doc: Doc, lo: int, act: int) -> Span | None:
    """The words before a frame act in its clause when no entity is there ("Les shebab ont
    revendiqué …", "Al Shabaab ha rivendicato …"): the subject, without the auxiliaries and
    adverbs of the reporting phrase (``[attribution] cue_adverbs``) and leading determiners;
    at most :data:`_SUBJECT_WORDS` words, all words, none a figure."""
    toks = doc.tokens
    lex = lexicon(doc.lang)
    hi = act
    while hi > lo and toks[hi - 1].lower in lex.cue_adverbs:
        hi -= 1
    start = lo
    while start < hi and toks[start].lower in lex.function_words:
        start += 1
    words = toks[start:hi]
    if not words or len(words) > _SUBJECT_WORDS or not all(t.is_word for t in words):
        return None
    if any(t.text[:1].isdigit() for t in words):
        return None
    return Span(words[0].start, words[-1].end)


def event_frame(view: ClauseView, kind: ClaimKind) -> tuple[ClaimKind, Certainty] | None:
    """A clause read as its event whose frame act stands before the event word ("Les shebab
    ont revendiqué l'attaque", "Kyiv blamed Moscow for the strike"): the event is claimed or
    denied by the act's speaker, keeping the kind the clause was given."""
    acts = [m for m in view.every if m.payload.kind == ClaimKind.STATEMENT]
    if not acts or not view.events or acts[0].start > view.events[0].start:
        return None  # the event told first, a speech act after it: no frame of that event
    frame = frame_of(view, event_read=True)
    return None if frame is None else (kind, frame[1])
