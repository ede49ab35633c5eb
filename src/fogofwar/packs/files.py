"""Where language packs live: one folder per language, ``packs/<lang>/``.

A folder with a ``pack.toml`` is a supported language; everything else the project knows about
that language sits beside it (``geo.toml`` for toponym recognition, and any later table). This
module only finds and reads the files; :mod:`fogofwar.packs` compiles ``pack.toml`` and
:mod:`fogofwar.geo.langdata` reads ``geo.toml``. It imports nothing heavy, so language
identification and the gazetteer can ask which languages exist without loading the reader.

``FOGOFWAR_PACKS`` names an extra directory of pack folders, searched before the shipped one
(a pack there replaces the shipped pack of the same language).
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from fogofwar.caches import parse_toml
from fogofwar.errors import ConfigError

__all__ = [
    "available_languages",
    "languages_with",
    "pack_dirs",
    "pack_folder",
    "pack_meta",
    "read_table",
]

PACK_FILE = "pack.toml"


@cache
def _shipped() -> Path:
    return Path(str(resources.files("fogofwar.packs")))


def pack_dirs() -> tuple[Path, ...]:
    """Directories searched for pack folders: ``$FOGOFWAR_PACKS`` (if set), then the shipped."""
    extra = os.environ.get("FOGOFWAR_PACKS")
    return (Path(extra), _shipped()) if extra else (_shipped(),)


@cache
def _languages(dirs: tuple[Path, ...]) -> tuple[str, ...]:
    found = {p.parent.name for d in dirs if d.is_dir() for p in d.glob(f"*/{PACK_FILE}")}
    return tuple(sorted(found))


def available_languages(directory: Path | None = None) -> tuple[str, ...]:
    """ISO 639-1 codes of the languages with a pack folder, sorted."""
    return _languages((directory,) if directory is not None else pack_dirs())


def pack_folder(lang: str, directory: Path | None = None) -> Path | None:
    """The folder of ``lang``'s pack (the first search directory that has it), or ``None``."""
    return _folder(lang, (directory,) if directory is not None else pack_dirs())


@cache
def _folder(lang: str, dirs: tuple[Path, ...]) -> Path | None:
    """Looked up once per search path (as :func:`_languages`): the reader asks per article."""
    for d in dirs:
        if (d / lang / PACK_FILE).is_file():
            return d / lang
    return None


@cache
def _table_file(folder: Path, name: str) -> Path | None:
    path = folder / f"{name}.toml"
    return path if path.is_file() else None


@cache
def _read(path: Path) -> dict[str, Any]:
    try:
        return parse_toml(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"language pack file {path}: cannot read it ({exc})") from exc


def read_table(lang: str, name: str, directory: Path | None = None) -> dict[str, Any]:
    """The TOML table ``packs/<lang>/<name>.toml``; empty when the pack has no such file."""
    folder = pack_folder(lang, directory)
    path = _table_file(folder, name) if folder is not None else None
    return _read(path) if path is not None else {}


def pack_meta(lang: str) -> dict[str, Any]:
    """The ``[meta]`` table of ``lang``'s ``pack.toml`` (empty for an unknown language).

    Besides ``lang`` and ``name`` it holds the language's switches that code branches on:
    ``script`` (``latin`` | ``cyrillic``), ``morphology`` (a pymorphy3 dictionary code, or
    absent), ``capitalised_nouns`` (German-style capital common nouns), ``lemma_names`` (whether
    simplemma's lemmas tell names from common words), ``compound_nouns`` (closed compounds:
    a source noun may end a word), ``separable_verbs`` (two-word verb cues match with words
    between the verb and its particle).
    """
    key = (lang, os.environ.get("FOGOFWAR_PACKS"))
    meta = _META.get(key)
    if meta is None:  # the stages ask per clause: the lookup once per language and path
        got = read_table(lang, "pack").get("meta", {})
        meta = _META[key] = got if isinstance(got, dict) else {}
    return meta


_META: dict[tuple[str, str | None], dict[str, Any]] = {}


def languages_with(key: str) -> tuple[str, ...]:
    """Languages whose ``[meta]`` sets ``key`` to a true value, sorted."""
    return tuple(code for code in available_languages() if pack_meta(code).get(key))
