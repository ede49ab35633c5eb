"""A source quoted telling again the event it already reported: no second claim.

annotating-claims: one claim = one proposition × one source. A report often goes on, after its
event, with the speaker's own words saying it once more ("… a missile hit the administration
building, the governor said. «The occupier attacked the city centre with missiles», he wrote";
"«Попали только что под дроновую атаку»"). The quote is the same proposition by the same
source; an analyst marks the event once. :func:`drop_retold` drops a claim (the earlier one
takes the actors it lacks) when it is

* quoted (its core in quotation marks, ``Claim.quote``): in indirect speech a source's later
  sentence of the same kind most often tells another target, a damage or a second strike, and
  stays a claim of its own (``restate.py`` folds only within a sentence),
* an attack or clash (:data:`RETOLD_KINDS`) like an earlier body claim of the same named source
  (never the author's voice) at most :data:`RETOLD_SENTENCES` sentences back, with the same
  certainty,
* without a new detail: no figure the earlier claim's sentence lacks, no count with other
  bounds, no place of its own other than the earlier claim's, no agent the earlier claim lacks
  ("the missile was fired by Russian troops" tells who did it), and
* without an additive word before its end in its sentence (the pack's ``[text] additive``,
  ``[text] additive_adverbs``, ``[numbers] increments``: "another", "also", "moreover",
  "weitere", "кроме того", "також"): "another drone hit a school" is a new proposition.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import lru_cache

from fogofwar.claim import COUNT_FIELDS, Claim, ClaimKind
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import PhraseMatcher
from fogofwar.nlp.restate import same_source, sentence_of
from fogofwar.packs.files import read_table

__all__ = ["RETOLD_KINDS", "RETOLD_SENTENCES", "drop_retold"]

#: sentences back an earlier claim of the source may be told again
RETOLD_SENTENCES = 2
#: kinds whose claims are events a source may tell again
RETOLD_KINDS = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})


@lru_cache(maxsize=16)
def _additive(lang: str) -> PhraseMatcher[None]:
    """The pack's words for one more of the same: ``[text] additive``, ``[text]
    additive_adverbs`` and ``[numbers] increments``."""
    table = read_table(lang, "pack")
    words: list[str] = []
    for section, key in (
        ("text", "additive"),
        ("text", "additive_adverbs"),
        ("numbers", "increments"),
    ):
        part = table.get(section, {})
        if isinstance(part, dict):
            words.extend(str(w) for w in part.get(key, []))
    return PhraseMatcher((w, None) for w in words)


def drop_retold(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Claims without the quotes that tell an earlier claim of their source again (module
    doc)."""
    sentence = sentence_of(doc)
    out: list[Claim] = []
    for c in claims:
        j = _retells(doc, out, c, sentence)
        if j is None:
            out.append(c)
            continue
        seen = {(a.name, a.role) for a in out[j].actors}
        extra = tuple(a for a in c.actors if (a.name, a.role) not in seen)
        out[j] = dataclasses.replace(out[j], actors=out[j].actors + extra)
    return out


def _retells(doc: Doc, out: list[Claim], c: Claim, sentence: Callable[[Claim], int]) -> int | None:
    """The index of the claim in ``out`` that ``c`` tells again, if any."""
    if c.in_headline or c.span is None or c.kind not in RETOLD_KINDS or not c.quote:
        return None
    at = sentence(c)
    for j in range(len(out) - 1, -1, -1):
        prev = out[j]
        if prev.in_headline or prev.span is None or not same_source(prev, c):
            continue
        back = at - sentence(prev)
        if back > RETOLD_SENTENCES:
            return None
        if prev.kind != c.kind or back < 1:
            continue
        if prev.certainty != c.certainty or _new_detail(doc, prev, c):
            return None
        if _has_additive(doc, at, c.span.end):
            return None
        return j
    return None


def _new_detail(doc: Doc, prev: Claim, c: Claim) -> bool:
    """``c`` gives a count ``prev`` lacks or bounds it otherwise, or names a place, a figure or
    an agent that ``prev``'s sentence does not ("seven missiles were launched")."""
    assert c.span is not None and prev.span is not None
    for name in COUNT_FIELDS:
        b = getattr(c.counts, name)
        a = getattr(prev.counts, name)
        if b is not None and (a is None or (a.low, a.high) != (b.low, b.high)):
            return True
    told = prev.sentence or prev.span
    if c.location is not None and (prev.location is None or prev.location.name != c.location.name):
        return True
    here = [p for p in doc.places if p.names_a_site]
    names = {_key(p.surface) for p in here if _within(p.span, told)}
    if prev.location is not None:
        names.add(_key(prev.location.name))
    if any(_key(p.surface) not in names for p in here if _within(p.span, c.span)):
        return True
    figures = {(q.low, q.high) for q in doc.quantities if q.toll and _within(q.span, told)}
    if any(
        q.toll and (q.low, q.high) != (None, None) and (q.low, q.high) not in figures
        for q in doc.quantities
        if _within(q.span, c.span)
    ):
        return True
    agents = {a.normalized or a.name for a in prev.actors if a.role == "actor"}
    return any(a.role == "actor" and (a.normalized or a.name) not in agents for a in c.actors)


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _key(name: str) -> str:
    return name.casefold()[:5]


def _has_additive(doc: Doc, si: int, end: int) -> bool:
    """An additive word in sentence ``si`` before offset ``end``."""
    sent = doc.sentences[si]
    stop = sent.tok_start
    while stop < sent.tok_end and doc.tokens[stop].start < end:
        stop += 1
    return bool(_additive(doc.lang).find(doc.tokens, sent.tok_start, stop))
