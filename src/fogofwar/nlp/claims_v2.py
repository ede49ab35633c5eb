"""``claims.v2``: claims decided by the learned clause model, built by the rules.

For every main clause (:func:`~fogofwar.nlp.clause_view.clause_views`) the model gives the
probability that it carries a claim, its kind and its certainty; the rules keep what they are
strong at — spans, figures and what they count, actors, places, dates, the source and its cue.

1. **Detection.** A clause whose event words the rules accept is kept unless the model is sure
   it carries no claim (``p_claim < DROP``); a clause without such words (passives, telegraphic
   headlines, front-line reports, any wording the packs do not list) becomes a claim when the
   model says so (``p_claim ≥ ADD``) — unless it tells the aftermath around an event
   (hospital care, an investigation) or withholds details (as any clause that does so with
   no figure of its own), or generalises or tells a habit and
   the model is not sure (``ADD_BACKDROP``); a speech act that is only its speaker and verb
   ("Губернатор также предупредил, что …") leaves the claim to what follows. Adjacent
   clauses of one sentence that the model reads as the same claim (same kind, same source, no
   rule event of their own) are one claim. Past the lead (not the headline, not the first
   sentence), a clause with no figure that the model leans to reading as no claim
   (``p_claim < DROP_PAST_LEAD``) gives none unless its claim carries a count (a zero
   included: "no one was hurt" folds into its attack) or is confirmed, denied or unverified:
   the details, background, opinion and procedure an analyst does not mark.
2. **Kind.** The rules' kind (which already saw the model's lexical cues) stands unless the
   model prefers another kind with probability ≥ ``OVERRIDE``.
3. **Source kind.** The rules find the source and its words; its kind comes from the actor
   registry when the registry knows the speaker, else from the model's source head (which
   reads the source's name and the words around it: "Zivilschutz" is a rescue service,
   "Bürgermeister Vitali Klitschko" a government voice) when it is confident (≥ ``SOURCE``),
   else from the rules.
4. **Certainty.** Hard textual signals stay with the rules (an explicit verification caveat,
   a denial cue); otherwise the model's certainty when it is confident (≥ ``CERTAIN``), else
   the rules'; then what the final source implies
   (:func:`~fogofwar.nlp.sourced_certainty.settle`).

Without a model (``Resources.model is None``) this stage is ``claims.v1``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from fogofwar.claim import (
    Certainty,
    Claim,
    ClaimKind,
    SourceKind,
    SourceRef,
)
from fogofwar.detect.encoder import context_window
from fogofwar.detect.model import ClauseScore
from fogofwar.model import Span
from fogofwar.nlp.background import continues_report, dated_earlier
from fogofwar.nlp.caveats import apply_caveats, negated_check_in
from fogofwar.nlp.claims import CLAIMS_REQUIRE, ClaimBuilder, claims
from fogofwar.nlp.claims_filters import bare, circumstance_clause, doubtful, purpose_clause
from fogofwar.nlp.claims_places import fan_out_places
from fogofwar.nlp.clause_view import LEXICAL_NAMES, ClauseView, as_event, clause_views
from fogofwar.nlp.doc import AttributionMention, Doc, Resources
from fogofwar.nlp.elaborate import detail_key, detail_only, fold_details
from fogofwar.nlp.frame_speakers import event_frame, speaker_attribution
from fogofwar.nlp.frames import charges, denied_before, frame_of, unclaimed
from fogofwar.nlp.joint_sources import split_joint_sources
from fogofwar.nlp.lead_ins import past_lead_in
from fogofwar.nlp.pipeline import stage
from fogofwar.nlp.place_items import listed_places, places_hit
from fogofwar.nlp.restate import (
    drop_verbatim_repeats,
    drop_victim_details,
    fold_zero_tolls,
    merge_restatements,
)
from fogofwar.nlp.salience import main_first
from fogofwar.nlp.source_choice import ClauseSide, SourceLayout, pick_source
from fogofwar.nlp.source_names import named_before, source_name
from fogofwar.nlp.source_typing import NOT_A_SOURCE, SOURCE, known_kind, source_kind, type_all
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

DROP = 0.01
ADD = 0.75
ADD_BARE = 0.85  # a clause without any event word of the pack needs a surer model
OVERRIDE = 0.8
CERTAIN = 0.65
SOURCED = 0.5
_HARD = frozenset({Certainty.UNVERIFIED, Certainty.DENIED})


def _within(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


_EVALUATIVE = LEXICAL_NAMES.index("evaluative")
#: a clause without the rules' event words that tells the aftermath around an event (hospital
#: care, an investigation, details withheld) is no claim; a generalisation ("one of the most
#: shelled towns") or a habit ("shells the town almost daily") needs a surer model
#: (annotating-claims: analysis, habitual background, funerals and ceremonies are no claims)
_AFTERMATH = LEXICAL_NAMES.index("aftermath")
#: details withheld ("did not specify how many", "Інших даних він не розкрив", "ist nicht
#: bekannt") with no figure of their own: no claim, whatever event words the clause repeats
_WITHHELD = LEXICAL_NAMES.index("withheld")
_QUANTITY = LEXICAL_NAMES.index("has_quantity")
_NOMINAL = LEXICAL_NAMES.index("nominal_only")
_BACKDROP = tuple(LEXICAL_NAMES.index(n) for n in ("generic", "habitual"))
ADD_BACKDROP = 0.95
_VERIFICATION = LEXICAL_NAMES.index("verification_near")
#: subtypes the rules give from the clause's structure (an assault on armed forces is a clash,
#: a killing with perpetrator and victim an attack, an exchange of prisoners no arrest): the
#: model's preference for another kind does not override them
_STRUCTURAL = frozenset({"assault", "fighting", "killing", "prisoner_exchange", "disaster"})


def _frame_only(doc: Doc, view: ClauseView) -> bool:
    """The clause is only a source and its reporting words ("Der Geheimdienst hat bestätigt",
    "the mercenary, who fights for Russia, said"): what it reports stands elsewhere."""
    frame = [s for a in doc.attributions for s in (a.source, a.cue) if s is not None]
    clause = view.clause
    words = [
        t
        for t in doc.tokens[clause.tok_start : clause.tok_end]
        if t.is_word and not any(f.start <= t.start < f.end for f in frame)
    ]
    return bool(frame) and len(words) <= 2


def _frame_fragment(doc: Doc, view: ClauseView) -> bool:
    """A speech act that is only its speaker and verb ("Губернатор также предупредил, что …",
    "Kaz drohte zudem, …") with its content in the clauses after it in the sentence: the
    content is the claim, the fragment none."""
    sent = doc.sentences[view.clause.sentence].span
    rest = doc.text[view.clause.span.end : sent.end]
    if sum(1 for w in rest.split() if w[:1].isalnum()) < 2:
        return False
    return _frame_only(doc, view) or _act_then_comma(doc, view)


_FRAGMENT_WORDS = 5


def _act_then_comma(doc: Doc, view: ClauseView) -> bool:
    """The clause is a speaker and its speech act, ending on a comma or colon ("Кац также
    пригрозил,", "Die russische Botschaft kritisierte,"): no word after the act's word, a few
    words in all."""
    clause = view.clause
    if not doc.text[clause.span.start : clause.span.end].rstrip().endswith((",", ":")):
        return False
    acts = [m for m in view.every if m.payload.kind in _SPEECH_ACTS]
    if not acts or any(m.payload.kind not in _SPEECH_ACTS for m in view.every):
        return False
    words = [t for t in doc.tokens[clause.tok_start : clause.tok_end] if t.is_word]
    after = [t for t in doc.tokens[acts[-1].end : clause.tok_end] if t.is_word]
    return not after and len(words) <= _FRAGMENT_WORDS


def names_earlier_source(doc: Doc, view: ClauseView) -> bool:
    """The clause names the source of facts told before it ("This was stated by the
    governor", "Про це повідомив речник", "lo ha dichiarato l'Onu"): a reporting cue in the
    clause whose report ends before the clause starts. What it reports is claimed there."""
    clause = view.clause.span
    return any(
        a.cue is not None and _within(a.cue, clause) and a.content.end <= clause.start
        for a in doc.attributions
    )


def _decide(doc: Doc, res: Resources, view: ClauseView, score: ClauseScore) -> ClaimKind | None:
    mkind, pk = score.best_kind()
    if unclaimed(doc, res.packs[doc.lang], view):
        return None  # "No group claimed responsibility": nobody claims anything
    if view.rule_kind is not None:
        if score.p_claim < DROP:
            return None
        if not view.lexical[_QUANTITY] and (
            view.lexical[_WITHHELD]
            or (view.lexical[_AFTERMATH] and view.lexical[_NOMINAL])
            or (_no_deed(view) and _verification_in(doc, res, view))
        ):
            # details withheld, an investigation "into the attack", or a caveat ("the toll
            # could not be verified"): no figure, no claim
            return None
        if view.rule_kind in _SPEECH_ACTS and _frame_fragment(doc, view):
            return None  # "Губернатор также предупредил, что …": the claim is what follows
        if mkind != view.rule_kind and pk >= OVERRIDE and view.rule_subtype not in _STRUCTURAL:
            return mkind
        return view.rule_kind
    if score.p_claim < (ADD if view.every else ADD_BARE) or view.lexical[_EVALUATIVE]:
        return None  # analysis ("unterstreicht", "shows") stays no claim, as the rules say
    if view.lexical[_AFTERMATH] or view.lexical[_WITHHELD]:
        return None  # "the wounded were taken to hospital", "подробиці не розкрили"
    if score.p_claim < ADD_BACKDROP and any(view.lexical[i] for i in _BACKDROP):
        return None
    if _frame_only(doc, view) or names_earlier_source(doc, view):
        return None  # only a source and its cue: what it reports stands in another clause
    if view.lexical[_VERIFICATION] and _verification_in(doc, res, view):
        return None  # "no independent confirmation of the toll yet" is a caveat, not a claim
    return mkind


def _no_deed(view: ClauseView) -> bool:
    """No event verb of the clause tells a deed: its event words are tolls or nouns ("the
    death toll", "die Zahl der Opfer")."""
    return all(
        m.payload.nominal or m.payload.kind == ClaimKind.CASUALTIES
        for m in view.events or view.every
    )


def _verification_in(doc: Doc, res: Resources, view: ClauseView) -> bool:
    """A verification cue ("could not be independently verified") or a negated verification
    verb ("could not be corroborated") inside the clause itself."""
    c = view.clause
    cues = res.packs[doc.lang].cues.find(doc.tokens, c.tok_start, c.tok_end)
    if any(m.payload.type == "verification" for m in cues):
        return True
    return negated_check_in(doc, c.span.start, c.span.end)  # "prevented … to verify the toll"


def _certainty(view: ClauseView, score: ClauseScore) -> Certainty:
    if view.rule_certainty in _HARD:
        return view.rule_certainty
    best, p = score.best_certainty()
    return best if p >= CERTAIN else view.rule_certainty


def _attribution(doc: Doc, view: ClauseView, score: ClauseScore) -> AttributionMention | None:
    """The clause's own attribution; for a clause without one, the source whose report it
    continues (the candidate) when the model reads it as continued speech — not background
    dated before the reported events (:func:`~fogofwar.nlp.background.dated_earlier`)."""
    if view.attribution is not None and not view.inherited:
        return view.attribution
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


_SPEECH_ACTS = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})


def _own(view: ClauseView, att: AttributionMention | None) -> bool:
    """``att`` is the clause's own attribution (its cue in the clause), not one it inherits."""
    return att is not None and att is view.attribution and not view.inherited


def _speaker(
    doc: Doc, res: Resources, clause: Span, anchor: int, kind: ClaimKind
) -> SourceRef | None:
    """The speaker of a performative speech act ("Selenskyj verurteilte den Angriff", "the
    ministry called on …"): the actor or person before the act's word in its clause is the
    source (claims-v1: source = speaker, certainty asserted)."""
    if kind not in _SPEECH_ACTS:
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
    b = ClaimBuilder(doc, res)
    views = clause_views(doc, res, b)
    scores = res.model.score(views)
    picked: list[tuple[ClauseView, ClaimKind, Certainty, AttributionMention | None]] = []
    unsure: list[bool] = []  # per picked clause: the model leans to no claim (past the lead)
    memo: dict[AttributionMention, tuple[SourceKind | None, bool]] = {}
    typed = type_all(doc, res) if res.sources is not None else {}
    layout: SourceLayout | None = None  # built once, for the first clause that needs it

    def kind_of(a: AttributionMention) -> tuple[SourceKind | None, bool]:
        if a not in memo:  # the model's source head runs once per attribution
            named = named_before(doc, a)  # "según él": the speaker as the text named them
            memo[a] = source_kind(doc, res, a, typed) if named is None else kind_of(named)
        return memo[a]

    for view, score in zip(views, scores, strict=True):
        kind = _decide(doc, res, view, score)
        if kind is None:
            continue
        view = as_event(view, kind)
        frame = frame_of(view) if kind == ClaimKind.STATEMENT else None
        if frame is None and kind != ClaimKind.STATEMENT and view.rule_certainty not in _HARD:
            frame = event_frame(view, kind)
        if frame is None and kind == ClaimKind.STATEMENT and picked:
            frame = denied_before(view, picked[-1][0], picked[-1][1])
        att = _attribution(doc, view, score)
        if att is not None and not kind_of(att)[1]:
            att = None
        if res.sources is not None:
            own = b.certainty(view.clause, Certainty.ASSERTED)
            side = ClauseSide(view, att, score.sourced, kind, own)
            layout = layout or SourceLayout(doc)
            describe = _describer(doc, res, view, kind, kind_of)
            att = pick_source(layout, side, res.sources, describe, lambda a: kind_of(a)[1])
        if att is view.attribution:
            cert = _certainty(view, score)
        else:  # another source than the rules': its cue's certainty, hedges of the clause
            rule = b.certainty(view.clause, att.certainty if att else Certainty.ASSERTED)
            view = dataclasses.replace(view, rule_certainty=rule)
            cert = _certainty(view, score)
        # a performative act's own speaker ("Selenskyj verurteilte die Attacke") is its
        # source, not the report before it nor a speaker named nearby
        if (
            frame is None
            and kind in _SPEECH_ACTS
            and not _own(view, att)
            and _speaker(doc, res, view.clause.span, _anchor(doc, view), kind) is not None
        ):
            att = None
        if frame is not None:
            kind, cert = frame
            if att is None or (view.inherited and att is view.attribution):
                # the frame's own speaker ("Kiew bezeichnete die Meldung als Lüge"), not the
                # report it answers
                att = speaker_attribution(doc, view) or att
        src_kind = kind_of(att)[0] if att is not None else None
        act = kind in _SPEECH_ACTS
        charge = act and charges(view)
        if charge and att is None:  # an accusation needs its accuser
            charge = _speaker(doc, res, view.clause.span, _anchor(doc, view), kind) is not None
        rule = view.rule_certainty
        cert = settle(doc, b.pack, att, src_kind, act, charge, cert, rule, view.clause, kind)
        if (
            picked
            and picked[-1][0].clause.sentence == view.clause.sentence
            and (
                purpose_clause(doc, b.pack, view.clause)
                or circumstance_clause(doc, b.pack, view.clause, kind, picked[-1][1])
            )
        ):
            continue  # "…, um neue Angriffe zu verhindern", "…, while homes were looted"
        if picked and _same_claim((picked[-1][0], picked[-1][1]), (view, kind)):
            prev = picked[-1][0]
            if not prev.events and view.events:
                picked[-1] = (view, kind, cert, att)
                unsure[-1] = doubtful(doc, view, score)
            continue
        picked.append((view, kind, cert, att))
        unsure.append(doubtful(doc, view, score))
    built = [
        _build(doc, res, b, view, kind, cert, att, kind_of(att)[0] if att else None)
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
    out = apply_caveats(doc, b.pack, drop_victim_details(doc, fold_zero_tolls(doc, out)))
    out = fan_out_places(doc, b.pack, res.pipeline_version, media_hearsay(doc, b.pack, out))
    out = listed_places(doc, b.pack, res.pipeline_version, out)  # nlp/place_items.py
    out = places_hit(doc, b.pack, res.pipeline_version, out)
    out = split_joint_sources(doc, b.pack, res.pipeline_version, out)
    return dataclasses.replace(doc, claims=tuple(main_first(out)))


def _anchor(doc: Doc, view: ClauseView) -> int:
    """Where the clause's claim is anchored: its first event word, else the clause start."""
    events = view.events or view.every
    return doc.tokens[events[0].start].start if events else view.clause.span.start


def _describer(
    doc: Doc,
    res: Resources,
    view: ClauseView,
    kind: ClaimKind,
    kind_of: Callable[[AttributionMention], tuple[SourceKind | None, bool]],
) -> Callable[[AttributionMention | None], tuple[str | None, SourceKind]]:
    """The name and kind a claim of ``view`` would get from a source candidate."""

    def describe(att: AttributionMention | None) -> tuple[str | None, SourceKind]:
        if att is None:
            sp = _speaker(doc, res, view.clause.span, _anchor(doc, view), kind)
            return (sp.name, sp.kind) if sp is not None else (None, SourceKind.AUTHOR)
        return source_name(doc, att), kind_of(att)[0] or att.source_kind

    return describe


_SECURITY = frozenset({ClaimKind.ARREST, ClaimKind.ARMED_CLASH, ClaimKind.ATTACK})


def _interior(doc: Doc, att: AttributionMention) -> bool:
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


def _build(
    doc: Doc,
    res: Resources,
    b: ClaimBuilder,
    view: ClauseView,
    kind: ClaimKind,
    cert: Certainty,
    att: AttributionMention | None,
    source_kind: SourceKind | None,
) -> Claim:
    clause = view.clause
    events = list(view.events) or list(view.every)
    anchor = _anchor(doc, view)
    span = clause.span
    if att is not None and _within(Span(anchor, anchor + 1), att.content):
        lo, hi = max(span.start, att.content.start), min(span.end, att.content.end)
        span = Span(lo, hi) if hi > lo else span
        if not events:
            span = past_lead_in(doc, b.pack, att, clause.span, span)
    if att is not None and kind in _SECURITY and _interior(doc, att):
        source_kind = SourceKind.MILITARY  # claims-v1: interior ministries on security operations
    source = (
        SourceRef(
            source_kind or att.source_kind,
            source_name(doc, att),
            att.via,
            att.source,
        )
        if att is not None
        else _speaker(doc, res, clause.span, anchor, kind) or SourceRef(SourceKind.AUTHOR)
    )
    subtype = view.rule_subtype if kind == view.rule_kind else None
    return b.claim(clause, span, kind, subtype, cert, source, att, anchor, events)
