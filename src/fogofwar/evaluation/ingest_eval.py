"""The ``ingest`` evaluation suite: body, title, author and date extraction from HTML.

Two gold sets from ``../shared/datasets`` are read in place:

* ``trafilatura_eval``: per page, snippets that must (``with``) and must not (``without``) be in
  the body. A ``with`` snippet found is a true positive, missing a false negative; a
  ``without`` snippet found is a false positive (micro-averaged, as trafilatura's own
  evaluation does). Title, author and date are compared where the index gives them.
* ``htmldate_eval``: publication date (day).

Both are in-domain: trafilatura and htmldate were tuned on these pages. Pages go through
:func:`fogofwar.readers.read_bytes` as a user's saved file would (no URL given), so a rejected
page scores as empty (its date is the one the rejection carries, if any). In the same run, on
the same bytes, the anchors are scored: trafilatura in precision mode (``body@trafilatura``)
and htmldate looking for the original date (``date@htmldate``).

Each set is split in two halves by a stable hash of the page's file name (:func:`half_of`):
``tune`` (the half heuristics were tuned on) and ``held-out`` (left unopened while tuning).
Figures are reported for ``<set>`` (all pages), ``<set>:tune`` and ``<set>:held-out``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import htmldate
from trafilatura import bare_extraction

from fogofwar.errors import EvalError
from fogofwar.evaluation.report import EvalReport, Metric, f1
from fogofwar.model import Article, Rejected
from fogofwar.readers import read_bytes
from fogofwar.readers.decoding import decode_html
from fogofwar.readers.pool import default_jobs, ordered_map

__all__ = [
    "HALVES",
    "EvalPage",
    "PageScore",
    "evaluate_ingest",
    "half_of",
    "iter_pages",
    "score_page",
]

HALVES = ("tune", "held-out")

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


def half_of(file_name: str) -> str:
    """``"tune"`` or ``"held-out"``: the parity of the first byte of the name's SHA-256."""
    return HALVES[hashlib.sha256(file_name.encode("utf-8")).digest()[0] % 2]


@dataclass(frozen=True, slots=True)
class _Body:
    tp: int = 0
    fn: int = 0
    fp: int = 0


@dataclass(frozen=True, slots=True)
class PageScore:
    """What one gold page scored, for fogofwar and for the anchors on the same bytes.

    ``None`` for a field the gold does not give.
    """

    dataset: str
    half: str
    rejected: bool
    body: _Body | None = None
    body_trafilatura: _Body | None = None
    title: bool | None = None
    author: bool | None = None
    date: bool | None = None
    date_htmldate: bool | None = None


def _body_counts(gold: dict[str, Any], text: str) -> _Body:
    body = _norm(text)
    with_ = [_norm(s) in body for s in gold.get("with", [])]
    fp = sum(1 for s in gold.get("without", []) if _norm(s) in body)
    return _Body(sum(with_), len(with_) - sum(with_), fp)


def _trafilatura_text(html: str) -> str:
    doc = bare_extraction(html, favor_precision=True, include_comments=False)
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else doc.text
    return str(text or "")


def _htmldate_day(html: str) -> str:
    # a page that is only a URL would be fetched by htmldate: never hand it one
    if html.lstrip().lower().startswith("http"):
        return ""
    return htmldate.find_date(html, original_date=True) or ""


def _anchor(fn: Any, html: str) -> str:
    try:
        return str(fn(html))
    except Exception:  # an anchor's crash scores as an empty answer
        return ""


def read_page(page: EvalPage) -> tuple[Article | None, str, date | None]:
    """What fogofwar reads from ``page`` (``None`` when it rejects it), the decoded HTML the
    anchors read (``""`` when undecodable) and the publication date fogofwar found (the
    article's, or the rejection's when the page is rejected)."""
    logging.disable(logging.WARNING)  # trafilatura and htmldate log every odd page
    data = page.html()
    name = page.path.name.removesuffix(".gz")
    results = read_bytes(data, source=name, fmt="html")
    article = next((r for r in results if isinstance(r, Article)), None)
    if article is not None:
        published = article.published
    else:
        published = next((r.published for r in results if isinstance(r, Rejected)), None)
    try:
        html = decode_html(data, source=name)
    except Exception:  # undecodable for the anchors too
        html = ""
    return article, html, published


def score_page(job: tuple[str, EvalPage]) -> PageScore:
    """Score one page (fogofwar and the anchors); a picklable unit for the process pool."""
    dataset, page = job
    article, html, published = read_page(page)
    gold = page.gold
    got_date = published.isoformat() if published else ""
    gold_date = gold.get("date") or ""
    with_date = "date" in gold
    score = PageScore(
        dataset,
        half_of(page.path.name.removesuffix(".gz")),
        article is None,
        date=(got_date == gold_date) if with_date else None,
        date_htmldate=(_anchor(_htmldate_day, html) == gold_date) if with_date else None,
    )
    if dataset != _TRAFILATURA:
        return score
    return PageScore(
        score.dataset,
        score.half,
        score.rejected,
        body=_body_counts(gold, article.text if article else ""),
        body_trafilatura=_body_counts(gold, _anchor(_trafilatura_text, html)),
        title=(_norm(gold["title"]) == _norm(article.title if article else None))
        if "title" in gold
        else None,
        author=(_names(gold["author"]) == _names(article.authors if article else ()))
        if "author" in gold
        else None,
        date=score.date,
        date_htmldate=score.date_htmldate,
    )


