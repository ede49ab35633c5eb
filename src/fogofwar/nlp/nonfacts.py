"""Clauses that carry conflict words but assert no conflict fact (annotating-claims: analysis
and opinion, counterfactuals and the author's predictions are no claims).

* A **question** ("Who fired the missile?", "До чого тут обстріл АЕС?") asks, it does not
  assert: a clause of a sentence (or headline) that ends in a question mark gives no claim
  (:func:`interrogative`).
* A **counterfactual** ("If the court had not suspended the ruling, …", "Если бы не ПВО,
  ракета попала бы в дом", "Якби …", "si la policía hubiera tenido …") tells what did not
  happen: a clause of a sentence holding a counterfactual marker of the pack (``[text]
  counterfactual_markers``: only unambiguous irrealis protases and perfect conditionals, not
  the reportative conditional "aurait tué", "habrían muerto" nor German "hätten", which
  report) gives no claim (:func:`counterfactual`).
* A clause in the **irrealis mood** of a language that marks it with a particle (Russian
  "бы", Ukrainian "б"/"би": "его просто уничтожили бы", "могли б обстріляти", "будто бы мы
  вошли в город"; the pack's ``[text] irrealis_particles``, empty where the mood is a verb
  form that also reports) tells what would be, not what was (:func:`irrealis`).
* An event word whose **theme is a thing, not people or forces** ("a court arrested the
  company's assets", "арешт майна", "sent a letter to the council", "направив лист",
  "викрали дані"; the pack's ``[text] inanimate_themes``) names no arrest or deployment
  (:func:`inanimate_theme`).
* **Long-past history** ("In 2008 the two countries fought a five-day war", "В 2015 году
  боевики захватили Дебальцево") in an article about later events: a body clause whose every
  date lies :data:`LONG_PAST` or more years before the article's time (its publication date,
  else the latest date it names) gives no claim (:func:`long_past`).
  A named past war counts as its last year ("im Zweiten Weltkrieg zerstört", "during the
  Second World War": :mod:`~fogofwar.nlp.eras`).
* A **game**, not a fight ("Shakhtar destroyed Dynamo 4-0 in the derby", "Спартак разгромил
  ЦСКА со счетом 3:0"): a clause holding a sports word of the pack (``[text] sports_words``)
  gives no claim (:func:`sport`).
* A dispatch whose theme is a **message** ("sent a letter to the Security Council",
  "направив ноту протесту"; the pack's ``[text] message_themes``) is a diplomatic act: kind
  ``diplomacy``, not ``deployment`` (:func:`message_kind`).
* Harm done to an **abstraction** ("sanctions hit the Russian economy", "удар по
  репутації", "frappe l'économie"; the pack's ``[text] figurative_targets``) is no attack
  (:func:`figurative_harm`).

* A **bare prediction** ("the talks could have two outcomes", "sanctions will be received in
  Moscow with a smile", "a test of the system will be run in May"): a clause the clause model
  alone reads as a claim — not one event word of the pack in it — and whose claim is only
  possible, planned or future is a forecast, not news (:func:`bare_prediction`; a plan told
  with an event word, "планував теракт", "will release three hostages", or along a front
  line, "планує просуватися на трьох напрямках", stays a claim).

* **Who lives or stays somewhere** ("about 260,000 people still lived in the city",
  "Nyanzale ospitava 80.000 abitanti"), in a clause without event words, is the setting of
  the story (:func:`~fogofwar.nlp.residence.residence`).

* **How an air attack was met** ("Der Angriff wurde von Luftwaffe, Raketeneinheiten und
  mobilen Trupps abgewehrt", "Повітряний напад відбивали авіація, зенітні ракетні війська,
  підрозділи РЕБ і мобільні вогневі групи"): past the lead, a clause without a figure that
  lists two or more defence means of the pack (``[text] defence_means``) tells how a reported
  attack was met — the attack and its figures are the claim (:func:`defence_means`).

Each test reads one clause of :mod:`~fogofwar.nlp.clause_view`; an event word without
such a theme keeps its clause's claim ("detained two men and seized their documents").
"""

from __future__ import annotations

import re
from functools import lru_cache

from fogofwar.claim import Certainty, ClaimKind
from fogofwar.model import DatePrecision
from fogofwar.nlp.clause_view import LEXICAL_NAMES, ClauseView
from fogofwar.nlp.doc import Clause, Doc
from fogofwar.nlp.eras import era_years
from fogofwar.nlp.matcher import Match, PhraseMatcher, Token
from fogofwar.nlp.place_nouns import names_front_area
from fogofwar.nlp.residence import residence
from fogofwar.packs import LanguagePack, Trigger
from fogofwar.packs.files import read_table

__all__ = [
    "LONG_PAST",
    "bare_prediction",
    "counterfactual",
    "defence_means",
    "figurative_harm",
    "inanimate_theme",
    "interrogative",
    "irrealis",
    "long_past",
    "message_kind",
    "no_fact",
    "sport",
]

