"""The project-written multilingual claim gold: every row valid against claims-v1, and scoring."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from fogofwar.claim import (
    COUNT_FIELDS,
    Certainty,
    Claim,
    ClaimKind,
    Count,
    Counts,
    SourceKind,
    SourceRef,
)
from fogofwar.evaluation.claims_eval import SETS, evaluate_claims
from fogofwar.evaluation.project_gold import (
    LANGS,
    NO_CLAIM,
    NOTE,
    ProjectItem,
    gold_dir,
    load_project_gold,
    score_project,
)
from fogofwar.model import ReadStatus
from fogofwar.reader import ReadResult


@pytest.fixture(scope="module")
def items() -> list[ProjectItem]:
    return load_project_gold()


def test_every_language_has_a_file_of_about_25_sentences(items: list[ProjectItem]) -> None:
    per_lang = Counter(i.lang for i in items)
    assert set(per_lang) == set(LANGS)
    for lang in LANGS:
        assert 20 <= per_lang[lang] <= 35, (lang, per_lang[lang])
        nones = sum(1 for i in items if i.lang == lang and i.kind == NO_CLAIM)
        assert 3 <= nones <= 6, (lang, nones)


def test_every_row_uses_the_contract_enums(items: list[ProjectItem]) -> None:
    kinds = {k.value for k in ClaimKind}
    sources = {s.value for s in SourceKind}
    certainties = {c.value for c in Certainty}
    assert len({i.id for i in items}) == len(items)
    for i in items:
        assert i.text.strip() and i.id.startswith(f"{i.lang}-")
        if i.kind == NO_CLAIM:
            assert (i.source_kind, i.certainty, i.counts) == (None, None, None), i.id
            continue
        assert i.kind in kinds, i.id
        assert i.source_kind in sources, i.id
        assert i.certainty in certainties, i.id
        for name, low, high in i.counts or ():
            assert name in COUNT_FIELDS, i.id
            assert low is not None or high is not None, i.id
            assert low is None or high is None or 0 <= low <= high, i.id


def test_the_sets_cover_the_phenomena(items: list[ProjectItem]) -> None:
    for lang in LANGS:
        mine = [i for i in items if i.lang == lang]
        assert {i.certainty for i in mine} >= {
            "confirmed",
            "asserted",
            "claimed",
            "reported",
            "unverified",
            "hypothetical",
            "denied",
        }, lang
        assert sum(1 for i in mine if i.counts) >= 8, lang


def _write(folder: Path, lang: str, body: str) -> Path:
    (folder / f"{lang}.toml").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "row",
    [
        'id = "en-1"\ntext = "x"\nkind = "battle"\nsource_kind = "media"\ncertainty = "claimed"',
        'id = "en-1"\ntext = "x"\nkind = "attack"\nsource_kind = "press"\ncertainty = "claimed"',
        'id = "en-1"\ntext = "x"\nkind = "attack"\nsource_kind = "media"\ncertainty = "maybe"',
        'id = "en-1"\ntext = "x"\nkind = "none"\ncertainty = "claimed"',
        'id = "en-1"\ntext = "x"\nkind = "attack"\nsource_kind = "media"\ncertainty = "claimed"\n'
        "counts = { dead = { low = 1, high = 1 } }",
        'id = "en-1"\ntext = "x"\nkind = "attack"\nsource_kind = "media"\ncertainty = "claimed"\n'
        "counts = { killed = { low = 5, high = 2 } }",
        'id = "de-1"\ntext = "x"\nkind = "attack"\nsource_kind = "media"\ncertainty = "claimed"',
        'id = "en-1"\ntext = "x"\nkind = "attack"\nsource_kind = "media"',
    ],
)
def test_loader_rejects_rows_outside_the_contract(tmp_path: Path, row: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        load_project_gold(_write(tmp_path, "en", f"[[item]]\n{row}\n"), "en")


def _claim(kind: str, source: str, certainty: str, counts: Counts | None = None) -> Claim:
    return Claim(
        "c1",
        "a1",
        "en",
        None,
        ClaimKind(kind),
        SourceRef(SourceKind(source)),
        Certainty(certainty),
        counts=counts or Counts(),
    )


def _result(*claims: Claim) -> ReadResult:
    return ReadResult("a1", "en", ReadStatus.READ, claims=claims)


def test_score_takes_the_first_body_claim_and_scores_each_field() -> None:
    items = [
        ProjectItem("en-1", "en", "t", "attack", "government", "claimed", (("killed", 3, 3),)),
        ProjectItem("en-2", "en", "t", NO_CLAIM),
        ProjectItem("en-3", "en", "t", "arrest", "author", "asserted", (("arrested", 21, None),)),
        ProjectItem("en-4", "en", "t", "protest", "author", "asserted"),
    ]
    headline = Claim(
        "c0", "a1", "en", None, ClaimKind.DIPLOMACY, SourceRef(SourceKind.AUTHOR),
        Certainty.ASSERTED, in_headline=True,
    )  # fmt: skip
    results = [
        _result(headline, _claim("attack", "government", "claimed", Counts(Count(3, 3)))),
        _result(),
        _result(_claim("arrest", "author", "claimed", Counts(arrested=Count(20, None)))),
        _result(),
    ]
    got = {m.key: (m.value, m.n) for m in score_project(items, results)}
    assert got["project_en/kind/accuracy"] == (0.75, 4)
    assert got["project_en/source_kind/accuracy"] == (2 / 3, 3)
    assert got["project_en/certainty/accuracy"] == (1 / 3, 3)
    assert got["project_en/counts/accuracy"] == (0.5, 2)
    assert not any(k.startswith("project_de") for k in got)
    assert all(m.in_domain and m.note == NOTE for m in score_project(items, results))


def test_project_is_a_claims_set_and_runs_without_shared_data(tmp_path: Path) -> None:
    assert "project" in SETS and gold_dir().is_dir()
    report = evaluate_claims(tmp_path, sets=["project"], limit=3)
    keys = {m.key for m in report.metrics}
    for lang in LANGS:
        assert f"project_{lang}/kind/accuracy" in keys
    assert report.notes == ("project: 12 items read, 0 not read",)
