"""trafilatura's other element selectors evaluated in Python walks (see :mod:`.discard`).

Besides its boilerplate selector, each trafilatura pass runs a dozen XPath expressions of the
form ``.//*[self::div or …][tests on id / class]``: the raw-tree prunes, the comment-section
prunes, the teaser, precision and caption discards, and the five ``BODY_XPATH`` probes for the
article container. libxml2 evaluates them by building a node set of every descendant and
testing each against the predicates (with a call back into Python for every ``re:test``), a
few milliseconds a page in all. Here each one is a walk over the elements of the wanted tag
names only (lxml's tag filter, in C) with the same patterns compiled once.

The patterns are read from the installed trafilatura's expressions, and a callable is used only
when the rest of the expression is exactly the one it was written for (else trafilatura keeps
its XPath). Same semantics as XPath 1.0 / EXSLT: descendants of the context node, document
order, a missing attribute is the empty string, ``@id|@class`` is the first of the two in the
element's source order, ``.//*[…][1]`` is the first match among each parent's children,
``(…)[1]`` the first in the document, a union in document order.

The baseline's cleaning selector (``BASIC_CLEAN_XPATH``: asides, footers, scripts, cookie
banners; trafilatura measures the page's text with it before a recall retry, a few
milliseconds a page in libxml2) is one expression, not a list; it is swapped the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

__all__ = ["faster_paths", "first_attribute"]

_PATTERN = re.compile(r"re:test\((@[\w|@-]+), '([^']*)'(?:, '(\w*)')?\)")
_BLOCKS = ("div", "item", "list", "p", "section", "span")
_CONTAINERS = ("article", "div", "main", "section")

Selector = Callable[[Any], list[Any]]
Pattern = re.Pattern[str]


def _shape(path: str) -> tuple[str, list[Pattern]]:
    """The expression with its ``re:test`` patterns taken out (whitespace collapsed), and the
    patterns compiled (``'i'`` flag honoured)."""
    patterns = [
        re.compile(m.group(2), re.IGNORECASE if "i" in (m.group(3) or "") else 0)
        for m in _PATTERN.finditer(path)
    ]
    return " ".join(_PATTERN.sub(r"re:test(\1, _)", path).split()), patterns


def first_attribute(el: Any, names: tuple[str, str]) -> str:
    """XPath's string value of ``@a|@b``: the first of the two in source order, or ``""``."""
    for key in el.keys():  # noqa: SIM118 - iterating an element gives its children
        if key in names:
            return str(el.get(key))
    return ""


def _attrs(el: Any) -> tuple[str, str]:
    return el.get("id") or "", el.get("class") or ""


def _raw_prune(p: list[Pattern]) -> Selector:
    either_a, either_b, keep_a, keep_b = p

    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants("div", "section", "aside"):
            ident, klass = _attrs(el)
            if not (either_a.search(ident) or either_b.search(klass)):
                continue
            if (
                next(el.iterdescendants("h1"), None) is None
                or keep_a.search(ident)
                or keep_b.search(klass)
            ):
                found.append(el)
        return found

    return select


def _share_buttons(p: list[Pattern]) -> Selector:
    def select(tree: Any) -> list[Any]:
        return [
            el
            for el in tree.iterdescendants("div", "section", "aside")
            if "elementor-share-buttons" in (el.get("class") or "")
        ]

    return select


def _comments(p: list[Pattern]) -> Selector:
    ident_p, class_p = p

    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants("div", "list", "section", "details"):
            ident, klass = _attrs(el)
            if ident_p.search(ident) or class_p.search(klass):
                found.append(el)
        return found

    return select


def _comments_and_lists(p: list[Pattern]) -> Selector:
    ident_p, class_p, list_ident, list_class = p

    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
            ident, klass = _attrs(el)
            if not (ident_p.search(ident) or class_p.search(klass)):
                continue
            if el.tag not in ("ol", "ul") or list_ident.search(ident) or list_class.search(klass):
                found.append(el)
        return found

    return select


def _teaser(p: list[Pattern]) -> Selector:
    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants(*_BLOCKS):
            ident, klass = _attrs(el)
            if "teaser" in ident.replace("T", "t") or "teaser" in klass.replace("T", "t"):
                found.append(el)
        return found

    return select


def _headers(p: list[Pattern]) -> Selector:
    def select(tree: Any) -> list[Any]:
        return list(tree.iterdescendants("header"))

    return select


def _precision(p: list[Pattern]) -> Selector:
    bottom, link = p

    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants(*_BLOCKS):
            first = first_attribute(el, ("id", "class"))
            if bottom.search(first) or link.search(first) or "border" in (el.get("style") or ""):
                found.append(el)
        return found

    return select


def _captions(p: list[Pattern]) -> Selector:
    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants(*_BLOCKS):
            ident, klass = _attrs(el)
            if "caption" in ident or "caption" in klass:
                found.append(el)
        return found

    return select


