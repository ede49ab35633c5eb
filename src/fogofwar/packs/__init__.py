"""Language packs: everything the claim reader knows about one language, as data.

A pack is a folder ``packs/<lang>/`` whose ``pack.toml`` holds the reader's lexicon (see
``packs/README.md`` for every table); the folder also holds the language's other data
(:mod:`fogofwar.packs.files`). This module
loads and validates packs once and compiles their word lists into :class:`PhraseMatcher` objects;
the reader's stages only ever see a :class:`LanguagePack`, never a file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fogofwar.caches import parse_toml
from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.errors import ConfigError
from fogofwar.nlp.matcher import PhraseMatcher, norm
from fogofwar.packs.files import PACK_FILE, available_languages, pack_dirs, pack_folder

__all__ = [
    "CueEntry",
    "DateCue",
    "LanguagePack",
    "Sense",
    "Trigger",
    "available_languages",
    "load_pack",
    "load_packs",
    "pack_dirs",
]

CUE_TYPES = ("verb", "prep", "post", "adverb", "via", "verification")
BOUND_KINDS = ("at_least", "more_than", "up_to", "fewer_than", "approx")
DATE_KINDS = ("offset", "recent", "overnight", "night_before", "last_week")
COUNT_NAMES = ("killed", "injured", "arrested", "missing", "displaced")
ROLE_MARKERS = ("ally", "target", "actor", "victim")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word: the claim kind it signals, a finer subtype, and the count it feeds."""

    kind: ClaimKind
    subtype: str | None
    count: str | None  # killed | injured | arrested | missing | displaced
    nominal: bool  # a noun: needs a light verb, a casualty verb or a headline to make a claim
    #: words one of which must stand in the same clause ("exchanged" needs "prisoners")
    context: PhraseMatcher[None] | None = field(default=None, compare=False)
    #: damage as evidence of an event ("houses were damaged"): a clause with only such words
    #: elaborates an event told before rather than telling a new one (``nlp/elaborate.py``)
    evidence: bool = False
    #: a word that calls a report untrue ("a lie", "фейк", "Falschmeldung"): a statement
    #: whose clause holds one denies what it speaks of (``nlp/sourced_certainty.py``)
    untruth: bool = False


@dataclass(frozen=True, slots=True)
class CueEntry:
    """A reporting expression: how it links source and content, and how firm it is."""

    type: str  # verb | prep | post | adverb | via | verification
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class CompoundCue:
    """A prep cue whose noun can head a compound: "nach Polizeiangaben" (``before``: the marker
    word precedes) or "Polizeiangaben zufolge" (it follows); made from the pack's cues."""

    marker: str
    head: str
    before: bool
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class DateCue:
    """A relative time expression: ``kind`` plus a value (days back, weekday, month)."""

    kind: str  # offset | recent | overnight | night_before | last_week | weekday | month
    value: int = 0


@dataclass(frozen=True, slots=True)
class Sense:
    """Another sense of some event words (``[senses.<name>]`` of a pack): the event words it
    concerns (``words``; every event word when the pack lists none) and the neighbours that
    fix it (``cues``)."""

    name: str
    words: PhraseMatcher[None] | None
    cues: PhraseMatcher[None]


