"""Reader claims that feed the linker (session 13): a date right after a speech verb dates the
report, not the event; Russian forms of Ukrainian settlements named after a person; districts
by their centre's Russian name."""

from __future__ import annotations

from datetime import date

import pytest

from fogofwar.claim import Claim
from fogofwar.geo import Gazetteer
from fogofwar.geo.translit import russian_adjective, russian_forms
from fogofwar.model import Article
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _claims(reader: Reader, lang: str, text: str) -> list[Claim]:
    art = Article.create(source="t", text=text, language=lang, published=date(2025, 3, 5))
    return list(reader.read(art).claims)


# 2025-03-05 is a Wednesday: "on Tuesday" is 2025-03-04, "on Monday" 2025-03-03
@pytest.mark.parametrize(
    ("text", "end"),
    [
        (
            "Around 1,500 people were killed in the battle for Bukavu, a senior official of "
            "the UN stabilisation mission MONUSCO said on Tuesday.",
            "2025-03-04",
        ),
        (
            "Nearly 300 people died in the clashes around Uvira, the deputy head of the "
            "provincial health service of South Kivu said on Monday.",
            "2025-03-03",
        ),
        (
            "The rebels captured the town of Uvira, a local civil society leader in South Kivu "
            "told on Monday.",
            "2025-03-03",
        ),
    ],
)
def test_a_date_after_the_speech_verb_dates_the_report(reader: Reader, text: str, end: str) -> None:
    claims = [c for c in _claims(reader, "en", text) if c.time is not None]
    assert claims
    for c in claims:
        assert c.time is not None
        assert (c.time.start, c.time.end, c.time.precision) == (None, end, "before_publication")


def test_a_date_of_the_event_itself_stays_the_event_day(reader: Reader) -> None:
    (c,) = _claims(reader, "en", "Three civilians were killed in Kherson on Monday.")
    assert c.time is not None
    assert (c.time.start, c.time.end, c.time.precision) == ("2025-03-03", "2025-03-03", "day")


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        ("Олександрівка", ("Александровка",)),
        ("Олексіївка", ("Алексеевка",)),
        ("Миколаївка", ("Николаевка",)),
        ("Нова Олександрівка", ("Нова Александровка",)),
        ("Оленівка", ("Оленовка", "Еленовка")),  # after Олена / Елена, or after олень
        ("Покровськ", ("Покровск",)),
        ("Олешки", ()),  # no Ukrainian trait: GeoNames' own Russian name stands
    ],
)
def test_russian_forms_of_given_name_stems(uk: str, ru: tuple[str, ...]) -> None:
    assert russian_forms(uk) == ru


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("ru", "Снаряд попал в здание колонии в Еленовке Донецкой области.", "Еленовке"),
        ("ru", "Украинская армия сообщила об обстреле Еленовки.", "Еленовки"),
        ("en", "A shell hit a prison building in Yelenovka, in the Donetsk region.", "Yelenovka"),
        ("de", "Eine Granate traf ein Gefängnis in Jelenowka im Gebiet Donezk.", "Jelenowka"),
    ],
)
def test_a_russian_name_of_a_ukrainian_village_is_not_a_namesake_abroad(
    gaz: Gazetteer, lang: str, text: str, surface: str
) -> None:
    found = {m.surface: m.location for m in gaz.find(text, lang)}
    loc = found.get(surface)
    assert loc is not None and loc.country == "UKR" and loc.admin1 == "Donetsk Oblast"


@pytest.mark.parametrize(
    ("town", "adjective"),
    [
        ("Белгород-Днестровский", "Белгород-Днестровский"),  # the name is an adjective
        ("Купянск", "Купянский"),
        ("Изюм", "Изюмский"),
        ("Николаев", "Николаевский"),
        ("Одесса", ""),  # irregular: no rule
        ("Запорожье", ""),
    ],
)
def test_russian_adjective_of_a_town(town: str, adjective: str) -> None:
    assert russian_adjective(town) == adjective


@pytest.mark.parametrize(
    ("text", "surface", "oblast"),
    [
        ("Дроны атаковали село в Белгород-Днестровском районе.", "Белгород-Днестровском районе",
         "Odesa Oblast"),
        ("Снаряды упали в Каменец-Подольском районе.", "Каменец-Подольском районе",
         "Khmelnytskyi Oblast"),
        ("Удар пришёлся по Купянскому району.", "Купянскому району", "Kharkiv Oblast"),
    ],
)  # fmt: skip
def test_a_district_by_its_centres_russian_name(
    gaz: Gazetteer, text: str, surface: str, oblast: str
) -> None:
    found = {m.surface: m.location for m in gaz.find(text, "ru")}
    loc = found.get(surface)
    assert loc is not None and loc.precision == "admin2" and loc.admin1 == oblast


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Am Morgen griffen Drohnen Odessa an.", "Odessa", "UKR"),
        ("Gestern trafen zwei Raketen Kiew.", "Kiew", "UKR"),
        ("In der Nacht beschossen Truppen Pokrowsk.", "Pokrowsk", "UKR"),
        ("Die Stadt Essen wählt einen neuen Rat.", "Essen", "DEU"),
        ("Drohnen trafen den Donauhafen Ismajil.", "Ismajil", "UKR"),  # a compound noun
        ("Bomben fielen auf die Großstadt Charkiw.", "Charkiw", "UKR"),
    ],
)
def test_a_german_noun_before_a_place_is_no_first_name(
    gaz: Gazetteer, text: str, surface: str, country: str
) -> None:
    found = {m.surface: m.location for m in gaz.find(text, "de")}
    loc = found.get(surface)
    assert loc is not None and loc.country == country


@pytest.mark.parametrize(
    "text",
    [
        "Dann sprach Andrij Tscherkas mit Reportern.",
        "Wie Olaf Scholz sagte, ist das so.",
        "Der Brief ging an den Präsidenten George Bush.",  # a title before the name
        "Im Finale traf Stürmer Carlos Edwards zweimal.",  # an English first name
    ],
)
def test_a_german_first_name_still_makes_a_person(gaz: Gazetteer, text: str) -> None:
    assert not [m for m in gaz.find(text, "de") if m.location is not None]


def test_a_german_claim_is_placed_after_a_capitalised_noun(reader: Reader) -> None:
    text = "In der Nacht griffen russische Drohnen Odessa an, zwei Menschen wurden getötet."
    claims = _claims(reader, "de", text)
    assert claims and all(c.location and c.location.name == "Odessa" for c in claims)
