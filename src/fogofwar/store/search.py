"""Make user search text safe for the backends' full-text engines, and find inflected forms.

The query language is the web-search one: words (all must match), ``"quoted phrases"``,
``-word`` to exclude and ``or`` between alternatives. Each word (or phrase) becomes the stems it may
have been indexed as (:func:`fogofwar.store.stems.query_variants`), so "Angriff" also finds
"Angriffe". The parsed query is then written for SQLite (an FTS5 expression in which every
term is a quoted string) or PostgreSQL (a ``to_tsquery`` expression of quoted lexemes), so no
user input (``"``, ``-``, ``AND``, ``NEAR``, ``*``, ``:``, ``&``, ``!`` …) reaches either
parser as syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fogofwar.store.stems import query_variants, tokens

__all__ = ["Query", "clean_query", "fts5_query", "parse_query", "tsquery"]

_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')

Phrase = tuple[tuple[str, ...], ...]
"""A phrase as its variants: each a sequence of stems (one variant per query language)."""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every group must match (one of its phrases), no excluded phrase may."""

    groups: tuple[tuple[Phrase, ...], ...]
    excluded: tuple[Phrase, ...]


def clean_query(query: str) -> str:
    """The query without characters no database accepts in a string (NUL)."""
    return query.replace("\x00", " ").strip()


def _phrase(text: str) -> Phrase | None:
    words = list(tokens(text))
    return query_variants(words) or None if words else None


def parse_query(query: str) -> Query | None:
    """The parsed query, or ``None`` when it has no word to look for."""
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    pending_or = False
    for match in _TERM.finditer(clean_query(query)):
        negated, text, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                pending_or = bool(groups)
                continue
            negated, text = ("-", bare[1:]) if bare.startswith("-") else ("", bare)
        assert text is not None
        phrase = _phrase(text)
        if phrase is None:
            continue
        if negated:
            excluded.append(phrase)
        elif pending_or:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
        pending_or = False
    if not groups:
        return None
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


def _fts5_phrase(phrase: Phrase) -> str:
    return " OR ".join('"' + " ".join(v) + '"' for v in phrase)


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH expression for ``query``, or ``None`` when it has no word to look for."""
    parsed = parse_query(query)
    if parsed is None:
        return None
    positive = " AND ".join(
        "(" + " OR ".join(_fts5_phrase(p) for p in group) + ")" for group in parsed.groups
    )
    return "(" + positive + ")" + "".join(f" NOT ({_fts5_phrase(p)})" for p in parsed.excluded)


def _ts_phrase(phrase: Phrase) -> str:
    return "(" + " | ".join(" <-> ".join(f"'{w}'" for w in v) for v in phrase) + ")"


def tsquery(query: str) -> str | None:
    """A PostgreSQL ``to_tsquery('simple', …)`` expression for ``query``, or ``None``.

    Stems are letters and digits only, so quoting them as ``'stem'`` is safe.
    """
    parsed = parse_query(query)
    if parsed is None:
        return None
    positive = " & ".join(
        "(" + " | ".join(_ts_phrase(p) for p in group) + ")" for group in parsed.groups
    )
    return "(" + positive + ")" + "".join(f" & !{_ts_phrase(p)}" for p in parsed.excluded)
