"""Frames: accusations, claims of responsibility and denials are claims about an event.

"Kyiv blamed Russian forces for the strike" is an ``attack`` claimed by Kyiv; "Moscow denied
the strike" an ``attack`` denied by Moscow (claims-v1), not a bare ``statement``. The event
word after the speech act gives the kind; a denial with no event word of its own ("The Kremlin
rejected the accusation") denies the event of the claim just before it.
"""

from __future__ import annotations

from fogofwar.claim import Certainty, ClaimKind
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import AttributionMention, Doc
from fogofwar.nlp.kinds import KIND_PRIORITY
from fogofwar.packs import LanguagePack

__all__ = ["NOT_EVENTS", "charges", "cue_is_fight", "denied_before", "frame_of", "unclaimed"]

_FRAMES = {
    "accusation": Certainty.CLAIMED,
    "claim_of_responsibility": Certainty.CLAIMED,
    "denial": Certainty.DENIED,
}
NOT_EVENTS = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY, ClaimKind.OTHER})
#: frames whose event may stand before the act ("reports of a strike are a lie", "the attack
#: was claimed by …")
_BACKWARD = frozenset({"denial", "claim_of_responsibility"})


#: the packs' accusation words that lay a charge (accuse, blame, hold responsible), not those
#: that criticise, complain or summon (performative acts, asserted by their speaker)
_CHARGES = (
    "accus",  # en, fr, it
    "blame",
    "charged",
    "beschuldig",
    "warf",
    "wirft",
    "macht",
    "обвин",
    "возлож",
    "возлага",
    "звинува",
    "поклав",
    "поклала",
    "поклало",
    "acus",
    "culp",
    "responsabiliz",
    "incolp",
    "attribuito",
    "blâm",
    "reproch",
)


def charges(view: ClauseView) -> bool:
    """The clause's accusation word lays a charge (:data:`_CHARGES`): "accused … of", "blamed",
    "обвинил", not "criticised"."""
    return any(
        m.payload.subtype == "accusation"
        and not m.payload.nominal  # "exchanged accusations": no one charged
        and m.pattern.casefold().startswith(_CHARGES)
        for m in view.every
    )


def denied_before(
    view: ClauseView, prev: ClauseView, prev_kind: ClaimKind
) -> tuple[ClaimKind, Certainty] | None:
    """A denial of what was just reported ("The Kremlin rejected the accusation", "Der Kreml
    wies die Vorwürfe zurück"): no event word of its own, so the previous claim's event, in
    the same or the next sentence, is the denied one."""
    if view.rule_subtype != "denial" or prev_kind in NOT_EVENTS:
        return None
    acts = [m for m in view.every if m.payload.kind == ClaimKind.STATEMENT]
    if any(m.payload.kind not in NOT_EVENTS for m in view.every) or not acts:
        return None
    if not 0 <= view.clause.sentence - prev.clause.sentence <= 1:
        return None
    return prev_kind, Certainty.DENIED


def frame_of(view: ClauseView, *, event_read: bool = False) -> tuple[ClaimKind, Certainty] | None:
    """Accusations, claims of responsibility and denials are about an event: "Kyiv blamed
    Russian forces for the strike" is an attack claimed by Kyiv, "Moscow denied the strike" an
    attack denied by Moscow (claims-v1). The event word after the speech act gives the kind;
    for a denial or a claim of responsibility without one, the event word before it ("reports
    of a strike are a lie", "the attack was claimed by …"); a claim of responsibility with no
    event word at all claims an attack ("Al-Shabaab claimed responsibility").
    ``event_read``: the clause was read as its event; a frame act before the event word (not
    the clause's rule subtype) makes the frame."""
    subtype = view.rule_subtype
    if subtype not in _FRAMES and not event_read:
        return None
    if subtype not in _FRAMES:
        # the clause read as its event ("Les shebab ont revendiqué l'attaque": the event noun
        # outranks the speech act), but a frame act stands before that event word
        framing = [
            m
            for m in view.every
            if m.payload.kind == ClaimKind.STATEMENT and m.payload.subtype in _FRAMES
        ]
        if not framing:
            return None
        subtype = framing[0].payload.subtype
        acts = framing  # the event is the one after the frame act
    else:
        acts = [m for m in view.every if m.payload.kind == ClaimKind.STATEMENT]
    if not acts or subtype is None:
        return None
    after = [m.payload.kind for m in view.every if m.start > acts[0].start]
    kinds = [k for k in KIND_PRIORITY if k in after and k not in NOT_EVENTS]
    if not kinds and subtype in _BACKWARD and subtype == view.rule_subtype:
        # "the report of a strike is a lie", "інформація про відступ — неправда", "L'attaque a
        # été revendiquée par les shebab": what is denied or claimed stands before the act
        before = [m.payload.kind for m in view.every if m.start < acts[-1].start]
        kinds = [k for k in KIND_PRIORITY if k in before and k not in NOT_EVENTS]
    if not kinds and subtype == "claim_of_responsibility" and subtype == view.rule_subtype:
        # "Al-Shabaab claimed responsibility", "bekannte sich zu der Tat", "ha rivendicato
        # l'azione": responsibility is claimed for an attack, named or not
        kinds = [ClaimKind.ATTACK]
    return (kinds[0], _FRAMES[subtype]) if kinds else None


def unclaimed(doc: Doc, pack: LanguagePack, view: ClauseView) -> bool:
    """Nobody claimed the event ("No group claimed responsibility", "Gli Houthi non hanno
    rivendicato il lancio", "La guérilla n'a pas revendiqué l'attaque", "Zu der Tat bekannte
    sich niemand": a pack word for nobody, ``[numbers.vague]`` 0..0): a claim of
    responsibility under a negation in its clause is no claim — neither the attack (no one
    says it was theirs) nor a denial (no one denies it)."""
    acts = [m for m in view.every if m.payload.subtype == "claim_of_responsibility"]
    if not acts:
        return False
    c = view.clause
    return bool(
        pack.negations.find(doc.tokens, c.tok_start, c.tok_end)
        or pack.zero.find(doc.tokens, c.tok_start, c.tok_end)
        or any(m.payload == (0, 0) for m in pack.vague.find(doc.tokens, c.tok_start, c.tok_end))
    )


def cue_is_fight(doc: Doc, view: ClauseView, att: AttributionMention) -> bool:
    """The attribution's cue is the clause's own verb of fighting: "respinto", "rechazaron",
    "відкинули" reject a report but also repel an attack ("hanno respinto 12 attacchi"); read
    as the fighting, the verb reports nothing, so the clause speaks for no one it denies."""
    cue = att.cue
    if cue is None or view.rule_kind != ClaimKind.ARMED_CLASH:
        return False
    return any(
        m.payload.kind == ClaimKind.ARMED_CLASH
        and doc.tokens[m.start].start < cue.end
        and cue.start < doc.tokens[m.end - 1].end
        for m in view.events
    )
