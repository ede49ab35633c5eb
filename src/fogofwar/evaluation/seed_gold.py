"""The founding example (``examples/seed/article.txt``) against the analyst's reading.

The gold is our own structured encoding of the seed README's claims C1–C6 and the headline,
``tests/gold/seed_claims.toml`` (its header documents every field). Scoring:

* a predicted body claim **matches** an expected claim when its span overlaps one of that
  claim's anchor phrases; claims overlapping a ``tolerated`` phrase (documented restatements
  and background) are left out of precision; claims in the analysis region are errors;
* ``seed/claims/precision`` = matched predicted / (predicted body claims − tolerated);
  ``seed/claims/recall`` = expected claims with a match / expected claims;
* fields (kind, source kind, certainty, counts) are scored per **expected** claim on its best
  match (a candidate with an acceptable kind first, then one on the core anchor, then
  the earliest span); an expected claim
  without a match scores 0 on every field;
* ``seed/analysis/no_claims`` is 1.0 when no claim overlaps the analysis paragraphs;
* ``seed/headline/found`` is 1.0 when a headline claim overlaps a headline anchor in the title.

All seed metrics are in-domain: the reader was built around this article.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fogofwar.claim import COUNT_FIELDS, Claim, Counts
from fogofwar.evaluation.report import Metric, f1
from fogofwar.evaluation.span_scoring import overlaps
from fogofwar.model import Span
from fogofwar.reader import ReadResult

__all__ = ["ExpectedClaim", "SeedGold", "load_seed_gold", "score_seed"]

DATASET = "seed"
Bounds = tuple[tuple[str, int | None, int | None], ...]


@dataclass(frozen=True, slots=True)
class ExpectedClaim:
    """One claim of the analyst's reading; ``anchors`` are located in the body (or title)."""

    id: str
    anchors: tuple[Span, ...]
    kinds: frozenset[str]
    source_kinds: frozenset[str]
    certainties: frozenset[str]
    counts: Bounds  # (field, low, high), sorted by field


@dataclass(frozen=True, slots=True)
class SeedGold:
    """The seed article as read for evaluation, with its expected claims."""

    title: str
    body: str
    lang: str
    published: date
    headline: ExpectedClaim  # anchors index the title
    claims: tuple[ExpectedClaim, ...]
    tolerated: tuple[Span, ...]
    analysis: Span


def _locate(text: str, phrase: str) -> Span:
    at = text.find(phrase)
    if at < 0 or text.find(phrase, at + 1) >= 0:
        raise ValueError(f"anchor {phrase!r} must occur exactly once in the seed text")
    return Span(at, at + len(phrase))


def _expected(entry: dict[str, Any], text: str, cid: str) -> ExpectedClaim:
    counts = tuple(
        sorted((name, int(b[0]), int(b[1])) for name, b in entry.get("counts", {}).items())
    )
    unknown = {c[0] for c in counts} - set(COUNT_FIELDS)
    if unknown:
        raise ValueError(f"{cid}: unknown count fields {sorted(unknown)}")
    return ExpectedClaim(
        id=cid,
        anchors=tuple(_locate(text, a) for a in entry["anchors"]),
        kinds=frozenset(entry["kind"]),
        source_kinds=frozenset(entry["source_kind"]),
        certainties=frozenset(entry["certainty"]),
        counts=counts,
    )


def load_seed_gold(gold_file: Path, article: Path) -> SeedGold:
    """Read the gold encoding and cut the article into title and body as it documents."""
    data = tomllib.loads(gold_file.read_text(encoding="utf-8"))
    raw = article.read_text(encoding="utf-8")
    title = data["title"]
    if raw.splitlines()[0].strip() != title:
        raise ValueError("the seed article's first line is not the encoded title")
    start = raw.find(data["body_starts_with"])
    if start < 0:
        raise ValueError("body_starts_with not found in the seed article")
    body = raw[start:]
    return SeedGold(
        title=title,
        body=body,
        lang=data["lang"],
        published=data["published"],
        headline=_expected(data["headline"], title, "headline"),
        claims=tuple(_expected(c, body, c["id"]) for c in data["claim"]),
        tolerated=tuple(_locate(body, a) for a in data["tolerated"]["anchors"]),
        analysis=Span(_locate(body, data["analysis"]["starts_with"]).start, len(body)),
    )


