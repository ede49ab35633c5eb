"""Word stems for full-text search, so a query finds inflected forms in every language.

Both backends index the same thing: the article's title and text as a string of stems
(:func:`stem_text`), computed here in Python when the article is stored. SQLite keeps it in an
FTS5 table, PostgreSQL in a ``tsvector`` of the ``simple`` configuration; neither needs
language configurations, dictionaries or extensions on the server.

Stems: Snowball (``snowballstemmer``, which uses PyStemmer's C code when installed) for the
article's language; for Ukrainian, which Snowball lacks, the Russian stem of simplemma's lemma
(the Russian stemmer alone misses the і/о alternation, Харків/Харкова); the folded word alone
for languages with neither. Every stem is folded: lower case, accents and apostrophes inside
words removed.

A query word does not say its language, so it matches any of its stems in German, English,
Russian and Ukrainian, or the folded word itself (:func:`query_alternatives`): "Angriff" finds
"Angriffe", "Кривий" finds "Кривому", "attacks" finds "attacked".

Changing how words are stemmed changes what is indexed: ship it with a migration that
re-stems the stored articles (see ``migrations/versions/v0005_search_stems.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache

__all__ = [
    "QUERY_LANGUAGES",
    "fold",
    "query_alternatives",
    "query_variants",
    "stem_text",
    "tokens",
]

#: ISO 639-1 → Snowball algorithm.
_SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
}
#: The languages a query word is stemmed in (besides being matched as written).
QUERY_LANGUAGES = ("de", "en", "ru", "uk")

_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ`](?=[^\W_])")
_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def fold(word: str) -> str:
    """Lower case without accents (``Übergriff`` → ``ubergriff``, ``Київ`` → ``киiв``)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> Iterator[str]:
    """The words of ``text`` (letters and digits; an apostrophe inside a word joins it)."""
    return (m.group() for m in _WORD.finditer(_INNER_APOSTROPHE.sub("", text)))


@cache
def _stemmer(lang: str) -> Callable[[str], str] | None:
    if lang == "uk":
        return _ukrainian
    algorithm = _SNOWBALL.get(lang)
    if algorithm is None:
        return None
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm).stemWord  # type: ignore[no-any-return]


def _ukrainian(word: str) -> str:
    """The Russian Snowball stem of simplemma's Ukrainian lemma (Харкова → харків → харків,
    Кривому → кривий → крив): the lemma undoes stem changes, the stemmer the endings of words
    the lemmatiser does not know."""
    if not _CYRILLIC.search(word):
        return word
    import simplemma

    lemma = str(simplemma.lemmatize(word, lang="uk")).lower()
    russian = _stemmer("ru")
    return russian(lemma) if russian else lemma


@lru_cache(maxsize=32768)
def _stem(word: str, lang: str) -> str:
    """The folded stem (cached across texts: Snowball in pure Python was a third of the
    single writer's time at ingest, and news vocabulary repeats)."""
    stem = _stemmer(lang)
    lowered = word.lower()
    return fold(stem(lowered) if stem else lowered)


def stem_text(text: str, lang: str | None) -> str:
    """``text`` as space-separated folded stems in ``lang`` (ISO 639-1; unknown: folded)."""
    memo: dict[str, str] = {}
    out = []
    for word in tokens(text):
        stem = memo.get(word)
        if stem is None:
            stem = memo[word] = _stem(word, lang or "")
        out.append(stem)
    return " ".join(out)


def query_alternatives(word: str) -> tuple[str, ...]:
    """The stems a query word may have been indexed as (one per query language, and the
    folded word), without repeats, in a stable order."""
    return tuple(v[0] for v in query_variants([word]))


def query_variants(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The ways a phrase may have been indexed: its words as written (folded) and stemmed in
    each query language, without repeats, in a stable order."""
    out = dict.fromkeys(
        [
            tuple(fold(w.lower()) for w in words),
            *(tuple(_stem(w, lang) for w in words) for lang in QUERY_LANGUAGES),
        ]
    )
    return tuple(v for v in out if all(v))
