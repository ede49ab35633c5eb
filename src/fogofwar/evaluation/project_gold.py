"""Project-written multilingual claim gold: ~25-30 single sentences per language (de/en/ru/uk).

The outside gold sets measure only English and German; this small set is the only measurement
of Russian and Ukrainian. Each ``project_gold/<lang>.toml`` holds ``[[item]]`` rows written by
hand, *blind* (without looking at the reader's packs or code, and never tuned on afterwards):

* ``id``, ``text``: one news-style sentence;
* ``kind``: the expected main claim's kind (``KINDS``) or ``"none"`` for analysis/opinion;
* ``source_kind``, ``certainty``: required for a claim row, absent for a ``"none"`` row;
* ``counts`` (optional): ``{killed = {low = 3, high = 3}, ...}``; an omitted bound is null,
  per the contract's bound rules ("more than n" → low n+1, "up to n" → high n, vague words as
  in the contract's table: several 3..9, dozens 24..99, hundreds 200..999).

Scoring reads each sentence alone (``reader.read_text(text, lang)``), takes the first
non-headline claim (or none) and reports, per language, ``project_<lang>/<field>/accuracy`` for
``kind`` (all rows, "none" included), ``source_kind`` and ``certainty`` (claim rows; no claim
scores as a miss) and ``counts`` (rows whose gold states counts; exact match of every count
field's low/high, no extra fields).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.claim import COUNT_FIELDS, Certainty, Claim, ClaimKind, Counts, SourceKind
from fogofwar.evaluation.report import Metric
from fogofwar.reader import ReadResult

__all__ = [
    "LANGS",
    "NOTE",
    "NO_CLAIM",
    "ProjectItem",
    "gold_dir",
    "load_project_gold",
    "main_claim",
    "score_project",
]

LANGS = ("de", "en", "ru", "uk")
NO_CLAIM = "none"
NOTE = "project-written, blind"
FIELDS = ("kind", "source_kind", "certainty", "counts")

Bounds = tuple[tuple[str, int | None, int | None], ...]


@dataclass(frozen=True, slots=True)
class ProjectItem:
    """One gold sentence and its expected main claim."""

    id: str
    lang: str
    text: str
    kind: str  # a ClaimKind value or NO_CLAIM
    source_kind: str | None = None
    certainty: str | None = None
    counts: Bounds | None = None  # sorted (field, low, high); None when the gold states none


def gold_dir() -> Path:
    """Where the ``<lang>.toml`` files live (next to this module)."""
    return Path(__file__).resolve().parent / "project_gold"


def _bound(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{where}: bound must be a non-negative integer, got {value!r}")
    return value


def _counts(raw: Any, where: str) -> Bounds:
    if not isinstance(raw, Mapping) or not raw:
        raise ValueError(f"{where}: counts must be a non-empty table")
    out: list[tuple[str, int | None, int | None]] = []
    for name, entry in raw.items():
        if name not in COUNT_FIELDS:
            raise ValueError(f"{where}: unknown count field {name!r}")
        if not isinstance(entry, Mapping) or set(entry) - {"low", "high"} or not entry:
            raise ValueError(f"{where}: {name} must be a table of low and/or high")
        low = _bound(entry.get("low"), f"{where}.{name}.low")
        high = _bound(entry.get("high"), f"{where}.{name}.high")
        if low is not None and high is not None and low > high:
            raise ValueError(f"{where}: {name} low {low} > high {high}")
        out.append((name, low, high))
    return tuple(sorted(out))


def _item(row: Mapping[str, Any], lang: str, seen: set[str]) -> ProjectItem:
    allowed = {"id", "text", "kind", "source_kind", "certainty", "counts"}
    rid = row.get("id")
    if not isinstance(rid, str) or not rid.startswith(f"{lang}-") or rid in seen:
        raise ValueError(f"{lang}: bad or duplicate id {rid!r}")
    seen.add(rid)
    extra = set(row) - allowed
    if extra:
        raise ValueError(f"{rid}: unknown field(s) {sorted(extra)}")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{rid}: text must be a non-empty string")
    kind = row.get("kind")
    kinds = {k.value for k in ClaimKind} | {NO_CLAIM}
    if kind not in kinds:
        raise ValueError(f"{rid}: kind {kind!r} not in {sorted(kinds)}")
    source_kind, certainty = row.get("source_kind"), row.get("certainty")
    if kind == NO_CLAIM:
        if source_kind is not None or certainty is not None or "counts" in row:
            raise ValueError(f"{rid}: a 'none' row takes no source_kind, certainty or counts")
        return ProjectItem(rid, lang, text, NO_CLAIM)
    if source_kind not in {s.value for s in SourceKind}:
        raise ValueError(f"{rid}: source_kind {source_kind!r} not a SOURCE_KIND")
    if certainty not in {c.value for c in Certainty}:
        raise ValueError(f"{rid}: certainty {certainty!r} not a CERTAINTY")
    counts = _counts(row["counts"], rid) if "counts" in row else None
    return ProjectItem(rid, lang, text, str(kind), str(source_kind), str(certainty), counts)


def load_project_gold(folder: Path | None = None, lang: str | None = None) -> list[ProjectItem]:
    """All items (file order, languages in :data:`LANGS` order), validated against the contract.

    Raises ``ValueError`` on any row that breaks the contract's enums or the bound rules, and
    ``FileNotFoundError`` when a language file is missing.
    """
    base = folder if folder is not None else gold_dir()
    items: list[ProjectItem] = []
    for code in (lang,) if lang is not None else LANGS:
        if code not in LANGS:
            raise ValueError(f"unknown project gold language {code!r}")
        data = tomllib.loads((base / f"{code}.toml").read_text(encoding="utf-8"))
        rows = data.get("item")
        if not isinstance(rows, list) or not rows:
            raise ValueError(f"{code}.toml: no [[item]] rows")
        seen: set[str] = set()
        items.extend(_item(row, code, seen) for row in rows)
    return items


def _bounds(counts: Counts) -> Bounds:
    out = [
        (name, c.low, c.high) for name in COUNT_FIELDS if (c := getattr(counts, name)) is not None
    ]
    return tuple(sorted(out))


def main_claim(result: ReadResult) -> Claim | None:
    """The first non-headline claim the reader found, or ``None``."""
    return next((c for c in result.claims if not c.in_headline), None)


def _hits(item: ProjectItem, claim: Claim | None) -> dict[str, bool]:
    """Per scored field of ``item``: did the reader get it right?"""
    hits = {"kind": (claim.kind.value if claim is not None else NO_CLAIM) == item.kind}
    if item.kind == NO_CLAIM:
        return hits
    hits["source_kind"] = claim is not None and claim.source.kind.value == item.source_kind
    hits["certainty"] = claim is not None and claim.certainty.value == item.certainty
    if item.counts is not None:
        hits["counts"] = claim is not None and _bounds(claim.counts) == item.counts
    return hits


def score_project(
    items: Sequence[ProjectItem], results: Sequence[ReadResult]
) -> tuple[Metric, ...]:
    """Per-language field accuracies, ``project_<lang>/<field>/accuracy`` (in-domain)."""
    if len(items) != len(results):
        raise ValueError(f"{len(items)} items but {len(results)} results")
    tallies: dict[tuple[str, str], list[bool]] = {}
    for item, result in zip(items, results, strict=True):
        for name, ok in _hits(item, main_claim(result)).items():
            tallies.setdefault((item.lang, name), []).append(ok)
    metrics: list[Metric] = []
    for lang in LANGS:
        for name in FIELDS:
            got = tallies.get((lang, name))
            if got:
                value = sum(got) / len(got)
                metrics.append(
                    Metric(f"project_{lang}", name, "accuracy", value, len(got), True, NOTE)
                )
    return tuple(metrics)
