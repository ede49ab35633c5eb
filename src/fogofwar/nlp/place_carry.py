"""A claim whose clause names no place takes the place of the event it continues (claims-v1).

"Russian missiles struck the centre of Odesa on Sunday. Two people were killed and 22 injured,
the governor said.": the toll names no place; the spec locates a claim at "the nearest explicit
mention (it may lie outside the claim's span)". An event claim (attack, clash, toll, territorial
change) without a place of its own takes the nearest earlier place mention when the text ties it
to the same event:

- the mention stands earlier in the claim's paragraph, or in the body's lead paragraph, at
  most three sentences back (a text without paragraph breaks is no one paragraph);
- it is the place of an earlier event claim of the same group in that sentence, and the
  sentence's event claims name only that one place ("struck Odesa and Izmail. Two were killed":
  which one is not said, so none); the body's first sentence, when it gave no claim ("mourning
  was declared after the attack on the market in X"), lends its place if it holds event words;
- no other place of an event stands between it and the claim (the nearest mention decides);
- the claim tells no other time: a date of its own sentence that the place's sentence does not
  share, or one more than a week before publication, is another event; nor does a sentence with
  a background or habitual marker ("last year", "regularly") take a place.

Mentions that name no event place are skipped, as the clause's own place picking skips them: a
demonym, a government named by its capital ("Moscow said"), a name inside an actor, person or
source phrase, a street or building, a country (an actor's country, "the war in Ukraine"), and a
launch site ("from Belgorod"), a front named by a town ("the Kharkiv direction"); a hypothetical
event ("could strike X next") lends no place. Headlines (read apart from the body) carry nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from datetime import date

from fogofwar.claim import Certainty, Claim, ClaimKind, Location
from fogofwar.geo import PlaceMention
from fogofwar.model import DatePrecision, Span
from fogofwar.nlp.claims_places import launch_site
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.place_nouns import area_adjective
from fogofwar.packs import LanguagePack

__all__ = ["CARRY_KINDS", "carry_places"]

CARRY_KINDS = frozenset(
    {
        ClaimKind.ATTACK,
        ClaimKind.ARMED_CLASH,
        ClaimKind.CASUALTIES,
        ClaimKind.TERRITORIAL_CHANGE,
    }
)
_PRECISIONS = frozenset({"point", "admin2", "admin1", "region"})  # not a whole country
_WINDOW = 3  # sentences back: a text without paragraph breaks is no one paragraph
_RECENT_DAYS = 7  # a date of the claim's own further back than this tells an earlier event


def _sentence_of(doc: Doc, offset: int) -> int | None:
    """The index of the sentence holding ``offset``."""
    starts = [s.span.start for s in doc.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or offset >= doc.sentences[i].span.end:
        return None
    return i


def _blocked(doc: Doc, claims: Sequence[Claim]) -> list[Span]:
    """Phrases a place inside names no event place: actors, persons, sources, roles."""
    spans = [e.span for e in doc.entities if e.category in {"actor", "person", "source"}]
    spans += [e.role_span for e in doc.entities if e.role_span is not None]
    spans += [c.source.span for c in claims if c.source.span is not None]
    return spans


def _candidates(doc: Doc, pack: LanguagePack, claims: Sequence[Claim]) -> list[PlaceMention]:
    """The place mentions that may name an event's place, in text order."""
    blocked = _blocked(doc, claims)
    out = [
        p
        for p in doc.places
        if p.location is not None
        and p.location.precision in _PRECISIONS
        and p.names_a_site
        and not p.is_feature
        and not any(
            b.start <= p.span.start and p.span.end <= b.end and b != p.span for b in blocked
        )
        and not launch_site(doc, pack, p.span)
        and not area_adjective(doc, p.span)  # "the Kharkiv direction": a front, no place
    ]
    return sorted(out, key=lambda p: p.span.start)


def _dates(doc: Doc, si: int) -> set[tuple[date | None, date]]:
    """The dates sentence ``si`` names, as (start, end)."""
    sent = doc.sentences[si].span
    return {
        (d.start, d.end)
        for d in doc.dates
        if sent.start <= d.span.start < sent.end and d.precision != DatePrecision.BEFORE_PUBLICATION
    }


