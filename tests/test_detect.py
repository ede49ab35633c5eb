"""The learned clause model: shipped file, features, probabilities, clear errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.detect import ClauseModel
from fogofwar.detect.encoder import context_window, ngram_ids, ngram_ids_many
from fogofwar.detect.model import NONE, WEIGHTS
from fogofwar.errors import ConfigError
from fogofwar.nlp.clause_view import LEXICAL_NAMES, clause_views
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


def test_shipped_model_loads_and_matches_the_features() -> None:
    assert WEIGHTS.is_file(), "rebuild with `fogofwar train claims`"
    model = ClauseModel.load()
    assert NONE in model.kind.classes
    assert set(model.kind.classes) - {NONE} <= {k.value for k in ClaimKind}
    assert {Certainty(c) for c in model.certainty.classes} <= set(Certainty)
    assert model.kind.lexical.shape == (len(LEXICAL_NAMES), len(model.kind.classes))
    assert model.meta["seed"] == 13


def test_ngram_ids_are_stable_and_bounded() -> None:
    a = ngram_ids("Drei Menschen wurden getötet", 1 << 12)
    b = ngram_ids("Drei Menschen wurden getötet", 1 << 12)
    assert np.array_equal(a, b)
    assert a.size and a.min() >= 0 and a.max() < (1 << 12)
    assert list(a) == sorted(set(a.tolist()))
    assert ngram_ids("", 64).size == 0


def test_ngram_ids_keep_their_hash() -> None:
    # the shipped model's weights are indexed by these buckets: a changed hash breaks it
    assert ngram_ids("Kyiv", 1 << 10).tolist() == [40, 116, 202, 255, 323, 394, 875, 971, 976]
    assert ngram_ids("Київ", 1 << 10, "s").tolist()[:6] == [7, 56, 69, 76, 84, 97]


def test_ngram_ids_of_a_batch_are_each_texts_own() -> None:
    texts = ["", "a", "Drei Menschen", "ab", "Троє загиблих у Харкові", "x" * 700, "Drei Menschen"]
    for salt in ("", "s"):
        batch = ngram_ids_many(texts, 1 << 12, salt)
        assert len(batch) == len(texts)
        for text, ids in zip(texts, batch, strict=True):
            assert ids.dtype == np.int32
            assert np.array_equal(ids, ngram_ids(text, 1 << 12, salt))
    assert ngram_ids_many([], 64) == []


def test_context_window_leaves_the_name_out() -> None:
    text = "Laut Gouverneur Oleh Synjehubow wurden drei Menschen verletzt."
    start = text.index("Oleh")
    ctx = context_window(text, start, start + len("Oleh Synjehubow"), chars=20)
    assert "Synjehubow" not in ctx and "Gouverneur" in ctx and "wurden" in ctx


@pytest.mark.parametrize(
    ("lang", "text", "claim"),
    [
        ("en", "Russian missiles killed three people in Kharkiv, the governor said.", True),
        ("de", "Die Entsendung der Truppen unterstreicht die engen Beziehungen.", False),
        ("ru", "В результате удара беспилотника погибли два человека.", True),
        ("uk", "Внаслідок обстрілу Херсона поранено п'ятьох людей.", True),
        ("fr", "Au moins quatre personnes ont été tuées dans une frappe de drone.", True),
        ("es", "Al menos tres personas murieron en un ataque con drones.", True),
        ("it", "Almeno tre persone sono morte in un attacco con droni.", True),
    ],
)
def test_scores_are_probabilities_and_sensible(
    reader: Reader, lang: str, text: str, claim: bool
) -> None:
    model = reader.resources.model
    assert model is not None
    doc = reader.analyze(text, lang)
    views = clause_views(doc, reader.resources)
    scores = model.score(views)
    assert len(scores) == len(views) >= 1
    for s in scores:
        assert abs(sum(p for _, p in s.kinds) - 1.0) < 1e-3
        assert abs(sum(p for _, p in s.certainties) - 1.0) < 1e-3
        assert 0.0 <= s.sourced <= 1.0
    # the stage's decision (the model and the rules' analysis gate together)
    assert bool(reader.read_text(text, lang).claims) is claim


def test_source_head_reads_names_in_context() -> None:
    model = ClauseModel.load()
    found = model.source_kinds(
        [
            ("Sprecher des Verteidigungsministeriums", "Ein … sagte am Montag"),
            ("Zivilschutz", "Nach Angaben des … wurden"),
        ]
    )
    assert len(found) == 2
    for kind, p in found:
        assert kind is None or kind in set(SourceKind)
        assert 0.0 <= p <= 1.0
    assert found[0][0] is SourceKind.MILITARY


def test_unreadable_model_file_says_what_to_do(tmp_path: Path) -> None:
    bad = tmp_path / "m.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="fogofwar train claims"):
        ClauseModel.load(bad)


def test_environment_names_another_model_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOGOFWAR_CLAUSE_MODEL", str(WEIGHTS))
    other = ClauseModel.shipped()
    assert other is not None and other.kind.classes == ClauseModel.load().kind.classes
    missing = tmp_path / "no-such-model.npz"
    monkeypatch.setenv("FOGOFWAR_CLAUSE_MODEL", str(missing))
    with pytest.raises(ConfigError, match="no-such-model"):
        ClauseModel.shipped()
