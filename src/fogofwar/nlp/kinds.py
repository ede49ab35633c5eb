"""Language-independent crosswalk from claim kind/subtype to ACLED and PLOVER codes."""

from __future__ import annotations

from fogofwar.claim import ClaimKind

__all__ = ["KIND_PRIORITY", "crosswalk"]

#: When one clause has event words of several kinds, the first kind in this order wins
#: (a town captured in fighting is a territorial change; an attack that kills is an attack;
#: rioters who clash with police, or demonstrators detained, are a protest; troops stationed
#: who try to flee is a desertion).
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
