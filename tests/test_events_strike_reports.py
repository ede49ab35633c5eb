"""Six reports of one missile strike, in four languages, through the whole chain: one event,
killed best = the latest official figure (14, not the governor's earlier 12), injured best the
total (52, not the 4 children), a hypothetical "could rise to 20" never a toll, one identity per
ministry across languages, the attacker's "military facility" a disputed characterisation, no
spurious event for the launch site. The texts are written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from fogofwar.events.pipeline import events_for_articles
from fogofwar.model import Article
from fogofwar.reader import Reader

REPORTS = [
    (
        "en",
        "2024-07-08",
        "Russian missile strike on Dnipro apartment block kills 12",
        (
            "A Russian missile strike on an apartment block in Dnipro killed 12 people and "
            "injured 47, regional governor Serhiy Lysak said on Monday. The missiles were "
            "launched from the Belgorod region, the air force said."
        ),
    ),
    (
        "uk",
        "2024-07-09",
        "Удар по Дніпру: загинули 14 людей",
        (
            "Унаслідок ракетного удару по багатоповерхівці в Дніпрі загинули 14 людей, ще 52 "
            "поранені, повідомили в МВС України. Серед поранених четверо дітей."
        ),
    ),
    (
        "ru",
        "2024-07-09",
        "Число погибших в Днепре может вырасти",
        (
            "Число погибших в результате удара по Днепру может вырасти до 20, сообщил "
            "источник в спасательных службах."
        ),
    ),
    (
        "ru",
        "2024-07-09",
        "Минобороны РФ: уничтожены до 30 боевиков в Днепре",
        (
            "Минобороны РФ заявило, что в результате удара по военному объекту в Днепре "
            "уничтожены до 30 боевиков."
        ),
    ),
    (
        "de",
        "2024-07-10",
        "Raketenangriff auf Dnipro: 14 Tote",
        (
            "Bei dem russischen Raketenangriff auf ein Wohnhaus in Dnipro sind nach Angaben "
            "des ukrainischen Innenministeriums 14 Menschen getötet worden. Das russische "
            "Verteidigungsministerium sprach dagegen von einem Angriff auf eine militärische "
            "Einrichtung."
        ),
    ),
    (
        "en",
        "2024-07-10",
        "Dnipro mourns victims of missile strike",
        (
            "Dnipro declared a day of mourning after the strike on an apartment block that "
            "killed 14 people, Ukraine's Interior Ministry said. Russia's defence ministry "
            "claimed it had hit a military facility."
        ),
    ),
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    articles = [
        Article.create(
            source=f"https://outlet{i}.example/strike",
            url=f"https://outlet{i}.example/strike",
            text=body,
            title=title,
            language=lang,
            published=date.fromisoformat(day),
        )
        for i, (lang, day, title, body) in enumerate(REPORTS)
    ]
    reader = Reader.default()
    claims = [c for a in articles for c in reader.read(a).claims]
    return articles, events_for_articles(articles, claims)


def test_one_event_with_the_latest_official_toll(report) -> None:  # type: ignore[no-untyped-def]
    articles, rep = report
    main = max(rep.records, key=lambda r: len(r.article_ids))
    assert len(main.article_ids) == len(articles)
    assert (main.killed_low, main.killed_high, main.killed_best) == (12, 14, 14)
    assert main.injured_best == 52 and main.injured_group == "people"
    assert "characterisation_disputed" in main.flags
    assert "headline_overstates" not in main.flags
    assert len(rep.records) == 1  # no event for the launch site or a background fact


def test_one_identity_per_ministry_across_languages(report) -> None:  # type: ignore[no-untyped-def]
    _, rep = report
    main = max(rep.records, key=lambda r: len(r.article_ids))
    assert "Ministry of Internal Affairs of Ukraine" in main.sources
    assert "Russian Ministry of Defence" in main.sources
    assert len(main.sources) <= 5