def _first_child_matches(tree: Any, tags: tuple[str, ...], test: Callable[[Any], Any]) -> list[Any]:
    """``.//*[tags][test][1]``: every element that is its parent's first child passing both."""
    found = []
    parents: set[Any] = set()
    for el in tree.iterdescendants(*tags):
        if test(el):
            parent = el.getparent()
            if parent not in parents:
                parents.add(parent)
                found.append(el)
    return found


def _first_match(tree: Any, tags: tuple[str, ...], test: Callable[[Any], Any]) -> list[Any]:
    """``(.//*[tags][test])[1]``."""
    for el in tree.iterdescendants(*tags):
        if test(el):
            return [el]
    return []


def _body_article(p: list[Pattern]) -> Selector:
    ident_p, class_p = p

    def test(el: Any) -> bool:
        ident, klass = _attrs(el)
        return bool(
            klass in ("post", "entry")
            or el.get("itemprop") == "articleBody"
            or ident == "articleContent"
            or ident_p.search(ident)
            or class_p.search(klass)
        )

    return lambda tree: _first_child_matches(tree, _CONTAINERS, test)


def _body_first_article(p: list[Pattern]) -> Selector:
    def select(tree: Any) -> list[Any]:
        first = next(tree.iterdescendants("article"), None)
        return [] if first is None else [first]

    return select


def _body_story(p: list[Pattern]) -> Selector:
    ident_p, fulltext, class_p = p

    def test(el: Any) -> bool:
        ident, klass = _attrs(el)
        return bool(
            el.get("role") == "article"
            or ident in ("article", "story")
            or klass in ("postarea", "art-postcontent", "text", "cell", "story")
            or ident_p.search(ident)
            or fulltext.search(klass)
            or class_p.search(klass)
        )

    return lambda tree: _first_match(tree, _CONTAINERS, test)


def _body_content(p: list[Pattern]) -> Selector:
    ident_p, class_p = p

    def test(el: Any) -> bool:
        ident, klass = _attrs(el)
        return bool(
            ident == "content"
            or klass == "content"
            or ident_p.search(ident)
            or class_p.search(klass)
            or "main-content" in ident.replace("C", "c").replace("M", "m")
            or "main-content" in klass.replace("C", "c").replace("M", "m")
            or "page-content" in klass.replace("C", "c").replace("P", "p")
        )

    return lambda tree: _first_match(tree, _CONTAINERS, test)


def _body_main(p: list[Pattern]) -> Selector:
    def select(tree: Any) -> list[Any]:
        found: list[Any] = []
        have_block = have_main = False
        for el in tree.iterdescendants("article", "div", "section", "main"):
            if el.tag == "main":
                if not have_main:
                    have_main = True
                    found.append(el)
            elif not have_block and (
                (el.get("class") or "").startswith("main")
                or (el.get("id") or "").startswith("main")
                or (el.get("role") or "").startswith("main")
            ):
                have_block = True
                found.append(el)
            if have_block and have_main:
                break
        return found

    return select


_BASIC_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})


