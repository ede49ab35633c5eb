"""Article bodies split across containers: the parts an extractor in precision mode left out.

Parts in *sibling containers* are put back here (:func:`join_sibling_parts`; the lead in a block
of its own is :mod:`fogofwar.readers.htmllead`'s):

Page builders put an article in several blocks of the same kind, one after another
(``<div class="module module--text">`` × N, an intro block then the body block). An extractor
in precision mode keeps one of them. This module finds the container of the paragraphs it
kept (their lowest common ancestor), looks at that container and at up to four of its
ancestors, and takes the prose of their siblings *of the same tag and class* (built from the
same template): prose paragraphs (``htmlnames.prose_paragraph``: at least 60 characters,
ending like a sentence, mostly not link text). Siblings before the container go before the body,
siblings after it after. Nothing is added unless a sibling holds at least
:data:`_MIN_SIBLING_CHARS` characters of such prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fogofwar.readers.htmlnames import block_text, common_ancestor, prose_paragraph

__all__ = ["join_sibling_parts"]

_MIN_MATCHED = 2
_LEVELS = 5
_MIN_SIBLING_CHARS = 200


def _prose(container: Any, known: set[str]) -> list[str]:
    """The prose paragraphs of ``container`` not already in the body."""
    out: list[str] = []
    for p in container.iter("p"):
        text = block_text(p)
        if text not in known and prose_paragraph(p, text):
            out.append(text)
    return out


def _same_kind(a: Any, b: Any) -> bool:
    cls = a.get("class")
    return bool(cls) and b.tag == a.tag and b.get("class") == cls


def _siblings(node: Any, preceding: bool) -> Iterator[Any]:
    for sib in node.itersiblings(preceding=preceding):
        if isinstance(sib.tag, str) and _same_kind(node, sib):
            yield sib


def join_sibling_parts(tree: Any, body: str) -> str:
    """``body`` (paragraphs separated by blank lines) with the prose of sibling containers of
    the same kind added before and after it (see the module doc); ``tree`` is not modified."""
    paragraphs = [p for p in body.split("\n\n") if p]
    known = set(paragraphs)
    if len(known) < _MIN_MATCHED:
        return body
    matched = [p for p in tree.iter("p") if block_text(p) in known]
    if len(matched) < _MIN_MATCHED:
        return body
    node = common_ancestor(matched)
    before: list[str] = []
    after: list[str] = []
    for _ in range(_LEVELS):
        if node is None or node.getparent() is None:
            break
        for preceding, target in ((True, before), (False, after)):
            for sib in _siblings(node, preceding):
                prose = _prose(sib, known)
                if sum(map(len, prose)) < _MIN_SIBLING_CHARS:
                    continue
                known.update(prose)
                if preceding:
                    target[:0] = prose  # siblings come nearest first
                else:
                    target.extend(prose)
        node = node.getparent()
    if not before and not after:
        return body
    return "\n\n".join([*before, *paragraphs, *after])
