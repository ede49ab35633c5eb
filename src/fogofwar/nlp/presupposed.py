"""Events a claim's words take for granted are claims of their own (annotating-claims).

"More than 800 people were detained at anti-war rallies in 30 cities", "Festnahmen bei
Protesten in Moskau", "на акциях против мобилизации задержали 800 человек": the clause is an
``arrest`` claim (:func:`~fogofwar.nlp.kinds.detained_at_protest`), and the protest it names as
the arrests' setting happened too — one proposition more, said by the same source as firmly.
Such an arrest claim gets a ``protest`` claim beside it: the same words, source, place and time,
no arrest figure (the participants are no contract count). Not in a headline, which names
the arrests only.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Claim, ClaimKind, Counts, claim_id_for
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.kinds import crosswalk
from fogofwar.packs import LanguagePack

__all__ = ["protests_of_arrests"]

_PROTEST = "protest"  # the pack subtype of protest words (not "protesters")


def _protest_word(doc: Doc, pack: LanguagePack, claim: Claim) -> bool:
    """A word for a protest ("rallies", "Protesten", "акциях", "manifestaient") inside the
    arrest claim's words; not one for protesters ("dozens of protesters were detained": the
    arrest is the news)."""
    span = claim.span
    if span is None:
        return False
    starts = [t.start for t in doc.tokens]
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end)
    return any(
        m.payload.kind == ClaimKind.PROTEST and m.payload.subtype == _PROTEST
        for m in pack.triggers.find(doc.tokens, lo, hi)
    )


def protests_of_arrests(
    doc: Doc, pack: LanguagePack, version: str, claims: Sequence[Claim]
) -> list[Claim]:
    """``claims`` with a ``protest`` claim after every arrest claim whose words name the
    protest the people were detained at (module docstring)."""
    if doc.headline:
        return list(claims)  # a headline names the arrests; the body tells the protest
    out: list[Claim] = []
    kinds = {(c.span, c.kind) for c in claims}
    for c in claims:
        out.append(c)
        if c.kind != ClaimKind.ARREST or (c.span, ClaimKind.PROTEST) in kinds:
            continue
        if not _protest_word(doc, pack, c):
            continue
        acled, plover = crosswalk(ClaimKind.PROTEST, _PROTEST)
        cid = claim_id_for(doc.doc_id, version, c.span, ClaimKind.PROTEST.value, doc.headline)
        out.append(
            dataclasses.replace(
                c,
                claim_id=cid,
                kind=ClaimKind.PROTEST,
                subtype=_PROTEST,
                acled=acled,
                plover=plover,
                actors=(),
                counts=Counts(),
            )
        )
    return out
