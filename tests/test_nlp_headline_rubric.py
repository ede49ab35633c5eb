"""A country before a headline's colon is the story's rubric (the author speaks); a city before
it speaks for its government ("Kyiv: …"), a person or a body for themselves. Headlines written
for the project."""

from __future__ import annotations

import pytest

from fogofwar.claim import SourceKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


# (lang, headline, the headline claim's source kind, a word of its name or None)
CASES = [
    ("de", "Mali: Dschihadisten überfallen Armeeposten, zwölf Soldaten tot", "author", None),
    ("en", "Nigeria: gunmen kill 15 villagers in overnight raid", "author", None),
    ("it", "Niger: 20 soldati uccisi in un'imboscata jihadista", "author", None),
    ("de", "Kiew: Russische Rakete trifft Wohnhaus, drei Tote", "government", "Kiew"),
    ("en", "Governor: drone attack kills two in Kherson", "government", "Governor"),
]


@pytest.mark.parametrize(("lang", "title", "kind", "name"), CASES)
def test_headline_colon(reader: Reader, lang: str, title: str, kind: str, name: str | None) -> None:
    body = "Weitere Einzelheiten folgen." if lang == "de" else "More details follow."
    heads = [c for c in reader.read_text(body, lang, title=title).claims if c.in_headline]
    assert heads, title
    assert {c.source.kind for c in heads} == {SourceKind(kind)}
    assert all((c.source.name is None) == (name is None) for c in heads)
    if name is not None:
        assert all(c.source.name and name in c.source.name for c in heads)
