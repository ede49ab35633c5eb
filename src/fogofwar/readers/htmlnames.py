"""What the HTML body readers know a page block by: its text and the words of its names.

:func:`block_text` is an element's text as extractors write a paragraph (whitespace runs
collapsed); :func:`name_words` the lower-cased words of its ``class`` and ``id``, split on
non-letters and camelCase ("documentDescription" → document, description;
"c-article-head__subtitle" → c, article, head, subtitle); :func:`common_ancestor` the
container of a set of blocks; :func:`prose_paragraph` tells a paragraph of running text (at
least :data:`MIN_PARA_CHARS` characters, ending like a sentence, not mostly link text) and
:func:`mostly_links` a block whose text is mostly its links'.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "MIN_PARA_CHARS",
    "block_text",
    "common_ancestor",
    "mostly_links",
    "name_words",
    "prose_paragraph",
    "prose_shaped",
]

MIN_PARA_CHARS = 60
_MAX_LINK_SHARE = 0.3
_SENTENCE_END = (".", "!", "?", "…", '"', "“", "”", "»", "«", ")", ":")
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def block_text(el: Any) -> str:
    """The element's text, whitespace runs collapsed to one space."""
    return " ".join(str(el.text_content()).split())


def name_words(el: Any) -> set[str]:
    """The lower-cased words of the element's ``class`` and ``id``."""
    words: set[str] = set()
    for attribute in ("class", "id"):
        value = el.get(attribute)
        if value:
            words.update(w.lower() for w in _WORD.findall(value))
    return words


def common_ancestor(elements: list[Any]) -> Any:
    """The lowest element all of ``elements`` are in (one of them, if it holds the others), or
    ``None`` when they share no tree."""
    chains = [[el, *el.iterancestors()][::-1] for el in elements]
    common = None
    for level in zip(*chains, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def mostly_links(el: Any, text: str) -> bool:
    """More than a third of ``text`` (the element's text) is the text of its links."""
    links = sum(len(block_text(a)) for a in el.iter("a"))
    return links > _MAX_LINK_SHARE * len(text)


def prose_shaped(text: str) -> bool:
    """``text`` is long enough for a paragraph of prose and ends like a sentence."""
    return len(text) >= MIN_PARA_CHARS and text.endswith(_SENTENCE_END)


def prose_paragraph(el: Any, text: str) -> bool:
    """``text`` (the text of ``el``) is running prose: prose-shaped and not mostly links."""
    return prose_shaped(text) and not mostly_links(el, text)