def _other_day(doc: Doc, si: int, pi: int) -> bool:
    """Sentence ``si`` (the claim's) names a date of its own that sentence ``pi`` (the place's)
    does not share, or one well before publication ("In March 2022, 40 people were killed"):
    another event."""
    own = _dates(doc, si)
    if not own:
        return False
    theirs = _dates(doc, pi)
    if theirs and not own & theirs:
        return True
    published = doc.published
    return published is not None and all((published - end).days > _RECENT_DAYS for _, end in own)


def _mention(place: PlaceMention) -> Location | None:
    """The location of a place mention, named as the text names it."""
    if place.location is None:
        return None
    return dataclasses.replace(place.location, name=place.surface, span=place.span)


def _tells_event(doc: Doc, pack: LanguagePack, si: int) -> bool:
    """Sentence ``si`` holds an event word of the carried kinds ("struck", "getötet")."""
    s = doc.sentences[si]
    return any(
        m.payload.kind in CARRY_KINDS
        for m in pack.triggers.find(doc.tokens, s.tok_start, s.tok_end)
    )


def _background(doc: Doc, pack: LanguagePack, si: int) -> bool:
    """Sentence ``si`` holds a background or habitual marker ("last year", "since the war
    began", "regularly"): it tells an earlier event or a pattern, not the one before it."""
    s = doc.sentences[si]
    return any(m.find(doc.tokens, s.tok_start, s.tok_end) for m in (pack.background, pack.habitual))


def _anchor(
    doc: Doc,
    pack: LanguagePack,
    claim: Claim,
    place: PlaceMention,
    spans: frozenset[Span],
    claims: Sequence[Claim],
) -> Location | None:
    """The location ``claim`` takes from ``place``: the place of the earlier event claims of
    the place's sentence (their own pick among its mentions, itself one that may name an event
    place), None when they name none or several, or when the sentence holds only claims of
    other kinds. The body's first sentence, without any claim, lends the mention itself."""
    si = _sentence_of(doc, place.span.start)
    if si is None or claim.span is None:
        return None
    sent = doc.sentences[si].span
    told = [
        c
        for c in claims
        if c is not claim
        and not c.in_headline
        and c.span is not None
        and sent.start <= c.span.start < sent.end
        and c.span.start < claim.span.start
    ]
    if not told:  # the lead sentence, when the reader drew no claim from it, lends its place
        # to an event it tells with event words ("nach dem Angriff auf den Markt in X wurde
        # Trauer ausgerufen"), not a trip's ("spoke in Kyiv"); later sentences lend none
        return _mention(place) if si == 0 and _tells_event(doc, pack, si) else None
    events = [
        c
        for c in told
        if c.kind in CARRY_KINDS
        and c.location is not None
        and c.certainty != Certainty.HYPOTHETICAL  # "could strike X next"
    ]
    named = {(c.location.geonames_id or c.location.name) for c in events if c.location}
    if len(named) != 1 or events[0].location is None or events[0].location.span not in spans:
        return None
    return events[0].location


def _carried(
    doc: Doc,
    pack: LanguagePack,
    claim: Claim,
    places: Sequence[PlaceMention],
    claims: Sequence[Claim],
) -> Location | None:
    """The location ``claim`` carries from an earlier sentence, or None."""
    if claim.span is None or claim.location is not None or claim.kind not in CARRY_KINDS:
        return None
    si = _sentence_of(doc, claim.span.start)
    if si is None or _background(doc, pack, si):
        return None
    sent = doc.sentences[si]
    before = [p for p in places if p.span.end <= sent.span.start]
    if not before:
        return None
    nearest = before[-1]
    pi = _sentence_of(doc, nearest.span.start)
    if pi is None:
        return None
    para = doc.sentences[pi].paragraph
    lead = doc.sentences[0].paragraph if doc.sentences else 0
    if para not in (sent.paragraph, lead) or si - pi > _WINDOW or _other_day(doc, si, pi):
        return None  # another paragraph's event; another day's
    return _anchor(doc, pack, claim, nearest, frozenset(p.span for p in places), claims)


def carry_places(doc: Doc, pack: LanguagePack, claims: list[Claim]) -> list[Claim]:
    """``claims`` where each event claim without a place takes the place of the event it
    continues (module doc); the location keeps the span of that mention."""
    if doc.headline or not any(c.location is None and c.kind in CARRY_KINDS for c in claims):
        return claims
    places = _candidates(doc, pack, claims)
    out: list[Claim] = []
    for c in claims:
        loc = _carried(doc, pack, c, places, claims)
        out.append(c if loc is None else dataclasses.replace(c, location=loc))
    return out
