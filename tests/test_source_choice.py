"""The learned source choice: its weights, its guard rails and its training command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.doc import SourceCandidate
from fogofwar.nlp.source_choice import FEATURES, WEIGHTS, SourceChooser
from fogofwar.reader import Reader
from fogofwar.training.sources import train_sources

CLAUSE = Span(0, 10)


def _cand(on: dict[str, float], author: bool = False) -> SourceCandidate:
    feats = tuple(on.get(name, 0.0) for name in FEATURES)
    kind = SourceKind.AUTHOR if author else SourceKind.GOVERNMENT
    return (
        SourceCandidate(None, None, kind, feats)
        if author
        else SourceCandidate(_att(), "Ministerium", kind, feats)
    )


def _att():  # type: ignore[no-untyped-def]
    from fogofwar.claim import Certainty
    from fogofwar.nlp.doc import AttributionMention

    return AttributionMention(
        CLAUSE, Span(12, 20), None, False, "Ministerium", SourceKind.GOVERNMENT, Certainty.CLAIMED
    )


def _chooser(weights: dict[str, float], margin: float = 0.0) -> SourceChooser:
    return SourceChooser([weights.get(n, 0.0) for n in FEATURES], 0.0, margin)


def test_shipped_weights_fit_the_features() -> None:
    meta = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(meta["features"]) == FEATURES
    assert SourceChooser.shipped() is not None


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    meta = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    meta["features"] = meta["features"][:-1]
    meta["weights"] = meta["weights"][:-1]
    stale = tmp_path / "w.json"
    stale.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="fogofwar train sources"):
        SourceChooser.load(stale)


def test_best_candidate_wins_only_past_the_margin() -> None:
    cands = [_cand({"none": 1.0}, author=True), _cand({"rule": 1.0}), _cand({"entity": 1.0})]
    chooser = _chooser({"entity": 2.0, "rule": 1.5})
    assert chooser.choose(CLAUSE, cands, 1) == 2
    assert _chooser({"entity": 2.0, "rule": 1.5}, margin=1.0).choose(CLAUSE, cands, 1) == 1


def test_an_inherited_source_is_never_swapped_for_the_author() -> None:
    cands = [_cand({"none": 1.0}, author=True), _cand({"rule": 1.0, "inherited": 1.0})]
    chooser = _chooser({"none": 5.0})
    assert chooser.choose(CLAUSE, cands, 1) == 1
    own = [cands[0], _cand({"rule": 1.0, "own": 1.0})]
    assert chooser.choose(CLAUSE, own, 1) == 0  # a clause's own attribution may be overruled


def test_training_writes_weights_and_restores_the_reader(tmp_path: Path) -> None:
    reader = Reader.offline()
    data = tmp_path / "data"
    data.mkdir()
    rows = [
        {
            "lang": "en",
            "text": "Two civilians were killed in Kherson, the governor said.",
            "claims": [
                {
                    "evidence": "Two civilians were killed in Kherson",
                    "kind": "casualties",
                    "certainty": "claimed",
                    "source_kind": "government",
                    "source_name": "the governor",
                }
            ],
        },
        {
            "lang": "en",
            "text": "Russian troops shelled the border town of Vovchansk on Monday.",
            "claims": [
                {
                    "evidence": "Russian troops shelled the border town of Vovchansk",
                    "kind": "attack",
                    "certainty": "asserted",
                    "source_kind": "author",
                }
            ],
        },
    ]
    rows.append(
        {
            "lang": "en",
            "text": "Ukraine's interior ministry said three people were wounded in Kharkiv.",
            "claims": [
                {
                    "evidence": "three people were wounded in Kharkiv",
                    "kind": "casualties",
                    "certainty": "claimed",
                    "source_kind": "government",
                    "source_name": "Ukraine's interior ministry",
                }
            ],
        }
    )
    (data / "en.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    before = reader.resources
    out = tmp_path / "w.json"
    report = train_sources(reader, out, include_dev=False, folder=data, passages=tmp_path)
    assert reader.resources is before
    meta = json.loads(out.read_text(encoding="utf-8"))
    assert tuple(meta["features"]) == FEATURES
    assert report.decisions >= 2
    assert 0.0 <= report.cv_accuracy <= 1.0
    SourceChooser.load(out)


def test_too_little_to_learn_from_is_a_clear_error(tmp_path: Path) -> None:
    from fogofwar.errors import ConfigError

    data = tmp_path / "data"
    data.mkdir()
    (data / "en.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="too few"):
        train_sources(
            Reader.offline(), tmp_path / "w.json", include_dev=False, folder=data, passages=data
        )
