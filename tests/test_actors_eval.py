"""The ``actors`` suite (persons, organisations, places on general NER sets) and its loaders.

The whole suite runs in ~20 s on 2 cores, so the gate runs every unit of every set. Tests that
need ``../shared`` skip with the reason when it is absent; the scoring helpers are tested on
synthetic documents always.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.actors import ActorRegistry
from fogofwar.evaluation.actors_eval import DATASETS, evaluate_actors, score_dataset
from fogofwar.evaluation.ner_sets import (
    NerDoc,
    NerSpan,
    detokenize,
    load_bsnlp,
    load_factrueval,
    load_germeval,
    load_ner_uk,
    load_wikigold,
)
from fogofwar.evaluation.report import EvalReport, check_floors
from fogofwar.geo import Gazetteer


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> EvalReport:
    return evaluate_actors(shared_dir)


# --- gate ---------------------------------------------------------------------------------------


@pytest.mark.shared
def test_actors_suite_meets_floors(report: EvalReport) -> None:
    assert check_floors(report) == ()


@pytest.mark.shared
@pytest.mark.parametrize("name", [d.name for d in DATASETS])
@pytest.mark.parametrize("field", ["per", "org", "loc"])
def test_every_language_and_field_is_reported(report: EvalReport, name: str, field: str) -> None:
    for metric in ("precision", "recall", "f1", "overlap_f1"):
        assert report.value(f"{name}/{field}/{metric}") is not None
    notes = [m.note for m in report.metrics if m.dataset == name]
    assert all("out of domain" in n for n in notes)


@pytest.mark.shared
def test_crosslingual_check_is_reported(report: EvalReport) -> None:
    for field in ("xling_per", "xling_org", "xling_loc"):
        assert report.value(f"bsnlp_ru_uk/{field}/agreement") is not None


# --- loaders on the real files -------------------------------------------------------------------


def _counts(docs: list[NerDoc]) -> dict[str, int]:
    return {
        lab: sum(s.label == lab for d in docs for s in d.spans) for lab in ("PER", "ORG", "LOC")
    }


@pytest.mark.shared
def test_germeval_loads_every_sentence(shared_dir: Path) -> None:
    docs = load_germeval(shared_dir)
    assert len(docs) == 2200
    assert _counts(docs) == {"PER": 745, "ORG": 514, "LOC": 869}
    first = docs[0]
    assert [first.surface(s) for s in first.spans] == ["Jesu"]
    assert all(d.surface(s) == d.surface(s).strip() and d.surface(s) for d in docs for s in d.spans)
    assert len(load_germeval(shared_dir, 10)) == 10


@pytest.mark.shared
def test_germeval_partial_types_are_ignored_not_gold(shared_dir: Path) -> None:
    docs = load_germeval(shared_dir)
    ignored = {d.surface(s) for d in docs for s in d.ignore}
    assert ignored  # LOCpart / LOCderiv etc.
    assert all(s.label in ("PER", "ORG", "LOC") for d in docs for s in d.ignore)


@pytest.mark.shared
def test_factrueval_offsets_slice_to_the_span_text(shared_dir: Path) -> None:
    docs = load_factrueval(shared_dir)
    assert len(docs) == 254  # 122 devset + 132 testset
    assert _counts(docs) == {"PER": 2128, "ORG": 2816, "LOC": 2515}
    root = shared_dir / "datasets" / "factrueval2016_ru"
    checked = ok = 0
    for doc in docs:
        spans_file = next(root.glob(f"*/{doc.doc_id}.spans"))
        for line in spans_file.read_text(encoding="utf-8").splitlines():
            fields, _, ref = line.partition("#")
            f, words = fields.split(), ref.split()
            start, length, n_tokens = int(f[2]), int(f[3]), int(f[5])
            got = doc.text[start : start + length].replace(" ", "")
            checked += 1
            ok += got == "".join(words[n_tokens:])
    assert checked > 11000 and ok / checked > 0.999  # one discontinuous span ("Жан-Мари")


@pytest.mark.shared
def test_ner_uk_offsets_slice_to_the_brat_text(shared_dir: Path) -> None:
    docs = load_ner_uk(shared_dir)
    assert len(docs) == 391  # the training split present in the copy
    assert _counts(docs) == {"PER": 4046, "ORG": 3665, "LOC": 2176}
    data = shared_dir / "datasets" / "ner_uk_v2" / "data"
    checked = 0
    for doc in docs:
        for line in (data / f"{doc.doc_id}.ann").read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if len(f) >= 5 and f[1] in ("PERS", "ORG", "LOC"):
                # a surface that runs over a line break continues on the next .ann line
                assert doc.text[int(f[2]) : int(f[3])].split("\n")[0] == f[4]
                checked += 1
    assert checked > 9800


@pytest.mark.shared
def test_wikigold_matches_its_stated_counts(shared_dir: Path) -> None:
    docs = load_wikigold(shared_dir)
    assert len(docs) == 1696  # SOURCE.txt: 1,696 sentences, LOC 1,014, PER 934, ORG 898
    assert _counts(docs) == {"PER": 934, "ORG": 898, "LOC": 1014}
    first = docs[0]
    assert first.text.startswith("010 is the tenth album from Japanese Punk Techno band")
    assert first.text.endswith("Markets.")
    assert [first.surface(s) for s in first.spans] == ["The Mad Capsule Markets"]


@pytest.mark.shared
def test_bsnlp_pairs_raw_and_annotated(shared_dir: Path) -> None:
    ru, uk = load_bsnlp(shared_dir, "ru"), load_bsnlp(shared_dir, "uk")
    assert (len(ru), len(uk)) == (571, 159)
    assert {d.topic for d in ru} == {"asia_bibi", "brexit", "nord_stream", "ryanair"}
    mentions = [(d, e) for d in ru + uk for e in d.entities]
    found = sum(e.mention in d.text for d, e in mentions)
    assert found / len(mentions) > 0.99
    assert all("://" not in d.text.split("\n", 1)[0] for d in ru + uk)  # header lines dropped


# --- scoring helpers (no shared data needed) -----------------------------------------------------


def test_detokenize_offsets() -> None:
    text, starts = detokenize(["Kyiv", "(", "Ukraine", ")", "said", "."], light=True)
    assert text == "Kyiv (Ukraine) said."
    assert [text[s : s + 4] for s in starts[:1]] == ["Kyiv"]
    assert text[starts[2] : starts[2] + 7] == "Ukraine"
    plain, _ = detokenize(["a", ",", "b"])
    assert plain == "a , b"


def test_flat_nesting_is_not_a_false_alarm() -> None:
    text = "Збройні Сили України обстріляли позиції біля Бахмута."
    org = NerSpan(0, 20, "ORG")
    loc = NerSpan(45, 52, "LOC")
    flat = NerDoc("x", text, (org, loc), (NerSpan(0, 20, "PER"), NerSpan(0, 20, "LOC")))
    totals = score_dataset([flat], "uk", ActorRegistry.load(), Gazetteer.open())
    loc_exact = totals["loc", False]
    assert loc_exact.n_gold == 1 and loc_exact.matched_gold == 1  # Бахмута
    assert loc_exact.n_pred == loc_exact.matched_pred  # "України" inside the ORG is not counted
