"""Attribution chains in one sentence, report dates vs event dates, speakers vs victims,
victim groups: the same constructions in every pack language."""

from __future__ import annotations

from datetime import date

import pytest

from fogofwar.claim import Claim, SourceKind
from fogofwar.reader import Reader

PUB = date(2024, 10, 24)  # a Thursday
MONDAY, TUESDAY, SUNDAY = "2024-10-21", "2024-10-22", "2024-10-20"


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


def _killed_or_injured(reader: Reader, lang: str, text: str) -> Claim:
    res = reader.read_text(text, lang, published=PUB)
    hits = [c for c in res.claims if c.counts.killed or c.counts.injured]
    assert len(hits) == 1, [c.span.slice(text) for c in res.claims]
    return hits[0]


CUES = {"en": {"said"}, "de": {"sagte"}, "ru": {"заявил"}, "uk": {"сказав"}}

# "CONTENT, A (with a modifier) said …, B reported on DAY": source A, via B and the medium
TRAILING = [
    (
        "en",
        "Five soldiers were killed near the village, a mercenary fighting in the area said in"
        " a video shared on Telegram, local outlets reported on Monday.",
        "mercenary",
        "Telegram",
    ),
    (
        "de",
        "Fünf Soldaten seien nahe dem Dorf getötet worden, sagte ein in der Gegend kämpfender"
        " Söldner in einem Video auf Telegram, berichteten Medien am Montag.",
        "Söldner",
        "Telegram",
    ),
    (
        "ru",
        "Пять военных погибли у деревни, заявил воюющий в этом районе наемник в видео в"
        " соцсетях, сообщили СМИ в понедельник.",
        "наемник",
        "social media",
    ),
    (
        "uk",
        "П'ятеро військових загинули біля села, сказав найманець з російського боку у відео в"
        " соцмережах, повідомили ЗМІ у понеділок.",
        "найманець",
        "social media",
    ),
]


@pytest.mark.parametrize(("lang", "text", "speaker", "medium"), TRAILING)
def test_trailing_chain_names_the_innermost_speaker(
    reader: Reader, lang: str, text: str, speaker: str, medium: str
) -> None:
    c = _killed_or_injured(reader, lang, text)
    assert c.source.kind == SourceKind.COMBATANT
    # an unnamed fighter is an interviewee: claims-v1 keeps his name null (ru/uk read it so
    # from the singular verb); a name, when given, is his noun, never the outlet or medium
    assert c.source.name is None or speaker in c.source.name
    assert c.cue is not None and c.cue.text.lower() in CUES[lang]
    assert len(c.source.via) >= 2 and medium in c.source.via
    assert c.source.via[0] not in {medium, c.source.name}  # the reporting outlet comes first
    # "reported on Monday" dates the report: the killing happened on or before Monday
    assert c.time is not None
    assert (c.time.precision, c.time.start, c.time.end) == ("before_publication", None, MONDAY)
    # the speaker is no victim; the counted soldiers are, with their group
    assert all(speaker not in a.name for a in c.actors)
    victims = [a for a in c.actors if a.role == "victim"]
    assert victims and victims[0].normalized == "soldiers"


# "B reported on DAY that A said CONTENT"
LEADING = [
    (
        "en",
        "Local media reported on Monday that a police officer said three civilians were killed"
        " in the shelling.",
    ),
    (
        "de",
        "Medien berichteten am Montag, dass ein Offizier gesagt habe, dass drei Zivilisten bei"
        " dem Beschuss getötet wurden.",
    ),
    (
        "ru",
        "СМИ сообщили в понедельник, что украинский офицер заявил, что трое мирных жителей"
        " погибли при обстреле.",
    ),
    (
        "uk",
        "ЗМІ повідомили у понеділок, що український офіцер заявив, що троє цивільних загинули"
        " під час обстрілу.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), LEADING)
def test_leading_chain(reader: Reader, lang: str, text: str) -> None:
    c = _killed_or_injured(reader, lang, text)
    assert c.source.kind == SourceKind.MILITARY or c.source.kind == SourceKind.GOVERNMENT
    assert c.source.via, "the reporting media are an intermediary"
    assert c.time is not None and c.time.precision == "before_publication"
    assert c.time.end == MONDAY
    assert [a.normalized for a in c.actors if a.role == "victim"] == ["civilians"]


# a date of the reporting clause is no event date; a date of the content is
REPORT_DATE = [
    ("en", "The governor said on Tuesday that two children were injured in the strike."),
    (
        "de",
        "Der Gouverneur teilte am Dienstag mit, dass zwei Kinder bei dem Angriff verletzt wurden.",
    ),
    ("ru", "Губернатор сообщил во вторник, что двое детей были ранены при ударе."),
    ("uk", "Губернатор повідомив у вівторок, що двоє дітей були поранені під час удару."),
]
EVENT_DATE = [
    ("en", "Two children were injured in the strike on Sunday, the governor said on Tuesday."),
    (
        "de",
        "Zwei Kinder wurden am Sonntag bei dem Angriff verletzt, sagte der Gouverneur am Dienstag.",
    ),
    ("ru", "Двое детей были ранены в воскресенье при ударе, сообщил губернатор во вторник."),
    ("uk", "Двоє дітей були поранені у неділю під час удару, повідомив губернатор у вівторок."),
]


@pytest.mark.parametrize(("lang", "text"), REPORT_DATE)
def test_report_date_is_not_the_event_date(reader: Reader, lang: str, text: str) -> None:
    c = _killed_or_injured(reader, lang, text)
    assert c.time is not None
    assert (c.time.precision, c.time.start, c.time.end) == ("before_publication", None, TUESDAY)
    assert [a.normalized for a in c.actors if a.role == "victim"] == ["children"]


@pytest.mark.parametrize(("lang", "text"), EVENT_DATE)
def test_content_date_is_the_event_date(reader: Reader, lang: str, text: str) -> None:
    c = _killed_or_injured(reader, lang, text)
    assert c.time is not None
    assert (c.time.precision, c.time.start, c.time.end) == ("day", SUNDAY, SUNDAY)
    assert all(a.role == "victim" for a in c.actors)


# "N people …, including officers": people and officers are victims, with their groups
QUALIFIED = [
    ("en", "Six people were killed in the attack, including officers, the army said."),
    (
        "de",
        "Sechs Menschen wurden bei dem Angriff getötet, darunter Offiziere, teilte die Armee mit.",
    ),
    ("ru", "Шесть человек погибли при атаке, в том числе офицеры, сообщила армия."),
    ("uk", "Шестеро людей загинули під час атаки, серед них офіцери, повідомила армія."),
]


@pytest.mark.parametrize(("lang", "text"), QUALIFIED)
def test_victim_groups(reader: Reader, lang: str, text: str) -> None:
    c = _killed_or_injured(reader, lang, text)
    groups = {a.normalized for a in c.actors if a.role == "victim"}
    assert groups == {"people", "officers"}
    assert c.counts.killed is not None and c.counts.killed.qualifier is not None
