"""The event record (``events-v1``): one flat, exportable summary of an event.

:func:`build_record` summarises an event's claims: majority kind, the most precise place, the
claimed dates, actors by role, reconciled figures, sources, flags. Every export writes this
record; :meth:`EventRecord.to_record` / :meth:`EventRecord.from_record` are its JSON form.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from fogofwar.claim import Claim, ClaimKind, Location
from fogofwar.events.model import ArticleMeta, Event, Flag, context_claims
from fogofwar.events.reconcile import Reconciliation
from fogofwar.events.sources import source_of
from fogofwar.events.victims import is_subgroup

__all__ = ["EVENTS_SCHEMA", "EventRecord", "build_record"]

EVENTS_SCHEMA = "events-v1"

_PRECISION_ORDER = {"point": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 4}
_TIME_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "before_publication": 4}
_KIND_ORDER = {k: i for i, k in enumerate(ClaimKind)}


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event as exported. Tuples hold names in a stable order."""

    event_id: str
    kind: str
    date_start: str | None
    date_end: str | None
    time_precision: str
    subtype: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    plover: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    actors: tuple[str, ...] = ()  # role "actor"
    actor_kinds: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()  # roles "target" and "affected"
    target_kinds: tuple[str, ...] = ()
    actor_countries: tuple[str, ...] = ()  # ISO3 per actor ("" when unknown)
    target_countries: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()
    killed_low: int | None = None
    killed_high: int | None = None
    killed_best: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    injured_best: int | None = None
    killed_group: str | None = None  # the victim group the killed figures count
    injured_group: str | None = None
    killed_best_claim: str | None = None  # the claim ``killed_best`` comes from
    injured_best_claim: str | None = None
    # every field × victim group: "killed civilians/children 4 (4-4) best c123…"
    casualty_groups: tuple[str, ...] = ()
    # deaths by side where the claims allow: "civilians=14", "combatants/RUS=30"
    deaths_by_group: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # one label per source identity (registry name when known)
    source_kinds: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()  # the carriers: outlets (or channels) of the articles
    article_ids: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    notes: str = ""
    version: int = 0
    valid_from: datetime | None = None

    def to_record(self) -> dict[str, Any]:
        """The ``events-v1`` JSON object."""
        out: dict[str, Any] = {"schema": EVENTS_SCHEMA}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, datetime):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_record(cls, r: Mapping[str, Any]) -> EventRecord:
        """Inverse of :meth:`to_record`; raises ``ValueError`` on another schema."""
        if r.get("schema") != EVENTS_SCHEMA:
            raise ValueError(f"not an {EVENTS_SCHEMA} record: schema={r.get('schema')!r}")
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in r:
                continue
            value = r[f.name]
            if isinstance(value, list):
                value = tuple(value)
            elif f.name == "valid_from" and value is not None:
                value = datetime.fromisoformat(value)
            kwargs[f.name] = value
        return cls(**kwargs)

    def content(self) -> EventRecord:
        """The record without its version stamp (what a new version is compared on)."""
        return EventRecord(
            **{f.name: getattr(self, f.name) for f in fields(self) if f.name not in _STAMP}
        )


_STAMP = ("version", "valid_from")


def _best_location(claims: Sequence[Claim]) -> Location | None:
    located = [c.location for c in claims if c.location is not None]
    if not located:
        return None
    tally = Counter((loc.geonames_id, loc.name) for loc in located)

    def rank(loc: Location) -> tuple[int, int, int, str]:
        return (
            _PRECISION_ORDER.get(loc.precision or "", 5),
            -tally[(loc.geonames_id, loc.name)],
            loc.geonames_id or 0,
            loc.name,
        )

    return min(located, key=rank)


