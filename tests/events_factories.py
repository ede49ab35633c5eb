"""Small factories for the events-layer tests (claims and article metadata)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from fogofwar.claim import (
    ActorRef,
    Certainty,
    Claim,
    ClaimKind,
    Count,
    Counts,
    Location,
    SourceKind,
    SourceRef,
    TimeRef,
)
from fogofwar.evaluation.events_eval import load_articles, load_gold
from fogofwar.events.model import ArticleMeta
from fogofwar.model import Span

KYIV = Location(
    "Kyiv",
    normalized="Kyiv",
    geonames_id=703448,
    country="UKR",
    admin1="Kyiv City",
    lat=50.45,
    lon=30.52,
    precision="point",
)
SUMY = Location(
    "Sumy",
    normalized="Sumy",
    geonames_id=692194,
    country="UKR",
    admin1="Sumy Oblast",
    lat=50.91,
    lon=34.80,
    precision="point",
)
KURSK = Location(
    "Kursk region",
    normalized="Kursk Oblast",
    geonames_id=538555,
    country="RUS",
    admin1="Kursk Oblast",
    lat=51.5,
    lon=36.0,
    precision="admin1",
)
RUSSIA = Location(
    "Russia", normalized="Russia", geonames_id=2017370, country="RUS", precision="country"
)
UKRAINE = Location(
    "Ukraine", normalized="Ukraine", geonames_id=690791, country="UKR", precision="country"
)


def meta(
    article_id: str,
    published: str = "2024-07-08",
    outlet: str = "example.org",
    text: str = "",
    title: str = "",
    dup_group: str | None = None,
) -> ArticleMeta:
    """Article metadata with defaults."""
    return ArticleMeta(
        article_id, date.fromisoformat(published), outlet, "en", title, text, dup_group=dup_group
    )


def claim(
    article_id: str,
    n: int = 0,
    *,
    kind: ClaimKind = ClaimKind.ATTACK,
    location: Location | None = KYIV,
    day: str | None = "2024-07-08",
    precision: str = "day",
    killed: int | tuple[int | None, int | None] | None = None,
    qualifier: str | None = None,
    source: str | None = "Interior Ministry",
    source_kind: SourceKind = SourceKind.GOVERNMENT,
    via: tuple[str, ...] = (),
    certainty: Certainty = Certainty.ASSERTED,
    actors: tuple[tuple[str, str, str | None], ...] = (("Russian forces", "actor", "RUS"),),
    victims: tuple[str, ...] = ("civilians",),
    headline: bool = False,
    span: tuple[int, int] | None = None,
    injured: int | tuple[int | None, int | None] | None = None,
    victim_kind: str = "civilians",
    victim_country: str | None = None,
    lang: str = "en",
) -> Claim:
    """A claim with sensible defaults; ``n`` makes ids unique within an article."""
    k: Count | None = None
    if killed is not None:
        low, high = (killed, killed) if isinstance(killed, int) else killed
        k = Count(low, high, qualifier=qualifier)
    hurt: Count | None = None
    if injured is not None:
        low, high = (injured, injured) if isinstance(injured, int) else injured
        hurt = Count(low, high)
    refs = [ActorRef(name, role, normalized=name, country=c) for name, role, c in actors]
    refs += [
        ActorRef(v, "victim", normalized=v, kind=victim_kind, country=victim_country)
        for v in victims
    ]
    start = span[0] if span else n * 100
    return Claim(
        claim_id=f"{article_id}-{'h' if headline else 'b'}{n}",
        article_id=article_id,
        lang=lang,
        span=Span(start, span[1] if span else start + 50),
        kind=kind,
        source=SourceRef(source_kind, source, via),
        certainty=certainty,
        in_headline=headline,
        actors=tuple(refs),
        location=location,
        time=TimeRef(day, day, precision) if day else None,
        counts=Counts(killed=k, injured=hurt),
    )


def written_collection(
    name: str, articles: int, per_language: int
) -> tuple[list[Any], Counter[str]]:
    """The gold of a collection written for the project, checked for its shape: at least
    ``articles`` articles with unique ids and example URLs, ``per_language`` in each of de, en,
    ru and uk, and gold for every article. Returns the gold and the articles per language."""
    arts = load_articles(collection=name)
    gold = load_gold(arts, name)
    ids = [a.id for a in arts]
    assert len(ids) == len(set(ids)) >= articles
    assert len({a.url for a in arts}) == len(arts)
    assert all(a.url and ".example/" in a.url for a in arts)
    langs = Counter(a.language for a in arts)
    assert all(langs[lang] >= per_language for lang in ("de", "en", "ru", "uk")), langs
    assert sorted(g.claim.article_id for g in gold) == sorted(ids)
    return list(gold), langs
