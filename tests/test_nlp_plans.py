"""Plans, agency arrests, witness reports, expert/social sources, nested outlets, German figures."""

from __future__ import annotations

from datetime import date

import pytest

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.reader import Reader

PUB = date(2024, 10, 24)


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


# (lang, sentence, kind): a planned or future event is a hypothetical claim without a time
PLANNED = [
    ("en", "Russia plans to send more troops to the border.", ClaimKind.DEPLOYMENT),
    ("en", "The two sides will hold talks next week.", ClaimKind.DIPLOMACY),
    ("en", "The EU is expected to adopt new sanctions.", ClaimKind.DIPLOMACY),
    ("de", "Die Minister sollen am Montag neue Sanktionen beschließen.", ClaimKind.DIPLOMACY),
    ("de", "Deutschland plant, weitere Soldaten nach Litauen zu entsenden.", ClaimKind.DEPLOYMENT),
    ("ru", "Россия планирует перебросить войска к границе.", ClaimKind.DEPLOYMENT),
    ("ru", "Москва собирается провести переговоры с Киевом.", ClaimKind.DIPLOMACY),
    ("uk", "Переговори відбудуться наступного тижня.", ClaimKind.DIPLOMACY),
    ("uk", "Україна має намір провести переговори з Польщею.", ClaimKind.DIPLOMACY),
]


@pytest.mark.parametrize(("lang", "text", "kind"), PLANNED)
def test_planned_event_is_hypothetical(
    reader: Reader, lang: str, text: str, kind: ClaimKind
) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert [c.kind for c in claims] == [kind]
    assert claims[0].certainty == Certainty.HYPOTHETICAL
    time = claims[0].time
    assert time is None or time.span is not None  # no "before publication" guess


# German "soll" with a perfect infinitive stays hearsay about the past
HEARSAY = [
    ("de", "Drei Soldaten sollen getötet worden sein."),
    ("de", "Der Angriff soll am Montag stattgefunden haben."),
]


@pytest.mark.parametrize(("lang", "text"), HEARSAY)
def test_soll_perfect_is_reported(reader: Reader, lang: str, text: str) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert len(claims) == 1 and claims[0].certainty == Certainty.REPORTED


# (lang, sentence, agency, arrested low or None)
ARRESTS = [
    ("uk", "СБУ затримала агента ворожої розвідки у Харкові.", "СБУ", 1),  # one person: 1
    ("uk", "Поліція затримала трьох учасників акції.", "Поліція", 3),
    ("uk", "Правоохоронці затримали двох чоловіків.", "Правоохоронці", 2),
    ("ru", "ФСБ задержала двух жителей Курска.", "ФСБ", 2),
    ("ru", "Полиция задержала пятерых мужчин.", "Полиция", 5),
    ("en", "Police detained dozens of protesters.", "Police", 24),
]


@pytest.mark.parametrize(("lang", "text", "agency", "low"), ARRESTS)
def test_agency_arrest(reader: Reader, lang: str, text: str, agency: str, low: int | None) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert [c.kind for c in claims] == [ClaimKind.ARREST]
    c = claims[0]
    assert [a.name for a in c.actors if a.role == "actor"] == [agency]
    if low is None:
        assert c.counts.arrested is None
    else:
        assert c.counts.arrested is not None and c.counts.arrested.low == low


# (lang, sentence, kind): witnesses report an event noun
WITNESS = [
    ("en", "Residents reported fighting on the outskirts of the town.", ClaimKind.ARMED_CLASH),
    ("de", "Augenzeugen berichteten von Gefechten am Stadtrand.", ClaimKind.ARMED_CLASH),
    ("ru", "Жители сообщили о боях на окраине города.", ClaimKind.ARMED_CLASH),
    ("uk", "Мешканці повідомили про вибухи в місті.", ClaimKind.ATTACK),
]


@pytest.mark.parametrize(("lang", "text", "kind"), WITNESS)
def test_witness_report(reader: Reader, lang: str, text: str, kind: ClaimKind) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert [c.kind for c in claims] == [kind]
    assert claims[0].source.kind == SourceKind.WITNESS
    assert claims[0].certainty == Certainty.CLAIMED


