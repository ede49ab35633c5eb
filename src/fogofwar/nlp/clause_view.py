"""What the rules read in each clause, as input for the learned claim detector.

:func:`clause_views` walks the main clauses of a :class:`Doc` once (after attribution) and
returns a :class:`ClauseView` per clause: the rules' event words, kind and certainty, the
attribution that covers the clause (or the one it inherits: a source's report continued by an
unattributed sentence, a source named after the facts), and a vector of lexical features —
the packs' cues as *features* for the model rather than gates. Training
(:mod:`fogofwar.detect.train`) and reading (``claims.v2``) call the same function, so the
model always sees the features it was trained on.

Lexical features are language-independent names (:data:`LEXICAL_NAMES`): which kinds of event
word stand in the clause, the kind and certainty the rules would give, the source kind of the
covering attribution, modal and hedge words, figures, quotes, position.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.model import DatePrecision, Span
from fogofwar.nlp.claims import INHERIT_WINDOW, ClaimBuilder
from fogofwar.nlp.doc import AttributionMention, Clause, Doc, Resources
from fogofwar.nlp.matcher import Match
from fogofwar.nlp.salience import clause_kind
from fogofwar.packs import CueEntry, Trigger

__all__ = [
    "CANDIDATE_WINDOW",
    "CONTEXT_NAMES",
    "LEXICAL_NAMES",
    "ClauseView",
    "as_event",
    "clause_views",
    "performative",
]

CANDIDATE_WINDOW = 6  # sentences back a briefing may run on
RESTATE_WINDOW = 3  # sentences back a clause of the same kind or source may be restated
LATE = 2 / 3  # share of the body after which a clause is "late" (background drifts there)
_COARSE = frozenset({DatePrecision.MONTH, DatePrecision.YEAR})

_KINDS = tuple(ClaimKind)
_CERTAINTIES = tuple(Certainty)
_SOURCES = tuple(SourceKind)
_FLAGS = (
    "has_rule_event",
    "nominal_only",
    "has_count_word",
    "has_quantity",
    "has_vague",
    "speculative",
    "future",
    "reportative",
    "planned",
    "evaluative",
    "habitual",
    "light_verb",
    "verification_near",
    "headline",
    "first_sentence",
    "quote_marks",
    "inherited_source",
    "candidate_source",
    "candidate_1",
    "candidate_2",
    "candidate_far",
    "candidate_same_paragraph",
    "candidate_direct",
    "direct_quote",
    "source_after",
    "short_clause",
    "long_clause",
    "has_place",
    "has_actor",
    "has_person",
    "has_date",
)
#: Whether a clause is the analyst's claim at all, or background, aftermath, a generalisation
#: or a restatement: features for the claim/kind head only (the certainty and continuation
#: heads are trained without them).
CONTEXT_NAMES = (
    "background",
    "aftermath",
    "withheld",
    "generic",
    "coarse_date",
    "late_in_doc",
    "same_kind_before",
    "same_source_before",
)
#: Names of the lexical feature vector's positions, in order.
LEXICAL_NAMES: tuple[str, ...] = (
    *(f"trigger:{k.value}" for k in _KINDS),
    *(f"rule_kind:{k.value}" for k in _KINDS),
    *(f"rule_certainty:{c.value}" for c in _CERTAINTIES),
    *(f"cue_certainty:{c.value}" for c in _CERTAINTIES),
    *(f"source:{s.value}" for s in _SOURCES),
    *_FLAGS,
    *CONTEXT_NAMES,
)
_CANDIDATE_AT = LEXICAL_NAMES.index("candidate_source")
_CONTEXT_AT = LEXICAL_NAMES.index("late_in_doc")
_QUOTES = frozenset('"«»„“”‚‘’')


@dataclass(frozen=True, slots=True)
class ClauseView:
    """One main clause as the rules read it, with the model's lexical features."""

    clause: Clause
    text: str  # the clause's words
    sentence_text: str  # the whole sentence (context for the encoder)
    events: tuple[Match[Trigger], ...]  # the rules' gated event words (may be empty)
    every: tuple[Match[Trigger], ...]  # every event word of the clause, ungated
    rule_kind: ClaimKind | None
    rule_subtype: str | None
    rule_certainty: Certainty
    attribution: AttributionMention | None  # covering or inherited
    inherited: bool
    lexical: tuple[float, ...]
    #: the last sourced attribution before an unattributed clause (within ``CANDIDATE_WINDOW``
    #: sentences, no heading between): whose report the clause may continue
    candidate: AttributionMention | None = None


class _Starts:
    """Sorted start offsets of a document's places, actors, persons and dates: whether one
    starts inside a clause is a bisection, not a scan of the document's mentions."""

    def __init__(self, doc: Doc) -> None:
        self.places = sorted(p.span.start for p in doc.places)
        self.actors = sorted(e.span.start for e in doc.entities if e.category == "actor")
        self.persons = sorted(e.span.start for e in doc.entities if e.category == "person")
        self.dates = sorted(d.span.start for d in doc.dates)
        self.coarse = sorted(d.span.start for d in doc.dates if d.precision in _COARSE)

    @staticmethod
    def any_in(starts: list[int], span: Span) -> bool:
        """Whether some offset of ``starts`` lies in ``[span.start, span.end)``."""
        k = bisect.bisect_left(starts, span.start)
        return k < len(starts) and starts[k] < span.end


