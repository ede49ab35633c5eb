"""The data sets behind every floor are pinned by hash (``floors/datasets.json``): a gate whose
data changed fails here, naming the set, instead of comparing new data with old floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fogofwar.evaluation.pins import (
    IN_PACKAGE,
    SOURCES,
    base_name,
    check_pins,
    dataset_hash,
    pins_path,
)

FLOORS = Path(__file__).resolve().parents[1] / "floors"
PINS = json.loads(pins_path().read_text(encoding="utf-8"))


def _floor_sets() -> set[str]:
    keys = set()
    for path in FLOORS.glob("*.json"):
        if path == pins_path():
            continue
        keys |= {base_name(k) for k in json.loads(path.read_text(encoding="utf-8"))}
    return keys


def test_every_floor_data_set_is_pinned_or_in_the_package() -> None:
    unpinned = {
        name for name in _floor_sets() if name not in PINS and not name.startswith(IN_PACKAGE)
    }
    assert unpinned == set(), "pin them: python -m fogofwar.evaluation.pins --write"
    assert set(PINS) == set(SOURCES)


@pytest.mark.parametrize("dataset", sorted(PINS))
def test_shared_data_set_matches_its_pin(shared_dir: Path, dataset: str) -> None:
    breaches = check_pins(shared_dir, [dataset])
    assert not breaches, breaches[0].message()


def test_a_changed_file_breaks_the_pin_and_the_message_names_the_set(tmp_path: Path) -> None:
    folder = tmp_path / "datasets" / "toy"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("one", encoding="utf-8")
    (folder / ".hidden").write_text("ignored", encoding="utf-8")
    before = dataset_hash(tmp_path, ("datasets/toy",))
    (folder / ".hidden").write_text("still ignored", encoding="utf-8")
    assert dataset_hash(tmp_path, ("datasets/toy",)) == before
    (folder / "a.txt").write_text("two", encoding="utf-8")
    assert dataset_hash(tmp_path, ("datasets/toy",)) != before
    assert dataset_hash(tmp_path, ("datasets/none",)) is None
    pins = tmp_path / "pins.json"
    pins.write_text(json.dumps({"seed": "0" * 64}), encoding="utf-8")
    (breach,) = check_pins(tmp_path, path=pins)
    assert breach.dataset == "seed" and "'seed'" in breach.message()
    assert "missing" in breach.message()  # no examples/seed under tmp_path
