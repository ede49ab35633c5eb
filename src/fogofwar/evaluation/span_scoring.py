"""Scoring primitives of the claims suite: span matching, token overlap and label confusion.

Everything here is pure and deterministic: inputs are tuples of :class:`~fogofwar.model.Span`
or label strings, outputs are small frozen count records whose properties give P/R/F1.

Span matching comes in two strengths:

* **exact** — a predicted span counts when it equals a gold span's extent (first start, last
  end of its fragments);
* **soft** — a predicted span counts when it shares at least one character with one of a gold
  span's fragments (token overlap: spans start and end on token boundaries).

Precision counts the predicted spans that match some gold span, recall the gold spans that some
predicted span matches (so one long prediction may cover two gold spans).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fogofwar.evaluation.report import f1
from fogofwar.model import Span

__all__ = [
    "NO_LABEL",
    "GoldSpan",
    "LabelScores",
    "PRCounts",
    "match_spans",
    "overlaps",
    "score_labels",
    "token_spans",
    "tokens_covered",
]

NO_LABEL = "none"  # the predicted label when the reader produced nothing

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PRCounts:
    """Matched/total counts on both sides; precision, recall and F1 derive from them."""

    matched_pred: int = 0
    n_pred: int = 0
    matched_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """Matched predictions over predictions (0.0 when nothing was predicted)."""
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Matched gold items over gold items (0.0 when there is no gold)."""
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1(self.precision, self.recall)

    def __add__(self, other: PRCounts) -> PRCounts:
        return PRCounts(
            self.matched_pred + other.matched_pred,
            self.n_pred + other.n_pred,
            self.matched_gold + other.matched_gold,
            self.n_gold + other.n_gold,
        )


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold span, possibly discontinuous (brat ``start end;start end``)."""

    fragments: tuple[Span, ...]

    @property
    def extent(self) -> Span:
        """From the first fragment's start to the last fragment's end."""
        return Span(min(f.start for f in self.fragments), max(f.end for f in self.fragments))

    @classmethod
    def of(cls, start: int, end: int) -> GoldSpan:
        """A one-fragment gold span."""
        return cls((Span(start, end),))


def overlaps(a: Span, b: Span) -> bool:
    """True when the half-open ranges share at least one character."""
    return a.start < b.end and b.start < a.end


def _matches(gold: GoldSpan, pred: Span, soft: bool) -> bool:
    if soft:
        return any(overlaps(f, pred) for f in gold.fragments)
    return gold.extent == pred


def match_spans(gold: Sequence[GoldSpan], pred: Sequence[Span], *, soft: bool) -> PRCounts:
    """Count matched predictions and matched gold spans (exact or soft, see module doc)."""
    matched_pred = sum(1 for p in pred if any(_matches(g, p, soft) for g in gold))
    matched_gold = sum(1 for g in gold if any(_matches(g, p, soft) for p in pred))
    return PRCounts(matched_pred, len(pred), matched_gold, len(gold))


def token_spans(text: str) -> tuple[Span, ...]:
    """Word and punctuation tokens of ``text`` (``\\w+`` runs and single other characters)."""
    return tuple(Span(m.start(), m.end()) for m in _TOKEN.finditer(text))


def tokens_covered(tokens: Sequence[Span], spans: Iterable[Span]) -> frozenset[int]:
    """Indices of the tokens that overlap any of ``spans``."""
    ranges = sorted(spans)
    out: set[int] = set()
    for i, tok in enumerate(tokens):
        for s in ranges:
            if s.start >= tok.end:
                break
            if overlaps(s, tok):
                out.add(i)
                break
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class LabelScores:
    """Single-label classification results: accuracy, per-label P/R/F1, macro-F1."""

    n: int
    correct: int
    per_label: tuple[tuple[str, PRCounts], ...]  # sorted by label; only labels present in gold

    @property
    def accuracy(self) -> float:
        """Share of items whose predicted label equals the gold label."""
        return self.correct / self.n if self.n else 0.0

    @property
    def macro_f1(self) -> float:
        """Unweighted mean F1 over the labels present in gold."""
        if not self.per_label:
            return 0.0
        return sum(c.f1 for _, c in self.per_label) / len(self.per_label)


def score_labels(gold: Sequence[str], pred: Sequence[str]) -> LabelScores:
    """Score one predicted label per item against one gold label per item.

    Per-label precision counts every prediction of that label (also on items whose gold label
    is another one); labels predicted but never gold are left out of the macro average.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    correct = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    rows: list[tuple[str, PRCounts]] = []
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        n_pred = sum(1 for p in pred if p == label)
        n_gold = sum(1 for g in gold if g == label)
        rows.append((label, PRCounts(tp, n_pred, tp, n_gold)))
    return LabelScores(len(gold), correct, tuple(rows))
