"""Language identification for the languages fogofwar has a pack for (``packs/<lang>/``).

py3langid is run twice: over all of its ~100 languages (to notice French, Polish, Bulgarian…)
and restricted to fogofwar's languages (to decide between them on short or mixed text). A text
whose best language is clearly another one, or that is too short to tell, is ``"other"``.
The model is loaded once, lazily. Both runs read the same byte features (the two models share
one tokenizer), so the text is walked once (:class:`_Identifier`), and the walk is done with
numpy (:func:`feature_counts`: the same counts as py3langid's walk, several times faster).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import numpy as np
from py3langid import langid as _py3langid
from py3langid.langid import LanguageIdentifier

from fogofwar.caches import langid_model
from fogofwar.packs.files import available_languages

__all__ = [
    "DFA_DEPTH",
    "OTHER",
    "SUPPORTED_LANGUAGES",
    "feature_counts",
    "identify",
    "supported_languages",
]

#: The languages with a pack folder (``packs/<lang>/``): the only answers besides "other".
SUPPORTED_LANGUAGES: tuple[str, ...] = available_languages()
OTHER = "other"

# Below this confidence the answer is "other".
_MIN_CONFIDENCE = 0.3
# A foreign language wins when the full model gives it at least this probability…
_FOREIGN_MIN_PROB = 0.5
# …and at least this many times the mass of all supported languages together.
_FOREIGN_DOMINANCE = 2.0
# Only the first characters are classified: enough for a stable answer, bounded time.
_MAX_CHARS = 20000
# py3langid's tokenizer is an Aho-Corasick automaton over byte n-grams; its deepest state
# stands for 6 bytes (tests/test_langid.py checks the model), so the state after any byte is
# the state reached from the start by the 6 bytes ending there.
DFA_DEPTH = 6
# Below this many bytes py3langid's own walk (a Python loop) is quicker than numpy's set-up.
_VECTOR_MIN_BYTES = 64


@dataclass(frozen=True, slots=True)
class _Tables:
    """The tokenizer's tables as numpy arrays: transitions, row offsets, feature per state."""

    nextmove: np.ndarray[Any, Any]
    rowbase: np.ndarray[Any, Any]
    output: np.ndarray[Any, Any]


def _tables(identifier: LanguageIdentifier) -> _Tables:
    nextmove = identifier.tk_nextmove
    if isinstance(nextmove, np.ndarray):
        moves = nextmove.astype(np.intp, copy=False)
    else:  # py3langid keeps an array.array: read its buffer without a copy
        moves = np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode))
    rowbase = np.asarray(identifier.tk_row, dtype=np.intp) << 8
    return _Tables(moves, rowbase, np.asarray(identifier.tk_output, dtype=np.intp))


def feature_counts(tables: _Tables, text: bytes, depth: int = DFA_DEPTH) -> dict[int, int] | None:
    """py3langid's ``visit_counts`` without the byte-by-byte loop: ``{feature: count}`` in the
    order features first occur (``None`` when there is none).

    The automaton's state after a byte depends only on the last ``depth`` bytes (its states
    stand for at most that many), so the states of all positions are found together: start
    every position ``depth - 1`` bytes back and take ``depth`` steps at once. The first
    ``depth - 1`` positions are walked from the start as py3langid walks them.
    """
    data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
    n = len(data)
    moves, rowbase = tables.nextmove, tables.rowbase
    states = np.empty(n, dtype=np.intp)
    state = 0
    for i in range(min(depth - 1, n)):
        state = int(moves[rowbase[state] + data[i]])
        states[i] = state
    if n >= depth:
        step = moves[rowbase[0] + data[: n - depth + 1]]
        for k in range(1, depth):
            step = moves[rowbase[step] + data[k : n - depth + 1 + k]]
        states[depth - 1 :] = step
    features = tables.output[states]
    features = features[features >= 0]
    if not len(features):
        return None
    found, first, counts = np.unique(features, return_index=True, return_counts=True)
    order = np.argsort(first)
    return dict(zip(found[order].tolist(), counts[order].tolist(), strict=True))


