"""Gazetteer.find on sentences written for these tests, in German, English, Russian, Ukrainian.

The index is built once into the cache dir (``$FOGOFWAR_CACHE`` or ``<repo>/.cache``) by the
session fixture; a second process waits on the build lock instead of building again.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar.geo import Gazetteer, PlaceMention, resolve_snippet

POKROVSK_UA = 704422
SUDZHA = 486816
KHARKIV = 706483
KURSK_OBLAST = 538555


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _places(gaz: Gazetteer, text: str, lang: str) -> list[PlaceMention]:
    return [m for m in gaz.find(text, lang) if m.location is not None and not m.is_demonym]


def _one(gaz: Gazetteer, text: str, lang: str, surface: str) -> PlaceMention:
    found = [m for m in _places(gaz, text, lang) if m.surface == surface]
    assert found, f"{surface!r} not found in {[m.surface for m in gaz.find(text, lang)]}"
    return found[0]


# (lang, text, surface, ISO3, precision, normalized name)
CASES = [
    (
        "de",
        "Die Armee rückte in die russische Region Kursk vor.",
        "Region Kursk",
        "RUS",
        "admin1",
        "Kursk Oblast",
    ),
    (
        "de",
        "Kämpfe im Gebiet Charkiw dauern an.",
        "Gebiet Charkiw",
        "UKR",
        "admin1",
        "Kharkiv Oblast",
    ),
    ("de", "In der Ukraine gilt das Kriegsrecht.", "Ukraine", "UKR", "country", "Ukraine"),
    (
        "de",
        "Die Stadt Sudscha in der Region Kursk wurde eingenommen.",
        "Sudscha",
        "RUS",
        "point",
        "Sudzha",
    ),
    ("de", "Der Konflikt in Nahost verschärft sich.", "Nahost", None, "region", "Middle East"),
    ("de", "Gespräche fanden in Moskau statt.", "Moskau", "RUS", "point", "Moscow"),
    ("de", "Die Lage im Donbass bleibt angespannt.", "Donbass", "UKR", "region", "Donbas"),
    (
        "en",
        "Russian troops attacked positions in the Kursk region overnight.",
        "Kursk region",
        "RUS",
        "admin1",
        "Kursk Oblast",
    ),
    (
        "en",
        "Heavy fighting was reported near Pokrovsk in Donetsk region.",
        "Donetsk region",
        "UKR",
        "admin1",
        "Donetsk Oblast",
    ),
    (
        "en",
        "Aid convoys reached the Gaza Strip on Tuesday.",
        "Gaza Strip",
        "PSE",
        "admin1",
        "Gaza Strip",
    ),
    ("en", "Shelling hit Kharkiv again.", "Kharkiv", "UKR", "point", "Kharkiv"),
    ("en", "Clashes erupted in Darfur last week.", "Darfur", "SDN", "region", "Darfur"),
    ("ru", "Бои идут в Курской области.", "Курской области", "RUS", "admin1", "Kursk Oblast"),
    ("ru", "Взрывы прогремели в Украине.", "Украине", "UKR", "country", "Ukraine"),
    ("ru", "Ракетный удар по Харькову.", "Харькову", "UKR", "point", "Kharkiv"),
    (
        "ru",
        "Обстрелы в Белгородской области продолжаются.",
        "Белгородской области",
        "RUS",
        "admin1",
        "Belgorod Oblast",
    ),
    ("uk", "Ворог атакував у Покровську.", "Покровську", "UKR", "point", "Pokrovsk"),
    ("uk", "Вибухи пролунали в Україні.", "Україні", "UKR", "country", "Ukraine"),
    ("uk", "Обстріли на Харківщині тривають.", "Харківщині", "UKR", "admin1", "Kharkiv Oblast"),
    ("uk", "Ситуація в Харкові складна.", "Харкові", "UKR", "point", "Kharkiv"),
    (
        "uk",
        "Дрони атакували Запорізьку область.",
        "Запорізьку область",
        "UKR",
        "admin1",
        "Zaporizhzhia Oblast",
    ),
]


@pytest.mark.parametrize(("lang", "text", "surface", "country", "precision", "name"), CASES)
def test_find_resolves(
    gaz: Gazetteer,
    lang: str,
    text: str,
    surface: str,
    country: str | None,
    precision: str,
    name: str,
) -> None:
    m = _one(gaz, text, lang, surface)
    assert m.location is not None
    assert (m.location.country, m.location.precision, m.location.normalized) == (
        country,
        precision,
        name,
    )
    assert m.location.span == m.span and m.span.slice(text) == surface


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Schwere Kämpfe bei Pokrowsk im Osten.", "Pokrowsk"),
        ("en", "Ukrainian forces held the line near Pokrovsk.", "Pokrovsk"),
        ("uk", "Бої тривають біля Покровська.", "Покровська"),
        ("ru", "Российские войска наступают на Покровск.", "Покровск"),
        ("en", "Pokrovsk came under fire.", "Pokrovsk"),
    ],
)
def test_pokrovsk_is_the_ukrainian_city(gaz: Gazetteer, lang: str, text: str, surface: str) -> None:
    loc = _one(gaz, text, lang, surface).location
    assert loc is not None and loc.geonames_id == POKROVSK_UA and loc.country == "UKR"


@pytest.mark.parametrize(
    ("lang", "text", "surface", "country"),
    [
        ("de", "Drohnen griffen Odessa an.", "Odessa", "UKR"),
        ("en", "A port strike in Odessa killed two.", "Odessa", "UKR"),
        ("de", "Die Front bei Bachmut hielt.", "Bachmut", "UKR"),
        ("de", "In Tschassiw Jar wird gekämpft.", "Tschassiw Jar", "UKR"),
        ("ru", "Бои под Часовым Яром.", "Часовым Яром", "UKR"),
        ("uk", "Вибухи у Запоріжжі.", "Запоріжжі", "UKR"),
        ("ru", "Удар по Одессе и Николаеву.", "Николаеву", "UKR"),
        ("en", "Talks were held in Istanbul.", "Istanbul", "TUR"),
    ],
)
def test_war_places_resolve_to_cities(
    gaz: Gazetteer, lang: str, text: str, surface: str, country: str
) -> None:
    loc = _one(gaz, text, lang, surface).location
    assert loc is not None and loc.country == country and loc.precision == "point"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("de", "Charkiw wurde beschossen.", "Charkiw"),
        ("en", "Kharkiv was shelled.", "Kharkiv"),
        ("uk", "Харків обстріляли.", "Харків"),
        ("ru", "Харьков обстреляли.", "Харьков"),
    ],
)
def test_spellings_meet(gaz: Gazetteer, lang: str, text: str, surface: str) -> None:
    loc = _one(gaz, text, lang, surface).location
    assert loc is not None and loc.geonames_id == KHARKIV


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Russia's Kursk region came under attack.", "Kursk region"),
        ("en", "Fighting in Kursk region continued.", "Kursk region"),
        ("uk", "У Курській області тривають бої.", "Курській області"),
        ("ru", "В Курской области продолжаются бои.", "Курской области"),
        ("de", "Die Armee rückte in die russische Region Kursk vor.", "Region Kursk"),
    ],
)
def test_kursk_region_is_the_oblast_with_its_geonames_id(
    gaz: Gazetteer, lang: str, text: str, surface: str
) -> None:
    loc = _one(gaz, text, lang, surface).location
    assert loc is not None and loc.normalized == "Kursk Oblast" and loc.precision == "admin1"
    assert loc.country == "RUS" and loc.geonames_id == KURSK_OBLAST


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("uk", "Бої тривають у Щасті та біля Лимана.", "Щасті"),
        ("uk", "Бої тривають у Щасті та біля Лимана.", "Лимана"),
        ("uk", "Ракета влучила в Краматорськ.", "Краматорськ"),
        ("ru", "Бои идут под Покровском.", "Покровском"),
    ],
)
def test_cyrillic_common_words_stay_places_at_home(
    gaz: Gazetteer, lang: str, text: str, surface: str
) -> None:
    loc = _one(gaz, text, lang, surface).location
    assert loc is not None and loc.country == "UKR"


def test_country_point_is_geonames(gaz: Gazetteer) -> None:
    loc = _one(gaz, "Troops from the US arrived.", "en", "US").location
    assert loc is not None and (loc.lat, loc.lon) == (39.76, -98.5)


def test_hierarchy_in_text_picks_the_region(gaz: Gazetteer) -> None:
    loc = _one(gaz, "Sudscha in der Region Kursk", "de", "Sudscha").location
    assert loc is not None and loc.geonames_id == SUDZHA and loc.admin1 == "Kursk Oblast"


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("de", "Mit Mut und Entschlossenheit verteidigten sie die Stadt.", "Mut"),
        ("de", "Das Essen wurde knapp, weil der Nachschub fehlte.", "Essen"),
        ("de", "Weil die Brücke zerstört ist, stockt der Nachschub.", "Weil"),
        ("en", "Reading the statement, the minister paused.", "Reading"),
        ("en", "Florence Pugh attended the gala.", "Florence"),
        ("de", "Im Sommer stiegen die Preise, am Ende fiel die Ernte aus.", "Sommer"),
        ("de", "Im Sommer stiegen die Preise, am Ende fiel die Ernte aus.", "Ende"),
        ("uk", "Про це повідомили в Силах оборони України.", "Силах"),
        ("uk", "Андрій Сибіга зустрівся з Петром.", "Андрій"),
        ("uk", "Усі знали, що ПрАТ збанкрутувало.", "Усі"),
        ("uk", "Усі знали, що ПрАТ збанкрутувало.", "ПрАТ"),
        ("ru", "Об этом сообщили в Вооруженных Силах России.", "Силах"),
    ],
)
def test_common_words_are_not_places(gaz: Gazetteer, lang: str, text: str, word: str) -> None:
    assert word not in [m.surface for m in _places(gaz, text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "word", "country"),
    [
        ("de", "Die russische Armee griff an.", "russische", "RUS"),
        ("en", "Ukrainian drones struck a refinery.", "Ukrainian", "UKR"),
        ("ru", "Украинские военные отступили.", "Украинские", "UKR"),
    ],
)
def test_demonyms_are_context_not_places(
    gaz: Gazetteer, lang: str, text: str, word: str, country: str
) -> None:
    found = [m for m in gaz.find(text, lang) if m.surface == word]
    assert len(found) == 1 and found[0].is_demonym
    loc = found[0].location  # the country, as context: never where something happened
    assert loc is not None and loc.country == country and loc.precision == "country"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Kyiv said the attack violated the truce.", "Kyiv"),
        ("en", "Moscow accused the West of escalation.", "Moscow"),
        ("de", "Der Kreml erklärte, die Gespräche seien beendet.", "Kreml"),
        ("ru", "Москва заявила о готовности к переговорам.", "Москва"),
        ("uk", "Київ заявив про нову атаку.", "Київ"),
    ],
)
def test_metonymy_is_flagged(gaz: Gazetteer, lang: str, text: str, surface: str) -> None:
    found = [m for m in gaz.find(text, lang) if m.surface == surface]
    assert len(found) == 1 and found[0].is_metonymy


def test_event_place_is_not_metonymic(gaz: Gazetteer) -> None:
    found = _one(gaz, "A missile hit Kyiv on Monday.", "en", "Kyiv")
    assert not found.is_metonymy


def test_mentions_sorted_and_resolve_snippet_agrees(gaz: Gazetteer) -> None:
    text = "Von Charkiw nach Kupjansk und weiter nach Isjum."
    found = gaz.find(text, "de")
    assert [m.span.start for m in found] == sorted(m.span.start for m in found)
    assert [m.surface for m in found] == ["Charkiw", "Kupjansk", "Isjum"]
    assert resolve_snippet(text, "de") == found


_ALPHABET = st.sampled_from([*"aAeEkKoOrRsSuU ,.-'’\nКкурсьаяоїєіХхПпів", "Kursk", "Курськ"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(_ALPHABET, max_size=40).map("".join),
    lang=st.sampled_from(["de", "en", "ru", "uk", None]),
)
def test_find_never_crashes_and_spans_slice(gaz: Gazetteer, text: str, lang: str | None) -> None:
    for m in gaz.find(text, lang):
        assert m.span.slice(text) == m.surface and m.surface
        if m.location is not None:
            assert m.location.span == m.span
            assert m.location.precision in {"point", "admin2", "admin1", "country", "region"}


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_find_survives_any_unicode(gaz: Gazetteer, text: str) -> None:
    for m in gaz.find(text, "de"):
        assert m.span.slice(text) == m.surface
