"""trafilatura's precision pass without the copies and set-up it makes for the passes after it.

``bare_extraction(tree, fast=True, favor_precision=True, include_comments=False)`` copies the
page three times (its input, the tree it cleans, a backup of that for the external extractors)
and reads its configuration into a new ``Extractor`` at every call. In precision mode with no
external fallback only the first copy is ever read again, so :func:`precision_text` runs the
same steps, in the same order, on one copy with one ``Extractor`` per process. Forum threads
(trafilatura routes their comments into the body) and a trafilatura whose internals differ
from the ones this was written against go through ``bare_extraction`` itself: the answer is
always what it would give (a test compares the two on every page of the evaluation sets).
"""

from __future__ import annotations

from copy import copy
from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction

__all__ = ["extraction_options", "precision_text"]

try:  # trafilatura's internal steps (2.x); missing ones mean bare_extraction does the work
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt
    from trafilatura.xpaths import (
        RAW_TREE_PRUNE_XPATH,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        REMOVE_COMMENTS_XPATH,
    )

    _STEPS = True
except ImportError:  # pragma: no cover - another trafilatura version
    _STEPS = False


@lru_cache(maxsize=16)
def extraction_options(
    url: str | None, *, precision: bool = False, recall: bool = False, fast: bool = False
) -> Any:
    """The ``Extractor`` that ``bare_extraction`` would build for these settings (comments,
    metadata, links and images off; tables on), built once."""
    return Extractor(
        output_format="python",
        fast=fast,
        precision=precision,
        recall=recall,
        comments=False,
        url=url,
        with_metadata=False,
    )


def _bare(tree: HtmlElement, url: str | None) -> str:
    doc = bare_extraction(
        tree,
        url=url,
        fast=True,
        favor_precision=True,
        include_comments=False,
        with_metadata=False,
    )
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else doc.text
    return str(text or "")


def precision_text(tree: HtmlElement, url: str | None = None) -> str:
    """The text ``bare_extraction`` gives in fast precision mode without comments (``""`` for
    none); ``tree`` is not modified."""
    if not _STEPS or _forum_thread_page(tree):
        return _bare(tree, url)
    options = extraction_options(url, precision=True, fast=True)
    try:
        work = copy(tree)
        work = prune_unwanted_nodes(work, RAW_TREE_PRUNE_XPATH)
        work = prune_unwanted_nodes(work, REMOVE_COMMENTS_AND_LISTS_XPATH)
        work = tree_cleaning(work, options)
        work = convert_tags(work, options, url)
        work = prune_unwanted_nodes(work, REMOVE_COMMENTS_XPATH)
        body, text = extract_content(work, options)
    except (TypeError, ValueError):  # bare_extraction's answer to these is "no document"
        return ""
    if options.max_tree_size and len(body) > options.max_tree_size:
        return _bare(tree, url)  # trafilatura's own size handling
    if len(text) < options.min_output_size and options.min_output_comm_size > 0:
        return ""
    return str(xmltotxt(body, options.formatting) or "")
