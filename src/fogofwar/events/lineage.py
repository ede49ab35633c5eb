"""Lineage of an event: who reported it first, who cites whom, and how the story changed.

Appearances are ordered by publication date, then article id. Each appearance is summarised by
its main body claim (the first one stating a figure, else the first body claim); consecutive
summaries are compared field by field (killed/injured figures, victim group, place, certainty),
and each difference becomes a :class:`Change`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from fogofwar.claim import Claim, Count
from fogofwar.events.linking import claim_order
from fogofwar.events.model import ArticleMeta, Event
from fogofwar.events.provenance import StoredAccounts, trace_back
from fogofwar.events.sources import source_of

__all__ = [
    "Appearance",
    "Change",
    "Citation",
    "Lineage",
    "lineage",
    "main_claim",
    "place_of",
    "victim_group",
]


@dataclass(frozen=True, slots=True)
class Appearance:
    """One article reporting the event."""

    article_id: str
    outlet: str
    published: date | None
    claim_ids: tuple[str, ...]
    sources: tuple[str, ...]  # source labels, in claim order, each once
    repost_of: str | None = None  # the earlier article this one copies (near-duplicate)


@dataclass(frozen=True, slots=True)
class Citation:
    """``citing`` (an outlet) attributes the event to ``cited`` (a source or an outlet)."""

    citing: str
    cited: str
    how: str  # source | via | repost | forward
    article_id: str
    cited_article: str | None = None  # the stored article (or post) cited, when there is one


@dataclass(frozen=True, slots=True)
class Change:
    """A field that differs from the previous appearance's account."""

    field: str  # killed | injured | victims | place | certainty
    before: str
    after: str
    article_id: str
    claim_id: str


@dataclass(frozen=True, slots=True)
class Lineage:
    """First appearances, citations and changes of one event."""

    event_id: str
    appearances: tuple[Appearance, ...]
    citations: tuple[Citation, ...]
    changes: tuple[Change, ...]
    first_reporter: str | None = None  # the article the earliest account traces back to


def _fmt(count: Count | None) -> str:
    if count is None:
        return ""
    lo, hi = count.low, count.high
    if lo == hi:
        return str(lo)
    return f"{'' if lo is None else lo}-{'' if hi is None else hi}"


def victim_group(claim: Claim) -> str:
    """Who the figures are about: victim actors' names, plus the count's qualifier."""
    names = sorted({(a.normalized or a.name).lower() for a in claim.actors if a.role == "victim"})
    text = ", ".join(names)
    killed = claim.counts.killed
    if killed is not None and killed.qualifier:
        text = f"{text} ({killed.qualifier})" if text else f"({killed.qualifier})"
    return text


def place_of(claim: Claim) -> str:
    """A comparable rendering of the claim's place: name, admin1, country."""
    loc = claim.location
    if loc is None:
        return ""
    parts = [loc.normalized or loc.name, loc.admin1 or "", loc.country or ""]
    return ", ".join(p for p in parts if p)


def main_claim(claims: Sequence[Claim]) -> Claim | None:
    """The claim that summarises an article's account: first body claim with a figure."""
    body = sorted((c for c in claims if not c.in_headline), key=claim_order)
    with_counts = [c for c in body if not c.counts.is_empty()]
    chosen = with_counts or body
    return chosen[0] if chosen else None


def _summary(claim: Claim) -> dict[str, str]:
    return {
        "killed": _fmt(claim.counts.killed),
        "injured": _fmt(claim.counts.injured),
        "victims": victim_group(claim),
        "place": place_of(claim),
        "certainty": claim.certainty.value,
    }


def _first_account(appearances: Sequence[Appearance], citations: Sequence[Citation]) -> str | None:
    """The earliest appearance; among several of the earliest day, one that cites another."""
    if not appearances:
        return None
    day = appearances[0].published
    same = [a.article_id for a in appearances if a.published == day]
    citing = {c.article_id for c in citations if c.cited_article is not None}
    return next((a for a in same if a in citing), same[0])


def lineage(event: Event, claims: Mapping[str, Claim], metas: Mapping[str, ArticleMeta]) -> Lineage:
    """The lineage of ``event`` over the claims and article metadata given."""
    by_article: dict[str, list[Claim]] = {}
    for cid in event.claim_ids:
        c = claims.get(cid)
        if c is not None:
            by_article.setdefault(c.article_id, []).append(c)

    def when(aid: str) -> tuple[date, str]:
        meta = metas.get(aid)
        return (meta.published if meta and meta.published else date.max, aid)

    stored = StoredAccounts(sorted(by_article, key=when), metas)
    appearances: list[Appearance] = []
    citations: list[Citation] = []
    changes: list[Change] = []
    first_of_group: dict[str, str] = {}
    previous: dict[str, str] | None = None
    for aid in sorted(by_article, key=when):
        meta = metas.get(aid)
        outlet = meta.outlet if meta else aid
        own = sorted(by_article[aid], key=claim_order)
        labels: list[str] = []
        for c in own:
            src = source_of(c, meta)
            if src.label not in labels:
                labels.append(src.label)
            if c.source.name:
                cited = stored.find(c.source.name, src.key, aid)
                citations.append(Citation(outlet, c.source.name, "source", aid, cited))
            for via in c.source.via:
                citations.append(Citation(outlet, via, "via", aid, stored.find(via, None, aid)))
        citations.extend(
            Citation(outlet, n, how, aid, a) for n, how, a in stored.channel_links(aid)
        )
        named = {(c.cited_article, c.article_id) for c in citations if c.cited_article}
        citations.extend(
            Citation(outlet, n, how, aid, a)
            for n, how, a in stored.outlet_links(aid)
            if (a, aid) not in named
        )
        repost_of = None
        if meta and meta.dup_group:
            repost_of = first_of_group.setdefault(meta.dup_group, aid)
            if repost_of == aid:
                repost_of = None
            else:
                origin = metas.get(repost_of)
                citations.append(
                    Citation(outlet, origin.outlet if origin else repost_of, "repost", aid)
                )
        appearances.append(
            Appearance(
                aid,
                outlet,
                meta.published if meta else None,
                tuple(c.claim_id for c in own),
                tuple(labels),
                repost_of,
            )
        )
        main = main_claim(own)
        if main is None:
            continue
        summary = _summary(main)
        if previous is not None:
            for name, value in summary.items():
                if value and previous[name] and value != previous[name]:
                    changes.append(Change(name, previous[name], value, aid, main.claim_id))
        previous = {k: v or (previous or {}).get(k, "") for k, v in summary.items()}
    unique_citations = tuple(dict.fromkeys(citations))
    first = _first_account(appearances, unique_citations)
    return Lineage(
        event.event_id,
        tuple(appearances),
        unique_citations,
        tuple(changes),
        trace_back(first, ((c.article_id, c.cited_article) for c in unique_citations)),
    )
