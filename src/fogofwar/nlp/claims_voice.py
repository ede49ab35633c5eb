"""Who a clause's claim is said by, and how firmly (``claims.v2``, steps 3 and 4).

3. **Source kind.** The rules find the source and its words; its kind comes from the actor
   registry when the registry knows the speaker, else from the model's source head (which
   reads the source's name and the words around it: "Zivilschutz" is a rescue service,
   "Bürgermeister Vitali Klitschko" a government voice) when it is confident (≥ ``SOURCE``),
   else from the rules.
4. **Certainty.** Hard textual signals stay with the rules (an explicit verification caveat,
   a denial cue); otherwise the model's certainty when it is confident (≥ ``CERTAIN``), else
   the rules'; then what the final source implies
   (:func:`~fogofwar.nlp.sourced_certainty.settle`).
"""

from __future__ import annotations

from collections.abc import Callable

from fogofwar.claim import Certainty, ClaimKind, SourceKind, SourceRef
from fogofwar.detect.encoder import context_window
from fogofwar.detect.model import ClauseScore
from fogofwar.model import Span
from fogofwar.nlp.background import continues_report, dated_earlier
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import AttributionMention, Doc, Resources
from fogofwar.nlp.source_names import source_name
from fogofwar.nlp.source_typing import known_kind

__all__ = [
    "CERTAIN",
    "HARD",
    "SECURITY",
    "SOURCED",
    "SPEECH_ACTS",
    "Voices",
    "anchor",
    "attribution_of",
    "certainty_of",
    "describer",
    "in_clause",
    "interior",
    "own",
    "speaker",
    "spoken",
]

CERTAIN = 0.65
SOURCED = 0.5
HARD = frozenset({Certainty.UNVERIFIED, Certainty.DENIED})


def certainty_of(view: ClauseView, score: ClauseScore) -> Certainty:
    """The rules' hard certainty (unverified, denied), else the model's when it is sure."""
    if view.rule_certainty in HARD:
        return view.rule_certainty
    best, p = score.best_certainty()
    return best if p >= CERTAIN else view.rule_certainty


def attribution_of(doc: Doc, view: ClauseView, score: ClauseScore) -> AttributionMention | None:
    """The clause's own attribution; for a clause without one, a sourced report whose cue and
    words stand in the clause (:func:`in_clause`), else the source whose report it continues
    (the candidate) when the model reads it as continued speech — not background dated before
    the reported events (:func:`~fogofwar.nlp.background.dated_earlier`)."""
    if view.attribution is not None and not view.inherited:
        return view.attribution
    inside = in_clause(doc, view)
    if inside is not None:
        return inside
    if dated_earlier(doc.lang, view.text):
        return None
    if view.inherited and view.attribution is not None:
        # the rules' continuation, when the clause model and the text's signals read it so
        if continues_report(doc, view.clause, view.attribution, score.sourced):
            return view.attribution
        return None
    if view.candidate is not None and score.sourced >= SOURCED:
        return view.candidate
    return None


#: share of a clause a report's words must fill for the report to be the clause's own
IN_CLAUSE = 1 / 3


def in_clause(doc: Doc, view: ClauseView) -> AttributionMention | None:
    """A sourced attribution whose cue stands in the clause and whose content fills at least
    :data:`IN_CLAUSE` of it ("According to the headquarters, 95 soldiers were among those
    who returned", where neither the clause's event word nor its middle falls inside the
    content): the clause's speaker is the one it names itself, not a report it might continue
    from sentences before. The one filling most of the clause."""
    span = view.clause.span
    size = max(1, span.end - span.start)
    best: tuple[int, AttributionMention] | None = None
    for a in doc.attributions:
        if a.source is None or a.cue is None or a.source_kind == SourceKind.AUTHOR:
            continue
        if not (span.start <= a.cue.start and a.cue.end <= span.end):
            continue
        fill = min(a.content.end, span.end) - max(a.content.start, span.start)
        if fill >= IN_CLAUSE * size and (best is None or fill > best[0]):
            best = (fill, a)
    return best[1] if best is not None else None


SPEECH_ACTS = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})


def own(view: ClauseView, att: AttributionMention | None) -> bool:
    """``att`` is the clause's own attribution (its cue in the clause), not one it inherits."""
    return att is not None and att is view.attribution and not view.inherited


def spoken(view: ClauseView, kind: ClaimKind) -> bool:
    """A claim of ``kind`` on ``view`` is a speech act (a ``statement``, or a clause holding a
    demand, threat, accusation, condemnation or denial word), not only a diplomatic deed ("the
    Senate passed the aid bill", "Die Regierung hat die Gespräche ausgesetzt", "Ізраїль і Ліван
    уклали угоду"), which the author reports like any other event."""
    return kind == ClaimKind.STATEMENT or any(
        m.payload.kind == ClaimKind.STATEMENT for m in view.every
    )


