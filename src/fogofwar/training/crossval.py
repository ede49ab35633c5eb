"""Leave-passages-out cross-validation of the learned parts (``fogofwar train cv``).

The texts are split into the folds of :func:`~fogofwar.training.sources.assign_folds` (by
passage or sentence, fixed seed). For each fold, a clause model trained without it (as ``train
claims`` trains) and a source choice trained without it (as ``train sources`` trains) read the
fold's passages, and the passages are scored as ``fogofwar eval claims`` scores them. Summed
over the folds, every training and dev passage is read by models that never saw it: the
figures to compare recipes by (the shipped models' own figures on these passages are
in-sample).

Recipes of the source choice: ``cross-fit`` (its training texts read by cross-fitted clause
models, as ``train sources`` does) or ``in-sample`` (read by the fold's clause model itself,
which has seen them: the recipe before cross-fitting).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fogofwar.errors import ConfigError
from fogofwar.evaluation.passages import TRAIN_SPLIT, PassageScore, load_passages
from fogofwar.evaluation.report import Metric
from fogofwar.reader import Reader
from fogofwar.training import PASSAGES
from fogofwar.training.sources import (
    Decision,
    _decisions,
    _fittable,
    choose_margin,
    collect,
    fit_chooser,
)

__all__ = ["CrossValidation", "cross_validate"]

RECIPES = ("cross-fit", "in-sample")


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """Out-of-fold passage figures of one recipe, by split (``train``, ``dev``)."""

    recipe: str
    metrics: tuple[tuple[str, tuple[Metric, ...]], ...]
    margin: float


def cross_validate(
    reader: Reader,
    recipes: Sequence[str] = RECIPES,
    *,
    include_dev: bool = True,
    folder: Path | None = None,
    passages: Path | None = None,
    use_embeddings: bool = True,
) -> list[CrossValidation]:
    """Cross-validate each recipe on the training and dev passages (see the module); the
    data as :func:`~fogofwar.training.sources.train_sources` reads it."""
    unknown = set(recipes) - set(RECIPES)
    if unknown:
        raise ValueError(f"unknown recipe {sorted(unknown)}; use {', '.join(RECIPES)}")
    texts, decisions, fold_of, models = collect(
        reader,
        include_dev=include_dev,
        folder=folder,
        passages=passages,
        cross_fit=True,
        use_embeddings=use_embeddings,
    )
    if not _fittable(decisions):
        raise ConfigError("cross-validation: too few annotated clauses to learn from")
    margin, _ = choose_margin(decisions, fold_of)
    scored = [(TRAIN_SPLIT, p) for p in load_passages(TRAIN_SPLIT, folder=passages or PASSAGES)]
    if include_dev:
        scored += [("dev", p) for p in load_passages("dev")]
    out: list[CrossValidation] = []
    shipped = reader.resources
    for recipe in recipes:
        scores = {TRAIN_SPLIT: PassageScore(), "dev": PassageScore()}
        for k, model in sorted(models.items()):
            rest = [t for t in texts if fold_of[t.key] != k]
            train: list[Decision]
            if recipe == "in-sample":
                train = _decisions(reader, rest, {t.key: model for t in rest})
            else:
                train = [d for d in decisions if fold_of[d.group] != k]
            chooser = fit_chooser(train, margin) if _fittable(train) else None
            try:
                reader.resources = dataclasses.replace(
                    shipped, model=model or shipped.model, sources=chooser
                )
                for split, p in scored:
                    if fold_of.get(f"passages/{split}/{p.id}") != k:
                        continue
                    claims = reader.read_text(p.text, p.lang, title=p.title).claims
                    scores[split].add(p.claims, claims)
            finally:
                reader.resources = shipped
        out.append(
            CrossValidation(
                recipe,
                tuple((split, tuple(s.metrics(split))) for split, s in scores.items()),
                margin,
            )
        )
    return out
