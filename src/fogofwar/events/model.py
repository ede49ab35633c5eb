"""Value types of the events layer: article metadata, link decisions, events and their findings.

Every stage of :mod:`fogofwar.events` takes and returns these frozen dataclasses; nothing travels
between stages as a dict. Dates are :class:`datetime.date`; day arithmetic uses ordinals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import urlsplit

import numpy as np
import numpy.typing as npt

from fogofwar.claim import Claim, ClaimKind
from fogofwar.events.channels import channel_of_url
from fogofwar.model import Article, Span

__all__ = [
    "KIND_GROUPS",
    "ArticleGroup",
    "ArticleMeta",
    "Decision",
    "DecisionKind",
    "Event",
    "EventProfile",
    "Flag",
    "FlagCode",
    "FlagSpan",
    "LinkDecision",
    "LinkDecisions",
    "LinkReason",
    "Vector",
    "context_claims",
    "kind_group",
    "outlet_label",
    "telegram_fields",
]

Vector = npt.NDArray[np.float32]

# Kinds that can describe the same real-world event: a strike reported as an attack by one
# outlet and as "8 killed" (casualties) by another; a battle and the ground it changed; a
# prisoner exchange read as arrest or as diplomacy. Linking only compares claims within one
# group (which kinds within a group co-occur: ``scoring.KIND_AFFINITY``).
KIND_GROUPS: dict[ClaimKind, str] = {
    ClaimKind.ATTACK: "violence",
    ClaimKind.ARMED_CLASH: "violence",
    ClaimKind.CASUALTIES: "violence",
    ClaimKind.TERRITORIAL_CHANGE: "violence",
    ClaimKind.ARREST: "custody",
    ClaimKind.DESERTION: "custody",
    ClaimKind.DIPLOMACY: "custody",
    ClaimKind.DEPLOYMENT: "deployment",
    ClaimKind.PROTEST: "protest",
    ClaimKind.STATEMENT: "statement",
    ClaimKind.OTHER: "other",
}


def kind_group(kind: ClaimKind) -> str:
    """The blocking group of a claim kind (see :data:`KIND_GROUPS`)."""
    return KIND_GROUPS[kind]


def _host(value: str | None) -> str | None:
    if not value or "://" not in value:
        return None
    host = urlsplit(value).hostname
    return host.removeprefix("www.") if host else None


def outlet_label(article: Article) -> str:
    """A readable outlet label: the article's publisher (a site's name, a Telegram channel:
    every channel on t.me is its own outlet), else the host of its URL or source URL, else its
    section, else the file's stem (never a file path, never its authors: a journalist carries
    the story but is not its outlet, nor its source)."""
    if article.publisher:
        return article.publisher
    host = _host(article.url) or _host(article.source)
    if host:
        return host
    if article.section:
        return article.section
    name = article.source.split("#", 1)[0].replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    return stem or article.source


def _username(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return channel_of_url(value) or value.strip().lstrip("@").split()[0]


def telegram_fields(article: Article) -> tuple[str | None, str | None]:
    """``(channel, forwarded_from)`` usernames of a Telegram post, else ``(None, None)``.

    The channel is the post URL's (``https://t.me/<channel>/<id>``), else the article's
    ``publisher`` attribute when the article is a Telegram post (``source_format ==
    "telegram"``) or the publisher is an ``@handle``; ``forwarded_from`` is read from the
    article's ``metadata`` mapping (key ``forwarded_from``: a username, ``@handle`` or t.me
    link). Readers that add neither attribute simply give no channel."""
    channel = channel_of_url(article.url) or channel_of_url(article.source)
    publisher = article.publisher
    telegram = article.source_format == "telegram"
    if channel is None and isinstance(publisher, str) and (telegram or publisher.startswith("@")):
        channel = _username(publisher)
    forwarded = article.forwarded_from
    if forwarded is None:
        metadata = getattr(article, "metadata", None)
        forwarded = metadata.get("forwarded_from") if isinstance(metadata, Mapping) else None
    return channel, _username(forwarded)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the events layer needs to know about an article (claims carry only its id)."""

    article_id: str
    published: date | None
    outlet: str
    lang: str = "other"
    title: str = ""
    text: str = ""
    url: str | None = None
    dup_group: str | None = None  # id of its near-duplicate group (see :mod:`.dedup`)
    authors: tuple[str, ...] = ()  # bylines: carriers of the story, never its sources
    channel: str | None = None  # a Telegram post: the channel's @username (see :mod:`.channels`)
    forwarded_from: str | None = None  # a forwarded post: the @username it was forwarded from
    publisher: str | None = None  # the article's stated publisher (outlet, channel), if any

    @classmethod
    def from_article(cls, article: Article, dup_group: str | None = None) -> ArticleMeta:
        """Metadata of ``article``; the outlet is labelled by :func:`outlet_label`, a Telegram
        post's outlet is its channel (see :func:`telegram_fields`)."""
        channel, forwarded = telegram_fields(article)
        return cls(
            article_id=article.id,
            published=article.published,
            outlet=f"@{channel}" if channel else outlet_label(article),
            lang=article.language,
            title=article.title or "",
            text=article.text,
            url=article.url,
            dup_group=dup_group,
            authors=article.authors,
            channel=channel,
            forwarded_from=forwarded,
            publisher=article.publisher,
        )

    @property
    def evidence_id(self) -> str:
        """Identity as evidence: reposts of one wire story count once."""
        return self.dup_group or self.article_id

    def claim_text(self, claim: Claim) -> str:
        """The sentence a claim sits in (its own span, else the headline / whole title)."""
        base = self.title if claim.in_headline else self.text
        span: Span | None = claim.sentence or claim.span
        if span is None or span.end > len(base):
            return base if claim.in_headline else ""
        return span.slice(base)


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    """Near-duplicate articles (reposts, wire copies); the earliest is the representative."""

    group_id: str
    article_ids: tuple[str, ...]  # earliest first
    similarity: float  # lowest estimated Jaccard of a member to the representative


