"""Claim precision (issue 10): what an analyst does not mark, in any language — long-past
history, the aftermath and procedure around an event (hospital care, investigations, details
withheld), generalisations — read by the shipped reader (rules and clause model) in passages
written for this suite. Each row is a short report whose first sentence carries a claim and
whose ``none`` sentence carries none (annotating-claims: "Not claims: analysis and opinion …
habitual background, long-past history …, funerals and ceremonies")."""

from __future__ import annotations

import pytest

from fogofwar.reader import Reader

# (id, lang, text, the sentence that holds no claim)
ROWS: list[tuple[str, str, str, str]] = [
    (
        "history-uk",
        "uk",
        "Вночі російські війська обстріляли Херсон, поранено двох людей, повідомив голова ОВА "
        "Олександр Прокудін. Російські окупанти захопили Херсон у лютому 2022 року.",
        "Російські окупанти захопили Херсон у лютому 2022 року.",
    ),
    (
        "history-ru",
        "ru",
        "Беспилотник атаковал автомобиль в селе Ясное, ранен водитель, сообщил губернатор "
        "Вячеслав Гладков. Украинские войска отступили из этого района в сентябре 2022 года.",
        "Украинские войска отступили из этого района в сентябре 2022 года.",
    ),
    (
        "history-de",
        "de",
        "Bei einem Drohnenangriff auf Charkiw ist nach Angaben des Bürgermeisters ein Mann "
        "getötet worden. Russische Truppen hatten die Region im Frühjahr 2022 besetzt.",
        "Russische Truppen hatten die Region im Frühjahr 2022 besetzt.",
    ),
    (
        "aftermath-uk",
        "uk",
        "Унаслідок ракетного удару по Одесі загинули троє людей, повідомив очільник ОВА. "
        "Постраждалим надають усю необхідну медичну допомогу.",
        "Постраждалим надають усю необхідну медичну допомогу.",
    ),
    (
        "aftermath-ru",
        "ru",
        "Дрон атаковал грузовик на трассе под Курском, водитель погиб, сообщил губернатор. "
        "По факту нападения возбуждено уголовное дело, ведется расследование.",
        "По факту нападения возбуждено уголовное дело, ведется расследование.",
    ),
    (
        "aftermath-en",
        "en",
        "A missile hit an apartment block in Dnipro on Tuesday, killing three people, the "
        "governor said. Investigators have opened a criminal case over the attack.",
        "Investigators have opened a criminal case over the attack.",
    ),
    (
        "withheld-uk",
        "uk",
        "СБУ затримала в Одесі агента російських спецслужб, який коригував удари по місту. "
        "Інших подробиць про затриманого у відомстві не розкрили.",
        "Інших подробиць про затриманого у відомстві не розкрили.",
    ),
    (
        "withheld-ru",
        "ru",
        "В Москве задержан мужчина, подозреваемый в подготовке теракта, сообщила ФСБ. "
        "Личность задержанного не раскрывается.",
        "Личность задержанного не раскрывается.",
    ),
    (
        "generic-uk",
        "uk",
        "Росіяни вдарили дроном по центру Вовчанська, поранено жінку, повідомили в ОВА. "
        "Вовчанськ залишається одним із найбільш обстрілюваних міст області.",
        "Вовчанськ залишається одним із найбільш обстрілюваних міст області.",
    ),
    (
        "generic-ru",
        "ru",
        "Ночью ВСУ атаковали Белгород беспилотниками, пострадали два человека, сообщил "
        "губернатор. Город остается одним из самых обстреливаемых в регионе.",
        "Город остается одним из самых обстреливаемых в регионе.",
    ),
]


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


@pytest.mark.parametrize(
    ("lang", "text", "none"),
    [pytest.param(lang, text, none, id=rid) for rid, lang, text, none in ROWS],
)
def test_no_claim_in_background_or_aftermath(
    reader: Reader, lang: str, text: str, none: str
) -> None:
    claims = reader.read_text(text, lang).claims
    lo = text.index(none)
    hi = lo + len(none)
    assert any(c.span is not None and c.span.end <= lo for c in claims), claims
    inside = [c for c in claims if c.span is not None and lo < c.span.end and c.span.start < hi]
    assert not inside, [(c.kind.value, c.span.slice(text)) for c in inside if c.span]