def _names(
    claims: Sequence[Claim], roles: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    names: dict[str, tuple[str, str]] = {}
    for c in claims:
        for a in c.actors:
            if a.role in roles:
                names.setdefault(a.normalized or a.name, (a.kind or "", a.country or ""))
    keys = sorted(names)
    return tuple(keys), tuple(names[k][0] for k in keys), tuple(names[k][1] for k in keys)


def _majority(values: Sequence[str | None]) -> str | None:
    tally = Counter(v for v in values if v)
    return min(tally, key=lambda v: (-tally[v], v)) if tally else None


def build_record(
    event: Event,
    claims: Mapping[str, Claim],
    metas: Mapping[str, ArticleMeta],
    reconciliation: Reconciliation | None = None,
    flags: Sequence[Flag] = (),
) -> EventRecord:
    """Summarise ``event`` as an :class:`EventRecord` (unversioned)."""
    context = context_claims(event)
    own = [claims[c] for c in event.claim_ids if c in claims]
    body = [c for c in own if not c.in_headline and c.claim_id not in context] or own
    kinds = Counter(c.kind for c in body)
    kind = min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER[k])) if kinds else ClaimKind.OTHER
    timed = [c.time for c in body if c.time is not None and c.time.start]
    articles = sorted({c.article_id for c in own})
    start: str | None
    end: str | None
    if timed:
        start = min(t.start or "" for t in timed)
        end = max(t.end or t.start or "" for t in timed)
        precision = min((t.precision for t in timed), key=lambda p: _TIME_ORDER.get(p, 9))
    else:
        pubs = sorted(
            m.published.isoformat() for a in articles if (m := metas.get(a)) and m.published
        )
        start = end = pubs[0] if pubs else None
        precision = "before_publication"
    loc = _best_location(body)
    actors, actor_kinds, actor_countries = _names(body, ("actor",))
    targets, target_kinds, target_countries = _names(body, ("target", "affected"))
    victims, _, _ = _names(body, ("victim",))
    acled = Counter(c.acled for c in body if c.acled)
    acled_pair = min(acled, key=lambda p: (-acled[p], p)) if acled else None
    srcs = [source_of(c, metas.get(c.article_id)) for c in body]
    by_key: dict[str, str] = {}
    for src in srcs:
        by_key.setdefault(src.key, src.label)
    labels = tuple(sorted(set(by_key.values())))
    outlets = tuple(sorted({m.outlet for a in articles if (m := metas.get(a)) is not None}))
    killed = reconciliation.get("killed") if reconciliation else None
    injured = reconciliation.get("injured") if reconciliation else None
    notes = f"{kind.value}"
    if loc is not None:
        notes += f" in {loc.normalized or loc.name}"
    if killed is not None:
        notes += f"; killed best {killed.best} (range {killed.low}-{killed.high})"
    notes += f"; {len(articles)} article(s), sources: {', '.join(labels)}"
    groups = reconciliation.figures if reconciliation else ()
    return EventRecord(
        event_id=event.event_id,
        kind=kind.value,
        date_start=start,
        date_end=end,
        time_precision=precision,
        subtype=_majority([c.subtype for c in body]),
        acled_event_type=acled_pair[0] if acled_pair else None,
        acled_sub_event_type=acled_pair[1] if acled_pair else None,
        plover=_majority([c.plover for c in body]),
        country=loc.country if loc else _majority([c.location.country for c in body if c.location]),
        admin1=loc.admin1 if loc else None,
        admin2=loc.admin2 if loc else None,
        location=(loc.normalized or loc.name) if loc else None,
        geonames_id=loc.geonames_id if loc else None,
        latitude=loc.lat if loc else None,
        longitude=loc.lon if loc else None,
        geo_precision=loc.precision if loc else None,
        actors=actors,
        actor_kinds=actor_kinds,
        targets=targets,
        target_kinds=target_kinds,
        actor_countries=actor_countries,
        target_countries=target_countries,
        victims=victims,
        killed_low=killed.low if killed else None,
        killed_high=killed.high if killed else None,
        killed_best=killed.best if killed else None,
        injured_low=injured.low if injured else None,
        injured_high=injured.high if injured else None,
        injured_best=injured.best if injured else None,
        killed_group=killed.group if killed else None,
        injured_group=injured.group if injured else None,
        killed_best_claim=killed.best_claim if killed else None,
        injured_best_claim=injured.best_claim if injured else None,
        casualty_groups=tuple(
            f"{g.field} {g.group} {g.best} ({g.low}-{g.high}) best {g.best_claim}" for g in groups
        ),
        deaths_by_group=tuple(
            f"{g.group}={g.best if g.best is not None else g.low}"
            for g in groups
            if g.field == "killed" and not is_subgroup(g.group) and (g.best or g.low)
        ),
        sources=labels,
        source_kinds=tuple(sorted({s.kind.value for s in srcs})),
        outlets=outlets,
        article_ids=tuple(articles),
        claim_ids=event.claim_ids,
        flags=tuple(sorted({f.code.value for f in flags})),
        notes=notes,
    )
