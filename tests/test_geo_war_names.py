"""Names of Ukrainian places the way war news writes them (issue #11, linking that survives
names): a region named by its administration ("Харківської ОВА"), a town followed by its
region, case forms with a fleeting vowel or a consonant change, villages only the national
codifier lists, a town's official name that a dictionary happens to know.

Every sentence here was written for these tests (no dataset text).
"""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer
from fogofwar.geo.keys import _by_sum


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _where(gaz: Gazetteer, text: str, lang: str, surface: str) -> tuple[str | None, ...] | None:
    for m in gaz.find(text, lang):
        if m.surface == surface and m.location is not None:
            loc = m.location
            return loc.normalized, loc.country, loc.admin1, loc.precision
    return None


@pytest.mark.parametrize(
    ("lang", "text", "surface", "region"),
    [
        ("uk", "Про удар повідомив голова Харківської ОВА.", "Харківської ОВА", "Kharkiv Oblast"),
        (
            "uk",
            "Про це повідомили в Дніпропетровській обласній військовій адміністрації.",
            "Дніпропетровській обласній військовій адміністрації",
            "Dnipropetrovsk Oblast",
        ),
        (
            "uk",
            "Голова Сумської обласної військової адміністрації закликав до евакуації.",
            "Сумської обласної військової адміністрації",
            "Sumy Oblast",
        ),
        ("ru", "Об этом сообщил глава Запорожской ОВА.", "Запорожской ОВА", "Zaporizhzhia Oblast"),
        (
            "ru",
            "Глава Харьковской военной администрации сообщил о раненых.",
            "Харьковской военной администрации",
            "Kharkiv Oblast",
        ),
        ("en", "Dnipropetrovsk regional governor Serhiy Lysak said.", "Dnipropetrovsk regional",
         "Dnipropetrovsk Oblast"),
    ],
)  # fmt: skip
def test_an_administration_names_its_region(
    gaz: Gazetteer, lang: str, text: str, surface: str, region: str
) -> None:
    """Not the city of the region's name (Dnipro for 'Dnipropetrovsk'): the region."""
    assert _where(gaz, text, lang, surface) == (region, "UKR", region, "admin1")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "town"),
    [
        # a town and its region in the genitive are no first name and surname
        ("ru", "В Новомосковске Днепропетровской области погибли двое.", "Новомосковске", "Samar"),
        ("uk", "У Краматорську Донецької області пролунали вибухи.", "Краматорську", "Kramatorsk"),
    ],
)
def test_a_town_before_its_region(gaz: Gazetteer, lang: str, text: str, surface: str,
                                  town: str) -> None:  # fmt: skip
    got = _where(gaz, text, lang, surface)
    assert got is not None and got[:2] == (town, "UKR")


@pytest.mark.parametrize(
    ("lang", "text", "surface", "town"),
    [
        ("ru", "Ночью обстреляли Марганец и Никополь.", "Марганец", "Marhanets"),
        ("ru", "В Марганце погибли два человека.", "Марганце", "Marhanets"),  # -ец, -ца
        ("uk", "У Марганці загинули двоє людей.", "Марганці", "Marhanets"),  # -ець, -ці
        ("uk", "Удар по Тростянцю стався вранці.", "Тростянцю", "Trostyanets"),
        ("ru", "Удар по Белой Церкви нанесли ночью.", "Белой Церкви", "Bila Tserkva"),  # -ковь
        ("uk", "У Волновасі пролунали вибухи.", "Волновасі", "Volnovakha"),  # х -> с
        ("uk", "Вибухи пролунали в Гуляйполі.", "Гуляйполі", "Hulyaypole"),
        ("uk", "Бої тривають у Часовому Ярі.", "Часовому Ярі", "Chasiv Yar"),  # і -> о
        ("uk", "Вибухи пролунали в Жовтих Водах.", "Жовтих Водах", "Zhovti Vody"),
        ("ru", "Взрывы прогремели в Желтых Водах.", "Желтых Водах", "Zhovti Vody"),
    ],
)
def test_case_forms(gaz: Gazetteer, lang: str, text: str, surface: str, town: str) -> None:
    got = _where(gaz, text, lang, surface)
    assert got is not None and got[:2] == (town, "UKR"), got


