"""Shared pieces of the HTML reader tests: a body long enough to be read as an article, and a
parsed tree of a snippet."""

from __future__ import annotations

import lxml.html

BODY = "".join(
    f"<p>Paragraph {n}: at least {n} people were injured when a drone hit a residential "
    "building in the city overnight, the regional governor said on Tuesday morning.</p>"
    for n in range(1, 9)
)


def tree(html: str) -> lxml.html.HtmlElement:
    """The parsed element tree of ``html``."""
    return lxml.html.fromstring(html)
