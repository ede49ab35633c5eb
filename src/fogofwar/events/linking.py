"""Incremental claim → event linking.

:func:`link_article` links the claims of ONE new article against a :class:`LinkIndex`: each
claim is compared only with the events in its blocks (kind group × country × week), plus the
events this article founded or grew so far; the best candidate at or above the threshold wins
(ties broken by event id), otherwise the claim founds an event whose id derives from its claim
id. Nothing in the index changes until :func:`commit`; the result records, per claim, the event,
the score and the fields that matched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from fogofwar.claim import Claim
from fogofwar.events.blocking import LinkIndex, event_keys, query_keys
from fogofwar.events.context import context_reason, launch_site, near_place
from fogofwar.events.embedding import Embedder
from fogofwar.events.model import (
    ArticleMeta,
    EventProfile,
    LinkDecision,
    LinkDecisions,
    LinkReason,
)
from fogofwar.events.scoring import ClaimFeatures, absorb, features, new_profile, score

__all__ = [
    "LINK_THRESHOLD",
    "LinkConfig",
    "claim_order",
    "commit",
    "event_id_for",
    "link_article",
    "link_articles",
    "link_order",
]

LINK_THRESHOLD = 0.6


@dataclass(frozen=True, slots=True)
class LinkConfig:
    """Linker settings."""

    threshold: float = LINK_THRESHOLD
    # an event this article already feeds needs less: one article mostly reports one event,
    # and the vetoes (kind group, country, region) still apply
    same_article_threshold: float = 0.4


def event_id_for(claim_id: str) -> str:
    """Id of the event a claim founds: stable across re-runs."""
    return "e" + hashlib.sha256(claim_id.encode("utf-8")).hexdigest()[:15]


_PLACE_RANK = {"point": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 3}


def claim_order(claim: Claim) -> tuple[int, int, str]:
    """Body claims in text order, then headline claims (so a headline joins its body's event)."""
    start = claim.span.start if claim.span else -1
    return (int(claim.in_headline), start, claim.claim_id)


def link_order(claim: Claim) -> tuple[int, int, int, str]:
    """Linking order within an article: the most precisely placed claims found events first,
    then body before headline, then text order."""
    loc = claim.location
    rank = _PLACE_RANK.get(loc.precision or "", 3) if loc is not None else 4
    if carried_place(claim):
        rank = 4  # its place is another sentence's: it links after the claims naming theirs
    return (rank, *claim_order(claim))


def carried_place(claim: Claim) -> bool:
    """The claim's place was named outside its own sentence (taken from the event it
    continues, nlp/place_carry.py)."""
    loc, sent = claim.location, claim.sentence
    if loc is None or loc.span is None or sent is None or claim.in_headline:
        return False
    return not (sent.start <= loc.span.start < sent.end)


def _embed(
    claims: Sequence[Claim], meta: ArticleMeta, embedder: Embedder | None
) -> list[ClaimFeatures]:
    texts = [meta.claim_text(c) for c in claims]
    vectors = embedder.embed(texts) if embedder is not None and claims else None
    out = []
    for i, c in enumerate(claims):
        emb = vectors[i] if vectors is not None and texts[i].strip() else None
        out.append(features(c, meta.published, emb))
    return out


def link_article(
    claims: Iterable[Claim],
    meta: ArticleMeta,
    index: LinkIndex,
    *,
    embedder: Embedder | None = None,
    config: LinkConfig = LinkConfig(),
    linked: Mapping[str, str] | None = None,
) -> LinkDecisions:
    """Decide, for each claim of the article ``meta``, which event it belongs to.

    ``linked`` (claim id → event id) names claims linked before: re-linking them is
    idempotent — they stay in their event, which is not grown again, and count as this
    article's events for its other claims."""
    fallback_day = (meta.published or date(1970, 1, 1)).toordinal()
    local: dict[str, EventProfile] = {}
    decisions: list[LinkDecision] = []
    before = linked or {}
    fresh = []
    for c in sorted((c for c in claims if c.article_id == meta.article_id), key=link_order):
        eid = before.get(c.claim_id)
        held = local.get(eid) or index.get(eid) if eid is not None else None
        if eid is None or held is None:
            fresh.append(c)
            continue
        local[eid] = held
        reason = LinkReason("linked", "claim already linked to this event", 0.0)
        decisions.append(LinkDecision(c.claim_id, c.article_id, eid, 1.0, False, (reason,)))
    why = {c.claim_id: context_reason(c, meta) for c in fresh}
    carried = {c.claim_id for c in fresh if carried_place(c)}
    fresh.sort(key=lambda c: (why[c.claim_id] is not None, link_order(c)))
    stripped = [_linked_place(c, meta) for c in fresh]
    for f in _embed(stripped, meta, embedder):
        keys = set(query_keys(f))
        cands = {p.event_id: p for p in index.candidates(sorted(keys))}
        for eid, p in local.items():
            if eid in cands or keys & set(event_keys(p)):
                cands[eid] = p
        scored = sorted(
            ((*score(f, p, p.event_id in local), p) for p in cands.values()),
            key=lambda t: (-t[0], t[2].event_id),
        )
        passing = [
            t
            for t in scored
            if t[0]
            >= (config.same_article_threshold if t[2].event_id in local else config.threshold)
        ]
        if (f.headline or f.claim_id in carried) and any(t[2].event_id in local for t in passing):
            # a headline restates its body: it joins the body's event it fits, not a look-alike
            # elsewhere (an undated "toll rises to ten" fits many strikes of those weeks); so
            # does a claim whose place its article took from the event it continues
            passing = [t for t in passing if t[2].event_id in local]
        ctx = why[f.claim_id]
        if ctx == "launch site":
            target = (
                passing[0][2].event_id if passing else _article_event(decisions, local, f, True)
            )
            if target is not None:
                decisions.append(_context(f, target, ctx))
                continue
        if passing:
            s, reasons, best = passing[0]
            local[best.event_id] = absorb(best, f)
            decisions.append(
                LinkDecision(f.claim_id, f.article_id, best.event_id, s, False, reasons)
            )
            continue
        if ctx is not None:
            any_group = ctx in ("background", "launch site", "aircraft over")
            target = _article_event(decisions, local, f, any_group)
            held = local.get(target) if ctx == "aircraft over" and target is not None else None
            if held is not None and f.country in held.countries:
                target = None  # jets over the event's own country: the target, an event of its own
            if target is not None:
                decisions.append(_context(f, target, ctx))
                continue
        eid = event_id_for(f.claim_id)
        local[eid] = new_profile(eid, f, fallback_day)
        near = scored[0] if scored else None
        decisions.append(
            LinkDecision(
                f.claim_id,
                f.article_id,
                eid,
                near[0] if near else 0.0,
                True,
                near[1] if near else (),
                near[2].event_id if near else None,
            )
        )
    return LinkDecisions(meta.article_id, tuple(decisions), tuple(local[k] for k in sorted(local)))


def _linked_place(claim: Claim, meta: ArticleMeta) -> Claim:
    """The claim as the linker sees its place: a launch site is not where the event happened
    (no place), a town named only as what the event was near places it in the town's region."""
    loc = claim.location
    if loc is None:
        return claim
    if launch_site(claim, meta):
        return replace(claim, location=None)
    if near_place(claim, meta):
        return replace(claim, location=replace(loc, precision="admin1", geonames_id=None))
    return claim


def _context(f: ClaimFeatures, event_id: str, reason: str) -> LinkDecision:
    why = LinkReason("context", f"{reason}: context of its article's event, not an event", 0.0)
    return LinkDecision(f.claim_id, f.article_id, event_id, 0.0, False, (why,))


def _article_event(
    decisions: Sequence[LinkDecision],
    local: Mapping[str, EventProfile],
    f: ClaimFeatures,
    any_group: bool,
) -> str | None:
    """The first event this article's claims joined or founded (not as context): of the
    claim's kind group, else (``any_group``) of any."""
    own = [d for d in decisions if not any(r.field == "context" for r in d.reasons)]
    same = [d.event_id for d in own if d.event_id in local and local[d.event_id].group == f.group]
    if same:
        return same[0]
    return own[0].event_id if own and any_group else None


def commit(index: LinkIndex, decisions: LinkDecisions) -> None:
    """Store the events an article founded or grew."""
    index.put(decisions.profiles)


def link_articles(
    metas: Iterable[ArticleMeta],
    claims: Mapping[str, Sequence[Claim]],
    index: LinkIndex,
    *,
    embedder: Embedder | None = None,
    config: LinkConfig = LinkConfig(),
) -> tuple[LinkDecisions, ...]:
    """Link many articles, earliest publication first (then by id), committing each."""
    out = []
    for meta in sorted(metas, key=lambda m: (m.published or date.max, m.article_id)):
        d = link_article(
            claims.get(meta.article_id, ()), meta, index, embedder=embedder, config=config
        )
        commit(index, d)
        out.append(d)
    return tuple(out)
