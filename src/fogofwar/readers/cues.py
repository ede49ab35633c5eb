"""Language data the readers use to recognise page boilerplate in text dumps.

Only words live here; the structure (where metadata sits, how long it is) is detected by the
readers themselves. Add a language by adding its words to these tables.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "AUTHOR_PREFIXES",
    "AUTHOR_SEPARATORS",
    "CREDIT_PREFIXES",
    "DEFAULT_DATE_ORDER",
    "NAME_PARTICLES",
    "PIECE_SEPARATORS",
]

# A line starting with one of these (then ":" or "©" or a space and a name) is an image credit.
CREDIT_PREFIXES: tuple[str, ...] = (
    "foto",
    "fotos",
    "bild",
    "bilder",
    "bildquelle",
    "photo",
    "photos",
    "image",
    "images",
    "credit",
    "credits",
    "picture",
    "фото",
    "фотография",
    "світлина",
    "©",
)

# A metadata line starting with one of these is a byline.
AUTHOR_PREFIXES: tuple[str, ...] = (
    "von",
    "by",
    "autor",
    "autorin",
    "author",
    "автор",
    "авторка",
    "текст",
    "text",
)

# Words joining several authors on one byline.
AUTHOR_SEPARATORS: tuple[str, ...] = ("und", "and", "и", "і", "й", "та", "&")

# Lower-case words allowed inside a personal name ("Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"von", "van", "der", "den", "de", "la", "le", "du", "di", "da", "al", "bin", "zu", "ter"}
)

# Characters that split a metadata line into pieces ("24/10/2024 | 14:35 · Welt").
PIECE_SEPARATORS: str = "|·•"

# Order of ambiguous all-numeric dates with "/" or "-" per language (dots are always DMY).
DEFAULT_DATE_ORDER: MappingProxyType[str, str] = MappingProxyType(
    {"de": "DMY", "en": "MDY", "ru": "DMY", "uk": "DMY"}
)