#: speech acts that are the news themselves (annotating-claims: "Performative speech acts
#: (demand, appeal, condemn, threaten, vow, warn, state a position) ... asserted")
_PERFORMATIVE = frozenset({"demand", "threat", "condemnation"})
_SPEECH_ACTS = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})


def performative(kind: ClaimKind | None, subtype: str | None, certainty: Certainty) -> Certainty:
    """A demand, appeal, threat or warning is asserted by its speaker (the act is the news, not
    a report of something else: "the mayor urged residents to stay in shelters"), unless the
    text hedges, plans or denies it."""
    if kind in _SPEECH_ACTS and subtype in _PERFORMATIVE and certainty == Certainty.CLAIMED:
        return Certainty.ASSERTED
    return certainty


def as_event(view: ClauseView, kind: ClaimKind) -> ClauseView:
    """``view`` as a claim of ``kind``: a performative speech act the model reads as the event
    it speaks of ("El alcalde denunció un nuevo bombardeo" read as the attack) is that event
    as its speaker claims it; the act's own certainty (a condemnation is asserted by its
    speaker, :func:`performative`) does not carry over to it."""
    if (
        view.rule_kind in _SPEECH_ACTS
        and kind not in _SPEECH_ACTS
        and view.rule_subtype in _PERFORMATIVE
        and view.rule_certainty == Certainty.ASSERTED
    ):
        return replace(view, rule_certainty=Certainty.CLAIMED)
    return view


