"""One proposition × one source is one claim: restatements and tolls folded in.

claims-v1: "An attack or clash and its toll said by the same source in the same stretch of
text are **one** claim". :func:`merge_restatements` folds a claim that restates the previous
claim of the same named source, and a toll told apart into its source's attack;
:func:`fold_zero_tolls` gives an attack the "no one was hurt" said right after it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable

from fogofwar.claim import COUNT_FIELDS, Certainty, Claim, ClaimKind, Counts, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.caveats import same_name
from fogofwar.nlp.doc import Doc

__all__ = [
    "RESTATE_CHARS",
    "drop_verbatim_repeats",
    "drop_victim_details",
    "fold_zero_tolls",
    "merge_restatements",
    "same_source",
    "sentence_of",
]

_TOLL_OF = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})
RESTATE_CHARS = 400
# sentences after its event a toll told apart still belongs to it: the next one ("…, he said.
# Ten people were killed, he added"); a toll further on is reported apart (annotating-claims)
TOLL_SENTENCES = 1
# sentences after a claim a claim of its kind may restate it: only its own sentence ("… shelled
# Avdiivka: a school was damaged"); a later sentence of the same source tells another fact of
# that kind — damage, a second target, the drones downed — a claim of its own
SAME_SENTENCES = 0


def same_source(a: Claim, b: Claim) -> bool:
    """Both claims speak for the same named source (never the author's voice)."""
    sa, sb = a.source, b.source
    if sa.kind != sb.kind or sa.kind == SourceKind.AUTHOR:
        return False
    return same_name(sa.name or "", sb.name or "")


_NOT_TOLLS = ("arrested", "missing", "displaced")


def _n_counts(c: Claim) -> int:
    return sum(getattr(c.counts, n) is not None for n in COUNT_FIELDS)


def _new_figure(prev: Claim, c: Claim) -> bool:
    """``c`` gives a count ``prev`` also gives, with other bounds: an update, its own claim."""
    for name in COUNT_FIELDS:
        a, b = getattr(prev.counts, name), getattr(c.counts, name)
        if a is not None and b is not None and (a.low, a.high) != (b.low, b.high):
            return True
    return False


def _place(c: Claim) -> str | None:
    return c.location.name if c.location is not None else None


def _is_toll(prev: Claim, c: Claim) -> bool:
    """``c`` and ``prev`` are an event and its toll: a casualties claim after an attack or
    clash, or an attack or clash after a casualties claim (both in one sentence, checked by
    the caller). People missing, held or displaced are no toll."""
    toll = c if c.kind == ClaimKind.CASUALTIES else prev
    if any(getattr(toll.counts, n) is not None for n in _NOT_TOLLS):
        return False  # people missing, held or displaced: news of their own
    if c.kind == ClaimKind.CASUALTIES:
        return prev.kind in _TOLL_OF
    return c.kind in _TOLL_OF and prev.kind == ClaimKind.CASUALTIES


def _complements(prev: Claim, c: Claim) -> bool:
    """Two casualty reports, the later giving only figures the first lacks ("… 187 killed.
    Another 312 were injured, it said"): the two halves of one toll."""
    given = {n for n in COUNT_FIELDS if getattr(prev.counts, n) is not None}
    added = {n for n in COUNT_FIELDS if getattr(c.counts, n) is not None}
    return (
        prev.kind == c.kind == ClaimKind.CASUALTIES
        and bool(given)
        and bool(added)
        and not given & added
    )


def _restates(prev: Claim, c: Claim, *, last: bool, sentences: int, colon: bool = False) -> bool:
    """``c`` restates ``prev`` (``last``: ``prev`` is the claim right before it).

    * The same kind (or a casualty report of its attack or clash), right after it in the same
      sentence (:data:`SAME_SENTENCES`), by the same named source at the same place.
    * A toll or casualty detail (:func:`_is_toll`) of the latest claim of the same named
      source up to :data:`TOLL_SENTENCES` on, at its place or at none of its own ("Three of
      the injured were taken to hospital, the mayor said"); or the event right after its toll
      in the same sentence.
    * The other half of the toll right before it, by the same named source, at its place or
      at none of its own (:func:`_complements`), up to :data:`TOLL_SENTENCES` on.
    * In the author's voice only an attack or clash and its toll told in one sentence of the
      body ("A missile hit the depot; two guards were killed"), or in a headline after the
      event's colon (``colon``: "Frappe russe avec un drone : deux morts, trois blessés"),
      with the same certainty ("…: over 100 feared dead" hedges the toll alone). A toll after
      a dash is news of its own ("32 Drohnen abgewehrt – mehrere Tote").

    Never a new figure for a count both give, and both denied or neither."""
    if prev.in_headline != c.in_headline or prev.span is None or c.span is None:
        return False
    if not 0 <= c.span.start - prev.span.end <= RESTATE_CHARS:
        return False
    if _new_figure(prev, c) or (prev.certainty == Certainty.DENIED) != (
        c.certainty == Certainty.DENIED
    ):
        return False
    toll = _is_toll(prev, c) and (c.location is None or _place(prev) == _place(c))
    if prev.source.kind == SourceKind.AUTHOR == c.source.kind:
        if c.in_headline:  # the place after the toll is the event's too ("… : deux morts
            # dans l'ouest de l'Ukraine")
            return last and colon and _is_toll(prev, c) and prev.certainty == c.certainty
        return last and sentences == 0 and toll
    if not same_source(prev, c):
        return False
    # right after it at the same place: the same kind, or any casualty report of its attack
    told = c.kind == prev.kind or (c.kind == ClaimKind.CASUALTIES and prev.kind in _TOLL_OF)
    same = last and told and _place(prev) == _place(c) and sentences <= SAME_SENTENCES
    half = (
        last
        and _complements(prev, c)
        and (c.location is None or _place(prev) == _place(c))
        and sentences <= TOLL_SENTENCES
    )
    # a toll told apart after its event, or an event told right after its toll in one sentence
    # ("100 people died when the militia stormed the village, the committee said")
    reach = TOLL_SENTENCES if c.kind == ClaimKind.CASUALTIES else 0
    return same or half or (toll and sentences <= reach)


def _fold(prev: Claim, c: Claim) -> Claim:
    """One claim of ``prev`` and its restatement ``c``: the one with the figures is the core
    (the attack or clash when one is the other's toll); the other fills the counts and actors
    it lacks."""
    base, other = (c, prev) if _n_counts(c) > _n_counts(prev) else (prev, c)
    if other.kind in _TOLL_OF and base.kind == ClaimKind.CASUALTIES:
        base, other = other, base  # the event and its toll: the event carries both
    filled = {
        name: getattr(base.counts, name) or getattr(other.counts, name) for name in COUNT_FIELDS
    }
    seen = {(b.name, b.role) for b in base.actors}
    actors = base.actors + tuple(a for a in other.actors if (a.name, a.role) not in seen)
    return dataclasses.replace(
        base, counts=Counts(**filled), actors=actors, span=_joint(base, other)
    )


def _joint(base: Claim, other: Claim) -> Span | None:
    """The span of one claim told in two clauses of one sentence ("a drone hit a house: two
    people were injured"): both clauses, the event and its toll; across sentences the core's."""
    a, b = base.span, other.span
    if a is None or b is None or base.sentence is None or base.sentence != other.sentence:
        return a
    return Span(min(a.start, b.start), max(a.end, b.end))


def merge_restatements(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """One proposition × one source is one claim (claims-v1: an attack and its toll said by the
    same source in the same stretch of text are one claim): a claim that restates the claim
    right before it in its sentence (same kind, same named source, same place), or that gives
    the toll of the latest attack or clash of the same named source up to
    :data:`TOLL_SENTENCES` sentences on ("…, he said. Ten people were killed and eight wounded,
    he added"; "Three of the injured were taken to hospital, the mayor said"), is folded into
    it (:func:`_restates`). A claim of the same kind in a later sentence, or a toll further
    on, is another proposition or a toll reported apart: its own claim. In the
    author's voice only an attack or clash and its toll told in one sentence of the body
    fold. Claims set at two places of their own stay apart: a claim per place."""
    sentence = sentence_of(doc)
    out: list[Claim] = []
    detail = False  # the claim right before was a toll folded into an earlier one
    for c in claims:
        j = _latest_of_source(out, c)
        # a restatement of the same kind restates the claim right before it in the text
        last = j == len(out) - 1 and not detail
        detail = False
        colon = j is not None and _colon_between(doc, out[j], c)
        if j is not None and _restates(
            out[j], c, last=last, sentences=sentence(c) - sentence(out[j]), colon=colon
        ):
            detail = out[j].kind != c.kind or j != len(out) - 1
            out[j] = _fold(out[j], c)
            continue
        out.append(c)
    return out


def _colon_between(doc: Doc, prev: Claim, c: Claim) -> bool:
    """Only a colon (and spaces) stands between two headline claims ("Event: toll")."""
    if not (prev.in_headline and c.in_headline) or prev.span is None or c.span is None:
        return False
    return doc.text[prev.span.end : c.span.start].strip() == ":"


def _latest_of_source(out: list[Claim], c: Claim) -> int | None:
    """The index of the latest claim in ``out`` that ``c`` might restate: of the same named
    source (for a toll, its latest attack or clash when the source said something else in
    between: "Four of the rockets were intercepted. No one was hurt, the army said"), or the
    claim right before when both speak in the author's voice."""
    if c.source.kind == SourceKind.AUTHOR:
        return len(out) - 1 if out and out[-1].source.kind == SourceKind.AUTHOR else None
    same = [j for j, prev in enumerate(out) if same_source(prev, c)]
    if not same:
        return None
    latest = same[-1]
    if c.kind == ClaimKind.CASUALTIES and out[latest].kind not in _TOLL_OF | {c.kind}:
        events = [j for j in same if out[j].kind in _TOLL_OF]
        return events[-1] if events else latest
    return latest


def _zero_only(c: Claim) -> bool:
    counts = [getattr(c.counts, n) for n in COUNT_FIELDS]
    given = [x for x in counts if x is not None]
    return bool(given) and all(x.low == 0 and x.high == 0 for x in given)


def sentence_of(doc: Doc) -> Callable[[Claim], int]:
    """The index of the sentence a claim starts in."""
    starts = [s.span.start for s in doc.sentences]
    return lambda c: bisect.bisect_right(starts, c.span.start if c.span else 0) - 1


def fold_zero_tolls(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """ "…, беспилотник атаковал частный дом, рассказал губернатор: …, никто не пострадал": a
    claim that only says no one was hurt, in the sentence of an attack or clash with no toll
    (or the next one), is that attack's toll (claims-v1: an attack and its toll said in the same
    stretch are one claim) — its zero counts go to the attack, when it speaks in the author's
    voice or the attack's source's."""
    sentence = sentence_of(doc)
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _zero_only(c)
            and not c.in_headline
            and not prev.in_headline
            and prev.kind in _TOLL_OF
            and _n_counts(prev) == 0
            and c.kind in _TOLL_OF | {ClaimKind.CASUALTIES}
            and 0 <= sentence(c) - sentence(prev) <= 1
            and (c.source.kind == SourceKind.AUTHOR or same_source(prev, c))
            and (c.location is None or _place(prev) == _place(c))  # not another place's event
        ):
            out[-1] = dataclasses.replace(prev, counts=c.counts)
            continue
        out.append(c)
    return out


_LEAD_WORDS = 3  # words at a sentence's start where its subject pronoun stands
_VICTIM_BACK = 2  # sentences back to the toll a victim detail belongs to


def drop_victim_details(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """ "Мужчина погиб … Он скончался на месте", "He later died in hospital": a casualties
    claim about one victim already counted — its sentence opens with a personal pronoun and
    it gives no figure above one — right after a claim with a toll is a detail of that toll,
    not a claim of its own."""
    persons = {w for w, role in lexicon(doc.lang).pronouns.items() if role == "person"}
    if not persons:
        return claims
    sentence = sentence_of(doc)
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.kind == ClaimKind.CASUALTIES
            and not c.in_headline
            and not prev.in_headline
            and _n_counts(prev) > 0
            and 0 <= sentence(c) - sentence(prev) <= _VICTIM_BACK
            and _one_victim(c)
            and _opens_with(doc, sentence(c), persons)
        ):
            continue
        out.append(c)
    return out


def _one_victim(c: Claim) -> bool:
    for name in COUNT_FIELDS:
        x = getattr(c.counts, name)
        if x is not None and (x.low or 0) > 1:
            return False
    return True


def _opens_with(doc: Doc, si: int, words: set[str]) -> bool:
    sent = doc.sentences[si]
    lead = [t for t in doc.tokens[sent.tok_start : sent.tok_end] if t.is_word][:_LEAD_WORDS]
    return any(t.lower in words for t in lead)


_WORDS = re.compile(r"\w+")
_REPEAT_WORDS = 3  # words a repeat must have to be told apart from a stock phrase


def _words_of(doc: Doc, c: Claim) -> str:
    text = doc.text[c.span.start : c.span.end] if c.span is not None else ""
    return " ".join(w.casefold() for w in _WORDS.findall(text))


def drop_verbatim_repeats(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """A claim whose words an earlier claim of the body already says, word for word ("…
    постраждали двоє людей. … «Постраждали двоє людей», – написав Лисак"), is that claim
    quoted again: one proposition, one claim (the earlier carries the counts it gives)."""
    out: list[Claim] = []
    padded: list[str] = []  # each kept claim's words, spaced at both ends (worked out once)
    for c in claims:
        words = _words_of(doc, c)
        if (
            not c.in_headline
            and len(words.split()) >= _REPEAT_WORDS
            and any(
                not p.in_headline
                and (p.kind == c.kind or {p.kind, c.kind} <= _TOLL_OF | {ClaimKind.CASUALTIES})
                and f" {words} " in p_words
                and not _new_figure(p, c)
                for p, p_words in zip(out, padded, strict=True)
            )
        ):
            continue
        out.append(c)
        padded.append(f" {words} ")
    return out
