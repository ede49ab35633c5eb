"""trafilatura's boilerplate selector evaluated in Python (:mod:`fogofwar.readers.discard`)
selects exactly the elements its XPath expressions select."""

from __future__ import annotations

import logging
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

from fogofwar.evaluation.ingest_eval import iter_pages
from fogofwar.readers.decoding import decode_html
from fogofwar.readers.discard import _selectors, faster_discard
from fogofwar.readers.htmlpage import _raw_tree, _without_comments

_TAGS = ("div", "span", "p", "section", "article", "li", "item", "list", "a")
_VALUES = (
    "share-bar", "social", "nav", "Navigation", "menu", "cookie-box", "footer", "ad-slot",
    "main ad x", "article-body", "content", "reply-1", "hidden", "display:none", "color: red",
    "comments-title", "byline", "shariff", "widget", "",
)  # fmt: skip
_ATTRS = ("id", "class", "style", "role", "aria-hidden", "data-component")


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    names = draw(st.lists(st.sampled_from(_ATTRS), max_size=3, unique=True))
    attrs = "".join(f' {n}="{draw(st.sampled_from(_VALUES))}"' for n in names)
    if draw(st.integers(0, 19)) == 0:
        attrs += " data-lp-replacement-content"
    children = ""
    if depth < 3:
        children = "".join(draw(_element(depth + 1)) for _ in range(draw(st.integers(0, 3))))
    return f"<{tag}{attrs}>text{children}</{tag}>"


def _same(tree: lxml.html.HtmlElement) -> None:
    found = _selectors()
    assert found is not None, "the installed trafilatura's expressions are not the known ones"
    _, _, selectors = found
    for expression, select in zip(OVERALL_DISCARD_XPATH, selectors, strict=True):
        assert select(tree) == expression(tree)


@settings(max_examples=200, deadline=None)
@given(st.lists(_element(), min_size=1, max_size=4))
def test_same_elements_as_the_xpath(elements: list[str]) -> None:
    _same(lxml.html.fromstring(f"<html><body>{''.join(elements)}</body></html>"))


def test_id_or_class_is_the_first_attribute_in_the_source() -> None:
    html = "<html><body><div class='cookie' id='x'>a</div><div id='x' class='cookie'>b</div>"
    _same(lxml.html.fromstring(html + "</body></html>"))


def test_the_xpath_is_back_after_the_block() -> None:
    before = list(OVERALL_DISCARD_XPATH)
    with faster_discard():
        assert before != OVERALL_DISCARD_XPATH
        with faster_discard():
            pass
    assert before == OVERALL_DISCARD_XPATH


@pytest.mark.shared
def test_same_elements_on_evaluation_pages(shared_dir: Path) -> None:
    logging.disable(logging.WARNING)
    try:
        for page in iter_pages(shared_dir, "trafilatura_eval", limit=60):
            raw = _raw_tree(decode_html(page.html(), source=page.path.name))
            assert raw is not None
            _same(_without_comments(raw))
    finally:
        logging.disable(logging.NOTSET)