@dataclass(frozen=True, slots=True)
class _Models:
    full: _Identifier
    restricted: _Identifier


class _Identifier(LanguageIdentifier):  # type: ignore[misc]
    """py3langid's identifier, remembering the byte features of the last text it read.

    Reading a text's features (a walk over its bytes in Python) is most of py3langid's time;
    the full and the restricted model read the same ones, so the second model reuses them.
    Where py3langid lacks the hooks this relies on, it scores as it always does.
    """

    _last: ClassVar[tuple[bytes, dict[int, int] | None]] = (b"", {})

    def _counts(self, text: bytes) -> dict[int, int] | None:
        """The text's feature counts: :func:`feature_counts` for all but short texts."""
        if len(text) >= _VECTOR_MIN_BYTES and hasattr(self, "tk_row"):
            tables = self.__dict__.get("_fast_tables")
            if tables is None:
                tables = self.__dict__["_fast_tables"] = _tables(self)
            return feature_counts(tables, text)
        found: dict[int, int] | None = _py3langid.visit_counts(
            self.tk_nextmove, self._rowbase, self.tk_output, text
        )
        return found

    def _raw_score(self, text: bytes) -> Any:
        scorer = getattr(self, "_sparse_score", None)
        counter = getattr(_py3langid, "visit_counts", None)
        if scorer is None or counter is None or not isinstance(text, bytes):
            return super()._raw_score(text)
        last_text, visits = _Identifier._last
        if text != last_text:
            visits = self._counts(text)
            _Identifier._last = (text, visits)
        if not visits:
            return super()._raw_score(text)
        return scorer(visits, self.nb_ptc)


def supported_languages() -> tuple[str, ...]:
    """The languages with a pack folder now (``$FOGOFWAR_PACKS`` included)."""
    return available_languages()


def _identifier(model: tuple[Any, ...]) -> _Identifier:
    """An identifier over ``model`` (as ``LanguageIdentifier.from_model_file`` builds one)."""
    ptc, pc, classes, nextmove, row, output = model
    return _Identifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
    )


@cache
def _models(langs: tuple[str, ...]) -> _Models:
    # one decoded copy of the model (cached uncompressed, see fogofwar.caches) for both; the
    # restricted one keeps its own sliced arrays (set_languages copies, never writes in place)
    model = langid_model()
    full = _identifier(model)
    restricted = _identifier(model)
    # a pack for a language py3langid does not know is read only when declared by the input
    restricted.set_languages([c for c in langs if c in full.nb_classes])
    # the full model walks every text (the restricted one reuses its counts): its numpy
    # tables are built with the model, so a process pool's workers inherit them
    full.__dict__["_fast_tables"] = _tables(full)
    return _Models(full, restricted)


def identify(text: str) -> tuple[str, float]:
    """Return ``(language, confidence)``: a language of :data:`SUPPORTED_LANGUAGES` or ``"other"``.

    Confidence is in ``[0, 1]``. Text without letters is ``("other", 0.0)``.
    """
    sample = text[:_MAX_CHARS]
    if not any(c.isalpha() for c in sample):
        return OTHER, 0.0
    ours = supported_languages()
    models = _models(ours)
    ranking: list[tuple[str, float]] = models.full.rank(sample)
    ours_mass = sum(p for lang, p in ranking if lang in ours)
    top_foreign_p = max((p for lang, p in ranking if lang not in ours), default=0.0)
    if top_foreign_p >= _FOREIGN_MIN_PROB and top_foreign_p >= _FOREIGN_DOMINANCE * ours_mass:
        return OTHER, float(top_foreign_p)
    lang, p = models.restricted.classify(sample)
    share = ours_mass / (ours_mass + top_foreign_p) if ours_mass + top_foreign_p > 0 else 0.0
    confidence = float(p) * share
    if confidence < _MIN_CONFIDENCE:
        return OTHER, confidence
    return str(lang), confidence
