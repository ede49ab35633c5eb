"""Pins: the data sets behind each floor file, fixed by a cheap hash.

A floor means something only on the data it was measured on. ``floors/datasets.json`` names,
for every data set a floor key starts with (``trafilatura_eval/…``), the paths under the shared
folder its evaluation reads and their hash. :func:`check_pins` recomputes them and reports every
set whose files changed, by name; ``python -m fogofwar.evaluation.pins --write`` re-pins after a
deliberate change. Sets shipped inside the package (the events collection, project and
passage gold) are
versioned by git and not pinned here.

The hash is cheap, not cryptographic proof: per file (sorted, hidden files skipped) its path,
its size, and the first and last 64 KiB of its content.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PinBreach", "check_pins", "dataset_hash", "pins_path", "write_pins"]

_EDGE = 64 * 1024

#: floor data set → paths under the shared folder its evaluation reads
SOURCES: dict[str, tuple[str, ...]] = {
    "trafilatura_eval": ("datasets/trafilatura_eval",),
    "htmldate_eval": ("datasets/htmldate_eval",),
    "geowebnews": ("datasets/geowebnews",),
    "lgl": ("datasets/geoparsing_lgl_trnews_geovirus",),
    "geovirus": ("datasets/geoparsing_lgl_trnews_geovirus",),
    "bsnlp_ru_uk": ("datasets/bsnlp_ru_uk",),
    "factrueval_ru": ("datasets/factrueval2016_ru",),
    "germeval_de": ("datasets/germeval2014_ner_de",),
    "ner_uk": ("datasets/ner_uk_v2",),
    "wikigold_en": ("datasets/train/en_ner_extra_ccby/wikigold",),
    "case2021": ("datasets/case2021_task2_acled_snippets",),
    "plover": ("datasets/plover_gsr",),
    "polnear": ("datasets/polnear",),
    "rwg": ("datasets/redewiedergabe_de",),
    "seed": ("examples/seed",),
}
#: data sets inside the package (versioned by git): not pinned
IN_PACKAGE = ("collection", "project_", "passages_")


@dataclass(frozen=True, slots=True)
class PinBreach:
    """A pinned data set whose files no longer hash to the pin (``got`` None: missing)."""

    dataset: str
    paths: tuple[str, ...]
    pinned: str
    got: str | None

    def message(self) -> str:
        """What failed and what to do."""
        where = ", ".join(self.paths)
        if self.got is None:
            return f"data set {self.dataset!r} ({where}) is missing from the shared folder"
        return (
            f"data set {self.dataset!r} ({where}) changed: hash {self.got[:12]}, pinned "
            f"{self.pinned[:12]}. Its floors were measured on other data; if the change is "
            "deliberate, re-measure and re-pin: python -m fogofwar.evaluation.pins --write"
        )


def pins_path(root: Path | None = None) -> Path:
    """Where the pins are recorded: ``floors/datasets.json`` in the repository."""
    base = root if root is not None else Path(__file__).resolve().parents[3]
    return base / "floors" / "datasets.json"


def base_name(key: str) -> str:
    """The data set a floor key belongs to: ``plover_dev/kind/accuracy`` → ``plover``,
    ``lgl.held-out/…`` → ``lgl``, ``htmldate_eval:tune/…`` → ``htmldate_eval``."""
    name = key.split("/", 1)[0]
    for known in sorted(SOURCES, key=len, reverse=True):
        if name == known or any(name.startswith(known + sep) for sep in "_.:"):
            return known
    return name


def dataset_hash(shared: Path, paths: tuple[str, ...]) -> str | None:
    """The cheap hash of the files under ``paths`` (relative to ``shared``); None if absent."""
    h = hashlib.sha256()
    for rel in paths:
        root = shared / rel
        if not root.exists():
            return None
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for f in files:
            name = f.relative_to(shared).as_posix()
            if any(part.startswith(".") for part in Path(name).parts):
                continue
            size = f.stat().st_size
            h.update(f"{name}\0{size}\0".encode())
            with f.open("rb") as fh:
                h.update(fh.read(_EDGE))
                if size > 2 * _EDGE:
                    fh.seek(size - _EDGE)
                    h.update(fh.read(_EDGE))
    return h.hexdigest()


def _load(path: Path | None) -> dict[str, str]:
    data: dict[str, str] = json.loads((path or pins_path()).read_text(encoding="utf-8"))
    return data


def check_pins(
    shared: Path, datasets: list[str] | None = None, path: Path | None = None
) -> tuple[PinBreach, ...]:
    """Every pinned data set (or only ``datasets``) whose files do not hash to its pin."""
    pins = _load(path)
    out = []
    for name in sorted(datasets if datasets is not None else pins):
        paths = SOURCES[name]
        got = dataset_hash(shared, paths)
        if got != pins[name]:
            out.append(PinBreach(name, paths, pins[name], got))
    return tuple(out)


def write_pins(shared: Path, path: Path | None = None) -> dict[str, str]:
    """Hash every data set in :data:`SOURCES` and record the pins."""
    pins = {}
    for name, paths in sorted(SOURCES.items()):
        got = dataset_hash(shared, paths)
        if got is None:
            raise FileNotFoundError(f"{name}: {', '.join(paths)} not under {shared}")
        pins[name] = got
    (path or pins_path()).write_text(json.dumps(pins, indent=2) + "\n", encoding="utf-8")
    return pins


if __name__ == "__main__":  # pragma: no cover
    from fogofwar.services import shared_dir

    if sys.argv[1:] == ["--write"]:
        print(json.dumps(write_pins(shared_dir()), indent=2))
    else:
        for b in check_pins(shared_dir()):
            print(b.message())
