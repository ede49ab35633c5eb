"""Ingest time per article as the store grows: does linking stay flat?

For each store size N (articles already stored), a fresh SQLite file is filled with N synthetic
articles, their claims, links and event records (:func:`fogofwar.store.synthetic.fill_synthetic`,
three claims an article), then the same few dozen new inputs
(:func:`fogofwar.benchmarks.crash_bench.write_inputs`) are ingested as a user ingests them:
read, stored and linked batch by batch. The reading is the same work at every size, so what
changes with N is the store's share: looking up links, event-mates, duplicate groups and the
records to refresh. A second fresh file of the same size is ingested without linking, and the
difference is the linking time per article. Figures are printed; nothing asserts a time.

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

    @property
    def link_s(self) -> float:
        """Linking's share: ingest with linking minus ingest without."""
        return max(0.0, self.ingest_s - self.read_store_s)


def _one(root: Path, size: int, inputs: Sequence[str], reader: Reader, link: bool) -> float:
    db = root / f"store-{size}-{int(link)}.db"
    db.unlink(missing_ok=True)
    with open_store(str(db)) as store:
        if size:
            fill_synthetic(store, n_claims=size * 3, claims_per_article=3, claims_per_event=6)
        t0 = time.perf_counter()
        summary = ingest(inputs, store, reader, embedder=NgramEmbedder(), link_events=link)
        seconds = time.perf_counter() - t0
    db.unlink(missing_ok=True)
    return seconds / max(1, summary.inserted)


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
            rows.append(GrowthRow(size, new, statistics.median(full), statistics.median(bare)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: one line per store size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,20000")
    parser.add_argument("--new", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'stored articles':>16} {'new':>4} {'ingest s/article':>17} {'of it linking':>14}")
    for row in bench_growth(sizes, args.new, args.repeats):
        print(f"{row.stored:>16} {row.new:>4} {row.ingest_s:>17.4f} {row.link_s:>14.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