# (lang, sentence, source kind)
SOURCE_KINDS = [
    ("en", "Analysts said Russian forces captured the village.", SourceKind.EXPERT),
    (
        "de",
        "Militärexperten zufolge haben russische Truppen das Dorf eingenommen.",
        SourceKind.EXPERT,
    ),
    ("uk", "Аналітики ISW зазначили, що російські війська захопили село.", SourceKind.EXPERT),
    (
        "en",
        "A Russian milblogger claimed that forces captured the village.",
        SourceKind.SOCIAL_MEDIA,
    ),
    (
        "de",
        "Ein prorussischer Telegram-Kanal meldete, russische Truppen hätten das Dorf eingenommen.",
        SourceKind.SOCIAL_MEDIA,
    ),
    (
        "ru",
        "Телеграм-канал сообщил, что российские войска захватили село.",
        SourceKind.SOCIAL_MEDIA,
    ),
    (
        "uk",
        "Телеграм-канал повідомив, що російські війська захопили село.",
        SourceKind.SOCIAL_MEDIA,
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind"), SOURCE_KINDS)
def test_expert_and_social_sources(reader: Reader, lang: str, text: str, kind: SourceKind) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert [c.kind for c in claims] == [ClaimKind.TERRITORIAL_CHANGE]
    assert claims[0].source.kind == kind


# (lang, sentence, source kind, via): outlet citing officials or sources
NESTED = [
    (
        "en",
        "Reuters reported, citing two officials, that Russia deployed troops to the border.",
        SourceKind.GOVERNMENT,
        ("Reuters",),
    ),
    (
        "de",
        "Laut Axios unter Berufung auf US-Beamte wurden Truppen an die Grenze verlegt.",
        SourceKind.GOVERNMENT,
        ("Axios",),
    ),
    (
        "ru",
        "Как сообщает Reuters со ссылкой на источники, войска были переброшены к границе.",
        SourceKind.UNNAMED,
        ("Reuters",),
    ),
    (
        "uk",
        "Як повідомляє Reuters з посиланням на джерела, війська були перекинуті до кордону.",
        SourceKind.UNNAMED,
        ("Reuters",),
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind", "via"), NESTED)
def test_outlet_citing_officials(
    reader: Reader, lang: str, text: str, kind: SourceKind, via: tuple[str, ...]
) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert [c.kind for c in claims] == [ClaimKind.DEPLOYMENT]
    assert claims[0].source.kind == kind and claims[0].source.via == via


# (lang, sentence, field, low, high)
FIGURES = [
    ("de", "Zwei Menschen wurden getötet, mehrere weitere wurden verletzt.", "injured", 3, 9),
    ("de", "Drei Menschen wurden getötet und mehrere weitere verletzt.", "injured", 3, 9),
    ("de", "Mehr als 1300 Menschen wurden festgenommen.", "arrested", 1301, None),
    ("de", "Mehr als 1.300 Soldaten wurden verletzt.", "injured", 1301, None),
    ("en", "More than 1500 people were injured.", "injured", 1501, None),
]


@pytest.mark.parametrize(("lang", "text", "field", "low", "high"), FIGURES)
def test_german_figures(
    reader: Reader, lang: str, text: str, field: str, low: int, high: int | None
) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert len(claims) == 1
    count = getattr(claims[0].counts, field)
    assert count is not None and (count.low, count.high) == (low, high)


def test_year_is_no_count(reader: Reader) -> None:
    claims = reader.read_text("Im Jahr 2022 wurden Truppen an die Grenze verlegt.", "de").claims
    assert [c.kind for c in claims] == [ClaimKind.DEPLOYMENT]
    assert all(getattr(claims[0].counts, f) is None for f in ("killed", "injured", "arrested"))


def test_earthquake_toll_is_no_attack(reader: Reader) -> None:
    text = "Dozens were killed and more than 150 were injured after an earthquake rocked the area."
    claims = reader.read_text(text, "en").claims
    assert [c.kind for c in claims] == [ClaimKind.OTHER]
