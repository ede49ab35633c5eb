"""How well a claim fits an event: field-by-field comparison with an auditable score.

A claim is first reduced to :class:`ClaimFeatures` (kind group, time window, place, actors,
killed figure, sentence embedding). :func:`score` compares it with an :class:`EventProfile`
and returns the score (0..1: points earned over points available) with one
:class:`LinkReason` per field that contributed or vetoed.

The rules (documented in ``events/README.md``):

* **kind** — same kind earns all, kinds that routinely describe one real event
  (:data:`KIND_AFFINITY`, e.g. an attack and its casualties) nearly all, others of the
  group half; another group vetoes.
* **place** — hierarchy-aware: a place inside the event's place (a town in its admin1, an
  admin1 in its country) agrees at the coarser level's precision; a place beside it
  (another admin1 of the country, another country) vetoes.
* **time** — windows by precision, never after publication; two day-precise accounts naming
  days two or more apart are different events (veto), even where their days of slack touch;
  other gaps decay over the shorter window.
* **counts** — weak evidence: agreeing tolls add points, differing ones are not held against
  the link (tolls rise and sources disagree about one event) — except that another town of
  the event's region with a toll far from the event's (beyond a factor 2) is another strike
  (veto).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from fogofwar.claim import ActorRef, Certainty, Claim, ClaimKind, Count
from fogofwar.events.model import EventProfile, LinkReason, Vector, kind_group
from fogofwar.events.text_evidence import add_embedding, text_evidence
from fogofwar.geo.districts import district_key

__all__ = [
    "KIND_AFFINITY",
    "OPEN",
    "PLACE_SHARES",
    "WEIGHTS",
    "ClaimFeatures",
    "absorb",
    "claim_window",
    "features",
    "kind_share",
    "new_profile",
    "score",
]

# Points per field. ``text`` counts only when both sides have an embedding, ``counts`` only when
# both state a death toll and the tolls agree, ``article`` only for an event this claim's article
# already feeds.
WEIGHTS: dict[str, float] = {
    "kind": 0.15,
    "place": 0.30,
    "time": 0.15,
    "actors": 0.15,
    "counts": 0.05,
    "text": 0.25,
    "article": 0.15,
}

# Kinds that co-occur for one real event (share of the kind points): a strike reported as an
# attack by one outlet and by its toll (casualties) by another; a battle and its dead; a battle
# and the ground it won or lost; a town taken and the dead of the fight for it; a prisoner
# exchange read as detentions or as diplomacy; deserters and their arrest. Other kinds of one
# group earn half.
KIND_AFFINITY: dict[frozenset[str], float] = {
    frozenset({"attack", "casualties"}): 0.9,
    frozenset({"armed_clash", "casualties"}): 0.9,
    frozenset({"territorial_change", "armed_clash"}): 0.9,
    frozenset({"territorial_change", "casualties"}): 0.9,
    frozenset({"arrest", "diplomacy"}): 0.9,
    frozenset({"arrest", "desertion"}): 0.9,
}
_SAME_GROUP = 0.5

# Share of the place points by the finest level at which both places are known to agree:
# the same GeoNames place; one admin1 (one side no finer, or a town in the event's region);
# one admin1 but two different towns in it; one country (one side no finer than the country).
PLACE_SHARES: dict[str, float] = {
    "place": 1.0,
    "admin1": 0.75,
    "other_point": 0.35,
    "country": 0.4,
}

# Days of slack around a claimed date, by precision; before-publication claims without a
# date cover the fortnight up to publication.
_TOLERANCE = {"day": 1, "week": 3, "month": 3, "year": 7}
_UNDATED_DAYS = 14
_DAY_PRECISE = 4  # a window this short (a day ± 1, or a night over two days) names a day
# Share of a field's points when either side lacks it: no evidence either way.
_UNKNOWN = 0.25
_COARSE = ("country", "region")
_FINE = ("point", "admin2")  # places with a GeoNames id of their own below admin1


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """The comparable fields of one claim."""

    claim_id: str
    article_id: str
    kind: str
    group: str
    window: tuple[int, int] | None  # date ordinals, tolerance included
    country: str | None = None
    admin1: str | None = None  # "ISO3/admin1"
    place: int | None = None  # GeoNames id of a town or district (not of a region)
    point: bool = False  # the place is a point (town), not a district
    actors: frozenset[str] = frozenset()
    killed: tuple[int, int] | None = None
    embedding: Vector | None = field(default=None, compare=False, repr=False)
    lang: str | None = None  # the claim's language (its wording is compared within it)
    district: str | None = None  # "ISO3/admin1/district" of a town or district
    headline: bool = False  # a headline claim (its toll may sum several events)


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def claim_window(claim: Claim, published: date | None) -> tuple[int, int] | None:
    """The days (ordinals, inclusive) the claim's event may fall on, tolerance included,
    never after publication (a report follows what it reports)."""
    pub = published.toordinal() if published else None
    t = claim.time
    start = _ordinal(t.start) if t else None
    end = _ordinal(t.end) if t else None
    if t is not None and t.precision == "before_publication":
        # a report date ("said on Thursday") bounds the event from above only (claims-v1):
        # a start on that same day is no claim that it happened then
        start, end = None, end if end is not None else start
    if start is None and end is None:
        return None if pub is None else (pub - _UNDATED_DAYS, pub)
    if start is None:
        # "before publication" and open starts: the fortnight up to the stated end
        end = end or 0
        return (end - _UNDATED_DAYS, end if pub is None else min(end, pub))
    if end is None:
        end = start
    if t is not None and t.precision == "day" and end - start == 1:
        # a night over two dates ("у ніч на 6 липня", "in der Nacht zum Donnerstag",
        # "overnight") names the morning after: the day the strike is reported for
        start = end
    tol = _TOLERANCE.get(t.precision if t else "", 3)
    low, high = min(start, end) - tol, max(start, end) + tol
    if pub is not None and low <= pub < high:
        high = pub
    return (low, high)


OPEN = 10**9  # an open upper bound ("at least 27") in a (low, high) pair


def _range(count: Count | None) -> tuple[int, int] | None:
    if count is None or (count.low is None and count.high is None):
        return None
    low = count.low if count.low is not None else 0
    high = count.high if count.high is not None else OPEN
    return (low, max(low, high))


# who an actor is says which event it is only when it is someone in particular: a victim
# category ("people", "civilians", "Menschen") is shared by every strike
_CATEGORY_KINDS = frozenset({"civilians"})
_NAMED_KINDS = frozenset({"person", "organization", "armed_group", "state_forces", "government"})


def _identifies(actor: ActorRef) -> bool:
    """True when the actor names someone in particular, not a category of victims."""
    if actor.kind in _CATEGORY_KINDS:
        return False
    if actor.role in ("victim", "affected") and not actor.country:
        return actor.kind in _NAMED_KINDS
    return True


def _actor_tokens(claim: Claim) -> frozenset[str]:
    out: set[str] = set()
    for a in claim.actors:
        if not _identifies(a):
            continue
        out.add((a.normalized or a.name).strip().lower())
        if a.country:
            out.add("@" + a.country.upper())
    return frozenset(out)


def features(
    claim: Claim, published: date | None, embedding: Vector | None = None
) -> ClaimFeatures:
    """Reduce ``claim`` to what the linker compares."""
    loc = claim.location
    country = loc.country.upper() if loc and loc.country else None
    # a country-wide place ("in Ukraine") only ever matches at country level; a region's own
    # GeoNames id is not a place inside it, so only towns and districts keep theirs
    fine = loc is not None and loc.precision not in _COARSE
    admin1 = f"{country}/{loc.admin1.lower()}" if fine and loc and country and loc.admin1 else None
    return ClaimFeatures(
        claim_id=claim.claim_id,
        article_id=claim.article_id,
        kind=claim.kind.value,
        group=_group(claim),
        window=claim_window(claim, published),
        country=country,
        admin1=admin1,
        place=loc.geonames_id if loc and loc.precision in _FINE else None,
        point=bool(loc and loc.precision == "point"),
        actors=_actor_tokens(claim),
        killed=_range(claim.counts.killed),
        embedding=embedding,
        lang=claim.lang or None,
        district=district_key(loc) if fine else None,
        headline=claim.in_headline,
    )


def _group(claim: Claim) -> str:
    """The claim's kind group; a denial made as a statement ("the government denies that the
    city fell", "Kyiv denies any involvement") is compared with what it denies: in conflict
    news an attack, a clash or a capture (the violence group)."""
    if claim.kind is ClaimKind.STATEMENT and claim.certainty is Certainty.DENIED:
        return "violence"
    return kind_group(claim.kind)


def kind_share(kind: str, kinds: frozenset[str]) -> float:
    """Share of the kind points ``kind`` earns against an event holding ``kinds``."""
    if kind in kinds:
        return 1.0
    return max((KIND_AFFINITY.get(frozenset({kind, k}), _SAME_GROUP) for k in kinds), default=0.5)


def _place(c: ClaimFeatures, e: EventProfile) -> tuple[float | None, str]:
    """Share of the place weight earned (``None`` = veto) and what matched.

    Places nest (point ⊂ admin1 ⊂ country): a place inside the event's place, or containing
    it, agrees at the coarser one's level; places side by side at some level veto."""
    if c.country and e.countries and c.country not in e.countries:
        return None, f"country {c.country} not in {sorted(e.countries)}"
    e_admin1 = {a for a in e.admin1s if a.startswith(f"{c.country}/")}
    if c.admin1 and e_admin1 and c.admin1 not in e_admin1:
        if _nested(c.admin1, e_admin1):  # Sevastopol / "in Crimea": one region, two units
            return PLACE_SHARES["other_point"], f"admin1={c.admin1} within {sorted(e_admin1)}"
        return None, f"admin1 {c.admin1} not in {sorted(e_admin1)}"
    if c.place is not None and c.place in e.places:
        return PLACE_SHARES["place"], f"geonames={c.place}"
    if c.admin1 and c.admin1 in e_admin1:
        if c.point and e.places:
            return PLACE_SHARES["other_point"], f"admin1={c.admin1}, other point"
        if c.district and e.districts and c.district not in e.districts:
            # a district and a town outside it, a town outside the event's district, two
            # districts: side by side in one region, like two towns
            return PLACE_SHARES["other_point"], f"admin1={c.admin1}, other district"
        return PLACE_SHARES["admin1"], f"admin1={c.admin1}"
    if c.country and c.country in e.countries:
        inside = f", {c.admin1} inside" if c.admin1 else ""
        return PLACE_SHARES["country"], f"country={c.country}{inside}"
    return _UNKNOWN, "place unknown"