def _sense(name: str, table: Mapping[str, Any], where: str) -> Sense:
    words = _flat(table, "words", where) if table.get("words") else None
    return Sense(name, words, _flat(table, "cues", where))


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """One language's lexicon, compiled for matching."""

    lang: str
    name: str
    abbreviations: frozenset[str]
    ordinal_dot: bool
    determiners: frozenset[str]
    relative_pronouns: frozenset[str]
    subordinators: frozenset[str]
    contrastives: frozenset[str]  # ", but …" opens a new main clause
    coordinators: frozenset[str]  # "and", "but": may join two predicates (nlp/clause_split.py)
    qualifiers: PhraseMatcher[None]
    light_verbs: PhraseMatcher[None]
    existentials: PhraseMatcher[None]
    purpose_openers: PhraseMatcher[None]
    circumstance_openers: PhraseMatcher[None]  # ", while …", ", когда …": time or setting
    #: assertions of no fact (nlp/nonfacts.py): irrealis protases ("если бы", "якби", "if it
    #: had not"), things an arrest or dispatch word may take ("assets", "лист") and
    #: abstractions harm words may strike ("economy", "репутацію")
    counterfactual: PhraseMatcher[None]
    irrealis: PhraseMatcher[None]  # "бы", "би": a clause in the irrealis mood
    inanimate_themes: PhraseMatcher[None]
    message_themes: PhraseMatcher[None]  # "a letter", "ноту": a dispatch that is diplomacy
    figurative_targets: PhraseMatcher[None]
    year_prepositions: PhraseMatcher[None]  # "in 2008", "в 2015 году": the clause's year
    sports: PhraseMatcher[None]  # "scored", "счетом": a game, not a fight
    #: ``[encounters]`` of the pack (nlp/encounters.py): meeting and visit words ("met",
    #: "traf sich", "зустрівся") and the words that give an encounter conflict content
    #: ("ceasefire", "Waffen", "безпека")
    encounters: PhraseMatcher[None]
    conflict_topics: PhraseMatcher[None]
    #: ``[eras]`` of the pack: named past wars with the year they ended ("Second World War" =
    #: 1945): a clause set in one is long-past history (nlp/nonfacts.py)
    eras: PhraseMatcher[int]
    #: ``[ceremonies] words`` of the pack: acts of mourning and remembrance ("attended the
    #: funeral", "gedachten", "почтили память"): a clause holding one gives no claim
    #: (nlp/ceremonies.py)
    ceremonies: PhraseMatcher[None]
    #: words that fix another sense of a conflict word near them, by sense name ("labour":
    #: "trade union", "профсоюз" for a strike; "office": "from his post", "з посади" for a
    #: release): ``[senses]`` of the pack, read by nlp/senses.py
    senses: tuple[Sense, ...]
    evaluative: PhraseMatcher[None]
    speculative: PhraseMatcher[None]
    future: PhraseMatcher[None]
    reportative: PhraseMatcher[None]
    planned_modals: PhraseMatcher[None]
    habitual: PhraseMatcher[None]
    #: clause-model features (never gates): background reaching back before the news ("since
    #: the start of the war"), the aftermath and procedure around an event (hospital care,
    #: investigations, mourning, details withheld), generalisations and superlatives
    background: PhraseMatcher[None]
    aftermath: PhraseMatcher[None]
    withheld: PhraseMatcher[None]  # "did not specify", "не уточнив": details withheld
    generic: PhraseMatcher[None]
    #: "accusation", "Behauptung", "утверждение": another party's claim (nlp/presupposed.py)
    report_nouns: PhraseMatcher[None]
    #: "participants", "Teilnehmer", "участников": people named by the protest they were part of
    #: ("detained three participants of the rally" tells the arrest; nlp/presupposed.py)
    participant_nouns: PhraseMatcher[None]
    #: plural area noun → its singular in the same case ("областях" → "области"), for names
    #: that share one ("в Курской и Белгородской областях", nlp/place_plural.py)
    shared_area_nouns: Mapping[str, str]
    #: "from", "aus", "з напрямку": a place after them is where a strike came from
    origins: PhraseMatcher[None]
    perfect_auxiliaries: PhraseMatcher[None]
    #: verbs of state after a reportative modal that make it hearsay, not a plan ("sollen sich
    #: … befinden", "soll sich … aufhalten"): ``soll`` with them is ``reported``
    hearsay_statives: PhraseMatcher[None]
    #: media named without an outlet ("local media", "örtliche Medien", "местные СМИ"): a
    #: source that is only these words is hearsay (annotating-claims: "media reported" without a
    #: named outlet → ``reported``)
    generic_media: PhraseMatcher[None]
    number_words: Mapping[str, int]
    number_scales: Mapping[str, int]
    compound_number: re.Pattern[str] | None
    text2num_lang: str | None
    bounds: PhraseMatcher[str]
    rise: PhraseMatcher[None]
    range_words: frozenset[str]
    joiners: PhraseMatcher[None]
    singular: PhraseMatcher[None]
    harm: PhraseMatcher[None]
    units: PhraseMatcher[None]
    #: toll words (``[numbers]``): things a figure counts that are never people ("drones"),
    #: words for one person ("a", "ein", "another"), singular person nouns ("man", "Soldat"),
    #: negations making a casualty word an explicit zero ("no", "keine", "нет"), verb
    #: negations leaving it without a count ("not", "не"), adjectives of a deadly event
    objects: PhraseMatcher[None]
    one: PhraseMatcher[None]
    definite: PhraseMatcher[None]
    persons: PhraseMatcher[None]
    zero: PhraseMatcher[None]
    negations: PhraseMatcher[None]
    #: negated reporting or causing next to a casualty noun: an explicit zero ("did not cause
    #: any casualties", "Opfer wurden nicht gemeldet", "о жертвах не сообщается")
    unreported: PhraseMatcher[None]
    #: verbs that count the dead only with people as their object ("lost 11 soldiers",
    #: "neutralisé 40 terroristes"), and nouns of fighters such an object may be ("militants")
    people_lost: PhraseMatcher[None]
    #: words between a part and its whole ("five *of the* 21 dead", "neuf *des* 16 victimes"):
    #: the part is the toll
    part_of: PhraseMatcher[None]
    fighters: PhraseMatcher[None]
    date_links: frozenset[str]
    ages: PhraseMatcher[None]
    lethal: PhraseMatcher[None]
    #: words marking a figure as more of a toll already given ("two *more* died", "*ще*
    #: двоє померли", "zwei *weitere*"): it adds to that toll's figure
    increments: PhraseMatcher[None]
    #: nouns a toll's casualty word may follow in a tally whose figure comes after a colon or
    #: a dash ("*кількість* загиблих — 7", "*the number of* dead: 7"; not "серед загиблих — 7")
    tally_heads: PhraseMatcher[None]
    #: a rising verb with the preposition of its change ("rose *by* two to 14", "зросла на
    #: двох", "stieg um zwei auf 14"): the figure after it is the increase, not the toll
    rise_by: PhraseMatcher[None]
    vague: PhraseMatcher[tuple[int | None, int | None]]
    dates: PhraseMatcher[DateCue]
    triggers: PhraseMatcher[Trigger]
    cues: PhraseMatcher[CueEntry]
    compound_cues: tuple[CompoundCue, ...]
    sources: PhraseMatcher[SourceKind]
    media: PhraseMatcher[str]
    forces: PhraseMatcher[str]
    roles: PhraseMatcher[SourceKind]
    role_markers: PhraseMatcher[str]
    groups: PhraseMatcher[str]
    nationality: re.Pattern[str] | None
    #: the "and" inside a written number ("two hundred *and* thirty", "treinta *y* dos")
    number_links: frozenset[str] = frozenset()
    #: a half after a link or before a scale ("one and a *half* thousand", "*half* a million")
    halves: frozenset[str] = frozenset()
    #: one word for one and a half before a scale ("*полтора* миллиона", "*anderthalb* Millionen")
    one_and_half: frozenset[str] = frozenset()
    #: prepositions opening an event's circumstance ("*in* the shelling", "*bei* dem Angriff"):
    #: after the people of an elliptical conjunct they show it has no verb of its own
    scene_prepositions: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: a parent before the figure of their children ("mother of five"): no toll
    kin: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: a rate's base before a figure ("*per* 100,000 population"): the figure is no head count
    rates: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: an attempt or a near miss right before a casualty word ("tried to kill", "nearly
    #: died", "пытался убить", "мало не загинула"): no one counted by that word
    unrealised: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: words for one child ("boy", "хлопчик"): a comma list of them after "two children" names
    #: the two, it adds no one (:mod:`fogofwar.nlp.victim_lists`)
    child_nouns: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: words that name a numbered thing right before its number ("article 283", "статье
    #: 283", "рейс 17", "№ 5"): the figure is an identifier, no head count
    labels: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: personal pronouns right before a casualty or arrest word, or right after it with no
    #: noun following ("Його затримали", "arrested him at …"): one person, or a group of no
    #: stated number (:meth:`fogofwar.nlp.toll_guards.TollGuards.pronoun_people`)
    pronouns_one: frozenset[str] = frozenset()
    pronouns_many: frozenset[str] = frozenset()
    since: frozenset[str] = frozenset()  # "seit Sonntag": a day up to publication
    until: frozenset[str] = frozenset()  # ... unless one of these follows ("с 26 до 28 января")
    agents: frozenset[str] = frozenset()  # "by" of a passive: ", backed by Rwanda," describes
    #: hedging adjectives ("presunto", "présumé", "suspected"): inside a noun phrase they hedge
    #: who or what the noun is, not the clause: listed among the reportative modals (a model
    #: feature), they still make no clause hearsay ("un presunto terrorista è stato arrestato")
    hedge_adjectives: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: "no indication that", "keine Hinweise darauf", "нет признаков того": what follows is
    #: unverified, not denied (annotating-claims)
    no_evidence: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))


