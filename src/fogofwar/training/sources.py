"""Train the source choice (:mod:`fogofwar.nlp.source_choice`) from the project's annotations.

The reader runs over every annotated text — the training sentences in ``training/data/``, the
training passages and, unless left out, the dev passages — with a recording chooser in place of
the learned one: for every clause that becomes a claim it keeps the candidates and the rules'
pick. The clause model it reads with is *cross-fitted*: the texts are split into folds (by
passage or sentence, fixed seed), and each fold is read by a clause model trained as ``fogofwar
train claims`` trains it but without that fold — so the choice learns from the clause model's
outputs as they are on unseen text, not from its over-confident in-sample ones.

A clause is labelled by the gold claim its span overlaps most; a candidate is right when the
claim would get the gold source with it (same kind, and names that agree as ``fogofwar eval
claims`` compares them). A logistic model is fitted on the candidates of clauses with at least
one right candidate, and the margin a candidate needs over the rules' pick is chosen by
cross-validation over the same folds.

``fogofwar train sources`` runs it and prints how often the rules and the learned choice pick a
right source, cross-validated: the figure to trust, since the fitted one is in-sample.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fogofwar.claim import SourceKind
from fogofwar.errors import ConfigError
from fogofwar.evaluation.passages import TRAIN_SPLIT, load_passages, source_name_match
from fogofwar.model import Span
from fogofwar.nlp.doc import SourceCandidate
from fogofwar.nlp.source_choice import FEATURES, WEIGHTS, SourceChooser
from fogofwar.reader import Reader
from fogofwar.training import PASSAGES

if TYPE_CHECKING:
    from fogofwar.detect.model import ClauseModel

__all__ = ["SourceReport", "assign_folds", "cross_fitted_models", "train_sources"]

SEED = 13
FOLDS = 5
_MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0)
_C = 2.0
#: a passage's clauses weigh more than a training sentence's: passages are real reporting
#: of several sentences, where the choice is hard
_PASSAGE_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class _GoldSource:
    span: Span
    kind: SourceKind
    name: str | None


@dataclass(frozen=True, slots=True)
class _Text:
    key: str  # the group it is held out with (:func:`fogofwar.detect.train.group_of`)
    lang: str
    text: str
    headline: bool
    golds: tuple[_GoldSource, ...]
    passage: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """One annotated clause that became a claim: its candidates, the rules' pick, which
    candidates give the gold source."""

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
    cross_fitted: bool = True


class _Recorder:
    """A chooser that keeps the rules' pick and records what it was offered."""

    def __init__(self) -> None:
        self.seen: list[tuple[Span, tuple[SourceCandidate, ...], int]] = []

    def choose(self, clause: Span, cands: Sequence[SourceCandidate], rule: int) -> int:
        self.seen.append((clause, tuple(cands), rule))
        return rule


def assign_folds(groups: Sequence[str], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """A fold for every group (sorted, then drawn with a fixed seed): the same split for the
    cross-fitted clause models, the margin's cross-validation and ``train cv``."""
    import numpy as np

    keys = sorted(set(groups))
    rng = np.random.default_rng(seed)
    return {g: int(f) for g, f in zip(keys, rng.integers(0, folds, len(keys)), strict=True)}


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
                f"{path.name}:{n}",
                str(row.get("lang", path.stem)),
                body,
                bool(row.get("headline")),
                tuple(found),
            )
    written = [(TRAIN_SPLIT, p) for p in load_passages(TRAIN_SPLIT, folder=passages or PASSAGES)]
    if include_dev:
        written += [("dev", p) for p in load_passages("dev")]
    for split, p in written:
        for head, text in ((False, p.text), (True, p.title)):
            if text:
                golds = tuple(
                    _GoldSource(c.span, c.source_kind, c.source_name)
                    for c in p.claims
                    if c.in_headline == head
                )
                yield _Text(f"passages/{split}/{p.id}", p.lang, text, head, golds, passage=True)


