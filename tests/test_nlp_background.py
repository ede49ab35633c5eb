"""Background dated before the reported events is the author's, not a continued report
(annotating-claims: "New facts or background in the indicative are the author's"). Sentences
written for the project."""

from __future__ import annotations

import pytest

from fogofwar.claim import SourceKind
from fogofwar.nlp.background import dated_earlier
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


# (lang, a report by a named source, then background dated before it, a word of the background)
CASES = [
    (
        "en",
        "A drone strike killed two women in Kherson on Monday, governor Oleksandr Prokudin "
        "said. Last month a missile strike on the city's market killed seven people.",
        "Last month",
    ),
    (
        "de",
        "Bei einem Drohnenangriff auf Cherson seien zwei Frauen getötet worden, teilte "
        "Gouverneur Oleksandr Prokudin mit. Bereits im vergangenen Monat hatte ein "
        "Raketenangriff auf den Markt der Stadt sieben Menschen getötet.",
        "Bereits",
    ),
    (
        "ru",
        "При ударе дрона по Херсону погибли две женщины, сообщил губернатор Александр "
        "Прокудин. В прошлом месяце ракетный удар по рынку города унес жизни семи человек.",
        "В прошлом",
    ),
    (
        "uk",
        "Внаслідок удару дрона по Херсону загинули дві жінки, повідомив голова ОВА Олександр "
        "Прокудін. Минулого місяця ракетний удар по ринку міста забрав життя семи людей.",
        "Минулого",
    ),
    (
        "fr",
        "Une frappe de drone a tué deux femmes à Kherson lundi, a indiqué le gouverneur "
        "Oleksandr Prokoudine. Le mois dernier, une frappe de missile sur le marché de la "
        "ville avait tué sept personnes.",
        "Le mois",
    ),
    (
        "es",
        "Un ataque con dron mató a dos mujeres en Jersón el lunes, informó el gobernador "
        "Oleksandr Prokudin. El mes pasado, un ataque con misiles contra el mercado de la "
        "ciudad mató a siete personas.",
        "El mes",
    ),
    (
        "it",
        "Un attacco con drone ha ucciso due donne a Kherson lunedì, ha detto il governatore "
        "Oleksandr Prokudin. Il mese scorso un attacco missilistico contro il mercato della "
        "città aveva ucciso sette persone.",
        "Il mese",
    ),
]


@pytest.mark.parametrize(("lang", "text", "opening"), CASES)
def test_earlier_background_is_the_authors(
    reader: Reader, lang: str, text: str, opening: str
) -> None:
    claims = reader.read_text(text, lang).claims
    report = [c for c in claims if not text[c.span.start :].startswith(opening)]
    background = [c for c in claims if text[c.span.start :].startswith(opening)]
    assert report and background, [(text[c.span.start : c.span.end], c.source) for c in claims]
    assert all(c.source.kind == SourceKind.GOVERNMENT for c in report)
    assert all(c.source.kind == SourceKind.AUTHOR for c in background)


@pytest.mark.parametrize(
    ("lang", "clause", "earlier"),
    [
        ("en", "The Houthis have attacked more than 100 ships since 2023", True),
        ("en", "two more people were wounded in the strike", False),
        ("de", "Die Stadt wurde im November 2022 zurückerobert", True),
        ("de", "Zwei weitere Menschen seien verletzt worden", False),
        ("ru", "Две недели назад удар по порту уничтожил склад", True),
        ("ru", "ещё два человека получили ранения", False),
        ("it", "Due settimane fa un attacco aveva ucciso nove bambini", True),
        ("fr", "l'an dernier, une attaque avait tué dix soldats", True),
        ("fr", "deux autres personnes ont été blessées", False),
    ],
)
def test_dated_earlier(lang: str, clause: str, earlier: bool) -> None:
    assert dated_earlier(lang, clause) is earlier
