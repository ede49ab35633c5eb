"""Reading time against document length: seconds per 100k characters at 50k, 200k and 1M
characters of ordinary sentences, and for a 1M-character single line. Linear reading keeps the
figure flat. Nothing here asserts a time. Run: ``fogofwar bench scale``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from datetime import date

from fogofwar.benchmarks.read_bench import _FALLBACK, _example_sentences
from fogofwar.model import Article
from fogofwar.reader import Reader

__all__ = ["ScalePoint", "bench_scale", "long_text"]

SIZES = (50_000, 200_000, 1_000_000)


def long_text(chars: int, lang: str = "en", *, one_line: bool = False, seed: int = 3) -> str:
    """About ``chars`` characters of the example sentences of ``lang``, in paragraphs of 1-3
    sentences (or all on one line)."""
    pool = {**_FALLBACK, **_example_sentences()}[lang]
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < chars:
        para = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        paras.append(para)
        size += len(para) + 2
    return (" " if one_line else "\n\n").join(paras)[:chars]


ScalePoint = tuple[str, int, float, int]  # label, characters, seconds, claims


def bench_scale(
    reader: Reader | None = None, sizes: Sequence[int] = SIZES, lang: str = "en"
) -> Iterator[ScalePoint]:
    """Read one document of each size (and a 1M single line); yield what it took."""
    reader = reader or Reader.default()
    cases = [(f"{n // 1000}k", long_text(n, lang)) for n in sizes]
    cases.append(("1M one line", long_text(1_000_000, lang, one_line=True)))
    for label, text in cases:
        article = Article.create(
            source=f"scale-{label}", text=text, language=lang, published=date(2024, 10, 24)
        )
        start = time.perf_counter()
        result = reader.read(article)
        yield label, len(text), time.perf_counter() - start, len(result.claims)


if __name__ == "__main__":
    for label, n, seconds, claims in bench_scale():
        print(
            f"{label:>12}: {n:>9} chars {seconds:8.2f}s  {seconds / n * 100_000:6.2f} s/100k  "
            f"{claims} claims"
        )