def _basic_clean(p: list[Pattern]) -> Selector:
    """``.//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|…|.//template|
    .//*[re:test(@class, A) or re:test(@id, B)]``: every element of the union, in document
    order, once."""
    by_class, by_id = p

    def select(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants():
            tag = el.tag
            if not isinstance(tag, str):
                continue  # comments and processing instructions are not elements
            if (
                tag in _BASIC_TAGS
                or (tag == "div" and "footer" in first_attribute(el, ("class", "id")))
                or by_class.search(el.get("class") or "")
                or by_id.search(el.get("id") or "")
            ):
                found.append(el)
        return found

    return select


# (module, name, shape, builder) of the single expressions swapped
_SINGLE: tuple[tuple[str, str, str, Callable[[list[Pattern]], Selector]], ...] = (
    (
        "trafilatura.baseline",
        "BASIC_CLEAN_XPATH",
        ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script"
        "|.//style|.//svg|.//template|.//*[re:test(@class, _) or re:test(@id, _)]",
        _basic_clean,
    ),
)


_M = "re:test(@id, _) or re:test(@class, _)"
_SELF_BLOCKS = "self::div or self::item or self::list or self::p or self::section or self::span"
_SELF_CONTAINERS = "self::article or self::div or self::main or self::section"
# list name -> the shape of each of its expressions and the builder of its selector
_KNOWN: dict[str, tuple[tuple[str, Callable[[list[Pattern]], Selector]], ...]] = {
    "RAW_TREE_PRUNE_XPATH": (
        (
            f".//*[self::div or self::section or self::aside][ {_M}][ not(.//h1) or {_M}]",
            _raw_prune,
        ),
        (
            ".//*[self::div or self::section or self::aside]"
            "[contains(@class, 'elementor-share-buttons')]",
            _share_buttons,
        ),
    ),
    "REMOVE_COMMENTS_XPATH": (
        (".//*[self::div or self::list or self::section or self::details][ " + _M + "]", _comments),
    ),
    "REMOVE_COMMENTS_AND_LISTS_XPATH": (
        (
            ".//*[self::div or self::list or self::section or self::details or self::ol or "
            f"self::ul][ {_M}][ not(self::ol or self::ul) or {_M}]",
            _comments_and_lists,
        ),
    ),
    "TEASER_DISCARD_XPATH": (
        (
            f".//*[{_SELF_BLOCKS}][ contains(translate(@id, 'T', 't'), 'teaser') or "
            "contains(translate(@class, 'T', 't'), 'teaser')]",
            _teaser,
        ),
    ),
    "PRECISION_DISCARD_XPATH": (
        (".//header", _headers),
        (
            f".//*[{_SELF_BLOCKS}][ re:test(@id|@class, _) or re:test(@id|@class, _) or "
            "contains(@style, 'border')]",
            _precision,
        ),
    ),
    "DISCARD_IMAGE_ELEMENTS": (
        (
            f".//*[{_SELF_BLOCKS}][ contains(@id, 'caption') or contains(@class, 'caption')]",
            _captions,
        ),
    ),
    "BODY_XPATH": (
        (
            f".//*[{_SELF_CONTAINERS}][ @class='post' or @class='entry' or "
            f"@itemprop='articleBody' or @id='articleContent' or {_M} ][1]",
            _body_article,
        ),
        ("(.//article)[1]", _body_first_article),
        (
            f"(.//*[{_SELF_CONTAINERS}][ @role='article' or @id='article' or @id='story' or "
            "@class='postarea' or @class='art-postcontent' or @class='text' or @class='cell' or "
            "@class='story' or re:test(@id, _) or re:test(@class, _) or re:test(@class, _) ])[1]",
            _body_story,
        ),
        (
            f"(.//*[{_SELF_CONTAINERS}][ @id='content' or @class='content' or {_M} or "
            "contains(translate(@id, 'CM','cm'), 'main-content') or "
            "contains(translate(@class, 'CM','cm'), 'main-content') or "
            "contains(translate(@class, 'CP','cp'), 'page-content') ])[1]",
            _body_content,
        ),
        (
            "(.//*[self::article or self::div or self::section][ starts-with(@class, 'main') or "
            "starts-with(@id, 'main') or starts-with(@role, 'main')])[1]|(.//main)[1]",
            _body_main,
        ),
    ),
}


def _replacements(shared: list[Any], known: tuple[Any, ...]) -> list[Any] | None:
    if len(shared) != len(known):
        return None
    selectors: list[Any] = []
    for expression, (shape, build) in zip(shared, known, strict=True):
        text, patterns = _shape(str(getattr(expression, "path", "")))
        if text != shape or any(p.search("") for p in patterns):
            return None  # another expression, or a pattern that matches a missing attribute
        selectors.append(build(patterns))
    return selectors


@lru_cache(maxsize=1)
def _swaps() -> tuple[tuple[list[Any], list[Any], list[Any]], ...]:
    """(trafilatura's list, its own expressions, the Python selectors) for each list whose
    expressions are the known ones."""
    try:
        from trafilatura import xpaths
    except ImportError:  # pragma: no cover - trafilatura missing
        return ()
    swaps = []
    for name, known in _KNOWN.items():
        shared = getattr(xpaths, name, None)
        if not isinstance(shared, list):
            continue  # pragma: no cover - another trafilatura version
        try:
            selectors = _replacements(shared, known)
        except re.error:  # pragma: no cover - a pattern Python reads differently
            selectors = None
        if selectors is not None:
            swaps.append((shared, list(shared), selectors))
    return tuple(swaps)


@lru_cache(maxsize=1)
def _single_swaps() -> tuple[tuple[Any, str, Any, Selector], ...]:
    """(module, name, its own expression, the Python selector) for each single expression
    that is the known one."""
    import importlib

    swaps = []
    for module_name, name, shape, build in _SINGLE:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # pragma: no cover - another trafilatura version
            continue
        own = getattr(module, name, None)
        text, patterns = _shape(str(getattr(own, "path", "")))
        if text != shape or any(p.search("") for p in patterns):
            continue  # pragma: no cover - another expression: trafilatura keeps its own
        swaps.append((module, name, own, build(patterns)))
    return tuple(swaps)


@contextmanager
def faster_paths() -> Iterator[None]:
    """Inside the block trafilatura uses the Python selectors (same elements, see the module
    doc) for the expressions that are the known ones; its own are put back after."""
    swaps = _swaps()
    singles = _single_swaps()
    for shared, _, selectors in swaps:
        shared[:] = selectors
    for module, name, _, selector in singles:
        setattr(module, name, selector)
    try:
        yield
    finally:
        for shared, own, _ in swaps:
            shared[:] = own
        for module, name, own_expression, _ in singles:
            setattr(module, name, own_expression)
