"""Which event a clause (and a sentence) asserts, and where: kind, main claim and location.

The same rules for every language; all words come from the pack, positions from the tokens.

Kind of a clause (:func:`clause_kind`):

1. A speech act governs what follows it: when the clause's first event word (nouns included)
   is a verbal ``statement`` or ``diplomacy`` trigger, the events after it are its content
   ("threatened to launch an offensive", "agreed to withdraw troops", "condemned the attack")
   and the speech act is the claim's kind. ("Protesters … demanding" stays a protest.) A
   support participle with its agent before it ("die von Ruanda unterstützte M23") only
   describes a group and governs nothing.
2. Otherwise the first kind of :data:`KIND_PRIORITY` among the clause's event words. Protest
   participants (subtype ``protesters``: "protesters", "rioters") make a protest only as the
   agents, before the other event words ("rioters clashed with police"); after them they are
   the object ("police detained dozens of protesters" is an arrest); people detained at a
   protest are an arrest too (:func:`~fogofwar.nlp.kinds.detained_at_protest`), and so are
   people arrested over an attack named after the arrest ("arrested eleven people in
   connection with the bombing": :func:`_arrested_over`).
3. A transitive killing verb (subtype ``killing``) with a perpetrator before it (an actor,
   person or force noun) and a victim right after it (a figure or a force/actor noun:
   "gunmen killed 14 people", "guerrillas killed the deputy chief": a figure, actor, person,
   determiner or name right after it) describes an attack: kind ``attack``, subtype
   ``killing``; so does a killing with its agent after a passive "by" ("killed by
   insurgents", "tués par des hommes armés", "uccisi da jihadisti") and, verb last, an armed
   perpetrator with the figure of victims before the verb. Otherwise it is a casualty report,
   subtype ``killed``; and a casualty report
   whose clause names a disaster (an ``other`` trigger of subtype ``disaster``: "an earthquake
   killed eight") is ``other``: deaths, but not from the conflict.
4. A casualty count beside a mere fighting noun ("eight were killed … fighting on the Russian
   side", "killed in fighting") reports a toll, not one described clash: ``casualties``.
5. An assault verb (subtype ``assault``: "attacked", "stormed") whose target after the verb is
   an armed force (state forces or an armed group, not after an agent marker such as "by") is
   fighting between armed parties: ``armed_clash``. Not an assault noun: the force after it is
   mostly its agent ("un ataque de las fuerzas rusas", "attacchi dei ribelli"). Nor an assault
   with weapons fired from afar (drones, missiles, shells: "attacked an army post with
   drones and mortars"): that is an ``attack`` on the post. An attack
   named only as a noun beside a verb of fighting ("repelled an attack", "repoussé une
   attaque") is fighting too (:func:`~fogofwar.nlp.kinds.fought_off`), unless drones,
   missiles or shells made it.
6. Among event words of the winning kind, one whose pack row needs context words ("exchanged"
   beside "prisoners": subtype ``prisoner_exchange``) is the finer reading and gives the
   subtype; otherwise the first.
7. People freed are captives released: a release verb (a ``diplomacy`` concession: "freed",
   "freigelassen") with captives, a figure or a force in its clause, or a liberation verb with
   captives ("звільнили трьох заручників"), is an ``arrest`` of subtype ``release``.
8. People captured are captives: a capture verb with soldiers, fighters or a person as its
   object and no place ("captured seven soldiers") is an ``arrest`` (:func:`_people_taken`).

Main claim of a sentence (:func:`main_first`): a casualty report in the same sentence as a
described attack, clash, protest or capture is that event's toll, so the event comes first.

Location: :func:`~fogofwar.nlp.event_place.pick_place` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence

from fogofwar.claim import Certainty, Claim, ClaimKind
from fogofwar.nlp.doc import Clause, Doc
from fogofwar.nlp.event_place import pick_place
from fogofwar.nlp.kinds import (
    KIND_PRIORITY,
    REMOTE_SUBTYPES,
    detained_at_protest,
    fought_off,
    resumed,
    taken_captive,
)
from fogofwar.nlp.matcher import Match
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["clause_kind", "main_first", "pick_place"]

_GOVERNING = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})
_ARMED = frozenset({"state_forces", "armed_group"})
_EVENTS = frozenset(
    {ClaimKind.ATTACK, ClaimKind.ARMED_CLASH, ClaimKind.PROTEST, ClaimKind.TERRITORIAL_CHANGE}
)
_PARTICIPANTS = "protesters"
_RELEASE = "release"  # "freed", "freigelassen": a diplomacy subtype until captives are seen
_LIBERATED = "liberated"
_ARREST_SUBTYPE = "arrest"  # people taken or held (not a release or an exchange)
_CAPTURED = "captured"  # a place taken, unless people are (rule 8)
_CONCESSION = "concession"  # "allowed", "lifted": a diplomacy subtype
_CONTROL = "control"  # ground held: the weakest reading of a clause (rule 2)
_VICTIM_WINDOW = 4  # tokens after a killing verb in which its object must start
_NOUN_AFTER_FIGURE = 3  # tokens after a figure in which its noun stands ("seven Malian soldiers")
_AGENT_REACH = 4  # tokens after a passive "by" in which its agent must start


def _entity_starts(doc: Doc, clause: Clause, categories: frozenset[str]) -> list[tuple[int, str]]:
    """``(char start, actor kind)`` of the clause's entities of ``categories``."""
    return [
        (e.span.start, e.actor_kind or "")
        for e in doc.entities
        if e.category in categories
        and clause.span.start <= e.span.start
        and e.span.end <= clause.span.end
    ]