def _hits(claim: Claim, anchors: Sequence[Span]) -> bool:
    return claim.span is not None and any(overlaps(claim.span, a) for a in anchors)


def _bounds(counts: Counts) -> Bounds:
    out: list[tuple[str, int | None, int | None]] = []
    for name in COUNT_FIELDS:
        value = getattr(counts, name)
        if value is not None:
            out.append((name, value.low, value.high))
    return tuple(out)


def _best(expected: ExpectedClaim, candidates: Sequence[Claim]) -> Claim | None:
    """Acceptable kind first, then on the core (first) anchor, then the earliest span."""

    def key(c: Claim) -> tuple[bool, bool, int, int]:
        span = c.span or Span(0, 0)
        core = overlaps(span, expected.anchors[0])
        return (c.kind.value not in expected.kinds, not core, span.start, span.end)

    return min(candidates, key=key) if candidates else None


def _field_hits(expected: ExpectedClaim, claim: Claim | None) -> dict[str, bool]:
    if claim is None:
        return {"kind": False, "source_kind": False, "certainty": False, "counts": False}
    return {
        "kind": claim.kind.value in expected.kinds,
        "source_kind": claim.source.kind.value in expected.source_kinds,
        "certainty": claim.certainty.value in expected.certainties,
        "counts": _bounds(claim.counts) == expected.counts,
    }


def score_seed(gold: SeedGold, result: ReadResult) -> tuple[Metric, ...]:
    """All seed metrics for one read of the seed article (see module doc)."""
    body = [c for c in result.claims if not c.in_headline]
    matched = [c for c in body if any(_hits(c, e.anchors) for e in gold.claims)]
    in_analysis = [c for c in body if c not in matched and _hits(c, (gold.analysis,))]
    tolerated = [
        c for c in body if c not in matched and c not in in_analysis and _hits(c, gold.tolerated)
    ]
    denominator = len(body) - len(tolerated)
    precision = len(matched) / denominator if denominator else 0.0
    found = [e for e in gold.claims if any(_hits(c, e.anchors) for c in body)]
    recall = len(found) / len(gold.claims)
    note = "matched " + (",".join(e.id for e in found) or "none")
    m = [
        Metric(DATASET, "claims", "precision", precision, denominator, True, note),
        Metric(DATASET, "claims", "recall", recall, len(gold.claims), True, note),
        Metric(DATASET, "claims", "f1", f1(precision, recall), len(gold.claims), True, note),
    ]
    totals = {"kind": 0, "source_kind": 0, "certainty": 0, "counts": 0}
    for e in gold.claims:
        best = _best(e, [c for c in body if _hits(c, e.anchors)])
        for name, ok in _field_hits(e, best).items():
            totals[name] += int(ok)
    n = len(gold.claims)
    for name, hits in totals.items():
        m.append(Metric(DATASET, name, "accuracy", hits / n, n, True, "per expected claim"))
    m.append(
        Metric(
            DATASET,
            "analysis",
            "no_claims",
            0.0 if in_analysis else 1.0,
            len(in_analysis),
            True,
            "1.0 when no claim is read from the analysis paragraphs",
        )
    )
    heads = [c for c in result.claims if c.in_headline and _hits(c, gold.headline.anchors)]
    best_head = _best(gold.headline, heads)
    head_fields = _field_hits(gold.headline, best_head)
    m += [
        Metric(DATASET, "headline", "found", 1.0 if heads else 0.0, 1, True),
        Metric(DATASET, "headline", "kind_accuracy", float(head_fields["kind"]), 1, True),
        Metric(DATASET, "headline", "counts_accuracy", float(head_fields["counts"]), 1, True),
    ]
    return tuple(m)
