"""Titles and names whose words mislead the source kind.

* :func:`civil_title_kind` — a civil title built on a military word ("Attorney General",
  "housing officer", "procureur général", "генпрокурор") is no military source: it speaks as
  the body its phrase names, else as government;
* :func:`witness_body_kind` — the people of a hospital ("hospital officials", "Direktor des
  Krankenhauses", "представители больницы") or of a company ("a spokesman for the company")
  speak as witnesses, not as the government their title suggests;
* :func:`official_report_kind` — "official figures", "offiziellen Angaben", "datos oficiales",
  "официальные данные": a report called official is the authorities' word (government), not
  an unnamed report;
* :func:`party_kind` — a political party ("the Fiji Labour Party", "die Partei", "Демократична
  партія") speaks as government (claims-v1: parties and opposition bodies);
* :func:`masthead` — a capitalised name closed ("Kyiv Post", "Süddeutsche Zeitung") or opened
  ("Corriere della Sera", "Diario de Sevilla") by a newspaper head word is a media outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.source_epithets import company_noun
from fogofwar.packs.files import read_table

__all__ = [
    "civil_title_kind",
    "masthead",
    "official_report_kind",
    "party_kind",
    "witness_body_kind",
]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LINK_LETTERS = 5  # a lower-case link inside a name ("della", "de", "du", "of")
_ARTICLE = 3  # letters of an article before a name of three or more words ("Il", "La")
_KEPT = frozenset({SourceKind.MILITARY, SourceKind.UNNAMED})


def _flat(text: str) -> str:
    """Lower-case words joined by single spaces, hyphens read as spaces."""
    return " ".join(text.casefold().replace("-", " ").split())


def civil_title_kind(doc: Doc, src: Span, kind: SourceKind) -> SourceKind:
    """A military ``kind`` read off a civil title's military word ("general", "officer";
    pack ``civil_titles``) is the kind of the body the phrase names, else government — unless
    the phrase names a military body ("the army's press officer")."""
    titles = lexicon(doc.lang).civil_titles
    if kind != SourceKind.MILITARY or not titles:
        return kind
    words = f" {_flat(src.slice(doc.text))}"
    if not any(f" {_flat(t)}" in words for t in titles):
        return kind
    bodies = [
        e.source_kind
        for e in doc.entities
        if e.source_kind is not None
        and e.category != "person"  # a person's kind is their title's: the one in question
        and src.start <= e.span.start
        and e.span.end <= src.end
    ]
    if SourceKind.MILITARY in bodies:
        return kind
    other = [k for k in bodies if k not in _KEPT]
    return other[0] if other else SourceKind.GOVERNMENT


def masthead(doc: Doc, src: Span) -> bool:
    """The source phrase is a capitalised name of two or more words (after an article) whose
    last word (pack ``masthead_last``: "Times", "Zeitung") or first word (``masthead_first``:
    "Corriere", "Diario") is a newspaper head word: a media outlet."""
    lex = lexicon(doc.lang)
    if not lex.masthead_last and not lex.masthead_first:
        return False
    words = _WORD.findall(src.slice(doc.text))
    while words and (
        words[0].casefold() in lex.function_words or (len(words[0]) <= _ARTICLE < len(words))
    ):
        words = words[1:]  # "The", "Die", "Il"
    words = [w.split("'")[-1].split("’")[-1] for w in words]  # "L'Eco" → "Eco"
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    if any(not w[:1].isupper() and len(w) > _LINK_LETTERS for w in words):
        return False
    return words[-1].casefold() in lex.masthead_last or words[0].casefold() in lex.masthead_first


@lru_cache(maxsize=16)
def _hospital_words(lang: str) -> tuple[str, ...]:
    """The pack's ``hospital_words`` (``[attribution]``): word parts naming a hospital."""
    table = read_table(lang, "pack").get("attribution", {})
    raw = table.get("hospital_words", ()) if isinstance(table, dict) else ()
    return tuple(str(w).casefold() for w in raw)


#: kinds a hospital's or company's people get from their title ("officials", "представители")
_TITLE_GUESS = frozenset({SourceKind.GOVERNMENT, SourceKind.EXPERT, SourceKind.MEDIA})


