"""Which clauses carry a claim, and of which kind (``claims.v2``, steps 1 and 2).

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
"""

from __future__ import annotations

from fogofwar.claim import ClaimKind
from fogofwar.detect.model import ClauseScore
from fogofwar.model import Span
from fogofwar.nlp.caveats import negated_check_in
from fogofwar.nlp.clause_view import LEXICAL_NAMES, ClauseView
from fogofwar.nlp.doc import Doc, Resources
from fogofwar.nlp.frames import unclaimed

__all__ = ["ADD", "ADD_BACKDROP", "ADD_BARE", "DROP", "OVERRIDE", "decide", "names_earlier_source"]

DROP = 0.01
ADD = 0.75
ADD_BARE = 0.85  # a clause without any event word of the pack needs a surer model
OVERRIDE = 0.8
_SPEECH_ACTS = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})


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


def decide(doc: Doc, res: Resources, view: ClauseView, score: ClauseScore) -> ClaimKind | None:
    """The kind of claim ``view`` carries, or ``None`` when it carries none."""
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
        if view.lexical[_AFTERMATH] and _only_other(view) and _past_lead(doc, view):
            # "Gegen ihn wird wegen Hochverrats ermittelt" after the arrest: procedure, no
            # claim (in the lead, "X was put under investigation" is the news itself)
            return None
        if view.rule_kind in _SPEECH_ACTS and _frame_fragment(doc, view):
            return None  # "Губернатор также предупредил, что …": the claim is what follows
        if (
            view.rule_kind in _SPEECH_ACTS
            and view.rule_subtype != "denial"  # "… – Israel dementiert" denies what came before
            and _frame_only(doc, view)
            and names_earlier_source(doc, view)
        ):
            # "…: lo ha denunciato l'Unicef" names the source of the claim told before it
            return None
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


def _past_lead(doc: Doc, view: ClauseView) -> bool:
    """The clause is in the body past its first sentence."""
    return not doc.headline and view.clause.sentence > 0


def _only_other(view: ClauseView) -> bool:
    """Every event word of the clause is of kind ``other`` (a charge, an investigation's
    subject: "wegen Hochverrats", "по статье о теракте"): no attack, toll or capture."""
    events = view.events or view.every
    return bool(events) and all(m.payload.kind == ClaimKind.OTHER for m in events)


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
