"""Title, author, URL and section of an HTML page: trafilatura's metadata rules, faster.

trafilatura finds the title, the author and the categories of a page with XPath expressions
that test attributes against regular expressions (EXSLT ``re:test``). libxml2 calls back into
Python for every element such a test meets, so those three lookups cost about as much as the
rest of the metadata together (the author lookup also copies the whole page first). The
expressions here are the same ones written in plain XPath 1.0: every pattern in them is a set of
literal alternatives, some anchored at the start, so ``re:test(@class, '^(?:meta|post-?info)')``
is ``starts-with(@class, 'meta') or starts-with(@class, 'post-info') or starts-with(@class,
'postinfo')`` and ``re:test(@id, 'author|bianji')`` is ``contains(@id, 'author') or
contains(@id, 'bianji')``: the same elements, found without leaving C.

The author lookup keeps trafilatura's order and rules (expressions tried in turn, the first
element whose text is 3–119 characters long) but reads the page in place: elements of the
discarded kinds (comments, sidebars, dates, figures …) are skipped, and left out of a
candidate's text, instead of being cut from a copy of the page.

Everything else (meta tags, JSON-LD, the ``<title>`` element, the canonical URL, name
normalisation) is trafilatura's own code.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura import metadata as tmeta
from trafilatura.baseline import block_text
from trafilatura.json_metadata import normalize_authors
from trafilatura.settings import Document
from trafilatura.utils import line_processing, trim

__all__ = ["page_metadata"]


def _any(function: str, attribute: str, *values: str) -> str:
    return " or ".join(f"{function}(@{attribute}, '{v}')" for v in values)


# trafilatura.xpaths.AUTHOR_XPATHS, tested in Python on one walk through the page
_AUTHOR_TAGS = (
    frozenset({"a", "address", "div", "link", "p", "span", "strong"}),
    frozenset({"a", "div", "h3", "h4", "p", "span"}),
)
_AUTHOR_CLASS_1 = re.compile("author-?name|AuthorName|authorName")
_AUTHOR_CLASSES_2 = frozenset({"byline", "username", "byl", "BBL"})
_AUTHOR_ID_2 = re.compile("author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS_2 = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_AUTHOR_ID_3 = re.compile("[Aa]uthor")
_AUTHOR_CLASS_3 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    "|article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
# trafilatura.xpaths.CATEGORIES_XPATHS: the containers of category links, in order
_CATEGORY_DIV_CLASS = (
    "post-info", "postinfo", "post-meta", "postmeta", "meta", "entry-meta", "entry-info",
    "entry-utility",
)  # fmt: skip
_CATEGORY_ITEM_CLASSES = frozenset({"post-category", "postcategory", "entry-category"})
_CATEGORY_HREF = re.compile("/categor(?:y|ies|s)?/")


def _category_kind(tag: str, cls: str, ident: str) -> int | None:
    """Which of trafilatura's category expressions (0-5) an element is a container for."""
    if tag == "div":
        if cls.startswith(_CATEGORY_DIV_CLASS) or ident.startswith("postpath"):
            return 0
        return 5 if cls in ("row", "tags") else None
    if tag == "p":
        if cls.startswith(("postmeta", "entry-categories")) or cls == "postinfo":
            return 1
        return 1 if ident == "filedunder" else None
    if tag == "footer":
        return 2 if cls.startswith(("entry-meta", "entry-footer")) else None
    if tag in ("li", "span"):
        return 3 if cls in _CATEGORY_ITEM_CLASSES or "cat-links" in cls else None
    if tag == "header":
        return 4 if cls == "entry-header" else None
    return None