# first-level units that lie inside another region the news names as theirs: GeoNames makes the
# city of Sevastopol its own unit, but "in Crimea" ("в Крыму", "en Crimée") includes it
_WITHIN: dict[str, str] = {"UKR/sevastopol": "UKR/autonomous republic of crimea"}


def _nested(admin1: str, others: set[str]) -> bool:
    """True when ``admin1`` lies inside one of ``others`` or holds one of them."""
    return _WITHIN.get(admin1) in others or any(_WITHIN.get(o) == admin1 for o in others)


def _width(lo: int, hi: int) -> int:
    return hi - lo + 1


def _core(window: tuple[int, int]) -> tuple[int, int]:
    """The days a day-precise window names, without its day of slack each side (a window
    cut at publication keeps its last day: "today" is [yesterday, today])."""
    lo, hi = window
    return (lo + 1, hi - 1) if hi - lo >= 2 else (hi, hi)


def _days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between the named days of two day-precise windows (0 when they share one)."""
    (a0, a1), (b0, b1) = _core(a), _core(b)
    return max(0, a0 - b1, b0 - a1)


def _time(c: ClaimFeatures, e: EventProfile) -> tuple[float | None, str]:
    """Share of the time weight (``None`` = veto: two different days)."""
    if c.window is None:
        return 0.0, "no date"
    overlap = min(c.window[1], e.end) - max(c.window[0], e.start) + 1
    shortest = min(_width(*c.window), _width(e.start, e.end))
    if max(_width(*c.window), _width(e.start, e.end)) <= _DAY_PRECISE:
        apart = _days_apart(c.window, (e.start, e.end))
        if apart >= 2:  # the same place two days apart is another event
            return None, f"different days: {apart}d apart"
        if apart == 1:  # named days side by side (a night over two dates names both)
            return 0.0, "next day"
    if overlap > 0:
        return overlap / shortest, f"overlap={overlap}/{shortest}d"
    gap = -overlap + 1
    # a vaguer side: the gap decays over the shorter window (a week's slack for a week)
    return max(0.0, 1.0 - gap / max(shortest, 3)), f"gap={gap}d"


# a town changes hands over days: the defenders' withdrawal is told one day, the attackers'
# capture claim the next, each dated to its own report
_CAPTURE_DAYS = 3


def _as_process(c: ClaimFeatures, e: EventProfile) -> ClaimFeatures:
    """``c`` as the time field sees it: a territorial change of a town the event's territorial
    change names (the same GeoNames place) is a process of days, its window widened by
    :data:`_CAPTURE_DAYS` each side when that reaches the event's window (so a withdrawal on
    Wednesday and a capture claimed on Thursday are not two days side by side); any other claim,
    or one further apart, as it is."""
    if (
        c.window is None
        or c.kind != "territorial_change"
        or "territorial_change" not in e.kinds
        or c.place is None
        or c.place not in e.places
    ):
        return c
    lo, hi = lo_hi = c.window[0] - _CAPTURE_DAYS, c.window[1] + _CAPTURE_DAYS
    if lo > e.end or e.start > hi:
        return c  # further apart: another change of hands (the day veto still applies)
    return replace(c, window=lo_hi)


def _specificity(c: ClaimFeatures, e: EventProfile) -> float:
    """How much the time field can say when the windows meet: the shorter window over the
    longer. An undated account (the fortnight before publication) fits any strike of those
    weeks, so a day-precise event and it agree on time by default, and that agreement weighs a
    fifth as much. Windows apart weigh in full: a gap is evidence of another event."""
    if c.window is None or c.window[0] > e.end or e.start > c.window[1]:
        return 1.0
    short, long_ = sorted((_width(*c.window), _width(e.start, e.end)))
    return short / long_


def _counts(c: ClaimFeatures, e: EventProfile) -> tuple[float, str] | None:
    """Share of the counts points (``None``: no toll on one side); 0 is not held against."""
    if c.killed is None or e.killed is None:
        return None
    (cl, ch), (el, eh) = c.killed, e.killed
    if cl <= eh and el <= ch:
        return 1.0, f"killed {_fmt(cl, ch)} overlaps {_fmt(el, eh)}"
    lo, hi = sorted((max(cl, 1), max(el, 1)))
    if hi <= 2 * lo:
        return 0.5, f"killed {_fmt(cl, ch)} near {_fmt(el, eh)}"
    return 0.0, f"killed {_fmt(cl, ch)} vs {_fmt(el, eh)} (not held against)"


def _fmt(low: int, high: int) -> str:
    return f"{low}+" if high >= OPEN else str(low) if low == high else f"{low}-{high}"


def score(
    c: ClaimFeatures, e: EventProfile, same_article: bool = False
) -> tuple[float, tuple[LinkReason, ...]]:
    """Score ``c`` against ``e``: 0 on a veto (group, place, day), else earned/available."""
    if c.group != e.group:
        return 0.0, (LinkReason("kind", f"group {c.group} != {e.group}", 0.0),)
    place_share, place_detail = _place(c, e)
    if place_share is None:
        return 0.0, (LinkReason("place", place_detail, 0.0),)
    timed = _as_process(c, e)
    time_share, time_detail = _time(timed, e)
    if time_share is None:
        return 0.0, (LinkReason("time", time_detail, 0.0),)
    counts = _counts(c, e)
    if place_share == PLACE_SHARES["other_point"] and counts is not None and counts[0] == 0.0:
        # another town and a toll far from the event's: another strike (a mass strike on
        # Kryvyi Rih is not the one on Dnipro the same week)
        return 0.0, (LinkReason("place", f"{place_detail}; {counts[1]}", 0.0),)
    reasons: list[LinkReason] = []
    available = 0.0

    def add(name: str, share: float, detail: str, scale: float = 1.0) -> None:
        nonlocal available
        available += WEIGHTS[name] * scale
        reasons.append(LinkReason(name, detail, round(WEIGHTS[name] * scale * share, 4)))

    add("kind", kind_share(c.kind, e.kinds), f"kind={c.kind}")
    add("place", place_share, place_detail)
    add("time", time_share, time_detail, scale=_specificity(timed, e))
    shared = c.actors & e.actors
    smaller = min(len(c.actors), len(e.actors))
    if smaller:
        add("actors", len(shared) / smaller, f"shared={sorted(shared)}")
    else:
        add("actors", _UNKNOWN, "actors unknown")
    if same_article:
        add("article", 1.0, "event already holds a claim of this article")
    if counts is not None:
        # weak evidence: agreeing tolls add their share, differing ones are left out
        add("counts", 1.0, counts[1], scale=counts[0])
    text = text_evidence(c.embedding, c.lang, e.lang_embeddings, e.embedding)
    if text is not None:
        # wording is evidence for a link, never against it: the same event is told in other
        # words, other languages, and by the other side
        add("text", 1.0, text.detail, scale=text.share)
    earned = sum(r.weight for r in reasons)
    return (round(earned / available, 4) if available else 0.0), tuple(reasons)


def new_profile(event_id: str, c: ClaimFeatures, fallback_day: int) -> EventProfile:
    """The profile of an event founded by claim ``c``."""
    start, end = c.window if c.window else (fallback_day, fallback_day)
    return EventProfile(
        event_id=event_id,
        group=c.group,
        kinds=frozenset({c.kind}),
        start=start,
        end=end,
        countries=frozenset({c.country}) if c.country else frozenset(),
        admin1s=frozenset({c.admin1}) if c.admin1 else frozenset(),
        places=frozenset({c.place}) if c.place is not None else frozenset(),
        actors=c.actors,
        killed=c.killed,
        districts=frozenset({c.district}) if c.district else frozenset(),
        n_claims=1,
        embedding=c.embedding,
        lang_embeddings=add_embedding((), c.lang, c.embedding),
    )


def _window(e: EventProfile, c: ClaimFeatures) -> tuple[int, int]:
    """The event's window after ``c`` joined: a much vaguer account leaves a precise window
    as it is, a much more precise one narrows a vague window to its own; two windows of
    like precision that overlap keep the days both allow (each account says the event lies
    in its window, so it lies in both: an event never creeps day by day along a chain of
    accounts, each a day later than the last); windows apart (joined on other evidence)
    are united."""
    if c.window is None:
        return e.start, e.end
    cw, ew = _width(*c.window), _width(e.start, e.end)
    meets = c.window[0] <= e.end and e.start <= c.window[1]
    if meets and cw >= 2 * ew:
        return e.start, e.end
    if meets and ew >= 2 * cw:
        return c.window
    if meets:
        return max(e.start, c.window[0]), min(e.end, c.window[1])
    return min(e.start, c.window[0]), max(e.end, c.window[1])


def absorb(e: EventProfile, c: ClaimFeatures) -> EventProfile:
    """``e`` after claim ``c`` joined it (union of fields, running mean of embeddings)."""
    killed = e.killed
    # a headline's toll may add up several events ("missiles hit Dnipro and a nearby
    # district, killing eight"): it widens no toll its body already stated
    if c.killed is not None and not (c.headline and killed is not None):
        killed = (
            c.killed
            if killed is None
            else (min(killed[0], c.killed[0]), max(killed[1], c.killed[1]))
        )
    emb = e.embedding
    if c.embedding is not None:
        if emb is None:
            emb = c.embedding
        else:
            mean = emb * e.n_claims + c.embedding
            norm = float(np.linalg.norm(mean)) or 1.0
            emb = (mean / norm).astype(np.float32)
    start, end = _window(e, c)
    return replace(
        e,
        kinds=e.kinds | {c.kind},
        start=start,
        end=end,
        countries=e.countries | ({c.country} if c.country else set()),
        admin1s=e.admin1s | ({c.admin1} if c.admin1 else set()),
        places=e.places | ({c.place} if c.place is not None else set()),
        districts=e.districts | ({c.district} if c.district else set()),
        actors=e.actors | c.actors,
        killed=killed,
        n_claims=e.n_claims + 1,
        embedding=emb,
        lang_embeddings=add_embedding(e.lang_embeddings, c.lang, c.embedding),
    )
