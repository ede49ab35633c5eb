"""Overviews across the stored record: places with events, and who is cited how often.

>>> with open_store("news.db") as store:
...     places = list_places(store)          # one row per place with events, most first
...     sources = source_stats(store)        # who is cited, how firmly, who reported first
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fogofwar.store import Store

__all__ = ["PlaceRow", "SourceRow", "list_places", "source_stats"]


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place that events are recorded at, with how many and of which kinds."""

    location: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    events: int
    kinds: dict[str, int]

    def to_record(self) -> dict[str, object]:
        """JSON form."""
        return {
            "location": self.location,
            "country": self.country,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "events": self.events,
            "kinds": dict(self.kinds),
        }


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One source as cited across the store."""

    label: str
    kind: str
    claims: int
    articles: int
    certainty: dict[str, int]
    languages: dict[str, int]
    first_reports: int

    def to_record(self) -> dict[str, object]:
        """JSON form."""
        return {
            "source": self.label,
            "kind": self.kind,
            "claims": self.claims,
            "articles": self.articles,
            "certainty": dict(self.certainty),
            "languages": dict(self.languages),
            "first_reports": self.first_reports,
        }


def list_places(store: Store, *, country: str | None = None) -> list[PlaceRow]:
    """Places with current events (optionally in one country: ISO3 code or place name, as
    the event filter), most events first; read from the store's place counts."""
    key = None if country is None else country.strip().upper()
    kinds: dict[tuple[str | None, str | None, str | None], Counter[str]] = {}
    coords: dict[tuple[str | None, str | None, str | None], tuple[float | None, float | None]] = {}
    for p in store.place_counts():
        if key is not None and key not in {(p.country or "").upper(), (p.location or "").upper()}:
            continue
        place = (p.location, p.country, p.admin1)
        kinds.setdefault(place, Counter())[p.kind] += p.events
        coords.setdefault(place, (p.latitude, p.longitude))
    out = [
        PlaceRow(*place, *coords[place], sum(by.values()), dict(by.most_common()))
        for place, by in kinds.items()
    ]
    return sorted(out, key=lambda p: (-p.events, p.location or "", p.country or ""))


def source_stats(store: Store, *, limit: int = 500) -> list[SourceRow]:
    """The ``limit`` most cited sources: how often (claims, articles), how firmly (certainty
    counts), in which languages, and how often first to report an event (the source of the
    event's earliest-published claim); read from the store's source counts, kept as claims
    are stored and events change."""
    return [
        SourceRow(s.label, s.kind, s.claims, s.articles, s.certainty, s.languages, s.first_reports)
        for s in store.source_counts(limit)
    ]