def _author_kind(tag: str, el: HtmlElement, cls: str, ident: str) -> int | None:
    """Which of trafilatura's author expressions (0-2) an element matches first."""
    itemprop = el.get("itemprop") or ""
    if tag == "author" or (
        tag in _AUTHOR_TAGS[0]
        and (
            ident == "author"
            or cls == "author"
            or el.get("rel") == "author"
            or itemprop == "author name"
            or el.get("data-testid") in ("AuthorCard", "AuthorURL")
            or _AUTHOR_CLASS_1.search(cls) is not None
        )
    ):
        return 0
    if "author" in itemprop:
        return 1 if tag in _AUTHOR_TAGS[1] else 2
    if tag in _AUTHOR_TAGS[1] and (
        cls in _AUTHOR_CLASSES_2
        or _AUTHOR_ID_2.search(ident) is not None
        or _AUTHOR_CLASS_2.search(cls) is not None
    ):
        return 1
    if (
        _AUTHOR_ID_3.search(ident) is not None
        or _AUTHOR_CLASS_3.search(cls) is not None
        or "Byline" in (el.get("data-component") or "")
    ):
        return 2
    return None


def _discarded(tag: str, el: HtmlElement, cls: str, ident: str) -> bool:
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS:
        return False
    return (
        ident == "comments"
        or cls in ("comments", "title", "date")
        or _DISCARD_ID.search(ident) is not None
        or _DISCARD_CLASS.search(cls) is not None
        or "Figure" in (el.get("data-component") or "")
    )


@dataclass(slots=True)
class _Scan:
    """What one walk through the page finds for the author and category rules."""

    authors: tuple[list[HtmlElement], list[HtmlElement], list[HtmlElement]]
    skipped: set[HtmlElement]
    category_boxes: dict[int, list[HtmlElement]]


# A class or id none of the rules above can match contains none of these (each rule's
# literal, or a part of it: "uthor" for author/Author/AuthorName, "omment" for the comment
# blocks, "entry-" for the entry-* boxes …); nor can an element without any of
# _OTHER_ATTRIBUTES, unless its tag is one of _TAGS_THAT_COUNT.
_CLASS_HINT = re.compile(
    "uthor|byl|BBL|username|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by"
    "|journalist-name|screenname|writer|yline|omment|sidebar|is-hidden|quote"
    "|embedly-instagram|article-s|print|category|meta|title|date|post-?info|entry-|row|tags"
    "|post-?category|cat-links"
)
_ID_HINT = re.compile("uthor|zuozhe|bianji|xiaobian|omment|ProductReviews|postpath|filedunder")
_OTHER_ATTRIBUTES = frozenset({"rel", "itemprop", "data-testid", "data-component"})
_TAGS_THAT_COUNT = frozenset({"author", "time", "figure"})


def _scan(tree: HtmlElement) -> _Scan:
    scan = _Scan(([], [], []), set(), {})
    for el in tree.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        keys = el.keys()
        if not keys:  # no attributes: only the tag can count
            if tag == "author":
                scan.authors[0].append(el)
            elif tag in ("time", "figure"):
                scan.skipped.add(el)
            continue
        cls = el.get("class") or ""
        ident = el.get("id") or ""
        if (
            tag not in _TAGS_THAT_COUNT
            and _OTHER_ATTRIBUTES.isdisjoint(keys)
            and _CLASS_HINT.search(cls) is None
            and _ID_HINT.search(ident) is None
        ):
            continue  # no rule can match (see _CLASS_HINT)
        kind = _author_kind(tag, el, cls, ident)
        if kind is not None:
            scan.authors[kind].append(el)
        if _discarded(tag, el, cls, ident):
            scan.skipped.add(el)
        box = _category_kind(tag, cls, ident)
        if box is not None:
            scan.category_boxes.setdefault(box, []).append(el)
    return scan


