"""HTML pages: main text and metadata with trafilatura, publication date with htmldate.

The page is parsed once, as it came (comments and scripts included): htmldate reads that tree
for the date (:mod:`fogofwar.readers.htmldates`, comments carry dates); a copy without the
comments (what trafilatura's own loader would build) is shared by the publisher, metadata and
main-text readers (:mod:`fogofwar.readers.publisher`, :mod:`fogofwar.readers.htmlmeta`,
:mod:`fogofwar.readers.htmlbody`).
"""

from __future__ import annotations

from datetime import date

import lxml.etree
import lxml.html

from fogofwar.errors import InputError
from fogofwar.langid import identify
from fogofwar.model import Article, DatePrecision, ReasonCode, clean_text
from fogofwar.readers.htmlbody import comment_free_copy, main_text, split_paragraphs
from fogofwar.readers.htmldates import publication_date
from fogofwar.readers.htmlmeta import page_metadata
from fogofwar.readers.publisher import html_publisher

__all__ = ["fragment_to_text", "parse_html", "split_paragraphs", "warm_up"]

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre"}
)
_DROP_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "template")
# The language is told from the body's first characters (plenty for a page's language; py3langid
# reads text byte by byte in Python, so a long article's whole body costs milliseconds).
_LANGID_CHARS = 3000
_LXML_ERRORS = (lxml.etree.LxmlError, ValueError, TypeError, RecursionError)
# The page as it came: comments kept (they carry dates), processing instructions dropped.
# Its elements are lxml.html's classes picked in C (lxml.html's own parser asks a Python method
# for the class of every element lxml hands out, a few thousand calls per page for the
# extractors); only the form-field subclasses (``<input>.value`` …) are not used, and nothing
# reading a page here needs them.
_RAW_PARSER = lxml.etree.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_pis=True
)
_RAW_PARSER.set_element_class_lookup(
    lxml.etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


def warm_up() -> None:
    """Build the per-process tables reading pages needs sooner or later (the month names of
    the date reader, jusText's stop-word union): a process pool calls this before it forks,
    so its workers share them instead of each building its own."""
    from fogofwar.readers.htmldates import warm_up as warm_dates
    from fogofwar.readers.precision import justext_stopwords

    warm_dates()
    with justext_stopwords():
        pass


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph per block."""
    # lxml refuses control characters and lone surrogates ("strings must be XML compatible").
    fragment = clean_text(fragment)
    if "<" not in fragment:
        return split_paragraphs(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except _LXML_ERRORS:
        return split_paragraphs(fragment)
    for tag in _DROP_TAGS:
        for el in root.findall(f".//{tag}"):
            el.drop_tree()
    for el in root.iter():
        # Source line breaks are plain whitespace in HTML; only blocks make paragraphs.
        el.text = el.text.replace("\n", " ") if el.text else el.text
        el.tail = el.tail.replace("\n", " ") if el.tail else el.tail
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return split_paragraphs(str(root.text_content()))


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _drop_leading_title(body: str, title: str | None) -> str:
    """Remove the headline when the extractor repeated it as the first paragraph."""
    first, sep, rest = body.partition("\n\n")
    if title and sep and first.casefold() == title.casefold():
        return rest
    return body


def _malformed(source: str, exc: Exception, what: str = "parsed") -> InputError:
    return InputError(
        ReasonCode.MALFORMED_HTML,
        f"{source}: the HTML could not be {what} ({type(exc).__name__}: {exc}); "
        "check that the file is a complete web page",
    )


def _raw_tree(text: str) -> lxml.html.HtmlElement | None:
    """The page parsed as it came (never fetched: a page that is only a URL stays text)."""
    try:
        root = lxml.html.fromstring(text.encode("utf-8", "surrogatepass"), parser=_RAW_PARSER)
    except _LXML_ERRORS:
        return None
    return root if isinstance(root, lxml.html.HtmlElement) else None


def _without_comments(raw: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A copy of ``raw`` without HTML comments: the tree trafilatura's loader would parse."""
    return comment_free_copy(raw)


def _not_html(text: str, raw: lxml.html.HtmlElement | None) -> bool:
    """No tree, or trafilatura's test for text that is not a page: no "html" in its first
    characters and fewer than two top-level elements."""
    return raw is None or ("html" not in text[:50].lower() and len(raw) < 2)


def parse_html(text: str, *, source: str, url: str | None = None) -> Article:
    """Extract the article of an HTML page; raise :class:`InputError` if there is none.

    MALFORMED_HTML when the markup cannot be parsed at all, NO_TEXT when no main text is found.
    """
    raw = _raw_tree(text)
    if raw is None or _not_html(text, raw):
        raise InputError(
            ReasonCode.MALFORMED_HTML,
            f"{source}: the input is not parseable HTML; check that it is a web page "
            "(or pass --format to read it as another format)",
        )
    try:
        tree = _without_comments(raw)
    except _LXML_ERRORS as exc:
        raise _malformed(source, exc) from exc
    publisher = html_publisher(tree)  # before extraction, which may prune the tree
    try:
        published = publication_date(raw, text, url)
        meta = page_metadata(tree, url)
        body = main_text(tree, url, original=raw)  # consumes tree: read it before
    except _LXML_ERRORS as exc:
        raise _malformed(source, exc, "processed") from exc
    if published is None:
        published = _iso_date(meta.get("date"))
    if not body:
        raise InputError(
            ReasonCode.NO_TEXT,
            f"{source}: no article text found in the HTML page; it may be an index page, "
            "rendered by JavaScript, or behind a paywall",
            published=published,
        )
    title = " ".join(str(meta.get("title") or "").split()) or None
    body = _drop_leading_title(body, title)
    authors = tuple(a.strip() for a in str(meta.get("author") or "").split(";") if a.strip())
    categories = meta.get("categories") or []
    section = str(categories[0]) if categories else None
    language, confidence = identify(body[:_LANGID_CHARS])
    return Article.create(
        source=source,
        text=body,
        title=title,
        headline=title,
        authors=authors,
        published=published,
        published_precision=DatePrecision.DAY if published else None,
        section=section,
        language=language,
        language_confidence=confidence,
        source_format="html",
        url=url or meta.get("url") or None,
        publisher=publisher,
    )