_QUANTITY = LEXICAL_NAMES.index("has_quantity")
#: years before the article's time from which a dated clause is history, not news
LONG_PAST = 2
#: the time of a text that names no year and has no publication date (a named past war in it
#: is still history: nlp/eras.py)
UNDATED_YEAR = 2000
#: words before a year where a "since" word makes it run to now ("since the start of the war
#: in February 2022")
SINCE_WINDOW = 8
_CLOSERS = "\"'»“”’)]›… \n\t"
#: words after an event word where its object stands ("arrested | the company's | assets")
THEME_WINDOW = 3
_YEAR = re.compile(r"(1[89]|20)\d\d")
#: words before it where a passive's subject stands ("assets | were | seized")
THEME_BEFORE = 2
_THEMED = frozenset({ClaimKind.ARREST, ClaimKind.DEPLOYMENT})
_HARM = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH, ClaimKind.CASUALTIES})


def interrogative(doc: Doc, clause: Clause) -> bool:
    """The clause's sentence ends in a question mark (closing quotes and brackets aside)."""
    sent = doc.sentences[clause.sentence].span
    return doc.text[sent.start : sent.end].rstrip(_CLOSERS).endswith(("?", "？", ";?"))


def counterfactual(doc: Doc, pack: LanguagePack, clause: Clause) -> bool:
    """The clause's sentence holds a counterfactual marker of the pack ("если бы", "якби",
    "if it had not been", "wäre … gewesen", "si … hubiera", "se … avesse")."""
    sent = doc.sentences[clause.sentence]
    return pack.counterfactual.any_in(doc.tokens, sent.tok_start, sent.tok_end)


def irrealis(doc: Doc, pack: LanguagePack, clause: Clause) -> bool:
    """The clause holds an irrealis particle of the pack ("бы", "би")."""
    return pack.irrealis.any_in(doc.tokens, clause.tok_start, clause.tok_end)


def sport(doc: Doc, pack: LanguagePack, clause: Clause) -> bool:
    """The clause holds a sports word of the pack ("scored", "derby", "счетом")."""
    return pack.sports.any_in(doc.tokens, clause.tok_start, clause.tok_end)


def long_past(doc: Doc, pack: LanguagePack, clause: Clause) -> bool:
    """A body clause set in a year :data:`LONG_PAST` or more years before the article's time
    (its publication year, else the latest year the text names): a year after a year
    preposition of the pack ("in 2008", "в 2015 году", "im Jahr 2014") or a month, or opening
    its sentence ("2014 annektierte Russland …"). A year a few words after "since" ("seit 2014",
    "з 2014 року", "since the start of the war in 2014") runs to now; a later date or a date
    of no year is news: the clause stays."""
    if doc.headline:
        return False
    years = _years(doc, pack, clause)
    if not years or None in years:
        return False
    now = doc.published.year if doc.published is not None else _latest_year(doc)
    inside = [d for d in doc.dates if clause.span.start <= d.span.start < clause.span.end]
    if any(
        d.precision == DatePrecision.BEFORE_PUBLICATION or d.end.year > now - LONG_PAST
        for d in inside
    ):
        return False
    return all(y is not None and y <= now - LONG_PAST for y in years)


def _year(tok: Token) -> int | None:
    return int(tok.text) if _YEAR.fullmatch(tok.text) else None


def _latest_year(doc: Doc) -> int:
    years = [y for t in doc.tokens if (y := _year(t)) is not None]
    return max([*years, *(d.end.year for d in doc.dates)], default=UNDATED_YEAR)


def _years(doc: Doc, pack: LanguagePack, clause: Clause) -> list[int | None]:
    """The years the clause is set in (None for one after "since"); years that only qualify
    a noun ("the 2016 peace deal") are left out."""
    toks = doc.tokens
    start = doc.sentences[clause.sentence].tok_start
    out: list[int | None] = []
    for k in range(clause.tok_start, clause.tok_end):
        year = _year(toks[k])
        if year is None:
            continue
        before = [j for j in range(k - 1, start - 1, -1) if toks[j].is_word][:SINCE_WINDOW]
        prev = before[0] if before else None
        if any(toks[j].lower in pack.since for j in before if j >= clause.tok_start):
            out.append(None)  # "з 2022 року", "від початку кризи в квітні 2014 року"
        elif prev is None:
            out.append(year)  # "2014 annektierte Russland die Krim"
        elif pack.year_prepositions.match_at(toks, prev, k) is not None or _month(pack, toks, prev):
            out.append(year)
    return out + era_years(doc, pack, clause, SINCE_WINDOW)


def _month(pack: LanguagePack, toks: tuple[Token, ...], k: int) -> bool:
    m = pack.dates.match_at(toks, k, k + 1)
    return m is not None and m.payload.kind == "month"


