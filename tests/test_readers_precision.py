"""trafilatura's precision pass as :mod:`fogofwar.readers.precision` runs it gives the text
``bare_extraction`` gives (it only skips copies and set-up)."""

from __future__ import annotations

import logging
from pathlib import Path

import lxml.html
import pytest
from trafilatura import bare_extraction

from fogofwar.evaluation.ingest_eval import iter_pages
from fogofwar.readers.decoding import decode_html
from fogofwar.readers.htmlbody import main_text
from fogofwar.readers.htmlpage import _raw_tree, _without_comments
from fogofwar.readers.precision import precision_text

_PARAS = "".join(
    f"<p>Paragraph {n}: officials said the strike hit the port overnight and rescue teams "
    "worked through the morning.</p>"
    for n in range(6)
)
_PAGES = (
    f"<html><body><article><h1>Title</h1>{_PARAS}</article>"
    "<div class='comments'><p>A reader's comment, long enough to count as text.</p></div>"
    "</body></html>",
    f"<html><body><nav><ul><li>Home</li><li>World</li></ul></nav><main>{_PARAS}</main>"
    "<aside class='related'><a href='/x'>Related story</a></aside></body></html>",
    "<html><body><p>Too short.</p></body></html>",
    '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}'
    f"</script></head><body><div class='post'>{_PARAS}</div></body></html>",
)


def _bare(tree: lxml.html.HtmlElement) -> str:
    doc = bare_extraction(
        tree, fast=True, favor_precision=True, include_comments=False, with_metadata=False
    )
    return str((doc.text if doc is not None else "") or "")


@pytest.mark.parametrize("html", _PAGES)
def test_same_text_as_bare_extraction(html: str) -> None:
    tree = lxml.html.fromstring(html)
    before = lxml.html.tostring(tree)
    assert precision_text(tree) == _bare(tree)
    assert lxml.html.tostring(tree) == before  # the page is not modified


@pytest.mark.shared
def test_same_text_on_evaluation_pages(shared_dir: Path) -> None:
    logging.disable(logging.WARNING)
    try:
        for page in iter_pages(shared_dir, "trafilatura_eval", limit=40):
            raw = _raw_tree(decode_html(page.html(), source=page.path.name))
            assert raw is not None
            tree = _without_comments(raw)
            assert precision_text(tree) == _bare(tree), page.path.name
    finally:
        logging.disable(logging.NOTSET)


@pytest.mark.parametrize("html", _PAGES)
def test_consuming_the_tree_gives_the_same_text(html: str) -> None:
    kept = lxml.html.fromstring(html)
    consumed = lxml.html.fromstring(html)
    assert precision_text(consumed, consume=True) == precision_text(kept)


@pytest.mark.shared
def test_main_text_with_the_original_page_is_the_same(shared_dir: Path) -> None:
    """The body read with the comment-free copy consumed (and the page as parsed kept for the
    sibling, lead and fallback readers) is the body read from an untouched copy."""
    logging.disable(logging.WARNING)
    try:
        for page in iter_pages(shared_dir, "trafilatura_eval", limit=40):
            raw = _raw_tree(decode_html(page.html(), source=page.path.name))
            assert raw is not None
            expected = main_text(_without_comments(raw))
            assert main_text(_without_comments(raw), original=raw) == expected, page.path.name
    finally:
        logging.disable(logging.NOTSET)