def _in_date(doc: Doc, offset: int) -> bool:
    return any(d.span.start <= offset < d.span.end for d in doc.dates)


def _is_transitive_kill(doc: Doc, clause: Clause, m: Match[Trigger], pack: LanguagePack) -> bool:
    toks = doc.tokens
    trig_start, trig_end = toks[m.start].start, toks[m.end - 1].end
    people = _entity_starts(doc, clause, frozenset({"actor", "person"}))
    if _killed_by(doc, clause, m, pack, people):
        return True
    if _victims_before(doc, clause, m, pack, people):
        return True
    if not any(s < trig_start for s, _ in people):
        return False
    if m.end < clause.tok_end:
        nxt = toks[m.end]
        if nxt.lower in pack.determiners or (
            nxt.is_capitalized and nxt.is_word and not _in_date(doc, nxt.start)
        ):
            return True
    window_end = toks[min(m.end + _VICTIM_WINDOW, clause.tok_end) - 1].end
    if any(trig_end <= s < window_end for s, _ in people):
        return True
    return any(
        m.end <= q.tok_start < m.end + _VICTIM_WINDOW and q.tok_start < clause.tok_end
        for q in doc.quantities
    )


def _killed_by(
    doc: Doc, clause: Clause, m: Match[Trigger], pack: LanguagePack, people: list[tuple[int, str]]
) -> bool:
    """A killing with its agent after a passive "by" ("soldiers killed by dissident FARC
    fighters", "uccisi … da presunti jihadisti", "tués par des hommes armés"): an actor,
    person or force noun at most :data:`_AGENT_REACH` words after the agent marker, itself at
    most :data:`_VICTIM_WINDOW` words after the killing verb."""
    toks = doc.tokens
    hi = min(m.end + _VICTIM_WINDOW, clause.tok_end)
    for k in range(m.end, hi):
        if toks[k].lower not in pack.agents:
            continue
        reach = min(k + 1 + _AGENT_REACH, clause.tok_end)
        lo_c, hi_c = toks[k].end, toks[reach - 1].end
        named = _entity_starts(doc, clause, frozenset({"actor", "person", "source"}))
        if any(lo_c <= s < hi_c for s, _ in named):
            return True
        return any(
            pack.forces.match_at(toks, j, clause.tok_end)
            or pack.fighters.match_at(toks, j, clause.tok_end)
            for j in range(k + 1, reach)
        )
    return False


