"""Paragraphs of the body that sit in a block named as another part of the page.

Publishers put newsletter boxes, author biographies, advertising disclosures, photo credits and
"next story" teasers inside the article container, where an extractor keeps them. Their class
or id says what they are. :func:`drop_named_blocks` finds, for each paragraph of the body,
the innermost text elements (``<p>``, ``<li>``, headings, captions …) with exactly its text,
and drops the paragraph when every one of them sits in a named block: the element or one of its
:data:`_LEVELS` nearest containers, below the container of the whole body, has a class or id
with one of :data:`_OTHER_WORDS` (after splitting on non-letters and camelCase:
``newsletter-promo``, ``disclosure-text``, ``nextstory``), or "author" with one of
:data:`_ABOUT_WORDS` (``author-box``, ``about-author``), or is a link (a block inside an
``<a>`` is the teaser card of another page). Only near containers count: a box
wraps its text closely, while a word far up ("paywall-container" on the whole article) says
nothing of one paragraph. Embedded posts (tweets) are quoted material and stay.
"""

from __future__ import annotations

from typing import Any

from fogofwar.readers.htmlnames import block_text, common_ancestor, name_words

__all__ = ["drop_named_blocks"]

_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "dd")
_OTHER_WORDS = frozenset(
    {
        "promo",
        "newsletter",
        "disclosure",
        "biography",
        "bio",
        "authorbox",
        "credit",
        "credits",
        "nextstory",
        "linkbox",
        "linklist",
        "donation",
        "donate",
        "paywall",
        "subscribe",
        "subscription",
        "sharer",
        "sponsor",
        "sponsored",
        "related",
        "recommended",
        "recirculation",
        "outbrain",
        "taboola",
        "trending",
        "popular",
        "advert",
        "advertisement",
        "signup",
        "optin",
        "cta",
    }
)
# With "author": a box about the author ("author-box", "about-author", "author__description").
_ABOUT_WORDS = frozenset({"box", "about", "description", "desc", "info", "details", "profile"})
_MIN_MATCHED = 2
_PREFIX = 12
# A named block wraps its text closely: only this many containers up are looked at.
_LEVELS = 3


def _named(el: Any, container: Any) -> bool:
    """``el`` or one of its nearest containers, below ``container``, is a named block."""
    for level, a in enumerate((el, *el.iterancestors())):
        if a is container or level > _LEVELS:
            return False
        if a.tag == "a" and a is not el:
            return True  # a block inside a link: a teaser card of another page
        words = name_words(a)
        if not _OTHER_WORDS.isdisjoint(words) or (
            "author" in words and not _ABOUT_WORDS.isdisjoint(words)
        ):
            return True
    return False


def _innermost(elements: list[Any]) -> list[Any]:
    """The elements none of the others sits in (a wrapper with the same text is left out)."""
    outer: set[Any] = set()
    for el in elements:
        outer.update(el.iterancestors())
    return [el for el in elements if el not in outer]


def _first_text(el: Any) -> str:
    """The first text of ``el`` (its own, else that of its first child, a few levels down:
    ``<li><a>Menu item</a></li>``), whitespace collapsed; what its whole text starts with when
    :data:`_PREFIX` characters long or more."""
    for _ in range(4):
        own = " ".join((el.text or "").split())
        if own or not len(el) or not isinstance(el[0].tag, str):
            return own  # "" (undecided) before a comment or processing instruction
        el = el[0]
    return ""


def drop_named_blocks(tree: Any, body: str) -> str:
    """``body`` without the paragraphs that sit in named boilerplate blocks (see the module
    doc); ``tree`` is not modified."""
    paragraphs = [p for p in body.split("\n\n") if p]
    known = set(paragraphs)
    where: dict[str, list[Any]] = {}
    starts = {p[:_PREFIX] for p in paragraphs}
    for el in tree.iter(*_BLOCKS):
        own = _first_text(el)
        if len(own) >= _PREFIX and own[:_PREFIX] not in starts:
            continue  # its text starts otherwise than every paragraph (a cheap first test)
        text = block_text(el)
        if text in known:
            where.setdefault(text, []).append(el)
    if len(where) < _MIN_MATCHED:
        return body
    container = common_ancestor([els[0] for els in where.values()])
    if container is None:
        return body
    drop = {t for t, els in where.items() if all(_named(el, container) for el in _innermost(els))}
    if not drop:
        return body
    return "\n\n".join(p for p in paragraphs if p not in drop)
