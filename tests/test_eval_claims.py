"""Scorers of the claims suite on small hand-made gold/prediction pairs with known answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from fogofwar.claim import (
    ActorRef,
    Certainty,
    Claim,
    ClaimKind,
    Counts,
    SourceKind,
    SourceRef,
)
from fogofwar.evaluation.case2021 import Snippet, load_case2021, score_case2021
from fogofwar.evaluation.claims_eval import evaluate_claims, suggest_floors
from fogofwar.evaluation.plover import PloverRecord, score_plover
from fogofwar.evaluation.polnear import GoldAttribution, PolnearDoc, score_polnear
from fogofwar.evaluation.redewiedergabe import parse_tsv, score_redewiedergabe
from fogofwar.evaluation.report import EvalReport, Metric
from fogofwar.evaluation.span_scoring import (
    GoldSpan,
    match_spans,
    score_labels,
    token_spans,
    tokens_covered,
)
from fogofwar.model import ReadStatus, Span
from fogofwar.reader import Attribution, Reader, ReadResult
from fogofwar.services import shared_dir

SHARED = shared_dir()
needs_shared = pytest.mark.skipif(
    not (SHARED / "datasets").is_dir(), reason=f"shared data not found at {SHARED}"
)


def claim(
    kind: str,
    start: int = 0,
    end: int = 1,
    *,
    source: str = "author",
    certainty: str = "asserted",
    actors: Sequence[ActorRef] = (),
    counts: Counts | None = None,
    headline: bool = False,
) -> Claim:
    """A claim with just the fields the scorers look at."""
    return Claim(
        claim_id=f"c{start}-{end}-{kind}",
        article_id="a0",
        lang="en",
        span=Span(start, end),
        kind=ClaimKind(kind),
        source=SourceRef(SourceKind(source)),
        certainty=Certainty(certainty),
        in_headline=headline,
        actors=tuple(actors),
        counts=counts or Counts(),
    )


def result(claims: Sequence[Claim] = (), attributions: Sequence[Attribution] = ()) -> ReadResult:
    """A read result holding ``claims`` and ``attributions``."""
    return ReadResult("a0", "en", ReadStatus.READ, tuple(claims), tuple(attributions))


# --- span and label primitives -------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "soft", "expected"),
    [
        ([GoldSpan.of(0, 5)], [Span(0, 5)], False, (1, 1, 1, 1)),
        ([GoldSpan.of(0, 5)], [Span(0, 4)], False, (0, 1, 0, 1)),
        ([GoldSpan.of(0, 5)], [Span(0, 4)], True, (1, 1, 1, 1)),
        ([GoldSpan.of(0, 5)], [Span(5, 9)], True, (0, 1, 0, 1)),  # touching is not overlap
        ([GoldSpan.of(0, 5), GoldSpan.of(6, 9)], [Span(0, 9)], True, (1, 1, 2, 2)),
        ([GoldSpan((Span(0, 3), Span(6, 9)))], [Span(0, 9)], False, (1, 1, 1, 1)),  # extent
        ([GoldSpan((Span(0, 3), Span(6, 9)))], [Span(4, 5)], True, (0, 1, 0, 1)),  # in the gap
        ([], [Span(0, 1)], True, (0, 1, 0, 0)),
        ([GoldSpan.of(0, 1)], [], True, (0, 0, 0, 1)),
    ],
)
def test_match_spans(
    gold: list[GoldSpan], pred: list[Span], soft: bool, expected: tuple[int, int, int, int]
) -> None:
    c = match_spans(gold, pred, soft=soft)
    assert (c.matched_pred, c.n_pred, c.matched_gold, c.n_gold) == expected


def test_score_labels_known_answer() -> None:
    s = score_labels(["a", "a", "b"], ["a", "b", "b"])
    assert s.accuracy == pytest.approx(2 / 3)
    per = dict(s.per_label)
    assert (per["a"].precision, per["a"].recall) == (1.0, 0.5)
    assert (per["b"].precision, per["b"].recall) == (0.5, 1.0)
    assert s.macro_f1 == pytest.approx(2 / 3)


def test_score_labels_predicted_only_label_is_not_averaged() -> None:
    s = score_labels(["a", "a"], ["a", "none"])
    assert [label for label, _ in s.per_label] == ["a"]
    assert s.macro_f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_score_labels_rejects_length_mismatch() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1"):
        score_labels(["a", "b"], ["a"])


def test_tokens_covered() -> None:
    text = "He said: “we won.”"
    toks = token_spans(text)
    assert [t.slice(text) for t in toks] == ["He", "said", ":", "“", "we", "won", ".", "”"]
    assert tokens_covered(toks, [Span(10, 16)]) == frozenset({4, 5})


# --- PLOVER and CASE-2021 -------------------------------------------------------------------


def test_score_plover_kind_and_actor_roles() -> None:
    records = [
        PloverRecord("1", "x", "ASSAULT", None, "attack", ("ISR",), ("PSE",)),
        PloverRecord("2", "y", "FIGHT", None, "armed_clash", ("RUS",), ()),
        PloverRecord("3", "z", "AGREE", None, "diplomacy", (), ()),
    ]
    results = [
        result(
            [
                claim(
                    "attack",
                    actors=[
                        ActorRef("Israel", "actor", country="ISR"),
                        ActorRef("Gaza", "victim", country="PSE"),
                        ActorRef("USA", "ally", country="USA"),  # allies are not scored
                    ],
                ),
                claim("casualties", 2, 3, actors=[ActorRef("Egypt", "actor", country="EGY")]),
            ]
        ),
        result([claim("attack", headline=True), claim("attack")]),  # headline claims skipped
        result(),
    ]
    report = EvalReport("claims", score_plover(records, results))
    assert report.value("plover/kind/accuracy") == pytest.approx(1 / 3)
    assert report.value("plover/kind.attack/precision") == 0.5
    assert report.value("plover/kind.attack/recall") == 1.0
    assert report.value("plover/kind.armed_clash/recall") == 0.0
    # gold pairs: (actor ISR), (target PSE), (actor RUS); predicted: ISR, PSE, EGY
    assert report.value("plover/actors/precision") == pytest.approx(2 / 3)
    assert report.value("plover/actors/recall") == pytest.approx(2 / 3)


def test_score_case2021_counts_none_as_wrong() -> None:
    snippets = [Snippet("1", "a", "ARREST", "arrest"), Snippet("2", "b", "AIR_STRIKE", "attack")]
    report = EvalReport("claims", score_case2021(snippets, [result([claim("arrest")]), result()]))
    assert report.value("case2021/kind/accuracy") == 0.5
    assert report.value("case2021/kind/macro_f1") == 0.5
    assert report.value("case2021/kind.attack/recall") == 0.0


# --- PolNeAR --------------------------------------------------------------------------------


def test_score_polnear_exact_and_soft() -> None:
    text = "Morris says the campaign will compete. It rained."
    doc = PolnearDoc(
        "d",
        "dev",
        "x",
        text,
        (
            GoldAttribution(GoldSpan.of(12, 37), GoldSpan.of(7, 11), GoldSpan.of(0, 6)),
            GoldAttribution(GoldSpan.of(39, 48), None, None),  # no cue, no source
        ),
    )
    pred = result(
        attributions=[
            Attribution(Span(12, 38), Span(0, 6), Span(7, 11), direct=False),  # content +1 char
        ]
    )
    report = EvalReport("claims", score_polnear([doc], [pred]))
    assert report.value("polnear/source/f1") == 1.0
    assert report.value("polnear/cue/precision") == 1.0
    assert report.value("polnear/content/precision") == 0.0
    assert report.value("polnear/content/precision_soft") == 1.0
    assert report.value("polnear/content/recall_soft") == 0.5


# --- redewiedergabe -------------------------------------------------------------------------

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote"


def tsv(rows: Sequence[tuple[str, str, str]]) -> str:
    """A sample file from (token, stwr, speaker) rows."""
    lines = [HEADER]
    lines += [f"{t}\t{t}\t{t}\tX\tX\tno\t{s}\t-\t{sp}\t-\t-" for t, s, sp in rows]
    return "\n".join(lines) + "\n"


def test_score_redewiedergabe_tokens() -> None:
    sample = parse_tsv(
        "s",
        tsv(
            [
                ("Er", "-", "speaker.1"),
                ("sagte", "-", "-"),
                (",", "-", "-"),
                ("er", "indirect.speech.1", "-"),
                ("komme", "indirect.speech.1", "-"),
                (".", "-", "-"),
                ("„", "direct.speech.2", "-"),
                ("Nein", "direct.speech.2", "-"),
                ("“", "direct.speech.2", "-"),
            ]
        ),
    )
    assert sample.text == "Er sagte, er komme. „Nein“"
    nein = sample.tokens[7].span
    pred = result(
        attributions=[
            Attribution(Span(10, 18), Span(0, 2), None, direct=False),  # "er komme"
            Attribution(nein, None, None, direct=True),
            Attribution(Span(3, 8), None, None, direct=True),  # "sagte": wrong
        ]
    )
    report = EvalReport("claims", score_redewiedergabe([sample], [pred]))
    assert report.value("rwg/indirect/f1") == 1.0
    assert report.value("rwg/speaker/f1") == 1.0
    assert report.value("rwg/direct/precision") == 0.5
    assert report.value("rwg/direct/recall") == pytest.approx(1 / 3)


# --- orchestrator ---------------------------------------------------------------------------


def test_evaluate_claims_rejects_unknown_set(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown claims eval set"):
        evaluate_claims(tmp_path, sets=["nope"])


def test_evaluate_claims_skips_missing_sets(tmp_path: Path) -> None:
    report = evaluate_claims(tmp_path, sets=["plover", "rwg"])
    assert report.suite == "claims"
    assert report.metrics == ()
    assert all("skipped" in n for n in report.notes)


class AttackReader(Reader):
    """Reads one ``attack`` claim over the whole of every text: a reader with known scores."""

    def __init__(self) -> None:  # no packs, registry or gazetteer needed
        pass

    def read_text(
        self, text: str, lang: str, *, published: date | None = None, title: str | None = None
    ) -> ReadResult:
        return result([claim("attack", 0, len(text))])


@needs_shared
def test_evaluate_claims_wires_sets_and_is_deterministic() -> None:
    first = evaluate_claims(SHARED, AttackReader(), limit=5, sets=["case2021", "seed"])
    again = evaluate_claims(SHARED, AttackReader(), limit=5, sets=["case2021", "seed"])
    assert first == again
    # the first five snippets: AIR_STRIKE, CHEM_WEAP, PEACE_PROTEST, DISR_WEAP, + one more
    snippets = load_case2021(SHARED / "datasets" / "case2021_task2_acled_snippets")[:5]
    attacks = sum(s.kind == "attack" for s in snippets)
    assert first.value("case2021/kind/accuracy") == pytest.approx(attacks / 5)
    # one claim spanning the whole seed body overlaps every expected claim's anchors
    assert first.value("seed/claims/recall") == 1.0
    assert first.value("seed/claims/precision") == 1.0  # a match is never an analysis error
    assert first.value("seed/kind/accuracy") == 0.0
    assert first.notes == ("case2021: 5 items read, 0 not read", "seed: 1 items read, 0 not read")


def test_suggest_floors_stays_below_values() -> None:
    report = EvalReport(
        "claims",
        (
            Metric("x", "kind", "f1", 0.5, 1),
            Metric("x", "kind", "recall", 0.01, 1),
            Metric("x", "kind.attack", "precision", 0.9, 1),
        ),
    )
    assert suggest_floors(report) == {"x/kind/f1": 0.48, "x/kind/recall": 0.0}


class RaisingReader(Reader):
    """Crashes on texts containing a digit, reads nothing otherwise."""

    def __init__(self) -> None:  # no packs, registry or gazetteer needed
        pass

    def read_text(
        self, text: str, lang: str, *, published: date | None = None, title: str | None = None
    ) -> ReadResult:
        if any(ch.isdigit() for ch in text):
            raise ValueError("boom")
        return result()


@needs_shared
def test_evaluate_claims_counts_reader_crashes() -> None:
    report = evaluate_claims(SHARED, RaisingReader(), limit=4, sets=["case2021"])
    snippets = load_case2021(SHARED / "datasets" / "case2021_task2_acled_snippets")[:4]
    crashed = sum(any(ch.isdigit() for ch in s.text) for s in snippets)
    assert crashed > 0
    assert report.notes == (
        f"case2021: 4 items read, {crashed} not read, {crashed} raised (first: ValueError('boom'))",
    )


def test_coverage_is_share_of_items_with_a_claim() -> None:
    snippets = [Snippet(str(i), "t", "ARREST", "arrest") for i in range(4)]
    results = [result([claim("attack")]), result(), result(), result([claim("arrest")])]
    report = EvalReport("claims", score_case2021(snippets, results))
    assert report.value("case2021/kind/coverage") == 0.5


@needs_shared
def test_fixed_split_dev_even_heldout_odd() -> None:
    """``<set>_dev`` scores the even-indexed items (file order), ``<set>_heldout`` the odd ones."""
    report = evaluate_claims(SHARED, AttackReader(), limit=7, sets=["case2021", "plover"])
    snippets = load_case2021(SHARED / "datasets" / "case2021_task2_acled_snippets")[:7]
    for split, part in (("dev", snippets[0::2]), ("heldout", snippets[1::2])):
        attacks = sum(s.kind == "attack" for s in part)
        key = f"case2021_{split}/kind/accuracy"
        assert report.value(key) == pytest.approx(attacks / len(part)), key
    by_key = {m.key: m for m in report.metrics}
    assert by_key["case2021_dev/kind/accuracy"].n == 4
    assert by_key["case2021_heldout/kind/accuracy"].n == 3
    assert by_key["plover_dev/kind/accuracy"].n + by_key["plover_heldout/kind/accuracy"].n == 7
    assert "plover/kind/accuracy" in by_key and "case2021/kind/accuracy" in by_key


def test_scorers_take_a_dataset_name() -> None:
    snippets = [Snippet("1", "x", "ARREST", "arrest")]
    report = EvalReport("claims", score_case2021(snippets, [result()], "case2021_heldout"))
    assert report.value("case2021_heldout/kind/coverage") == 0.0
