"""One claim per source kind when a joint phrase names sources of different kinds.

annotating-claims: "Two sources stating the same thing are two claims; one joint phrase naming
sources of the same kind is one." A source phrase joined by the pack's joiners ("según
activistas y médicos", "selon l'armée ukrainienne et le gouverneur de la région", "locals and
media reports said") whose parts are typed to different kinds yields one copy of the claim per
part, each with that part as its source. Parts of one kind, a part no word types, an
anonymous part ("fonti mediche e testimoni") or a joiner inside a modifier ("videos posted on
social media by activists and bloggers") leave the claim as it is.
"""

from __future__ import annotations

import bisect
import dataclasses

from fogofwar.claim import Claim, SourceKind, SourceRef, claim_id_for
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_officials import official_kind
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.source_typing import known_kind
from fogofwar.packs import LanguagePack

__all__ = ["split_joint_sources"]

_STRIP = " ,;:.\"'«»„“”"


def _noun_kind(doc: Doc, pack: LanguagePack, lo: int, hi: int) -> SourceKind | None:
    """The kind of the last source or role noun of the pack in tokens ``lo:hi``."""
    toks = doc.tokens
    kind = None
    for k in range(lo, hi):
        hit = pack.sources.match_at(toks, k, hi) or pack.roles.match_at(toks, k, hi)
        if hit is not None:
            kind = hit.payload
    return kind


def _parts(doc: Doc, pack: LanguagePack, span: Span) -> list[tuple[Span, SourceKind]] | None:
    """The typed parts of a joint source phrase, or None when it is one source (no joiner,
    a part no word types, or every part of one kind)."""
    toks = doc.tokens
    lo = bisect.bisect_left(toks, span.start, key=lambda t: t.start)
    hi = bisect.bisect_left(toks, span.end, key=lambda t: t.start)
    cuts = [
        (k, m.end)
        for k in range(lo + 1, hi - 1)
        if (m := pack.joiners.match_at(toks, k, hi)) is not None
        and not any(e.span.start < toks[k].start < e.span.end for e in doc.entities)
    ]
    if not cuts:
        return None
    lex = lexicon(doc.lang)
    links = lex.np_links | lex.function_words
    if any(
        toks[k].lower in links and toks[k].lower not in pack.determiners
        for k in range(lo, cuts[0][0])
    ):
        return None  # "videos posted on social media by activists and bloggers": one source
    bounds = [lo, *(x for cut in cuts for x in cut), hi]
    parts: list[tuple[Span, SourceKind]] = []
    for a, b in zip(bounds[0::2], bounds[1::2], strict=True):
        if a >= b:
            return None
        part = Span(toks[a].start, toks[b - 1].end)
        kind = known_kind(doc, part) or _noun_kind(doc, pack, a, b)
        if kind is None or kind in (SourceKind.AUTHOR, SourceKind.UNNAMED):
            return None  # anonymous "sources" beside others: one joint source
        parts.append((part, official_kind(doc, pack, part, kind)))  # "army officials"
    return parts if len({k for _, k in parts}) > 1 else None


def split_joint_sources(
    doc: Doc, pack: LanguagePack, version: str, claims: list[Claim]
) -> list[Claim]:
    """``claims`` with a claim whose source phrase joins sources of different kinds copied
    once per source (the first copy keeps the claim's id)."""
    out: list[Claim] = []
    for c in claims:
        span = c.source.span
        parts = _parts(doc, pack, span) if span is not None and c.source.name else None
        if parts is None:
            out.append(c)
            continue
        for i, (part, kind) in enumerate(parts):
            name = part.slice(doc.text).strip(_STRIP)
            cid = c.claim_id
            if i:
                cid = claim_id_for(doc.doc_id, version, part, c.kind.value, doc.headline)
            src = SourceRef(kind, name, c.source.via, part)
            out.append(dataclasses.replace(c, claim_id=cid, source=src))
    return out