def _victims_before(
    doc: Doc, clause: Clause, m: Match[Trigger], pack: LanguagePack, people: list[tuple[int, str]]
) -> bool:
    """Verb last ("In Mali haben Bewaffnete … sieben Soldaten getötet"): a figure of victims
    between the perpetrator (an armed actor or a fighters noun before it, not the clause's
    source) and the killing verb."""
    toks = doc.tokens
    trig_start = toks[m.start].start
    sources = [a.source for a in doc.attributions if a.source is not None]
    fighters = [
        toks[j].start
        for j in range(clause.tok_start, m.start)
        if pack.fighters.match_at(toks, j, m.start)
    ]
    agents = [
        s
        for s in [*(s for s, kind in people if kind in _ARMED), *fighters]
        if s < trig_start and not any(src.start <= s < src.end for src in sources)
    ]
    if not agents:
        return False
    first = min(agents)
    return any(
        q.toll and first < q.span.start and clause.tok_start <= q.tok_start < m.start
        for q in doc.quantities
    )


def _assaults_forces(doc: Doc, clause: Clause, m: Match[Trigger], pack: LanguagePack) -> bool:
    toks = doc.tokens
    trig_end = toks[m.end - 1].end
    agents = [
        toks[mk.start].start
        for mk in pack.role_markers.find(toks, m.end, clause.tok_end)
        if mk.payload == "actor"
    ]
    return any(
        s >= trig_end and kind in _ARMED and not any(a < s for a in agents)
        for s, kind in _entity_starts(doc, clause, frozenset({"actor"}))
    )


def clause_kind(
    doc: Doc,
    clause: Clause,
    events: Sequence[Match[Trigger]],
    pack: LanguagePack,
    every: Sequence[Match[Trigger]] = (),
) -> tuple[ClaimKind, str | None]:
    """Kind and subtype of the claim a clause with ``events`` makes (module rules 1-6).

    ``every`` holds all event words of the clause, nouns without a light verb included; the
    first of them decides whether a speech act governs (rule 1).
    """
    first = min([*events, *every], key=lambda m: m.start)
    if (
        first.payload.kind in _GOVERNING
        and not first.payload.nominal
        and not _attributive(doc, clause, first, pack)
        and not _lets_forces_move(first, [*events, *every])
    ):
        chosen = first
    else:
        acts = [m.start for m in events if m.payload.subtype != _PARTICIPANTS]
        agents = [m for m in every if m.payload.subtype == _PARTICIPANTS and m not in events]
        pool = [
            m
            for m in [*events, *agents]
            if m.payload.subtype != _PARTICIPANTS or not any(a < m.start for a in acts)
        ]
        # ground held ("under Russian control") beside another event only places that event
        # ("41 dead in areas under Ukrainian control"): the other event is the claim
        if any(m.payload.subtype != _CONTROL for m in pool):
            pool = [m for m in pool if m.payload.subtype != _CONTROL]
        kinds = {m.payload.kind for m in pool}
        kind = next(k for k in KIND_PRIORITY if k in kinds)
        same = [m for m in pool if m.payload.kind == kind]
        # evidence of a strike ("caught fire") names no subtype when its strike is named too
        same = [m for m in same if not m.payload.evidence] or same
        # a word read in its context ("exchanged" beside "prisoners") is the finer reading
        chosen = next((m for m in same if m.payload.context is not None), same[0])
        if kind == ClaimKind.ATTACK:
            # "repelled an attack": fighting; "gunmen abducted 30 students": an arrest
            chosen = (
                fought_off(pool)
                or taken_captive(pool)
                or _arrested_over(doc, clause, [*pool, *every], pack.determiners)
                or chosen
            )
        elif kind == ClaimKind.PROTEST:
            chosen = detained_at_protest(pool) or chosen  # "detained at protests": arrests
        elif kind == ClaimKind.TERRITORIAL_CHANGE:  # "Les combats ont repris": resumed
            chosen = resumed(doc.tokens, [*pool, *every]) or chosen
    kind, subtype = chosen.payload.kind, chosen.payload.subtype
    if kind == ClaimKind.CASUALTIES and any(m.payload.subtype == "disaster" for m in every):
        return ClaimKind.OTHER, "disaster"  # "… killed after an earthquake": no perpetrator
    if subtype == "killing" and _is_transitive_kill(doc, clause, chosen, pack):
        return ClaimKind.ATTACK, "killing"
    if subtype == "killing":
        return kind, "killed"
    if kind == ClaimKind.ARMED_CLASH and chosen.payload.nominal:
        toll = [m for m in events if m.payload.kind == ClaimKind.CASUALTIES and m.payload.count]
        if toll and _cumulative(doc, clause, pack):
            sub = toll[0].payload.subtype
            return ClaimKind.CASUALTIES, "killed" if sub == "killing" else sub
    if (
        subtype == "assault"
        and not chosen.payload.nominal
        and not any(m.payload.subtype in REMOTE_SUBTYPES for m in [*events, *every])
        and _assaults_forces(doc, clause, chosen, pack)
    ):
        return ClaimKind.ARMED_CLASH, "fighting"
    if subtype == "withdrawal" and not chosen.payload.nominal and _town_left(doc, clause):
        return ClaimKind.TERRITORIAL_CHANGE, "withdrawal"  # "withdrew from the village of X"
    if _releases_people(doc, clause, kind, subtype, [*events, *every]):
        return ClaimKind.ARREST, "release"
    if (
        subtype == _CAPTURED
        and not chosen.payload.nominal
        and _people_taken(doc, clause, chosen, pack)
    ):
        return ClaimKind.ARREST, "arrest"  # "captured seven soldiers": captives, not ground
    return kind, subtype


