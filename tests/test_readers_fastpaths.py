"""trafilatura's selectors evaluated in Python (:mod:`fogofwar.readers.fastpaths`) select
exactly the elements its XPath expressions select, and the jusText stop words handed to
trafilatura (:func:`fogofwar.readers.precision.justext_stopwords`) are its own."""

from __future__ import annotations

import logging
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura import xpaths

from fogofwar.errors import InputError
from fogofwar.evaluation.ingest_eval import iter_pages
from fogofwar.readers.decoding import decode_html
from fogofwar.readers.fastpaths import _KNOWN, _SINGLE, _single_swaps, _swaps, faster_paths
from fogofwar.readers.htmlpage import _raw_tree, _without_comments
from fogofwar.readers.precision import justext_stopwords

_TAGS = (
    "div", "span", "p", "section", "article", "main", "aside", "details", "ol", "ul", "li",
    "list", "item", "header", "h1", "a", "footer", "script", "svg", "template",
)  # fmt: skip
_VALUES = (
    "comment-list", "Comments", "commentary", "comol", "disqus_thread", "post-comments",
    "infinite-scroll", "mvp-post-add-box", "elementor-share-buttons", "Teaser", "bottom-bar",
    "link", "permalink", "border: 1px", "caption", "post", "entry", "articleBody",
    "article-body", "story", "FullText", "^article x", "article x", "content", "Main-Content",
    "Page-Content", "main", "mainbar", "article", "text", "", "site-footer", "Cookie_Banner",
    "onetrust-banner", "notice--cookie",
)  # fmt: skip
_ATTRS = ("id", "class", "style", "role", "itemprop")


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    names = draw(st.lists(st.sampled_from(_ATTRS), max_size=3, unique=True))
    attrs = "".join(f' {n}="{draw(st.sampled_from(_VALUES))}"' for n in names)
    children = ""
    if depth < 3:
        children = "".join(draw(_element(depth + 1)) for _ in range(draw(st.integers(0, 3))))
    return f"<{tag}{attrs}>text{children}</{tag}>"


def _same(tree: lxml.html.HtmlElement) -> None:
    for _, own, selectors in _swaps():
        for expression, select in zip(own, selectors, strict=True):
            assert select(tree) == expression(tree), expression.path
    for _, _, expression, select in _single_swaps():
        assert select(tree) == expression(tree), expression.path


def test_every_known_list_is_replaced() -> None:
    assert {id(shared) for shared, _, _ in _swaps()} == {
        id(getattr(xpaths, name)) for name in _KNOWN
    }, "the installed trafilatura's expressions are not the known ones"
    assert [name for _, name, _, _ in _single_swaps()] == [name for _, name, _, _ in _SINGLE]


def test_the_baseline_cleaning_is_swapped_and_put_back() -> None:
    import importlib

    module = importlib.import_module("trafilatura.baseline")  # the name is also a function
    own = module.BASIC_CLEAN_XPATH
    with faster_paths():
        assert module.BASIC_CLEAN_XPATH is not own
    assert module.BASIC_CLEAN_XPATH is own


@settings(max_examples=300, deadline=None)
@given(st.lists(_element(), min_size=1, max_size=5))
def test_same_elements_as_the_xpath(elements: list[str]) -> None:
    _same(lxml.html.fromstring(f"<html><body>{''.join(elements)}</body></html>"))


def test_the_xpath_is_back_after_the_block() -> None:
    before = list(xpaths.BODY_XPATH)
    with faster_paths():
        assert before != xpaths.BODY_XPATH
        with faster_paths():
            pass
    assert before == xpaths.BODY_XPATH


def test_stop_words_are_trafilaturas_own() -> None:
    import justext.core
    import trafilatura.external as external

    before = (external.JT_STOPLIST, justext.core.define_stoplist)
    with justext_stopwords():
        ours = external.JT_STOPLIST
        assert justext.core.define_stoplist(ours) is ours
    assert (external.JT_STOPLIST, justext.core.define_stoplist) == before
    assert ours == frozenset(external.jt_stoplist_init())
    external.JT_STOPLIST = before[0]


@pytest.mark.shared
@pytest.mark.parametrize(("dataset", "limit"), [("trafilatura_eval", 80), ("htmldate_eval", 40)])
def test_same_elements_on_evaluation_pages(shared_dir: Path, dataset: str, limit: int) -> None:
    logging.disable(logging.WARNING)
    try:
        for page in iter_pages(shared_dir, dataset, limit=limit):
            try:
                raw = _raw_tree(decode_html(page.html(), source=page.path.name))
            except InputError:  # a page that is not text is not read at all
                continue
            if raw is not None:
                _same(_without_comments(raw))
    finally:
        logging.disable(logging.NOTSET)
