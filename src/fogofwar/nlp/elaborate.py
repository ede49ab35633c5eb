"""Damage told after an attack by its own source is part of that attack's claim.

claims-v1: one claim = one proposition × one source. After a source's attack, the same source
often goes on with a clause that tells no new event, only what the attack damaged ("Також
пошкоджено будівлю пожежно-рятувальної частини …", "Au total, 21 maisons … ont été
endommagés, a-t-il précisé"): an analyst marks the attack once. A clause whose event words are
only damage (a pack trigger marked ``evidence``) and event nouns referring back ("in the
attack") is such a *detail* (:func:`detail_only`); :func:`fold_details` folds it into the
latest attack or clash of its source in its sentence or the one before, unless it names a place
of its own.
A toll told apart stays a claim of its own (``restate.py`` folds only tolls right after their
event), and so does damage by another source or at another place.
"""

from __future__ import annotations

import dataclasses

from fogofwar.claim import Certainty, Claim, ClaimKind, Counts
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.restate import same_source, sentence_of

__all__ = ["DETAIL_SENTENCES", "DetailKey", "detail_key", "detail_only", "fold_details"]

# sentences after its event a detail still elaborates it: its own and the next, like a toll
# (restate.TOLL_SENTENCES); damage told further on is reported apart, a claim of its own
DETAIL_SENTENCES = 1
_EVENTS = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})
_COUNTS = ("killed", "injured", "arrested", "missing", "displaced")

DetailKey = tuple[bool, int, int]


def detail_only(view: ClauseView) -> bool:
    """The clause's event words are damage, with at most event nouns referring back: it tells
    what an event did, not a new event."""
    events = view.events or view.every
    return any(m.payload.evidence for m in events) and all(
        m.payload.evidence or (m.payload.nominal and m.payload.kind in _EVENTS) for m in events
    )


def detail_key(c: Claim) -> DetailKey | None:
    """What :func:`fold_details` knows a detail claim by (its headline flag and span)."""
    return (c.in_headline, c.span.start, c.span.end) if c.span is not None else None


def fold_details(doc: Doc, claims: list[Claim], details: frozenset[DetailKey]) -> list[Claim]:
    """Fold every detail claim (its key in ``details``) into the attack or clash it elaborates:
    the latest one of the same named source (never the author's voice) up to
    :data:`DETAIL_SENTENCES` sentences back, at its place or with no place of its own, both
    denied or neither. The attack takes the figures and actors it lacks."""
    sentence = sentence_of(doc)
    out: list[Claim] = []
    for c in claims:
        j = _event_of(out, c) if detail_key(c) in details else None
        if j is not None and _elaborates(out[j], c, sentence(c) - sentence(out[j])):
            out[j] = _joined(out[j], c)
            continue
        out.append(c)
    return out


def _event_of(out: list[Claim], c: Claim) -> int | None:
    if c.in_headline:
        return None
    for j in range(len(out) - 1, -1, -1):
        if out[j].kind in _EVENTS and not out[j].in_headline and same_source(out[j], c):
            return j
    return None


def _elaborates(event: Claim, c: Claim, sentences: int) -> bool:
    if not 0 <= sentences <= DETAIL_SENTENCES:
        return False
    if (event.certainty == Certainty.DENIED) != (c.certainty == Certainty.DENIED):
        return False
    if c.location is None:
        return True
    return event.location is not None and event.location.name == c.location.name


def _joined(event: Claim, c: Claim) -> Claim:
    counts = {n: getattr(event.counts, n) or getattr(c.counts, n) for n in _COUNTS}
    seen = {(x.name, x.role) for x in event.actors}
    actors = event.actors + tuple(x for x in c.actors if (x.name, x.role) not in seen)
    return dataclasses.replace(event, counts=Counts(**counts), actors=actors)
