"""The main text of an HTML page, with trafilatura.

Body: precision first (trafilatura's precision focus, no external fallback: fast, and it keeps
related-article lists and promos out; :mod:`fogofwar.readers.precision`), falling back to the
balanced cascade (readability and jusText comparison) when that returns too little, then to
recall mode and trafilatura's baseline for pages with almost no recognisable article markup.
Parts of the article in sibling containers of the same kind are joined
(:mod:`fogofwar.readers.htmljoin`), then boilerplate lines are trimmed
(:mod:`fogofwar.readers.boilerplate`). trafilatura selects boilerplate with
:mod:`fogofwar.readers.discard` meanwhile, and its other selectors with
:mod:`fogofwar.readers.fastpaths` (the same elements, faster).
"""

from __future__ import annotations

import copy

import lxml.etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.baseline import baseline

from fogofwar.readers.boilerplate import trim_boilerplate
from fogofwar.readers.discard import faster_discard
from fogofwar.readers.fastpaths import faster_paths
from fogofwar.readers.htmljoin import join_sibling_parts
from fogofwar.readers.htmllead import lead_before_body
from fogofwar.readers.htmlprune import drop_named_blocks
from fogofwar.readers.precision import extraction_options, justext_stopwords, precision_text

__all__ = ["comment_free_copy", "main_text", "split_paragraphs"]

# Below this many characters the precision pass is taken as having missed the article.
_PRECISION_MIN_CHARS = 1000
# Below this many characters the balanced pass is taken as having missed it too.
_BALANCED_MIN_CHARS = 100


def split_paragraphs(text: str) -> str:
    """Collapse whitespace inside lines and separate non-empty lines by a blank line."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _extract(tree: HtmlElement, url: str | None, *, recall: bool = False) -> str:
    """trafilatura's balanced (or recall) cascade, without comments."""
    with justext_stopwords():
        doc = bare_extraction(tree, options=extraction_options(url, recall=recall))
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else doc.text
    return split_paragraphs(str(text or ""))


def comment_free_copy(page: HtmlElement) -> HtmlElement:
    """A copy of ``page`` without HTML comments: the tree trafilatura's loader would parse."""
    tree = copy.deepcopy(page)
    lxml.etree.strip_elements(tree, lxml.etree.Comment, with_tail=False)
    return tree


def main_text(
    tree: HtmlElement, url: str | None = None, *, original: HtmlElement | None = None
) -> str:
    """The article text of the page (paragraphs separated by blank lines), or ``""``.

    ``tree`` is the page without comments (:func:`comment_free_copy`, what trafilatura's
    loader parses); it is not modified. With ``original`` (the page as parsed, comments
    included, not modified either) ``tree`` is consumed instead: the precision pass prunes it
    in place, and a copy is made from ``original`` only for a fallback pass. The sibling and
    lead readers (:mod:`fogofwar.readers.htmljoin`) read text, which comments are not part of.
    """
    page = tree if original is None else original
    with faster_discard(), faster_paths():
        body = split_paragraphs(precision_text(tree, url, consume=original is not None))
        if len(body) < _PRECISION_MIN_CHARS:
            fresh = tree if original is None else comment_free_copy(original)
            balanced = _extract(fresh, url)
            if len(balanced) >= _BALANCED_MIN_CHARS:
                body = balanced
            else:
                recall = _extract(fresh, url, recall=True)
                body = max(body, balanced, recall, key=len)
            if not body:
                _, text, _ = baseline(fresh)
                body = split_paragraphs(text)
    body = lead_before_body(page, join_sibling_parts(page, body))
    return trim_boilerplate(drop_named_blocks(page, body))
