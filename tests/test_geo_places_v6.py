"""Running-text errors of the recogniser and the resolver: a famous place's own name against
another place's other name, a listed person's first name, "St." names, landmarks in running
text (sentences written for these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer
from fogofwar.geo.landmarks import landmark_hits
from fogofwar.geo.langdata import lang_pack
from fogofwar.geo.recognise import tokenize


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _places(gaz: Gazetteer, text: str, lang: str) -> dict[str, tuple[str, str | None]]:
    return {
        m.surface: (m.location.normalized, m.location.country)
        for m in gaz.find(text, lang)
        if m.location is not None
    }


@pytest.mark.parametrize(
    ("lang", "text", "surface", "country"),
    [
        ("en", "A church group from Hagerstown, Maryland, flew from Baltimore to Jerusalem.",
         "Jerusalem", "ISR"),
        ("en", "Fans in Amman and Irbid watched; Philadelphia won the game.", "Philadelphia",
         "USA"),
        ("de", "Eine Gruppe aus Hagerstown in Maryland reiste nach Jerusalem.", "Jerusalem", "ISR"),
    ],
)  # fmt: skip
def test_a_famous_places_own_name_beats_another_places_other_name(
    gaz: Gazetteer, lang: str, text: str, surface: str, country: str
) -> None:
    assert _places(gaz, text, lang)[surface][1] == country


def test_a_capitals_own_name_leaves_a_towns_other_name_to_context(gaz: Gazetteer) -> None:
    # Kingston upon Thames is a town, not a hamlet: the London context still decides
    text = "Residents of Sutton and Kingston, in south-west London, queued at Kingston station."
    assert _places(gaz, text, "en")["Kingston"] == ("Kingston upon Thames", "GBR")


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Vladimir Putin phoned Benjamin Netanyahu on Tuesday.", "Vladimir"),
        ("de", "Wladimir Putin telefonierte mit Benjamin Netanjahu.", "Wladimir"),
        ("ru", "Владимир Путин провёл переговоры в Кремле.", "Владимир"),
        ("ru", "Пресс-секретарь Владимира Путина ответил журналистам.", "Владимира"),
        ("uk", "Володимир Путін говорив з Беньяміном Нетаньягу.", "Беньяміном"),
        ("uk", "Заяву Володимира Зеленського оприлюднили вранці.", "Володимира"),
        ("fr", "Jordan Bardella a débattu hier soir à Lille.", "Jordan"),
        ("es", "Jordan Bardella habló ayer en Lille.", "Jordan"),
        ("it", "Jordan Bardella ha parlato ieri a Lille.", "Jordan"),
        ("en", "Georgia Meloni, a teacher, spoke to the council.", "Georgia"),
    ],
)  # fmt: skip
def test_a_first_name_before_a_surname_is_no_place(
    gaz: Gazetteer, lang: str, text: str, name: str
) -> None:
    assert name not in _places(gaz, text, lang)


def test_a_country_that_is_a_first_name_stays_a_country_alone(gaz: Gazetteer) -> None:
    text = "Jordan Bardella visited Jordan."
    found = [m for m in gaz.find(text, "en") if m.surface == "Jordan"]
    assert len(found) == 1 and found[0].span.start == text.rindex("Jordan")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name"),
    [
        ("en", "Flights from St. Louis to Chicago resumed.", "St. Louis", "St. Louis"),
        ("en", "Flights from Chicago to St Paul resumed.", "St Paul", "Saint Paul"),
        ("de", "Eine Kundgebung in St. Pölten blieb friedlich.", "St. Pölten", "Sankt Pölten"),
    ],
)  # fmt: skip
def test_an_abbreviated_town_name_is_read_in_full(
    gaz: Gazetteer, lang: str, text: str, surface: str, name: str
) -> None:
    assert _places(gaz, text, lang)[surface][0] == name


def test_a_saints_name_is_no_place(gaz: Gazetteer) -> None:
    text = "Volunteers at St. Mary's hospital in Leeds cooked for St. Patrick's Day."
    assert set(_places(gaz, text, "en")) == {"Leeds"}


def test_a_sentence_end_inside_a_saints_town_is_no_street(gaz: Gazetteer) -> None:
    text = "The delegates met in St. Louis. St. Mary's choir sang."
    found = gaz.find(text, "en")
    assert not [m for m in found if m.is_feature]
    assert [m.surface for m in found] == ["St. Louis"]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "town"),
    [
        ("en", "Protesters gathered outside Trump Tower on Sunday.", "Trump Tower",
         "New York City"),
        ("en", "Inspectors reached the Zaporizhzhia nuclear power plant.",
         "Zaporizhzhia nuclear power plant", "Enerhodar"),
        ("de", "Die Inspekteure erreichten das AKW Saporischschja.", "AKW Saporischschja",
         "Enerhodar"),
        ("fr", "Un rassemblement a eu lieu place Rouge.", "place Rouge", "Moscow"),
        ("es", "Turistas en la Plaza Roja.", "Plaza Roja", "Moscow"),
        ("it", "Un drone ha colpito il ponte di Crimea.", "ponte di Crimea", "Kerch"),
        ("ru", "Дрон атаковал Крымский мост.", "Крымский мост", "Kerch"),
        ("uk", "Бої точилися біля Азовсталі.", "Азовсталі", "Mariupol"),
        ("uk", "Вибух пролунав на Кримському мосту.", "Кримському мосту", "Kerch"),
        ("de", "Hunderte standen auf dem Roten Platz.", "Roten Platz", "Moscow"),
    ],
)  # fmt: skip
def test_a_landmark_in_running_text_lies_in_its_town(
    gaz: Gazetteer, lang: str, text: str, surface: str, town: str
) -> None:
    found = [m for m in gaz.find(text, lang) if m.surface == surface]
    assert found and found[0].location is not None
    assert found[0].location.normalized == town
    assert found[0].location.geonames_id is None
    # the town inside the landmark's name is the landmark's, not a place of its own
    assert not [m for m in gaz.find(text, lang) if m.span.start > found[0].span.start]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The United Nations said Wall Street fell as the Knesset voted."),
        ("ru", "ООН призвала стороны к переговорам."),
        ("uk", "На Банковій заявили, що Майдан пам'ятає."),
    ],
)  # fmt: skip
def test_a_landmark_name_that_names_a_body_is_no_place_in_running_text(
    gaz: Gazetteer, lang: str, text: str
) -> None:
    pack = lang_pack(lang)
    assert not landmark_hits(tokenize(text), text, pack, gaz._index)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name"),
    [
        ("en", "Judges in The Hague ruled on Monday.", "The Hague", "The Hague"),
        ("fr", "Le président est arrivé à La Paz.", "La Paz", "La Paz"),
        ("es", "Hubo protestas en Los Ángeles.", "Los Ángeles", "Los Angeles"),
        ("it", "Il ministro è atterrato a La Paz.", "La Paz", "La Paz"),
    ],
)  # fmt: skip
def test_a_name_that_starts_with_an_article_is_read_whole(
    gaz: Gazetteer, lang: str, text: str, surface: str, name: str
) -> None:
    assert _places(gaz, text, lang)[surface][0] == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Réunion de crise à Paris après les frappes."),
        ("es", "Reunión de urgencia en Madrid tras los ataques."),
        ("it", "Riunione d'urgenza a Roma dopo gli attacchi."),
    ],
)  # fmt: skip
def test_a_small_country_named_by_a_common_word_does_not_open_a_sentence_alone(
    gaz: Gazetteer, lang: str, text: str
) -> None:
    assert "Reunion" not in {n for n, _ in _places(gaz, text, lang).values()}


def test_the_island_named_by_a_common_word_stays_a_place_inside_a_sentence(
    gaz: Gazetteer,
) -> None:
    text = "Un cyclone a frappé l'île de la Réunion hier."
    assert ("Reunion", "REU") in _places(gaz, text, "fr").values()
