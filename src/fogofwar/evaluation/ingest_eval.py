"""The ``ingest`` evaluation suite: body, title, author and date extraction from HTML.

Two gold sets from ``../shared/datasets`` are read in place:

* ``trafilatura_eval``: per page, snippets that must (``with``) and must not (``without``) be in
  the body. A ``with`` snippet found is a true positive, missing a false negative; a
  ``without`` snippet found is a false positive (micro-averaged, as trafilatura's own
  evaluation does). Title, author and date are compared where the index gives them.
* ``htmldate_eval``: publication date (day).

Both are in-domain: trafilatura and htmldate were tuned on these pages. Pages go through
:func:`fogofwar.readers.read_bytes` like any user input, so a rejected page scores as empty.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.errors import EvalError
from fogofwar.evaluation.report import EvalReport, Metric, f1
from fogofwar.model import Article
from fogofwar.readers import read_bytes

__all__ = ["EvalPage", "evaluate_ingest", "iter_pages"]

_TRAFILATURA = "trafilatura_eval"
_HTMLDATE = "htmldate_eval"
_INDEX = {_TRAFILATURA: "evaldata.json", _HTMLDATE: "eval_default.json"}


@dataclass(frozen=True, slots=True)
class EvalPage:
    """One gold page: its URL, gzipped HTML path and gold annotations."""

    url: str
    path: Path
    gold: dict[str, Any]

    def html(self) -> bytes:
        """The page's HTML bytes."""
        try:
            return gzip.decompress(self.path.read_bytes())
        except (OSError, EOFError) as exc:
            raise EvalError(
                f"cannot read gold page {self.path} ({exc}); check the dataset copy"
            ) from exc


def iter_pages(shared: Path, dataset: str, limit: int | None = None) -> Iterator[EvalPage]:
    """The pages of ``dataset`` (sorted by URL) whose HTML is present, at most ``limit``."""
    folder = shared / "datasets" / dataset
    index = folder / _INDEX[dataset]
    try:
        entries: dict[str, dict[str, Any]] = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(
            f"cannot load the gold index {index} ({exc}); set FOGOFWAR_SHARED to the shared "
            "data folder"
        ) from exc
    count = 0
    for url in sorted(entries):
        gold = entries[url]
        path = folder / "html" / f"{gold['file']}.gz"
        if not path.is_file():
            continue
        yield EvalPage(url, path, gold)
        count += 1
        if limit is not None and count >= limit:
            return


def _norm(value: Any) -> str:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return " ".join(str(value or "").split())


def _names(value: Any) -> frozenset[str]:
    """Author names as a set: gold gives a string ("A; B") or a list."""
    items = value if isinstance(value, list | tuple) else str(value or "").split(";")
    return frozenset(n for n in (_norm(i).casefold() for i in items) if n)


def _read(page: EvalPage) -> Article | None:
    results = read_bytes(page.html(), source=page.path.name, fmt="html", url=page.url)
    return next((r for r in results if isinstance(r, Article)), None)


@dataclass(slots=True)
class _Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def metric(self, dataset: str, name: str) -> Metric:
        value = self.correct / self.total if self.total else 0.0
        return Metric(dataset, name, "accuracy", value, self.total, in_domain=True)


def _trafilatura_metrics(shared: Path, limit: int | None) -> tuple[list[Metric], int]:
    tp = fn = fp = 0
    title, author, date = _Tally(), _Tally(), _Tally()
    rejected = 0
    pages = 0
    for page in iter_pages(shared, _TRAFILATURA, limit):
        pages += 1
        article = _read(page)
        rejected += article is None
        body = _norm(article.text if article else "")
        for snippet in page.gold.get("with", []):
            if _norm(snippet) in body:
                tp += 1
            else:
                fn += 1
        fp += sum(1 for s in page.gold.get("without", []) if _norm(s) in body)
        if "title" in page.gold:
            title.add(_norm(page.gold["title"]) == _norm(article.title if article else None))
        if "author" in page.gold:
            got = article.authors if article else ()
            author.add(_names(page.gold["author"]) == _names(got))
        if "date" in page.gold:
            got_date = article.published.isoformat() if article and article.published else ""
            date.add((page.gold["date"] or "") == got_date)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    note = f"{pages} pages, {rejected} rejected"
    metrics = [
        Metric(_TRAFILATURA, "body", "precision", precision, pages, True, note),
        Metric(_TRAFILATURA, "body", "recall", recall, pages, True, note),
        Metric(_TRAFILATURA, "body", "f1", f1(precision, recall), pages, True, note),
        title.metric(_TRAFILATURA, "title"),
        author.metric(_TRAFILATURA, "author"),
        date.metric(_TRAFILATURA, "date"),
    ]
    return metrics, pages


def _htmldate_metrics(shared: Path, limit: int | None) -> tuple[list[Metric], int]:
    date = _Tally()
    for page in iter_pages(shared, _HTMLDATE, limit):
        article = _read(page)
        got = article.published.isoformat() if article and article.published else ""
        date.add(got == page.gold.get("date"))
    return [date.metric(_HTMLDATE, "date")], date.total


def evaluate_ingest(shared: Path, limit: int | None = None) -> EvalReport:
    """Run the ``ingest`` suite on the gold sets under ``shared``; ``limit`` pages per set.

    Raises :class:`EvalError` when a gold index is missing or unreadable.
    """
    traf, n_traf = _trafilatura_metrics(shared, limit)
    dates, n_dates = _htmldate_metrics(shared, limit)
    notes = (
        f"{_TRAFILATURA}: {n_traf} pages; {_HTMLDATE}: {n_dates} pages"
        + ("" if limit is None else f" (limit {limit} per set)"),
        "in-domain: trafilatura and htmldate were tuned on these pages",
    )
    return EvalReport("ingest", tuple(traf + dates), notes)
