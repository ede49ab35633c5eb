"""The training passages (``training/passages/train``, and ``pending``, not yet trained on):
every file loads, every evidence and source name is found in its passage, and every label is a
claims-v1 value, so a training run never learns from a broken row."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from fogofwar.claim import Certainty, ClaimKind, SourceKind

TRAIN = Path(__file__).parents[1] / "src" / "fogofwar" / "training" / "passages" / "train"
PENDING = TRAIN.parent / "pending"  # annotated, not yet read by the trainers
MINIMUM = {"de": 12, "en": 12, "ru": 12, "uk": 12, "fr": 8, "es": 8, "it": 8}
COUNTS = ("killed", "injured", "arrested", "missing", "displaced")


def _load(lang: str, folder: Path = TRAIN) -> list[dict[str, Any]]:
    with (folder / f"{lang}.toml").open("rb") as fh:
        return list(tomllib.load(fh)["passage"])


ROWS = [(lang, p) for lang in MINIMUM for folder in (TRAIN, PENDING) for p in _load(lang, folder)]


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_each_language_has_its_passages(lang: str) -> None:
    passages = _load(lang)
    assert len(passages) >= MINIMUM[lang]
    ids = [p["id"] for p in passages]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(f"{lang}-t") for i in ids)


@pytest.mark.parametrize(("lang", "passage"), ROWS, ids=[p["id"] for _, p in ROWS])
def test_training_passage_is_consistent(lang: str, passage: dict[str, Any]) -> None:
    assert passage["origin"] == "written" or str(passage["origin"]).startswith(
        ("http://", "https://")
    )
    text = str(passage["text"]).strip("\n")
    title = passage.get("title") or ""
    assert text and passage.get("claim"), "every passage has claims"
    for c in passage["claim"]:
        where = title if c.get("in_headline") else text
        assert c["evidence"] in where, c["evidence"]
        assert where.count(c["evidence"]) >= int(c.get("occurrence", 1))
        ClaimKind(c["kind"])
        Certainty(c["certainty"])
        kind = SourceKind(c["source_kind"])
        name = c.get("source_name")
        if kind is SourceKind("author"):
            assert name is None, "the article's own voice has no source name"
            assert c["certainty"] in {"asserted", "reported", "hypothetical", "unverified"}
        if name is not None:
            assert name in text or name in title, name
        for count in COUNTS:
            if count in c:
                bounds = c[count]
                assert set(bounds) <= {"low", "high"}
                low, high = bounds.get("low"), bounds.get("high")
                assert low is None or high is None or int(low) <= int(high)
