"""Numerals in words, in every case, and the toll words around figures (issue 10, item 8).

Sentences written for this suite. Ukrainian and Russian numerals inflect: the pack lists each
numeral's base form (and the collective forms: "п'ятеро", "одинадцятеро") and the analyser's
lemma reads the other cases ("трьома", "двадцятьох", "четырнадцати"). A figure marked as more
of a toll ("two more died", "ще двоє померли") adds to the clause's toll; a casualty noun whose
figure follows a colon or a dash ("Загиблих — 7", "Dead: 7") counts it; "one of the missiles"
counts a thing, no one; "could exceed 60" is more than 60.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.actors.shape import analyser
from fogofwar.claim import Claim
from fogofwar.nlp.numbers import find_quantities
from fogofwar.nlp.segment import tokenize
from fogofwar.packs import LanguagePack, load_packs
from fogofwar.reader import Reader

#: base forms of the numerals two to twenty, tens and hundreds (the analyser inflects them)
BASES = {
    "uk": {
        2: "два", 3: "три", 4: "чотири", 5: "пʼять", 6: "шість", 7: "сім", 8: "вісім",
        9: "девʼять", 10: "десять", 11: "одинадцять", 12: "дванадцять", 14: "чотирнадцять",
        15: "пʼятнадцять", 17: "сімнадцять", 20: "двадцять", 30: "тридцять", 50: "пʼятдесят",
        60: "шістдесят", 200: "двісті", 300: "триста", 500: "пʼятсот", 700: "сімсот",
    },
    "ru": {
        2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь",
        9: "девять", 10: "десять", 11: "одиннадцать", 12: "двенадцать", 14: "четырнадцать",
        15: "пятнадцать", 17: "семнадцать", 20: "двадцать", 30: "тридцать", 50: "пятьдесят",
        60: "шестьдесят", 200: "двести", 300: "триста", 500: "пятьсот", 700: "семьсот",
    },
}  # fmt: skip
CASES = ("gent", "datv", "ablt", "loct")


@pytest.fixture(scope="module")
def packs() -> dict[str, LanguagePack]:
    return dict(load_packs())


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def _figures(text: str, lang: str, pack: LanguagePack) -> list[tuple[int | None, int | None]]:
    toks = tokenize(text, lang)
    return [(q.low, q.high) for q in find_quantities(toks, 0, len(toks), pack, frozenset())]


@pytest.mark.parametrize("lang", ["uk", "ru"])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_an_inflected_numeral_is_its_number(
    packs: dict[str, LanguagePack], lang: str, data: st.DataObject
) -> None:
    """Any case of a listed numeral reads as its number ("трьома" 3, "двадцятьох" 20)."""
    morph = analyser(lang)
    if morph is None:
        pytest.skip("no morphology analyser")
    n = data.draw(st.sampled_from(sorted(BASES[lang])))
    case = data.draw(st.sampled_from(CASES))
    parse = next(p for p in morph.parse(BASES[lang][n].replace("ʼ", "'")) if p.tag.POS == "NUMR")
    form = parse.inflect({case})
    if form is None or morph.parse(form.word)[0].tag.POS != "NUMR":
        return  # no such form, or one read first as another word ("семью": a family)
    word = form.word.replace("'", "ʼ")
    assert _figures(f"x {word} y", lang, packs[lang]) == [(n, n)], word


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("uk", "загинули одинадцятеро людей", (11, 11)),
        ("uk", "вбили двадцятьох цивільних", (20, 20)),
        ("uk", "поранили сімох людей", (7, 7)),
        ("uk", "загинули двадцять пʼять людей", (25, 25)),
        ("uk", "щонайменше шестеро загиблих", (6, None)),
        ("uk", "кількість загиблих може перевищувати 60", (61, None)),
        ("ru", "расстреляли девятерых пленных", (9, 9)),
        ("ru", "погибли тридцать два человека", (32, 32)),
        ("ru", "не менее пятерых погибших", (5, None)),
        ("ru", "число жертв может превысить 60", (61, None)),
        ("en", "the toll could exceed 60", (61, None)),
        ("fr", "le bilan pourrait dépasser 60 morts", (61, None)),
        ("es", "el balance podría superar 60 muertos", (61, None)),
        ("it", "il bilancio potrebbe superare 60 morti", (61, None)),
        ("ru", "одни женщины", None),  # "only women": no figure
    ],
)
def test_numeral_words(
    packs: dict[str, LanguagePack],
    lang: str,
    text: str,
    figure: tuple[int | None, int | None] | None,
) -> None:
    assert _figures(text, lang, packs[lang]) == ([] if figure is None else [figure])


def _killed(claims: list[Claim]) -> list[tuple[int | None, int | None]]:
    return [(c.counts.killed.low, c.counts.killed.high) for c in claims if c.counts.killed]


@pytest.mark.parametrize(
    ("lang", "text", "killed"),
    [
        ("en", "Fourteen people were killed in the strike and two more died in hospital.", 16),
        ("de", "Vierzehn Menschen wurden getötet, zwei weitere starben im Krankenhaus.", 16),
        ("fr", "Quatorze personnes ont été tuées et deux autres sont mortes à l'hôpital.", 16),
        ("es", "Murieron catorce personas y otras dos fallecieron en el hospital.", 16),
        ("it", "Sono morte quattordici persone e altre due sono decedute in ospedale.", 16),
        ("ru", "Погибли четырнадцать человек, еще двое скончались в больнице.", 16),
        ("uk", "Під завалами знайшли 12 тіл загиблих, ще двоє людей померли в лікарні.", 14),
    ],
)
def test_more_of_a_toll_is_added(reader: Reader, lang: str, text: str, killed: int) -> None:
    assert (killed, killed) in _killed(reader.read_text(text, lang).claims)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Five people were killed in Kyiv, and two more were killed in a strike on Kharkiv."),
        ("it", "Un drone ha ucciso due persone a Tiro, e altre cinque sono morte in due attacchi."),
    ],
)
def test_more_dead_of_another_event_are_not_added(reader: Reader, lang: str, text: str) -> None:
    assert (7, 7) not in _killed(reader.read_text(text, lang).claims)


@pytest.mark.parametrize(
    ("lang", "text", "killed"),
    [
        ("uk", "Кількість загиблих — 9.", 9),
        ("uk", "Поліція уточнила кількість загиблих — їх 23.", 23),
        ("ru", "Погибших — 4, раненых — 11.", 4),
        ("en", "Dead: 4, injured: 11.", 4),
    ],
)
def test_a_tally_after_a_dash_or_colon(reader: Reader, lang: str, text: str, killed: int) -> None:
    claims = reader.read_text(text, lang).claims
    assert (killed, killed) in _killed(claims)
    assert all(c.counts.injured is None or c.counts.injured.low != killed for c in claims)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Один из снарядов попал в жилой дом, жертв нет."),
        ("ru", "Два снаряда попали в жилой дом, жертв нет."),
        ("uk", "Одна з ракет влучила в склад, жертв немає."),
    ],
)
def test_one_of_the_missiles_is_no_victim(reader: Reader, lang: str, text: str) -> None:
    assert (0, 0) in _killed(reader.read_text(text, lang).claims)
