"""One Ukrainian settlement, every spelling (issue #11, linking that survives names): the
official Ukrainian name, its regular Russian form and the Latin spellings of both by the
transliteration systems the press uses (:func:`fogofwar.geo.translit.latin_forms`) all resolve
to the place the Ukrainian name does, in Ukraine.

The spellings are generated, never listed per town: a row is a town's official Ukrainian name
only. Every sentence here was written for these tests (no dataset text).
"""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer
from fogofwar.geo.text import translit_uk
from fogofwar.geo.translit import latin_forms, russian_form

# official Ukrainian names of cities and of towns in the news of the war
TOWNS = (
    "Київ", "Харків", "Одеса", "Дніпро", "Запоріжжя", "Львів", "Кривий Ріг", "Миколаїв",
    "Маріуполь", "Вінниця", "Херсон", "Полтава", "Чернігів", "Черкаси", "Суми", "Житомир",
    "Хмельницький", "Чернівці", "Рівне", "Кропивницький", "Івано-Франківськ", "Кременчук",
    "Тернопіль", "Луцьк", "Біла Церква", "Краматорськ", "Мелітополь", "Слов'янськ",
    "Бердянськ", "Бахмут", "Покровськ", "Ізюм", "Куп'янськ", "Енергодар", "Авдіївка",
    "Костянтинівка", "Лисичанськ", "Сєвєродонецьк", "Нікополь", "Павлоград", "Бровари",
    "Ірпінь", "Буча", "Вугледар", "Торецьк", "Часів Яр", "Вовчанськ", "Оріхів", "Херсон",
    "Умань", "Мукачево", "Ужгород", "Березне", "Щастя", "Гуляйполе",
)  # fmt: skip


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _where(gaz: Gazetteer, text: str, lang: str, surface: str) -> tuple[int | None, str | None]:
    for m in gaz.find(text, lang):
        if m.surface == surface and m.location is not None:
            return m.location.geonames_id, m.location.country
    return None, None


def _spellings(uk: str) -> list[tuple[str, str, str]]:
    """(lang, sentence, surface) for every generated spelling of ``uk``."""
    ru = russian_form(uk)
    out = [("uk", f"Вибухи пролунали в місті {uk} вночі, повідомили в Україні.", uk)]
    if ru:
        out.append(("ru", f"Взрывы прогремели в городе {ru} ночью, сообщили на Украине.", ru))
    for name in (uk, ru) if ru else (uk,):
        out += [("en", f"Explosions were heard in {f}, Ukraine, overnight.", f)
                for f in latin_forms(name)]  # fmt: skip
        out += [("de", f"In der Nacht gab es Explosionen in {f} in der Ukraine.", f)
                for f in latin_forms(name)]  # fmt: skip
    return out


@pytest.mark.parametrize("town", sorted(set(TOWNS)))
def test_every_spelling_is_one_place(gaz: Gazetteer, town: str) -> None:
    spellings = _spellings(town)
    assert len(spellings) >= 3  # Ukrainian, and Latin in English and German sentences
    places = {
        (lang, surface): _where(gaz, text, lang, surface) for lang, text, surface in spellings
    }
    home = places[("uk", town)]
    assert home[0] is not None and home[1] == "UKR", home
    assert {k: v for k, v in places.items() if v != home} == {}


@pytest.mark.parametrize(
    ("uk", "latin"),
    [("Знам'янка", "Znamianka"), ("Слов’янськ", "Sloviansk"), ("П'ятихатки", "Piatykhatky")],
)
def test_national_standard_after_an_apostrophe(uk: str, latin: str) -> None:
    # я, ю, є, ї after the apostrophe are inside the word: ia, iu, ie, i (KMU 55, 2010)
    assert translit_uk(uk) == latin


@pytest.mark.parametrize(
    ("uk", "ru"),
    [("П'ятихатки", "Пятихатки"), ("Мар'їнка", "Марьинка"), ("В'язівка", "Вязовка")],
)
def test_russian_form_of_the_apostrophe(uk: str, ru: str) -> None:
    assert russian_form(uk) == ru
