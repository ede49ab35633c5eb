"""The trained clause model at reading time: numpy only.

:class:`ClauseModel` holds two linear heads over the same features — ``kind`` (``none`` or a
claims-v1 kind) and ``certainty`` (a claims-v1 certainty) — and returns a :class:`ClauseScore`
per :class:`~fogofwar.nlp.clause_view.ClauseView`. Weights live in one ``.npz`` file
(:data:`WEIGHTS`, shipped in the package; rebuilt by ``fogofwar train claims``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.detect.encoder import Embedder, ngram_ids_many
from fogofwar.errors import ConfigError
from fogofwar.nlp.clause_view import LEXICAL_NAMES, ClauseView

__all__ = [
    "NONE",
    "WEIGHTS",
    "ClauseModel",
    "ClauseScore",
    "Features",
    "features",
    "source_features",
]

NONE = "none"
Floats = npt.NDArray[np.float32]


def _weights_path() -> Path:
    return Path(str(resources.files("fogofwar.detect"))) / "weights" / "clause-model.npz"


#: The shipped model file.
WEIGHTS = _weights_path()


@dataclass(frozen=True, slots=True)
class ClauseScore:
    """The model's reading of one clause: probabilities by kind (``none`` included) and by
    certainty."""

    kinds: tuple[tuple[str, float], ...]
    certainties: tuple[tuple[Certainty, float], ...]
    sourced: float = 0.0  # probability that an unattributed clause continues a source

    @property
    def p_claim(self) -> float:
        """Probability that the clause carries a claim."""
        for kind, p in self.kinds:  # one row a kind: the first is the only
            if kind == NONE:
                return 1.0 - p
        return 1.0

    def best_kind(self) -> tuple[ClaimKind, float]:
        """The likeliest claim kind (``none`` left out) and its probability."""
        name, p = max(((k, p) for k, p in self.kinds if k != NONE), key=lambda kp: kp[1])
        return ClaimKind(name), p

    def best_certainty(self) -> tuple[Certainty, float]:
        """The likeliest certainty and its probability."""
        return max(self.certainties, key=lambda cp: cp[1])


@dataclass(frozen=True, slots=True)
class Features:
    """The design of a batch of clauses: lexical rows, embeddings (or ``None``), n-gram ids."""

    lexical: Floats
    dense: Floats | None
    ngrams: tuple[npt.NDArray[np.int32], ...]


def features(views: Sequence[ClauseView], dim: int, embedder: Embedder | None) -> Features:
    """Features of ``views`` as the model sees them (training and reading alike)."""
    lex = np.asarray([v.lexical for v in views], dtype=np.float32).reshape(
        len(views), len(LEXICAL_NAMES)
    )
    half = dim // 2
    # each distinct text (a clause, its sentence: often the same) hashed once, in one batch;
    # the clause's ids lie below ``half`` and the sentence's above: joined, they stay sorted
    # and unique
    texts = list(dict.fromkeys(t for v in views for t in (v.text, v.sentence_text)))
    ids = dict(zip(texts, ngram_ids_many(texts, half), strict=True))
    rows = [np.concatenate((ids[v.text], ids[v.sentence_text] + half)) for v in views]
    dense = embedder.embed([v.text for v in views]) if embedder is not None else None
    return Features(lex, dense, tuple(rows))


def source_features(
    phrases: Sequence[tuple[str, str]], dim: int, embedder: Embedder | None
) -> Features:
    """Features of source phrases ``(name, context words around it)`` for the source head:
    the name's n-grams and its context's n-grams in separate halves, the name's embedding."""
    half = dim // 2
    names = ngram_ids_many([name for name, _ in phrases], half, "s")
    contexts = ngram_ids_many([ctx for _, ctx in phrases], half, "c")
    grams = tuple(
        np.concatenate((name, ctx + half)) for name, ctx in zip(names, contexts, strict=True)
    )
    dense = embedder.embed([name for name, _ in phrases]) if embedder is not None else None
    return Features(np.zeros((len(phrases), 0), dtype=np.float32), dense, grams)


