"""Make user search text safe for the backends' full-text engines.

The query language is the web-search one PostgreSQL's ``websearch_to_tsquery`` understands:
words (all must match), ``"quoted phrases"``, ``-word`` to exclude and ``or`` between
alternatives. For SQLite it is translated into an FTS5 expression in which every term is a
quoted string, so no user input (``"``, ``-``, ``AND``, ``NEAR``, ``*``, ``:`` …) can reach the
FTS5 parser as syntax.
"""

from __future__ import annotations

import re

__all__ = ["clean_query", "fts5_query"]

_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_HAS_TOKEN = re.compile(r"[^\W_]")


def clean_query(query: str) -> str:
    """The query without characters no database accepts in a string (NUL)."""
    return query.replace("\x00", " ").strip()


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH expression for ``query``, or ``None`` when it has no word to look for."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for match in _TERM.finditer(clean_query(query)):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                pending_or = bool(groups)
                continue
            negated, phrase = ("-", bare[1:]) if bare.startswith("-") else ("", bare)
        assert phrase is not None
        if not _HAS_TOKEN.search(phrase):
            continue
        if negated:
            excluded.append(_quote(phrase))
        elif pending_or:
            groups[-1].append(_quote(phrase))
        else:
            groups.append([_quote(phrase)])
        pending_or = False
    if not groups:
        return None
    positive = " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
    return "(" + positive + ")" + "".join(" NOT " + term for term in excluded)
