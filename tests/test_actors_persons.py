"""Person finder: role word + name shape, apposition, registry figures, in four languages."""

from __future__ import annotations

import pytest

from fogofwar.actors import ActorRegistry
from fogofwar.claim import SourceKind


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


# (lang, sentence, name, role, role surface, country, source kind)
CASES = [
    (
        "de",
        "Der chinesische Söldner Li Wenhao, der für Russland kämpft, berichtete.",
        "Li Wenhao",
        "combatant",
        "Söldner",
        "CHN",
        "combatant",
    ),
    (
        "en",
        "The Chinese mercenary Wang Tao, who fights for Russia, said so.",
        "Wang Tao",
        "combatant",
        "mercenary",
        "CHN",
        "combatant",
    ),
    (
        "ru",
        "Китайский наемник Ван Тао, воюющий за Россию, рассказал.",
        "Ван Тао",
        "combatant",
        "наемник",
        "CHN",
        "combatant",
    ),
    (
        "uk",
        "Китайський найманець Ван Тао, який воює за Росію, розповів.",
        "Ван Тао",
        "combatant",
        "найманець",
        "CHN",
        "combatant",
    ),
    (
        "de",
        "Anna Kowalczyk, eine Sprecherin des polnischen Verteidigungsministeriums, sagte.",
        "Anna Kowalczyk",
        "spokesperson",
        "Sprecherin",
        "POL",
        "military",
    ),
    (
        "en",
        "Tomasz Nowak, a spokesman for the Polish Defence Ministry, said.",
        "Tomasz Nowak",
        "spokesperson",
        "spokesman",
        "POL",
        "military",
    ),
    (
        "ru",
        "Томаш Новак, представитель Минобороны Польши, заявил.",
        "Томаш Новак",
        "spokesperson",
        "представитель",
        "POL",
        "military",
    ),
    (
        "uk",
        "Томаш Новак, речник Міноборони Польщі, заявив.",
        "Томаш Новак",
        "spokesperson",
        "речник",
        "POL",
        "military",
    ),
    (
        "de",
        "Der Militäranalyst Olaf Brenning hält das für möglich.",
        "Olaf Brenning",
        "expert",
        "Militäranalyst",
        None,
        "expert",
    ),
    (
        "en",
        "Military analyst Jonas Whitcombe thinks it is possible.",
        "Jonas Whitcombe",
        "expert",
        "analyst",
        None,
        "expert",
    ),
    (
        "ru",
        "Военный аналитик Олег Жданов считает это возможным.",
        "Олег Жданов",
        "expert",
        "аналитик",
        None,
        "expert",
    ),
    (
        "uk",
        "Військовий аналітик Олег Жданов вважає це можливим.",
        "Олег Жданов",
        "expert",
        "аналітик",
        None,
        "expert",
    ),
    (
        "de",
        "Die Augenzeugin Olena Hrytsenko sah die Explosion.",
        "Olena Hrytsenko",
        "witness",
        "Augenzeugin",
        None,
        "witness",
    ),
    (
        "en",
        "Eyewitness Olena Hrytsenko saw the blast.",
        "Olena Hrytsenko",
        "witness",
        "Eyewitness",
        None,
        "witness",
    ),
    (
        "ru",
        "Очевидец Елена Гриценко видела взрыв.",
        "Елена Гриценко",
        "witness",
        "Очевидец",
        None,
        "witness",
    ),
    (
        "uk",
        "Очевидиця Олена Гриценко бачила вибух.",
        "Олена Гриценко",
        "witness",
        "Очевидиця",
        None,
        "witness",
    ),
    (
        "ru",
        "Губернатор Белгородской области Иван Кравцов сообщил о взрывах.",
        "Иван Кравцов",
        "official",
        "Губернатор",
        None,
        "government",
    ),
    (
        "uk",
        "Голова Харківської ОВА Іван Кравець повідомив про вибухи.",
        "Іван Кравець",
        "official",
        "Голова",
        None,
        "government",
    ),
    (
        "de",
        "Der ukrainische Gouverneur Iwan Krawez meldete Explosionen.",
        "Iwan Krawez",
        "official",
        "Gouverneur",
        "UKR",
        "government",
    ),
    (
        "en",
        "Ukrainian governor Ivan Kravets reported explosions.",
        "Ivan Kravets",
        "official",
        "governor",
        "UKR",
        "government",
    ),
    (
        "de",
        "Der Kriegsreporter Semjon Pegow schrieb auf Telegram.",
        "Semjon Pegow",
        "journalist",
        "Kriegsreporter",
        None,
        "media",
    ),
    (
        "en",
        "War reporter Semyon Pegov wrote on Telegram.",
        "Semyon Pegov",
        "journalist",
        "War reporter",
        None,
        "media",
    ),
    (
        "ru",
        "Военкор Семен Пегов написал в Telegram.",
        "Семен Пегов",
        "journalist",
        "Военкор",
        None,
        "media",
    ),
    (
        "uk",
        "Воєнкор Семен Пегов написав у Telegram.",
        "Семен Пегов",
        "journalist",
        "Воєнкор",
        None,
        "media",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "role", "role_word", "country", "sk"), CASES)
