"""Flags a careful reader raises, each with its reason and the spans it rests on.

Per article: the headline overstates or contradicts its body; the article places the same
actors in different countries. Per event: sources disagree on counts; a single source; only
unnamed or social-media sources; certainty lost in retelling (a later account states firmly
what the first one hedged).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from fogofwar.claim import Certainty, Claim, Count
from fogofwar.events.disputes import characterisation_flags, superseded_flags
from fogofwar.events.lineage import victim_group
from fogofwar.events.linking import claim_order
from fogofwar.events.model import (
    ArticleMeta,
    Event,
    Flag,
    FlagCode,
    FlagSpan,
    context_claims,
    kind_group,
)
from fogofwar.events.reconcile import Reconciliation
from fogofwar.events.sources import CERTAINTY_RANK, is_weak, source_of
from fogofwar.events.victims import count_group, is_subgroup

__all__ = ["article_flags", "event_flags", "flags_on"]


def _span(c: Claim) -> FlagSpan:
    return FlagSpan(c.article_id, c.claim_id, c.span, c.in_headline)


def _rank(c: Claim) -> int | None:
    return CERTAINTY_RANK.get(c.certainty)


_FIRM = (Certainty.CONFIRMED, Certainty.ASSERTED)
_HEDGED = (Certainty.REPORTED, Certainty.UNVERIFIED, Certainty.HYPOTHETICAL)
_ROUNDING = 1.1  # a headline may round its body's figure up by at most a tenth


def _ceiling(bodies: Sequence[Claim], name: str) -> tuple[int | None, Claim | None]:
    """The largest figure the body gives for ``name`` (None: open-ended, or none stated)."""
    top: tuple[int, Claim] | None = None
    for b in bodies:
        c: Count | None = getattr(b.counts, name)
        if c is None or (c.low is None and c.high is None):
            continue
        if c.high is None:
            return None, b  # "at least n": the body bounds nothing from above
        if top is None or c.high > top[0]:
            top = (c.high, b)
    return (top[0], top[1]) if top else (None, None)


def _rounded(shown: int, stated: int) -> bool:
    """``shown`` is ``stated`` rounded up as headlines round ("nearly 3,000" for 2,900; "50"
    for 47): a round figure at most a tenth above the body's."""
    return shown >= 10 and shown % 10 == 0 and shown <= stated * _ROUNDING


def _headline_vs_body(head: Claim, bodies: Sequence[Claim]) -> list[tuple[FlagCode, str, Claim]]:
    """What the headline states more strongly than its body does: a higher figure than any
    the body gives, a subgroup the body only names among the victims, or firm words where the
    body only hedges. Ordinary compression (a figure without its attribution, "reports say"
    for "unconfirmed reports") is not overstating."""
    out: list[tuple[FlagCode, str, Claim]] = []
    first = bodies[0]
    for name in ("killed", "injured"):
        hc: Count | None = getattr(head.counts, name)
        if hc is None:
            continue
        h_val = hc.low if hc.low is not None else hc.high
        ceiling, at = _ceiling(bodies, name)
        if (
            h_val is not None
            and ceiling is not None
            and at is not None
            and h_val > ceiling
            and not _rounded(h_val, ceiling)
        ):
            out.append(
                (FlagCode.HEADLINE_OVERSTATES, f"headline says {h_val} {name}, body {ceiling}", at)
            )
        group = count_group(head, hc)
        if h_val is None or not is_subgroup(group):
            continue
        same = [b for b in bodies if _counts_group(b, name, group, h_val)]
        among = next((b for b in bodies if getattr(b.counts, name) is not None), None)
        if not same and among is not None:
            bc: Count = getattr(among.counts, name)
            out.append(
                (
                    FlagCode.HEADLINE_OVERSTATES,
                    f"body: {bc.low} {victim_group(among) or 'people'}; headline: {h_val}"
                    f" {victim_group(head) or group} (a group the body only says was among"
                    " them)",
                    among,
                )
            )
    firmest = min(bodies, key=lambda b: CERTAINTY_RANK.get(b.certainty, 9))
    hedged = firmest.certainty in _HEDGED
    if (head.certainty in _FIRM and hedged) or (
        head.certainty is Certainty.CONFIRMED and firmest.certainty is not Certainty.CONFIRMED
    ):
        out.append(
            (
                FlagCode.HEADLINE_OVERSTATES,
                f"headline {head.certainty.value}, body only {firmest.certainty.value}"
                f" ({firmest.source.name or firmest.source.kind.value})",
                firmest,
            )
        )
    if head.certainty is Certainty.DENIED and all(
        b.certainty is not Certainty.DENIED for b in bodies
    ):
        out.append((FlagCode.HEADLINE_CONTRADICTS, "headline denies what the body states", first))
    hc_ = head.location.country if head.location else None
    countries = {
        b.location.country
        for b in bodies
        if b.location and b.location.country and not b.counts.is_empty()
    }
    if hc_ and countries and hc_ not in countries:
        bc_ = sorted(countries)[0]
        out.append(
            (FlagCode.HEADLINE_CONTRADICTS, f"headline places it in {hc_}, body in {bc_}", first)
        )
    return out


def _counts_group(body: Claim, name: str, group: str, value: int) -> bool:
    """``body`` gives a figure of at least ``value`` for ``group`` itself (or a part of it)."""
    c: Count | None = getattr(body.counts, name)
    if c is None:
        return False
    g = count_group(body, c)
    top = c.high if c.high is not None else (c.low or 0)
    return (g == group or g.startswith(group + "/")) and (c.high is None or top >= value)


