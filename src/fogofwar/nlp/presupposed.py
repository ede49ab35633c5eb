"""Events a claim's words take for granted are claims of their own (annotating-claims).

"More than 800 people were detained at anti-war rallies in 30 cities", "Festnahmen bei
Protesten in Moskau", "на акциях против мобилизации задержали 800 человек": the clause is an
``arrest`` claim (:func:`~fogofwar.nlp.kinds.detained_at_protest`), and the protest it names as
the arrests' setting happened too — one proposition more, said by the same source as firmly.
Such an arrest claim gets a ``protest`` claim beside it: the same words, source, place and time,
no arrest figure (the participants are no contract count). Not in a headline, which names
the arrests only.

A denial that names the claim it rejects and whose it is ("Kyiv rejected Moscow's accusation
that its drones attacked …", "Kiev ha respinto le accuse di Mosca secondo cui …", "відкинув
звинувачення Москви в тому, що …": a pack ``report_nouns`` word with a party right after or
before it) takes that claim for granted: the party claims the event the denier denies. The
denied claim gets a copy claimed by that party, unless the sentence already tells a claimed
event of that kind ("Moscow said it took the village, but Kyiv denied the claim").
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Certainty, Claim, ClaimKind, Counts, SourceKind, SourceRef, claim_id_for
from fogofwar.detect.encoder import context_window
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc, Resources
from fogofwar.nlp.frames import NOT_EVENTS
from fogofwar.nlp.kinds import crosswalk
from fogofwar.nlp.matcher import token_starts
from fogofwar.nlp.senses import word_in_other_sense
from fogofwar.nlp.source_typing import known_kind
from fogofwar.packs import LanguagePack

__all__ = ["accusers_of_denials", "protests_of_arrests"]

_PROTEST = "protest"  # the pack subtype of protest words (not "protesters")


def _protest_word(doc: Doc, pack: LanguagePack, claim: Claim) -> bool:
    """A word for a protest ("rallies", "Protesten", "акциях", "manifestaient") inside the
    arrest claim's words; not one for protesters ("dozens of protesters were detained",
    "three participants of the rally": the arrest is the news), nor one in another sense
    ("вручил ноту протеста", "арестовал акции компании": nlp/senses.py)."""
    span = claim.span
    if span is None:
        return False
    starts = token_starts(doc.tokens)
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end)
    people = {m.end for m in pack.participant_nouns.find(doc.tokens, lo, hi)}
    return any(
        m.payload.kind == ClaimKind.PROTEST
        and m.payload.subtype == _PROTEST
        and not word_in_other_sense(doc, pack, (m.start, m.end), ClaimKind.PROTEST)
        and not people & {m.start, m.start - 1, m.start - 2}  # "participants (of the) rally"
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


_LINK_MAX = 2  # short linking words between a report noun and its party ("of the", "de", "di")
_LINK_LEN = 4


def _party(
    doc: Doc, *, start: int | None = None, end: int | None = None
) -> tuple[Span, str, bool] | None:
    """The actor, person or place (a country or a capital speaking for its state) whose words
    start at offset ``start`` or end at offset ``end`` ("Moscow's"): its span, its name,
    whether it is a place."""

    def at(sp: Span) -> bool:
        return (start is None or sp.start == start) and (end is None or sp.end == end)

    for e in doc.entities:
        if at(e.span) and e.category in {"actor", "person", "source"}:
            name = e.normalized if e.category == "person" and e.normalized else e.surface
            return e.span, name, False
    for p in doc.places:
        if (
            at(p.span)
            and not p.is_demonym
            and p.location is not None
            and p.location.precision in {"country", "point"}
        ):
            return p.span, p.surface, True
    return None


def _accuser(doc: Doc, pack: LanguagePack, lo: int, hi: int) -> tuple[Span, str, bool] | None:
    """The party whose claim a report noun in tokens ``[lo, hi)`` names: right after it, a
    few short linking words between ("the claims of Putin", "l'accusation de Moscou",
    "брехню Герасимова"), or right before it ("Moscow's accusation", "Israels Behauptung")."""
    toks = doc.tokens
    for m in pack.report_nouns.find(toks, lo, hi):
        k = m.end
        while k < hi and k - m.end <= _LINK_MAX:
            party = _party(doc, start=doc.tokens[k].start)
            if party is not None:
                return party
            t = toks[k]
            if not (t.is_word and t.text.islower() and len(t.text) <= _LINK_LEN):
                break
            k += 1
        if m.start > lo:
            prev = toks[m.start - 1]
            end = prev.end
            if prev.text.casefold() in _POSSESSIVE and m.start - 1 > lo:
                end = toks[m.start - 2].end  # "Moscow 's accusation"
            elif prev.text.casefold().endswith(("'s", "’s")):
                end -= 2  # "Moscow's accusation" as one word
            party = _party(doc, end=end)  # "Moscow's"
            if party is not None:
                return party
    return None


_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})


def _source(doc: Doc, res: Resources, span: Span, name: str, place: bool) -> SourceRef:
    """The accuser as a source: its kind from the registry, else the clause model's source
    head, else a government (a state named by its country or capital)."""
    kind = known_kind(doc, span)
    if kind is None and not place and res.model is not None:
        found = res.model.source_kinds([(name, context_window(doc.text, span.start, span.end))])
        kind = found[0][0] if found else None
    return SourceRef(kind or SourceKind.GOVERNMENT, name, (), span)


def accusers_of_denials(
    doc: Doc, res: Resources, version: str, claims: Sequence[Claim]
) -> list[Claim]:
    """``claims`` with, after each denied event, the same event claimed by the party whose
    claim the denial names ("Kyiv rejected Moscow's accusation that it attacked …": an
    attack claimed by Moscow beside the one Kyiv denies)."""
    pack = res.packs[doc.lang]
    starts = token_starts(doc.tokens)
    out: list[Claim] = []
    for c in claims:
        out.append(c)
        where = c.sentence or c.span
        if c.certainty != Certainty.DENIED or c.kind in NOT_EVENTS or where is None:
            continue
        lo = bisect.bisect_left(starts, where.start)
        hi = bisect.bisect_left(starts, where.end)
        party = _accuser(doc, pack, lo, hi)
        if party is None:
            continue
        span, name, place = party
        if any(
            o.kind == c.kind
            and o.certainty == Certainty.CLAIMED
            and o.span is not None
            and where.start <= o.span.start < where.end
            for o in claims
        ):
            continue  # "Moscow said it took the village, but Kyiv denied the claim": told
        cid = claim_id_for(doc.doc_id, version, span, c.kind.value, doc.headline)
        out.append(
            dataclasses.replace(
                c,
                claim_id=cid,
                certainty=Certainty.CLAIMED,
                source=_source(doc, res, span, name, place),
                cue=None,
            )
        )
    return out