def _words(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings; fix the pack file")
    return value


def _flat(table: Mapping[str, Any], key: str, where: str) -> PhraseMatcher[None]:
    return PhraseMatcher((w, None) for w in _words(table, key, where))


def _eras(table: Mapping[str, Any], where: str) -> PhraseMatcher[int]:
    if not all(isinstance(v, int) for v in table.values()):
        raise ConfigError(f"{where}: [eras] maps a phrase to the year the era ended")
    return PhraseMatcher((str(w), int(y)) for w, y in table.items())


def _enum_map(table: Mapping[str, Any], where: str, enum: type[Any]) -> list[tuple[str, Any]]:
    out = []
    for word, value in table.items():
        try:
            out.append((word, enum(value)))
        except ValueError as exc:
            raise ConfigError(f"{where}: {word!r} has unknown value {value!r}") from exc
    return out


def _choice(table: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = table.get(key)
    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' is {value!r}; use one of {', '.join(allowed)}")
    return str(value)


def _triggers(rows: list[dict[str, Any]], where: str) -> PhraseMatcher[Trigger]:
    entries: list[tuple[str, Trigger]] = []
    for i, row in enumerate(rows):
        at = f"{where} triggers[{i}]"
        try:
            kind = ClaimKind(row["kind"])
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{at}: 'kind' must be one of the claim kinds") from exc
        count = row.get("count")
        if count is not None and count not in COUNT_NAMES:
            raise ConfigError(f"{at}: 'count' is {count!r}; use one of {', '.join(COUNT_NAMES)}")
        context = _words(row, "context", at)
        trig = Trigger(
            kind,
            row.get("subtype"),
            count,
            bool(row.get("nominal", False)),
            PhraseMatcher((w, None) for w in context) if context else None,
            bool(row.get("evidence", False)),
            bool(row.get("untruth", False)),
        )
        entries.extend((w, trig) for w in _words(row, "words", at))
    return PhraseMatcher(entries)


def _cues(rows: list[dict[str, Any]], where: str) -> PhraseMatcher[CueEntry]:
    entries: list[tuple[str, CueEntry]] = []
    for i, row in enumerate(rows):
        at = f"{where} cues[{i}]"
        ctype = _choice(row, "type", CUE_TYPES, at)
        try:
            certainty = Certainty(row["certainty"])
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{at}: 'certainty' must be one of the certainty levels") from exc
        entries.extend((w, CueEntry(ctype, certainty)) for w in _words(row, "words", at))
    return PhraseMatcher(entries)


def _compound_cues(rows: list[dict[str, Any]], where: str) -> tuple[CompoundCue, ...]:
    """Two-word prep cues of plain words ("nach angaben") and, with their nouns, one-word post
    cues ("zufolge"): the markers of compound cues."""
    preps: list[tuple[str, str, Certainty]] = []
    posts: list[tuple[str, Certainty]] = []
    for i, row in enumerate(rows):
        words = [w for w in _words(row, "words", f"{where} cues[{i}]") if "*" not in w]
        certainty = Certainty(row["certainty"])
        if row.get("type") == "prep":
            preps += [(a, b, certainty) for a, b in (w.split() for w in words if w.count(" ") == 1)]
        elif row.get("type") == "post":
            posts += [(w, certainty) for w in words if " " not in w]
    out = [CompoundCue(norm(a), norm(b), True, c) for a, b, c in preps]
    out += [CompoundCue(norm(p), norm(b), False, c) for p, c in posts for _, b, _ in preps]
    return tuple(dict.fromkeys(out))


def _dates(table: Mapping[str, Any], where: str) -> PhraseMatcher[DateCue]:
    entries: list[tuple[str, DateCue]] = []
    for word, days in table.get("offset", {}).items():
        entries.append((word, DateCue("offset", int(days))))
    for kind in ("recent", "overnight", "night_before", "last_week"):
        entries.extend((w, DateCue(kind)) for w in _words(table, kind, where))
    weekdays = table.get("weekdays", [])
    months = table.get("months", [])
    if len(weekdays) != 7 or len(months) != 12:
        raise ConfigError(f"{where}: [dates] needs 7 weekday lists and 12 month lists")
    for i, forms in enumerate(weekdays):
        entries.extend((w, DateCue("weekday", i)) for w in forms)
    for i, forms in enumerate(months):
        entries.extend((w, DateCue("month", i + 1)) for w in forms)
    return PhraseMatcher(entries)


def _vague(table: Mapping[str, Any]) -> PhraseMatcher[tuple[int | None, int | None]]:
    entries: list[tuple[str, tuple[int | None, int | None]]] = []
    for word, rng in table.items():
        entries.append((word, (rng.get("low"), rng.get("high"))))
    return PhraseMatcher(entries)


def load_pack(path: Path) -> LanguagePack:
    """Load and validate one pack file; raises :class:`ConfigError` saying what to fix."""
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"language pack {path}: cannot read it ({exc})") from exc
    where = f"language pack {path.parent.name}/{path.name}"
    meta, text, nums = data.get("meta", {}), data.get("text", {}), data.get("numbers", {})
    senses = data.get("senses", {})
    if "lang" not in meta:
        raise ConfigError(f"{where}: [meta] needs 'lang' (ISO 639-1)")
    bounds = [(w, k) for k in BOUND_KINDS for w in _words(nums, k, where)]
    compound = nums.get("compound_pattern")
    nationality = text.get("nationality_pattern")
    return LanguagePack(
        lang=str(meta["lang"]),
        name=str(meta.get("name", meta["lang"])),
        abbreviations=frozenset(norm(w) for w in _words(text, "abbreviations", where)),
        ordinal_dot=bool(text.get("ordinal_dot", False)),
        determiners=frozenset(norm(w) for w in _words(text, "determiners", where)),
        relative_pronouns=frozenset(norm(w) for w in _words(text, "relative_pronouns", where)),
        subordinators=frozenset(norm(w) for w in _words(text, "subordinators", where)),
        contrastives=frozenset(norm(w) for w in _words(text, "contrastives", where)),
        coordinators=frozenset(norm(w) for w in _words(text, "coordinators", where)),
        agents=frozenset(norm(w) for w in _words(text, "agents", where)),
        qualifiers=_flat(text, "qualifiers", where),
        light_verbs=_flat(text, "light_verbs", where),
        existentials=_flat(text, "existentials", where),
        purpose_openers=_flat(text, "purpose_openers", where),
        circumstance_openers=_flat(text, "circumstance_openers", where),
        counterfactual=_flat(text, "counterfactual_markers", where),
        irrealis=_flat(text, "irrealis_particles", where),
        inanimate_themes=_flat(text, "inanimate_themes", where),
        message_themes=_flat(text, "message_themes", where),
        figurative_targets=_flat(text, "figurative_targets", where),
        year_prepositions=_flat(text, "year_prepositions", where),
        sports=_flat(text, "sports_words", where),
        encounters=_flat(data.get("encounters", {}), "words", where),
        conflict_topics=_flat(data.get("encounters", {}), "topics", where),
        eras=_eras(data.get("eras", {}), where),
        ceremonies=_flat(data.get("ceremonies", {}), "words", where),
        senses=tuple(_sense(n, senses[n], where) for n in sorted(senses)),
        evaluative=_flat(text, "evaluative_verbs", where),
        speculative=_flat(text, "speculative_modals", where),
        future=_flat(text, "future_markers", where),
        reportative=_flat(text, "reportative_modals", where),
        planned_modals=_flat(text, "planned_modals", where),
        habitual=_flat(text, "habitual_markers", where),
        background=_flat(text, "background_markers", where),
        aftermath=_flat(text, "aftermath_markers", where),
        withheld=_flat(text, "withheld_markers", where),
        generic=_flat(text, "generic_markers", where),
        report_nouns=_flat(text, "report_nouns", where),
        participant_nouns=_flat(text, "participant_nouns", where),
        shared_area_nouns=dict(
            (norm(a), b)
            for a, _, b in (w.partition("=") for w in _words(text, "shared_area_nouns", where))
        ),
        origins=_flat(text, "origin_prepositions", where),
        perfect_auxiliaries=_flat(text, "perfect_auxiliaries", where),
        hearsay_statives=_flat(text, "hearsay_statives", where),
        hedge_adjectives=_flat(text, "hedge_adjectives", where),
        no_evidence=_flat(text, "no_evidence_markers", where),
        generic_media=_flat(text, "generic_media", where),
        number_words={norm(k): int(v) for k, v in nums.get("words", {}).items()},
        number_scales={norm(k): int(v) for k, v in nums.get("scales", {}).items()},
        compound_number=re.compile(compound, re.IGNORECASE) if compound else None,
        text2num_lang=nums.get("text2num"),
        bounds=PhraseMatcher(bounds),
        rise=_flat(nums, "rise", where),
        range_words=frozenset(norm(w) for w in _words(nums, "range", where)),
        number_links=frozenset(norm(w) for w in _words(nums, "number_links", where)),
        halves=frozenset(norm(w) for w in _words(nums, "halves", where)),
        one_and_half=frozenset(norm(w) for w in _words(nums, "one_and_half", where)),
        scene_prepositions=_flat(nums, "scene_prepositions", where),
        kin=_flat(nums, "kin", where),
        rates=_flat(nums, "rates", where),
        unrealised=_flat(nums, "unrealised", where),
        child_nouns=_flat(nums, "child_nouns", where),
        labels=_flat(nums, "labels", where),
        pronouns_one=frozenset(norm(w) for w in _words(nums, "pronouns_one", where)),
        pronouns_many=frozenset(norm(w) for w in _words(nums, "pronouns_many", where)),
        joiners=_flat(nums, "joiners", where),
        singular=_flat(nums, "singular", where),
        harm=_flat(nums, "harm", where),
        units=_flat(nums, "units", where),
        objects=_flat(nums, "objects", where),
        one=_flat(nums, "one", where),
        definite=_flat(nums, "definite", where),
        persons=_flat(nums, "persons", where),
        zero=_flat(nums, "zero", where),
        negations=_flat(nums, "negations", where),
        unreported=_flat(nums, "unreported", where),
        people_lost=_flat(nums, "people_lost", where),
        part_of=_flat(nums, "part_of", where),
        fighters=_flat(nums, "fighters", where),
        date_links=frozenset(norm(w) for w in _words(nums, "date_links", where)),
        ages=_flat(nums, "ages", where),
        lethal=_flat(nums, "lethal", where),
        increments=_flat(nums, "increments", where),
        tally_heads=_flat(nums, "tally_heads", where),
        rise_by=_flat(nums, "rise_by", where),
        vague=_vague(nums.get("vague", {})),
        dates=_dates(data.get("dates", {}), where),
        since=frozenset(norm(w) for w in _words(data.get("dates", {}), "since", where)),
        until=frozenset(norm(w) for w in _words(data.get("dates", {}), "until", where)),
        triggers=_triggers(data.get("triggers", []), where),
        cues=_cues(data.get("cues", []), where),
        compound_cues=_compound_cues(data.get("cues", []), where),
        sources=PhraseMatcher(_enum_map(data.get("sources", {}), where, SourceKind)),
        media=PhraseMatcher(list(data.get("media", {}).items())),
        forces=PhraseMatcher(list(data.get("forces", {}).items())),
        roles=PhraseMatcher(_enum_map(data.get("roles", {}), where, SourceKind)),
        role_markers=PhraseMatcher(
            [
                (w, _choice({"r": r}, "r", ROLE_MARKERS, where))
                for w, r in data.get("role_markers", {}).items()
            ]
        ),
        groups=PhraseMatcher([(w, str(g)) for w, g in data.get("groups", {}).items()]),
        nationality=re.compile(nationality) if nationality else None,
    )


def load_packs(directory: Path | None = None) -> dict[str, LanguagePack]:
    """Load every pack folder in ``directory`` (default: ``$FOGOFWAR_PACKS``, then shipped)."""
    packs = {}
    for lang in available_languages(directory):
        folder = pack_folder(lang, directory)
        assert folder is not None
        pack = load_pack(folder / PACK_FILE)
        if pack.lang != lang:
            raise ConfigError(f"language pack {lang}/{PACK_FILE}: [meta] lang is {pack.lang!r}")
        packs[pack.lang] = pack
    return packs
