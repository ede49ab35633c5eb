"""``claims.v2``: claims decided by the learned clause model, built by the rules.

For every main clause (:func:`~fogofwar.nlp.clause_view.clause_views`) the model gives the
probability that it carries a claim, its kind and its certainty; the rules keep what they are
strong at — spans, figures and what they count, actors, places, dates, the source and its cue.
Which clauses carry a claim and of which kind is :mod:`~fogofwar.nlp.claims_decide`; who says
it and how firmly is :mod:`~fogofwar.nlp.claims_voice`; this module runs the steps per clause,
joins the clauses that tell one claim and builds the claims.

Without a model (``Resources.model is None``) this stage is ``claims.v1``.
"""

from __future__ import annotations

import dataclasses

from fogofwar.claim import Certainty, Claim, ClaimKind, SourceKind, SourceRef
from fogofwar.model import Span
from fogofwar.nlp.background import reminded
from fogofwar.nlp.caveats import apply_caveats
from fogofwar.nlp.ceremonies import ceremony
from fogofwar.nlp.claims import CLAIMS_REQUIRE, ClaimBuilder, claims
from fogofwar.nlp.claims_decide import (
    ADD,
    ADD_BACKDROP,
    DROP,
    OVERRIDE,
    decide,
    names_earlier_source,
)
from fogofwar.nlp.claims_filters import (
    bare,
    circumstance_clause,
    doubtful,
    drop_kickers,
    purpose_clause,
)
from fogofwar.nlp.claims_places import fan_out_places
from fogofwar.nlp.claims_voice import (
    CERTAIN,
    HARD,
    SECURITY,
    SOURCED,
    SPEECH_ACTS,
    Voices,
    anchor,
    attribution_of,
    certainty_of,
    describer,
    interior,
    own,
    spoken,
)
from fogofwar.nlp.clause_split import promote_relatives, split_coordinated
from fogofwar.nlp.clause_view import ClauseView, as_event, clause_views
from fogofwar.nlp.doc import AttributionMention, Doc, Resources
from fogofwar.nlp.elaborate import detail_key, detail_only, fold_details
from fogofwar.nlp.encounters import idle_encounter
from fogofwar.nlp.frame_speakers import event_frame, speaker_attribution
from fogofwar.nlp.frames import charges, cue_is_fight, denied_before, frame_of
from fogofwar.nlp.joint_sources import split_joint_sources
from fogofwar.nlp.lead_ins import past_lead_in
from fogofwar.nlp.nonfacts import bare_prediction, message_kind, no_fact
from fogofwar.nlp.pipeline import stage
from fogofwar.nlp.place_carry import carry_places
from fogofwar.nlp.place_figures import per_place_figures
from fogofwar.nlp.place_items import listed_places, places_hit
from fogofwar.nlp.place_plural import shared_area_places
from fogofwar.nlp.presupposed import accusers_of_denials, protests_of_arrests
from fogofwar.nlp.profiles import detainee_profile
from fogofwar.nlp.restate import (
    drop_verbatim_repeats,
    drop_victim_details,
    fold_zero_tolls,
    merge_restatements,
)
from fogofwar.nlp.retold import drop_retold
from fogofwar.nlp.salience import main_first
from fogofwar.nlp.senses import sense_kind
from fogofwar.nlp.source_choice import ClauseSide, SourceLayout, pick_source
from fogofwar.nlp.source_names import named_before
from fogofwar.nlp.source_typing import NOT_A_SOURCE, SOURCE, source_kind, type_all
from fogofwar.nlp.sourced_certainty import media_hearsay, settle

__all__ = [
    "ADD",
    "ADD_BACKDROP",
    "CERTAIN",
    "DROP",
    "NOT_A_SOURCE",
    "OVERRIDE",
    "SOURCE",
    "SOURCED",
    "claims_v2",
    "names_earlier_source",
]