def speaker(
    doc: Doc, res: Resources, clause: Span, anchor: int, kind: ClaimKind, act: bool = True
) -> SourceRef | None:
    """The speaker of a performative speech act ("Selenskyj verurteilte den Angriff", "the
    ministry called on …"): the actor or person before the act's word in its clause is the
    source (claims-v1: source = speaker, certainty asserted). ``act``: the clause's words are
    a speech act (:func:`spoken`); a diplomatic deed has no speaker."""
    if kind not in SPEECH_ACTS or not act:
        return None
    before = [
        e
        for e in doc.entities
        if e.category in {"actor", "person", "source"}
        and clause.start <= e.span.start
        and e.span.end <= anchor
    ]
    if not before:
        # a capital or country opening the clause speaks for its government ("Moscou a
        # menacé de représailles", "La Russie a annoncé …")
        opening = [
            p
            for p in doc.places
            if clause.start <= p.span.start
            and p.span.end <= anchor
            and all(
                w.casefold().rstrip("'’") in res.packs[doc.lang].determiners
                for w in doc.text[clause.start : p.span.start].split()
            )
            and p.location is not None
            and p.location.precision in {"country", "point"}
        ]
        if not opening:
            return None
        p = opening[0]
        return SourceRef(known_kind(doc, p.span) or SourceKind.GOVERNMENT, p.surface, (), p.span)
    e = before[0]
    src_kind = known_kind(doc, e.span)
    if src_kind is None and res.model is not None:
        found = res.model.source_kinds(
            [(e.surface, context_window(doc.text, e.span.start, e.span.end))]
        )
        src_kind = found[0][0] if found else None
    name = e.normalized if e.category == "person" and e.normalized else e.surface  # as written
    return SourceRef(src_kind or SourceKind.GOVERNMENT, name, (), e.span)


def anchor(doc: Doc, view: ClauseView) -> int:
    """Where the clause's claim is anchored: its first event word, else the clause start."""
    events = view.events or view.every
    return doc.tokens[events[0].start].start if events else view.clause.span.start


class Voices:
    """:func:`speaker` and :func:`~fogofwar.nlp.source_names.source_name` of one document,
    each worked out once: the source choice asks them of every candidate of every clause."""

    def __init__(self, doc: Doc, res: Resources) -> None:
        self.doc, self.res = doc, res
        self._speakers: dict[tuple[int, int, int, ClaimKind, bool], SourceRef | None] = {}
        # id -> (the attribution, kept alive so its id stays its own; its name)
        self._names: dict[int, tuple[AttributionMention, str | None]] = {}

    def speaker(
        self, clause: Span, anchor: int, kind: ClaimKind, act: bool = True
    ) -> SourceRef | None:
        """:func:`speaker` of ``doc`` (``act``: the clause is a speech act, :func:`spoken`)."""
        key = (clause.start, clause.end, anchor, kind, act)
        if key not in self._speakers:
            self._speakers[key] = speaker(self.doc, self.res, clause, anchor, kind, act)
        return self._speakers[key]

    def name(self, att: AttributionMention) -> str | None:
        """:func:`~fogofwar.nlp.source_names.source_name` of ``doc``."""
        got = self._names.get(id(att))
        if got is None:
            got = self._names[id(att)] = (att, source_name(self.doc, att))
        return got[1]


def describer(
    doc: Doc,
    voices: Voices,
    view: ClauseView,
    kind: ClaimKind,
    kind_of: Callable[[AttributionMention], tuple[SourceKind | None, bool]],
) -> Callable[[AttributionMention | None], tuple[str | None, SourceKind]]:
    """The name and kind a claim of ``view`` would get from a source candidate (``voices``:
    the document's speakers and source names)."""

    def describe(att: AttributionMention | None) -> tuple[str | None, SourceKind]:
        if att is None:
            sp = voices.speaker(view.clause.span, anchor(doc, view), kind, spoken(view, kind))
            return (sp.name, sp.kind) if sp is not None else (None, SourceKind.AUTHOR)
        return voices.name(att), kind_of(att)[0] or att.source_kind

    return describe


SECURITY = frozenset({ClaimKind.ARREST, ClaimKind.ARMED_CLASH, ClaimKind.ATTACK})


def interior(doc: Doc, att: AttributionMention) -> bool:
    """The speaker is an interior ministry (by the registry's English name)."""
    src = att.source
    if src is None:
        return False
    return any(
        e.normalized is not None
        and e.span.start < src.end
        and src.start < e.span.end
        and ("interior" in e.normalized.casefold() or "internal affairs" in e.normalized.casefold())
        for e in doc.entities
    )
