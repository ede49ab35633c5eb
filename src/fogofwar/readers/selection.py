"""Which files found in a directory are articles to read.

The rule, applied to each file under a directory given as input (a file named on its own is
always read):

1. a hidden file or directory (name starting with ``.``: ``.gitignore``, ``.git/``) is skipped;
2. a project file is skipped whatever its extension: README, LICENSE/LICENCE, COPYING,
   CHANGELOG/CHANGES, NOTICE, AUTHORS, CONTRIBUTING, CODE_OF_CONDUCT, SECURITY, MANIFEST,
   requirements (``README.md``, ``LICENSE.txt`` …);
3. a file is read only when its extension is one a reader handles (``.txt .text .md .html .htm
   .xhtml .json .jsonl .ndjson .rss .atom .xml .warc .csv .tsv``, each optionally ``.gz``);
   anything else (images, PDFs, code, files without an extension) is skipped.

Each skipped file is reported with the rule that decided it.
"""

from __future__ import annotations

from pathlib import PurePath

__all__ = ["ARTICLE_SUFFIXES", "not_an_article"]

ARTICLE_SUFFIXES = frozenset(
    {
        ".txt",
        ".text",
        ".md",
        ".html",
        ".htm",
        ".xhtml",
        ".json",
        ".jsonl",
        ".ndjson",
        ".rss",
        ".atom",
        ".xml",
        ".warc",
        ".csv",
        ".tsv",
    }
)
_PROJECT_FILES = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "notice",
        "authors",
        "contributing",
        "code_of_conduct",
        "security",
        "manifest",
        "requirements",
    }
)


def not_an_article(relative: PurePath) -> str | None:
    """Why the file at ``relative`` (inside an input directory) is not read, or ``None``."""
    name = relative.name
    if name.startswith("."):
        return "hidden file or directory"
    stem = name.split(".", 1)[0].casefold().replace("-", "_")
    if stem in _PROJECT_FILES:
        return f"{name} is a project file (README, LICENSE …), not an article"
    suffixes = [s.casefold() for s in relative.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return "no file extension; only article formats are read from directories"
    if suffixes[-1] not in ARTICLE_SUFFIXES:
        return (
            f"{suffixes[-1]} is not an article format (read: {', '.join(sorted(ARTICLE_SUFFIXES))})"
        )
    return None
