"""An author's caveat about a source holds for all that source's claims in the text.

claims-v1: "An author's caveat that a source's figures cannot be checked turns **all** that
source's claims in the passage to ``unverified``." A verification cue ("could not independently
verify", "nicht unabhängig überprüfen", "не удалось проверить") speaks of the source named in
its own sentence, else of the last source named in the :data:`BACK` sentences before it; every
claim of that source (the same name, compared as :func:`same_name` does) becomes
``unverified``, except denials and hypotheticals, which say something else.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Certainty, Claim
from fogofwar.nlp.doc import AttributionMention, Doc
from fogofwar.packs import LanguagePack

__all__ = ["BACK", "apply_caveats", "same_name"]

BACK = 2  # sentences before a caveat where the source it speaks of may be named
_STEM = 5
_KEEP = frozenset({Certainty.DENIED, Certainty.HYPOTHETICAL, Certainty.UNVERIFIED})


def same_name(a: str, b: str) -> bool:
    """One speaker named twice: equal names, or last words that agree on their first five
    letters ("Klitschko" ~ "Klitschkos") or where one ends the other ("Gesundheitsbehörde" ~
    "Behörde")."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    wa, wb = a.split()[-1:], b.split()[-1:]
    if not wa or not wb:
        return False
    x, y = wa[0].strip(".,«»\"'"), wb[0].strip(".,«»\"'")
    if min(len(x), len(y)) < _STEM:
        return False
    return x[:_STEM] == y[:_STEM] or x.endswith(y) or y.endswith(x)


def apply_caveats(doc: Doc, pack: LanguagePack, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with every claim of a caveated source made ``unverified``."""
    toks = doc.tokens
    caveats = [
        m
        for s in doc.sentences
        for m in pack.cues.find(toks, s.tok_start, s.tok_end)
        if m.payload.type == "verification"
    ]
    if not caveats:
        return list(claims)
    starts = [s.span.start for s in doc.sentences]
    names: list[str] = []
    for m in caveats:
        si = bisect.bisect_right(starts, toks[m.start].start) - 1
        src = _source_of(doc, si, toks[m.start].start)
        if src is not None and src.source_name:
            names.append(src.source_name)
    if not names:
        return list(claims)
    return [
        dataclasses.replace(c, certainty=Certainty.UNVERIFIED)
        if c.certainty not in _KEEP
        and c.source.name
        and any(same_name(c.source.name, n) for n in names)
        else c
        for c in claims
    ]


def _source_of(doc: Doc, si: int, at: int) -> AttributionMention | None:
    """The named attribution a caveat at offset ``at`` in sentence ``si`` speaks of."""
    lo = doc.sentences[max(0, si - BACK)].span.start
    sent = doc.sentences[si].span
    named = [
        a
        for a in doc.attributions
        if a.source is not None and a.source_name and a.cue is not None and lo <= a.cue.start
    ]
    here = [a for a in named if a.cue is not None and sent.start <= a.cue.start < sent.end]
    if here:
        return min(here, key=lambda a: abs((a.cue.start if a.cue else 0) - at))
    before = [a for a in named if a.cue is not None and a.cue.start < sent.start]
    return max(before, key=lambda a: a.cue.start if a.cue else 0) if before else None
