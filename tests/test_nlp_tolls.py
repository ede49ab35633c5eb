"""Mid-clause prepositional sources, rising death tolls, tolls folded into their event and
prisoner exchanges (all packs)."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from events_factories import claim
from fogofwar.claim import (
    Certainty,
    Claim,
    ClaimKind,
    Count,
    Counts,
    Location,
    SourceKind,
    SourceRef,
)
from fogofwar.model import Span
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.kinds import crosswalk
from fogofwar.nlp.restate import fold_zero_tolls, merge_restatements
from fogofwar.packs import load_packs
from fogofwar.reader import Reader

LANGS = ("de", "en", "ru", "uk")
PACK_DIR = Path(__file__).resolve().parents[1] / "src" / "fogofwar" / "packs"


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


def _claims(reader: Reader, lang: str, text: str) -> list[Claim]:
    return list(reader.read_text(text, lang).claims)


# -- a prepositional source inside the clause ----------------------------------------------
MID_CLAUSE = [
    (
        "de",
        "Beim Beschuss eines Wohnhauses wurden laut dem Bürgermeister zwei Frauen getötet.",
        "killed",
        "Bürgermeister",
    ),
    (
        "en",
        "Two women were according to the mayor killed in the shelling of a house.",
        "killed",
        "mayor",
    ),
    (
        "ru",
        "При обстреле жилого дома по данным мэра погибли две женщины.",
        "killed",
        "мэра",
    ),
    (
        "uk",
        "Під час обстрілу житлового будинку за даними мера загинули дві жінки.",
        "killed",
        "мера",
    ),
]


@pytest.mark.parametrize(("lang", "text", "count", "source"), MID_CLAUSE)
def test_mid_clause_source_keeps_the_event(
    reader: Reader, lang: str, text: str, count: str, source: str
) -> None:
    (claim,) = _claims(reader, lang, text)
    assert claim.kind in {ClaimKind.ATTACK, ClaimKind.CASUALTIES}
    assert claim.certainty == Certainty.CLAIMED
    c = getattr(claim.counts, count)
    assert (c.low, c.high) == (2, 2)
    assert claim.source.span is not None
    surface = text[claim.source.span.start : claim.source.span.end]
    assert source in surface
    # the source is the noun phrase only, not the rest of the clause
    assert not any(w in surface for w in ("getötet", "killed", "погибли", "загинули"))


def test_parenthetical_source_covers_the_whole_sentence(reader: Reader) -> None:
    text = "In the port city, according to the governor, four people were injured overnight."
    (claim,) = _claims(reader, "en", text)
    assert claim.certainty == Certainty.CLAIMED
    assert claim.counts.injured is not None and claim.counts.injured.low == 4
    assert claim.source.span is not None
    assert text[claim.source.span.start : claim.source.span.end].endswith("governor")


def test_sentence_final_prepositional_source_still_takes_the_tail(reader: Reader) -> None:
    text = "Five soldiers were killed, according to a statement by the regional police."
    (claim,) = _claims(reader, "en", text)
    assert claim.source.span is not None
    assert text[claim.source.span.start : claim.source.span.end].endswith("regional police")


# -- rising tolls --------------------------------------------------------------------------
# (lang, sentence, count field, low, high)
TOLLS = [
    ("en", "The number of dead after the shelling of Odesa climbed to 14.", "killed", 14, 14),
    ("en", "The number of injured has risen to at least 52.", "injured", 52, None),
    ("de", "Die Zahl der Todesopfer nach dem Beschuss von Odesa stieg auf 14.", "killed", 14, 14),
    ("de", "Die Zahl der Verletzten ist auf mindestens 52 gestiegen.", "injured", 52, None),
    ("de", "Die Zahl der Verletzten erhöhte sich auf 52.", "injured", 52, 52),
    ("ru", "Число жертв обстрела Одессы возросло до 14.", "killed", 14, 14),
    ("ru", "Число раненых увеличилось до 52.", "injured", 52, 52),
    ("ru", "Число погибших выросло до как минимум 14.", "killed", 14, None),
    ("uk", "Кількість жертв обстрілу Одеси зросла до 14.", "killed", 14, 14),
    ("uk", "Кількість поранених збільшилася до 52.", "injured", 52, 52),
]


@pytest.mark.parametrize(("lang", "text", "count", "low", "high"), TOLLS)
def test_rising_toll_is_a_count(
    reader: Reader, lang: str, text: str, count: str, low: int, high: int | None
) -> None:
    claims = _claims(reader, lang, text)
    assert claims, text
    claim = claims[0]
    assert claim.kind in {ClaimKind.ATTACK, ClaimKind.CASUALTIES}
    c = getattr(claim.counts, count)
    assert c is not None and (c.low, c.high) == (low, high)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The death toll from the two missile strikes on the city rose to 41."),
        ("ru", "Число погибших в результате двух ракетных ударов по городу выросло до 41."),
    ],
)
def test_toll_figure_is_the_risen_one(reader: Reader, lang: str, text: str) -> None:
    claim = _claims(reader, lang, text)[0]
    assert claim.kind == ClaimKind.ATTACK
    assert claim.counts.killed is not None and claim.counts.killed.low == 41


def test_up_to_stays_an_upper_bound_without_a_rise(reader: Reader) -> None:
    (claim,) = _claims(reader, "ru", "В результате обстрела погибли до 35 человек.")
    assert claim.counts.killed is not None
    assert (claim.counts.killed.low, claim.counts.killed.high) == (None, 35)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Prices rose to 33 dollars last month."),
        ("de", "Die Preise stiegen auf 33 Euro."),
        ("ru", "Цены выросли до 35 рублей."),
        ("uk", "Ціни зросли до 35 гривень."),
    ],
)
def test_rise_without_a_toll_noun_is_no_claim(reader: Reader, lang: str, text: str) -> None:
    assert _claims(reader, lang, text) == []


# -- prisoner exchanges --------------------------------------------------------------------
EXCHANGES = [
    ("de", "Beide Seiten tauschten am Samstag 84 Gefangene aus."),
    ("de", "Nach Angaben Kiews sind 150 Soldaten aus der Gefangenschaft zurückgekehrt."),
    ("en", "Both sides exchanged 84 prisoners of war on Saturday."),
    ("en", "The two countries carried out a prisoner swap on Saturday."),
    ("en", "At least 150 servicemen returned home from captivity."),
    ("ru", "Стороны обменялись 84 военнопленными в субботу."),
    ("ru", "В субботу стороны провели обмен пленными."),
    ("ru", "Из плена вернулись 150 военных."),
    ("uk", "Сторони обміняли 84 полонених у суботу."),
    ("uk", "У суботу сторони провели обмін полоненими."),
    ("uk", "Із полону повернулися 150 військових."),
]


@pytest.mark.parametrize(("lang", "text"), EXCHANGES)
def test_prisoner_exchange(reader: Reader, lang: str, text: str) -> None:
    claims = _claims(reader, lang, text)
    assert claims, text
    claim = claims[0]
    assert (claim.kind, claim.subtype) == (ClaimKind.ARREST, "prisoner_exchange")
    assert claim.plover == "RELEASE"
    assert claim.acled == ("Strategic developments", "Other")
    # annotating-claims: `arrested` counts persons held by anyone and their releases — the
    # figure of the people exchanged or returned; an exchange without one counts no one
    figure = next((int(w) for w in text.split() if w.isdigit()), None)
    arrested = claim.counts.arrested
    assert (arrested.low if arrested is not None else None) == figure, text
    assert claim.counts.killed is None


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Russian and Ukrainian troops exchanged fire near the village.", "armed_clash"),
        ("de", "Die Außenminister tauschten sich am Montag aus.", None),
        ("ru", "Они обменялись мнениями о переговорах.", None),
        ("uk", "Вони повернулися додому після відпустки.", None),
    ],
)
def test_exchange_words_need_prisoners(
    reader: Reader, lang: str, text: str, kind: str | None
) -> None:
    claims = _claims(reader, lang, text)
    assert all(c.subtype != "prisoner_exchange" for c in claims)
    if kind is not None:
        assert claims and claims[0].kind.value == kind


def test_crosswalk_of_prisoner_exchange() -> None:
    assert crosswalk(ClaimKind.ARREST, "prisoner_exchange") == (
        ("Strategic developments", "Other"),
        "RELEASE",
    )


def test_packs_are_parallel_for_tolls_and_exchanges() -> None:
    packs = load_packs()
    for lang in LANGS:
        data = tomllib.loads((PACK_DIR / lang / "pack.toml").read_text(encoding="utf-8"))
        assert data["numbers"]["rise"], lang
        assert packs[lang].rise.size == len(data["numbers"]["rise"])
        rows = [r for r in data["triggers"] if r.get("subtype") == "prisoner_exchange"]
        assert any("context" in r for r in rows), lang
        assert any(r.get("nominal") for r in rows), lang
        assert all(r["kind"] == "arrest" for r in rows), lang
        # the verbs count the people exchanged or returned; the exchange nouns count no one
        assert all(r.get("count") == ("arrested" if not r.get("nominal") else None) for r in rows)


# -- a toll told apart by the event's own source is that event's claim -----------------------
# claims-v1: an attack and its toll said by the same source in the same stretch of text are one
# claim (kind attack, with the counts); by another source, or far from it, a casualties claim.
TOLL_SAME_SOURCE = [
    (
        "de",
        "Eine russische Rakete schlug am Morgen in ein Lagerhaus in Saporischschja ein, teilte "
        "der Gouverneur mit. Dabei seien drei Arbeiter getötet worden, sagte er.",
    ),
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "Three workers were killed, he added.",
    ),
    (
        "ru",
        "Российская ракета утром поразила склад в Запорожье, сообщил губернатор. Погибли трое "
        "рабочих, добавил он.",
    ),
    (
        "uk",
        "Російська ракета вранці влучила у склад у Запоріжжі, повідомив губернатор. Загинули "
        "троє робітників, додав він.",
    ),
    (
        "fr",
        "Un missile russe a frappé un entrepôt à Zaporijjia lundi matin, a indiqué le "
        "gouverneur. Trois ouvriers ont été tués, a-t-il ajouté.",
    ),
    (
        "es",
        "Un misil ruso impactó en un almacén de Zaporiyia el lunes por la mañana, informó el "
        "gobernador. Tres trabajadores murieron, añadió.",
    ),
    (
        "it",
        "Un missile russo ha colpito un magazzino a Zaporizhzhia lunedì mattina, ha riferito il "
        "governatore. Tre operai sono morti, ha aggiunto.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), TOLL_SAME_SOURCE)
def test_toll_of_the_same_source_is_the_attacks(reader: Reader, lang: str, text: str) -> None:
    claims = _claims(reader, lang, text)
    assert [c.kind for c in claims] == [ClaimKind.ATTACK], claims
    killed = claims[0].counts.killed
    assert killed is not None and (killed.low, killed.high) == (3, 3)


TOLL_OTHER_SOURCE = [
    (
        "de",
        "Eine russische Rakete schlug am Morgen in ein Lagerhaus in Saporischschja ein, teilte "
        "der Gouverneur mit. Drei Arbeiter seien getötet worden, sagte ein Polizeisprecher.",
    ),
    (
        "en",
        "A Russian missile hit a warehouse in Zaporizhzhia on Monday morning, the governor said. "
        "Three workers were killed, a police spokesman said.",
    ),
    (
        "ru",
        "Российская ракета утром поразила склад в Запорожье, сообщил губернатор. Погибли трое "
        "рабочих, сообщил представитель полиции.",
    ),
    (
        "uk",
        "Російська ракета вранці влучила у склад у Запоріжжі, повідомив губернатор. Загинули "
        "троє робітників, повідомив речник поліції.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), TOLL_OTHER_SOURCE)
def test_toll_of_another_source_stays_a_casualties_claim(
    reader: Reader, lang: str, text: str
) -> None:
    kinds = [c.kind for c in _claims(reader, lang, text)]
    assert kinds == [ClaimKind.ATTACK, ClaimKind.CASUALTIES]


# -- merge_restatements on claims built by hand: places, halves of a toll, the author's voice --
_STORY = (
    "Missiles hit Kharkiv overnight, the mayor said. "
    "Three people were killed, he said. "
    "Another five were injured, he added. "
    "Drones also struck Izium, the mayor said."
)


def _at(words: str) -> Span:
    start = _STORY.index(words)
    return Span(start, start + len(words))


def _made(
    words: str,
    kind: ClaimKind,
    *,
    source: SourceRef | None = None,
    place: str | None = None,
    killed: int | None = None,
    injured: int | None = None,
) -> Claim:
    span = _at(words)
    who = source or SourceRef(SourceKind.GOVERNMENT, "the mayor")
    return claim(
        "a",
        span.start,
        kind=kind,
        location=Location(place) if place else None,
        day=None,
        killed=killed,
        injured=injured,
        source=who.name,
        source_kind=who.kind,
        certainty=Certainty.CLAIMED,
        actors=(),
        victims=(),
        span=(span.start, span.end),
    )


@pytest.fixture(scope="module")
def story(reader: Reader) -> Doc:
    return reader.analyze(_STORY, "en")


def test_a_toll_without_a_place_joins_its_sources_attack(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK, place="Kharkiv")
    toll = _made("Three people were killed", ClaimKind.CASUALTIES, killed=3)
    merged = merge_restatements(story, [attack, toll])
    assert [c.kind for c in merged] == [ClaimKind.ATTACK]
    assert merged[0].counts.killed == Count(3, 3)
    assert merged[0].location == Location("Kharkiv")


def test_the_other_half_of_a_toll_joins_it(story: Doc) -> None:
    killed = _made("Three people were killed", ClaimKind.CASUALTIES, place="Kharkiv", killed=3)
    injured = _made("Another five were injured", ClaimKind.CASUALTIES, injured=5)
    merged = merge_restatements(story, [killed, injured])
    assert len(merged) == 1
    assert (merged[0].counts.killed, merged[0].counts.injured) == (Count(3, 3), Count(5, 5))


def test_a_toll_of_another_source_or_another_place_stays_apart(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK, place="Kharkiv")
    police = SourceRef(SourceKind.MILITARY, "police")
    other = _made("Three people were killed", ClaimKind.CASUALTIES, source=police, killed=3)
    assert len(merge_restatements(story, [attack, other])) == 2
    elsewhere = _made("Three people were killed", ClaimKind.CASUALTIES, place="Izium", killed=3)
    assert len(merge_restatements(story, [attack, elsewhere])) == 2


def test_the_authors_attack_and_toll_fold_only_within_one_sentence(story: Doc) -> None:
    author = SourceRef(SourceKind.AUTHOR)
    event = _made("Missiles hit", ClaimKind.ATTACK, source=author)
    same = _made("Kharkiv overnight", ClaimKind.CASUALTIES, source=author, killed=3)
    assert len(merge_restatements(story, [event, same])) == 1
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK, source=author)
    toll = _made("Three people were killed", ClaimKind.CASUALTIES, source=author, killed=3)
    assert len(merge_restatements(story, [attack, toll])) == 2


def test_a_same_kind_claim_after_a_folded_toll_stays_apart(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK)
    toll = _made("Three people were killed", ClaimKind.CASUALTIES, killed=3)
    second = _made("Drones also struck Izium", ClaimKind.ATTACK)
    kinds = [c.kind for c in merge_restatements(story, [attack, toll, second])]
    assert kinds == [ClaimKind.ATTACK, ClaimKind.ATTACK]


def test_a_toll_passes_over_its_sources_other_claims_to_the_attack(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK)
    aside = _made("the mayor said", ClaimKind.OTHER)  # stands in for "two were intercepted"
    toll = _made("Three people were killed", ClaimKind.CASUALTIES, killed=3)
    merged = merge_restatements(story, [attack, aside, toll])
    assert [c.kind for c in merged] == [ClaimKind.ATTACK, ClaimKind.OTHER]
    assert merged[0].counts.killed == Count(3, 3)


def test_people_missing_are_no_toll_of_an_earlier_attack(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK)
    police = SourceRef(SourceKind.MILITARY, "police")
    aside = _made("Three people were killed", ClaimKind.CASUALTIES, source=police, killed=3)
    missing = dataclasses.replace(
        _made("Another five were injured", ClaimKind.CASUALTIES),
        counts=Counts(missing=Count(5, 5)),
    )
    assert len(merge_restatements(story, [attack, aside, missing])) == 3


def test_a_toll_far_from_its_event_stays_apart(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK)
    police = SourceRef(SourceKind.MILITARY, "police")
    aside = _made("Three people were killed", ClaimKind.OTHER, source=police)
    far = _made("Another five were injured", ClaimKind.CASUALTIES, injured=5)  # two on
    assert len(merge_restatements(story, [attack, aside, far])) == 3
    near = _made("Three people were killed", ClaimKind.CASUALTIES, killed=3)  # the next one
    assert len(merge_restatements(story, [attack, near])) == 1


def test_a_claim_of_the_same_kind_in_a_later_sentence_is_its_own(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK)
    later = _made("Three people were killed", ClaimKind.ATTACK)  # stands in for "a school was hit"
    assert len(merge_restatements(story, [attack, later])) == 2
    same = _made("the mayor said", ClaimKind.ATTACK)  # the same sentence: one claim
    assert len(merge_restatements(story, [attack, same])) == 1


def test_an_event_right_after_its_toll_in_one_sentence_carries_it(story: Doc) -> None:
    toll = _made("Missiles hit", ClaimKind.CASUALTIES, killed=3)  # "3 died when missiles hit …"
    attack = _made("Kharkiv overnight", ClaimKind.ATTACK)
    merged = merge_restatements(story, [toll, attack])
    assert [c.kind for c in merged] == [ClaimKind.ATTACK]
    assert merged[0].counts.killed == Count(3, 3)
    later = _made("Drones also struck Izium", ClaimKind.ATTACK)  # another sentence: apart
    assert len(merge_restatements(story, [toll, later])) == 2


def test_no_one_hurt_at_another_place_is_that_places_event(story: Doc) -> None:
    attack = _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK, place="Kharkiv")
    here = _made("Three people were killed", ClaimKind.ATTACK, killed=0)
    assert len(fold_zero_tolls(story, [attack, here])) == 1
    there = _made("Three people were killed", ClaimKind.ATTACK, place="Izium", killed=0)
    assert len(fold_zero_tolls(story, [attack, there])) == 2


def test_a_toll_folded_in_its_sentence_spans_event_and_toll(story: Doc) -> None:
    first = Span(0, _STORY.index(" Three"))  # "Missiles hit Kharkiv overnight, the mayor said."
    attack = dataclasses.replace(
        _made("Missiles hit Kharkiv overnight", ClaimKind.ATTACK), sentence=first
    )
    toll = dataclasses.replace(
        _made("the mayor said", ClaimKind.CASUALTIES, killed=3), sentence=first
    )  # stands in for ": three people were killed"
    merged = merge_restatements(story, [attack, toll])
    assert len(merged) == 1
    assert merged[0].span == Span(0, _STORY.index("."))
    apart = _made("Three people were killed", ClaimKind.CASUALTIES, killed=3)  # the next one
    assert merge_restatements(story, [attack, apart])[0].span == attack.span