def _gold_of(clause: Span, golds: Sequence[_GoldSource]) -> _GoldSource | None:
    best, share = None, 0.0
    for g in golds:
        ov = min(g.span.end, clause.end) - max(g.span.start, clause.start)
        s = ov / max(1, min(g.span.end - g.span.start, clause.end - clause.start))
        if ov > 0 and s > share:
            best, share = g, s
    return best


def _decisions(
    reader: Reader,
    texts: Sequence[_Text],
    models: Mapping[str, ClauseModel | None] | None = None,
) -> list[Decision]:
    """The decisions of ``texts`` read by ``reader`` — with ``models[text.key]`` as its clause
    model where given (the cross-fitted one), its own elsewhere."""
    rec = _Recorder()
    shipped = reader.resources
    seen: list[tuple[_Text, Span, tuple[SourceCandidate, ...], int]] = []
    try:
        for t in texts:
            model = (models or {}).get(t.key) or shipped.model
            reader.resources = dataclasses.replace(shipped, sources=rec, model=model)
            rec.seen.clear()
            reader.analyze(t.text, t.lang, headline=t.headline)
            seen += [(t, *row) for row in rec.seen]
    finally:
        reader.resources = shipped
    out: list[Decision] = []
    for t, clause, cands, rule in seen:
        g = _gold_of(clause, t.golds)
        if g is None:
            continue
        right = tuple(c.kind == g.kind and source_name_match(g.name, c.name) for c in cands)
        w = _PASSAGE_WEIGHT if t.passage else 1.0
        out.append(Decision(t.key, cands, rule, right, g, w))
    return out


def cross_fitted_models(
    reader: Reader,
    fold_of: Mapping[str, int],
    *,
    include_dev: bool = True,
    folder: Path | None = None,
    passages: Path | None = None,
    use_embeddings: bool = True,
) -> dict[int, ClauseModel | None]:
    """One clause model per fold, trained as ``fogofwar train claims`` trains the shipped one
    but without that fold's texts (``None`` where what is left cannot be fitted: too few
    labels). ``reader``'s rules read the texts; its own models are not used."""
    import numpy as np

    from fogofwar.detect.model import ClauseModel, save_model
    from fogofwar.detect.train import DIM, design, fit_heads, group_of, load_examples

    examples = load_examples(folder, include_dev=include_dev, passages=passages or PASSAGES)
    shipped = reader.resources
    reader.resources = dataclasses.replace(shipped, model=None, sources=None)
    out: dict[int, ClauseModel | None] = {k: None for k in set(fold_of.values())}
    try:
        d = design(reader, examples, use_embeddings=use_embeddings)
    except ConfigError:  # no clauses at all: nothing to cross-fit
        return out
    finally:
        reader.resources = shipped
    fold = np.asarray([fold_of.get(group_of(ex), -1) for ex in examples])
    with tempfile.TemporaryDirectory() as tmp:
        for k in sorted(set(fold_of.values())):
            try:
                heads = fit_heads(d, fold != k)
            except ValueError:  # a head with one class left: no model for this fold
                continue
            path = Path(tmp) / f"fold{k}.npz"
            save_model(path, heads, DIM, {"fold": k})
            out[k] = ClauseModel.load(path)
    return out


def collect(
    reader: Reader,
    *,
    include_dev: bool = True,
    folder: Path | None = None,
    passages: Path | None = None,
    cross_fit: bool = True,
    folds: int = FOLDS,
    use_embeddings: bool = True,
) -> tuple[list[_Text], list[Decision], dict[str, int], dict[int, ClauseModel | None]]:
    """The texts, their decisions, the fold of every text and the fold clause models (empty
    without ``cross_fit``: then ``reader``'s own clause model reads every text)."""
    texts = list(_texts(include_dev, folder, passages))
    fold_of = assign_folds([t.key for t in texts], folds)
    models: dict[int, ClauseModel | None] = {}
    if cross_fit:
        models = cross_fitted_models(
            reader,
            fold_of,
            include_dev=include_dev,
            folder=folder,
            passages=passages,
            use_embeddings=use_embeddings,
        )
    by_text = {t.key: models.get(fold_of[t.key]) for t in texts} if models else None
    return texts, _decisions(reader, texts, by_text), fold_of, models


