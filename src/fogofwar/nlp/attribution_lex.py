"""The attribution stage's own pack table, ``[attribution]`` in ``packs/<lang>/pack.toml``.

:class:`~fogofwar.packs.LanguagePack` does not carry this table, so the stage reads it from the
same pack file (cached per language); a pack without the table gives empty lists, which only
switches the constructions off:

* ``pronouns`` — subject pronouns that can name a speaker ("he said", "sagte sie", "он заявил")
  → ``person`` or ``group``: the source span stays the pronoun, the name is the last named
  person (``person``) or organisation/actor (``group``) before it;
* ``reported_mood`` — verb forms or particles that mark reported speech without a cue (German
  Konjunktiv I/II "sei", "habe", "hätten"; Russian "мол", "дескать"; Ukrainian "мовляв"): a
  sentence holding one right after an indirect attribution continues it;
* ``complementizers`` — words opening reported content a few tokens after a verb cue ("told
  reporters *that*", "sagte am Montag, *dass*"); other subordinators count only right after it;
* ``tail_preps`` — ``prep`` cues that only count after a comma or quote at the end of the
  sentence, with a short source phrase after them (German free "…, so der Sprecher.");
* ``cue_adverbs`` — words that may stand between a source and its cue ("also", "has",
  "auch", "также") and are skipped when looking for the source next to a cue;
* ``np_links`` — words joining a source noun to its complement ("a spokesman *for* the
  ministry", "Sprecher *des* Ministeriums");
* ``function_words`` — capitalised at a sentence start they are not names ("But", "Doch");
* ``visuals``, ``show_verbs``, ``visual_agents`` — pictures that show what a sentence reports
  and who published them (:mod:`fogofwar.nlp.attribution_visuals`);
* ``author_hedges`` — ``adverb`` cues that hedge in the writer's own voice ("offenbar",
  "apparently", "al parecer"): the claim is reported but its source stays the author.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fogofwar.nlp.matcher import Token, norm
from fogofwar.packs.files import read_table

__all__ = ["AttributionLexicon", "lexicon"]


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    """Normalised word sets of one pack's ``[attribution]`` table."""

    pronouns: dict[str, str]
    reported_mood: frozenset[str]
    complementizers: frozenset[str]
    tail_preps: frozenset[str]
    cue_adverbs: frozenset[str]
    np_links: frozenset[str]
    function_words: frozenset[str]
    own: frozenset[str] = frozenset()  # "nach eigenen Angaben": the subject reports itself
    # a statement named as the source ("the statement said", "йдеться у повідомленні"): the
    # speaker named before it speaks (word prefixes)
    statements: tuple[str, ...] = ()
    # a headline's one-word place before a colon speaks ("Russland: 5 Tote …"); false where the
    # press uses "Pays : …" as a rubric
    colon_place_speaks: bool = False
    # possessive pronouns inside a prep cue ("по его словам", "за його словами"): the last
    # named person (or group) before them speaks
    possessives: dict[str, str] = dataclasses.field(default_factory=dict)
    # an official named with one of these words speaks as military (word prefixes), unless the
    # phrase also names a civil body (``civil_bodies``, word prefixes)
    military_words: tuple[str, ...] = ()
    civil_bodies: tuple[str, ...] = ()
    # a verification verb (word prefixes) with a negation (exact words) a few words before it:
    # the author's caveat that a claim could not be checked
    verify_words: tuple[str, ...] = ()
    verify_negators: frozenset[str] = frozenset()
    verify_negation_after: bool = False  # the negation may also follow ("проверить не удалось")
    # a caveat whose words name every side ("reports from either side", "обеих сторон"): it
    # holds for every attributed claim of the passage (lower-case phrases)
    verify_all: tuple[str, ...] = ()
    spokesperson_words: tuple[str, ...] = ()  # a bare spokesperson speaks for the last body
    impersonal_places: frozenset[str] = frozenset()  # "У Росії заявили": unnamed, in Russia
    # a body named by a generic noun ("the organisation", "l'ONG", "la misión", "die Gruppe"):
    # the last body named before it speaks (word prefixes)
    body_anaphors: tuple[str, ...] = ()
    # an anonymous source ("a military source", "fonti militari", "джерело в СБУ") is
    # ``unnamed`` whatever body it sits in (word prefixes; ``anonymous_suffixes``: the end of a
    # compound, "Sicherheitsquellen", "Regierungskreise")
    anonymous: tuple[str, ...] = ()
    anonymous_suffixes: tuple[str, ...] = ()
    # time phrases placing a clause before the reported events ("last month", "в прошлом
    # году", "seit 2014"; lower-case regular expressions): background in the author's voice
    earlier_times: tuple[str, ...] = ()
    # nouns for an official of a body ("official", "responsable", "Vertreter"; word prefixes):
    # with the pack's role words, they speak for the body their phrase names
    officials: tuple[str, ...] = ()
    # indefinite determiners ("a", "ein", "un"): "a witness said", "un habitant" is one unnamed
    # interviewee, who keeps no name (claims-v1)
    interviewees: frozenset[str] = frozenset()
    # dative determiners ("dem", "den"): the phrase they open right before a verb-final cue is
    # its addressee ("Die Armee habe den Bewohnern mitgeteilt"), the speaker stands before it
    datives: frozenset[str] = frozenset()
    # "the same source" ("la stessa fonte", "тот же источник"; lower-case phrases): the source
    # told just before speaks again (nlp/source_documents.py)
    same_source: tuple[str, ...] = ()
    # hedge adverbs of the writer's own voice ("offenbar", "apparently", "al parecer", "якобы";
    # lower-case phrases among the ``adverb`` cues): reported, but no one else speaks — the
    # source stays the author (annotating-claims), unlike "Berichten zufolge" (unnamed reports)
    author_hedges: frozenset[str] = frozenset()
    # openings of a sentence that only names the source of what came before ("Про це
    # повідомив …", "Об этом сообщил …", "Das teilte … mit"; lower-case phrases): the sentence
    # is a source-after sentence however far its cue stands (nlp/attribution_forward.py)
    told_this: tuple[str, ...] = ()
    # the body that issued a statement follows its noun in the genitive, with no link word
    # ("заявление местного комитета", "у заяві міністерства"; nlp/source_documents.py)
    genitive_bodies: bool = False
    # endings of a participle speech cue after a comma ("…, adding that", "…, ajoutant que",
    # "…, добавив, что"): it shares the subject that opens the sentence
    participle_endings: tuple[str, ...] = ()
    gerund_markers: frozenset[str] = frozenset()  # "…, en précisant que …": before a participle
    # endings of a speech verb in the singular where the language has no articles
    # ("розповів", "рассказала"): a bare common noun before it is one unnamed interviewee
    singular_cue_endings: tuple[str, ...] = ()
    # prepositions that open a body's view ("Per l'esercito, …", "Pour l'armée, …"):
    # nlp/attribution_opinion.py
    opinion_preps: frozenset[str] = frozenset()
    # prepositions that link a body's name to its remit ("обсерватория по правам человека",
    # "штаб з питань …") where ``np_links`` has none: a word of the remit right before a
    # verb belongs to the body, which speaks
    complement_links: frozenset[str] = frozenset()
    # civil titles built on a military word ("attorney general", "housing officer",
    # "procureur général", "генпрокурор"; lower-case word-prefix phrases): not the army's
    civil_titles: tuple[str, ...] = ()
    # newspaper head words closing ("Kyiv Post", "Süddeutsche Zeitung") or opening ("Corriere
    # della Sera", "Diario de Sevilla") a capitalised name: the name is a media outlet
    masthead_last: frozenset[str] = frozenset()
    masthead_first: frozenset[str] = frozenset()
    # words never part of a source's name: sentence and time adverbs, auxiliaries ("Earlier",
    # "Поначалу", "Zuvor", "was"); trimmed off the ends of a name taken from the phrase
    name_junk: frozenset[str] = frozenset()
    # anaphor objects right after a speech verb ("X said this in a post", "teilte dies mit",
    # "сообщил об этом", "повідомив про це"): the sentence only names the source of what came
    # before (nlp/attribution_forward.py), like an opening ``told_this``
    told_objects: frozenset[str] = frozenset()
    # the ``cue_adverbs`` of several words ("pour sa part", "в свою очередь"), as word tuples
    adverb_phrases: tuple[tuple[str, ...], ...] = ()
    # pictures that show what a sentence reports (nlp/attribution_visuals.py): picture nouns
    # (word prefixes), showing verbs (words) and the words before their publisher ("by")
    visuals: tuple[str, ...] = ()
    show_verbs: frozenset[str] = frozenset()
    visual_agents: frozenset[str] = frozenset()
    # a passive speech verb and its agent ("was confirmed by", "wurde vom … bestätigt"):
    # auxiliaries and agent words (nlp/attribution_passive.py)
    passive_aux: frozenset[str] = frozenset()
    passive_agents: frozenset[str] = frozenset()

    def skip_adverbs(self, toks: Sequence[Token], j: int, lo: int, hi: int, step: int) -> int:
        """The first token from ``j`` (walking by ``step``, +1 or -1, within ``[lo, hi)``) that
        is not part of a ``cue_adverbs`` word or phrase ("The ministry *in turn* said", "Das
        Ministerium *hingegen* teilte mit", "Минобороны *в свою очередь* сообщило")."""
        while lo <= j < hi:
            if toks[j].lower in self.cue_adverbs:
                j += step
                continue
            for words in self.adverb_phrases:
                n = len(words)
                a = j if step > 0 else j - n + 1
                if (
                    a >= lo
                    and a + n <= hi
                    and all(toks[a + i].lower == w for i, w in enumerate(words))
                ):
                    j += step * n
                    break
            else:
                return j
        return j


