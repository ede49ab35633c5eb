"""Cross-fitting of the clause model for the source choice: folds, fold models, the recipe."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from fogofwar.detect.train import design, fit_heads, group_of, load_examples
from fogofwar.reader import Reader
from fogofwar.training.sources import assign_folds, cross_fitted_models

_ROWS = [
    ("Two civilians were killed in Kherson, the governor said.", "casualties", "claimed"),
    ("Russian troops shelled the border town of Vovchansk on Monday.", "attack", "asserted"),
    ("The army said it shot down twelve drones over the region.", "attack", "claimed"),
    ("Three people were wounded in Kharkiv overnight.", "casualties", "asserted"),
    ("A missile struck a school in Sumy, officials said.", "attack", "claimed"),
    ("Five soldiers were captured near Bakhmut, the brigade reported.", "arrest", "claimed"),
]


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    rows = [
        {
            "lang": "en",
            "text": text,
            "claims": [{"evidence": text.split(",")[0], "kind": kind, "certainty": cert}],
        }
        for text, kind, cert in _ROWS
    ]
    rows.append(  # a claim that continues a source named before (the continuation head)
        {
            "lang": "en",
            "text": "The governor spoke on Monday. Four houses were destroyed in the shelling.",
            "claims": [
                {
                    "evidence": "Four houses were destroyed in the shelling",
                    "kind": "attack",
                    "certainty": "claimed",
                    "source_kind": "government",
                    "source_name": "The governor",
                }
            ],
        }
    )
    (data / "en.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return data


def test_folds_are_fixed_by_the_seed_and_cover_every_group() -> None:
    groups = [f"g{i}" for i in range(40)]
    folds = assign_folds(groups, 5)
    assert folds == assign_folds(list(reversed(groups)), 5)
    assert set(folds) == set(groups)
    assert set(folds.values()) <= set(range(5))
    assert assign_folds(groups, 5, seed=14) != folds


def test_a_held_out_example_changes_the_fold_model(tmp_path: Path, reader: Reader) -> None:
    examples = load_examples(_data(tmp_path), include_dev=False, passages=tmp_path)
    assert [group_of(ex) for ex in examples][:2] == ["en.jsonl:1", "en.jsonl:2"]
    shipped = reader.resources
    reader.resources = dataclasses.replace(shipped, model=None, sources=None)  # rules only
    try:
        d = design(reader, examples, use_embeddings=False)
    finally:
        reader.resources = shipped
    every = fit_heads(d)
    keep = np.ones(len(examples), dtype=bool)
    keep[0] = False
    held = fit_heads(d, keep)
    assert set(every) == {"kind", "certainty", "source", "sourced"}
    # the same rows give the same model; one example fewer gives another
    assert np.array_equal(fit_heads(d)["kind"][1], every["kind"][1])
    assert not np.array_equal(held["kind"][1], every["kind"][1])


def test_fold_models_skip_folds_that_cannot_be_fitted(tmp_path: Path, reader: Reader) -> None:
    before = reader.resources
    data = _data(tmp_path)
    folds = {f"en.jsonl:{n}": 0 for n in range(1, 8)}  # one fold: nothing left to fit on
    models = cross_fitted_models(
        reader, folds, include_dev=False, folder=data, passages=tmp_path, use_embeddings=False
    )
    assert models == {0: None}
    assert reader.resources is before


def test_cross_validation_scores_every_passage_once(tmp_path: Path, reader: Reader) -> None:
    from fogofwar.training.crossval import cross_validate

    data = _data(tmp_path)
    train = tmp_path / "passages" / "train"
    train.mkdir(parents=True)
    (train / "en.toml").write_text(
        "\n".join(
            f'[[passage]]\nid = "en-x{n}"\norigin = "written"\n'
            f'text = """\n{text}\n"""\n\n  [[passage.claim]]\n'
            f'  evidence = "{text.split(",")[0]}"\n  kind = "{kind}"\n'
            f'  certainty = "{cert}"\n  source_kind = "author"\n'
            for n, (text, kind, cert) in enumerate(_ROWS[:3])
        ),
        encoding="utf-8",
    )
    before = reader.resources
    runs = cross_validate(
        reader,
        ("cross-fit",),
        include_dev=False,
        folder=data,
        passages=tmp_path / "passages",
        use_embeddings=False,
    )
    assert reader.resources is before
    assert [cv.recipe for cv in runs] == ["cross-fit"]
    split, metrics = runs[0].metrics[0]
    assert split == "train"
    recall = next(m for m in metrics if m.field == "claims" and m.metric == "recall")
    assert recall.n == 3  # every gold claim of the three passages, each read once
