"""The claim builder: one claim per clause that asserts an event, the same code for every language.

Rules, in order (all words come from the pack):

1. Event words and what is no event (background clauses, analysis, source phrases):
   :mod:`fogofwar.nlp.claims_events`.
2. Kind: :func:`fogofwar.nlp.salience.clause_kind` (a leading speech act governs; else the
   first of :data:`KIND_PRIORITY`; transitive killings with a perpetrator are attacks; assaults
   on armed forces are clashes). A sentence's main event precedes its casualty toll
   (:func:`~fogofwar.nlp.salience.main_first`).
3. Counts: figures bind to the nearest casualty/arrest word, closest pairs first (so in
   "8 killed and more than 100 injured" the 100 goes to "injured" even though "killed" comes
   first; a risen figure goes to the counted noun before its ``rise`` phrase, before any
   nearer figure); ", darunter …"/", including …" qualifies the count whose figure precedes it
   (:mod:`fogofwar.nlp.tolls`).
4. Source: the innermost attribution whose content holds the event word. Otherwise the claim
   inherits the attribution of the previous claim in the same passage: at most
   ``INHERIT_WINDOW`` sentences back, in the same or the previous paragraph, no heading between,
   the earlier attribution indirect (a quotation does not extend beyond its marks). Otherwise the
   article's own voice: source ``author``, certainty ``asserted``.
5. Certainty, time, actors and location: :mod:`fogofwar.nlp.claims_parts`.
"""

from __future__ import annotations

import dataclasses

from fogofwar.claim import (
    Certainty,
    Claim,
    ClaimKind,
    Cue,
    SourceKind,
    SourceRef,
    claim_id_for,
)
from fogofwar.model import Span
from fogofwar.nlp.claims_parts import ClaimParts
from fogofwar.nlp.doc import AttributionMention, Clause, Doc, Resources
from fogofwar.nlp.kinds import crosswalk
from fogofwar.nlp.matcher import Match, token_starts
from fogofwar.nlp.pipeline import stage
from fogofwar.nlp.salience import clause_kind, main_first
from fogofwar.nlp.tolls import trim_span
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["CLAIMS_REQUIRE", "INHERIT_WINDOW", "ClaimBuilder", "claims", "trim_span"]

INHERIT_WINDOW = 2
#: What a claims stage reads (``claims.v1`` and ``claims.v2`` alike).
CLAIMS_REQUIRE: tuple[str, ...] = (
    "tokens",
    "sentences",
    "clauses",
    "quantities",
    "dates",
    "entities",
    "places",
    "attributions",
)


def _within(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


class ClaimBuilder(ClaimParts):
    """The rule parts of a claim (events, counts, actors, place, time, source) for one Doc."""

    def __init__(self, doc: Doc, res: Resources, like: ClaimBuilder | None = None) -> None:
        """``like``: a builder of the same document with other clauses (before they were cut);
        its memos, which read tokens, quantities and attributions only, are shared."""
        self.doc, self.res = doc, res
        self.pack: LanguagePack = res.packs[doc.lang]
        self.toks = doc.tokens
        self.starts = token_starts(doc.tokens)
        self.used_q: set[Span] = set()
        self._has: dict[tuple[int, int, int], bool] = {}
        self._every: dict[tuple[int, int], list[Match[Trigger]]] = {}
        self._in_source: dict[int, bool] = {}
        if (
            like is not None
            and like.toks is doc.tokens
            and like.doc.quantities is doc.quantities
            and like.doc.attributions is doc.attributions
            and like.doc.lang == doc.lang
        ):
            self._has, self._every, self._in_source = like._has, like._every, like._in_source

    def claim(
        self,
        clause: Clause,
        span: Span,
        kind: ClaimKind,
        subtype: str | None,
        certainty: Certainty,
        source: SourceRef,
        att: AttributionMention | None,
        anchor: int,
        events: list[Match[Trigger]],
    ) -> Claim:
        """The claim of ``clause``: its words (``span``, trimmed), kind, source and certainty as
        decided, and the parts the rules read around the event word at ``anchor`` — counts,
        actors, place, time, cue."""
        doc, res = self.doc, self.res
        span = trim_span(doc.text, span)
        acled, plover = crosswalk(kind, subtype)
        counts = self.counts(clause, events)
        return Claim(
            claim_id=claim_id_for(doc.doc_id, res.pipeline_version, span, kind.value, doc.headline),
            article_id=doc.doc_id,
            lang=doc.lang,
            span=span,
            kind=kind,
            source=source,
            certainty=certainty,
            in_headline=doc.headline,
            subtype=subtype,
            acled=acled,
            plover=plover,
            actors=self.actors(clause, kind, anchor, att, counts),
            location=self.location(clause, anchor, att.source if att else None),
            time=self.time(clause, certainty == Certainty.HYPOTHETICAL, att, kind),
            counts=counts,
            cue=Cue(att.cue_text or "", att.cue) if att is not None and att.cue else None,
            quote=att.direct if att is not None else False,
            sentence=doc.sentences[clause.sentence].span,
        )


@stage(
    "claims.v1",
    requires=CLAIMS_REQUIRE,
    provides=["claims"],
)
def claims(doc: Doc, res: Resources) -> Doc:
    """Build the claims of every clause that asserts an event."""
    b = ClaimBuilder(doc, res)
    out: list[Claim] = []
    last: tuple[int, int, AttributionMention] | None = None  # (sentence, paragraph, attribution)
    last_heading = -1
    for clause in doc.clauses:
        sent = doc.sentences[clause.sentence]
        if sent.heading:
            last_heading = clause.sentence
            continue
        if clause.relative or clause.qualifier:
            continue
        events = b.events(clause)
        if not events:
            continue
        every = b.every(clause)
        kind, subtype = clause_kind(doc, clause, events, b.pack, every)
        trig_off = doc.tokens[events[0].start].start
        att = b.attribution_for(trig_off)
        if att is None and last is not None:
            l_sent, l_para, l_att = last
            if (
                0 < clause.sentence - l_sent <= INHERIT_WINDOW
                and sent.paragraph - l_para <= 1
                and last_heading < l_sent
                and not l_att.direct
            ):
                att = l_att
        elif att is not None and att.source_kind != SourceKind.AUTHOR:
            last = (clause.sentence, sent.paragraph, att)
        base = att.certainty if att is not None else Certainty.ASSERTED
        certainty = b.certainty(clause, base)
        span = clause.span
        if att is not None and _within(trig_off_span := Span(trig_off, trig_off + 1), att.content):
            lo, hi = max(span.start, att.content.start), min(span.end, att.content.end)
            span = Span(lo, hi) if hi > lo else trig_off_span
        source = (
            SourceRef(att.source_kind, b.source_name(att), att.via, att.source)
            if att is not None
            else SourceRef(SourceKind.AUTHOR)
        )
        out.append(b.claim(clause, span, kind, subtype, certainty, source, att, trig_off, events))
    return dataclasses.replace(doc, claims=tuple(main_first(out)))
