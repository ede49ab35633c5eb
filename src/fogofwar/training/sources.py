"""Train the source choice (:mod:`fogofwar.nlp.source_choice`) from the project's annotations.

The reader runs as it ships (rules and clause model) over every annotated text — the training
sentences in ``training/data/`` and, unless left out, the dev passages — with a recording
chooser in place of the learned one: for every clause that becomes a claim it keeps the
candidates and the rules' pick. A clause is labelled by the gold claim its span overlaps most;
a candidate is right when the claim would get the gold source with it (same kind, and names
that agree as ``fogofwar eval claims`` compares them). A logistic model is fitted on the
candidates of clauses with at least one right candidate, and the margin a candidate needs over
the rules' pick is chosen by cross-validation over texts (grouped, fixed seed).

``fogofwar train sources`` runs it and prints how often the rules and the learned choice pick a
right source, cross-validated: the figure to trust, since the fitted one is in-sample.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.claim import SourceKind
from fogofwar.errors import ConfigError
from fogofwar.evaluation.passages import TRAIN_SPLIT, load_passages, source_name_match
from fogofwar.model import Span
from fogofwar.nlp.doc import SourceCandidate
from fogofwar.nlp.source_choice import FEATURES, WEIGHTS, SourceChooser
from fogofwar.reader import Reader
from fogofwar.training import PASSAGES

__all__ = ["SourceReport", "train_sources"]

_SEED = 13
_FOLDS = 5
_MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0)
_C = 2.0
#: a dev passage's clauses weigh more than a training sentence's: passages are real reporting
#: of several sentences, where the choice is hard
_PASSAGE_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class _GoldSource:
    span: Span
    kind: SourceKind
    name: str | None


@dataclass(frozen=True, slots=True)
class _Text:
    key: str
    lang: str
    text: str
    headline: bool
    golds: tuple[_GoldSource, ...]
    passage: bool = False


@dataclass(frozen=True, slots=True)
class _Decision:
    group: str
    cands: tuple[SourceCandidate, ...]
    rule: int
    right: tuple[bool, ...]
    gold: _GoldSource
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class SourceReport:
    """What the source choice was trained on and how often it picks a right source."""

    path: Path
    texts: int
    decisions: int
    learnable: int
    rule_accuracy: float  # of all decisions, the rules' pick
    cv_accuracy: float  # of all decisions, the learned choice, cross-validated over texts
    margin: float


class _Recorder:
    """A chooser that keeps the rules' pick and records what it was offered."""

    def __init__(self) -> None:
        self.seen: list[tuple[Span, tuple[SourceCandidate, ...], int]] = []

    def choose(self, clause: Span, cands: Sequence[SourceCandidate], rule: int) -> int:
        self.seen.append((clause, tuple(cands), rule))
        return rule


