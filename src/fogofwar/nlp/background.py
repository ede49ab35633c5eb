"""Whether an unattributed clause after a source's report continues it or is the author's voice.

annotating-claims: "an unattributed sentence that continues a source's report inherits that
source … Signals: German Konjunktiv I (seien, habe), 'demnach', the same figures re-used …
New facts or background in the indicative are the author's." Two decisions live here:

* :func:`dated_earlier` — "Last month a missile strike on the city's market killed seven
  people", "Bereits im vergangenen Monat hatte …", "В прошлом месяце …", "Dal 2017 il conflitto
  …": a clause that places itself before the reported events is background the author adds.
  The pack's ``[attribution] earlier_times`` lists the time phrases (lower-case regular
  expressions).
* :func:`continues_report` — a scored decision for a clause the rules let inherit the last
  indirect report (a sentence or two back, same or next paragraph): the clause model's
  continuation probability, raised by the text's explicit signals of continued speech (a
  reported-mood word, pack ``[attribution] reported_mood``: "seien", "demnach", "мол",
  "мовляв"; a figure the report already gave; an opener telling one case of the reported
  events, ``instance_openers``: "In einem Fall", "in one case", "в одном случае") and lowered
  when the report lies further back than the sentence before or the sentence opens by turning
  to another thread (``topic_shifts``: "Meanwhile", "Unterdessen", "Тем временем"). Below
  :data:`CONTINUES` the clause is the author's: context, an earlier step of the story, the
  writer's own description of the place or the actors.
* :func:`reminded` — "Нагадаємо, …", "Напомним, …", "Pour rappel, …", "Zur Erinnerung: …": a
  sentence opening with the pack's ``[attribution] reminders`` starts the author's background;
  it and the sentences after it (to the clause) continue no report from before it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import AttributionMention, Clause, Doc
from fogofwar.nlp.matcher import norm
from fogofwar.packs.files import read_table

__all__ = ["CONTINUES", "continuation_score", "continues_report", "dated_earlier", "reminded"]

#: log-odds a clause needs to continue the report before it
CONTINUES = math.log(0.3 / 0.7)
_MOOD = 10.0  # a reported-mood word in the clause: continued speech, whatever the model reads
_FIGURE = 2.0  # a figure the report gave, told again
_INSTANCE = 10.0  # "In one case …": a case of the events reported before
_ELSEWHERE = 2.0  # the clause's places are in other countries than the report's
_SHIFT = 3.0  # "Meanwhile, …": another thread, the author's
_FAR = 0.5  # per sentence beyond the next one
_EPS = 1e-4


@lru_cache(maxsize=16)
def _pattern(lang: str) -> re.Pattern[str] | None:
    times = lexicon(lang).earlier_times
    return re.compile("|".join(f"(?:{t})" for t in times)) if times else None


def dated_earlier(lang: str, clause: str) -> bool:
    """The clause's words place it before the reported events (a time phrase of the pack)."""
    pattern = _pattern(lang)
    return pattern is not None and pattern.search(norm(clause)) is not None


def _mood(doc: Doc, clause: Clause) -> bool:
    words = lexicon(doc.lang).reported_mood
    return bool(words) and any(
        doc.tokens[k].lower in words for k in range(clause.tok_start, clause.tok_end)
    )


def _figure_again(doc: Doc, clause: Clause, report: AttributionMention) -> bool:
    """A head count of the clause that the report's own words gave already."""
    told = {
        (q.low, q.high)
        for q in doc.quantities
        if q.toll
        and report.content.start <= q.span.start < report.content.end
        and (q.low, q.high) != (None, None)
    }
    return any(
        q.toll and (q.low, q.high) in told
        for q in doc.quantities
        if clause.tok_start <= q.tok_start < clause.tok_end
    )


def _countries(doc: Doc, spans: list[Span]) -> set[str]:
    return {
        p.location.country
        for p in doc.places
        if p.location is not None
        and p.location.country
        and p.names_a_site
        and any(s.start <= p.span.start < s.end for s in spans)
    }


def _elsewhere(doc: Doc, clause: Clause, report: AttributionMention) -> bool:
    """The clause's places lie only in countries the report (its words and its speaker) never
    names: another story ("Тем временем на севере Нигерии …" after a governor in Kharkiv)."""
    here = _countries(doc, [clause.span])
    there = _countries(doc, [s for s in (report.content, report.source) if s is not None])
    return bool(here) and bool(there) and not here & there


def _sentence_of(doc: Doc, offset: int) -> int:
    last = 0
    for i, s in enumerate(doc.sentences):
        if s.span.start > offset:
            break
        last = i
    return last


@lru_cache(maxsize=32)
def _openers(lang: str, key: str) -> tuple[str, ...]:
    table = read_table(lang, "pack").get("attribution", {})
    return tuple(norm(str(w)) for w in table.get(key, []))


def _opens(doc: Doc, clause: Clause, key: str) -> bool:
    """The clause's sentence opens with a phrase of the pack's ``[attribution] key`` list."""
    return bool(_openers(doc.lang, key)) and _opens_sentence(doc, clause.sentence, key)


def continuation_score(
    doc: Doc, clause: Clause, report: AttributionMention, sourced: float
) -> float:
    """Log-odds that ``clause`` continues ``report`` (an indirect report before it), from the
    clause model's continuation probability ``sourced`` and the text's own signals."""
    p = min(1 - _EPS, max(_EPS, sourced))
    score = math.log(p / (1 - p))
    if _mood(doc, clause):
        score += _MOOD
    if _figure_again(doc, clause, report):
        score += _FIGURE
    if _opens(doc, clause, "instance_openers"):  # "In einem Fall …", "В одном случае …"
        score += _INSTANCE
    if _opens(doc, clause, "topic_shifts"):  # "Meanwhile, …", "Unterdessen …", "Тем временем"
        score -= _SHIFT
    if _elsewhere(doc, clause, report):
        score -= _ELSEWHERE
    gap = clause.sentence - _sentence_of(doc, max(report.content.start, report.content.end - 1))
    return score - _FAR * max(0, gap - 1)


def continues_report(doc: Doc, clause: Clause, report: AttributionMention, sourced: float) -> bool:
    """``clause`` goes on with ``report``: :func:`continuation_score` reaches
    :data:`CONTINUES`."""
    return continuation_score(doc, clause, report, sourced) >= CONTINUES


def reminded(doc: Doc, clause: Clause, report: AttributionMention) -> bool:
    """A sentence from the one after ``report``'s content up to ``clause``'s own opens with a
    reminder ("Нагадаємо, що …", "As a reminder, …"): the clause is background the author
    recalls, not more of the report."""
    if not _openers(doc.lang, "reminders"):
        return False
    first = _sentence_of(doc, max(report.content.start, report.content.end - 1)) + 1
    return any(_opens_sentence(doc, k, "reminders") for k in range(first, clause.sentence + 1))


def _opens_sentence(doc: Doc, k: int, key: str) -> bool:
    sent = doc.sentences[k].span
    return norm(doc.text[sent.start : sent.end].lstrip()).startswith(_openers(doc.lang, key))
