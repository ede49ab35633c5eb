"""Clauses about the reporting, not the conflict, are no claims (annotating-claims: one claim =
one proposition × one source): nobody claiming an attack ("No group claimed responsibility"),
a caveat on a toll told before ("The death toll could not be verified"), a comment withheld.
The event before them stays one claim."""

from __future__ import annotations

import pytest

from fogofwar.claim import Claim, ClaimKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def _claims(reader: Reader, lang: str, text: str) -> list[Claim]:
    return list(reader.read_text(text, lang).claims)


_BOMB = {
    "en": "A car bomb exploded near a police station in Kirkuk on Sunday, killing four officers, "
    "police said. ",
    "it": "Un'autobomba è esplosa domenica vicino a una stazione di polizia a Kirkuk, uccidendo "
    "quattro agenti, ha riferito la polizia. ",
    "fr": "Une voiture piégée a explosé dimanche près d'un commissariat à Kirkouk, tuant quatre "
    "policiers, a indiqué la police. ",
    "es": "Un coche bomba explotó el domingo cerca de una comisaría en Kirkuk y mató a cuatro "
    "agentes, informó la policía. ",
    "ru": "В воскресенье у полицейского участка в Киркуке взорвался заминированный автомобиль, "
    "погибли четверо полицейских, сообщила полиция. ",
    "uk": "У неділю біля поліцейської дільниці в Кіркуку вибухнув замінований автомобіль, "
    "загинули четверо поліцейських, повідомила поліція. ",
    "de": "Eine Autobombe explodierte am Sonntag nahe einer Polizeiwache in Kirkuk und tötete "
    "vier Beamte, teilte die Polizei mit. ",
}

UNCLAIMED = [
    ("en", "No group claimed responsibility for the bombing."),
    ("it", "Nessun gruppo ha rivendicato l'attentato."),
    ("fr", "Le groupe n'a pas revendiqué l'attentat."),
    ("es", "Ningún grupo reivindicó el atentado."),
    ("ru", "Ни одна группировка не взяла на себя ответственность за теракт."),
    ("uk", "Жодне угруповання не взяло на себе відповідальність за теракт."),
    ("de", "Keine Gruppe bekannte sich zu dem Anschlag."),
    ("en", "The army did not say whether its troops had returned fire."),
    ("en", "There was no immediate comment from the army on the attack."),
]


@pytest.mark.parametrize(("lang", "tail"), UNCLAIMED)
def test_nobody_claiming_the_attack_is_no_claim(reader: Reader, lang: str, tail: str) -> None:
    claims = _claims(reader, lang, _BOMB[lang] + tail)
    assert [c.kind for c in claims] == [ClaimKind.ATTACK], claims


# details withheld after a report: no claim of their own
WITHHELD = [
    (
        "en",
        "Two soldiers were killed in an ambush near Kidal, the army said. It would not offer "
        "other details, such as whether the attackers had fled.",
    ),
    (
        "en",
        "Dozens of people were killed in an air strike on a market, residents said. Because the "
        "junta blocks phone lines, there is little clarity about the exact number of deaths.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), WITHHELD)
def test_details_withheld_are_no_claim(reader: Reader, lang: str, text: str) -> None:
    assert len(_claims(reader, lang, text)) == 1


CLAIMED = [
    ("en", "The Islamic State group claimed responsibility for the bombing in Kirkuk."),
    ("it", "Lo Stato islamico ha rivendicato l'attentato a Kirkuk."),
    ("fr", "Le groupe État islamique a revendiqué l'attentat de Kirkouk."),
]


@pytest.mark.parametrize(("lang", "text"), CLAIMED)
def test_a_claim_of_responsibility_is_still_the_attacks(
    reader: Reader, lang: str, text: str
) -> None:
    assert [c.kind for c in _claims(reader, lang, text)] == [ClaimKind.ATTACK]


# a caveat on the toll told before: the toll's claim turns unverified, no claim of its own
CAVEATS = [
    (
        "en",
        "Ten people were killed in the strike on the market, the health ministry said. "
        "The death toll could not be independently verified.",
    ),
    (
        "it",
        "Dieci persone sono state uccise nel raid sul mercato, ha riferito il ministero della "
        "Salute. Il bilancio delle vittime non ha potuto essere verificato in modo indipendente.",
    ),
    (
        "de",
        "Zehn Menschen wurden bei dem Angriff auf den Markt getötet, teilte das "
        "Gesundheitsministerium mit. Die Zahl der Toten konnte nicht unabhängig überprüft werden.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CAVEATS)
def test_a_caveat_on_a_toll_is_no_claim(reader: Reader, lang: str, text: str) -> None:
    claims = _claims(reader, lang, text)
    assert [c.kind for c in claims] == [ClaimKind.ATTACK], claims
    assert claims[0].certainty.value == "unverified"


def test_a_deed_with_a_caveat_in_its_clause_stays_a_claim(reader: Reader) -> None:
    text = "Russian troops fired the missile, a claim that could not be independently verified."
    assert [c.kind for c in _claims(reader, "en", text)] == [ClaimKind.ATTACK]


# a speaker and a speech act before a comma, what they said in the clause after it: the
# fragment is no claim of its own (what follows is)
FRAGMENTS = [
    (
        "ru",
        "Израильская армия нанесла удар по лагерю беженцев, сообщил министр обороны Кац. "
        "Кац также пригрозил, что армия продолжит удары по Газе.",
        "Кац также пригрозил",
    ),
    (
        "uk",
        "Ізраїльська армія завдала удару по табору біженців, повідомив міністр оборони Кац. "
        "Кац також пригрозив, що армія продовжить удари по Газі.",
        "Кац також пригрозив",
    ),
]


@pytest.mark.parametrize(("lang", "text", "fragment"), FRAGMENTS)
def test_a_speech_act_fragment_is_no_claim(
    reader: Reader, lang: str, text: str, fragment: str
) -> None:
    claims = _claims(reader, lang, text)
    spans = [c.span.slice(text) for c in claims if c.span is not None]
    assert len(claims) == 2 and fragment not in spans, spans


def test_a_vote_ending_on_a_comma_stays_a_claim(reader: Reader) -> None:
    text = (
        "The Ukraine bill passed 311-112, with 112 Republicans opposed, while the aid for "
        "Israel was approved 366-58."
    )
    assert len(_claims(reader, "en", text)) == 2
