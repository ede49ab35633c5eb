"""A figure per place after the claim's own place: one claim per place, each with its figure.

"Shelling killed two civilians in Kramatorsk, three in Sloviansk and one in Pokrovsk", "Quelque
2300 personnes ont été interpellées à Moscou, et 1253 à Saint-Pétersbourg", "Nueve murieron en
Bagrecitos y siete en Caminaguato": the clause names its event and its first place, then lists
further places each with a figure and the verb left out. Each listed place is the same event at
another place (annotating-claims: "one event named at two places is one claim per place"), with
its own figure: it gets a copy of the claim, located there, spanning its item, counting that
figure in the claim's count field; the claim itself keeps the figure before its own place, not
the sum of the list (:mod:`~fogofwar.nlp.toll_sums` adds groups of one toll, which these are
not).

The items are read as :mod:`~fogofwar.nlp.place_items` reads a list after an event, starting
right after the claim's place; every item must lead with a figure.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Claim, ClaimKind, Count, Counts, claim_id_for
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.place_items import LIST_KINDS, _Item, _Lister, _located
from fogofwar.packs import LanguagePack

__all__ = ["per_place_figures"]

_KINDS = LIST_KINDS | {ClaimKind.CASUALTIES, ClaimKind.ARREST}
_FIELDS = ("killed", "injured", "arrested", "missing", "displaced")


def _field(c: Claim) -> str | None:
    """The claim's one count field, when it states exactly one."""
    stated = [f for f in _FIELDS if getattr(c.counts, f) is not None]
    return stated[0] if len(stated) == 1 else None


def _figure(doc: Doc, pack: LanguagePack, lo: int, hi: int) -> Count | None:
    """The first figure in tokens ``[lo, hi)``: a head count the number reader bounded, else
    a bare number or number word leading a list item ("1253 à …", "uno a …": a figure the
    reader takes for a year or an article, which the list shows to be a count)."""
    for q in doc.quantities:
        if lo <= q.tok_start < hi and q.toll:
            return Count(q.low, q.high, q.span)
    for tok in doc.tokens[lo:hi]:
        digits = tok.text.replace(".", "").replace(",", "")
        value = int(digits) if digits.isdigit() else pack.number_words.get(tok.lower)
        if value is not None:
            return Count(value, value, Span(tok.start, tok.end))
    return None


def per_place_figures(
    doc: Doc, pack: LanguagePack, version: str, claims: Sequence[Claim]
) -> list[Claim]:
    """``claims`` with one copy per place listed with its own figure after the claim's own
    place (module docstring); a copy another pass made at such a place (one event at several
    places, :mod:`~fogofwar.nlp.claims_places`) takes the item's words and figure instead."""
    if doc.headline or not claims:
        return list(claims)
    lister = _Lister(doc, pack)
    at_place = {
        (c.location.span, c.kind, c.source.name): n
        for n, c in enumerate(claims)
        if c.location is not None and c.location.span is not None
    }
    out = list(claims)
    added: list[Claim] = []
    for n, c in enumerate(claims):
        loc, span, field = c.location, c.span, _field(c)
        if (
            c.kind not in _KINDS
            or span is None
            or loc is None
            or loc.span is None
            or field is None
            or not span.start <= loc.span.start < span.end
        ):
            continue
        sent = next(s for s in doc.sentences if s.span.start <= loc.span.start < s.span.end)
        at = bisect.bisect_left(lister.starts, loc.span.end)
        items = lister.items(_past_joiner(doc, pack, at, sent.tok_end), sent.tok_end)
        own = _figure(doc, pack, bisect.bisect_left(lister.starts, span.start), at)
        if not items or not all(i.counted for i in items) or own is None:
            continue
        out[n] = dataclasses.replace(c, counts=dataclasses.replace(c.counts, **{field: own}))
        for copy in _copies(doc, pack, version, c, field, items):
            where = copy.location.span if copy.location is not None else None
            k = at_place.get((where, c.kind, c.source.name)) if where is not None else None
            if k is not None:
                out[k] = dataclasses.replace(out[k], counts=copy.counts, span=copy.span)
            else:
                added.append(copy)
    return out + added


def _past_joiner(doc: Doc, pack: LanguagePack, at: int, stop: int) -> int:
    """``at`` past a comma and a joiner opening the list ("…, et 1253 à …", "… and three in
    …"): the lister reads items from their lead words."""
    toks = doc.tokens
    while at < stop and toks[at].text == ",":
        at += 1
    joiner = pack.joiners.match_at(toks, at, stop) if at < stop else None
    return joiner.end if joiner is not None else at


def _copies(
    doc: Doc, pack: LanguagePack, version: str, c: Claim, field: str, items: list[_Item]
) -> list[Claim]:
    """A copy of ``c`` per place of ``items``, counting the item's figure in ``field``."""
    toks = doc.tokens
    out: list[Claim] = []
    for item in items:
        figure = _figure(doc, pack, item.start, item.end)
        if figure is None:
            continue
        where = Span(toks[item.start].start, toks[item.end - 1].end)
        counts = dataclasses.replace(Counts(), **{field: figure})
        for p in item.places:
            cid = claim_id_for(doc.doc_id, version, p.span, c.kind.value, doc.headline)
            out.append(
                dataclasses.replace(
                    c, claim_id=cid, location=_located(p), span=where, counts=counts
                )
            )
    return out
