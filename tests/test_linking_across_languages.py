"""Cross-language linking under stress (issue #11): the same strike reported in Russian,
Ukrainian, English and German under different spellings of its town (Николаев / Миколаїв /
Mykolaiv / Mykolajiw; Артемовск / Бахмут / Bakhmut / Bachmut; Новомосковск, a name a bigger
Russian town also bears), with dates as precise as "on Tuesday" or as a full date, must be one
event; two mass strikes on one city two days apart, and two strikes on two cities on one day,
must stay apart.

Scored as the evaluation scores the reader: each article's main claim
(:func:`fogofwar.events.lineage.main_claim`) and the event it ends up in; pairs of articles.
Every article here was written for this test (no dataset text); the places, dates and figures
are invented for the test, not reports of real events.
"""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from fogofwar.events.lineage import main_claim
from fogofwar.events.pipeline import EventsReport, events_for_articles
from fogofwar.model import Article
from fogofwar.reader import Reader

# (cluster, lang, published, title, body)
REPORTS = [
    # A. Mykolaiv, Sunday 17 March 2024: four languages, four spellings, "on Sunday" / a date
    ("mykolaiv", "ru", "2024-03-17", "Ракетный удар по Николаеву: трое погибших",
     "В результате ракетного удара по Николаеву 17 марта погибли три человека, ещё девять "
     "ранены, сообщил глава областной администрации Виталий Ким."),
    ("mykolaiv", "uk", "2024-03-18", "Удар по Миколаєву: загинули троє людей",
     "У неділю російська ракета влучила в житловий будинок у Миколаєві. Загинули троє людей, "
     "дев'ятеро поранені, повідомив начальник ОВА Віталій Кім."),
    ("mykolaiv", "en", "2024-03-18", "Russian missile kills three in Mykolaiv",
     "A Russian missile struck a residential building in Mykolaiv on Sunday, killing three "
     "people and injuring nine, regional governor Vitaliy Kim said."),
    ("mykolaiv", "de", "2024-03-19", "Drei Tote nach Raketenangriff auf Mykolajiw",
     "Bei einem russischen Raketenangriff auf ein Wohnhaus in der südukrainischen Stadt "
     "Mykolajiw sind am Sonntag drei Menschen getötet und neun verletzt worden, teilte "
     "Gouverneur Witalij Kim mit."),
    # B. Bakhmut, Tuesday 8 November 2022: the Russian name Артемовск, German Bachmut
    ("bakhmut", "ru", "2022-11-08", "Обстрел Артемовска: погибли четверо мирных жителей",
     "В Артемовске в результате артиллерийского обстрела 8 ноября погибли четыре мирных "
     "жителя, сообщили местные власти."),
    ("bakhmut", "uk", "2022-11-08", "Обстріл Бахмута: загинули четверо цивільних",
     "Унаслідок артилерійського обстрілу Бахмута у вівторок загинули четверо цивільних, "
     "повідомив голова Донецької ОВА Павло Кириленко."),
    ("bakhmut", "en", "2022-11-09", "Shelling kills four civilians in Bakhmut",
     "Russian artillery shelling killed four civilians in Bakhmut on Tuesday, Donetsk regional "
     "governor Pavlo Kyrylenko said."),
    ("bakhmut", "de", "2022-11-09", "Vier Zivilisten bei Beschuss von Bachmut getötet",
     "Beim russischen Artilleriebeschuss der ostukrainischen Stadt Bachmut sind am Dienstag "
     "vier Zivilisten getötet worden, sagte der Gouverneur des Gebiets Donezk, Pawlo "
     "Kyrylenko."),
    # C. Novomoskovsk, Dnipropetrovsk region, Tuesday 11 June 2024: a bigger Russian namesake
    ("novomoskovsk", "ru", "2024-06-11", "Удар по Новомосковску: погибли два человека",
     "В Новомосковске Днепропетровской области в результате удара беспилотника 11 июня "
     "погибли два человека, сообщил глава областной администрации Сергей Лысак."),
    ("novomoskovsk", "uk", "2024-06-11", "Удар по Новомосковську: загинули двоє людей",
     "Унаслідок атаки дрона на Новомосковськ у вівторок загинули двоє людей, повідомив "
     "очільник Дніпропетровської ОВА Сергій Лисак."),
    ("novomoskovsk", "en", "2024-06-12", "Drone strike kills two in Novomoskovsk",
     "A Russian drone strike on Novomoskovsk in Ukraine's Dnipropetrovsk region killed two "
     "people on Tuesday, regional governor Serhiy Lysak said."),
    # C2. Derhachi, Kharkiv region, Friday 12 April 2024: "Dergachi" (from the Russian name)
    # is also a Russian town
    ("derhachi", "en", "2024-04-12", "Guided bombs hit Dergachi, killing two",
     "Russian guided bombs struck the town of Dergachi on Friday, killing two people and "
     "wounding five, Ukrainian officials said."),
    ("derhachi", "uk", "2024-04-12", "Удар КАБами по Дергачах: двоє загиблих",
     "У п'ятницю росіяни скинули керовані авіабомби на Дергачі, загинули двоє людей, ще "
     "п'ятеро поранені, повідомили в Харківській ОВА."),
    ("derhachi", "ru", "2024-04-13", "Удар по Дергачам: погибли два человека",
     "Российские войска нанесли удар управляемыми бомбами по Дергачам 12 апреля, погибли "
     "два человека, пятеро ранены, сообщили украинские власти."),
    # D. Kharkiv, two mass strikes two days apart (Thursday 23 and Saturday 25 May 2024)
    ("kharkiv-23", "en", "2024-05-23", "Missile strike on Kharkiv printing house kills seven",
     "A Russian missile strike on a printing house in Kharkiv killed seven people and injured "
     "21 on Thursday, regional governor Oleh Syniehubov said."),
    ("kharkiv-23", "de", "2024-05-24", "Sieben Tote bei Angriff auf Druckerei in Charkiw",
     "Bei einem russischen Raketenangriff auf eine Druckerei in Charkiw sind am Donnerstag "
     "sieben Menschen getötet und 21 verletzt worden, teilte Gouverneur Oleh Synjehubow mit."),
    ("kharkiv-25", "uk", "2024-05-25", "Удар по гіпермаркету в Харкові: загинули 12 людей",
     "Унаслідок удару керованими авіабомбами по гіпермаркету в Харкові 25 травня загинули 12 "
     "людей, ще 43 поранені, повідомив голова ОВА Олег Синєгубов."),
    ("kharkiv-25", "ru", "2024-05-26", "Удар по гипермаркету в Харькове: погибли 12 человек",
     "В результате удара по гипермаркету в Харькове в субботу погибли 12 человек, ранены 43, "
     "сообщил глава областной администрации Олег Синегубов."),
    # ... and follow-ups that name no day: the toll, the target and the day of publication
    # tell them apart
    ("kharkiv-25", "en", "2024-05-26", "Kharkiv hypermarket strike death toll rises to 12",
     "The death toll from the Russian strike on a hypermarket in Kharkiv has risen to 12, "
     "with 43 injured, regional governor Oleh Syniehubov said."),
    ("kharkiv-23", "ru", "2024-05-24", "Число погибших при ударе по типографии в Харькове выросло",
     "Число погибших в результате ракетного удара по типографии в Харькове выросло до семи, "
     "сообщил глава областной администрации Олег Синегубов."),
    # E. two cities, one day (Tuesday 14 February 2023)
    ("odesa", "en", "2023-02-14", "Drone attack on Odesa kills two",
     "A Russian drone attack on Odesa killed two people on Tuesday, the regional military "
     "administration said."),
    ("odesa", "ru", "2023-02-15", "Атака беспилотников на Одессу: двое погибших",
     "В результате атаки беспилотников на Одессу 14 февраля погибли два человека, сообщили в "
     "областной военной администрации."),
    ("dnipro", "en", "2023-02-14", "Missile strike on Dnipro kills five",
     "A Russian missile strike on Dnipro killed five people on Tuesday, regional governor "
     "Serhiy Lysak said."),
    ("dnipro", "uk", "2023-02-15", "Ракетний удар по Дніпру: п'ятеро загиблих",
     "Унаслідок ракетного удару по Дніпру 14 лютого загинули п'ятеро людей, повідомив голова "
     "Дніпропетровської ОВА Сергій Лисак."),
]  # fmt: skip


