"""Places, round 7: front-line directions named by a town's adjective ("на Покровському
напрямку") are that town, not the village spelled like the adjective (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _places(gaz: Gazetteer, text: str, lang: str) -> dict[str, tuple[str, str | None, str | None]]:
    return {
        m.surface: (m.location.normalized, m.location.country, m.location.admin1)
        for m in gaz.find(text, lang)
        if m.location is not None
    }


@pytest.mark.parametrize(
    ("lang", "text", "surface", "town"),
    [
        ("uk", "Вночі бої точилися на Покровському напрямку.", "Покровському", "Pokrovsk"),
        ("uk", "Генштаб повідомив про атаки на Харківському напрямку.", "Харківському", "Kharkiv"),
        ("ru", "Тяжёлые бои идут на Покровском направлении.", "Покровском", "Pokrovsk"),
        ("ru", "Противник атаковал на Купянском направлении.", "Купянском", "Kupyansk"),
        ("uk", "Штурми тривали на Запорізькому напрямку.", "Запорізькому", "Zaporizhzhya"),
        ("ru", "Затишье на Запорожском направлении.", "Запорожском", "Zaporizhzhya"),
        # "-поле" towns alternate their stem in the adjective
        ("uk", "Обстріли тривали на Гуляйпільському напрямку.", "Гуляйпільському", "Hulyaypole"),
        ("ru", "Атака на Гуляйпольском направлении отбита.", "Гуляйпольском", "Hulyaypole"),
        # a town named with a suffix the adjective drops ("-ка")
        ("uk", "Ворог тиснув на Костянтинівському напрямку.", "Костянтинівському",
         "Kostyantynivka"),
    ],
)  # fmt: skip
def test_direction_adjective_is_its_town(
    gaz: Gazetteer, lang: str, text: str, surface: str, town: str
) -> None:
    found = _places(gaz, text, lang)
    assert found[surface][0] == town
    assert found[surface][1] == "UKR"


def test_adjectives_sharing_one_noun(gaz: Gazetteer) -> None:
    """ "на Лиманському, Сіверському та Краматорському напрямках": every adjective of the list
    is its town, not only the one right before the noun."""
    text = "Окупанти атакували на Лиманському, Сіверському та Краматорському напрямках."
    found = _places(gaz, text, "uk")
    assert found["Лиманському"][:2] == ("Lyman", "UKR")
    assert found["Сіверському"][:2] == ("Siversk", "UKR")
    assert found["Краматорському"][:2] == ("Kramatorsk", "UKR")


def test_russian_spelling_of_a_ukrainian_town_in_context(gaz: Gazetteer) -> None:
    """ "Северском" derives from "Северск": Siversk in Donetsk oblast when the text is there,
    not Seversk near Tomsk."""
    text = "ВСУ отошли на Северском направлении в Донецкой области."
    found = _places(gaz, text, "ru")
    assert found["Северском"][:2] == ("Siversk", "UKR")


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        # no direction noun after it: an adjective of something else is no town
        ("uk", "Покровському міському голові подякували.", "Покровському"),
    ],
)
def test_adjective_without_direction_noun_is_left_alone(
    gaz: Gazetteer, lang: str, text: str, surface: str
) -> None:
    assert surface not in _places(gaz, text, lang)


def test_town_name_before_direction_noun_stays_the_town(gaz: Gazetteer) -> None:
    """Latin-script names of directions are the town's own name already."""
    found = _places(gaz, "Russian troops pressed on the Pokrovsk direction.", "en")
    assert found["Pokrovsk"][:2] == ("Pokrovsk", "UKR")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "place", "country"),
    [
        # a country's name in another language (French "Salvador", Spanish "Granada") is not the
        # country when it is a big city's own name
        ("en", "Two people drowned in Salvador after heavy rain.", "Salvador", "Salvador", "BRA"),
        ("es", "Miles de personas marcharon en Granada.", "Granada", "Granada", "ESP"),
        # the country's own name stays the country
        ("en", "El Salvador declared a state of emergency.", "El Salvador", "El Salvador", "SLV"),
        ("en", "Armenia closed its border on Friday.", "Armenia", "Armenia", "ARM"),
    ],
)
def test_foreign_country_name_against_a_city(
    gaz: Gazetteer, lang: str, text: str, surface: str, place: str, country: str
) -> None:
    assert _places(gaz, text, lang)[surface][:2] == (place, country)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Georgia Tech engineers built the new sensor.", "USA"),
        ("She teaches at Georgia State University in Atlanta.", "USA"),
        # "State" alone is no school: the country's security service
        ("Officers of the Georgia State Security Service detained him in Tbilisi.", "GEO"),
        ("Georgia accused Moscow of moving the border posts.", "GEO"),
    ],
)
def test_school_named_after_a_region(gaz: Gazetteer, text: str, country: str) -> None:
    """ "Georgia Tech" is a school of the US state, never of the country."""
    assert _places(gaz, text, "en")["Georgia"][1] == country


