"""Name shape: organisation-shaped words, morphology, bare names, country actors, new entries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.actors import ActorRegistry


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


# Organisations, places and titles that are no person.
NO_PERSON = [
    ("en", "He was the first pick of the 2001 Major League Baseball Draft."),
    ("en", "Researchers at the Max Planck Institute said the data were sound."),
    ("en", "A senior fellow of the Discovery Institute's Center for Science spoke."),
    ("en", "The Secretary General of the Council said nothing."),
    ("de", "Die Deutsche Bank sagte am Montag, die Lage sei ernst."),
    ("de", "Der Sprecher der Bundespolizei sagte nichts dazu."),
    ("de", "Ein Sprecher der Friedrich-Ebert-Stiftung sagte ab."),
    ("ru", "Глава Роскосмоса заявил о переносе запуска."),
    ("ru", "Руководитель «Газпром-Медиа» отказался от комментариев."),
    ("ru", "Житель Аризоны открыл стрельбу в торговом центре."),
    ("ru", "Представитель Минобороны заявил о потерях."),
    ("ru", "Депутаты Единой России поддержали закон."),
    ("ru", "Жители Санкт-Петербурга вышли на улицы."),
    ("uk", "Депутат Київради заявив, що питання закрите."),
    ("uk", "Верховна Рада Автономної Республіки Крим ухвалила рішення."),
    ("uk", "Речник Нацполіції повідомив про затримання."),
    ("uk", "Голова Укртранснафти подав у відставку."),
    ("uk", "Мешканка Києва звернулася до поліції."),
]


@pytest.mark.parametrize(("lang", "text"), NO_PERSON)
def test_no_false_person(reg: ActorRegistry, lang: str, text: str) -> None:
    assert reg.find_persons(text, lang) == ()


# (lang, sentence, name, role or None for a name without a role word)
NAMES = [
    ("en", "Minister of Finance Varlamov said the budget holds.", "Varlamov", "official"),
    ("en", "Colonel James R. Whitcombe took command.", "James R. Whitcombe", "military_officer"),
    ("en", '"We will hold the line," said John Whitfield.', "John Whitfield", None),
    ("en", "According to Arthur Penrose's report, the bridge fell.", "Arthur Penrose", None),
    ("en", "The county sheriff Dale Harkins said the road was closed.", "Dale Harkins", "official"),
    ("de", "Der Sprecher Peter Koch sagte, die Lage sei ruhig.", "Peter Koch", "spokesperson"),
    ("de", "Peter Koch sagte am Montag, die Lage sei ruhig.", "Peter Koch", None),
    ("de", "Am Abend traf Thomas Brenner die Delegation.", "Thomas Brenner", None),
    (
        "ru",
        "Министр иностранных дел Грузии Ираклий Беридзе прибыл в Киев.",
        "Ираклий Беридзе",
        "official",
    ),
    ("ru", "Советник мэра Москвы Ирина Волкова сообщила о решении.", "Ирина Волкова", "official"),
    ("ru", "Советник партии «Яблоко» Артём Лесков выступил.", "Артём Лесков", "official"),
    ("ru", "Сегодня Петров заявил, что войска отошли.", "Петров", None),
    ("ru", "Накануне Павел Рогов встретился с военными.", "Павел Рогов", None),
    ("ru", "Представитель ведомства Владислав Бриг отказался.", "Владислав Бриг", "spokesperson"),
    ("uk", "Депутат Київради Олег Савчук заявив про порушення.", "Олег Савчук", "official"),
    (
        "uk",
        "Голова «Укртранснафти» Тарас Мельничук подав у відставку.",
        "Тарас Мельничук",
        "official",
    ),
    ("uk", "Андрій Коваленко заявив, що обстріл тривав годину.", "Андрій Коваленко", None),
    ("uk", "Вчора Олена Ковальчук відвідала шпиталь.", "Олена Ковальчук", None),
]


@pytest.mark.parametrize(("lang", "text", "name", "role"), NAMES)
def test_name(reg: ActorRegistry, lang: str, text: str, name: str, role: str | None) -> None:
    found = {p.name: p for p in reg.find_persons(text, lang)}
    assert set(found) == {name}, found
    assert found[name].role == role


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ru", "Пресс-секретарь Путина Андрей Соколов сообщил об этом.", "Андрей Соколов"),
        ("uk", "За часів президентства Віктора Гаврилюка Євген Анісенко працював.", None),
        ("ru", "Эту должность займёт посол в Чехии Синдзи Харада.", "Синдзи Харада"),
    ],
)
def test_one_person_per_run(reg: ActorRegistry, lang: str, text: str, name: str | None) -> None:
    """A genitive surname before a first name is a complement; two persons are not one."""
    names = [p.name for p in reg.find_persons(text, lang)]
    if name is not None:
        assert name in names, names
    assert not any(len(n.split()) > 2 and n != "Синдзи Харада" for n in names), names


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Командир заявил Иванову о приказе."),
        ("uk", "Командир повідомив Петренку про наказ."),
    ],
)
def test_verb_does_not_bridge_role_and_name(reg: ActorRegistry, lang: str, text: str) -> None:
    assert all(p.role is None for p in reg.find_persons(text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Сырская посетила госпиталь в Харькове."),
        ("uk", "Сирська відвідала шпиталь у Харкові."),
        ("ru", "Это был путинизм в чистом виде."),
    ],
)
def test_feminine_form_is_not_the_registry_man(reg: ActorRegistry, lang: str, text: str) -> None:
    assert all(p.entry is None for p in reg.find_persons(text, lang))


@pytest.mark.parametrize(
    ("lang", "word", "actor_id"),
    [
        ("en", "Israel", "isr-government"),
        ("de", "Russlands", "rus-government"),
        ("ru", "России", "rus-government"),
        ("ru", "Эстонии", "est-government"),
        ("uk", "Росія", "rus-government"),
        ("uk", "Грузії", "geo-government"),
        ("en", "Kyiv", None),
        ("ru", "Москвы", None),
    ],
)
def test_country_actor(reg: ActorRegistry, lang: str, word: str, actor_id: str | None) -> None:
    entry = reg.country_actor(word, lang)
    assert (entry.id if entry else None) == actor_id


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor_id"),
    [
        ("en", "Gazprom cut gas supplies to the region.", "Gazprom", "rus-gazprom"),
        ("de", "Die CDU lehnte den Antrag ab.", "CDU", "deu-cdu"),
        ("de", "Der Bundestag stimmte zu.", "Bundestag", "deu-bundestag"),
        ("ru", "«Роснефть» сократила добычу.", "Роснефть", "rus-rosneft"),
        (
            "ru",
            "Депутаты от Единой России голосовали против.",
            "Единой России",
            "rus-united-russia",
        ),
        ("ru", "Об этом сообщает РБК.", "РБК", "rbc"),
        ("uk", "Укрзалізниця змінила розклад поїздів.", "Укрзалізниця", "ukr-ukrzaliznytsia"),
        ("uk", "Енергоатом повідомив про знеструмлення.", "Енергоатом", "ukr-energoatom"),
        ("uk", "Справу розслідує Нацполіція.", "Нацполіція", "ukr-national-police"),
        ("ru", "Войска России отошли.", "Войска России", "rus-forces"),
        ("uk", "Війська Росії відійшли.", "Війська Росії", "rus-forces"),
    ],
)
def test_general_entries(
    reg: ActorRegistry, lang: str, text: str, surface: str, actor_id: str
) -> None:
    found = {m.surface: m.entry.id for m in reg.find(text, lang)}
    assert found.get(surface) == actor_id, found


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("en", "He lost to the Fiji Labour Party in 1999.", "gbr-labour"),
        ("en", "It was run by CBS Cable until 1983.", "cbs"),
        ("en", "He served in the Twenty-fourth United States Congress.", "usa-congress"),
    ],
)
def test_alias_inside_a_longer_name(reg: ActorRegistry, lang: str, text: str, absent: str) -> None:
    assert absent not in {m.entry.id for m in reg.find(text, lang)}


_WORDS = [
    "Peter", "Koch", "sagte", "said", "Major", "League", "Institute", "Colonel", "H.", "John's",
    "заявил", "Иванов", "Павел", "Рогов", "Москвы", "«Яблоко»", "Київради", "Андрій", "заявив",
    "Sprecher", "министр", "речник", "-", ",", ".", '"', "«", "»", "Санкт-Петербург", "Ван",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=14),
    st.sampled_from(["de", "en", "ru", "uk"]),
)
def test_person_spans_slice_to_names(reg: ActorRegistry, words: list[str], lang: str) -> None:
    text = " ".join(words)
    for p in reg.find_persons(text, lang):
        assert p.span.slice(text) == p.name
        assert p.name and not p.name.endswith(("'s", "’s"))
    for m in reg.find(text, lang):
        assert m.span.slice(text) == m.surface
