"""Ingest time per article as the store grows: does linking stay flat?

For each store size N (articles already stored), a fresh SQLite file is filled with N synthetic
articles, their claims, links and event records (:func:`fogofwar.store.synthetic.fill_synthetic`,
three claims an article), then the same few dozen new inputs
(:func:`fogofwar.benchmarks.crash_bench.write_inputs`) are ingested as a user ingests them:
read, stored and linked batch by batch. The reading is the same work at every size, so what
changes with N is the store's share: looking up links, event-mates, duplicate groups and the
records to refresh. A second fresh file of the same size is ingested without linking, and the
difference is the linking time per article, wall-clock and CPU (the CPU figures stay steady
on a busy machine). Figures are printed; nothing asserts a time.

    python -m fogofwar.benchmarks.growth_bench --sizes 200,2000,20000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fogofwar.benchmarks.crash_bench import write_inputs
from fogofwar.events.embedding import NgramEmbedder
from fogofwar.reader import Reader
from fogofwar.services.ingest import ingest
from fogofwar.store import open_store
from fogofwar.store.synthetic import fill_synthetic

__all__ = ["GrowthRow", "bench_growth"]


@dataclass(frozen=True, slots=True)
class GrowthRow:
    """Seconds per new article at one store size (medians over ``repeats``)."""

    stored: int
    new: int
    ingest_s: float
    read_store_s: float
    ingest_cpu: float = 0.0
    read_store_cpu: float = 0.0

    @property
    def link_s(self) -> float:
        """Linking's share: ingest with linking minus ingest without."""
        return max(0.0, self.ingest_s - self.read_store_s)

    @property
    def link_cpu(self) -> float:
        """Linking's share in CPU seconds (steady on a busy machine)."""
        return max(0.0, self.ingest_cpu - self.read_store_cpu)


def _one(
    root: Path, size: int, inputs: Sequence[str], reader: Reader, link: bool
) -> tuple[float, float]:
    db = root / f"store-{size}-{int(link)}.db"
    db.unlink(missing_ok=True)
    with open_store(str(db)) as store:
        if size:
            fill_synthetic(store, n_claims=size * 3, claims_per_article=3, claims_per_event=6)
        t0, c0 = time.perf_counter(), time.process_time()
        summary = ingest(inputs, store, reader, embedder=NgramEmbedder(), link_events=link)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    db.unlink(missing_ok=True)
    n = max(1, summary.inserted)
    return seconds / n, cpu / n


def bench_growth(
    sizes: Sequence[int] = (200, 2000, 20000), new: int = 40, repeats: int = 1
) -> list[GrowthRow]:
    """Seconds per newly ingested article (and linking's share) at each store size."""
    reader = Reader.offline()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = write_inputs(root / "inputs", new, seed=23)
        _one(root, 0, inputs, reader, True)  # warm caches (embedder, lemma lookups)
        for size in sizes:
            full = [_one(root, size, inputs, reader, True) for _ in range(repeats)]
            bare = [_one(root, size, inputs, reader, False) for _ in range(repeats)]
            rows.append(
                GrowthRow(
                    size,
                    new,
                    statistics.median(f[0] for f in full),
                    statistics.median(b[0] for b in bare),
                    statistics.median(f[1] for f in full),
                    statistics.median(b[1] for b in bare),
                )
            )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: one line per store size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,20000")
    parser.add_argument("--new", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    heads = ("stored", "new", "ingest s", "linking s", "ingest CPU", "linking CPU")
    print(" ".join(f"{h:>{w}}" for h, w in zip(heads, (8, 4, 9, 10, 11, 12), strict=True)))
    for r in bench_growth(sizes, args.new, args.repeats):
        print(
            f"{r.stored:>8} {r.new:>4} {r.ingest_s:>9.4f} {r.link_s:>10.4f}"
            f" {r.ingest_cpu:>11.4f} {r.link_cpu:>12.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