def _arrested_over(
    doc: Doc, clause: Clause, words: Sequence[Match[Trigger]], determiners: frozenset[str]
) -> Match[Trigger] | None:
    """Rule 2b: the arrest word of a clause whose attack words all come after it ("Police
    arrested eleven people in connection with the bombing", "la detención de once personas en
    relación con el atentado", "задержали двоих по делу о теракте"): the attack is what the
    people are held over, the arrest the claim (annotating-claims: arrests and captures).
    The attack is named as a noun (a noun trigger, or a word after a determiner: "the
    bombing"), not told as an event of its own ("were detained, and one was beaten"). Not
    when the clause tells a toll ("detained …, killing two"), nor a release or exchange."""
    arrests = [
        m
        for m in words
        if m.payload.kind == ClaimKind.ARREST and m.payload.subtype == _ARREST_SUBTYPE
    ]
    attacks = [m for m in words if m.payload.kind == ClaimKind.ATTACK]
    if not arrests or not attacks or any(m.payload.kind == ClaimKind.CASUALTIES for m in words):
        return None
    first = min(arrests, key=lambda m: m.start)
    if not clause.tok_start <= first.start < clause.tok_end:
        return None
    toks = doc.tokens
    named = all(
        a.start >= first.end
        and (a.payload.nominal or (a.start > 0 and toks[a.start - 1].lower in determiners))
        for a in attacks
    )
    return first if named else None


def _people_taken(doc: Doc, clause: Clause, m: Match[Trigger], pack: LanguagePack) -> bool:
    """Rule 8: a capture verb whose object is people ("captured seven soldiers", "a capturé
    deux militaires", "захопили трьох бійців"): a figure of soldiers or fighters (a force or
    fighters noun at most :data:`_NOUN_AFTER_FIGURE` words after the figure), or a person, at
    most :data:`_VICTIM_WINDOW` words after the verb, and no place there: people captured are
    an ``arrest`` (claims-v1: arrest, detention, capture, prisoners), not ground taken ("a
    military base" is ground: no figure of people)."""
    toks = doc.tokens
    hi = min(m.end + _VICTIM_WINDOW, clause.tok_end)
    if m.end >= hi:
        return False
    lo_c, hi_c = toks[m.end].start, toks[hi - 1].end
    if any(
        lo_c <= p.span.start < hi_c and p.location is not None and not p.is_demonym
        for p in doc.places
    ):
        return False
    if any(lo_c <= s < hi_c for s, _ in _entity_starts(doc, clause, frozenset({"person"}))):
        return True
    for q in doc.quantities:
        if not m.end <= q.tok_start < hi:
            continue
        for j in range(q.tok_start, min(q.tok_end + _NOUN_AFTER_FIGURE, clause.tok_end)):
            force = pack.forces.match_at(toks, j, clause.tok_end)
            if (force is not None and force.payload in _ARMED) or pack.fighters.match_at(
                toks, j, clause.tok_end
            ):
                return True
    return False


#: kinds of a movement of forces that a permission lets happen (rule 1b)
_MOVES = frozenset({ClaimKind.DEPLOYMENT, ClaimKind.TERRITORIAL_CHANGE})


