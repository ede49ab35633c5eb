"""Claim detection and typing phenomena (issue 10 items 1, 4, 5, 7): one row per phenomenon per
language, with sentences written for this suite, read by the shipped reader (rules and clause
model). Each row names what an analyst marks (annotating-claims): the kind and certainty of a
claim the reader must give, or that the text holds no claim at all.
"""

from __future__ import annotations

import pytest

from fogofwar.claim import Certainty, ClaimKind
from fogofwar.reader import Reader

A, C, D = Certainty.ASSERTED, Certainty.CLAIMED, Certainty.DENIED
U = Certainty.UNVERIFIED

# (id, lang, text, [(kind, certainty or None)]); an empty list: no claim at all
ROWS: list[tuple[str, str, str, list[tuple[ClaimKind, Certainty | None]]]] = [
    # people freed are captives released: arrest, not a concession or a liberated place
    (
        "release-de",
        "de",
        "Die Miliz ließ am Montag vier entführte Lehrer frei.",
        [(ClaimKind.ARREST, A)],
    ),
    ("release-en", "en", "Rebels freed 12 captured soldiers on Sunday.", [(ClaimKind.ARREST, A)]),
    (
        "release-ru",
        "ru",
        "Боевики освободили трех заложников после переговоров.",
        [(ClaimKind.ARREST, A)],
    ),
    (
        "release-uk",
        "uk",
        "Україна повернула з полону ще 84 військових.",
        [(ClaimKind.ARREST, A)],
    ),
    (
        "liberated-place-uk",
        "uk",
        "Сили оборони звільнили село Андріївка.",
        [(ClaimKind.TERRITORIAL_CHANGE, A)],
    ),
    # accusation and denial frames: the underlying event's kind, claimed / denied
    (
        "frame-accusation-de",
        "de",
        "Die Regierung in Kiew machte Moskau für den Raketenangriff auf Odessa verantwortlich.",
        [(ClaimKind.ATTACK, C)],
    ),
    (
        "frame-denial-de",
        "de",
        "Der Kreml wies die Berichte über einen Angriff auf Zivilisten zurück.",
        [(ClaimKind.ATTACK, D)],
    ),
    (
        "frame-accusation-ru",
        "ru",
        "Москва обвинила Киев в обстреле рынка в Донецке.",
        [(ClaimKind.ATTACK, C)],
    ),
    (
        "frame-accusation-uk",
        "uk",
        "Київ звинуватив російські війська в ударі по вокзалу в Краматорську.",
        [(ClaimKind.ATTACK, C)],
    ),
    # a report called a lie or a fake is denied by whoever calls it so
    (
        "lie-de",
        "de",
        "Moskau meldete den Abschuss von 40 Drohnen. Kiew bezeichnete die Meldung als Lüge.",
        [(ClaimKind.ATTACK, D)],
    ),
    (
        "lie-en",
        "en",
        "Russia said it had captured the village. Kyiv called the claim a lie.",
        [(ClaimKind.TERRITORIAL_CHANGE, D)],
    ),
    (
        "lie-ru",
        "ru",
        "Киев сообщил об ударе по аэродрому. В Минобороны России заявили, что это фейк.",
        [(ClaimKind.ATTACK, D)],
    ),
    (
        "lie-uk",
        "uk",
        "Росія заявила про захоплення села. У Генштабі ЗСУ наголосили, що це неправда.",
        [(ClaimKind.TERRITORIAL_CHANGE, D)],
    ),
    # front-line reports and conflict wording beyond shelling verbs
    (
        "under-fire-adjective-uk",
        "uk",
        "Під ворожим вогнем знову опинилися Нікополь і Марганець.",
        [(ClaimKind.ATTACK, A)],
    ),
    (
        "attacks-pressed-ru",
        "ru",
        "Противник наступал на позиции у Торецка.",
        [(ClaimKind.ARMED_CLASH, A)],
    ),
    (
        "sabotage-en",
        "en",
        "Partisans sabotaged a railway line near Melitopol.",
        [(ClaimKind.ATTACK, A)],
    ),
    (
        "separable-attack-de",
        "de",
        "Dschihadisten greifen ein Militärlager im Norden an.",
        [(ClaimKind.ATTACK, A)],
    ),
    (
        "advance-en",
        "en",
        "Russian forces continued their advance toward Kostiantynivka.",
        [(ClaimKind.TERRITORIAL_CHANGE, A)],
    ),
    (
        "control-established-ru",
        "ru",
        "ВС РФ установили полный контроль над поселком Кринки.",
        [(ClaimKind.TERRITORIAL_CHANGE, A)],
    ),
    # performative speech acts (condemn, urge, warn) are asserted by their speaker
    (
        "condemnation-de",
        "de",
        "Die Bundesaußenministerin verurteilte den Angriff auf das Krankenhaus.",
        [(ClaimKind.STATEMENT, A)],
    ),
    (
        "condemnation-en",
        "en",
        "The French president condemned the strike on the hospital.",
        [(ClaimKind.STATEMENT, A)],
    ),
    (
        "condemnation-ru",
        "ru",
        "Генсек ООН осудил удар по больнице в Газе.",
        [(ClaimKind.STATEMENT, A)],
    ),
    (
        "condemnation-uk",
        "uk",
        "Президент Франції засудив удар по лікарні в Києві.",
        [(ClaimKind.STATEMENT, A)],
    ),
    # habitual background: no one event, no claim
    ("habitual-en", "en", "Russian forces regularly shell the border villages.", []),
    ("habitual-de", "de", "Die Armee beschießt die Grenzdörfer regelmäßig.", []),
    (
        "durative-not-habitual-en",
        "en",
        "Rebels captured the town, besieged for months, on Sunday.",
        [(ClaimKind.TERRITORIAL_CHANGE, A)],
    ),
    ("habitual-ru", "ru", "Противник регулярно обстреливает приграничные села.", []),
    ("habitual-uk", "uk", "Ворог щодня обстрілює прикордонні громади Сумщини.", []),
]