def _failed(job: tuple[str, EvalPage], exc: BaseException) -> PageScore:
    raise EvalError(f"scoring {job[1].path} failed ({type(exc).__name__}: {exc})") from exc


@dataclass(slots=True)
class _Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool | None) -> None:
        if ok is None:
            return
        self.correct += ok
        self.total += 1

    def metric(self, dataset: str, name: str) -> Metric:
        value = self.correct / self.total if self.total else 0.0
        return Metric(dataset, name, "accuracy", value, self.total, in_domain=True)


@dataclass(slots=True)
class _BodyTally:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    def add(self, body: _Body | None) -> None:
        if body is not None:
            self.tp, self.fn, self.fp = self.tp + body.tp, self.fn + body.fn, self.fp + body.fp

    def metrics(self, dataset: str, name: str, pages: int, note: str) -> list[Metric]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return [
            Metric(dataset, name, "precision", p, pages, True, note),
            Metric(dataset, name, "recall", r, pages, True, note),
            Metric(dataset, name, "f1", f1(p, r), pages, True, note),
        ]


@dataclass(slots=True)
class _Group:
    pages: int = 0
    rejected: int = 0
    body: _BodyTally = field(default_factory=_BodyTally)
    body_trafilatura: _BodyTally = field(default_factory=_BodyTally)
    title: _Tally = field(default_factory=_Tally)
    author: _Tally = field(default_factory=_Tally)
    date: _Tally = field(default_factory=_Tally)
    date_htmldate: _Tally = field(default_factory=_Tally)

    def add(self, s: PageScore) -> None:
        self.pages += 1
        self.rejected += s.rejected
        self.body.add(s.body)
        self.body_trafilatura.add(s.body_trafilatura)
        self.title.add(s.title)
        self.author.add(s.author)
        self.date.add(s.date)
        self.date_htmldate.add(s.date_htmldate)

    def metrics(self, name: str, with_body: bool) -> list[Metric]:
        note = f"{self.pages} pages, {self.rejected} rejected"
        out: list[Metric] = []
        if with_body:
            out += self.body.metrics(name, "body", self.pages, note)
            out += self.body_trafilatura.metrics(
                name, "body@trafilatura", self.pages, "trafilatura, precision mode"
            )
            out += [self.title.metric(name, "title"), self.author.metric(name, "author")]
        out.append(self.date.metric(name, "date"))
        out.append(
            Metric(
                name,
                "date@htmldate",
                "accuracy",
                self.date_htmldate.correct / self.date_htmldate.total
                if self.date_htmldate.total
                else 0.0,
                self.date_htmldate.total,
                True,
                "htmldate, original date",
            )
        )
        return out


def evaluate_ingest(shared: Path, limit: int | None = None, jobs: int | None = None) -> EvalReport:
    """Run the ``ingest`` suite on the gold sets under ``shared``; ``limit`` pages per set,
    ``jobs`` processes (default: every core).

    Raises :class:`EvalError` when a gold index is missing or unreadable.
    """
    jobs_list: list[tuple[str, EvalPage]] = [
        (dataset, page) for dataset in _INDEX for page in iter_pages(shared, dataset, limit)
    ]
    groups: dict[str, _Group] = {}
    for score in ordered_map(score_page, jobs_list, jobs=jobs or default_jobs(), on_error=_failed):
        for name in (score.dataset, f"{score.dataset}:{score.half}"):
            groups.setdefault(name, _Group()).add(score)
    metrics: list[Metric] = []
    for dataset in _INDEX:
        for name in (dataset, *(f"{dataset}:{h}" for h in HALVES)):
            if name in groups:
                metrics += groups[name].metrics(name, with_body=dataset == _TRAFILATURA)
    counts = "; ".join(f"{d}: {groups[d].pages} pages" for d in _INDEX if d in groups)
    notes = (
        counts + ("" if limit is None else f" (limit {limit} per set)"),
        "in-domain: trafilatura and htmldate were tuned on these pages",
        "halves by a hash of the file name: ':tune' was used to tune fogofwar's HTML reading, "
        "':held-out' was not looked at while tuning",
        "anchors on the same bytes: body@trafilatura (precision mode), date@htmldate "
        "(original date); pages are read without their URL, as a saved file is",
    )
    return EvalReport("ingest", tuple(metrics), notes)
