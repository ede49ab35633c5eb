"""Language identification for the languages fogofwar has a pack for (``packs/<lang>/``).

py3langid is run twice: over all of its ~100 languages (to notice French, Polish, Bulgarian…)
and restricted to fogofwar's languages (to decide between them on short or mixed text). A text
whose best language is clearly another one, or that is too short to tell, is ``"other"``.
The model is loaded once, lazily. Both runs read the same byte features (the two models share
one tokenizer), so the text is walked once (:class:`_Identifier`).
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

__all__ = ["OTHER", "SUPPORTED_LANGUAGES", "identify", "supported_languages"]

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

    _last: ClassVar[tuple[bytes, dict[int, int]]] = (b"", {})

    def _raw_score(self, text: bytes) -> Any:
        scorer = getattr(self, "_sparse_score", None)
        counter = getattr(_py3langid, "visit_counts", None)
        if scorer is None or counter is None or not isinstance(text, bytes):
            return super()._raw_score(text)
        last_text, visits = _Identifier._last
        if text != last_text:
            visits = counter(self.tk_nextmove, self._rowbase, self.tk_output, text)
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
