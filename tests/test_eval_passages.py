"""The passage gold (real reporting, every claim): it loads, every evidence is found, and the
scorer aligns claims one to one."""

from __future__ import annotations

import pytest

from fogofwar.claim import Certainty, Claim, ClaimKind, Count, Counts, SourceKind, SourceRef
from fogofwar.evaluation.passages import (
    SPLITS,
    Passage,
    align,
    load_passages,
    score_passages,
    source_name_match,
)
from fogofwar.model import Span

ALL = [p for split in SPLITS for p in load_passages(split)]


def test_every_language_has_both_halves() -> None:
    for lang in ("de", "en", "ru", "uk"):
        for split in SPLITS:
            assert len(load_passages(split, lang)) >= 20, (lang, split)
    for lang in ("fr", "es", "it"):
        for split in SPLITS:
            assert len(load_passages(split, lang)) >= 10, (lang, split)


@pytest.mark.parametrize("passage", ALL, ids=[f"{p.split}-{p.id}" for p in ALL])
def test_gold_passage_is_consistent(passage: Passage) -> None:
    assert passage.claims, "a passage of conflict reporting has claims"
    for c in passage.claims:
        where = passage.title if c.in_headline else passage.text
        assert where is not None
        assert 0 <= c.span.start < c.span.end <= len(where)
        for low, high in c.counts.values():
            assert low is None or high is None or low <= high


def _claim(start: int, end: int, kind: ClaimKind, name: str | None = None) -> Claim:
    source = SourceRef(SourceKind.GOVERNMENT, name) if name else SourceRef(SourceKind.AUTHOR)
    return Claim(
        claim_id="x",
        article_id="a",
        lang="en",
        span=Span(start, end),
        kind=kind,
        source=source,
        certainty=Certainty.CLAIMED if name else Certainty.ASSERTED,
    )


def test_align_is_one_to_one_and_prefers_the_same_kind() -> None:
    p = next(x for x in ALL if any(not c.in_headline for c in x.claims))
    g = next(c for c in p.claims if not c.in_headline)
    same = _claim(g.span.start, g.span.end, g.kind)
    other = _claim(
        g.span.start, g.span.end, ClaimKind.OTHER if g.kind != ClaimKind.OTHER else ClaimKind.ATTACK
    )
    pairs = align([g], [other, same])
    assert pairs == [(0, 1)]
    assert align([g], [_claim(len(p.text) + 10, len(p.text) + 20, g.kind)]) == []


def test_perfect_prediction_scores_one() -> None:
    p = next(x for x in ALL if not any(c.in_headline for c in x.claims))
    preds = [
        Claim(
            claim_id=str(i),
            article_id="a",
            lang=p.lang,
            span=g.span,
            kind=g.kind,
            source=SourceRef(g.source_kind, g.source_name),
            certainty=g.certainty,
            counts=Counts(**{k: Count(low, high) for k, (low, high) in g.counts.items()}),
        )
        for i, g in enumerate(p.claims)
    ]
    metrics = {m.key: m.value for m in score_passages([p], [preds], "dev")}
    for key in ("claims/recall", "claims/precision", "kind/accuracy", "source/f1", "full/f1"):
        assert metrics[f"passages_dev/{key}"] == 1.0, key


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("Вячеслав Гладков", "губернатор Вячеслав Гладков", True),
        ("Синегубов", "Синегубова", True),
        ("the defence ministry", "Russian defence ministry", True),
        (None, None, True),
        ("Kremlin", None, False),
        ("Hamas", "the army", False),
    ],
)
def test_source_names_match_by_word_stems(gold: str | None, pred: str | None, ok: bool) -> None:
    assert source_name_match(gold, pred) is ok
