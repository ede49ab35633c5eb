"""Tests for fogofwar.examples (bundled example articles)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from fogofwar.examples import example_paths
from fogofwar.model import Article
from fogofwar.readers import read_inputs

README = Path(__file__).resolve().parents[1] / "src" / "fogofwar" / "examples" / "README.md"


def _articles() -> list[Article]:
    results = list(read_inputs(str(p) for p in example_paths()))
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


def test_every_example_reads_as_articles() -> None:
    articles = _articles()
    assert len(articles) >= 8
    for article in articles:
        assert article.title
        assert article.published is not None
        assert article.authors
        assert 90 <= article.word_count <= 400, (article.source, article.word_count)


def test_languages_and_formats_covered() -> None:
    articles = _articles()
    languages = Counter(a.language for a in articles)
    assert all(languages[lang] >= 2 for lang in ("de", "en", "ru", "uk")), languages
    assert {a.source_format for a in articles} == {"text", "html", "jsonl", "feed"}


def test_readme_lists_every_file() -> None:
    readme = README.read_text(encoding="utf-8")
    for path in example_paths():
        assert path.name in readme