@pytest.mark.parametrize(
    ("lang", "text", "absent", "present"),
    [
        # "Council" (Idaho) after "City": a body's name of two common words
        ("en", "A spokesman said Oxford City Council would replace the sign.", "Council", "Oxford"),
        ("en", "The City Council has voted on the budget.", "Council", None),
        # a capitalised place preposition at the start of a sentence still vouches for a town
        ("en", "In Commerce, police closed two roads.", None, "Commerce"),
    ],
)
def test_body_named_by_common_words(
    gaz: Gazetteer, lang: str, text: str, absent: str | None, present: str | None
) -> None:
    found = _places(gaz, text, lang)
    if absent is not None:
        assert absent not in found
    if present is not None:
        assert present in found


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # a census first name that is only a hamlet's or small town's name: the person
        ("Their first daughter, Hailey, was born in May.", "Hailey", False),
        ("Coach Dillon said the team was ready.", "Dillon", False),
        # ... unless the text places it, or a region may follow it
        ("The fair opens in Hailey on Friday.", "Hailey", True),
        ("Hailey police closed the road.", "Hailey", True),
        ("He grew up in Boise and Hailey, Idaho, before the war.", "Hailey", True),
    ],
)
def test_first_name_against_a_small_town(
    gaz: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    assert (surface in _places(gaz, text, "en")) is kept


@pytest.mark.parametrize(
    ("text", "surface", "kept"),
    [
        # a country's or region's name after a first name is a surname
        ("Lin-Manuel Miranda wrote the songs.", "Miranda", False),
        ("Michael Jordan signed the shoes.", "Jordan", False),
        # ... or a first name before a surname
        ("Israel Katz said the talks had failed.", "Israel", False),
        # the country itself
        ("Rockets were fired at Israel overnight.", "Israel", True),
        ("Venezuela's Miranda state reported floods.", "Miranda", True),
    ],
)
def test_country_or_region_as_a_persons_name(
    gaz: Gazetteer, text: str, surface: str, kept: bool
) -> None:
    assert (surface in _places(gaz, text, "en")) is kept


@pytest.mark.parametrize(
    ("lang", "text", "surface", "district", "oblast"),
    [
        # a district named by its adjective is that district (a second-level region), not
        # the village spelled like the adjective (Kharkivske, Pokrovske) nor its centre town
        (
            "uk",
            "Обстріли тривали у Харківському районі.",
            "Харківському районі",
            "Kharkivskyi Raion",
            "Kharkiv Oblast",
        ),
        (
            "uk",
            "Обстріли тривали у Покровському районі.",
            "Покровському районі",
            "Pokrovskyi Raion",
            "Donetsk Oblast",
        ),
        (
            "ru",
            "Обстрел в Покровском районе.",
            "Покровском районе",
            "Pokrovskyi Raion",
            "Donetsk Oblast",
        ),
        (
            "uk",
            "Обстріли тривали у Сумському районі.",
            "Сумському районі",
            "Sumskyi Raion",
            "Sumy Oblast",
        ),
    ],
)
def test_district_adjective_is_the_district(
    gaz: Gazetteer, lang: str, text: str, surface: str, district: str, oblast: str
) -> None:
    found = {m.surface: m.location for m in gaz.find(text, lang) if m.location is not None}
    loc = found[surface]
    assert (loc.normalized, loc.country, loc.admin1, loc.precision) == (
        district,
        "UKR",
        oblast,
        "admin2",
    )
    assert surface.split()[0] not in found  # the adjective alone is no village
