"""Actor-lexicon throughput: words/s of ``ActorRegistry.find`` per language (figures only).

The texts are the read benchmark's ~500-word articles (sentences of the bundled examples). This
replaces a words-per-second assert that used to sit in the actor tests: a timing is a figure to
watch, not a test that passes or fails with the machine's load. Run: ``fogofwar bench actors``.
"""

from __future__ import annotations

import time

from fogofwar.benchmarks import BenchResult, peak_rss_mib
from fogofwar.benchmarks.read_bench import make_articles

__all__ = ["bench_actors"]


def bench_actors(n: int = 40) -> list[BenchResult]:
    """Find actors in ``n`` articles; one result per language and one for all of them."""
    from fogofwar.actors import ActorRegistry

    registry = ActorRegistry.load()
    articles = make_articles(n)
    registry.find("warm up", "de")
    results: list[BenchResult] = []
    total_words, total_s = 0, 0.0
    for lang in sorted({a.language for a in articles}):
        mine = [a for a in articles if a.language == lang]
        words = sum(len(a.text.split()) for a in mine)
        t0 = time.perf_counter()
        found = sum(len(registry.find(a.text, lang)) for a in mine)
        seconds = time.perf_counter() - t0
        total_words, total_s = total_words + words, total_s + seconds
        results.append(
            BenchResult(
                f"actors {lang}",
                len(mine),
                words,
                seconds,
                peak_rss_mib(),
                extra=(("mentions", str(found)),),
            )
        )
    results.append(BenchResult("actors (all)", len(articles), total_words, total_s, peak_rss_mib()))
    return results
