"""Claim-reader throughput: articles/s, words/s and peak memory (loading included).

Articles of about 500 words are made by mixing prose sentences of the bundled example articles
(``fogofwar/examples/articles/<lang>_*.txt``) of one language, or built-in sentences when no
examples ship. Nothing here asserts a time. Run: ``python -m fogofwar.benchmarks.read_bench``.
"""

from __future__ import annotations

import random
import re
import time
from datetime import date
from importlib import resources
from pathlib import Path

from fogofwar.benchmarks import BenchResult, peak_rss_mib
from fogofwar.model import Article
from fogofwar.reader import Reader

__all__ = ["bench_read", "make_articles"]

_WORDS_PER_ARTICLE = 500
_MIN_SENTENCE_WORDS = 6
_SPLIT = re.compile(r"(?<=[.!?…»“\"])\s+")
_FALLBACK = {
    "de": [
        "Bei einem Angriff in der Nacht zum Sonntag wurden nach "
        "Angaben der Behörden drei Menschen getötet.",
        "Laut dem Gouverneur wurden mindestens zwölf Zivilisten verletzt.",
        "Die Armee hat weitere Truppen an die Grenze verlegt, sagte ein Sprecher.",
    ],
    "en": [
        "Russian forces shelled the town on Tuesday, killing at "
        "least 12 civilians, officials said.",
        "According to the regional governor, more than 200 people were evacuated overnight.",
        "Several soldiers were detained after a failed escape attempt, sources said.",
    ],
    "ru": [
        "По словам губернатора, в результате обстрела погибли трое мирных жителей.",
        "Во вторник были задержаны несколько военнослужащих, сообщает агентство.",
    ],
    "uk": [
        "За словами речника, у вівторок загинули щонайменше вісім військових.",
        "За даними джерел, кілька солдатів втекли з позицій.",
    ],
}


def _example_sentences() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    try:
        folder = Path(str(resources.files("fogofwar.examples"))) / "articles"
    except ModuleNotFoundError:
        return out
    for path in sorted(folder.glob("*.txt")):
        lang = path.name.split("_", 1)[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            for sent in _SPLIT.split(line.strip()):
                if len(sent.split()) >= _MIN_SENTENCE_WORDS and sent[-1:] in '.!?»“"':
                    out.setdefault(lang, []).append(sent)
    return out


def make_articles(n: int, seed: int = 7) -> list[Article]:
    """``n`` articles of ~500 words, languages in turn, sentences mixed from the examples."""
    pools = {**_FALLBACK, **_example_sentences()}
    langs = sorted(pools)
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        lang = langs[i % len(langs)]
        paras, words = [], 0
        while words < _WORDS_PER_ARTICLE:
            para = " ".join(rng.choice(pools[lang]) for _ in range(rng.randint(1, 3)))
            paras.append(para)
            words += len(para.split())
        articles.append(
            Article.create(
                source=f"bench-{i}",
                text="\n\n".join(paras),
                language=lang,
                published=date(2024, 10, 24),
                title=rng.choice(pools[lang]),
            )
        )
    return articles


def bench_read(n: int = 200, reader: Reader | None = None) -> BenchResult:
    """Read ``n`` ~500-word articles; the reader's loading counts towards peak memory."""
    t0 = time.perf_counter()
    reader = reader or Reader.default()
    articles = make_articles(n)
    reader.read(articles[0])  # warm lazy lexicons; timed separately as load
    load_s = time.perf_counter() - t0
    claims = 0
    start, cpu = time.perf_counter(), time.process_time()
    for art in articles:
        claims += len(reader.read(art).claims)
    seconds = time.perf_counter() - start
    # CPU seconds of this process: articles per core-second, whatever else the machine runs
    cpu_s = time.process_time() - cpu
    words = sum(a.word_count for a in articles)
    return BenchResult(
        "read",
        n,
        words,
        seconds,
        peak_rss_mib(),
        extra=(
            ("load_seconds", f"{load_s:.2f}"),
            ("claims", str(claims)),
            ("cpu_seconds", f"{cpu_s:.2f}"),
            ("articles_per_cpu_s", f"{n / cpu_s:.1f}" if cpu_s > 0 else "-"),
        ),
    )


if __name__ == "__main__":
    r = bench_read()
    print(
        f"{r.items} articles, {r.words} words in {r.seconds:.2f}s: {r.items_per_s:.1f} articles/s, "
        f"{r.words_per_s:.0f} words/s, peak RSS {r.peak_rss_mib:.0f} MiB, {dict(r.extra)}"
    )
