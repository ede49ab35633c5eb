"""The lead (standfirst) of an article, when an extractor in precision mode left it out.

Publishers put the lead in a block of its own between the headline and the body: a
``<p>`` in the article's ``<header>``, a ``<div class="intro">``, an ``<h2>`` sub-headline in an
``<hgroup>`` with the ``<h1>``. Precision extractors drop headers and such blocks. Two kinds
of block between the page's first ``<h1>`` and the first paragraph of the body are put back
before the body (:func:`lead_before_body`):

* a *prose paragraph*: a ``<p>`` of at least 60 characters that ends like a sentence
  (``htmlnames.prose_shaped``);
* a *lead block*: an element whose class or id names a lead (``lead``, ``intro``,
  ``standfirst``, ``abstract``, ``excerpt``, ``subtitle``, ``description`` …, see
  :data:`_LEAD_WORDS`), or an ``<h2>``/``<p>`` in the ``<hgroup>`` of the ``<h1>``: at least
  :data:`_MIN_LEAD_CHARS` characters and :data:`_MIN_LEAD_WORDS` words, sentence end or not
  (sub-headlines often have none).

On a page with no ``<h1>`` before the body (none at all, or only in the footer), lead blocks
from the top of the page count, prose paragraphs do not (nothing tells where the article
starts). The body starts at the first ``<p>`` that is one of its paragraphs or begins like one
(:data:`_PREFIX_CHARS`: a ``<br>`` inside the ``<p>`` made two paragraphs of it).

Neither may be mostly link text, sit in a figure, list, navigation, form or aside, hold an
image (a lead *image*'s caption), sit in a block named as another part of the page (a caption,
a credit, the site's masthead, an author box …, :data:`_OTHER_WORDS`, looked for below the
point where it meets the body), or lie far from the body in the page: the block and the body's
first paragraph must meet within :data:`_MAX_LEVELS` levels above the body's container, or in
the deeper half of the page above it (a page's other parts meet the body only near the root).
Nothing is added when more than :data:`_MAX_LEAD_BLOCKS` blocks qualify (that is a part of the
page, not a lead), nor when the body's first paragraph is not found in the page.

On the tune half of trafilatura_eval (in-sample), with the sibling and named-block readers:
body F1 .950 → .956; held-out .930 → .932 (read once). Pages without a headline before the
body and ``<br>``-split first paragraphs: tune .957 → .958.
"""

from __future__ import annotations

from typing import Any

from fogofwar.readers.htmlnames import block_text, mostly_links, name_words, prose_shaped

__all__ = ["lead_before_body"]

_MIN_LEAD_CHARS = 30
_MIN_LEAD_WORDS = 5
_MAX_LEAD_BLOCKS = 3
_MAX_LEVELS = 4
# The body's container is found from its first paragraphs in the page.
_BODY_SAMPLE = 4
# A <p> beginning with this many characters of a body paragraph starts the body.
_PREFIX_CHARS = 40
_SKIP = frozenset(
    {"figcaption", "figure", "nav", "aside", "footer", "form", "button", "li", "a", "blockquote"}
)
_MEDIA = ("figure", "figcaption", "img", "picture", "video")
_LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "section", "span", "strong"})
# Words of a class or id naming a lead block, after splitting on non-letters and camelCase
# ("documentDescription", "c-article-head__subtitle", "field--name-field-abstract").
_LEAD_WORDS = frozenset(
    {
        "lead",
        "lede",
        "intro",
        "standfirst",
        "abstract",
        "excerpt",
        "summary",
        "subtitle",
        "subheadline",
        "subhead",
        "subline",
        "deck",
        "dek",
        "description",
        "teaser",
        "sapo",
        "bajada",
        "entradilla",
        "chapeau",
        "vorspann",
    }
)
# Words of a class or id of the block or a container naming another part of the page.
_OTHER_WORDS = frozenset(
    {
        "caption",
        "credit",
        "credits",
        "photo",
        "image",
        "img",
        "media",
        "gallery",
        "site",
        "logo",
        "brand",
        "masthead",
        "nav",
        "menu",
        "widget",
        "author",
        "byline",
        "related",
        "share",
        "promo",
        "newsletter",
        "comment",
        "comments",
    }
)


def _names_lead(el: Any) -> bool:
    """The element's class or id names a lead block."""
    return not _LEAD_WORDS.isdisjoint(name_words(el))


def _elsewhere(el: Any, first: Any) -> bool:
    """``el`` or a container of it that does not hold ``first`` (the body's first paragraph)
    is named as another part of the page (a caption, a credit, the site's masthead …)."""
    shared = set(first.iterancestors())  # lxml proxies: kept alive, so the same objects
    for a in (el, *el.iterancestors()):
        if a in shared:
            return False
        if not _OTHER_WORDS.isdisjoint(name_words(a)):
            return True
    return False


