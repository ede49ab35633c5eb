"""The main text and metadata of an HTML page, with trafilatura.

Body: precision first (trafilatura's precision focus, no external fallback: fast, and it keeps
related-article lists and promos out), falling back to the balanced cascade (readability and
jusText comparison) when that returns too little, then to recall mode and trafilatura's
baseline for pages with almost no recognisable article markup. Parts of the article in
sibling containers of the same kind are joined (:mod:`fogofwar.readers.htmljoin`), then
boilerplate lines are trimmed (:mod:`fogofwar.readers.boilerplate`).

Metadata: trafilatura's own readers (meta tags, JSON-LD, title, author, URL, site name,
categories) without its date step: the date comes from :mod:`fogofwar.readers.htmldates`, so
htmldate runs once per page.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura import metadata as tmeta
from trafilatura.baseline import baseline
from trafilatura.settings import Document

from fogofwar.readers.boilerplate import trim_boilerplate
from fogofwar.readers.htmljoin import join_sibling_parts, lead_before_body

__all__ = ["main_text", "page_metadata", "split_paragraphs"]

# Below this many characters the precision pass is taken as having missed the article.
_PRECISION_MIN_CHARS = 1000
# Below this many characters the balanced pass is taken as having missed it too.
_BALANCED_MIN_CHARS = 100


def split_paragraphs(text: str) -> str:
    """Collapse whitespace inside lines and separate non-empty lines by a blank line."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _extract(
    tree: HtmlElement,
    url: str | None,
    *,
    precision: bool = False,
    recall: bool = False,
    fast: bool = False,
) -> str:
    doc = bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=precision,
        favor_recall=recall,
        include_comments=False,
        with_metadata=False,
    )
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else doc.text
    return split_paragraphs(str(text or ""))


def main_text(tree: HtmlElement, url: str | None = None) -> str:
    """The article text of the page (paragraphs separated by blank lines), or ``""``.

    ``tree`` is trafilatura's parse of the page (:func:`trafilatura.utils.load_html`); it is
    not modified.
    """
    body = _extract(tree, url, precision=True, fast=True)
    if len(body) < _PRECISION_MIN_CHARS:
        balanced = _extract(tree, url)
        if len(balanced) >= _BALANCED_MIN_CHARS:
            body = balanced
        else:
            recall = _extract(tree, url, recall=True)
            body = max(body, balanced, recall, key=len)
    if not body:
        _, text, _ = baseline(tree)
        body = split_paragraphs(text)
    return trim_boilerplate(lead_before_body(tree, join_sibling_parts(tree, body)))


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, Any]:
    """Title, author, URL, site name and categories (trafilatura's field names), no date."""
    meta: Document = tmeta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with suppress(Exception):  # trafilatura's JSON-LD reader has known crash bugs
        meta = tmeta.extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = tmeta.extract_title(tree)
    if not meta.author:
        meta.author = tmeta.extract_author(tree)
    if not meta.url:
        meta.url = tmeta.extract_url(tree, url)
    if not meta.sitename:
        meta.sitename = tmeta.extract_sitename(tree)
    if not meta.categories:
        meta.categories = tmeta.extract_catstags("category", tree)
    meta.clean_and_trim()
    return dict(meta.as_dict())