# trafilatura.xpaths.TITLE_XPATHS
_TITLE_XPATHS = (
    XPath(
        "//*[self::h1 or self::h2]["
        + _any("contains", "class", "post-title", "entry-title", "article-title", "post__title")
        + " or contains(@class, 'headline') or contains(@id, 'headline') "
        "or contains(@itemprop, 'headline')]"
    ),
    XPath("//*[@class='entry-title' or @class='post-title']"),
    XPath(
        "//*[self::h1 or self::h2 or self::h3][contains(@class, 'title') or contains(@id, 'title')]"
    ),
)
_CATEGORY_META = XPath(
    './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
)


def _first_text(tree: HtmlElement, expressions: tuple[XPath, ...], limit: int) -> str | None:
    """trafilatura's ``extract_metainfo``: the first element's text of 3 to ``limit - 1``
    characters, expression by expression."""
    for expression in expressions:
        for elem in expression(tree):
            content = trim(" ".join(elem.itertext()))
            if content and 2 < len(content) < limit:
                return content
    return None


def _text_without(elem: HtmlElement, skipped: set[HtmlElement]) -> str:
    """``" ".join(elem.itertext())`` after the ``skipped`` elements inside it were cut as
    trafilatura cuts them: each one's tail joins the text before it (no space between)."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        current = node.text or ""
        for child in node:
            if child in skipped:
                current += child.tail or ""
                continue
            if current:
                parts.append(current)
            if isinstance(child.tag, str):  # a comment's text is no text (as in itertext)
                walk(child)
            current = child.tail or ""
        if current:
            parts.append(current)

    walk(elem)
    return " ".join(parts)


def _author(tree: HtmlElement, scan: _Scan) -> str | None:
    """trafilatura's ``extract_author`` without copying and pruning the page (module doc)."""
    skipped = scan.skipped
    for candidates in scan.authors:
        for elem in candidates:
            if elem in skipped or any(a in skipped for a in elem.iterancestors()):
                continue
            if skipped and any(d in skipped for d in elem.iterdescendants()):
                content = trim(_text_without(elem, skipped))
            else:
                content = trim(" ".join(elem.itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _title(tree: HtmlElement) -> str | None:
    """trafilatura's ``extract_title`` with :data:`_TITLE_XPATHS`."""
    h1_results = tree.findall(".//h1")
    if len(h1_results) == 1 and (title := block_text(h1_results[0])):
        return title
    if title := _first_text(tree, _TITLE_XPATHS, 200) or "":
        return title
    title, first, second = tmeta.examine_title_element(tree)
    for t in (first, second, title):
        if t and "." not in t:
            return t
    for h1_result in h1_results:
        if title := block_text(h1_result):
            return title
    h2_results = tree.xpath(".//h2")
    if h2_results:
        title = block_text(h2_results[0])
    return title or None


def _categories(tree: HtmlElement, scan: _Scan) -> list[str]:
    """trafilatura's ``extract_catstags("category", …)``: the category links in the first
    kind of container that has any, else ``article:section``."""
    results: list[str] = []
    for kind in sorted(scan.category_boxes):
        links = dict.fromkeys(
            a
            for box in scan.category_boxes[kind]
            for a in box.iter("a")
            if a.get("href") is not None
        )
        results.extend(block_text(a) for a in links if _CATEGORY_HREF.search(a.get("href", "")))
        if results:
            break
    if not results:
        results.extend(str(element.attrib["content"]) for element in _CATEGORY_META(tree))
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, Any]:
    """Title, author, URL, site name and categories (trafilatura's field names), no date."""
    meta: Document = tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with suppress(Exception):  # trafilatura's JSON-LD reader has known crash bugs
        meta = tmeta.extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = _title(tree)
    scan = _scan(tree) if not meta.author or not meta.categories else None
    if not meta.author and scan is not None:
        meta.author = _author(tree, scan)
    if not meta.url:
        meta.url = tmeta.extract_url(tree, url)
    if not meta.sitename:
        meta.sitename = tmeta.extract_sitename(tree)
    if not meta.categories and scan is not None:
        meta.categories = _categories(tree, scan)
    meta.clean_and_trim()
    return dict(meta.as_dict())
