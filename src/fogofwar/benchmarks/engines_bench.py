"""Reading throughput per engine and worker count on the bench corpus (``read_bench``'s ~500-word
articles): articles/s after the workers have loaded their readers, and the speed-up over the
first worker count. Nothing here asserts a time.

    fogofwar bench engines --engine pool --workers 1,2
    fogofwar bench engines --engine ray --workers 1,2 [--address ray://head:10001]
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from fogofwar.benchmarks.read_bench import make_articles
from fogofwar.reader import Reader
from fogofwar.services.engines import make_engine

__all__ = ["bench_engines"]


def bench_engines(
    n: int, engine: str, workers: Sequence[int], address: str | None = None
) -> Iterator[tuple[str, ...]]:
    """One table row per worker count: workers, articles, seconds, articles/s, speed-up,
    claims."""
    articles = make_articles(n)
    base: float | None = None
    for w in workers:
        eng = make_engine(engine, factory=Reader.default, jobs=w, address=address)
        try:
            list(eng.map(make_articles(2 * w, seed=99)))  # every worker loads its reader
            start = time.perf_counter()
            claims = sum(len(o.result.claims) for o in eng.map(articles) if o.result)
            seconds = time.perf_counter() - start
        finally:
            eng.close()
        rate = n / seconds
        base = base or rate
        yield (str(w), str(n), f"{seconds:.1f}", f"{rate:.1f}", f"{rate / base:.2f}x", str(claims))