def _texts(include_dev: bool, folder: Path | None, passages: Path | None) -> Iterator[_Text]:
    from fogofwar.detect.train import training_dir

    for path in sorted((folder or training_dir()).glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            body = str(row["text"])
            found: list[_GoldSource] = []
            for c in row.get("claims", []):
                start = body.find(str(c["evidence"]))
                if start < 0:
                    continue
                span = Span(start, start + len(str(c["evidence"])))
                kind = SourceKind(str(c.get("source_kind", "author")))
                found.append(_GoldSource(span, kind, c.get("source_name")))
            yield _Text(
                f"{path.stem}:{n}",
                str(row.get("lang", path.stem)),
                body,
                bool(row.get("headline")),
                tuple(found),
            )
    written = load_passages(TRAIN_SPLIT, folder=passages or PASSAGES)
    if include_dev:
        written += load_passages("dev")
    for p in written:
        for head, text in ((False, p.text), (True, p.title)):
            if text:
                golds = tuple(
                    _GoldSource(c.span, c.source_kind, c.source_name)
                    for c in p.claims
                    if c.in_headline == head
                )
                yield _Text(p.id, p.lang, text, head, golds, passage=True)


def _gold_of(clause: Span, golds: Sequence[_GoldSource]) -> _GoldSource | None:
    best, share = None, 0.0
    for g in golds:
        ov = min(g.span.end, clause.end) - max(g.span.start, clause.start)
        s = ov / max(1, min(g.span.end - g.span.start, clause.end - clause.start))
        if ov > 0 and s > share:
            best, share = g, s
    return best


def _decisions(reader: Reader, texts: Sequence[_Text]) -> list[_Decision]:
    rec = _Recorder()
    shipped = reader.resources
    reader.resources = dataclasses.replace(shipped, sources=rec)
    seen: list[tuple[_Text, Span, tuple[SourceCandidate, ...], int]] = []
    try:
        for t in texts:
            rec.seen.clear()
            reader.analyze(t.text, t.lang, headline=t.headline)
            seen += [(t, *row) for row in rec.seen]
    finally:
        reader.resources = shipped
    out: list[_Decision] = []
    for t, clause, cands, rule in seen:
        g = _gold_of(clause, t.golds)
        if g is None:
            continue
        right = tuple(c.kind == g.kind and source_name_match(g.name, c.name) for c in cands)
        w = _PASSAGE_WEIGHT if t.passage else 1.0
        out.append(_Decision(t.key, cands, rule, right, g, w))
    return out


def _fittable(decisions: Sequence[_Decision]) -> bool:
    """Both right and wrong candidates among the learnable clauses."""
    labels = {r for d in decisions if any(d.right) for r in d.right}
    return labels == {True, False}


def _fit(decisions: Sequence[_Decision]) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    used = [d for d in decisions if any(d.right)]
    x = np.array([c.features for d in used for c in d.cands])
    y = np.array([r for d in used for r in d.right])
    w = np.array([d.weight for d in used for _ in d.cands])
    model = LogisticRegression(C=_C, max_iter=3000, random_state=_SEED)
    model.fit(x, y, sample_weight=w)
    return model


def _accuracy(model: Any, decisions: Sequence[_Decision], margin: float) -> float:
    chooser = SourceChooser([float(w) for w in model.coef_[0]], float(model.intercept_[0]), margin)
    ok = sum(d.right[chooser.choose(Span(0, 0), d.cands, d.rule)] for d in decisions)
    return ok / max(1, len(decisions))


def train_sources(
    reader: Reader,
    out: Path | None = None,
    *,
    include_dev: bool = True,
    folder: Path | None = None,
    passages: Path | None = None,
) -> SourceReport:
    """Fit the source choice on the shipped annotations (the sentences in ``folder``, the
    passages in ``passages``, the dev passages unless ``include_dev`` is false) and write its
    weights (JSON) to ``out``."""
    import numpy as np

    texts = list(_texts(include_dev, folder, passages))
    decisions = _decisions(reader, texts)
    groups = sorted({d.group for d in decisions})
    rng = np.random.default_rng(_SEED)
    fold_of = {g: int(f) for g, f in zip(groups, rng.integers(0, _FOLDS, len(groups)), strict=True)}
    by_margin = {m: 0 for m in _MARGINS}
    if not _fittable(decisions):
        raise ConfigError(
            f"source choice: {len(decisions)} annotated clauses, too few right and wrong "
            "candidates to learn from; add annotations (training/data, training/passages)"
        )
    for k in range(_FOLDS):
        train = [d for d in decisions if fold_of[d.group] != k]
        test = [d for d in decisions if fold_of[d.group] == k]
        if not _fittable(train):  # a fold too small to learn from: the rules decide there
            for m in _MARGINS:
                by_margin[m] += sum(d.right[d.rule] for d in test)
            continue
        model = _fit(train)
        for m in _MARGINS:
            by_margin[m] += round(_accuracy(model, test, m) * len(test))
    margin = max(_MARGINS, key=lambda m: (by_margin[m], m))
    model = _fit(decisions)
    path = out or WEIGHTS
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "margin": margin,
        "trained_on": {"texts": len(texts), "decisions": len(decisions), "dev": include_dev},
    }
    path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    n = max(1, len(decisions))
    return SourceReport(
        path,
        len(texts),
        len(decisions),
        sum(1 for d in decisions if any(d.right)),
        sum(d.right[d.rule] for d in decisions) / n,
        by_margin[margin] / n,
        margin,
    )
