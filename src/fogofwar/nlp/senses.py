"""Conflict words in another sense, fixed by the words around them (annotating-claims: only
assertions about the conflict world are claims).

Many event words of the packs have a second, peaceful sense that their neighbours settle:

* **labour**: a strike or walkout of workers ("the pilots' union staged a 24-hour strike over
  pay", "профсоюз объявил забастовку", "Streik der Gewerkschaft", "grève des contrôleurs
  aériens") is industrial action, no protest or attack of the conflict world;
* **office**: a release from a post ("звільнили з посади", "освобожден от должности") is a
  dismissal, no liberation of a place nor of a prisoner;
* **election**: a defeat or a fight at the polls ("поражение на выборах", "defeat in the
  election") is politics, no battle;
* **illness**: deaths of a disease ("died of coronavirus", "умерли от COVID-19") are no toll of
  the conflict;
* **travel**: an arrival by plane ("прилетел с визитом", "прилетів рейсом") is a trip, no hit;
* **finance**: shares ("арестовал акции компании", "пакет акцій") are no protest action;
* **assets**: an arrest whose theme is shares right after it ("арешт акцій Nord Stream AG",
  "арест акций") seizes property, it detains no one (cues that start with the arrest word);
* **commerce**: a contract between firms or won in a tender ("уклало угоду з ТОВ",
  "за результатами тендеру", "signed a contract with … Ltd", "Auftrag an die … GmbH") is
  business, no agreement between parties of the conflict world;
* **ranking**: a place in a ranking, a table or a race ("заняли 11-е место в рейтинге",
  "посіла перше місце", "den ersten Platz eingenommen", "ha conquistato il primo posto") is
  a result, no capture of ground;
* **accident**: deaths and injuries of a road or work accident ("two people were seriously
  injured in a car crash on the motorway", "bei einem Verkehrsunfall getötet", "morti in un
  incidente stradale", "загинув у ДТП") are no toll of the conflict (only phrases that name
  such an accident: a bare "accident" is also what an army calls its own strike);
* **rights**: German "verletzen" of a right, a duty or a rule ("verletzte das Urheberrecht",
  "Sorgfaltspflichten verletzt") violates, it injures no one;
* **ballot**: electors casting their votes ("the electors of Vermont voted for …",
  "выборщики проголосовали") hold an election, no vote of the conflict world (not bare
  "voters": a referendum held under occupation is news of the war);
* **anonymity**: a request to stay unnamed ("who asked not to be named", "que pidió el
  anonimato", "попросивший не называть его имени") states a source's terms, no demand;
* **diplomatic**: a protest note ("вручил ноту протеста", "a note of protest") is a diplomatic
  act: kind ``diplomacy``, not ``protest`` (:func:`sense_kind`).

Each pack lists, under ``[senses.<name>]``, the event words that have the sense (``words``;
any event word when none are listed) and the words that fix it (``cues``); :data:`SENSE_KINDS`
says which claim kinds a sense rules out. A clause whose every event word of the claim's kind
(or, for a claim the model reads from a noun, every word of the sense) has such a word within
:data:`SENSE_WINDOW` words of it, in its own phrase of the sentence, gives no claim
(:func:`other_sense`).
"""

from __future__ import annotations

import bisect

from fogofwar.claim import ClaimKind
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack, Sense

__all__ = [
    "CAUSES",
    "RE_KIND",
    "SENSE_KINDS",
    "SENSE_WINDOW",
    "other_sense",
    "sense_kind",
    "word_in_other_sense",
]

_HARM = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH, ClaimKind.CASUALTIES})
#: the claim kinds an event word loses in each sense
SENSE_KINDS: dict[str, frozenset[ClaimKind]] = {
    "labour": frozenset({ClaimKind.PROTEST, ClaimKind.ATTACK, ClaimKind.ARMED_CLASH}),
    "office": frozenset({ClaimKind.TERRITORIAL_CHANGE, ClaimKind.ARREST}),
    "election": _HARM | {ClaimKind.TERRITORIAL_CHANGE},
    "illness": frozenset({ClaimKind.CASUALTIES}),
    "travel": frozenset({ClaimKind.ATTACK}),
    "finance": frozenset({ClaimKind.PROTEST}),
    "assets": frozenset({ClaimKind.ARREST}),
    "diplomatic": frozenset({ClaimKind.PROTEST}),
    "ranking": frozenset({ClaimKind.TERRITORIAL_CHANGE}),
    "commerce": frozenset({ClaimKind.DIPLOMACY}),
    "accident": _HARM | {ClaimKind.OTHER},
    "rights": _HARM,
    "anonymity": frozenset({ClaimKind.STATEMENT}),
    "ballot": frozenset({ClaimKind.DIPLOMACY}),
}
#: senses whose cues name a cause of death or injury by themselves (a disease, a road
#: accident): one anywhere in a clause with no event word settles a claim the model reads
#: there ("there are 10,000 cancer patients in the city"); a cue of the other senses
#: ("employees", "the post") needs its event word beside it
CAUSES = frozenset({"illness", "accident"})
#: senses that give the claim another kind rather than none: a protest note is diplomacy
RE_KIND: dict[str, ClaimKind] = {"diplomatic": ClaimKind.DIPLOMACY}
Span = tuple[int, int]  # an event word's tokens, [start, end)
#: words either side of an event word where a sense word fixes its sense
SENSE_WINDOW = 5
_BREAKS = frozenset({",", ";", ":", ".", "—", "–", "(", ")"})


