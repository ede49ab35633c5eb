"""Shared shape of evaluation results and the floor gate that CI enforces.

Every suite (``ingest``, ``claims``, ``places``, ``events``) returns an :class:`EvalReport`.
Floors live in ``floors/<suite>.json`` at the repository root as
``{"<dataset>/<field>/<metric>": minimum}``; :func:`check_floors` lists every breach.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["EvalReport", "FloorBreach", "Metric", "check_floors", "f1", "floors_path"]


def f1(precision: float, recall: float) -> float:
    """Harmonic mean, 0.0 when both are 0."""
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass(frozen=True, slots=True)
class Metric:
    """One measured figure: ``dataset/field/metric = value`` over ``n`` items."""

    dataset: str
    field: str
    metric: str  # precision | recall | f1 | accuracy | mean_km | ...
    value: float
    n: int
    in_domain: bool = False
    note: str = ""

    @property
    def key(self) -> str:
        """The key floors are recorded under."""
        return f"{self.dataset}/{self.field}/{self.metric}"


@dataclass(frozen=True, slots=True)
class EvalReport:
    """All metrics of one suite run."""

    suite: str
    metrics: tuple[Metric, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def value(self, key: str) -> float | None:
        """The value recorded under ``key``, if any."""
        for m in self.metrics:
            if m.key == key:
                return m.value
        return None


@dataclass(frozen=True, slots=True)
class FloorBreach:
    """A metric below its recorded floor (or missing)."""

    key: str
    floor: float
    value: float | None


def floors_path(suite: str, root: Path | None = None) -> Path:
    """Where the floors of ``suite`` are recorded."""
    base = root if root is not None else Path(__file__).resolve().parents[3]
    return base / "floors" / f"{suite}.json"


def check_floors(report: EvalReport, path: Path | None = None) -> tuple[FloorBreach, ...]:
    """Compare ``report`` against its floors file; return every breach (empty when all pass).

    Metrics whose name ends in ``_km`` are errors (lower is better): the floor is a ceiling.
    """
    p = path if path is not None else floors_path(report.suite)
    floors: dict[str, float] = json.loads(p.read_text(encoding="utf-8"))
    breaches: list[FloorBreach] = []
    for key, floor in floors.items():
        value = report.value(key)
        lower_is_better = key.endswith("_km")
        if value is None or (value > floor if lower_is_better else value < floor):
            breaches.append(FloorBreach(key, floor, value))
    return tuple(breaches)