#: rows the reader gets wrong today (xfail, strict: a fix makes them fail until removed here)
KNOWN_GAPS: dict[str, str] = {}


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


@pytest.mark.parametrize(
    ("lang", "text", "expect"),
    [
        pytest.param(
            lang,
            text,
            expect,
            id=rid,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[rid])]
            if rid in KNOWN_GAPS
            else [],
        )
        for rid, lang, text, expect in ROWS
    ],
)
def test_detection_and_typing(
    reader: Reader,
    lang: str,
    text: str,
    expect: list[tuple[ClaimKind, Certainty | None]],
) -> None:
    claims = reader.read_text(text, lang).claims
    got = [(c.kind, c.certainty) for c in claims]
    if not expect:
        assert not claims, got
    for kind, certainty in expect:
        assert any(k == kind and (certainty is None or c == certainty) for k, c in got), got


# a caveat's own words name what cannot be checked: that source's claims are unverified, the
# others' are not
CAVEATS = [
    (
        "en",
        "Drones struck an oil depot in the town, according to videos posted on social media. "
        "The army said it had repelled three attacks. Reporters could not verify the footage on "
        "social media.",
        "army",
    ),
    (
        "es",
        "La Defensa Civil registró 12 muertos por bombardeos en Gaza. El ejército dijo que atacó "
        "a milicianos. La AFP no puede verificar las afirmaciones de la Defensa Civil.",
        "ejército",
    ),
]


@pytest.mark.parametrize(("lang", "text", "other"), CAVEATS)
def test_caveat_names_the_source_it_speaks_of(
    reader: Reader, lang: str, text: str, other: str
) -> None:
    claims = reader.read_text(text, lang).claims
    named = [c for c in claims if c.source.name and other in c.source.name]
    caveated = [c for c in claims if c not in named and c.source.name]
    assert caveated and all(c.certainty == U for c in caveated), claims
    assert named and all(c.certainty != U for c in named), claims


def test_headline_of_a_caveated_source_is_unverified(reader: Reader) -> None:
    title = "Russian forces take a village near Kurakhove, defence ministry says"
    text = (
        "Russian troops have captured a village near Kurakhove, the defence ministry in Moscow "
        "said on Saturday. Reuters could not independently confirm the report."
    )
    claims = reader.read_text(text, "en", title=title).claims
    head = [c for c in claims if c.in_headline]
    assert head and all(c.certainty == U for c in head), claims
