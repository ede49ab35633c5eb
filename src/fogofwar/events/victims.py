"""Victim groups: whom a figure counts, so that only like is compared with like.

A count belongs to one group, written as a path (coarsest first):

* ``people`` — the text does not say who ("12 people were killed");
* ``civilians``, ``civilians/children``, ``civilians/women`` — subgroups of civilians;
* ``combatants/<side>``, ``combatants/<side>/officers`` — fighters of one side (ISO3 of their
  country, else their normalised name; ``?`` when the text does not say), officers a subgroup;
  victims called fighters, militants or terrorists are fighters whatever their actor kind.

The group comes from the claim's victims, leaving out those the count's qualifier only says
were among them ("12 killed, including 4 children" counts people, not children); a qualifier
naming officers makes its total a count of fighters ("8 people died, among them senior
officers"). A subgroup never stands for its total: :func:`is_subgroup` tells them apart.
"""

from __future__ import annotations

from fogofwar.claim import ActorRef, Claim, Count

__all__ = [
    "CIVILIANS",
    "COMBATANTS",
    "PEOPLE",
    "count_group",
    "is_subgroup",
    "names_fighters",
    "parent",
    "subgroup_of_words",
    "top",
]

PEOPLE = "people"
CIVILIANS = "civilians"
COMBATANTS = "combatants"
UNKNOWN_SIDE = "?"

# Stems (lower case) of words for children, civilians and officers in de/en/es/fr/it/ru/uk.
_CHILD = (
    "child",
    "kid",
    "minor",
    "teen",
    "baby",
    "babies",
    "infant",
    "kinder",
    "kind",
    "jugendlich",
    "säugling",
    "дет",
    "ребен",
    "ребён",
    "подрост",
    "младен",
    "діт",
    "дит",
    "підліт",
    "немовл",
    "enfant",
    "mineur",
    "bébé",
    "nourrisson",
    "niña",
    "niño",
    "menores",
    "bebé",
    "bambin",
    "minorenn",
    "neonat",
)
_CIVILIAN = (
    "civilian",
    "resident",
    "zivil",
    "bewohner",
    "einwohner",
    "мирн",
    "жител",
    "цивільн",
    "мешкан",
    "civil",
    "habitant",
    "abitant",
)
_OFFICER = (
    "officer",
    "commander",
    "general",
    "offizier",
    "kommandeur",
    "офицер",
    "командир",
    "генерал",
    "офіцер",
    "officier",
    "commandant",
    "comandante",
)
_WOMEN = (
    "woman",
    "women",
    "frau",
    "frauen",
    "женщин",
    "жінк",
    "жінок",
    "femme",
    "mujer",
    "donna",
    "donne",
)
# Words that make victims fighters whatever the reader's actor kind ("six terrorists").
_FIGHTER = (
    "fighter",
    "militant",
    "terrorist",
    "combatant",
    "insurgent",
    "jihadist",
    "kämpfer",
    "dschihadist",
    "боевик",
    "террорист",
    "бойовик",
    "терорист",
    "combattant",
    "combatiente",
    "milician",
    "milizian",
    "combattent",
)
_FORCES = ("state_forces", "armed_group")


def _has(words: str, stems: tuple[str, ...]) -> bool:
    return any(w.startswith(stems) for w in words.lower().replace("-", " ").split())


def _words(a: ActorRef) -> str:
    return f"{a.name} {a.normalized or ''}"


def _side(a: ActorRef) -> str:
    if a.country:
        return a.country
    if a.normalized and a.kind in _FORCES and not _has(_words(a), _OFFICER):
        return a.normalized.lower()
    return UNKNOWN_SIDE


def _group_of(a: ActorRef, sides: list[str]) -> str:
    words = _words(a)
    if _has(words, _CHILD):
        return f"{CIVILIANS}/children"
    if _has(words, _OFFICER):
        side = next((s for s in sides if s != UNKNOWN_SIDE), UNKNOWN_SIDE)
        return f"{COMBATANTS}/{side}/officers"
    if _has(words, _WOMEN):
        return f"{CIVILIANS}/women"
    if a.kind in _FORCES or _has(words, _FIGHTER):
        return f"{COMBATANTS}/{_side(a)}"
    if a.kind == "civilians" or _has(words, _CIVILIAN):
        return CIVILIANS
    return PEOPLE


def names_fighters(words: str) -> bool:
    """True when ``words`` call people fighters or officers ("офицеров", "militants")."""
    return _has(words, _OFFICER) or _has(words, _FIGHTER)


def subgroup_of_words(words: str) -> str | None:
    """``children``, ``women`` or ``officers`` when ``words`` name one of those subgroups."""
    if _has(words, _CHILD):
        return "children"
    if _has(words, _OFFICER):
        return "officers"
    if _has(words, _WOMEN):
        return "women"
    return None


def _depth(group: str) -> int:
    return 0 if group == PEOPLE else group.count("/") + (group.startswith(CIVILIANS))


def count_group(claim: Claim, count: Count | None = None) -> str:
    """The victim group of ``count`` (a count of ``claim``; None: its first figure)."""
    qualifier = (count.qualifier or "").lower() if count is not None else ""
    victims = [a for a in claim.actors if a.role == "victim"]
    named = [a for a in victims if not (qualifier and a.name.lower() in qualifier)]
    sides = [_side(a) for a in victims if a.kind in _FORCES]
    groups = [_group_of(a, sides) for a in named]
    specific = [g for g in groups if g != PEOPLE]
    if specific and len(specific) == len(groups):
        return min(specific, key=lambda g: (_depth(g), g))  # the widest group named
    if qualifier and _has(qualifier, _OFFICER):  # "8 people, among them senior officers"
        side = next((s for s in sides if s != UNKNOWN_SIDE), UNKNOWN_SIDE)
        return f"{COMBATANTS}/{side}"
    if not victims:
        return _claimed_kills(claim)
    return PEOPLE


def _claimed_kills(claim: Claim) -> str:
    """The group of a toll naming no victims: an armed force's own count of what it struck
    ("the army said it killed six" of a Hamas target) counts the target's fighters, when the
    target is another country's force; any other toll naming no one counts people."""
    from fogofwar.claim import SourceKind
    from fogofwar.events.sources import resolve_source

    src = claim.source
    if src.kind not in (SourceKind.MILITARY, SourceKind.INTELLIGENCE) or not src.name:
        return PEOPLE
    entity = resolve_source(src.name, claim.lang)
    own = entity.country if entity is not None else None
    hit = [
        a.country
        for a in claim.actors
        if a.role == "target" and a.kind in _FORCES and a.country and a.country != own
    ]
    if own is None or len(set(hit)) != 1:
        return PEOPLE
    return f"{COMBATANTS}/{hit[0]}"


def parent(group: str) -> str | None:
    """The group ``group`` is a subgroup of (children → civilians, officers → fighters)."""
    if "/" not in group:
        return None
    head, _, _ = group.rpartition("/")
    return head if head != COMBATANTS else None


def top(group: str) -> str:
    """The total ``group`` belongs to: itself, or its widest parent."""
    up = parent(group)
    return group if up is None else top(up)


def is_subgroup(group: str) -> bool:
    """True for a part of a larger group (children, officers): never a total."""
    return parent(group) is not None
