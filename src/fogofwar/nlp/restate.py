"""One proposition × one source is one claim: restatements and zero tolls folded in.

claims-v1: "An attack or clash and its toll said by the same source in the same stretch of
text are **one** claim". :func:`merge_restatements` folds a claim that restates the previous
claim of the same named source; :func:`fold_zero_tolls` gives an attack the "no one was hurt"
said right after it.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable

from fogofwar.claim import Certainty, Claim, ClaimKind, Counts, SourceKind
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.caveats import same_name
from fogofwar.nlp.doc import Doc

__all__ = ["RESTATE_CHARS", "drop_victim_details", "fold_zero_tolls", "merge_restatements"]

_TOLL_OF = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})
RESTATE_CHARS = 400


def _same_source(a: Claim, b: Claim) -> bool:
    sa, sb = a.source, b.source
    if sa.kind != sb.kind or sa.kind == SourceKind.AUTHOR:
        return False
    return same_name(sa.name or "", sb.name or "")


_COUNT_NAMES = ("killed", "injured", "arrested", "missing", "displaced")


def _place(c: Claim) -> str | None:
    return c.location.name if c.location is not None else None


def _n_counts(c: Claim) -> int:
    return sum(getattr(c.counts, n) is not None for n in _COUNT_NAMES)


def _new_figure(prev: Claim, c: Claim) -> bool:
    """``c`` gives a count ``prev`` also gives, with other bounds: an update, its own claim."""
    for name in _COUNT_NAMES:
        a, b = getattr(prev.counts, name), getattr(c.counts, name)
        if a is not None and b is not None and (a.low, a.high) != (b.low, b.high):
            return True
    return False


def merge_restatements(claims: list[Claim]) -> list[Claim]:
    """One proposition × one source is one claim: a claim that restates the previous claim of
    the same named source nearby — the same kind, or the toll of its attack or clash ("…, he
    said. Ten people were killed and eight wounded, he added") — is folded into it. The one
    with the figures is the core; the other fills the counts and actors it lacks. Claims set at
    different places (or one placed, one not) stay apart: a claim per place."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.in_headline == c.in_headline
            and prev.span is not None
            and c.span is not None
            and 0 <= c.span.start - prev.span.end <= RESTATE_CHARS
            and _same_source(prev, c)
            and (c.kind == prev.kind or (c.kind == ClaimKind.CASUALTIES and prev.kind in _TOLL_OF))
            and not _new_figure(prev, c)
            and _place(prev) == _place(c)  # one event named at two places: a claim per place
            and (prev.certainty == Certainty.DENIED) == (c.certainty == Certainty.DENIED)
        ):
            # the claim that carries the figures is the core; the other lends its counts
            base, other = (c, prev) if _n_counts(c) > _n_counts(prev) else (prev, c)
            filled = {
                name: getattr(base.counts, name) or getattr(other.counts, name)
                for name in _COUNT_NAMES
            }
            actors = base.actors + tuple(
                a
                for a in other.actors
                if (a.name, a.role) not in {(b.name, b.role) for b in base.actors}
            )
            out[-1] = dataclasses.replace(base, counts=Counts(**filled), actors=actors)
            continue
        out.append(c)
    return out


def _zero_only(c: Claim) -> bool:
    counts = [getattr(c.counts, n) for n in _COUNT_NAMES]
    given = [x for x in counts if x is not None]
    return bool(given) and all(x.low == 0 and x.high == 0 for x in given)


def _sentence_of(doc: Doc) -> Callable[[Claim], int]:
    """The index of the sentence a claim starts in."""
    starts = [s.span.start for s in doc.sentences]
    return lambda c: bisect.bisect_right(starts, c.span.start if c.span else 0) - 1


def fold_zero_tolls(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """ "…, беспилотник атаковал частный дом, рассказал губернатор: …, никто не пострадал": a
    claim that only says no one was hurt, in the sentence of an attack or clash with no toll
    (or the next one), is that attack's toll (claims-v1: an attack and its toll said in the same
    stretch are one claim) — its zero counts go to the attack, when it speaks in the author's
    voice or the attack's source's."""
    sentence = _sentence_of(doc)
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
            and (c.source.kind == SourceKind.AUTHOR or _same_source(prev, c))
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
    sentence = _sentence_of(doc)
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
    for name in _COUNT_NAMES:
        x = getattr(c.counts, name)
        if x is not None and (x.low or 0) > 1:
            return False
    return True


def _opens_with(doc: Doc, si: int, words: set[str]) -> bool:
    sent = doc.sentences[si]
    lead = [t for t in doc.tokens[sent.tok_start : sent.tok_end] if t.is_word][:_LEAD_WORDS]
    return any(t.lower in words for t in lead)