def witness_body_kind(doc: Doc, src: Span, kind: SourceKind) -> SourceKind:
    """A source phrase that names a hospital ("hospital officials", "der Direktor des
    Nasser-Krankenhauses", "responsables hospitaliers", "представители больницы") or a company
    ("a spokesman for the company", "представитель компании", "portavoz de la empresa") speaks
    as witness (claims-v1: medics, hospital directors, spokespeople of an affected company),
    not as the government or expert its title suggests; a health ministry names no hospital,
    and a body the registry knows ("private military company Wagner") keeps its own kind."""
    if kind not in _TITLE_GUESS:
        return kind
    text = src.slice(doc.text).casefold()
    if any(w in text for w in _hospital_words(doc.lang)):
        return SourceKind.WITNESS
    bodies = {
        e.source_kind
        for e in doc.entities
        if e.source_kind is not None
        and e.category == "actor"
        and e.actor_kind != "civilians"  # "military-civilian administration": no body
        and src.start <= e.span.start
        and e.span.end <= src.end
    }
    if bodies:  # "a Naftogaz spokesman": the company the registry knows; "ЧВК «Вагнер»": its own
        return SourceKind.WITNESS if bodies == {SourceKind.WITNESS} else kind
    words = [w.split("'")[-1].split("’")[-1] for w in _WORD.findall(text)]  # "l'entreprise"
    if not any(company_noun(doc.lang, w) for w in words):
        return kind
    if any(w.startswith(lexicon(doc.lang).military_words) for w in words):
        return kind  # "a private military company": an armed group, not an affected firm
    return SourceKind.WITNESS


@lru_cache(maxsize=16)
def _official_words(lang: str) -> tuple[str, ...]:
    """The pack's ``official_words`` (``[attribution]``): word parts of an "official" adjective."""
    table = read_table(lang, "pack").get("attribution", {})
    raw = table.get("official_words", ()) if isinstance(table, dict) else ()
    return tuple(str(w).casefold() for w in raw)


def official_report_kind(doc: Doc, src: Span, kind: SourceKind) -> SourceKind:
    """An unnamed report that the source phrase calls official ("according to official
    figures", "nach offiziellen Angaben", "según datos oficiales", "по официальным данным") is
    the authorities' word: government (claims-v1), not an unnamed report."""
    words = _official_words(doc.lang)
    if kind != SourceKind.UNNAMED or not words:
        return kind
    found = [w.casefold() for w in _WORD.findall(src.slice(doc.text))]
    return SourceKind.GOVERNMENT if any(w.startswith(words) for w in found) else kind


@lru_cache(maxsize=16)
def _party_words(lang: str) -> tuple[str, ...]:
    """The pack's ``party_words`` (``[attribution]``): a political party's head noun."""
    table = read_table(lang, "pack").get("attribution", {})
    raw = table.get("party_words", ()) if isinstance(table, dict) else ()
    return tuple(str(w).casefold() for w in raw)


_COMPOUNDS = frozenset({"de"})  # a German party noun may end a compound ("Oppositionspartei")
_PARTY_GUESS = frozenset(
    {SourceKind.MILITARY, SourceKind.WITNESS, SourceKind.UNNAMED, SourceKind.EXPERT}
)


def party_kind(doc: Doc, src: Span, kind: SourceKind) -> SourceKind:
    """A source phrase headed by a party noun ("the National Democratic Party", "die Partei",
    "Демократична партія") speaks as government (claims-v1: parties), not as the military,
    witness or expert the model guesses for a name it does not know — unless a registry body
    in the phrase gives another kind (an armed group named a party, "Kurdistan Workers' Party")."""
    parties = _party_words(doc.lang)
    if kind not in _PARTY_GUESS or not parties:
        return kind
    if any(
        e.normalized is not None
        and e.source_kind is not None
        and e.source_kind != SourceKind.GOVERNMENT
        and src.start <= e.span.start
        and e.span.end <= src.end
        for e in doc.entities
    ):
        return kind
    words = [w.casefold() for w in _WORD.findall(src.slice(doc.text))]
    if doc.lang in _COMPOUNDS:
        hit = any(w.endswith(parties) for w in words)
    else:
        hit = any(w in parties for w in words)
    return SourceKind.GOVERNMENT if hit else kind
