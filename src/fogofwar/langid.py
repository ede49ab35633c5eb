"""Language identification for the languages fogofwar has a pack for (``packs/<lang>/``).

py3langid is run twice: over all of its ~100 languages (to notice French, Polish, Bulgarian…)
and restricted to fogofwar's languages (to decide between them on short or mixed text). A text
whose best language is clearly another one, or that is too short to tell, is ``"other"``.
The model is loaded once, lazily.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

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
    full: LanguageIdentifier
    restricted: LanguageIdentifier


def supported_languages() -> tuple[str, ...]:
    """The languages with a pack folder now (``$FOGOFWAR_PACKS`` included)."""
    return available_languages()


@cache
def _models(langs: tuple[str, ...]) -> _Models:
    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # A shallow copy shares the model arrays (loading the file is ~0.5 s of start-up);
    # set_languages only rebinds the copy's own attributes.
    restricted = copy.copy(full)
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
