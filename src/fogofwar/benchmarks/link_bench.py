"""How long linking ONE new article takes as the store grows (blocking keeps it flat).

For each size N (claims already linked), a SQLite file gets the linker's index of the events
those claims formed, generated compactly and straight into ``event_profiles``/``event_blocks``
(on average 3 claims per event). The generator keeps a constant density — a fixed number of
claims per day over a history that grows with N, spread over countries and regions with
war-like skew — because that is how a store grows: more days, not more events per day.
Stored events carry no sentence embeddings (512 floats each would dominate the file); the
text feature is timed separately by the reader benchmarks.

Then several new articles of five claims each, dated on the newest day, are linked and
committed one at a time; the median wall time is reported. Nothing here asserts a time.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from fogofwar.benchmarks import BenchResult, peak_rss_mib
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
from fogofwar.events.blocking import LinkIndex, query_keys
from fogofwar.events.linking import commit, link_article
from fogofwar.events.model import ArticleMeta, EventProfile, kind_group
from fogofwar.events.scoring import features
from fogofwar.model import Span
from fogofwar.store import open_store

__all__ = ["CLAIMS_PER_DAY", "bench_link", "generate_profiles", "new_article"]

CLAIMS_PER_DAY = 300
CLAIMS_PER_EVENT = 3
_COUNTRIES = ("UKR",) * 14 + ("RUS",) * 4 + ("BLR", "MDA", "GEO", "POL", "SYR", "ISR", "SDN")
_KINDS = (
    (ClaimKind.ATTACK,) * 6
    + (ClaimKind.CASUALTIES,) * 3
    + (ClaimKind.ARMED_CLASH,) * 3
    + (ClaimKind.DEPLOYMENT, ClaimKind.ARREST, ClaimKind.DIPLOMACY, ClaimKind.STATEMENT)
)
_ACTORS = ("russian forces", "ukrainian forces", "civilians", "wagner group", "police", "@RUS")
_REGIONS = 25
_PLACES_PER_REGION = 80
_END = date(2026, 11, 1)


def _place(rng: random.Random) -> tuple[str, str, int]:
    country = rng.choice(_COUNTRIES)
    region = rng.randrange(_REGIONS)
    place = (hash(country) % 1000) * 100_000 + region * 1000 + rng.randrange(_PLACES_PER_REGION)
    return country, f"{country}/region {region}", place


def generate_profiles(n_claims: int, seed: int = 7) -> Iterator[EventProfile]:
    """Events formed by ``n_claims`` claims at :data:`CLAIMS_PER_DAY`, newest day last."""
    rng = random.Random(seed)
    days = max(1, n_claims // CLAIMS_PER_DAY)
    first = _END.toordinal() - days
    for i in range(max(1, n_claims // CLAIMS_PER_EVENT)):
        day = first + (i * CLAIMS_PER_EVENT) // CLAIMS_PER_DAY
        country, admin1, place = _place(rng)
        kind = rng.choice(_KINDS)
        killed = rng.randrange(0, 40)
        yield EventProfile(
            event_id=f"g{i:09d}",
            group=kind_group(kind),
            kinds=frozenset({kind.value}),
            start=day - 1,
            end=day + 1 + rng.randrange(2),
            countries=frozenset({country}),
            admin1s=frozenset({admin1}),
            places=frozenset({place}),
            actors=frozenset(rng.sample(_ACTORS, 2)),
            killed=(killed, killed + rng.randrange(5)),
            n_claims=CLAIMS_PER_EVENT,
        )


def new_article(seed: int, claims: int = 5) -> tuple[ArticleMeta, tuple[Claim, ...]]:
    """A new article of ``claims`` claims about the newest day."""
    rng = random.Random(10_000 + seed)
    aid = f"new{seed}"
    meta = ArticleMeta(aid, _END, "bench.example", "en", "", "")
    out = []
    for n in range(claims):
        country, admin1, place = _place(rng)
        kind = rng.choice(_KINDS)
        day = (_END - timedelta(days=rng.randrange(2))).isoformat()
        out.append(
            Claim(
                claim_id=f"{aid}-{n}",
                article_id=aid,
                lang="en",
                span=Span(n * 100, n * 100 + 80),
                kind=kind,
                source=SourceRef(SourceKind.GOVERNMENT, "Governor"),
                certainty=Certainty.CLAIMED,
                actors=(ActorRef("Russian forces", "actor", "russian forces", "RUS"),),
                location=Location(
                    "somewhere",
                    geonames_id=place,
                    country=country,
                    admin1=admin1.split("/", 1)[1],
                    precision="point",
                ),
                time=TimeRef(day, day, "day"),
                counts=Counts(killed=Count(3, 3)),
            )
        )
    return meta, tuple(out)


def _load(index: LinkIndex, n_claims: int, chunk: int = 50_000) -> int:
    batch: list[EventProfile] = []
    n = 0
    for p in generate_profiles(n_claims):
        batch.append(p)
        if len(batch) >= chunk:
            index.bulk_load(batch)
            n += len(batch)
            batch = []
    if batch:
        index.bulk_load(batch)
        n += len(batch)
    return n


def _one_size(n_claims: int, articles: int, folder: Path) -> BenchResult:
    store = open_store(str(folder / f"link_{n_claims}.db"))
    index = store.events.index
    t0 = time.perf_counter()
    n_events = _load(index, n_claims)
    load_s = time.perf_counter() - t0
    warm_meta, warm_claims = new_article(-1)
    link_article(warm_claims, warm_meta, index)  # compile queries, fill caches: not timed
    timings: list[float] = []
    candidates: list[int] = []
    for seed in range(articles):
        meta, claims = new_article(seed)
        for c in claims:
            candidates.append(len(index.candidates(query_keys(features(c, meta.published)))))
        t = time.perf_counter()
        commit(index, link_article(claims, meta, index))
        timings.append(time.perf_counter() - t)
    store.close()
    median = statistics.median(timings)
    return BenchResult(
        name=f"link one article @ {n_claims:,} claims",
        items=1,
        words=0,
        seconds=median,
        peak_rss_mib=peak_rss_mib(),
        extra=(
            ("events", str(n_events)),
            ("claims_per_article", "5"),
            ("median_ms", f"{median * 1000:.1f}"),
            ("p90_ms", f"{sorted(timings)[int(0.9 * (len(timings) - 1))] * 1000:.1f}"),
            ("mean_candidates_per_claim", f"{statistics.mean(candidates):.1f}"),
            ("load_s", f"{load_s:.1f}"),
        ),
    )


def bench_link(
    sizes: Sequence[int] = (10_000, 100_000, 1_000_000),
    articles: int = 20,
    folder: Path | None = None,
) -> tuple[BenchResult, ...]:
    """Median time to link (and store) one new article into stores of each size."""
    if folder is not None:
        return tuple(_one_size(n, articles, folder) for n in sizes)
    with tempfile.TemporaryDirectory(prefix="fogofwar-link-bench-") as tmp:
        return tuple(_one_size(n, articles, Path(tmp)) for n in sizes)
