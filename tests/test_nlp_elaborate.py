"""Damage told after an attack by its own source is part of that attack's claim (claims-v1: one
proposition × one source; ``nlp/elaborate.py``); by another source or at another place it
stays a claim of its own."""

from __future__ import annotations

import pytest

from fogofwar.claim import Claim, ClaimKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def _claims(reader: Reader, lang: str, text: str) -> list[Claim]:
    return list(reader.read_text(text, lang).claims)


# the governor's strike, then what it damaged in his words: one claim
DAMAGE_SAME_SOURCE = [
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "A school and eleven houses nearby were damaged, he added.",
    ),
    (
        "de",
        "Eine russische Rakete schlug am Montagmorgen in ein Lagerhaus in Saporischschja ein, "
        "teilte der Gouverneur mit. "
        "Eine Schule und elf Häuser in der Nähe wurden beschädigt, sagte er.",
    ),
    (
        "ru",
        "Российская ракета в понедельник утром поразила склад в Запорожье, сообщил губернатор. "
        "По его словам, повреждены школа и одиннадцать домов поблизости.",
    ),
    (
        "uk",
        "Російська ракета в понеділок вранці влучила у склад у Запоріжжі, повідомив губернатор. "
        "За його словами, пошкоджено школу та одинадцять будинків поблизу.",
    ),
    (
        "fr",
        "Un missile russe a frappé un entrepôt à Zaporijjia lundi matin, a indiqué le gouverneur. "
        "Une école et onze maisons voisines ont été endommagées, a-t-il précisé.",
    ),
    (
        "es",
        "Un misil ruso impactó en un almacén de Zaporiyia el lunes por la mañana, informó el "
        "gobernador. "
        "Una escuela y once casas cercanas resultaron dañadas, añadió.",
    ),
    (
        "it",
        "Un missile russo ha colpito un magazzino a Zaporizhzhia lunedì mattina, ha riferito il "
        "governatore. "
        "Una scuola e undici case vicine sono state danneggiate, ha aggiunto.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), DAMAGE_SAME_SOURCE)
def test_damage_by_the_attacks_source_is_the_attacks_claim(
    reader: Reader, lang: str, text: str
) -> None:
    claims = _claims(reader, lang, text)
    assert [c.kind for c in claims] == [ClaimKind.ATTACK], claims
    assert claims[0].location is not None, claims  # the attack's claim, with its place


# damage told by another source, or at another place: a claim of its own
DAMAGE_APART = [
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "A school and eleven houses nearby were damaged, a police spokesman said.",
    ),
    (
        "de",
        "Eine russische Rakete schlug am Montagmorgen in ein Lagerhaus in Saporischschja ein, "
        "teilte der Gouverneur mit. "
        "Eine Schule und elf Häuser in der Nähe wurden beschädigt, sagte ein Polizeisprecher.",
    ),
    (
        "ru",
        "Российская ракета в понедельник утром поразила склад в Запорожье, сообщил губернатор. "
        "Повреждены школа и одиннадцать домов поблизости, сообщил представитель полиции.",
    ),
    (
        "uk",
        "Російська ракета в понеділок вранці влучила у склад у Запоріжжі, повідомив губернатор. "
        "Пошкоджено школу та одинадцять будинків поблизу, повідомив речник поліції.",
    ),
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "In Kharkiv, a school was damaged, he added.",
    ),
    (
        "uk",
        "Російська ракета в понеділок вранці влучила у склад у Запоріжжі, повідомив губернатор. "
        "У Харкові пошкоджено школу, додав він.",
    ),
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "Drones also struck a fuel depot in Kharkiv, he added.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), DAMAGE_APART)
def test_damage_of_another_source_or_place_stays_apart(
    reader: Reader, lang: str, text: str
) -> None:
    assert [c.kind for c in _claims(reader, lang, text)] == [ClaimKind.ATTACK, ClaimKind.ATTACK]


# damage told three sentences after the attack, other news between: reported apart
DAMAGE_LATER = [
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "He thanked the rescuers for their work. Power was restored in the evening. "
        "A school and eleven houses nearby were damaged, he added.",
    ),
    (
        "uk",
        "Російська ракета в понеділок вранці влучила у склад у Запоріжжі, повідомив губернатор. "
        "Він подякував рятувальникам за роботу. Увечері світло повернули. "
        "За його словами, пошкоджено школу та одинадцять будинків поблизу.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), DAMAGE_LATER)
def test_damage_told_further_on_stays_apart(reader: Reader, lang: str, text: str) -> None:
    assert [c.kind for c in _claims(reader, lang, text)] == [ClaimKind.ATTACK, ClaimKind.ATTACK]