@pytest.fixture(scope="module")
def linked() -> tuple[dict[str, str], dict[str, str], EventsReport]:
    articles = [
        Article.create(
            source=f"https://outlet{i}.example/{cluster}",
            url=f"https://outlet{i}.example/{cluster}/{i}",
            text=body,
            title=title,
            language=lang,
            published=date.fromisoformat(day),
        )
        for i, (cluster, lang, day, title, body) in enumerate(REPORTS)
    ]
    reader = Reader.default()
    read = {a.id: reader.read(a).claims for a in articles}
    report = events_for_articles(articles, [c for cs in read.values() for c in cs])
    gold = {a.id: r[0] for a, r in zip(articles, REPORTS, strict=True)}
    pred = {}
    for a in articles:
        chosen = main_claim(read[a.id])
        pred[a.id] = (report.event_of(chosen.claim_id) or "") if chosen is not None else ""
    return gold, pred, report


def _pairs(assign: dict[str, str]) -> set[tuple[str, str]]:
    return {
        (a, b) for a, b in combinations(sorted(assign), 2) if assign[a] and assign[a] == assign[b]
    }


def test_every_cluster_is_one_event(linked) -> None:  # type: ignore[no-untyped-def]
    gold, pred, _ = linked
    missed = sorted((gold[a], a, b) for a, b in _pairs(gold) - _pairs(pred))
    assert missed == []


def test_no_two_events_are_joined(linked) -> None:  # type: ignore[no-untyped-def]
    gold, pred, _ = linked
    wrong = sorted((gold[a], gold[b]) for a, b in _pairs(pred) - _pairs(gold))
    assert wrong == []


def test_each_cluster_is_placed_in_ukraine(linked) -> None:  # type: ignore[no-untyped-def]
    """The town of each event, whatever spelling founded it, is the Ukrainian one."""
    gold, pred, report = linked
    by_event = {r.event_id: r for r in report.records}
    for aid, event in pred.items():
        record = by_event.get(event)
        assert record is not None and record.country == "UKR", (
            gold[aid],
            record and record.location,
        )
