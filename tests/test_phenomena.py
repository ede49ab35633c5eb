"""Phenomena suite: one row per reading phenomenon per language, from ``tests/phenomena/*.toml``.

Each row is a short passage written for this suite with the claims an analyst would mark under
the annotation spec (claims-v1). Every expected claim must match a distinct predicted claim that
satisfies all of its keys (order-free). Rows the reader gets wrong today carry ``known_gap`` and
run as ``xfail(strict=True)``: when the reader is fixed they fail until the ``known_gap`` goes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from fogofwar.claim import Claim, Count
from fogofwar.reader import Reader

TOMLS = Path(__file__).with_name("phenomena")
PUB = date(2024, 10, 24)

LANGS = ("de", "en", "ru", "uk", "fr", "es", "it")
PHENOMENA = (
    "positional_source",
    "clause_level",
    "source_after",
    "continuation",
    "headline_colon",
    "frames",
    "passive_continued",
    "source_kinds",
    "certainty",
    "counts",
    "analysis",
    "places",
    "kinds",
)
COUNT_FIELDS = ("killed", "injured", "arrested", "missing", "displaced")

ROW_KEYS = {
    "id",
    "phenomenon",
    "lang",
    "text",
    "title",
    "expect",
    "min_claims",
    "max_claims",
    "no_claims",
    "known_gap",
    "note",
}
CLAIM_KEYS = {
    "kind",
    "certainty",
    "source_kind",
    "source_name_contains",
    "source_name_lacks",
    "source_unnamed",
    "location_contains",
    "in_headline",
    "count_null",
    "high_null",
    "no_count",
} | {f"{field}_{end}" for field in COUNT_FIELDS for end in ("low", "high")}


def load_cases() -> list[dict[str, Any]]:
    """Every ``[[case]]`` of every TOML file in ``tests/phenomena/`` (one file per area of work)."""
    cases: list[dict[str, Any]] = []
    for path in sorted(TOMLS.glob("*.toml")):
        with path.open("rb") as fh:
            cases.extend(tomllib.load(fh).get("case", []))
    return cases


CASES = load_cases()


def _param(case: Mapping[str, Any]) -> Any:
    gap = case.get("known_gap")
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def _one_of(value: Any) -> set[Any]:
    return set(value) if isinstance(value, list) else {value}


def _count(claim: Claim, field: str) -> Count | None:
    return getattr(claim.counts, field)


def _holds(claim: Claim, key: str, value: Any) -> bool:
    """Whether ``claim`` satisfies one key of an expected claim."""
    if key == "kind":
        return claim.kind.value in _one_of(value)
    if key == "certainty":
        return claim.certainty.value in _one_of(value)
    if key == "source_kind":
        return claim.source.kind.value in _one_of(value)
    if key == "source_name_contains":
        name = claim.source.name
        return name is not None and value.lower() in name.lower()
    if key == "source_name_lacks":  # a word that must not be part of the source's name
        return claim.source.name is None or value.lower() not in claim.source.name.lower()
    if key == "source_unnamed":  # one unnamed interviewee keeps no name (claims-v1)
        return (claim.source.name is None) is bool(value)
    if key == "location_contains":
        loc = claim.location
        names = (loc.name, loc.normalized) if loc is not None else ()
        return any(name is not None and value.lower() in name.lower() for name in names)
    if key == "in_headline":
        return claim.in_headline is bool(value)
    if key == "count_null":
        counts = [_count(claim, f) for f in value]
        return all(n is not None and n.low is None and n.high is None for n in counts)
    if key == "high_null":
        return all((n := _count(claim, f)) is not None and n.high is None for f in value)
    if key == "no_count":
        return all(_count(claim, f) is None for f in value)
    field, end = key.rsplit("_", 1)
    count = _count(claim, field)
    return count is not None and getattr(count, end) == value


def _satisfies(claim: Claim, expected: Mapping[str, Any]) -> bool:
    return all(_holds(claim, key, value) for key, value in expected.items())


def _assign(candidates: Sequence[set[int]], taken: set[int] | None = None, i: int = 0) -> bool:
    """True when every expected claim can get its own predicted claim (backtracking)."""
    taken = taken or set()
    if i == len(candidates):
        return True
    return any(_assign(candidates, taken | {j}, i + 1) for j in candidates[i] if j not in taken)


def _describe(claims: Sequence[Claim]) -> str:
    lines = []
    for c in claims:
        counts = {f: (n.low, n.high) for f in COUNT_FIELDS if (n := _count(c, f)) is not None}
        where = c.location.name if c.location else None
        head = " headline" if c.in_headline else ""
        lines.append(
            f"  {c.kind.value} {c.certainty.value} {c.source.kind.value}:{c.source.name!r}"
            f" counts={counts} loc={where!r}{head}"
        )
    return "\n".join(lines) or "  (no claims)"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_phenomenon(reader: Reader, case: dict[str, Any]) -> None:
    title = case.get("title")
    claims = reader.read_text(case["text"], case["lang"], published=PUB, title=title).claims
    shown = _describe(claims)

    if case.get("no_claims"):
        assert not claims, f"expected no claims, got:\n{shown}"
    if "min_claims" in case:
        assert len(claims) >= case["min_claims"], f"too few claims:\n{shown}"
    if "max_claims" in case:
        assert len(claims) <= case["max_claims"], f"too many claims:\n{shown}"

    expected = [dict(e) for e in case.get("expect", [])]
    if title is not None:
        for e in expected:
            e.setdefault("in_headline", True)
    candidates = []
    for e in expected:
        matching = {j for j, c in enumerate(claims) if _satisfies(c, e)}
        assert matching, f"no claim matches {e}; predicted:\n{shown}"
        candidates.append(matching)
    assert _assign(candidates), f"expected claims {expected} share one claim; predicted:\n{shown}"


def test_every_phenomenon_in_every_language() -> None:
    seen = {(c["phenomenon"], c["lang"]) for c in CASES}
    assert {c["phenomenon"] for c in CASES} <= set(PHENOMENA)
    assert {c["lang"] for c in CASES} <= set(LANGS)
    missing = [(p, lang) for p in PHENOMENA for lang in LANGS if (p, lang) not in seen]
    assert not missing, f"phenomena without a row: {missing}"


def test_rows_are_well_formed() -> None:
    """Checked outside the parametrized test, so a typo in a known-gap row cannot hide."""
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for case in CASES:
        assert {"id", "phenomenon", "lang", "text"} <= set(case), case
        unknown = (set(case) - ROW_KEYS) | {
            k for e in case.get("expect", []) for k in e if k not in CLAIM_KEYS
        }
        assert not unknown, f"unknown keys in {case['id']}: {sorted(unknown)}"
        assert case.get("expect") or case.get("no_claims"), f"{case['id']} checks nothing"
        assert not (case.get("expect") and case.get("no_claims")), case["id"]
