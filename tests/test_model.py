"""Core value types: spans, content hashes and article ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fogofwar.model import Article, Span, article_id_for, clean_text, content_hash


@given(st.text(), st.integers(0, 50), st.integers(0, 50))
def test_span_slices_what_it_covers(text: str, a: int, b: int) -> None:
    span = Span(min(a, b), max(a, b))
    assert span.slice(text) == text[span.start : span.end]
    assert Span.from_json(span.to_json()) == span


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 4)])
def test_invalid_span_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="invalid span"):
        Span(start, end)


@given(st.none() | st.text(max_size=30), st.text(max_size=200))
def test_article_identity_follows_content(title: str | None, text: str) -> None:
    a = Article.create(source="x", text=text, title=title)
    b = Article.create(source="elsewhere", text=text, title=title)
    clean_title = clean_text(title) if title is not None else None  # what is stored and hashed
    assert a.id == b.id == article_id_for(content_hash(clean_title, clean_text(text)))


def test_different_text_gives_different_id() -> None:
    assert Article.create(source="x", text="a").id != Article.create(source="x", text="b").id
