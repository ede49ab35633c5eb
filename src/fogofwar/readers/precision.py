"""trafilatura's precision pass without the copies and set-up it makes for the passes after it.

``bare_extraction(tree, fast=True, favor_precision=True, include_comments=False)`` copies the
page three times (its input, the tree it cleans, a backup of that for the external extractors)
and reads its configuration into a new ``Extractor`` at every call. In precision mode with no
external fallback only the first copy is ever read again, so :func:`precision_text` runs the
same steps, in the same order, on one copy with one ``Extractor`` per process. Forum threads
(trafilatura routes their comments into the body) and a trafilatura whose internals differ
from the ones this was written against go through ``bare_extraction`` itself: the answer is
always what it would give (a test compares the two on every page of the evaluation sets).
:func:`justext_stopwords` gives the balanced cascade's jusText fallback its stop words without
the per-process cost of trafilatura's own set-up.
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction

__all__ = ["extraction_options", "justext_stopwords", "precision_text"]

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


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str] | None:
    """The union of jusText's stop lists, lower-cased: the words trafilatura's
    ``jt_stoplist_init`` collects, read in one pass per file."""
    try:
        from justext.utils import get_stoplists
    except ImportError:  # pragma: no cover - jusText missing
        return None
    words: set[str] = set()
    for language in get_stoplists():
        data = pkgutil.get_data("justext", f"stoplists/{language}.txt")
        if data is None:  # pragma: no cover - a broken install: trafilatura's own path
            return None
        # jusText's get_stoplist: the lines of the file (bytes.splitlines), each lower-cased
        lines = re.split(r"\r\n|\r|\n", data.decode("utf8").lower())
        if lines[-1] == "":
            lines.pop()  # after a final line break there is no line
        words.update(lines)
    return frozenset(words)


@contextmanager
def justext_stopwords() -> Iterator[None]:
    """Inside the block trafilatura's jusText fallback (page language unknown) uses
    :func:`_stopwords`, and jusText takes it as the lower-cased set it already is.

    Otherwise trafilatura builds the union at its first jusText call (word by word, ~150,000
    words, into a tuple), and jusText lower-cases it again into a set, re-hashing the tuple at
    every call: a fifth of a CPU second in every worker process. Same words, same answers;
    both modules' own are put back after the block.
    """
    try:
        import justext.core
        import trafilatura.external as external
    except ImportError:  # pragma: no cover - another trafilatura version
        yield
        return
    words = _stopwords()
    own_words = getattr(external, "JT_STOPLIST", None)
    own_define = getattr(justext.core, "define_stoplist", None)
    if words is None or own_define is None or not hasattr(external, "JT_STOPLIST"):
        yield
        return

    def define_stoplist(stoplist: Any) -> Any:
        return stoplist if stoplist is words else own_define(stoplist)

    setattr(external, "JT_STOPLIST", words)  # noqa: B010 - typed None in trafilatura
    justext.core.define_stoplist = define_stoplist
    try:
        yield
    finally:
        external.JT_STOPLIST = own_words
        justext.core.define_stoplist = own_define


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


def precision_text(tree: HtmlElement, url: str | None = None, *, consume: bool = False) -> str:
    """The text ``bare_extraction`` gives in fast precision mode without comments (``""`` for
    none); ``tree`` is not modified, unless ``consume`` lets the pass prune it in place (a
    caller with no further use for it saves a copy of the page)."""
    if not _STEPS or _forum_thread_page(tree):
        return _bare(tree, url)
    options = extraction_options(url, precision=True, fast=True)
    try:
        # with a size limit the untouched page may be needed again (see below)
        work = tree if consume and not options.max_tree_size else copy(tree)
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
