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

from fogofwar.caches import parse_toml
from fogofwar.claim import SourceKind
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

from fogofwar.packs.entries import (
    BOUND_KINDS,
    ROLE_MARKERS,
    CompoundCue,
    CueEntry,
    DateCue,
    Sense,
    Trigger,
    _choice,
    _compound_cues,
    _cues,
    _dates,
    _enum_map,
    _eras,
    _flat,
    _normed,
    _sense,
    _triggers,
    _vague,
    _words,
)


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
    #: a definite plural determiner right before a bare victim noun ("the dead", "den
    #: Getöteten", "le vittime", "все жертвы"): victims already told, no toll of their own
    known_victims: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
    #: "among" before such a determiner ("among the dead", "unter den Toten", "среди погибших"):
    #: a part of a toll, its unquantified victims still counted
    among: PhraseMatcher[None] = field(default_factory=lambda: PhraseMatcher(()))
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
        abbreviations=_normed(text, "abbreviations", where),
        ordinal_dot=bool(text.get("ordinal_dot", False)),
        determiners=_normed(text, "determiners", where),
        relative_pronouns=_normed(text, "relative_pronouns", where),
        subordinators=_normed(text, "subordinators", where),
        contrastives=_normed(text, "contrastives", where),
        coordinators=_normed(text, "coordinators", where),
        agents=_normed(text, "agents", where),
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
        range_words=_normed(nums, "range", where),
        number_links=_normed(nums, "number_links", where),
        halves=_normed(nums, "halves", where),
        one_and_half=_normed(nums, "one_and_half", where),
        scene_prepositions=_flat(nums, "scene_prepositions", where),
        kin=_flat(nums, "kin", where),
        rates=_flat(nums, "rates", where),
        unrealised=_flat(nums, "unrealised", where),
        known_victims=_flat(nums, "known_victims", where),
        among=_flat(nums, "among", where),
        child_nouns=_flat(nums, "child_nouns", where),
        labels=_flat(nums, "labels", where),
        pronouns_one=_normed(nums, "pronouns_one", where),
        pronouns_many=_normed(nums, "pronouns_many", where),
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
        date_links=_normed(nums, "date_links", where),
        ages=_flat(nums, "ages", where),
        lethal=_flat(nums, "lethal", where),
        increments=_flat(nums, "increments", where),
        tally_heads=_flat(nums, "tally_heads", where),
        rise_by=_flat(nums, "rise_by", where),
        vague=_vague(nums.get("vague", {})),
        dates=_dates(data.get("dates", {}), where),
        since=_normed(data.get("dates", {}), "since", where),
        until=_normed(data.get("dates", {}), "until", where),
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