#: The n-gram part of a batch's scores: which rows have n-grams, and their summed weights over
#: the square root of their count (``None`` when no row has any).
GramSums = tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64] | None]


def gram_sums(f: Features, by_class: Floats) -> GramSums:
    """The n-gram scores of ``f``'s rows under n-gram weights ``by_class`` (k, dim: one row of
    weights per class, best C-contiguous). N-gram rows are L2-normalised binary vectors: one
    gather, one segmented sum per class over contiguous memory (the same pairwise sums as
    over the columns of a (dim, k) gather, in a fraction of the time). Each class is summed
    on its own, so heads whose weights are stacked in ``by_class`` get their scores at once."""
    lens = np.fromiter((ids.size for ids in f.ngrams), dtype=np.int64, count=len(f.ngrams))
    full = lens > 0
    if not full.any():
        return full, None
    ids = np.concatenate([ids for ids in f.ngrams if ids.size])
    # every id is below dim (n-gram buckets): no bounds to check, which "wrap" skips (3x faster)
    cols = np.take(by_class, ids, axis=1, mode="wrap")
    starts = np.concatenate(([0], np.cumsum(lens[full])[:-1]))
    sums = np.add.reduceat(cols, starts, axis=1).T
    return full, sums / np.sqrt(lens[full])[:, None]


@dataclass(frozen=True, slots=True)
class _Head:
    classes: tuple[str, ...]
    lexical: Floats  # (n_lexical, k)
    dense: Floats | None  # (512, k)
    ngrams: Floats  # (dim, k)
    bias: Floats  # (k,)

    def proba(self, f: Features, grams: GramSums | None = None) -> Floats:
        """Class probabilities of ``f``'s rows (``grams``: this head's n-gram scores, when
        computed together with other heads')."""
        z = f.lexical @ self.lexical + self.bias
        if self.dense is not None and f.dense is not None:
            z = z + f.dense @ self.dense
        full, sums = grams if grams is not None else gram_sums(f, self.ngrams.T)
        if sums is not None:
            z[full] += sums
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: Floats = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