@pytest.mark.parametrize(
    ("lang", "text", "surface", "region"),
    [
        ("en", "Ukrainian troops advanced near Robotyne.", "Robotyne", "Zaporizhzhia Oblast"),
        ("de", "Kämpfe bei Robotyne dauern an.", "Robotyne", "Zaporizhzhia Oblast"),
        ("uk", "Бої точаться біля Кліщіївки.", "Кліщіївки", "Donetsk Oblast"),
        ("en", "Fighting continued around Klishchiivka.", "Klishchiivka", "Donetsk Oblast"),
    ],
)
def test_villages_of_the_codifier(gaz: Gazetteer, lang: str, text: str, surface: str,
                                  region: str) -> None:  # fmt: skip
    """A village only the codifier lists (unique name in Ukraine) is a place in its oblast,
    with a point near it (its hromada's biggest town) and no GeoNames id."""
    (m,) = [m for m in gaz.find(text, lang) if m.surface == surface]
    assert m.location is not None
    assert (m.location.country, m.location.admin1) == ("UKR", region)
    assert m.location.geonames_id is None and m.location.lat is not None


def test_a_town_a_dictionary_knows(gaz: Gazetteer) -> None:
    """'Debaltseve' is in a dictionary; without 'in' before it, it is still the town."""
    got = _where(gaz, "Russian shelling hit Debaltseve overnight.", "en", "Debaltseve")
    assert got is not None and got[:2] == ("Debaltseve", "UKR")


def test_keys_by_fewest_changes() -> None:
    """Combinations in order of their sum, each once, however many there are."""
    combos = list(_by_sum([3, 2, 4]))
    assert len(combos) == len(set(combos)) == 24
    assert combos[0] == (0, 0, 0)
    assert [sum(c) for c in combos] == sorted(sum(c) for c in combos)


# English local news: names that are no towns there (written for these tests)
@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a census first name opening a sentence before a surname, and the surname again
        ("The council met on Tuesday. Craig Kaser presented the plan. Kaser said it was ready.",
         "Kaser"),
        ("Rafael Gomez, 27, stood before the judge. Gomez was arrested on Monday.", "Gomez"),
        # a brand joined by one hyphen to a common word
        ("Officials in Ohio will check whether Wal-Mart kept its promise.", "Wal"),
    ],
)  # fmt: skip
def test_no_town_in_english_local_news(gaz: Gazetteer, text: str, word: str) -> None:
    assert all(m.surface != word for m in gaz.find(text, "en"))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Fargo-Moorhead area braced for floods.", "Moorhead"),  # two towns
        ("WINONA -- The body of a man was found behind a residence.", "WINONA"),  # a dateline
        ("Sunday Boston police said nothing.", "Boston"),  # a weekday is no first name
    ],
)
def test_towns_stay_in_english_local_news(gaz: Gazetteer, text: str, word: str) -> None:
    assert any(m.surface == word and m.location is not None for m in gaz.find(text, "en"))


@pytest.mark.parametrize(
    ("text", "surface", "town"),
    [
        # the regular Russian form of the official name, spelled in Latin, is an official name
        # even where GeoNames lists it as another name: not the Russian town of that name
        ("Shelling hit Dergachi overnight, Ukrainian officials said.", "Dergachi", "Derhachi"),
        ("Shelling hit Ternovka overnight, Ukrainian officials said.", "Ternovka", "Ternivka"),
    ],
)
def test_russian_forms_of_official_names(gaz: Gazetteer, text: str, surface: str,
                                         town: str) -> None:  # fmt: skip
    got = _where(gaz, text, "en", surface)
    assert got is not None and got[:2] == (town, "UKR"), got


@pytest.mark.parametrize(
    ("lang", "text", "surface", "country"),
    [
        # a country's own local bodies cite the place: it is likelier in that country than a
        # bigger namesake elsewhere (Seversk, Tomsk; Podolsk, Moscow region; Alexandria)
        ("ru", "Российские войска нанесли удар по Северску, сообщили украинские власти.",
         "Северску", "UKR"),
        ("ru", "Удар по Подольску: погибли трое, сообщили украинские власти.", "Подольску", "UKR"),
        ("ru", "Удар по Александрии: погибли трое, сообщили украинские власти.", "Александрии",
         "UKR"),
        # the attacker's forces are no local body
        ("en", "A Russian strike on Pokrovsk killed two people.", "Pokrovsk", "UKR"),
        # a country's own name stays the country ("Mexican officials" do not make it the city)
        ("en", "Mexican officials said the outbreak started in Mexico.", "Mexico", "MEX"),
    ],
)  # fmt: skip
def test_local_bodies_of_a_country(gaz: Gazetteer, lang: str, text: str, surface: str,
                                   country: str) -> None:  # fmt: skip
    got = _where(gaz, text, lang, surface)
    assert got is not None and got[1] == country, got
    if surface == "Mexico":
        assert got[3] == "country"