def _lets_forces_move(first: Match[Trigger], words: Sequence[Match[Trigger]]) -> bool:
    """Rule 1b: a permission (a ``diplomacy`` concession: "allowed", "erlaubte", "autorisé",
    "permitió", "разрешил", "дозволив") whose event after it is a movement of forces ("allowed
    the units to withdraw from X", "erlaubte den Truppen den Rückzug") lets that movement
    happen: the claim is the withdrawal or deployment (claims-v1 ``deployment``, or a place
    given up), not a concession between parties. Aid let in ("allowed aid trucks to enter")
    stays a concession."""
    if first.payload.kind != ClaimKind.DIPLOMACY or first.payload.subtype != _CONCESSION:
        return False
    after = [m for m in words if m.start > first.start]
    return any(m.payload.kind in _MOVES for m in after) and not any(
        m.payload.kind == ClaimKind.DIPLOMACY for m in after
    )


def _town_left(doc: Doc, clause: Clause) -> bool:
    """A town or village named in the clause of a withdrawal verb ("withdrew from the village
    of Krynky", "sich aus Kiwanja zurückgezogen", "покинули Авдіївку"): forces that leave a
    place give it up — a place lost (claims-v1 ``territorial_change``), not troops moved
    (``deployment``: a withdrawal with no place, or from a country or region)."""
    return any(
        clause.span.start <= p.span.start < clause.span.end
        and p.location is not None
        and p.location.precision == "point"
        and p.names_a_site
        and not p.is_feature
        for p in doc.places
    )


_ATTRIBUTIVE_REACH = 3  # tokens before a participle in which its "by" agent stands


def _attributive(doc: Doc, clause: Clause, m: Match[Trigger], pack: LanguagePack) -> bool:
    """A participle with its agent before it describes a noun ("die von Ruanda unterstützte
    M23", "die vom Iran unterstützten Huthi"): no act of support that would govern the
    clause's events (rule 1)."""
    lo = max(clause.tok_start, m.start - _ATTRIBUTIVE_REACH)
    return any(doc.tokens[k].lower in pack.agents for k in range(lo, m.start))


def _cumulative(doc: Doc, clause: Clause, pack: LanguagePack) -> bool:
    """A toll summed over a war or a period ("since the invasion", "від початку вторгнення",
    "depuis le début", "с 7 октября"): no one clash is named, the toll is a casualties claim
    (annotating-claims). "Eight soldiers were killed in fighting near X" names the clash: one
    armed-clash claim with its toll."""
    toks, lo, hi = doc.tokens, clause.tok_start, clause.tok_end
    if pack.background.find(toks, lo, hi):
        return True
    return any(toks[k].lower in pack.since for k in range(lo, hi))


def _releases_people(
    doc: Doc,
    clause: Clause,
    kind: ClaimKind,
    subtype: str | None,
    words: Sequence[Match[Trigger]],
) -> bool:
    """Rule 7: people freed are prisoners released (claims-v1: arrest covers captives and their
    release), not a concession or a place liberated. A release verb ("freed", "freigelassen",
    "liberados") with captives in its clause (an arrest word: "hostages", "полону") or a
    counted group or force ("95 Soldaten", "three journalists"); a liberation verb ("звільнили",
    "освободили") only with captives ("звільнили трьох заручників", not "звільнили село")."""
    release = kind == ClaimKind.DIPLOMACY and subtype == _RELEASE
    if not release and not (kind == ClaimKind.TERRITORIAL_CHANGE and subtype == _LIBERATED):
        return False
    if any(m.payload.kind == ClaimKind.ARREST for m in words):
        return True
    if not release:
        return False
    people = _entity_starts(doc, clause, frozenset({"actor", "person"}))
    figures = any(clause.tok_start <= q.tok_start < clause.tok_end for q in doc.quantities)
    return figures or any(kind in _ARMED or kind == "person" for _, kind in people)


def main_first(claims: Sequence[Claim]) -> list[Claim]:
    """Claims in text order, except that a sentence's main event precedes its toll (module)."""
    out = list(claims)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].sentence == out[i].sentence:
            j += 1
        head = out[i]
        if head.kind == ClaimKind.CASUALTIES and not head.in_headline:
            for k in range(i + 1, j + 1):
                c = out[k]
                if c.kind in _EVENTS and c.certainty != Certainty.HYPOTHETICAL:
                    out.insert(i, out.pop(k))
                    break
        i = j + 1
    return out
