"""``fogofwar eval claims``: the claim reader measured on the seed example and four gold sets.

:func:`evaluate_claims` reads each set in place under ``shared`` (``$FOGOFWAR_SHARED`` or
``<repo>/../shared``), runs one :class:`~fogofwar.reader.Reader` over every item and returns
one :class:`~fogofwar.evaluation.report.EvalReport` (suite ``claims``) with metrics keyed
``<dataset>/<field>/<metric>``:

=========  ====  ==================================================  =========================
set        lang  measures                                            module
=========  ====  ==================================================  =========================
seed       de    claims P/R, kind, source kind, certainty, counts    :mod:`.seed_gold`
plover     en    claim kind per sentence, actor roles (ISO3)         :mod:`.plover`
case2021   en    claim kind per snippet (ACLED types)                :mod:`.case2021`
polnear    en    attribution Source/Cue/Content spans                :mod:`.polnear`
rwg        de    direct/indirect speech and speaker tokens           :mod:`.redewiedergabe`
project    all4  kind, source kind, certainty, counts per sentence   :mod:`.project_gold`
=========  ====  ==================================================  =========================

Held-out keys: attribution rules are tuned only on PolNeAR train and the even-indexed
redewiedergabe samples (``polnear_train``, ``rwg_tune``); ``polnear_dev`` (the dev split) and
``rwg_heldout`` (odd-indexed samples) measure how well they generalise. ``polnear`` and ``rwg``
keep scoring everything read.

PLOVER and CASE-2021 are also scored on a fixed split (:data:`~.plover.SPLITS`): datasets
``plover_dev``/``case2021_dev`` hold the even-indexed items (file order), the only ones the
reader's lexicon was tuned on; ``plover_heldout``/``case2021_heldout`` the odd-indexed ones,
never tuned on. The full-set keys (``plover``, ``case2021``) stay as before.

``project`` is the only measurement of Russian and Ukrainian: ~25-30 sentences per language
written blind by the project (keys ``project_<lang>/<field>/accuracy``); it ships in the
package (``evaluation/project_gold/``), not under ``shared``.

A set whose files are absent is skipped with a note (never an error). Item order is fixed
(file order, sorted names), so results are deterministic for a deterministic reader.

Sizes: ``limit`` caps the items of every set (PolNeAR: per split). Without it, the CI defaults
of :data:`DEFAULT_LIMITS` apply: PolNeAR articles are long (~4,600 characters), so at most 150
per split (all 84 dev + the first 150 of 840 train articles, sorted by name); PLOVER, CASE-2021
and the 495 redewiedergabe samples are read whole. Measured: about one minute for the suite
on two cores (reader loading included), well under the three-minute CI budget.

A reader that raises on an item does not abort the suite: the item scores as an empty
``not_read`` result, and the set's note says how many items raised and the first error.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from fogofwar.evaluation.case2021 import load_case2021, score_case2021
from fogofwar.evaluation.passages import BLIND_SPLIT, load_passages, passages_dir, score_passages
from fogofwar.evaluation.passages import SPLITS as PASSAGE_SPLITS
from fogofwar.evaluation.plover import SPLITS, load_plover, score_plover
from fogofwar.evaluation.polnear import load_polnear, score_polnear
from fogofwar.evaluation.project_gold import LANGS, gold_dir, load_project_gold, score_project
from fogofwar.evaluation.redewiedergabe import (
    heldout_half,
    load_redewiedergabe,
    score_redewiedergabe,
)
from fogofwar.evaluation.report import EvalReport, Metric
from fogofwar.evaluation.seed_gold import load_seed_gold, score_seed
from fogofwar.model import ReadStatus
from fogofwar.reader import Reader, ReadResult
from fogofwar.training import PASSAGES

__all__ = ["DEFAULT_LIMITS", "SETS", "evaluate_claims", "seed_gold_path", "suggest_floors"]

SUITE = "claims"
SETS = ("seed", "passages", "blind", "plover", "case2021", "polnear", "rwg", "project")
DEFAULT_LIMITS: dict[str, int | None] = {
    "seed": None,
    "plover": None,
    "case2021": None,
    "polnear": 150,
    "rwg": None,
    "project": None,
    "passages": None,
    "blind": None,
}
_FOLDERS = {
    "seed": "examples/seed",
    "plover": "datasets/plover_gsr",
    "case2021": "datasets/case2021_task2_acled_snippets",
    "polnear": "datasets/polnear",
    "rwg": "datasets/redewiedergabe_de",
    "project": "",  # in the package: project_gold.gold_dir()
    "passages": "",  # in the package: passages.passages_dir()
    "blind": "",  # in the package: training/passages (its pending/ folder)
}
_RAISED = "raised: "  # ReadResult.reason prefix of an item whose read crashed
_Outcome = tuple[tuple[Metric, ...], Sequence[ReadResult]]
_SetRunner = Callable[[Path, Reader, int | None], _Outcome]


def seed_gold_path() -> Path:
    """The seed gold encoding, ``tests/gold/seed_claims.toml`` in the repository."""
    return Path(__file__).resolve().parents[3] / "tests" / "gold" / "seed_claims.toml"


def _not_read(results: Sequence[ReadResult]) -> int:
    return sum(1 for r in results if r.status is ReadStatus.NOT_READ)


def _read(
    reader: Reader, text: str, lang: str, published: date | None = None, title: str | None = None
) -> ReadResult:
    """Read one item; a reader crash scores as an empty result whose reason names the error.

    The eval must measure every item, so one crashing input may not abort the suite; the
    crashes are counted in the report's notes (``…, N raised``) so they are never hidden.
    """
    try:
        return reader.read_text(text, lang, published=published, title=title)
    except Exception as exc:  # any reader bug is a scored failure, counted in the notes
        return ReadResult("-", lang, ReadStatus.NOT_READ, reason=f"{_RAISED}{exc!r}")


def _run_seed(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    gold = load_seed_gold(seed_gold_path(), folder / "article.txt")
    result = _read(reader, gold.body, gold.lang, gold.published, gold.title)
    return score_seed(gold, result), [result]


def _run_plover(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    records = load_plover(folder)[:limit]
    results = [_read(reader, r.text, "en") for r in records]
    metrics = list(score_plover(records, results))
    for split, parity in SPLITS:
        metrics += score_plover(records[parity::2], results[parity::2], f"plover_{split}")
    return tuple(metrics), results


def _run_case2021(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    snippets = load_case2021(folder)[:limit]
    results = [_read(reader, s.text, "en") for s in snippets]
    metrics = list(score_case2021(snippets, results))
    for split, parity in SPLITS:
        metrics += score_case2021(snippets[parity::2], results[parity::2], f"case2021_{split}")
    return tuple(metrics), results


def _run_polnear(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    """``polnear``: dev + train; ``polnear_train``: the split rules are tuned on;
    ``polnear_dev``: the held-out split alone (never tuned on)."""
    docs = load_polnear(folder, limit=limit)
    results = [_read(reader, d.text, "en") for d in docs]
    metrics = list(score_polnear(docs, results))
    for split, key in (("train", "polnear_train"), ("dev", "polnear_dev")):
        idx = [i for i, d in enumerate(docs) if d.split == split]
        if idx:
            picked = ([docs[i] for i in idx], [results[i] for i in idx])
            metrics.extend(score_polnear(*picked, dataset=key))
    return tuple(metrics), results


def _run_rwg(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    """``rwg``: all samples; ``rwg_tune``: even positions (tuned on); ``rwg_heldout``: odd."""
    samples = load_redewiedergabe(folder, limit=limit)
    results = [_read(reader, s.text, "de", date(1900, 1, 1)) for s in samples]
    metrics = list(score_redewiedergabe(samples, results))
    for idx, key in zip(heldout_half(samples), ("rwg_tune", "rwg_heldout"), strict=True):
        if idx:
            picked = ([samples[i] for i in idx], [results[i] for i in idx])
            metrics.extend(score_redewiedergabe(*picked, dataset=key))
    return tuple(metrics), results


def _run_project(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    """``project_<lang>``: the project-written blind sentences, each read alone (``limit``:
    per language)."""
    items = [it for lang in LANGS for it in load_project_gold(folder, lang)[:limit]]
    results = [_read(reader, it.text, it.lang) for it in items]
    return score_project(items, results), results


def _run_passages(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    """``passages_<split>[_<lang>]``: real reporting, every claim, read whole (``limit``: per
    split)."""
    metrics: list[Metric] = []
    results: list[ReadResult] = []
    for split in PASSAGE_SPLITS:
        passages = load_passages(split, folder=folder)[:limit]
        read = [_read(reader, p.text, p.lang, title=p.title) for p in passages]
        metrics += score_passages(passages, [r.claims for r in read], split)
        results += read
    return tuple(metrics), results


def _run_blind(folder: Path, reader: Reader, limit: int | None) -> _Outcome:
    """``passages_blind[_<lang>]``: the real-page passages no trainer reads and no rule was tuned
    on (``training/passages/pending/``), read whole (``limit``: in all)."""
    passages = load_passages(BLIND_SPLIT, folder=folder)[:limit]
    read = [_read(reader, p.text, p.lang, title=p.title) for p in passages]
    return tuple(score_passages(passages, [r.claims for r in read], "blind")), read


def _note(name: str, results: Sequence[ReadResult]) -> str:
    raised = [r.reason for r in results if r.reason and r.reason.startswith(_RAISED)]
    note = f"{name}: {len(results)} items read, {_not_read(results)} not read"
    if raised:
        note += f", {len(raised)} raised (first: {raised[0][len(_RAISED) :]})"
    return note


_RUNNERS: dict[str, _SetRunner] = {
    "seed": _run_seed,
    "plover": _run_plover,
    "case2021": _run_case2021,
    "polnear": _run_polnear,
    "rwg": _run_rwg,
    "project": _run_project,
    "passages": _run_passages,
    "blind": _run_blind,
}


def evaluate_claims(
    shared: Path,
    reader: Reader | None = None,
    limit: int | None = None,
    sets: Sequence[str] | None = None,
) -> EvalReport:
    """Run the claims suite over ``sets`` (default: all of :data:`SETS`) found under ``shared``.

    ``limit`` caps the items per set (PolNeAR: per split); ``None`` uses
    :data:`DEFAULT_LIMITS`. Raises ``ValueError`` for an unknown set name.
    """
    chosen = tuple(sets) if sets is not None else SETS
    unknown = [s for s in chosen if s not in _RUNNERS]
    if unknown:
        raise ValueError(f"unknown claims eval set(s) {unknown}; choose from {list(SETS)}")
    rdr = reader if reader is not None else Reader.default()
    metrics: list[Metric] = []
    notes: list[str] = []
    for name in chosen:
        folder = {"project": gold_dir(), "passages": passages_dir(), "blind": PASSAGES}.get(
            name, shared / _FOLDERS[name]
        )
        if not folder.is_dir() or (name == "seed" and not seed_gold_path().is_file()):
            notes.append(f"{name}: skipped, {folder} (or its gold) not found")
            continue
        cap = limit if limit is not None else DEFAULT_LIMITS[name]
        found, results = _RUNNERS[name](folder, rdr, cap)
        metrics.extend(found)
        notes.append(_note(name, results))
    return EvalReport(SUITE, tuple(metrics), tuple(notes))


def suggest_floors(report: EvalReport, margin: float = 0.02) -> dict[str, float]:
    """Floors ``margin`` below each measured value (never above it, never below 0).

    Per-kind precision and recall (``kind.<KIND>``) are left out: they move with every change
    of the reader's kind order; the per-kind F1 and the overall figures are kept.
    """
    out: dict[str, float] = {}
    for m in report.metrics:
        if m.field.startswith("kind.") and m.metric != "f1":
            continue
        out[m.key] = max(0.0, math.floor((m.value - margin) * 1000) / 1000)
    return out