def _in_hgroup(el: Any, h1: Any) -> bool:
    parent = el.getparent()
    return (
        el.tag in ("h2", "p")
        and parent is not None
        and parent.tag == "hgroup"
        and (h1.getparent() is parent)
    )


def _depth(el: Any) -> int:
    return sum(1 for _ in el.iterancestors())


def _meet_depth(a: Any, b: Any) -> int:
    """Depth of the lowest common ancestor of ``a`` and ``b`` (-1 if none)."""
    ancestors = {x: _depth(x) for x in (a, *a.iterancestors())}
    for x in (b, *b.iterancestors()):
        if x in ancestors:
            return ancestors[x]
    return -1


def _candidate(el: Any, h1: Any, text: str | None = None) -> str | None:
    """The text of ``el`` (``text`` when known) if it can be a lead (see the module doc), else
    ``None``; without a headline (``h1`` is ``None``) only a lead block can."""
    if el.tag not in _LEAD_TAGS or any(a.tag in _SKIP for a in el.iterancestors()):
        return None
    text = block_text(el) if text is None else text
    if h1 is not None and el.tag == "p" and prose_shaped(text):
        return None if mostly_links(el, text) else text
    if not (_names_lead(el) or (h1 is not None and _in_hgroup(el, h1))):
        return None
    if next(el.iterdescendants(*_MEDIA), None) is not None:
        return None  # a lead image ("lead-asset"), its caption the text
    if len(text) < _MIN_LEAD_CHARS or len(text.split()) < _MIN_LEAD_WORDS:
        return None
    return None if mostly_links(el, text) else text


def _body_start(text: str, known: set[str], prefixes: set[str]) -> bool:
    """A ``<p>`` with ``text`` is where the body starts: it is one of the body's paragraphs,
    or begins like one (a ``<br>`` inside it made two paragraphs of it)."""
    return text in known or text[:_PREFIX_CHARS] in prefixes


def _scan(tree: Any, h1: Any, paragraphs: list[str]) -> tuple[Any | None, list[tuple[Any, str]]]:
    """The ``<p>`` where the body starts (``None`` when not reached) and the lead candidates
    before it: those after ``h1``, or, with ``h1`` ``None``, the lead blocks from the top."""
    known = set(paragraphs)
    prefixes = {p[:_PREFIX_CHARS] for p in paragraphs if len(p) >= _PREFIX_CHARS}
    whole = " ".join(" ".join(paragraphs).split())
    found: list[tuple[Any, str]] = []
    seen_h1 = h1 is None
    for el in tree.iter(*_LEAD_TAGS, "h1"):
        if not seen_h1:
            seen_h1 = el is h1
            continue
        own: str | None = None
        if el.tag == "p":
            own = block_text(el)
            if _body_start(own, known, prefixes):
                return el, found  # the body starts here
        elif not (_names_lead(el) or (h1 is not None and _in_hgroup(el, h1))):
            continue
        if any(a is t for a in el.iterancestors() for t, _ in found):
            continue  # inside a lead block already taken
        text = _candidate(el, h1, own)
        if text is None or text in whole or any(text in t for _, t in found):
            continue
        if any(p in text for p in known):
            continue  # a container of the body, not a lead
        found.append((el, text))
    return None, found


def lead_before_body(tree: Any, body: str) -> str:
    """``body`` (paragraphs separated by blank lines) with the lead the extractor left out put
    back before it (see the module doc); ``tree`` is not modified."""
    paragraphs = [p for p in body.split("\n\n") if p]
    if not paragraphs:
        return body
    h1 = next(tree.iter("h1"), None)
    first, found = _scan(tree, h1, paragraphs) if h1 is not None else (None, [])
    if first is None:  # no headline before the body: lead blocks from the top of the page
        first, found = _scan(tree, None, paragraphs)
    if first is None or not found:
        return body  # the extracted body was never reached: nothing is known to lie between
    container_depth = _body_depth(tree, set(paragraphs), first)
    lead = [
        t
        for el, t in found
        if _near(_meet_depth(el, first), container_depth) and not _elsewhere(el, first)
    ]
    if not lead or len(lead) > _MAX_LEAD_BLOCKS:
        return body
    return "\n\n".join([*lead, *paragraphs])


def _near(meet: int, container: int) -> bool:
    """A block meeting the body at depth ``meet`` is near its container (at ``container``)."""
    return meet >= container - _MAX_LEVELS or meet * 2 >= container


def _body_depth(tree: Any, known: set[str], first: Any) -> int:
    """Depth of the container of the body's paragraphs found in the page (their lowest common
    ancestor; the first paragraph's parent when it is the only one)."""
    depth = _depth(first) - 1
    matched = 0
    for p in tree.iter("p"):
        if p is not first and block_text(p) in known:
            depth = min(depth, _meet_depth(first, p))
            matched += 1
            if matched >= _BODY_SAMPLE:
                break
    return depth
