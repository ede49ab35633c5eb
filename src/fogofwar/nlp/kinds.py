"""Language-independent crosswalk from claim kind/subtype to ACLED and PLOVER codes."""

from __future__ import annotations

from collections.abc import Sequence

from fogofwar.claim import ClaimKind
from fogofwar.nlp.matcher import Match, Token
from fogofwar.packs import Trigger

__all__ = [
    "KIND_PRIORITY",
    "REMOTE_SUBTYPES",
    "crosswalk",
    "detained_at_protest",
    "fought_off",
    "resumed",
    "taken_captive",
]

#: When one clause has event words of several kinds, the first kind in this order wins
#: (a town captured in fighting is a territorial change; an attack that kills is an attack;
#: rioters who clash with police are a protest; troops stationed who try to flee is a
#: desertion). Demonstrators detained are an arrest (:func:`detained_at_protest`).
KIND_PRIORITY: tuple[ClaimKind, ...] = (
    ClaimKind.TERRITORIAL_CHANGE,
    ClaimKind.ATTACK,
    ClaimKind.PROTEST,
    ClaimKind.ARMED_CLASH,
    ClaimKind.CASUALTIES,
    ClaimKind.ARREST,
    ClaimKind.DESERTION,
    ClaimKind.DEPLOYMENT,
    ClaimKind.DIPLOMACY,
    ClaimKind.STATEMENT,
    ClaimKind.OTHER,
)

#: attack subtypes of weapons fired from afar: an attack of these repelled or shot down is still
#: the attack ("отразили атаку беспилотников", "32 Drohnen abgewehrt")
REMOTE_SUBTYPES = frozenset({"drone_strike", "air_strike", "shelling", "air_defence"})


def fought_off(pool: Sequence[Match[Trigger]]) -> Match[Trigger] | None:
    """The fighting verb of a clause whose attack is only named as a noun ("repelled an
    attack", "repoussé une attaque", "Angriffe … zurückgeschlagen", "відбили атаку"): the
    attack as the object of a verb of fighting is fighting between armed parties, an
    ``armed_clash`` (annotating-claims), unless the attack is one of weapons fired from afar
    (:data:`REMOTE_SUBTYPES`). ``None`` when the clause has an attack verb of its own."""
    attacks = [m for m in pool if m.payload.kind == ClaimKind.ATTACK]
    if not attacks or any(
        not m.payload.nominal or m.payload.subtype in REMOTE_SUBTYPES for m in attacks
    ):
        return None
    fights = [m for m in pool if m.payload.kind == ClaimKind.ARMED_CLASH and not m.payload.nominal]
    return fights[0] if fights else None


#: tokens between an event noun and the retaking verb after it for the noun to be its subject
#: ("Les combats ont repris", "i combattimenti sono ripresi")
RESUMED_GAP = 2


def resumed(tokens: Sequence[Token], pool: Sequence[Match[Trigger]]) -> Match[Trigger] | None:
    """The event noun of a clause whose retaking verb has that noun as its subject ("Les combats
    ont repris", "i bombardamenti sono ripresi"): "repris", "ripreso" also mean resumed, and
    fighting that resumes takes no ground — the claim is the resumed event. ``None`` when no
    attack or fighting noun stands right before a retaking verb (at most :data:`RESUMED_GAP`
    words between, no punctuation)."""
    for verb in pool:
        t = verb.payload
        if t.kind != ClaimKind.TERRITORIAL_CHANGE or t.subtype != "liberated" or t.nominal:
            continue
        for noun in pool:
            n = noun.payload
            if not n.nominal or n.kind not in (ClaimKind.ATTACK, ClaimKind.ARMED_CLASH):
                continue
            gap = tokens[noun.end : verb.start]
            if noun.end <= verb.start and len(gap) <= RESUMED_GAP and all(g.is_word for g in gap):
                return noun
    return None


def detained_at_protest(pool: Sequence[Match[Trigger]]) -> Match[Trigger] | None:
    """The arrest word of a clause that reads as a protest ("2,500 detained at anti-war
    protests", "Festnahmen bei Demonstration", "на акциях задержали 800 человек",
    "manifestants arrêtés"): people detained at a protest are an ``arrest`` claim
    (annotating-claims: arrests and captures), the protest its setting."""
    return next(
        (m for m in pool if m.payload.kind == ClaimKind.ARREST and m.payload.subtype == "arrest"),
        None,
    )


def taken_captive(pool: Sequence[Match[Trigger]]) -> Match[Trigger] | None:
    """The arrest verb of a clause whose attack is only a noun of its agents or setting
    ("Gunmen abducted 30 students", "Bewaffnete entführten …"): people abducted, detained or
    taken hostage are an ``arrest`` (annotating-claims: arrests, captures, hostages), unless
    weapons fired from afar are named (:data:`REMOTE_SUBTYPES`) or the clause tells a toll."""
    attacks = [m for m in pool if m.payload.kind == ClaimKind.ATTACK]
    if not attacks or any(
        not m.payload.nominal or m.payload.subtype in REMOTE_SUBTYPES for m in attacks
    ):
        return None
    if any(m.payload.kind == ClaimKind.CASUALTIES for m in pool):
        return None  # "1,200 died in the attack, in which 240 were kidnapped": its toll
    return next(
        (
            m
            for m in pool
            if m.payload.kind == ClaimKind.ARREST
            and m.payload.subtype == "arrest"
            and not m.payload.nominal
        ),
        None,
    )


_SD = "Strategic developments"
_BY_KIND: dict[ClaimKind, tuple[tuple[str, str] | None, str | None]] = {
    ClaimKind.ATTACK: (
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        "ASSAULT",
    ),
    ClaimKind.ARMED_CLASH: (("Battles", "Armed clash"), "ASSAULT"),
    ClaimKind.CASUALTIES: (None, "ASSAULT"),
    ClaimKind.DEPLOYMENT: ((_SD, "Change to group/activity"), "MOBILIZE"),
    ClaimKind.TERRITORIAL_CHANGE: (("Battles", "Non-state actor overtakes territory"), "ASSAULT"),
    ClaimKind.ARREST: ((_SD, "Arrests"), "COERCE"),
    ClaimKind.DESERTION: ((_SD, "Change to group/activity"), "RETREAT"),
    ClaimKind.PROTEST: (("Protests", "Peaceful protest"), "PROTEST"),
    ClaimKind.DIPLOMACY: ((_SD, "Agreement"), "CONSULT"),
    ClaimKind.STATEMENT: (None, "THREATEN"),
    ClaimKind.OTHER: (None, None),
}
_BY_SUBTYPE: dict[str, tuple[tuple[str, str] | None, str | None]] = {
    "drone_strike": (("Explosions/Remote violence", "Air/drone strike"), "ASSAULT"),
    "air_strike": (("Explosions/Remote violence", "Air/drone strike"), "ASSAULT"),
    "liberated": (("Battles", "Government regains territory"), "ASSAULT"),
    "withdrawal": ((_SD, "Change to group/activity"), "RETREAT"),
    "sanctions": (None, "SANCTION"),
    "aid": ((_SD, "Other"), "AID"),
    "prisoner_exchange": ((_SD, "Other"), "RELEASE"),
    "accusation": (None, "ACCUSE"),
    "denial": (None, "REJECT"),
}


def crosswalk(kind: ClaimKind, subtype: str | None) -> tuple[tuple[str, str] | None, str | None]:
    """``(acled (event_type, sub_event_type) or None, PLOVER code or None)``."""
    if subtype is not None and subtype in _BY_SUBTYPE:
        return _BY_SUBTYPE[subtype]
    return _BY_KIND[kind]
