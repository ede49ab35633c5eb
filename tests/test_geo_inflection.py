"""Inflected Russian/Ukrainian city names (declension classes of ``data/geo/lang.toml``) and
German/English given names and short common words that must not become places."""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer, PlaceMention
from fogofwar.geo.langdata import lang_pack


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _places(gaz: Gazetteer, text: str, lang: str) -> list[PlaceMention]:
    return [m for m in gaz.find(text, lang) if m.location is not None and not m.is_demonym]


# (lang, text, surface, GeoNames id): Sumy 692194, Cherkasy 710791, Chernivtsi 710719,
# Lubny 702723, Romny 695464, Kherson 706448, Kharkiv 706483, Odesa 698740,
# Zaporizhzhia 687700, Mariupol 701822, Bakhmut 713174, Avdiivka 713122, Kryvyi Rih 703845
INFLECTED = [
    ("uk", "Вранці дрони атакували Суми, вибухи у Сумах чули всі.", "Сумах", 692194),
    ("uk", "Евакуаційні потяги з Сум вирушили ввечері.", "Сум", 692194),
    ("uk", "Росія вдарила ракетами по Сумам і Конотопу.", "Сумам", 692194),
    ("uk", "Колона рухалася між Сумами та Охтиркою.", "Сумами", 692194),
    ("ru", "Российские войска ударили по Сумам ночью.", "Сумам", 692194),
    ("ru", "Эвакуация мирных жителей из Сум продолжается.", "Сум", 692194),
    ("ru", "Обстрел повредил дома в Сумах и пригородах.", "Сумах", 692194),
    ("uk", "Мешканці Черкас збирали допомогу для фронту.", "Черкас", 710791),
    ("uk", "У Черкасах оголосили повітряну тривогу.", "Черкасах", 710791),
    ("uk", "У Чернівцях відкрили новий центр для переселенців.", "Чернівцях", 710719),
    ("uk", "Волонтери приїхали до Чернівців із гуманітаркою.", "Чернівців", 710719),
    ("uk", "Уночі в Лубнах пролунали вибухи.", "Лубнах", 702723),
    ("uk", "Рятувальники у Ромнах розбирали завали.", "Ромнах", 695464),
    ("uk", "Потяг із Ромен прибув із запізненням.", "Ромен", 695464),
    ("uk", "Окупанти знову обстріляли околиці Херсона.", "Херсона", 706448),
    ("uk", "У Херсоні знеструмлено кілька районів.", "Херсоні", 706448),
    ("ru", "В Харькове снова прозвучали взрывы.", "Харькове", 706483),
    ("uk", "В Одесі ППО збила кілька дронів.", "Одесі", 698740),
    ("ru", "В Одессе повреждена портовая инфраструктура.", "Одессе", 698740),
    ("uk", "У Запоріжжі пошкоджено багатоповерхівку.", "Запоріжжі", 687700),
    ("ru", "Ракета упала в Запорожье возле завода.", "Запорожье", 687700),
    ("ru", "Эвакуация из Запорожья идет по графику.", "Запорожья", 687700),
    ("ru", "Бои идут под Запорожьем уже неделю.", "Запорожьем", 687700),
    ("ru", "Гуманитарный коридор в Мариуполе так и не открыли.", "Мариуполе", 701822),
    ("uk", "У Маріуполі окупанти зносять зруйновані будинки.", "Маріуполі", 701822),
    ("ru", "Тяжелые бои в Бахмуте продолжались месяцами.", "Бахмуте", 713174),
    ("uk", "Бригада тримала оборону в Авдіївці до лютого.", "Авдіївці", 713122),
    ("ru", "Штурмовые группы действовали в Авдеевке.", "Авдеевке", 713122),
    ("ru", "Ракетный удар пришелся по Кривому Рогу.", "Кривому Рогу", 703845),
    ("uk", "Вибухи пролунали в Кривому Розі вночі.", "Кривому Розі", 703845),
]


@pytest.mark.parametrize(("lang", "text", "surface", "geonames_id"), INFLECTED)
def test_inflected_city_names_resolve(
    gaz: Gazetteer, lang: str, text: str, surface: str, geonames_id: int
) -> None:
    found = [m for m in _places(gaz, text, lang) if m.surface == surface]
    assert found, f"{surface!r} not in {[m.surface for m in gaz.find(text, lang)]}"
    loc = found[0].location
    assert loc is not None
    assert (loc.geonames_id, loc.country) == (geonames_id, "UKR")


@pytest.mark.parametrize(
    ("lang", "word", "nominative"),
    [
        ("uk", "сумами", "суми"),
        ("uk", "сум", "суми"),
        ("uk", "чернівцях", "чернівці"),
        ("uk", "лубен", "лубни"),
        ("uk", "авдіївці", "авдіївка"),
        ("uk", "харкова", "харків"),
        ("ru", "запорожья", "запорожье"),
        ("ru", "сумам", "сумы"),
        ("ru", "мариуполе", "мариуполь"),
    ],
)
def test_declension_classes_give_the_nominative(lang: str, word: str, nominative: str) -> None:
    assert nominative in [form for form, _ in lang_pack(lang).variants(word)]


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("uk", "Сум охопив людей після новин з фронту.", "Сум"),
        ("uk", "Сумами грошей займалися аудитори.", "Сумами"),
        ("ru", "Сумами денег занимались аудиторы.", "Сумами"),
        ("uk", "Андрій Черкас заявив про обстріл.", "Черкас"),
        ("uk", "Силами оборони знищено ворожу техніку.", "Силами"),
        ("de", "Peter sagte, die Lage sei ernst.", "Peter"),
        ("de", "Das erklärte Peter Müller am Montag.", "Peter"),
        ("en", "Peter said the situation was serious.", "Peter"),
        ("de", "Die Mio Euro wurden sofort überwiesen.", "Mio"),
        ("de", "Er hat dafür 5 Mio. Euro bezahlt.", "Mio."),
        ("de", "Die Liga startet im August.", "Liga"),
        ("de", "An Bord waren 200 Menschen.", "Bord"),
        ("de", "Die Passagiere gingen sofort von Bord.", "Bord"),
        ("de", "In vielen Ländern gibt es Proteste.", "Ländern"),
    ],
)
def test_names_and_common_words_are_not_places(
    gaz: Gazetteer, lang: str, text: str, word: str
) -> None:
    assert word not in [m.surface for m in _places(gaz, text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "country"),
    [
        ("de", "Explosionen in Perth und Sydney schreckten Anwohner auf.", "Perth", "AUS"),
        ("en", "Peter Jones arrived in Perth on Monday.", "Perth", "AUS"),
        ("de", "Maria fuhr am Sonntag nach Paris.", "Paris", "FRA"),
        ("ru", "Жители Лубен вышли на улицы.", "Лубен", "UKR"),
    ],
)
def test_places_next_to_names_stay(
    gaz: Gazetteer, lang: str, text: str, surface: str, country: str
) -> None:
    found = [m for m in _places(gaz, text, lang) if m.surface == surface]
    assert found and found[0].location is not None
    assert found[0].location.country == country
