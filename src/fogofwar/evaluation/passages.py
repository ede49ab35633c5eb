"""Passage gold: real conflict reporting with every claim an analyst marks (``passages/``).

Each passage is read whole (title and body) and its predicted claims are aligned with the gold
claims by their evidence spans. The measures are the claim reader's headline table:

=====================  ============================================================
``recall``             gold claims found (a predicted claim's span overlaps the evidence)
``precision``          predicted claims that found a gold claim
``kind``               kind right, of the found pairs
``certainty``          certainty right, of the found pairs
``source_f1``          source right (kind, and name when either side names one) over
                       predicted vs gold claims
``killed``             killed count exact (low and high), of found pairs where either side
                       has a killed count
``full_f1``            claim fully right (found + kind + certainty + source + killed) F1
=====================  ============================================================

Alignment is one-to-one: pairs are taken best first (overlap share, then same kind). Datasets
are ``passages_<split>`` (all languages) and ``passages_<split>_<lang>``; ``dev`` may be looked
at while tuning, ``heldout`` is frozen (see ``passages/README.md``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.claim import Certainty, Claim, ClaimKind, SourceKind
from fogofwar.errors import ConfigError
from fogofwar.evaluation.report import Metric, f1
from fogofwar.model import Span

__all__ = [
    "SPLITS",
    "TRAIN_SPLIT",
    "GoldClaim",
    "Passage",
    "PassageScore",
    "align",
    "load_passages",
    "passages_dir",
    "score_passages",
    "source_name_match",
]

SPLITS = ("dev", "heldout")
#: training passages (``training/passages/train/``): written for the project, never scored
TRAIN_SPLIT = "train"
#: real-page passages the trainers do not read (``training/passages/pending/``): the odd-numbered
#: halves of the t7 and t8 batches, annotated blind and kept from training and tuning
BLIND_SPLIT = "pending"
_COUNTS = ("killed", "injured", "arrested", "missing", "displaced")
Bounds = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One gold claim: where it is said and what an analyst reads out of it."""

    span: Span
    in_headline: bool
    kind: ClaimKind
    certainty: Certainty
    source_kind: SourceKind
    source_name: str | None
    counts: Mapping[str, Bounds]


@dataclass(frozen=True, slots=True)
class Passage:
    """A gold passage: its text, optional headline and every claim in it."""

    id: str
    lang: str
    split: str
    text: str
    title: str | None
    claims: tuple[GoldClaim, ...]


def passages_dir() -> Path:
    """The shipped passage gold (``evaluation/passages/``)."""
    return Path(__file__).with_name("passages")


def _bounds(raw: Any, where: str) -> Bounds:
    if not isinstance(raw, dict) or not set(raw) <= {"low", "high"}:
        raise ConfigError(f"{where}: counts are {{low = n, high = n}}")
    low, high = raw.get("low"), raw.get("high")
    return (int(low) if low is not None else None, int(high) if high is not None else None)


def _find(haystack: str, needle: str, occurrence: int, where: str) -> Span:
    start = -1
    for _ in range(max(1, occurrence)):
        start = haystack.find(needle, start + 1)
        if start < 0:
            raise ConfigError(f"{where}: evidence {needle!r} not found (occurrence {occurrence})")
    return Span(start, start + len(needle))


def _claim(raw: Mapping[str, Any], text: str, title: str | None, where: str) -> GoldClaim:
    head = bool(raw.get("in_headline", False))
    if head and not title:
        raise ConfigError(f"{where}: in_headline claim in a passage without a title")
    try:
        kind = ClaimKind(raw["kind"])
        certainty = Certainty(raw["certainty"])
        source_kind = SourceKind(raw["source_kind"])
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"{where}: bad or missing kind/certainty/source_kind ({exc})") from exc
    span = _find(
        title or "" if head else text, str(raw["evidence"]), int(raw.get("occurrence", 1)), where
    )
    counts = {c: _bounds(raw[c], f"{where} {c}") for c in _COUNTS if c in raw}
    name = raw.get("source_name")
    return GoldClaim(span, head, kind, certainty, source_kind, str(name) if name else None, counts)


def load_passages(split: str, lang: str | None = None, folder: Path | None = None) -> list[Passage]:
    """Passages of ``split`` (``dev`` | ``heldout``; ``train`` or ``pending`` with the training
    folder), every language unless ``lang``; file order,
    languages sorted. Every evidence string is checked against its text."""
    if split not in SPLITS and split not in (TRAIN_SPLIT, BLIND_SPLIT):
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    base = (folder or passages_dir()) / split
    out: list[Passage] = []
    for path in sorted(base.glob("*.toml")):
        code = path.stem
        if lang is not None and code != lang:
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"passage gold {path}: cannot read it ({exc})") from exc
        for row in data.get("passage", []):
            where = f"{split}/{path.name} {row.get('id', '?')}"
            text = str(row["text"]).strip("\n")
            title = str(row["title"]) if row.get("title") else None
            claims = tuple(
                _claim(c, text, title, f"{where} claim {i}")
                for i, c in enumerate(row.get("claim", []))
            )
            out.append(Passage(str(row["id"]), code, split, text, title, claims))
    return out


