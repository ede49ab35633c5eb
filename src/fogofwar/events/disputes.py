"""Event flags about what sources dispute or revise: a disputed characterisation of what was
hit, and figures a source itself superseded.

* ``characterisation_disputed`` — one source says the strike hit a military target (fighters,
  a military facility, a force named as the victim, or as the target by
  a source of another country or an armed force's own statement), another that it hit civilians or
  a civilian building (an apartment block, a hospital, a school); the flag names both claims.
* ``superseded`` — a source revised its own figure for one victim group (12 killed, later 14);
  the earlier figure stays in the record's history, marked superseded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from fogofwar.claim import Claim, SourceKind
from fogofwar.events.model import ArticleMeta, Event, Flag, FlagCode, FlagSpan
from fogofwar.events.reconcile import Reconciliation
from fogofwar.events.sources import Source, source_of
from fogofwar.events.victims import CIVILIANS, count_group, names_fighters

__all__ = ["characterisation", "characterisation_flags", "superseded_flags"]

# Word stems (lower case) naming military targets and civilian objects, de/en/es/fr/it/ru/uk.
_MILITARY = (
    "military target",
    "military facilit",
    "military object",
    "military infrastructure",
    "militant",
    "fighters",
    "military base",
    "barracks",
    "ammunition depot",
    "command post",
    "militärisch",
    "kämpfer",
    "stützpunkt",
    "kaserne",
    "munitionslager",
    "военн",
    "боевик",
    "склад боеприпас",
    "пункт управления",
    "військов",
    "бойовик",
    "склад боєприпас",
    "пункт управління",
    "cible militaire",
    "objectif militaire",
    "installation militaire",
    "base militaire",
    "caserne",
    "dépôt de munitions",
    "poste de commandement",
    "combattants",
    "objetivo militar",
    "instalación militar",
    "base militar",
    "cuartel",
    "depósito de municiones",
    "puesto de mando",
    "combatientes",
    "obiettivo militare",
    "installazione militare",
    "base militare",
    "caserma",
    "deposito di munizioni",
    "posto di comando",
    "combattenti",
)
_CIVILIAN = (
    "apartment",
    "residential",
    "block of flats",
    "homes",
    "house",
    "hospital",
    "school",
    "kindergarten",
    "market",
    "shopping",
    "wohn",
    "krankenhaus",
    "klinik",
    "schule",
    "kindergarten",
    "markt",
    "einkaufs",
    "жил",
    "многоэтаж",
    "больниц",
    "школ",
    "детск",
    "рынок",
    "торгов",
    "житлов",
    "багатоповерх",
    "будин",
    "лікарн",
    "дитяч",
    "ринок",
    "торгов",
    "tent",
    "displaced",
    "refugee",
    "humanitarian zone",
    "zelt",
    "vertriebene",
    "flüchtling",
    "humanitäre zone",
    "беженц",
    "переселен",
    "палаточн",
    "біженц",
    "переселен",
    "намет",
    "immeuble",
    "résidentiel",
    "hôpital",
    "école",
    "marché",
    "tente",
    "déplacés",
    "réfugiés",
    "edificio residencial",
    "viviendas",
    "hospital",
    "escuela",
    "mercado",
    "desplazados",
    "refugiados",
    "residenzial",
    "ospedale",
    "scuola",
    "mercato",
    "sfollati",
    "profughi",
)


_FORCES = frozenset({"state_forces", "armed_group"})


# Titles that name no target: Ukraine's regional governors head "military administrations".
_TITLES = re.compile(
    r"\b(?:военн\w*|військов\w*|military)\s+(?:администрац|адміністрац|administration)\w*"
    r"|\bmilitärverwaltung\w*|\badministration\s+militaire\b|\badministración\s+militar\b"
    r"|\bamministrazione\s+militare\b"
)


def _says(text: str, stems: tuple[str, ...]) -> bool:
    low = f" {_TITLES.sub(' ', text.lower())} "
    return any(f" {s}" in low for s in stems)


def characterisation(claim: Claim, meta: ArticleMeta | None) -> str | None:
    """``military`` or ``civilian`` when the claim says what was hit, else ``None``."""
    groups = set()
    for name in ("killed", "injured"):
        count = getattr(claim.counts, name)
        if count is not None:
            groups.add(count_group(claim, count))
    targets = {a.kind for a in claim.actors if a.role in ("target", "victim")}
    # a force named as victim, or as target by a source of another country (a reader's
    # "target" may be the attacker its own side's officials blame)
    src = source_of(claim, meta)
    armed = src.kind in (SourceKind.MILITARY, SourceKind.INTELLIGENCE)
    hit = {
        a.kind
        for a in claim.actors
        if a.role == "victim"
        or (
            a.role == "target"
            and (
                (a.country and a.country != (src.country or (None if armed else a.country)))
                or (a.country is None and names_fighters(a.name))  # "officers", "fighters"
            )
        )
    }
    text = meta.claim_text(claim) if meta else ""
    military = (
        any(g.startswith("combatants/") for g in groups)
        or bool(hit & _FORCES)  # "struck positions of Ukrainian units", "a Hamas compound"
        or _says(text, _MILITARY)
    )
    civilian = (
        any(g.startswith(CIVILIANS) for g in groups)
        or "civilians" in targets
        or _says(text, _CIVILIAN)
    )
    if military == civilian:
        return None
    return "military" if military else "civilian"


def characterisation_flags(
    event: Event, body: Sequence[Claim], metas: Mapping[str, ArticleMeta]
) -> list[Flag]:
    """One flag when one source calls the target military and another civilian."""
    said: dict[str, list[tuple[Source, Claim]]] = {}
    for c in body:
        meta = metas.get(c.article_id)
        what = characterisation(c, meta)
        if what is not None:
            said.setdefault(what, []).append((source_of(c, meta), c))
    pairs = [
        (ms, m, cs, c)
        for ms, m in said.get("military", [])
        for cs, c in said.get("civilian", [])
        if ms.key != cs.key
    ]
    if not pairs:
        return []
    # sources of two sides first (a ministry against the other side's governor)
    ms, m, cs, c = min(pairs, key=lambda p: _sides(p[0], p[2]))
    return [
        Flag(
            FlagCode.CHARACTERISATION_DISPUTED,
            f"{ms.label}: a military target; {cs.label}: civilians or a civilian building",
            event.event_id,
            None,
            (
                FlagSpan(m.article_id, m.claim_id, m.span),
                FlagSpan(c.article_id, c.claim_id, c.span),
            ),
        )
    ]


def _sides(a: Source, b: Source) -> int:
    """0: two known, different countries; 1: one unknown; 2: one country."""
    if a.country and b.country:
        return 0 if a.country != b.country else 2
    return 1


def superseded_flags(
    event: Event, reconciliation: Reconciliation, claims: Mapping[str, Claim]
) -> list[Flag]:
    """One flag per figure a source later revised (same source, field and victim group)."""
    out: list[Flag] = []
    told: set[tuple[str, str, str, int | None, str]] = set()
    for fig in reconciliation.figures:
        by_id = {f.claim_id: f for f in fig.figures}
        for f in fig.figures:
            if f.superseded_by is None:
                continue
            once = (fig.field, fig.group, f.source_key, f.value, f.superseded_by)
            if once in told:  # one revision retold by several articles is one flag
                continue
            told.add(once)
            new = by_id.get(f.superseded_by)
            spans = tuple(
                FlagSpan(x.article_id, x.claim_id, claims[x.claim_id].span)
                for x in (f, new)
                if x is not None and x.claim_id in claims
            )
            out.append(
                Flag(
                    FlagCode.SUPERSEDED,
                    f"{f.source}: {fig.field} ({fig.group}) {f.value}, later"
                    f" {new.value if new else '?'}",
                    event.event_id,
                    f.article_id,
                    spans,
                )
            )
    return out