def clause_views(
    doc: Doc, res: Resources, builder: ClaimBuilder | None = None
) -> tuple[ClauseView, ...]:
    """Every main clause of ``doc`` (not relative, qualifier or heading clauses), in order;
    ``builder`` (for ``doc``) is reused when given."""
    b = builder or ClaimBuilder(doc, res)
    pack, toks = b.pack, doc.tokens
    out: list[ClauseView] = []
    # reporting cues of every sentence, found once (every clause's features read them)
    sentence_cues = [list(pack.cues.find(toks, s.tok_start, s.tok_end)) for s in doc.sentences]
    starts = _Starts(doc)
    last: tuple[int, int, AttributionMention] | None = None
    last_heading = -1
    sourced: tuple[int, int, AttributionMention] | None = None  # for candidates
    seen: list[tuple[int, ClaimKind, tuple[str, SourceKind] | None]] = []  # event clauses so far
    n_sents = len(doc.sentences)
    for clause in doc.clauses:
        sent = doc.sentences[clause.sentence]
        if sent.heading:
            last_heading = clause.sentence
            continue
        if clause.relative or clause.qualifier:
            continue
        events = b.events(clause)
        # habitual background ("Russia regularly shells …") names no one event: its event
        # words are no event words here either (the model may still read a claim in it)
        every = [] if b.has(pack.habitual, clause.tok_start, clause.tok_end) else b.every(clause)
        kind: ClaimKind | None = None
        subtype: str | None = None
        if events:
            kind, subtype = clause_kind(doc, clause, events, pack, every)
        anchor = toks[events[0].start].start if events else clause.span.start
        att = b.attribution_for(anchor)
        if att is None:
            att = b.attribution_for(
                max(clause.span.start, (clause.span.start + clause.span.end) // 2)
            )
        inherited = False
        if att is None and last is not None:
            l_sent, l_para, l_att = last
            if (
                0 < clause.sentence - l_sent <= INHERIT_WINDOW
                and sent.paragraph - l_para <= 1
                and last_heading < l_sent
                and not l_att.direct
            ):
                att, inherited = l_att, True
        elif att is not None and att.source_kind != SourceKind.AUTHOR:
            last = (clause.sentence, sent.paragraph, att)
        candidate: tuple[int, int, AttributionMention] | None = None
        if (att is None or inherited) and sourced is not None:
            c_sent = sourced[0]
            if 0 < clause.sentence - c_sent <= CANDIDATE_WINDOW and last_heading < c_sent:
                candidate = sourced
        if att is not None and not inherited and att.source_kind != SourceKind.AUTHOR:
            sourced = (clause.sentence, sent.paragraph, att)
        base = att.certainty if att is not None else Certainty.ASSERTED
        certainty = performative(kind, subtype, b.certainty(clause, base))
        lexical = _lexical(
            doc, b, clause, events, every, kind, certainty, att, inherited, sentence_cues, starts
        )
        if candidate is None:
            cand = (0.0,) * 6
        else:
            dist = clause.sentence - candidate[0]
            cand = (
                1.0,
                float(dist == 1),
                float(dist == 2),
                float(dist > 2),
                float(candidate[1] == sent.paragraph),
                float(candidate[2].direct),
            )
        lexical = lexical[:_CANDIDATE_AT] + cand + lexical[_CANDIDATE_AT + 6 :]
        who = _who(doc, att)
        recent = [(k, w) for s_, k, w in seen if clause.sentence - s_ <= RESTATE_WINDOW]
        context = (
            float(not doc.headline and n_sents >= 4 and clause.sentence >= LATE * n_sents),
            float(kind is not None and any(k == kind for k, _ in recent)),
            float(who is not None and any(w == who for _, w in recent)),
        )
        lexical = lexical[:_CONTEXT_AT] + context + lexical[_CONTEXT_AT + 3 :]
        if kind is not None:
            seen.append((clause.sentence, kind, who))
        out.append(
            ClauseView(
                clause,
                clause.span.slice(doc.text),
                sent.span.slice(doc.text),
                tuple(events),
                tuple(every),
                kind,
                subtype,
                certainty,
                att,
                inherited,
                lexical,
                candidate[2] if candidate is not None else None,
            )
        )
    return tuple(out)


def _who(doc: Doc, att: AttributionMention | None) -> tuple[str, SourceKind] | None:
    """Who a sourced attribution names (its words and kind), to tell a source's repeated
    report; ``None`` for the author's voice."""
    if att is None or att.source is None or att.source_kind == SourceKind.AUTHOR:
        return None
    return att.source.slice(doc.text).casefold(), att.source_kind


def _lexical(
    doc: Doc,
    b: ClaimBuilder,
    clause: Clause,
    events: list[Match[Trigger]],
    every: list[Match[Trigger]],
    kind: ClaimKind | None,
    certainty: Certainty,
    att: AttributionMention | None,
    inherited: bool,
    sentence_cues: list[list[Match[CueEntry]]],
    starts: _Starts,
) -> tuple[float, ...]:
    pack, toks = b.pack, doc.tokens
    lo, hi = clause.tok_start, clause.tok_end
    vec: list[float] = []
    trig_kinds = {m.payload.kind for m in every}
    vec += [float(k in trig_kinds) for k in _KINDS]
    vec += [float(k == kind) for k in _KINDS]
    vec += [float(c == certainty) for c in _CERTAINTIES]
    cues = sentence_cues[clause.sentence]
    cue_certs = {m.payload.certainty for m in cues}
    vec += [float(c in cue_certs) for c in _CERTAINTIES]
    vec += [float(att is not None and att.source_kind == s) for s in _SOURCES]
    quantities = [q for q in doc.quantities if lo <= q.tok_start < hi]
    sents = doc.sentences
    near = [clause.sentence] + ([clause.sentence + 1] if clause.sentence + 1 < len(sents) else [])
    verification = any(m.payload.type == "verification" for s in near for m in sentence_cues[s])
    n_words = sum(1 for t in toks[lo:hi] if t.is_word)
    span = clause.span
    flags = {
        "has_rule_event": bool(events),
        "nominal_only": bool(every) and all(m.payload.nominal for m in every),
        # a prisoner exchange's verb counts the people exchanged (``arrested``), but the clause
        # model learned this flag from casualty and arrest words: the exchange stays out of it
        "has_count_word": any(
            m.payload.count and m.payload.subtype != "prisoner_exchange" for m in every
        ),
        "has_quantity": bool(quantities),
        "has_vague": any(q.vague for q in quantities),
        "speculative": b.has(pack.speculative, lo, hi),
        "future": b.has(pack.future, lo, hi),
        "reportative": b.has(pack.reportative, lo, hi),
        "planned": b.has(pack.planned_modals, lo, hi),
        "evaluative": b.has(pack.evaluative, lo, hi),
        "habitual": b.has(pack.habitual, lo, hi),
        "light_verb": b.has(pack.light_verbs, lo, hi),
        "verification_near": verification,
        "headline": doc.headline,
        "first_sentence": clause.sentence == 0,
        "quote_marks": not _QUOTES.isdisjoint(span.slice(doc.text)),
        "inherited_source": inherited,
        "candidate_source": False,  # the candidate features are set by clause_views
        "candidate_1": False,
        "candidate_2": False,
        "candidate_far": False,
        "candidate_same_paragraph": False,
        "candidate_direct": False,
        "direct_quote": att is not None and att.direct,
        "source_after": att is not None and att.source is not None and att.source.start >= span.end,
        "short_clause": n_words <= 4,
        "long_clause": n_words >= 25,
        "has_place": starts.any_in(starts.places, span),
        "has_actor": starts.any_in(starts.actors, span),
        "has_person": starts.any_in(starts.persons, span),
        "has_date": starts.any_in(starts.dates, span),
        "background": b.has(pack.background, lo, hi),
        "aftermath": b.has(pack.aftermath, lo, hi),
        "withheld": b.has(pack.withheld, lo, hi),
        "generic": b.has(pack.generic, lo, hi),
        "coarse_date": starts.any_in(starts.coarse, span),
        "late_in_doc": False,  # the context features are set by clause_views
        "same_kind_before": False,
        "same_source_before": False,
    }
    vec += [float(flags[name]) for name in (*_FLAGS, *CONTEXT_NAMES)]
    assert len(vec) == len(LEXICAL_NAMES)
    return tuple(vec)
