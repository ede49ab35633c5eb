"""Overviews across the stored record: places with events, and who is cited how often.

>>> with open_store("news.db") as store:
...     places = list_places(store)          # one row per place with events, most first
...     sources = source_stats(store)        # who is cited, how firmly, who reported first
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from fogofwar.events.model import ArticleMeta
from fogofwar.events.protocol import EventQuery
from fogofwar.events.sources import source_of
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


@dataclass(slots=True)
class SourceRow:
    """One source as cited across the store."""

    label: str
    kind: str
    claims: int = 0
    articles: set[str] = field(default_factory=set)
    certainty: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    first_reports: int = 0

    def to_record(self) -> dict[str, object]:
        """JSON form."""
        return {
            "source": self.label,
            "kind": self.kind,
            "claims": self.claims,
            "articles": len(self.articles),
            "certainty": dict(self.certainty.most_common()),
            "languages": dict(self.languages.most_common()),
            "first_reports": self.first_reports,
        }


def list_places(store: Store, *, country: str | None = None) -> list[PlaceRow]:
    """Places with current events (optionally in one country), most events first."""
    rows: dict[tuple[str | None, str | None, str | None], list[object]] = {}
    kinds: dict[tuple[str | None, str | None, str | None], Counter[str]] = {}
    for r in store.events.records(EventQuery(country=country)):
        if r.location is None and r.country is None:
            continue
        key = (r.location, r.country, r.admin1)
        if key not in rows:
            rows[key] = [r.latitude, r.longitude]
            kinds[key] = Counter()
        kinds[key][r.kind] += 1
    out = [
        PlaceRow(
            key[0],
            key[1],
            key[2],
            lat if isinstance(lat, float) else None,
            lon if isinstance(lon, float) else None,
            sum(kinds[key].values()),
            dict(kinds[key].most_common()),
        )
        for key, (lat, lon) in rows.items()
    ]
    return sorted(out, key=lambda p: (-p.events, p.location or "", p.country or ""))


def source_stats(store: Store, *, max_claims: int = 200_000) -> list[SourceRow]:
    """Who is cited how often (claims, articles), how firmly (certainty counts), in which
    languages, and how often they were first to report an event (the source of the event's
    earliest-published claim). Reads at most ``max_claims`` claims (storage order)."""
    metas: dict[str, ArticleMeta | None] = {}
    rows: dict[tuple[str, str], SourceRow] = {}
    first: dict[str, tuple[tuple[date, str], tuple[str, str]]] = {}
    by_claim: dict[str, tuple[tuple[str, str], str]] = {}
    for n, claim in enumerate(store.iter_claims()):
        if n >= max_claims:
            break
        if claim.article_id not in metas:
            article = store.get_article(claim.article_id)
            metas[claim.article_id] = ArticleMeta.from_article(article) if article else None
        meta = metas[claim.article_id]
        src = source_of(claim, meta)
        key = (src.label, src.kind.value)
        row = rows.setdefault(key, SourceRow(*key))
        row.claims += 1
        row.articles.add(claim.article_id)
        row.certainty[claim.certainty.value] += 1
        row.languages[claim.lang] += 1
        by_claim[claim.claim_id] = (key, claim.article_id)
    for record in store.events.records():
        best: tuple[tuple[date, str], tuple[str, str]] | None = None
        for cid in record.claim_ids:
            found = by_claim.get(cid)
            if found is None:
                continue
            key, aid = found
            meta = metas.get(aid)
            when = (meta.published if meta and meta.published else date.max, cid)
            if best is None or when < best[0]:
                best = (when, key)
        if best is not None:
            first[record.event_id] = best
    for _when, key in first.values():
        rows[key].first_reports += 1
    return sorted(rows.values(), key=lambda r: (-r.claims, r.label))