def _within(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _same_claim(a: tuple[ClauseView, ClaimKind], b: tuple[ClauseView, ClaimKind]) -> bool:
    (va, ka), (vb, kb) = a, b
    return (
        va.clause.sentence == vb.clause.sentence
        and ka == kb
        and va.attribution == vb.attribution
        and not (va.events and vb.events)
    )


@stage(
    "claims.v2",
    requires=CLAIMS_REQUIRE,
    provides=["claims"],
)
def claims_v2(doc: Doc, res: Resources) -> Doc:
    """Build the claims of every clause the model and the rules agree carries one."""
    if res.model is None:
        return claims(doc, res)
    read = doc  # what the stage returns; the claims are read from its clauses cut further
    b0 = ClaimBuilder(doc, res)
    doc = dataclasses.replace(doc, clauses=promote_relatives(doc, b0, split_coordinated(doc, b0)))
    b = ClaimBuilder(doc, res, like=b0)  # the same words: b0's memos hold
    views = clause_views(doc, res, b)
    scores = res.model.score(views)
    picked: list[tuple[ClauseView, ClaimKind, Certainty, AttributionMention | None]] = []
    unsure: list[bool] = []  # per picked clause: the model leans to no claim (past the lead)
    layout: SourceLayout | None = None  # built once, for the first clause that needs it
    voices = Voices(doc, res)  # speakers and source names, each worked out once
    kind_of = _KindOf(doc, res, voices)

    opened: set[int] = set()  # the sentences of the clauses seen so far
    for view, score in zip(views, scores, strict=True):
        later = view.clause.sentence in opened  # a clause of its sentence came before it
        opened.add(view.clause.sentence)
        kind = decide(doc, res, view, score)
        if kind is None or no_fact(doc, b.pack, view, kind):
            continue  # no_fact: a question, a counterfactual, assets arrested, "hit the economy"
        kind = message_kind(doc, b.pack, view, kind)  # "sent a letter": diplomacy
        if idle_encounter(doc, b.pack, view, kind) or ceremony(doc, b.pack, view.clause):
            continue  # "met his counterpart to discuss trade", "attended the funeral"
        if detainee_profile(doc, view, kind):
            continue  # "Задержанный оказался сторонником …": who the detainee is
        if (kind := sense_kind(doc, b.pack, view, kind)) is None:
            continue  # another sense: "a strike over pay", "звільнили з посади"
        view = as_event(view, kind)
        frame = frame_of(view) if kind == ClaimKind.STATEMENT else None
        if frame is None and kind != ClaimKind.STATEMENT and view.rule_certainty not in HARD:
            frame = event_frame(view, kind)
        if frame is None and kind == ClaimKind.STATEMENT and picked:
            frame = denied_before(view, picked[-1][0], picked[-1][1])
        att = attribution_of(doc, view, score)
        if att is not None and (not kind_of(att)[1] or cue_is_fight(doc, view, att)):
            att = None
        if res.sources is not None:
            own_cert = b.certainty(view.clause, Certainty.ASSERTED)
            side = ClauseSide(view, att, score.sourced, kind, own_cert)
            layout = layout or SourceLayout(doc)
            describe = describer(doc, voices, view, kind, kind_of)
            att = pick_source(layout, side, res.sources, describe, lambda a: kind_of(a)[1])
        if att is not None and not own(view, att) and reminded(doc, view.clause, att):
            att = None  # "Нагадаємо, …": the author's background, whoever spoke before
        if att is view.attribution:
            cert = certainty_of(view, score)
        else:  # another source than the rules': its cue's certainty, hedges of the clause
            rule = b.certainty(view.clause, att.certainty if att else Certainty.ASSERTED)
            view = dataclasses.replace(view, rule_certainty=rule)
            cert = certainty_of(view, score)
        # a performative act's own speaker ("Selenskyj verurteilte die Attacke") is its
        # source, not the report before it nor a speaker named nearby
        if (
            frame is None
            and kind in SPEECH_ACTS
            and not own(view, att)
            and voices.speaker(view.clause.span, anchor(doc, view), kind, spoken(view, kind))
            is not None
        ):
            att = None
        if frame is not None:
            kind, cert = frame
            if att is None or (view.inherited and att is view.attribution):
                # the frame's own speaker ("Kiew bezeichnete die Meldung als Lüge"), not the
                # report it answers
                att = speaker_attribution(doc, view) or att
        src_kind = kind_of(att)[0] if att is not None else None
        act = kind in SPEECH_ACTS
        charge = act and charges(view)
        if charge and att is None:  # an accusation needs its accuser
            charge = (
                voices.speaker(view.clause.span, anchor(doc, view), kind, spoken(view, kind))
                is not None
            )
        rule = view.rule_certainty
        cert = settle(doc, b.pack, att, src_kind, act, charge, cert, rule, view.clause, kind)
        if bare_prediction(doc, view, kind, cert):
            continue  # "the talks could have two outcomes": a forecast without an event word
        if later and purpose_clause(doc, b.pack, view.clause):
            # "…, um neue Angriffe zu verhindern": a purpose after a clause of its sentence,
            # whether or not that clause gave a claim, tells no fact of its own
            continue
        if (
            picked
            and picked[-1][0].clause.sentence == view.clause.sentence
            and circumstance_clause(doc, b.pack, view.clause, kind, picked[-1][1])
        ):
            continue  # "…, while homes were looted"
        if picked and _same_claim((picked[-1][0], picked[-1][1]), (view, kind)):
            prev = picked[-1][0]
            if not prev.events and view.events:
                picked[-1] = (view, kind, cert, att)
                unsure[-1] = doubtful(doc, view, score)
            continue
        picked.append((view, kind, cert, att))
        unsure.append(doubtful(doc, view, score))
    built = [
        _build(doc, voices, b, view, kind, cert, att, kind_of(att)[0] if att else None)
        for view, kind, cert, att in picked
    ]
    kept = [
        (c, p)
        for c, p, d in zip(built, picked, unsure, strict=True)
        if not (d and bare(doc, b.pack, c))
    ]
    out = [c for c, _ in kept]
    picked = [p for _, p in kept]
    details = frozenset(
        key
        for c, (view, *_) in zip(out, picked, strict=True)
        if detail_only(view) and (key := detail_key(c)) is not None
    )
    out = fold_details(doc, merge_restatements(doc, drop_verbatim_repeats(doc, out)), details)
    out = drop_retold(doc, out)  # a quote of the source telling its event again
    out = apply_caveats(doc, b.pack, drop_victim_details(doc, fold_zero_tolls(doc, out)))
    out = fan_out_places(doc, b.pack, res.pipeline_version, media_hearsay(doc, b.pack, out))
    out = listed_places(doc, b.pack, res.pipeline_version, out)  # nlp/place_items.py
    out = places_hit(doc, b.pack, res.pipeline_version, out)
    out = per_place_figures(doc, b.pack, res.pipeline_version, out)
    out = shared_area_places(doc, res, res.pipeline_version, out)
    out = split_joint_sources(doc, b.pack, res.pipeline_version, out)
    out = protests_of_arrests(doc, b.pack, res.pipeline_version, out)
    out = accusers_of_denials(doc, res, res.pipeline_version, out)
    out = drop_kickers(doc, out)  # "Sabotagepläne: Zwei Männer festgenommen"
    out = carry_places(doc, b.pack, out)  # nlp/place_carry.py: the place of the event continued
    return dataclasses.replace(read, claims=tuple(main_first(out)))


class _KindOf:
    """``(source kind, is a source)`` of each attribution of a document, worked out once (the
    model's source head runs once per attribution; "según él": as the text named them). A
    class, not a closure calling itself: that would be a reference cycle keeping the document
    alive until the garbage collector's next pass."""

    def __init__(self, doc: Doc, res: Resources, voices: Voices) -> None:
        self.doc, self.res, self.voices = doc, res, voices
        self.typed = type_all(doc, res) if res.sources is not None else {}
        self.memo: dict[AttributionMention, tuple[SourceKind | None, bool]] = {}
        self.seen: dict[int, tuple[AttributionMention, tuple[SourceKind | None, bool]]] = {}

    def __call__(self, a: AttributionMention) -> tuple[SourceKind | None, bool]:
        got = self.seen.get(id(a))  # by identity first: hashing an attribution reads every field
        if got is not None:
            return got[1]
        memo = self.memo
        if a not in memo:
            named = named_before(self.doc, a, self.voices.name)
            memo[a] = (
                source_kind(self.doc, self.res, a, self.typed) if named is None else self(named)
            )
        self.seen[id(a)] = (a, memo[a])
        return memo[a]


def _build(
    doc: Doc,
    voices: Voices,
    b: ClaimBuilder,
    view: ClauseView,
    kind: ClaimKind,
    cert: Certainty,
    att: AttributionMention | None,
    source_kind: SourceKind | None,
) -> Claim:
    clause = view.clause
    events = list(view.events) or list(view.every)
    at = anchor(doc, view)
    span = clause.span
    if att is not None and _within(Span(at, at + 1), att.content):
        lo, hi = max(span.start, att.content.start), min(span.end, att.content.end)
        span = Span(lo, hi) if hi > lo else span
        if not events:
            span = past_lead_in(doc, b.pack, att, clause.span, span)
    if att is not None and kind in SECURITY and interior(doc, att):
        source_kind = SourceKind.MILITARY  # claims-v1: interior ministries on security operations
    source = (
        SourceRef(
            source_kind or att.source_kind,
            voices.name(att),
            att.via,
            att.source,
        )
        if att is not None
        else voices.speaker(clause.span, at, kind, spoken(view, kind))
        or SourceRef(SourceKind.AUTHOR)
    )
    subtype = view.rule_subtype if kind == view.rule_kind else None
    return b.claim(clause, span, kind, subtype, cert, source, att, at, events)