def _set(table: dict[str, object], key: str) -> frozenset[str]:
    value = table.get(key, [])
    if not isinstance(value, list):
        return frozenset()
    return frozenset(norm(str(v)) for v in value)


def _map(table: dict[str, object], key: str) -> dict[str, str]:
    raw = table.get(key, {})
    return {norm(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


@lru_cache(maxsize=16)
def lexicon(lang: str) -> AttributionLexicon:
    """The ``[attribution]`` table of the shipped pack for ``lang`` (empty when absent)."""
    table: dict[str, object] = read_table(lang, "pack").get("attribution", {})
    raw = table.get("pronouns", {})
    pronouns = {norm(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return AttributionLexicon(
        pronouns,
        _set(table, "reported_mood"),
        _set(table, "complementizers"),
        _set(table, "tail_preps"),
        _set(table, "cue_adverbs"),
        _set(table, "np_links"),
        _set(table, "function_words"),
        _set(table, "own"),
        tuple(sorted(_set(table, "statements"))),
        table.get("colon_place_speaks") is True,
        _map(table, "possessives"),
        tuple(sorted(_set(table, "military_words"))),
        tuple(sorted(_set(table, "civil_bodies"))),
        tuple(sorted(_set(table, "verify_words"))),
        _set(table, "verify_negators"),
        table.get("verify_negation_after") is True,
        tuple(sorted(_set(table, "verify_all"))),
        tuple(sorted(_set(table, "spokesperson_words"))),
        _set(table, "impersonal_places"),
        tuple(sorted(_set(table, "body_anaphors"))),
        tuple(sorted(_set(table, "anonymous"))),
        tuple(sorted(_set(table, "anonymous_suffixes"))),
        tuple(sorted(_set(table, "earlier_times"))),
        tuple(sorted(_set(table, "officials"))),
        _set(table, "interviewees"),
        _set(table, "datives"),
        tuple(sorted(_set(table, "same_source"))),
        _set(table, "author_hedges"),
        tuple(sorted(_set(table, "told_this"))),
        table.get("genitive_bodies") is True,
        tuple(sorted(_set(table, "participle_endings"))),
        _set(table, "gerund_markers"),
        tuple(sorted(_set(table, "singular_cue_endings"))),
        _set(table, "opinion_preps"),
        _set(table, "complement_links"),
        tuple(sorted(_set(table, "civil_titles"))),
        _set(table, "masthead_last"),
        _set(table, "masthead_first"),
        _set(table, "name_junk"),
        _set(table, "told_objects"),
        tuple(sorted(tuple(w.split()) for w in _set(table, "cue_adverbs") if " " in w)),
        tuple(sorted(_set(table, "visuals"))),
        _set(table, "show_verbs"),
        _set(table, "visual_agents"),
        _set(table, "passive_aux"),
        _set(table, "passive_agents"),
    )