def _actors(c: Claim) -> set[str]:
    return {(a.normalized or a.name).lower() for a in c.actors}


def article_flags(
    claims: Sequence[Claim], event_of: Mapping[str, str] | None = None
) -> tuple[Flag, ...]:
    """Headline and place flags of ONE article's claims (``event_of``: claim id → event id)."""
    events = event_of or {}
    ordered = sorted(claims, key=claim_order)
    body = [c for c in ordered if not c.in_headline]
    flags: list[Flag] = []
    for head in (c for c in ordered if c.in_headline):
        same_event = [b for b in body if events.get(b.claim_id, "-") == events.get(head.claim_id)]
        pool = same_event or [b for b in body if kind_group(b.kind) == kind_group(head.kind)]
        if not pool:
            continue
        for code, reason, b in _headline_vs_body(head, pool):
            if any(f.code == code and f.reason == reason for f in flags):
                continue  # two headline claims, one finding
            flags.append(
                Flag(
                    code,
                    reason,
                    events.get(head.claim_id),
                    head.article_id,
                    (_span(head), _span(b)),
                )
            )
    located = [c for c in body if c.location and c.location.country]
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(located):
        for b in located[i + 1 :]:
            ca, cb = (
                a.location.country if a.location else None,
                b.location.country if b.location else None,
            )
            shared = _actors(a) & _actors(b)
            if ca and cb and ca != cb and shared:
                pair = (min(ca, cb), max(ca, cb))
                if pair in seen:
                    continue
                seen.add(pair)
                flags.append(
                    Flag(
                        FlagCode.PLACE_INCONSISTENT,
                        f"{', '.join(sorted(shared))} placed in {ca} and in {cb}",
                        None,
                        a.article_id,
                        (_span(a), _span(b)),
                    )
                )
    return tuple(flags)


def flags_on(event: Event, per_article: Iterable[Flag]) -> tuple[Flag, ...]:
    """The per-article flags that belong to ``event``: raised on it (headline flags carry their
    headline claim's event), or unattached but resting on one of its claims."""
    ids = set(event.claim_ids)
    return tuple(
        f
        for f in per_article
        if f.event_id == event.event_id
        or (f.event_id is None and any(s.claim_id in ids for s in f.spans))
    )


def event_flags(
    event: Event,
    claims: Mapping[str, Claim],
    metas: Mapping[str, ArticleMeta],
    reconciliation: Reconciliation | None = None,
) -> tuple[Flag, ...]:
    """Sourcing, count and certainty flags of one event."""
    context = context_claims(event)
    own = [claims[c] for c in event.claim_ids if c in claims and c not in context]
    body = [c for c in own if not c.in_headline] or own
    if not body:
        return ()
    flags: list[Flag] = []
    sources = {source_of(c, metas.get(c.article_id)).key for c in body}
    if len(sources) == 1:
        label = source_of(body[0], metas.get(body[0].article_id)).label
        flags.append(
            Flag(
                FlagCode.SINGLE_SOURCE,
                f"only source: {label}",
                event.event_id,
                None,
                (_span(body[0]),),
            )
        )
    if all(is_weak(c) for c in body):
        flags.append(
            Flag(
                FlagCode.WEAK_SOURCES,
                "only unnamed or social-media sources",
                event.event_id,
                None,
                tuple(_span(c) for c in body),
            )
        )
    if reconciliation is not None:
        for fig in reconciliation.figures:
            if fig.disagreement:
                current = [f for f in fig.figures if f.current]
                detail = "; ".join(f"{f.source}: {f.value}" for f in current)
                spans = tuple(
                    FlagSpan(f.article_id, f.claim_id, claims[f.claim_id].span)
                    for f in current
                    if f.claim_id in claims
                )
                flags.append(
                    Flag(
                        FlagCode.COUNTS_DISAGREE,
                        f"{fig.field} ({fig.group}): {detail}",
                        event.event_id,
                        None,
                        spans,
                    )
                )
        flags.extend(superseded_flags(event, reconciliation, claims))
    flags.extend(_certainty_lost(event, body, metas))
    flags.extend(characterisation_flags(event, body, metas))
    return tuple(flags)


def _certainty_lost(
    event: Event, body: Sequence[Claim], metas: Mapping[str, ArticleMeta]
) -> list[Flag]:
    def when(c: Claim) -> tuple[str, str]:
        meta = metas.get(c.article_id)
        return (meta.published.isoformat() if meta and meta.published else "9999", c.article_id)

    ordered = sorted(body, key=when)
    first_article = ordered[0].article_id
    firmest_early: Claim | None = None
    for c in ordered:
        r = _rank(c)
        if c.article_id == first_article:
            if r is not None and (firmest_early is None or r < (_rank(firmest_early) or 9)):
                firmest_early = c
            continue
        if firmest_early is None or r is None:
            continue
        early_rank = _rank(firmest_early) or 0
        retold = (
            c.source.name is None
            or source_of(c, metas.get(c.article_id)).key
            == source_of(firmest_early, metas.get(firmest_early.article_id)).key
        )
        if r < early_rank and retold:
            return [
                Flag(
                    FlagCode.CERTAINTY_LOST,
                    f"first account {firmest_early.certainty.value}, later retold as"
                    f" {c.certainty.value}",
                    event.event_id,
                    c.article_id,
                    (_span(firmest_early), _span(c)),
                )
            ]
    return []
