"""Tests for the page metadata readers (:mod:`fogofwar.readers.htmlmeta`): the same answers
as trafilatura's own readers, which they replace for speed, on generated pages."""

from __future__ import annotations

import copy

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura import metadata as tmeta

from fogofwar.readers.htmlmeta import _author, _categories, _scan, _title, page_metadata

# Attribute values that trigger (or nearly trigger) trafilatura's author, discard, title and
# category rules.
_CLASSES = (
    "author", "author-name", "AuthorName", "byline", "Byline", "byl", "writer", "post-author",
    "username", "screenname", "comments", "Comments-box", "sidebar", "date", "title",
    "quote", "print-only", "category", "meta-date", "entry-meta", "post-meta", "meta",
    "postinfo", "entry-footer", "cat-links", "post-category", "entry-header", "row", "tags",
    "entry-title", "post-title", "headline", "article-title", "page-title", "plain", "",
    "zuozhe", "submitted-by", "journalist-name", "channel-name", "is-hidden", "BBL",
    "embedly-instagram", "article-share", "meta-reviewer", "commentlist", "entry-categories",
    "postmeta", "entry-utility", "posted-by x", "xiaobian", "narrow", "box",
)  # fmt: skip
_IDS = (
    "author", "Author-box", "comments", "commentlist", "postpath1", "filedunder", "x", "",
    "ProductReviews", "bianji", "comment-list", "zuozhe",
)  # fmt: skip
_TAGS = (
    "div", "span", "p", "a", "section", "h1", "h2", "h3", "h4", "strong", "li", "footer",
    "header", "address", "time", "figure",
)  # fmt: skip
_WORDS = ("Jane Doe", "by John Smith", "Politics", "x", "A much longer headline for a story")
_HREFS = ("/category/world/", "/categories/x/", "/tag/y/", "/2020/01/a", None)


@st.composite
def _element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    attrs = ""
    if cls := draw(st.sampled_from(_CLASSES)):
        attrs += f' class="{cls}"'
    if ident := draw(st.sampled_from(_IDS)):
        attrs += f' id="{ident}"'
    if draw(st.integers(0, 9)) == 0:
        attrs += ' itemprop="author"'
    if draw(st.integers(0, 9)) == 0:
        attrs += ' rel="author"'
    if draw(st.integers(0, 14)) == 0:
        attrs += draw(st.sampled_from((' data-component="Byline"', ' data-component="Figure"')))
    if draw(st.integers(0, 14)) == 0:
        attrs += ' data-testid="AuthorCard"'
    children = ""
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            children += draw(_element(depth + 1))
    if draw(st.booleans()):
        href = draw(st.sampled_from(_HREFS))
        link_attr = f' href="{href}"' if href else ""
        children += f"<a{link_attr}>{draw(st.sampled_from(_WORDS))}</a>"
    text = draw(st.sampled_from(_WORDS))
    return f"<{tag}{attrs}>{text}{children}</{tag}>tail "


@st.composite
def _page(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(("", "<title>Story | Site</title>", "<title>a.b</title>")))
    body = "".join(draw(st.lists(_element(), min_size=1, max_size=5)))
    return f"<html><head>{head}</head><body>{body}</body></html>"


@settings(max_examples=300, deadline=None)
@given(_page())
def test_same_answers_as_trafilatura(html: str) -> None:
    tree = lxml.html.fromstring(html)
    scan = _scan(tree)
    assert _author(tree, scan) == tmeta.extract_author(copy.deepcopy(tree))
    assert _categories(tree, scan) == tmeta.extract_catstags("category", tree)
    assert _title(tree) == tmeta.extract_title(tree)


def test_page_metadata_reads_meta_tags_first() -> None:
    html = (
        "<html><head><title>Ignored | Site</title>"
        '<meta property="og:title" content="Drone strike on the port">'
        '<meta name="author" content="Olena Kovalenko">'
        '<meta property="article:section" content="World"></head>'
        '<body><div class="byline">By Someone Else</div><p>Text.</p></body></html>'
    )
    meta = page_metadata(lxml.html.fromstring(html))
    assert meta["title"] == "Drone strike on the port"
    assert meta["author"] == "Olena Kovalenko"
    assert meta["categories"] == ["World"]


def test_the_author_is_not_taken_from_a_comment_block() -> None:
    html = (
        "<html><body><div class='comments'><span class='author'>Commenter Name</span></div>"
        "<p class='byline'>Jane Reporter <time>2 May</time></p></body></html>"
    )
    assert page_metadata(lxml.html.fromstring(html))["author"] == "Jane Reporter"
