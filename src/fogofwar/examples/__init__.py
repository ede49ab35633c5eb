"""Example news articles bundled with fogofwar, written for the project in de/en/ru/uk.

They report public facts of the Russia–Ukraine war (2022–2024) in the project's own words,
in every input format the readers support. ``README.md`` lists the claims each one carries.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["example_paths"]

_SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".rss", ".atom", ".warc")


def example_paths() -> tuple[Path, ...]:
    """Paths of the bundled example articles, sorted by file name."""
    folder = files("fogofwar.examples").joinpath("articles")
    with as_file(folder) as path:
        root = Path(path)
    return tuple(sorted(p for p in root.iterdir() if p.suffix in _SUFFIXES))