class ClauseModel:
    """Two linear heads (kind, certainty) over lexical, n-gram and embedding features."""

    def __init__(
        self,
        kind: _Head,
        certainty: _Head,
        dim: int,
        meta: dict[str, Any],
        source: _Head | None = None,
        sourced: _Head | None = None,
    ) -> None:
        self.kind, self.certainty, self.dim, self.meta = kind, certainty, dim, meta
        self.source, self.sourced = source, sourced
        # sentence embeddings cost most of the reading time: the clause heads use them only when
        # trained with them; the source head embeds just the few source names of a document
        shared = Embedder()
        clause_dense = kind.dense is not None or certainty.dense is not None
        self.embedder: Embedder | None = shared if clause_dense else None
        self.source_embedder: Embedder | None = (
            shared if source is not None and source.dense is not None else None
        )
        # the clause heads read the same n-grams: their weights stacked by class, one gather
        self._clause_heads = (kind, certainty) + ((sourced,) if sourced is not None else ())
        self._joint = np.ascontiguousarray(
            np.concatenate([h.ngrams for h in self._clause_heads], axis=1).T
        )

    @classmethod
    def load(cls, path: Path | None = None) -> ClauseModel:
        """Load a model file (default: the shipped :data:`WEIGHTS`)."""
        p = path or WEIGHTS
        try:
            data = np.load(p, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"clause model {p}: cannot read it ({exc}); rebuild it with `fogofwar train claims`"
            ) from exc
        meta: dict[str, Any] = json.loads(str(data["meta"]))
        if tuple(meta["lexical_names"]) != LEXICAL_NAMES:
            raise ConfigError(
                f"clause model {p} was trained on other lexical features; "
                "rebuild it with `fogofwar train claims`"
            )

        def head(name: str) -> _Head:
            dense = data[f"{name}_dense"] if f"{name}_dense" in data.files else None
            return _Head(
                tuple(meta[f"{name}_classes"]),
                data[f"{name}_lexical"].astype(np.float32),
                dense.astype(np.float32) if dense is not None else None,
                data[f"{name}_ngrams"].astype(np.float32),
                data[f"{name}_bias"].astype(np.float32),
            )

        source = head("source") if "source_classes" in meta else None
        sourced = head("sourced") if "sourced_classes" in meta else None
        return cls(head("kind"), head("certainty"), int(meta["dim"]), meta, source, sourced)

    @classmethod
    def shipped(cls) -> ClauseModel | None:
        """The shipped model, or ``None`` when the package has none (rules only). The
        environment variable ``FOGOFWAR_CLAUSE_MODEL`` names another model file to read instead
        (one written by ``fogofwar train claims --out``, e.g. trained without the dev passages)."""
        other = os.environ.get("FOGOFWAR_CLAUSE_MODEL")
        if other:
            return cls.load(Path(other))
        return cls.load() if WEIGHTS.is_file() else None

    def score(self, views: Sequence[ClauseView]) -> tuple[ClauseScore, ...]:
        """One score per view, in order."""
        if not views:
            return ()
        f = features(views, self.dim, self.embedder)
        full, sums = gram_sums(f, self._joint)
        grams: list[GramSums] = []
        col = 0
        for head in self._clause_heads:
            k = len(head.classes)
            grams.append((full, sums[:, col : col + k] if sums is not None else None))
            col += k
        pk, pc = self.kind.proba(f, grams[0]), self.certainty.proba(f, grams[1])
        certs = tuple(Certainty(c) for c in self.certainty.classes)
        if self.sourced is not None:
            yes = self.sourced.classes.index("yes")
            ps = self.sourced.proba(f, grams[2])[:, yes]
        else:
            ps = np.zeros(len(views), dtype=np.float32)
        kinds = self.kind.classes
        # rows as Python floats in one conversion each (the same values as float() of each)
        return tuple(
            ClauseScore(
                tuple(zip(kinds, k_row, strict=True)),
                tuple(zip(certs, c_row, strict=True)),
                sourced,
            )
            for k_row, c_row, sourced in zip(pk.tolist(), pc.tolist(), ps.tolist(), strict=True)
        )

    def source_kinds(
        self, phrases: Sequence[tuple[str, str]], *, some: bool = False
    ) -> tuple[tuple[SourceKind | None, float], ...]:
        """The likeliest source kind of each ``(name, context)`` and its probability; ``None``
        when the words are likelier no source at all (a sentence-initial adverb), unless
        ``some`` (the words are known to name a source: the likeliest kind then)."""
        if self.source is None or not phrases:
            return ()
        p = self.source.proba(source_features(phrases, self.dim, self.source_embedder))
        if some and NONE in self.source.classes:
            p = p.copy()
            p[:, self.source.classes.index(NONE)] = -1.0
        best = p.argmax(axis=1)
        out: list[tuple[SourceKind | None, float]] = []
        for i, b in enumerate(best):
            name = self.source.classes[int(b)]
            out.append((None if name == NONE else SourceKind(name), float(p[i, int(b)])))
        return tuple(out)


def save_model(
    path: Path,
    heads: dict[str, tuple[tuple[str, ...], Floats, Floats | None, Floats, Floats]],
    dim: int,
    meta: dict[str, Any],
) -> None:
    """Write heads ``{name: (classes, lexical, dense, ngrams, bias)}`` to ``path`` (float16)."""
    arrays: dict[str, Any] = {}
    full = dict(meta, dim=dim, lexical_names=list(LEXICAL_NAMES))
    for name, (classes, lexical, dense, ngrams, bias) in heads.items():
        full[f"{name}_classes"] = list(classes)
        arrays[f"{name}_lexical"] = lexical.astype(np.float16)
        arrays[f"{name}_ngrams"] = ngrams.astype(np.float16)
        arrays[f"{name}_bias"] = bias.astype(np.float32)
        if dense is not None:
            arrays[f"{name}_dense"] = dense.astype(np.float16)
    arrays["meta"] = np.asarray(json.dumps(full, sort_keys=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)