def _near(
    tokens: tuple[Token, ...], words: PhraseMatcher[None], m: Match[Trigger], clause: Clause
) -> bool:
    """A word of ``words`` stands within :data:`THEME_WINDOW` words after the event word
    ``m`` or :data:`THEME_BEFORE` words before it, inside the clause."""
    after = _word_positions(tokens, m.end, clause.tok_end, THEME_WINDOW)
    before = _word_positions(tokens, clause.tok_start, m.start, THEME_BEFORE, backwards=True)
    return any(words.match_at(tokens, k, clause.tok_end) is not None for k in after + before)


def _word_positions(
    tokens: tuple[Token, ...], lo: int, hi: int, n: int, *, backwards: bool = False
) -> list[int]:
    ks = range(hi - 1, lo - 1, -1) if backwards else range(lo, hi)
    out: list[int] = []
    for k in ks:
        if tokens[k].text in {",", ";", ":", ".", "—", "–"}:
            break  # the object stands in the event word's own phrase
        if tokens[k].is_word:
            out.append(k)
            if len(out) == n:
                break
    return out


def _kind_words(view: ClauseView, kinds: frozenset[ClaimKind]) -> list[Match[Trigger]]:
    return [m for m in (view.events or view.every) if m.payload.kind in kinds]


def inanimate_theme(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> bool:
    """An arrest or deployment whose every event word of that kind has a thing for theme
    ("arrested assets", "sent a letter"; a figure then counts the things or their owners:
    "активы трёх компаний")."""
    if kind not in _THEMED:
        return False
    words = _kind_words(view, frozenset({kind}))
    themes = pack.inanimate_themes
    return bool(words) and all(_near(doc.tokens, themes, m, view.clause) for m in words)


def message_kind(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> ClaimKind:
    """``diplomacy`` for a deployment whose every dispatch word sends a message ("sent a
    letter", "направив ноту"), else ``kind``."""
    if kind != ClaimKind.DEPLOYMENT:
        return kind
    words = _kind_words(view, frozenset({kind}))
    themes = pack.message_themes
    if words and all(_near(doc.tokens, themes, m, view.clause) for m in words):
        return ClaimKind.DIPLOMACY
    return kind


def figurative_harm(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> bool:
    """An attack, clash or toll whose every event word strikes an abstraction ("hit the
    economy", "удар по репутації"), in a clause without a figure."""
    if kind not in _HARM or view.lexical[_QUANTITY]:
        return False
    words = _kind_words(view, _HARM)
    targets = pack.figurative_targets
    return bool(words) and all(_near(doc.tokens, targets, m, view.clause) for m in words)


def bare_prediction(doc: Doc, view: ClauseView, kind: ClaimKind, certainty: Certainty) -> bool:
    """A hypothetical claim the clause model alone reads, of a kind no event word of the
    clause has ("у встречи могут быть два итога" read as a toll), in a sentence that names no
    front-line area (a plan "to advance on three directions" is military)."""
    if certainty != Certainty.HYPOTHETICAL or view.rule_kind is not None:
        return False
    if any(m.payload.kind == kind for m in view.every):
        return False
    sent = doc.sentences[view.clause.sentence]
    return not names_front_area(doc, sent.tok_start, sent.tok_end)


#: defence means a clause lists when it tells how an attack was met
MEANS_LISTED = 2


@lru_cache(maxsize=16)
def _means(lang: str) -> PhraseMatcher[None]:
    text = read_table(lang, "pack").get("text", {})
    words = text.get("defence_means", []) if isinstance(text, dict) else []
    return PhraseMatcher((str(w), None) for w in words)


def defence_means(doc: Doc, view: ClauseView) -> bool:
    """A body clause past the first sentence, without a figure, that lists at least
    :data:`MEANS_LISTED` defence means of the pack ("aviation, anti-aircraft missile units and
    mobile fire groups")."""
    c = view.clause
    if doc.headline or c.sentence == 0 or view.lexical[_QUANTITY]:
        return False
    found = {(m.start, m.end) for m in _means(doc.lang).find(doc.tokens, c.tok_start, c.tok_end)}
    return len(found) >= MEANS_LISTED


def no_fact(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> bool:
    """The clause asserts no conflict fact: a question, a counterfactual or irrealis, long-past
    history, a game, an arrest or deployment of things, harm done to an abstraction, who lives
    or stays somewhere (:func:`~fogofwar.nlp.residence.residence`), how an attack was met
    (:func:`defence_means`)."""
    return (
        interrogative(doc, view.clause)
        or counterfactual(doc, pack, view.clause)
        or irrealis(doc, pack, view.clause)
        or long_past(doc, pack, view.clause)
        or sport(doc, pack, view.clause)
        or inanimate_theme(doc, pack, view, kind)
        or figurative_harm(doc, pack, view, kind)
        or residence(doc, view)  # "500 people were staying in the village": the setting
        or defence_means(doc, view)  # "repelled by aviation, air defence and EW units"
    )