def sense_kind(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> ClaimKind | None:
    """The clause's claim kind once the senses of its event words are read: None when they
    are peaceful (:func:`other_sense`), the sense's own kind when it only changes the claim
    ("вручил ноту протеста": diplomacy, :data:`RE_KIND`), else ``kind``."""
    if other_sense(doc, pack, view, kind):
        return None
    for s in pack.senses:
        if s.name in RE_KIND and kind in SENSE_KINDS[s.name] and _all_in(doc, [s], view, kind):
            return RE_KIND[s.name]
    return kind


def other_sense(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> bool:
    """Every event word of ``kind`` in the clause is used in a sense that rules ``kind`` out:
    a sense word of the pack stands near it ("strike" beside "trade union", "звільнили" beside
    "з посади"). A claim of a kind no event word of the clause has (the model read it from a
    noun: "called the pilots out on strike") goes by the sense's own words in the clause, and
    one whose clause holds no event word at all ("there are 10,000 cancer patients in the
    city") by the cues in it of a sense that names a cause (:data:`CAUSES`)."""
    senses = [
        s
        for s in pack.senses
        if s.name not in RE_KIND and kind in SENSE_KINDS.get(s.name, frozenset())
    ]
    return bool(senses) and _all_in(doc, senses, view, kind)


def _all_in(doc: Doc, senses: list[Sense], view: ClauseView, kind: ClaimKind) -> bool:
    own: list[Span] = [
        (m.start, m.end) for m in (view.events or view.every) if m.payload.kind == kind
    ]
    c = view.clause
    if not own:
        own = [
            (m.start, m.end)
            for s in senses
            if s.words is not None
            for m in s.words.find(doc.tokens, c.tok_start, c.tok_end)
        ]
    if not own and not view.every:  # no event word at all: the model read the clause whole
        whole = [s for s in senses if s.name in CAUSES]
        return any(s.cues.find(doc.tokens, c.tok_start, c.tok_end) for s in whole)
    return bool(own) and all(
        any(_fixed(doc, s, w, view.clause.sentence) for s in senses) for w in own
    )


def word_in_other_sense(doc: Doc, pack: LanguagePack, word: Span, kind: ClaimKind) -> bool:
    """The event word at token span ``word`` (of ``kind``) has a sense of the pack fixed by a
    cue near it, one that rules ``kind`` out or gives the claim another kind ("протеста" in
    "вручил ноту протеста", "акции" in "арестовал акции компании")."""
    senses = [s for s in pack.senses if kind in SENSE_KINDS.get(s.name, frozenset())]
    if not senses:
        return False
    starts = [sent.tok_start for sent in doc.sentences]
    k = bisect.bisect_right(starts, word[0]) - 1
    return k >= 0 and any(_fixed(doc, s, word, k) for s in senses)


def _fixed(doc: Doc, sense: Sense, word: Span, sentence: int) -> bool:
    """The event word at ``word`` is one the sense concerns and a cue of it stands near, in its
    sentence ("the union called the pilots out on strike": the attribution's own words count)."""
    tokens = doc.tokens
    start, end = word
    if sense.words is not None and not sense.words.find(tokens, start, end):
        return False
    sent = doc.sentences[sentence]
    near = [*range(start, end), *_positions(tokens, end, sent.tok_end)]
    near += _positions(tokens, sent.tok_start, start, backwards=True)
    return any(sense.cues.match_at(tokens, k, sent.tok_end) is not None for k in near)


def _positions(
    tokens: tuple[Token, ...], lo: int, hi: int, *, backwards: bool = False
) -> list[int]:
    """Up to :data:`SENSE_WINDOW` word positions from the event word outwards, stopping at a
    phrase break."""
    ks = range(hi - 1, lo - 1, -1) if backwards else range(lo, hi)
    out: list[int] = []
    for k in ks:
        if tokens[k].text in _BREAKS:
            break
        if tokens[k].is_word:
            out.append(k)
            if len(out) == SENSE_WINDOW:
                break
    return out