def test_role_person(
    reg: ActorRegistry,
    lang: str,
    text: str,
    name: str,
    role: str,
    role_word: str,
    country: str | None,
    sk: str,
) -> None:
    found = {p.name: p for p in reg.find_persons(text, lang)}
    assert name in found, found
    p = found[name]
    assert p.span.slice(text) == name
    assert p.role == role
    assert p.role_span is not None and p.role_span.slice(text).lower().endswith(role_word.lower())
    assert p.country == country
    assert p.source_kind is SourceKind(sk)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "person_id", "country"),
    [
        ("de", "Selenskyj traf am Abend Gerassimow nicht.", "Selenskyj", "p-zelensky", "UKR"),
        ("en", "Zelensky said Gerasimov had lied.", "Zelensky", "p-zelensky", "UKR"),
        ("ru", "Зеленского поддержали, заявил Герасимов.", "Зеленского", "p-zelensky", "UKR"),
        ("uk", "Зеленського підтримали, заявив Герасимов.", "Зеленського", "p-zelensky", "UKR"),
        ("de", "Kremlsprecher Dmitri Peskow wies das zurück.", "Dmitri Peskow", "p-peskov", "RUS"),
        ("en", "Kremlin spokesman Dmitry Peskov denied it.", "Dmitry Peskov", "p-peskov", "RUS"),
        (
            "ru",
            "Пресс-секретарь Кремля Дмитрий Песков опроверг это.",
            "Дмитрий Песков",
            "p-peskov",
            "RUS",
        ),
        ("uk", "Речник Кремля Дмитро Пєсков заперечив це.", "Дмитро Пєсков", "p-peskov", "RUS"),
    ],
)
def test_registry_person(
    reg: ActorRegistry, lang: str, text: str, surface: str, person_id: str, country: str
) -> None:
    found = {p.name: p for p in reg.find_persons(text, lang)}
    assert surface in found, found
    p = found[surface]
    assert p.entry is not None and p.entry.id == person_id
    assert p.country == country


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a role word followed by common nouns / verbs / places is no person
        ("de", "Die Soldaten Russlands erlitten Verluste. Ein Sprecher bestätigte Verluste."),
        ("en", "The soldiers said nothing. A spokesman confirmed losses in Kursk."),
        ("ru", "Солдаты России понесли потери. Представитель ведомства подтвердил."),
        ("uk", "Солдати Росії зазнали втрат. Речник відомства підтвердив."),
    ],
)
def test_no_person(reg: ActorRegistry, lang: str, text: str) -> None:
    assert reg.find_persons(text, lang) == ()
