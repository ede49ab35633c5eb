"""Tests for fogofwar.readers.textdump (plain-text page dumps)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar.errors import InputError
from fogofwar.model import Article, DatePrecision, ReasonCode, Rejected
from fogofwar.readers import read_bytes
from fogofwar.readers.textdump import parse_text_dump

EN_DATE_FIRST = """October 24, 2024
World

Drone strike hits apartment block in Kharkiv, at least three dead

By Jane Miller and Tom O'Neill

2 hours ago
---
Photo: Example Agency
At least three people were killed and dozens injured when a drone struck a block overnight.

"The rescue operation is still under way," the governor wrote on Telegram.

Analysts say such attacks are likely to continue through the winter months.
"""

RU_STAMP_BEFORE_DATE = """Удар беспилотников по области: погибли не менее двух человек
Иван Петров
3 дня назад
***
24 октября 2024
Мир
Фото: Агентство
Фото: Агентство
В ночь на воскресенье беспилотники атаковали несколько населённых пунктов, сообщил губернатор.

По данным источников, были повреждены линии электропередачи и несколько домов.
"""

UK_NO_AUTHOR = """Світ

Обмін полоненими: додому повернулися 95 захисників
24.10.2024 | 14:35
3 дні тому
Фото: Офіс
Вчора в результаті обміну полоненими додому повернулися 95 українських захисників, повідомили.

За даними джерел, серед звільнених є кілька поранених військових.
"""

DE_WRAPPED_NO_META = """Angriff auf Hafen

Bei einem Angriff auf den Hafen wurden nach Angaben der Behörden mindestens
vier Menschen verletzt, darunter zwei Hafenarbeiter.

Die Feuerwehr war die ganze Nacht im Einsatz.
"""


def _read(text: str) -> Article:
    return parse_text_dump(text, source="t.txt")


def test_seed_article(shared_dir: Path) -> None:
    seed = shared_dir / "examples" / "seed" / "article.txt"
    if not seed.is_file():
        pytest.skip(f"{seed} not found")
    [article] = read_bytes(seed.read_bytes(), source=str(seed))
    assert isinstance(article, Article)
    first_line = seed.read_text(encoding="utf-8").split("\n", 1)[0]
    assert article.title == first_line == article.headline
    assert article.authors == ("Peter Zeifert",)
    assert article.published == date(2024, 10, 24)
    assert article.published_precision is DatePrecision.DAY
    assert article.section == "Welt"
    assert article.language == "de"
    assert article.image_credits == ("Shutterstock.com",)
    assert article.relative_stamp == "3 Wochen vor"
    assert article.captured_estimate == date(2024, 11, 14)
    assert article.text.startswith("Mehrere nordkoreanische Soldaten wurden verhaftet")
    assert article.standfirst is not None and article.text.startswith(article.standfirst)
    assert "Foto:" not in article.text and "\n|\n" not in article.text
    assert "\n\n" in article.text


@pytest.mark.parametrize(
    ("text", "title", "authors", "published", "section", "credits", "stamp", "lang", "starts"),
    [
        (
            EN_DATE_FIRST,
            "Drone strike hits apartment block in Kharkiv, at least three dead",
            ("Jane Miller", "Tom O'Neill"),
            date(2024, 10, 24),
            "World",
            ("Example Agency",),
            "2 hours ago",
            "en",
            "At least three people",
        ),
        (
            RU_STAMP_BEFORE_DATE,
            "Удар беспилотников по области: погибли не менее двух человек",
            ("Иван Петров",),
            date(2024, 10, 24),
            "Мир",
            ("Агентство",),
            "3 дня назад",
            "ru",
            "В ночь на воскресенье",
        ),
        (
            UK_NO_AUTHOR,
            "Обмін полоненими: додому повернулися 95 захисників",
            (),
            date(2024, 10, 24),
            "Світ",
            ("Офіс",),
            "3 дні тому",
            "uk",
            "Вчора в результаті",
        ),
        (DE_WRAPPED_NO_META, "Angriff auf Hafen", (), None, None, (), None, "de", "Bei einem"),
    ],
)
def test_layouts(
    text: str,
    title: str,
    authors: tuple[str, ...],
    published: date | None,
    section: str | None,
    credits: tuple[str, ...],
    stamp: str | None,
    lang: str,
    starts: str,
) -> None:
    article = _read(text)
    assert article.title == title
    assert article.authors == authors
    assert article.published == published
    assert article.section == section
    assert article.image_credits == credits
    assert article.relative_stamp == stamp
    assert article.language == lang
    assert article.text.startswith(starts)
    for boilerplate in ("Photo:", "Фото:", "***", "---", "|"):
        assert boilerplate not in article.text


def test_captured_estimate_adds_stamp_interval() -> None:
    assert _read(RU_STAMP_BEFORE_DATE).captured_estimate == date(2024, 10, 27)
    assert _read(EN_DATE_FIRST).captured_estimate == date(2024, 10, 24)


def test_hard_wrapped_lines_joined_into_one_paragraph() -> None:
    article = _read(DE_WRAPPED_NO_META)
    assert article.text.split("\n\n")[0].endswith("darunter zwei Hafenarbeiter.")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24/10/2024", date(2024, 10, 24)),
        ("10/24/2024", date(2024, 10, 24)),
        ("2024-10-24", date(2024, 10, 24)),
        ("24. Oktober 2024", date(2024, 10, 24)),
        ("Published: October 24, 2024 at 10:00", date(2024, 10, 24)),
        ("24 жовтня 2024", date(2024, 10, 24)),
    ],
)
def test_absolute_date_lines(line: str, expected: date) -> None:
    text = f"Ein Titel über den Angriff\n{line}\n\n{DE_WRAPPED_NO_META.split(chr(10), 2)[2]}"
    assert _read(text).published == expected


def test_title_with_a_date_stays_title() -> None:
    body = DE_WRAPPED_NO_META.split("\n", 2)[2]
    article = _read(f"Angriff am 24. Oktober 2024 trifft Hafen\n24.10.2024\n\n{body}")
    assert article.title == "Angriff am 24. Oktober 2024 trifft Hafen"
    assert article.published == date(2024, 10, 24)


def test_only_metadata_is_no_text() -> None:
    with pytest.raises(InputError) as info:
        _read("Welt\n\n|\n\nFoto: Agentur\n")
    assert info.value.reason is ReasonCode.NO_TEXT


_WORD = st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=2, max_size=9)
_SENTENCE = st.lists(_WORD, min_size=9, max_size=25).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORD, min_size=3, max_size=8), st.lists(_SENTENCE, min_size=1, max_size=4))
def test_title_and_paragraphs_round_trip(title_words: list[str], paragraphs: list[str]) -> None:
    title = " ".join(title_words)
    dump = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    article = _read(dump)
    assert article.title == title
    assert article.text == "\n\n".join(paragraphs)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_article_or_rejection(text: str) -> None:
    results = read_bytes(text.encode("utf-8"), source="fuzz.txt", fmt="text")
    assert results
    assert all(isinstance(r, Article | Rejected) for r in results)
    for r in results:
        if isinstance(r, Rejected):
            assert r.reason is not ReasonCode.INTERNAL, r.message
