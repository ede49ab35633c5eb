"""The start-up caches hold exactly what the libraries would decode, and rebuild on change."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from fogofwar import caches


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOGOFWAR_CACHE", str(tmp_path))
    return tmp_path


def test_lemma_cache_answers_as_simplemma_does(cache: Path) -> None:
    from simplemma.strategies.dictionaries import dictionary_factory as factory

    shipped = factory._load_dictionary_from_disk("en")
    path = caches._lemma_file("en")
    assert path is not None and path.parent.parent == cache
    table = caches._SqliteLemmas(path)
    keys = random.Random(8).sample(sorted(shipped), 500)
    assert all(table.get(k.decode()) == shipped[k].decode() for k in keys)
    assert table.get("no-such-word-xyz") is None and "no-such-word-xyz" not in table
    assert len(table) == len({k.decode() for k in shipped})
    assert caches._lemma_file("en") == path  # built once


def test_langid_model_is_the_shipped_one(cache: Path) -> None:
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    shipped = modelio.load_model(Path(MODEL_DIR) / MODEL_FILE)
    cached = caches.langid_model()
    assert np.array_equal(np.asarray(cached[0]), shipped[0])
    assert np.array_equal(cached[1], shipped[1]) and cached[2] == shipped[2]
    assert cached[3] == shipped[3] and cached[4] == shipped[4] and cached[5] == shipped[5]


def test_key_changes_with_the_source(tmp_path: Path) -> None:
    source = tmp_path / "data.bin"
    source.write_bytes(b"one")
    first = caches.source_key("1.0", source)
    assert caches.source_key("1.0", source) == first
    assert caches.source_key("1.1", source) != first
    source.write_bytes(b"three")
    assert caches.source_key("1.0", source) != first


def test_unwritable_cache_falls_back(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert caches._build(blocker / "sub" / "x.bin", lambda p: p.write_bytes(b"x")) is None
    built = caches._build(tmp_path / "ok" / "x.bin", lambda p: p.write_bytes(b"x"))
    assert built is not None and built.read_bytes() == b"x"
    assert not list((tmp_path / "ok").glob("*.tmp*"))


def test_parsed_toml_is_kept_and_follows_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    monkeypatch.setenv("FOGOFWAR_CACHE", str(tmp_path))
    text = 'name = "pack"\n[table]\nwords = ["a", "b"]\n'
    first = caches.parse_toml(text)
    assert first == tomllib.loads(text)
    [kept] = list((tmp_path / "toml").glob("*.pickle"))
    first["table"]["words"].append("changed by a caller")
    assert caches.parse_toml(text) == tomllib.loads(text)  # a fresh copy each time
    edited = text.replace('"b"', '"c"')
    assert caches.parse_toml(edited)["table"]["words"] == ["a", "c"]
    kept.write_bytes(b"not a pickle")
    assert caches.parse_toml(text) == tomllib.loads(text)  # a damaged copy is rebuilt
    with pytest.raises(tomllib.TOMLDecodeError):
        caches.parse_toml("name = ")
