"""Names sharing one plural area noun are one place each (one claim per place, claims-v1).

"Drones were downed over the Bryansk and Kursk regions", "над Курской и Белгородской
областями сбиты 12 беспилотников", "удари по Київській та Житомирській областях": the names
share the plural noun, so the gazetteer sees at most the last one with it ("Kursk regions") and
the others alone ("Курской", which alone may name a village anywhere). Each name is looked up
with the noun's singular in the same case (the pack's ``[text] shared_area_nouns``:
"областях=области") as a place of its own; a claim of an event that may be at several places
(:data:`~fogofwar.nlp.claims_places.FAN_KINDS`) whose words hold such a list is located at its
first name and gets a copy at every other one. Provinces only: settlements "of the Izium,
Kupiansk and Chuhuiv districts" are read as one claim or one per district about equally
often by analysts (dev and train disagree), so districts are left to the claim's own place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Claim, Location, claim_id_for
from fogofwar.model import Span
from fogofwar.nlp.claims_places import FAN_KINDS
from fogofwar.nlp.doc import Doc, Resources
from fogofwar.packs import LanguagePack

__all__ = ["shared_area_places"]

_MAX_NAMES = 8
_AREAS = frozenset({"admin1"})


def _names(doc: Doc, pack: LanguagePack, head: int, lo: int) -> list[int]:
    """Token indices of the names before the shared noun at ``head``: capitalised words
    separated by commas or the pack's joiners, at least two, one joiner among them."""
    toks = doc.tokens
    names: list[int] = []
    joined = False
    k = head - 1
    while k >= lo and len(names) < _MAX_NAMES:
        t = toks[k]
        if t.is_word and t.text[:1].isupper():
            names.append(k)
            k -= 1
            if k >= lo and toks[k].text == ",":
                k -= 1
                continue
            if k >= lo and pack.joiners.match_at(toks, k, head) is not None:
                joined = True
                k -= 1
                continue
        break
    return sorted(names) if joined and len(names) >= 2 else []


def _places(
    doc: Doc, res: Resources, pack: LanguagePack, span: Span
) -> list[tuple[Span, Location]]:
    """The places named by coordinated names sharing a plural area noun inside ``span``."""
    toks = doc.tokens
    lo = next((i for i, t in enumerate(toks) if t.start >= span.start), len(toks))
    out: list[tuple[Span, Location]] = []
    for h in range(lo, len(toks)):
        if toks[h].start >= span.end:
            break
        singular = pack.shared_area_nouns.get(toks[h].lower)
        if singular is None:
            continue
        found_here: list[tuple[Span, Location]] = []
        for k in reversed(_names(doc, pack, h, lo)):  # from the noun back: "в Києві, Київській
            name = toks[k].text  # та Житомирській областях" names Kyiv apart
            found = res.gazetteer.find(f"{name} {singular}", doc.lang)
            loc = found[0].location if len(found) == 1 else None
            if loc is None or loc.precision not in _AREAS or found[0].span.start != 0:
                break
            where = Span(toks[k].start, toks[k].end)
            found_here.insert(0, (where, dataclasses.replace(loc, name=name, span=where)))
        if len(found_here) >= 2:
            out += found_here
    return out


def shared_area_places(
    doc: Doc, res: Resources, version: str, claims: Sequence[Claim]
) -> list[Claim]:
    """``claims`` with every place of such a list held by a claim of the same words and kind:
    a claim located at a name of the list (or at the noun phrase around it) is moved to that
    name's area, and every name no claim holds gets a copy (module docstring)."""
    pack = res.packs[doc.lang]
    if not pack.shared_area_nouns:
        return list(claims)
    out = list(claims)
    groups: dict[tuple[Span, str], list[int]] = {}
    for n, c in enumerate(claims):
        if c.kind in FAN_KINDS and c.span is not None and not c.in_headline:
            groups.setdefault((c.span, c.kind.value), []).append(n)
    for (span, kind), members in groups.items():
        places = _places(doc, res, pack, span)
        if not places:
            continue
        held: set[Span] = set()
        for n in members:
            loc = out[n].location
            at = loc.span if loc is not None else None
            hit = next(
                (
                    p
                    for p in places
                    if at is not None and at.start < p[0].end and p[0].start < at.end
                ),
                None,
            )
            if hit is None and loc is None:
                hit = next((p for p in places if p[0] not in held), None)
            if hit is not None and hit[0] not in held:
                out[n] = dataclasses.replace(out[n], location=hit[1])
                held.add(hit[0])
        first = out[members[0]]
        for where, loc in places:
            if where not in held:
                cid = claim_id_for(doc.doc_id, version, where, kind, doc.headline)
                out.append(dataclasses.replace(first, claim_id=cid, location=loc))
    return out
