"""The claim record (``claims-v1``): frozen dataclasses and their JSON form.

This module is the one place that knows the public contract in ``spec/claims-v1.md``.
Every export and API writes claims through :meth:`Claim.to_record`, and reads them back with
:meth:`Claim.from_record`; a round-trip test guards that the two agree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from fogofwar.model import Span

__all__ = [
    "SCHEMA",
    "ActorRef",
    "Certainty",
    "Claim",
    "ClaimKind",
    "Count",
    "Counts",
    "Cue",
    "Location",
    "SourceKind",
    "SourceRef",
    "TimeRef",
    "claim_id_for",
]

SCHEMA = "claims-v1"


class ClaimKind(StrEnum):
    """Coarse event kinds (KINDS in the contract)."""

    ARMED_CLASH = "armed_clash"
    ATTACK = "attack"
    CASUALTIES = "casualties"
    DEPLOYMENT = "deployment"
    TERRITORIAL_CHANGE = "territorial_change"
    ARREST = "arrest"
    DESERTION = "desertion"
    PROTEST = "protest"
    DIPLOMACY = "diplomacy"
    STATEMENT = "statement"
    OTHER = "other"


class SourceKind(StrEnum):
    """Who makes a claim (SOURCE_KINDS in the contract)."""

    GOVERNMENT = "government"
    MILITARY = "military"
    INTELLIGENCE = "intelligence"
    MEDIA = "media"
    NGO_IO = "ngo_io"
    WITNESS = "witness"
    COMBATANT = "combatant"
    EXPERT = "expert"
    SOCIAL_MEDIA = "social_media"
    UNNAMED = "unnamed"
    AUTHOR = "author"


class Certainty(StrEnum):
    """How firmly a claim is made, firmest first (CERTAINTY in the contract)."""

    CONFIRMED = "confirmed"
    ASSERTED = "asserted"
    CLAIMED = "claimed"
    REPORTED = "reported"
    UNVERIFIED = "unverified"
    HYPOTHETICAL = "hypothetical"
    DENIED = "denied"


COUNT_FIELDS = ("killed", "injured", "arrested", "missing", "displaced")


def _span(value: Span | None) -> dict[str, int] | None:
    return value.to_json() if value is not None else None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor taking part in a claim, by surface form plus what the registry knows."""

    name: str
    role: str  # actor | target | victim | affected | ally
    normalized: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    kind: str | None = (
        None  # state_forces | government | armed_group | civilians | person | organization | other
    )
    span: Span | None = None

    def to_record(self) -> dict[str, Any]:
        """Contract form."""
        return {
            "name": self.name,
            "normalized": self.normalized,
            "role": self.role,
            "country": self.country,
            "kind": self.kind,
            "span": _span(self.span),
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> ActorRef:
        """Inverse of :meth:`to_record`."""
        return cls(
            name=r["name"],
            role=r["role"],
            normalized=r.get("normalized"),
            country=r.get("country"),
            kind=r.get("kind"),
            span=Span.from_json(r.get("span")),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """Where a claim places its event. Geocoded fields stay ``None`` until resolved."""

    name: str
    span: Span | None = None
    normalized: str | None = None
    geonames_id: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # point | admin2 | admin1 | country | region

    def to_record(self) -> dict[str, Any]:
        """Contract form."""
        return {
            "name": self.name,
            "normalized": self.normalized,
            "geonames_id": self.geonames_id,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "span": _span(self.span),
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Location:
        """Inverse of :meth:`to_record`."""
        return cls(
            name=r["name"],
            span=Span.from_json(r.get("span")),
            normalized=r.get("normalized"),
            geonames_id=r.get("geonames_id"),
            country=r.get("country"),
            admin1=r.get("admin1"),
            admin2=r.get("admin2"),
            lat=r.get("lat"),
            lon=r.get("lon"),
            precision=r.get("precision"),
        )


@dataclass(frozen=True, slots=True)
class TimeRef:
    """When a claim says its event happened, resolved against the publication date."""

    start: str | None  # YYYY-MM-DD
    end: str | None
    precision: str  # day | week | month | year | before_publication
    span: Span | None = None

    def to_record(self) -> dict[str, Any]:
        """Contract form."""
        return {
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "span": _span(self.span),
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> TimeRef:
        """Inverse of :meth:`to_record`."""
        return cls(r.get("start"), r.get("end"), r["precision"], Span.from_json(r.get("span")))


@dataclass(frozen=True, slots=True)
class Count:
    """A bounded figure: exact n is low = high = n; an open bound is ``None``."""

    low: int | None
    high: int | None
    span: Span | None = None
    qualifier: str | None = None  # e.g. "including senior officers"

    def to_record(self) -> dict[str, Any]:
        """Contract form (``qualifier`` is an additive field)."""
        rec: dict[str, Any] = {"low": self.low, "high": self.high, "span": _span(self.span)}
        if self.qualifier is not None:
            rec["qualifier"] = self.qualifier
        return rec

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Count:
        """Inverse of :meth:`to_record`."""
        return cls(r.get("low"), r.get("high"), Span.from_json(r.get("span")), r.get("qualifier"))


@dataclass(frozen=True, slots=True)
class Counts:
    """Casualty and arrest figures a claim states; absent fields are ``None``."""

    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    missing: Count | None = None
    displaced: Count | None = None

    def to_record(self) -> dict[str, Any]:
        """Only the counts the text states."""
        out: dict[str, Any] = {}
        for name in COUNT_FIELDS:
            value: Count | None = getattr(self, name)
            if value is not None:
                out[name] = value.to_record()
        return out

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Counts:
        """Inverse of :meth:`to_record`."""
        return cls(**{k: Count.from_record(v) for k, v in r.items() if k in COUNT_FIELDS})

    def is_empty(self) -> bool:
        """True when no figure is stated."""
        return all(getattr(self, n) is None for n in COUNT_FIELDS)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Who makes the claim, through whom, and where in the text it says so."""

    kind: SourceKind
    name: str | None = None  # None for the article's own voice
    via: tuple[str, ...] = ()
    span: Span | None = None

    def to_record(self) -> dict[str, Any]:
        """Contract form."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "via": list(self.via),
            "span": _span(self.span),
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> SourceRef:
        """Inverse of :meth:`to_record`."""
        return cls(
            kind=SourceKind(r["kind"]),
            name=r.get("name"),
            via=tuple(r.get("via") or ()),
            span=Span.from_json(r.get("span")),
        )


@dataclass(frozen=True, slots=True)
class Cue:
    """The reporting expression ("hat bestätigt", "zufolge", "according to")."""

    text: str
    span: Span | None = None

    def to_record(self) -> dict[str, Any]:
        """Contract form."""
        return {"text": self.text, "span": _span(self.span)}

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Cue:
        """Inverse of :meth:`to_record`."""
        return cls(r["text"], Span.from_json(r.get("span")))


def claim_id_for(
    article_id: str, pipeline_version: str, span: Span | None, kind: str, headline: bool
) -> str:
    """Stable id: same article, pipeline version, span and kind give the same id."""
    where = f"{span.start}-{span.end}" if span else "-"
    key = f"{article_id}|{pipeline_version}|{where}|{kind}|{int(headline)}"
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion of fact about the conflict world in one article (claims-v1)."""

    claim_id: str
    article_id: str
    lang: str
    span: Span | None
    kind: ClaimKind
    source: SourceRef
    certainty: Certainty
    in_headline: bool = False
    subtype: str | None = None
    acled: tuple[str, str] | None = None  # (event_type, sub_event_type)
    plover: str | None = None
    actors: tuple[ActorRef, ...] = ()
    location: Location | None = None
    time: TimeRef | None = None
    counts: Counts = field(default_factory=Counts)
    cue: Cue | None = None
    quote: bool = False
    sentence: Span | None = None  # additive: the sentence the claim sits in

    def to_record(self) -> dict[str, Any]:
        """The public ``claims-v1`` JSON object."""
        return {
            "schema": SCHEMA,
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "lang": self.lang,
            "span": _span(self.span),
            "in_headline": self.in_headline,
            "kind": self.kind.value,
            "subtype": self.subtype,
            "acled": (
                {"event_type": self.acled[0], "sub_event_type": self.acled[1]}
                if self.acled
                else None
            ),
            "plover": self.plover,
            "actors": [a.to_record() for a in self.actors],
            "location": self.location.to_record() if self.location else None,
            "time": self.time.to_record() if self.time else None,
            "counts": self.counts.to_record(),
            "source": self.source.to_record(),
            "cue": self.cue.to_record() if self.cue else None,
            "certainty": self.certainty.value,
            "quote": self.quote,
            "sentence": _span(self.sentence),
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Claim:
        """Inverse of :meth:`to_record`; raises ``KeyError``/``ValueError`` on a bad record."""
        if r.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record: schema={r.get('schema')!r}")
        acled = r.get("acled")
        return cls(
            claim_id=r["claim_id"],
            article_id=r["article_id"],
            lang=r["lang"],
            span=Span.from_json(r.get("span")),
            kind=ClaimKind(r["kind"]),
            source=SourceRef.from_record(r["source"]),
            certainty=Certainty(r["certainty"]),
            in_headline=bool(r.get("in_headline", False)),
            subtype=r.get("subtype"),
            acled=(acled["event_type"], acled["sub_event_type"]) if acled else None,
            plover=r.get("plover"),
            actors=tuple(ActorRef.from_record(a) for a in r.get("actors") or ()),
            location=Location.from_record(r["location"]) if r.get("location") else None,
            time=TimeRef.from_record(r["time"]) if r.get("time") else None,
            counts=Counts.from_record(r.get("counts") or {}),
            cue=Cue.from_record(r["cue"]) if r.get("cue") else None,
            quote=bool(r.get("quote", False)),
            sentence=Span.from_json(r.get("sentence")),
        )
