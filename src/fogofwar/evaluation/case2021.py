"""CASE-2021 task 2 snippets (``case2021_task2_acled_snippets/``): loader and kind scorer.

407 short English snippets, each labelled with one ACLED sub-event type (or one of the five
"unseen" types of the shared task). Labels map to claims-v1 KINDS through
``data/label_maps/acled_to_kinds.toml``; the reader's prediction is the kind of its first body
claim (``"none"`` when it reads no claim), as for PLOVER.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fogofwar.evaluation.plover import predicted_kind
from fogofwar.evaluation.report import Metric
from fogofwar.evaluation.span_scoring import NO_LABEL, score_labels
from fogofwar.reader import ReadResult

__all__ = ["Snippet", "load_acled_kind_map", "load_case2021", "load_event_types", "score_case2021"]

DATASET = "case2021"


@dataclass(frozen=True, slots=True)
class Snippet:
    """One labelled snippet."""

    id: str
    text: str
    subtype: str  # the CASE-2021 label, e.g. AIR_STRIKE
    kind: str  # gold claims-v1 kind via the mapping table


def load_acled_kind_map() -> dict[str, str]:
    """Read ``data/label_maps/acled_to_kinds.toml`` shipped with the package."""
    raw = (
        resources.files("fogofwar")
        .joinpath("data", "label_maps", "acled_to_kinds.toml")
        .read_text(encoding="utf-8")
    )
    types: dict[str, str] = tomllib.loads(raw)["types"]
    return types


def load_event_types(folder: Path) -> tuple[str, ...]:
    """The ACLED labels of ``event_types.txt`` (the 25 seen types, no unseen ones)."""
    lines = (folder / "event_types.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip())


def load_case2021(folder: Path, kind_map: Mapping[str, str] | None = None) -> tuple[Snippet, ...]:
    """Load ``snippets.tsv`` (header ``id EventSnippet SubType``) in file order.

    Raises ``KeyError`` when a label is missing from the mapping table.
    """
    kmap = kind_map if kind_map is not None else load_acled_kind_map()
    with (folder / "snippets.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(
        Snippet(r["id"], r["EventSnippet"], r["SubType"], kmap[r["SubType"]]) for r in rows
    )


def score_case2021(
    snippets: Sequence[Snippet], results: Sequence[ReadResult], dataset: str = DATASET
) -> tuple[Metric, ...]:
    """Kind accuracy, macro-F1, coverage (share with any claim) and per-kind P/R/F1.

    ``dataset`` names the metrics' set (``case2021_dev``/``case2021_heldout``, the fixed split
    of :data:`fogofwar.evaluation.plover.SPLITS`).
    """
    pred = [predicted_kind(r) for r in results]
    labels = score_labels([s.kind for s in snippets], pred)
    covered = sum(1 for p in pred if p != NO_LABEL)
    n = labels.n
    metrics = [
        Metric(dataset, "kind", "accuracy", labels.accuracy, n),
        Metric(dataset, "kind", "macro_f1", labels.macro_f1, n),
        Metric(dataset, "kind", "coverage", covered / n if n else 0.0, n, note="any claim"),
    ]
    for label, counts in labels.per_label:
        field = f"kind.{label}"
        metrics += [
            Metric(dataset, field, "precision", counts.precision, counts.n_pred),
            Metric(dataset, field, "recall", counts.recall, counts.n_gold),
            Metric(dataset, field, "f1", counts.f1, counts.n_gold),
        ]
    return tuple(metrics)