def _fittable(decisions: Sequence[Decision]) -> bool:
    """Both right and wrong candidates among the learnable clauses."""
    labels = {r for d in decisions if any(d.right) for r in d.right}
    return labels == {True, False}


def fit_chooser(decisions: Sequence[Decision], margin: float = 0.0) -> SourceChooser:
    """A chooser fitted on the candidates of ``decisions`` with at least one right one."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    used = [d for d in decisions if any(d.right)]
    x = np.array([c.features for d in used for c in d.cands])
    y = np.array([r for d in used for r in d.right])
    w = np.array([d.weight for d in used for _ in d.cands])
    model = LogisticRegression(C=_C, max_iter=3000, random_state=SEED)
    model.fit(x, y, sample_weight=w)
    return SourceChooser([float(v) for v in model.coef_[0]], float(model.intercept_[0]), margin)


def _right(chooser: SourceChooser, decisions: Sequence[Decision]) -> int:
    return sum(d.right[chooser.choose(Span(0, 0), d.cands, d.rule)] for d in decisions)


def choose_margin(
    decisions: Sequence[Decision], fold_of: Mapping[str, int]
) -> tuple[float, dict[float, int]]:
    """The margin over the rules' pick that picks right most often, cross-validated over the
    folds of ``fold_of``; with the right picks of every margin."""
    by_margin = {m: 0 for m in _MARGINS}
    for k in sorted(set(fold_of.values())):
        train = [d for d in decisions if fold_of[d.group] != k]
        test = [d for d in decisions if fold_of[d.group] == k]
        if not _fittable(train):  # a fold too small to learn from: the rules decide there
            for m in _MARGINS:
                by_margin[m] += sum(d.right[d.rule] for d in test)
            continue
        chooser = fit_chooser(train)
        for m in _MARGINS:
            by_margin[m] += _right(SourceChooser(chooser.weights, chooser.bias, m), test)
    return max(_MARGINS, key=lambda m: (by_margin[m], m)), by_margin


def train_sources(
    reader: Reader,
    out: Path | None = None,
    *,
    include_dev: bool = True,
    folder: Path | None = None,
    passages: Path | None = None,
    cross_fit: bool = True,
    use_embeddings: bool = True,
) -> SourceReport:
    """Fit the source choice on the shipped annotations (the sentences in ``folder``, the
    passages in ``passages``, the dev passages unless ``include_dev`` is false) and write its
    weights (JSON) to ``out``. With ``cross_fit`` (the default) the texts are read by
    cross-fitted clause models; without, by ``reader``'s own."""
    texts, decisions, fold_of, _ = collect(
        reader,
        include_dev=include_dev,
        folder=folder,
        passages=passages,
        cross_fit=cross_fit,
        use_embeddings=use_embeddings,
    )
    if not _fittable(decisions):
        raise ConfigError(
            f"source choice: {len(decisions)} annotated clauses, too few right and wrong "
            "candidates to learn from; add annotations (training/data, training/passages)"
        )
    margin, by_margin = choose_margin(decisions, fold_of)
    chooser = fit_chooser(decisions, margin)
    path = out or WEIGHTS
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {
        "features": list(FEATURES),
        "weights": [round(w, 6) for w in chooser.weights],
        "bias": round(chooser.bias, 6),
        "margin": margin,
        "trained_on": {
            "texts": len(texts),
            "decisions": len(decisions),
            "dev": include_dev,
            "cross_fitted": f"{FOLDS} folds, seed {SEED}" if cross_fit else False,
        },
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
        cross_fit,
    )