@dataclass(frozen=True, slots=True)
class LinkReason:
    """One field compared while scoring a claim against an event, and what it contributed."""

    field: str  # kind | place | time | actors | counts | text
    detail: str  # what matched, e.g. "admin1=Kharkiv Oblast", "gap=0d", "cos=0.81"
    weight: float  # points this field contributed to the score


@dataclass(frozen=True, slots=True)
class LinkDecision:
    """Where one claim went and why; kept for audit."""

    claim_id: str
    article_id: str
    event_id: str
    score: float  # 0..1; for a new event, the best rejected candidate's score (or 0)
    new_event: bool
    reasons: tuple[LinkReason, ...] = ()
    nearest: str | None = None  # best rejected candidate, for a new event
    by: str = "linker"  # linker | merge | split


@dataclass(frozen=True, slots=True)
class EventProfile:
    """What the linker remembers about an event to score new claims against it."""

    event_id: str
    group: str
    kinds: frozenset[str]
    start: int  # date ordinal, earliest claimed day
    end: int  # date ordinal, latest claimed day
    countries: frozenset[str] = frozenset()
    admin1s: frozenset[str] = frozenset()  # "ISO3/admin1"
    places: frozenset[int] = frozenset()  # GeoNames ids
    actors: frozenset[str] = frozenset()  # normalised names, lower case
    killed: tuple[int, int] | None = None  # widest (low, high) stated
    districts: frozenset[str] = frozenset()  # "ISO3/admin1/district" of its towns and districts
    n_claims: int = 0
    embedding: Vector | None = field(default=None, compare=False, repr=False)
    # per language of its claims: (language, claims, normalised mean embedding), by language;
    # a new claim's wording is compared with its own language's accounts where there are some
    lang_embeddings: tuple[tuple[str, int, Vector], ...] = field(
        default=(), compare=False, repr=False
    )


@dataclass(frozen=True, slots=True)
class LinkDecisions:
    """The outcome of linking one article: a decision per claim and the profiles it touched."""

    article_id: str
    decisions: tuple[LinkDecision, ...]
    profiles: tuple[EventProfile, ...]  # new or updated, to store in the index

    def event_of(self, claim_id: str) -> str | None:
        """The event a claim was linked to."""
        for d in self.decisions:
            if d.claim_id == claim_id:
                return d.event_id
        return None


class DecisionKind(StrEnum):
    """Manual corrections an analyst can record."""

    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Decision:
    """A manual merge or split, stored and re-applied on every re-run."""

    kind: DecisionKind
    event_id: str  # merge: the event that survives; split: the event split from
    other: str | None = None  # merge: the event absorbed
    claim_ids: tuple[str, ...] = ()  # split: the claims moved to a new event
    decided_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event as the claims linked to it describe it."""

    event_id: str
    claim_ids: tuple[str, ...]
    links: tuple[LinkDecision, ...] = ()


def context_claims(event: Event) -> frozenset[str]:
    """Claims of ``event`` kept only as its context (a background fact, a launch site): listed
    with the event but never its place, kind, source or figure (see :mod:`.linking`)."""
    return frozenset(
        d.claim_id for d in event.links if any(r.field == "context" for r in d.reasons)
    )


class FlagCode(StrEnum):
    """What a careful reader would flag; stable codes, users filter on them."""

    HEADLINE_OVERSTATES = "headline_overstates"
    HEADLINE_CONTRADICTS = "headline_contradicts"
    PLACE_INCONSISTENT = "place_inconsistent"
    COUNTS_DISAGREE = "counts_disagree"
    SINGLE_SOURCE = "single_source"
    WEAK_SOURCES = "weak_sources"
    CERTAINTY_LOST = "certainty_lost"
    SUPERSEDED = "superseded"
    CHARACTERISATION_DISPUTED = "characterisation_disputed"


@dataclass(frozen=True, slots=True)
class FlagSpan:
    """Evidence of a flag: a span in an article's body (or title, for headline claims)."""

    article_id: str
    claim_id: str
    span: Span | None
    in_headline: bool = False


@dataclass(frozen=True, slots=True)
class Flag:
    """A finding with its reason and the spans it rests on."""

    code: FlagCode
    reason: str
    event_id: str | None = None
    article_id: str | None = None
    spans: tuple[FlagSpan, ...] = ()