_WORD = re.compile(r"\w+")


def _words(name: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(name)]


def source_name_match(gold: str | None, pred: str | None) -> bool:
    """Names agree: both absent, or they share a word (compared on a 5-letter stem, so that
    inflected forms agree: "Синегубов" ~ "Синегубова", "ministry" ~ "ministry's")."""
    if gold is None or pred is None:
        return gold is None and pred is None
    stems_g = {w[:5] for w in _words(gold) if len(w) >= 3}
    stems_p = {w[:5] for w in _words(pred) if len(w) >= 3}
    if not stems_g or not stems_p:
        return gold.casefold() == pred.casefold()
    return bool(stems_g & stems_p)


def _counts_of(claim: Claim) -> dict[str, Bounds]:
    out: dict[str, Bounds] = {}
    for name in _COUNTS:
        c = getattr(claim.counts, name)
        if c is not None:
            out[name] = (c.low, c.high)
    return out


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def align(gold: Sequence[GoldClaim], pred: Sequence[Claim]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` of overlapping claims, best first."""
    cands: list[tuple[float, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p.span is None or p.in_headline != g.in_headline:
                continue
            ov = _overlap(g.span, p.span)
            if ov <= 0:
                continue
            share = ov / max(1, min(g.span.end - g.span.start, p.span.end - p.span.start))
            cands.append((share, int(p.kind == g.kind), gi, pi))
    cands.sort(key=lambda c: (-c[1], -c[0], c[2], c[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class PassageScore:
    """Running tallies over passages (mutable: only inside the scorer)."""

    n_gold: int = 0
    n_pred: int = 0
    found: int = 0
    kind_ok: int = 0
    certainty_ok: int = 0
    source_ok: int = 0
    killed_n: int = 0
    killed_ok: int = 0
    full_ok: int = 0

    def add(self, gold: Sequence[GoldClaim], pred: Sequence[Claim]) -> None:
        """Tally one passage."""
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        for gi, pi in align(gold, pred):
            g, p = gold[gi], pred[pi]
            self.found += 1
            kind = p.kind == g.kind
            cert = p.certainty == g.certainty
            src = p.source.kind == g.source_kind and source_name_match(g.source_name, p.source.name)
            pk, gk = _counts_of(p).get("killed"), g.counts.get("killed")
            killed = pk == gk
            if pk is not None or gk is not None:
                self.killed_n += 1
                self.killed_ok += int(killed)
            self.kind_ok += int(kind)
            self.certainty_ok += int(cert)
            self.source_ok += int(src)
            self.full_ok += int(kind and cert and src and killed)

    def metrics(self, dataset: str) -> list[Metric]:
        """The headline table as metrics of ``dataset``."""

        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def fscore(tp: int) -> float:
            return f1(ratio(tp, self.n_pred), ratio(tp, self.n_gold))

        n = self.n_gold
        return [
            Metric(dataset, "claims", "recall", ratio(self.found, self.n_gold), n),
            Metric(dataset, "claims", "precision", ratio(self.found, self.n_pred), self.n_pred),
            Metric(dataset, "claims", "f1", fscore(self.found), n),
            Metric(dataset, "kind", "accuracy", ratio(self.kind_ok, self.found), self.found),
            Metric(
                dataset, "certainty", "accuracy", ratio(self.certainty_ok, self.found), self.found
            ),
            Metric(dataset, "source", "f1", fscore(self.source_ok), n),
            Metric(
                dataset, "killed", "accuracy", ratio(self.killed_ok, self.killed_n), self.killed_n
            ),
            Metric(dataset, "full", "f1", fscore(self.full_ok), n),
        ]


def score_passages(
    passages: Sequence[Passage], predicted: Iterable[Sequence[Claim]], split: str
) -> tuple[Metric, ...]:
    """Score ``predicted`` claims (one sequence per passage, in order) against the gold:
    metrics of ``passages_<split>`` and of ``passages_<split>_<lang>`` per language."""
    total = PassageScore()
    by_lang: dict[str, PassageScore] = {}
    for passage, claims in zip(passages, predicted, strict=True):
        total.add(passage.claims, claims)
        by_lang.setdefault(passage.lang, PassageScore()).add(passage.claims, claims)
    out = total.metrics(f"passages_{split}")
    for lang in sorted(by_lang):
        out += by_lang[lang].metrics(f"passages_{split}_{lang}")
    return tuple(out)
