"""The ``places`` suite on GeoWebNews, LGL and GeoVirus (read from ../shared), against floors.

The full run takes ~10 s on 2 cores once the index is built, so it runs on every document.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from fogofwar.evaluation.places_eval import (
    GOLD_TYPES,
    evaluate_places,
    half,
    load_dataset,
    worst_misses,
)
from fogofwar.evaluation.report import EvalReport, check_floors
from fogofwar.geo import Gazetteer
from fogofwar.geo.nearby import km_between

pytestmark = pytest.mark.shared


@pytest.fixture(scope="session")
def report(shared_dir: Path) -> EvalReport:
    return evaluate_places(shared_dir, gazetteer=Gazetteer.open())


def test_places_suite_meets_floors(report: EvalReport) -> None:
    assert check_floors(report) == ()


@pytest.mark.parametrize(
    "key",
    [
        "geowebnews/toponyms/f1",
        "geowebnews/resolution/exact",
        "geowebnews/resolution/acc_161km",
        "lgl/resolution/exact",
        "lgl/resolution/mean_km",
        "geovirus/resolution/median_km",
        "geowebnews/gold_spans/acc_161km",
        "lgl/gold_spans/exact",
        "geowebnews.dev/toponyms/f1",
        "geowebnews.held-out/gold_spans/acc_161km",
        "lgl.held-out/toponyms/f1",
        "geovirus.held-out/gold_spans/country",
    ],
)
def test_report_has_key(report: EvalReport, key: str) -> None:
    assert report.value(key) is not None


@pytest.mark.parametrize(
    ("key", "anchor"),
    [
        ("geowebnews/resolution/exact", "90.1%"),
        ("geowebnews/resolution/acc_161km", "94.1%"),
        ("lgl/resolution/exact", "79.4%"),
    ],
)
def test_mordecai3_anchor_is_printed(report: EvalReport, key: str, anchor: str) -> None:
    notes = [m.note for m in report.metrics if m.key == key]
    assert notes and anchor in notes[0]


@pytest.mark.parametrize(("name", "docs"), [("geowebnews", 200), ("lgl", 588), ("geovirus", 229)])
def test_datasets_load_with_spans_inside_text(shared_dir: Path, name: str, docs: int) -> None:
    loaded = load_dataset(shared_dir, name)
    assert len(loaded) == docs
    for doc in loaded:
        for t in doc.toponyms:
            assert 0 <= t.start < t.end <= len(doc.text)


def test_geowebnews_counts_only_toponym_types(shared_dir: Path) -> None:
    docs = load_dataset(shared_dir, "geowebnews", limit=5)
    surfaces = {d.text[t.start : t.end] for d in docs for t in d.toponyms}
    assert "lot" not in surfaces  # a Literal_Expression in article 0
    assert "Mississippi River" in surfaces  # a Literal
    assert "Demonym" not in GOLD_TYPES and "Metonymic" in GOLD_TYPES


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((50.45, 30.52), (50.45, 30.52), 0.0),
        ((0.0, 0.0), (0.0, 1.0), 111.19),
        ((90, 0), (-90, 0), 20015.09),
    ],
)
def test_great_circle_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert math.isclose(km_between(*a, *b), km, abs_tol=0.05)


@pytest.mark.parametrize("name", ["geowebnews", "lgl", "geovirus"])
def test_halves_split_by_stable_document_id(shared_dir: Path, name: str) -> None:
    docs = load_dataset(shared_dir, name)
    assert all(d.doc_id for d in docs)  # GeoVirus repeats two articles: same id, same half
    dev = [d for d in docs if half(name, d.doc_id) == "dev"]
    assert 0.35 < len(dev) / len(docs) < 0.65  # roughly halves
    assert [half(name, d.doc_id) for d in docs] == [half(name, d.doc_id) for d in docs]


def test_half_is_a_pure_function_of_set_and_id() -> None:
    assert half("lgl", "40450848") == half("lgl", "40450848")
    assert {half("x", str(k)) for k in range(50)} == {"dev", "held-out"}


def test_worst_misses_come_from_the_dev_half_farthest_first(shared_dir: Path) -> None:
    misses = worst_misses(shared_dir, "geowebnews", n=10, gazetteer=Gazetteer.open())
    dev = {
        d.doc_id
        for d in load_dataset(shared_dir, "geowebnews")
        if half("geowebnews", d.doc_id) == "dev"
    }
    assert len(misses) == 10
    assert all(m.km > 161.0 and m.doc_id in dev for m in misses)
    assert [m.km for m in misses] == sorted((m.km for m in misses), reverse=True)


def test_a_tuning_run_reports_the_dev_halves_only(shared_dir: Path) -> None:
    report = evaluate_places(
        shared_dir, limit=12, gazetteer=Gazetteer.open(), halves=("dev",), whole=False
    )
    names = {m.dataset for m in report.metrics}
    assert names and all(n.endswith(".dev") for n in names)
