"""trafilatura's boilerplate selector (``OVERALL_DISCARD_XPATH``) evaluated in one Python walk.

trafilatura cuts navigation, share bars, ads, bylines, hidden blocks … with two XPath
expressions that test ``id``, ``class`` and ``style`` against long regular expressions (EXSLT
``re:test``, a call back into Python for every candidate element and pattern). It is the most
expensive single step of an extraction and runs in every pass. :func:`faster_discard` lets
trafilatura use, for the time of a block, callables that select the same elements in one walk
over the tree with the same patterns compiled once.

The patterns are read from the installed trafilatura's own expressions; the callables are used
only when the rest of each expression is exactly the one they were written for (else trafilatura
keeps its XPath). Same semantics as XPath 1.0 / EXSLT: descendants of the context node only,
document order, a missing attribute is the empty string, ``re:test(@id|@class, …)`` tests the
first of the two attributes in the element's source order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from fogofwar.readers.fastpaths import first_attribute

__all__ = ["faster_discard"]

_PATTERN = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'\)")
# The two expressions with their patterns taken out, whitespace collapsed.
_SHAPES = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
    "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, _) or "
    "re:test(@id, _) or re:test(@class, _)]",
    ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or "
    "re:test(@id|@style, _) or contains(@style, 'display:none') or "
    "contains(@style, 'display: none') or re:test(@id, _) or re:test(@class, _) or "
    "@aria-hidden='true']",
)
_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})

Selector = Callable[[Any], list[Any]]


def _shape(path: str) -> tuple[str, list[str]]:
    patterns = [m.group(2) for m in _PATTERN.finditer(path)]
    return " ".join(_PATTERN.sub(r"re:test(\1, _)", path).split()), patterns


def _elements(tree: Any, bare: bool) -> Iterator[Any]:
    """The descendant elements; with ``bare`` False, only those with attributes."""
    for el in tree.iterdescendants():
        if isinstance(el.tag, str) and (bare or el.keys()):
            yield el


def _boilerplate(patterns: list[str]) -> Selector:
    either, ident, cls = (re.compile(p) for p in patterns)
    bare = any(p.search("") for p in (either, ident, cls))  # would match no attributes

    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants(*_TAGS):  # lxml's tag filter, in C
            if not bare and not el.keys():
                continue
            get = el.get
            if (
                get("data-lp-replacement-content") is not None
                or "nav" in (get("role") or "").replace("N", "n")
                or "MostPopularStories" in (get("data-component") or "")
                or either.search(first_attribute(el, ("id", "class")))
                or ident.search(get("id") or "")
                or cls.search(get("class") or "")
            ):
                found.append(el)
        return found

    return select


def _hidden(patterns: list[str]) -> Selector:
    id_or_style, ident, cls = (re.compile(p) for p in patterns)
    bare = any(p.search("") for p in (id_or_style, ident, cls))  # would match no attributes

    def select(tree: Any) -> list[Any]:
        found = []
        for el in _elements(tree, bare):
            get = el.get
            style = get("style") or ""
            klass = get("class") or ""
            if (
                klass == "comments-title"
                or first_attribute(el, ("id", "class")).startswith("reply-")
                or id_or_style.search(first_attribute(el, ("id", "style")))
                or "display:none" in style
                or "display: none" in style
                or ident.search(get("id") or "")
                or cls.search(klass)
                or get("aria-hidden") == "true"
            ):
                found.append(el)
        return found

    return select


@lru_cache(maxsize=1)
def _selectors() -> tuple[list[Any], list[Any], list[Any]] | None:
    """(trafilatura's list, its own expressions, the Python selectors for them), or ``None``
    if it differs from the expressions this module was written for."""
    try:
        from trafilatura.xpaths import OVERALL_DISCARD_XPATH
    except ImportError:  # pragma: no cover - another trafilatura version
        return None
    if len(OVERALL_DISCARD_XPATH) != len(_SHAPES):
        return None
    selectors: list[Any] = []
    for expression, shape, build in zip(
        OVERALL_DISCARD_XPATH, _SHAPES, (_boilerplate, _hidden), strict=True
    ):
        text, patterns = _shape(str(getattr(expression, "path", "")))
        if text != shape or len(patterns) != 3:
            return None
        try:
            selectors.append(build(patterns))
        except re.error:  # pragma: no cover - a pattern Python reads differently
            return None
    return OVERALL_DISCARD_XPATH, list(OVERALL_DISCARD_XPATH), selectors


@contextmanager
def faster_discard() -> Iterator[None]:
    """Inside the block trafilatura selects boilerplate with the Python selectors (same
    elements, see the module doc); its XPath expressions are put back after."""
    found = _selectors()
    if found is None:
        yield
        return
    shared, own, selectors = found
    shared[:] = selectors
    try:
        yield
    finally:
        shared[:] = own  # trafilatura's own, whatever blocks overlapped (threads)
