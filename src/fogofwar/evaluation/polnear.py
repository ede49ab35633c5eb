"""PolNeAR attribution relations (``polnear/``): brat loader and Source/Cue/Content scorer.

Layout: ``{train,dev}/text/NAME.txt`` and ``{train,dev}/attributions/NAME_ANNOTATOR.ann``. An
article annotated by several annotators has several ``.ann`` files; the loader takes the one
whose annotator id sorts first, so the choice is deterministic. In the ``.ann`` files:

* ``T`` lines are text-bound spans ``Tn<TAB>Role start end[;start end]<TAB>text`` with roles
  ``Source``, ``Cue``, ``Content`` (also ``Attribution``, ``Discuss``, ``Discard``: ignored);
* ``E`` lines link them: ``En<TAB>Attribution:Tx Content:Ty Cue:Tz Source:Tw`` — or
  ``Attribution-no-source:...`` with no ``Source`` (a source may be absent).

Other lines (``#`` annotator notes and rare continuation lines of multi-line span texts) are
skipped. Offsets index the ``.txt`` file's text as read with ``newline=""``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fogofwar.evaluation.report import Metric
from fogofwar.evaluation.span_scoring import GoldSpan, PRCounts, match_spans
from fogofwar.model import Span
from fogofwar.reader import ReadResult

__all__ = [
    "ROLES",
    "GoldAttribution",
    "PolnearDoc",
    "load_polnear",
    "parse_ann",
    "score_polnear",
]

DATASET = "polnear"
ROLES = ("source", "cue", "content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^E\d+\t(.*)$")
_ARG = re.compile(r"([A-Za-z-]+?)\d*:(T\d+)")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution relation; ``source`` is ``None`` when the text names none."""

    content: GoldSpan
    cue: GoldSpan | None
    source: GoldSpan | None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    """One article with its attribution relations."""

    name: str
    split: str
    annotator: str
    text: str
    relations: tuple[GoldAttribution, ...]


def _fragments(offsets: str) -> GoldSpan:
    frags = []
    for part in offsets.split(";"):
        start, end = part.split()
        frags.append(Span(int(start), int(end)))
    return GoldSpan(tuple(frags))


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Parse a PolNeAR ``.ann`` text into relations, in E-line order.

    A relation without a ``Content`` argument is dropped (it cannot be scored).
    """
    spans: dict[str, GoldSpan] = {}
    events: list[str] = []
    for line in ann.splitlines():
        if m := _T_LINE.match(line):
            spans[m.group(1)] = _fragments(m.group(3))
        elif m := _E_LINE.match(line):
            events.append(m.group(1))
    out: list[GoldAttribution] = []
    for args in events:
        roles: dict[str, GoldSpan] = {}
        for role, tid in _ARG.findall(args):
            key = role.lower()
            if key in ROLES and key not in roles and tid in spans:
                roles[key] = spans[tid]
        if "content" in roles:
            out.append(GoldAttribution(roles["content"], roles.get("cue"), roles.get("source")))
    return tuple(out)


def load_polnear(
    folder: Path, splits: Sequence[str] = ("dev", "train"), limit: int | None = None
) -> tuple[PolnearDoc, ...]:
    """Load articles of ``splits`` (names sorted), at most ``limit`` per split."""
    docs: list[PolnearDoc] = []
    for split in splits:
        chosen: dict[str, Path] = {}
        for ann in sorted((folder / split / "attributions").glob("*.ann")):
            name, _, _annotator = ann.stem.rpartition("_")
            chosen.setdefault(name, ann)
        names = sorted(chosen)
        if limit is not None:
            names = names[:limit]
        for name in names:
            ann = chosen[name]
            txt = folder / split / "text" / f"{name}.txt"
            with txt.open(encoding="utf-8", newline="") as fh:
                text = fh.read()
            relations = parse_ann(ann.read_text(encoding="utf-8"))
            docs.append(PolnearDoc(name, split, ann.stem.rpartition("_")[2], text, relations))
    return tuple(docs)


def _predicted(result: ReadResult, role: str) -> list[Span]:
    out: list[Span] = []
    for a in result.attributions:
        span = a.content if role == "content" else a.cue if role == "cue" else a.source
        if span is not None:
            out.append(span)
    return out


def _gold(doc: PolnearDoc, role: str) -> list[GoldSpan]:
    out: list[GoldSpan] = []
    for rel in doc.relations:
        span = rel.content if role == "content" else rel.cue if role == "cue" else rel.source
        if span is not None:
            out.append(span)
    return out


def score_polnear(
    docs: Sequence[PolnearDoc], results: Sequence[ReadResult], dataset: str = DATASET
) -> tuple[Metric, ...]:
    """Per role (source, cue, content): P/R/F1 for exact and for soft (overlap) span match.

    ``dataset`` names the metric keys (``polnear`` for all docs, ``polnear_dev`` for a split).
    """
    metrics: list[Metric] = []
    for role in ROLES:
        for soft in (False, True):
            total = PRCounts()
            for doc, res in zip(docs, results, strict=True):
                total = total + match_spans(_gold(doc, role), _predicted(res, role), soft=soft)
            suffix = "_soft" if soft else ""
            note = f"{len(docs)} articles"
            metrics += [
                Metric(
                    dataset, role, f"precision{suffix}", total.precision, total.n_pred, note=note
                ),
                Metric(dataset, role, f"recall{suffix}", total.recall, total.n_gold, note=note),
                Metric(dataset, role, f"f1{suffix}", total.f1, total.n_gold, note=note),
            ]
    return tuple(metrics)
