"""PLOVER gold-standard records (``plover_gsr/``): loader and scorer for claim kind and actors.

The set holds 322 English sentences from the CAMEO manual, each coded with one PLOVER event,
its source and target actors (ISO 3166-1 alpha-3 codes where the actor is a state) and an
optional ``mode``. The reader reads each sentence on its own; its **most salient claim** is its
first body claim in the reader's order, and that claim's kind is compared with the
PLOVER event mapped to claims-v1 KINDS by ``data/label_maps/plover_to_kinds.toml``.

Actor roles: for records whose gold actors carry an ISO3 country code, the gold pairs are
``(actor, ISO3)`` for every source and ``(target, ISO3)`` for every target; the predicted pairs
are taken from the actors of all the sentence's claims (roles ``victim`` and ``affected`` count
as ``target``; ``ally`` is left out). Precision and recall are over those pairs.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycountry

from fogofwar.evaluation.report import Metric
from fogofwar.evaluation.span_scoring import NO_LABEL, PRCounts, score_labels
from fogofwar.reader import ReadResult

__all__ = [
    "SPLITS",
    "PloverKindMap",
    "PloverRecord",
    "actor_pairs",
    "load_plover",
    "load_plover_kind_map",
    "predicted_kind",
    "score_plover",
]

DATASET = "plover"
FILENAME = "PLOVER_GSR_CAMEO.json"
#: The fixed tuning split (same for CASE-2021): lexicon and rules are tuned only on the
#: even-indexed items (index in file order, after skipped events), ``_dev``; the odd-indexed
#: items, ``_heldout``, are never looked at and measure how far the tuning generalises.
SPLITS = (("dev", 0), ("heldout", 1))
_TARGET_ROLES = {"target": "target", "victim": "target", "affected": "target", "actor": "actor"}


@dataclass(frozen=True, slots=True)
class PloverKindMap:
    """PLOVER event (and ``EVENT.mode``) to claims-v1 kind; events to skip."""

    events: tuple[tuple[str, str], ...]
    modes: tuple[tuple[str, str], ...]
    skip: frozenset[str]

    def kind_for(self, event: str, mode: str | None) -> str:
        """The claims-v1 kind of a PLOVER event; raises ``KeyError`` for an unmapped event."""
        if mode:
            by_mode = dict(self.modes).get(f"{event}.{mode}")
            if by_mode is not None:
                return by_mode
        return dict(self.events)[event]


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One coded sentence."""

    id: str
    text: str
    event: str
    mode: str | None
    kind: str  # gold claims-v1 kind via the mapping table
    sources: tuple[str, ...]  # ISO3 codes of source actors (non-country codes left out)
    targets: tuple[str, ...]


def load_plover_kind_map() -> PloverKindMap:
    """Read ``data/label_maps/plover_to_kinds.toml`` shipped with the package."""
    raw = (
        resources.files("fogofwar")
        .joinpath("data", "label_maps", "plover_to_kinds.toml")
        .read_text(encoding="utf-8")
    )
    data = tomllib.loads(raw)
    return PloverKindMap(
        events=tuple(sorted(data["events"].items())),
        modes=tuple(sorted(data.get("modes", {}).items())),
        skip=frozenset(data.get("skip", {}).get("events", ())),
    )


def _is_iso3(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _codes(actors: object) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    codes = (a.get("code", "") for a in actors if isinstance(a, dict))
    return tuple(c for c in codes if isinstance(c, str) and _is_iso3(c))


def load_plover(folder: Path, kind_map: PloverKindMap | None = None) -> tuple[PloverRecord, ...]:
    """Load the coded sentences of ``folder/PLOVER_GSR_CAMEO.json`` in file order.

    Records whose event is in the map's ``skip`` list (file documentation) are left out.
    """
    kmap = kind_map if kind_map is not None else load_plover_kind_map()
    raw = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
    out: list[PloverRecord] = []
    for rec in raw:
        event = rec["event"]
        if event in kmap.skip:
            continue
        mode = rec.get("mode") or None
        out.append(
            PloverRecord(
                id=rec["id"],
                text=rec["text"],
                event=event,
                mode=mode,
                kind=kmap.kind_for(event, mode),
                sources=_codes(rec.get("source")),
                targets=_codes(rec.get("target")),
            )
        )
    return tuple(out)


def predicted_kind(result: ReadResult) -> str:
    """Kind of the reader's most salient body claim (its first), or ``"none"``."""
    for claim in result.claims:
        if not claim.in_headline:
            return claim.kind.value
    return NO_LABEL


def actor_pairs(result: ReadResult) -> frozenset[tuple[str, str]]:
    """``(role, ISO3)`` pairs of every claim actor with a country (roles folded, see module)."""
    pairs: set[tuple[str, str]] = set()
    for claim in result.claims:
        for actor in claim.actors:
            role = _TARGET_ROLES.get(actor.role)
            if role is not None and actor.country:
                pairs.add((role, actor.country))
    return frozenset(pairs)


def score_plover(
    records: Sequence[PloverRecord], results: Sequence[ReadResult], dataset: str = DATASET
) -> tuple[Metric, ...]:
    """Kind accuracy, macro-F1, coverage, per-kind P/R/F1; actor-role P/R/F1 (module doc).

    ``dataset`` names the metrics' set (``plover_dev``/``plover_heldout`` for the fixed split).
    """
    gold = [r.kind for r in records]
    pred = [predicted_kind(res) for res in results]
    labels = score_labels(gold, pred)
    n = labels.n
    covered = sum(1 for p in pred if p != NO_LABEL)
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
    roles = PRCounts()
    scored = 0
    for rec, res in zip(records, results, strict=True):
        gold_pairs = {("actor", c) for c in rec.sources} | {("target", c) for c in rec.targets}
        if not gold_pairs:
            continue
        scored += 1
        pred_pairs = actor_pairs(res)
        hit = len(gold_pairs & pred_pairs)
        roles = roles + PRCounts(hit, len(pred_pairs), hit, len(gold_pairs))
    note = f"{scored} sentences with ISO3 actors; pairs (role, country)"
    metrics += [
        Metric(dataset, "actors", "precision", roles.precision, roles.n_pred, note=note),
        Metric(dataset, "actors", "recall", roles.recall, roles.n_gold, note=note),
        Metric(dataset, "actors", "f1", roles.f1, roles.n_gold, note=note),
    ]
    return tuple(metrics)
