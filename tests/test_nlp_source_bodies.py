"""A named person speaks with the kind of the body their role phrase names (claims-v1 types the
speaker by whom they speak for): "керівник відомства Іван Петренко" after the security service,
"UN human rights chief Maria Lopez", "le chef de la mission de l'ONU, Jean Dupont". Sentences
written for the project."""

from __future__ import annotations

import pytest

from fogofwar.claim import SourceKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def _every_claim_speaks_as(reader: Reader, lang: str, text: str, kind: SourceKind) -> None:
    """The text yields claims, and every one of them has a source of ``kind``."""
    claims = reader.read_text(text, lang).claims
    assert claims and {c.source.kind for c in claims} == {kind}, [
        (c.source.name, c.source.kind) for c in claims
    ]


# (lang, text, a word of the speaker's name, the kind of every claim that speaker makes)
CASES = [
    # a generic noun for the body ("відомства": the agency) is the body named before
    (
        "uk",
        "Служба безпеки України затримала агента у Львові. "
        "Про це заявив керівник відомства Іван Петренко.",
        "Петренко",
        SourceKind.INTELLIGENCE,
    ),
    # a later bare surname is the same speaker, with the same kind
    (
        "uk",
        "Служба безпеки України затримала агента у Львові. Про це повідомив керівник "
        "відомства Іван Петренко. Петренко додав, що під час обшуку затримали ще двох людей.",
        "Петренко",
        SourceKind.INTELLIGENCE,
    ),
    # the body before the role word: a UN official, not a witness
    (
        "en",
        "UN human rights chief Maria Lopez said 40 civilians were killed in the attack.",
        "Lopez",
        SourceKind.NGO_IO,
    ),
    # "the agency's spokesman": the agency is the body named before, not a government voice
    (
        "en",
        "The World Health Organization said a hospital in the city was hit. "
        "The agency's spokesman John Miller said three staff were killed.",
        "Miller",
        SourceKind.NGO_IO,
    ),
    # a regional military administration is a civil body (claims-v1: government)
    (
        "en",
        "Kyiv military administration head Serhiy Popko said two people were killed.",
        "Popko",
        SourceKind.GOVERNMENT,
    ),
    # the role phrase before an apposition's comma
    (
        "fr",
        "Le chef de la mission de l'ONU, Jean Dupont, a déclaré que 30 civils avaient été tués.",
        "Dupont",
        SourceKind.NGO_IO,
    ),
]


@pytest.mark.parametrize(("lang", "text", "word", "kind"), CASES)
def test_person_speaks_for_the_body_of_their_role(
    reader: Reader, lang: str, text: str, word: str, kind: SourceKind
) -> None:
    claims = reader.read_text(text, lang).claims
    theirs = [c for c in claims if c.source.name and word in c.source.name]
    assert theirs, [(c.source.name, c.source.kind) for c in claims]
    assert {c.source.kind for c in theirs} == {kind}


# a role word's own kind stands when the phrase names no body
KEEPS = [
    ("en", "Deputy governor Ivan Petrov said five people were killed.", "Petrov", "government"),
    (
        "ru",
        "В лагере беженцев погибли 12 человек, сообщил губернатор области Иван Петров.",
        "Петров",
        "government",
    ),
]


@pytest.mark.parametrize(("lang", "text", "word", "kind"), KEEPS)
def test_role_without_body_keeps_its_kind(
    reader: Reader, lang: str, text: str, word: str, kind: str
) -> None:
    claims = reader.read_text(text, lang).claims
    theirs = [c for c in claims if c.source.name and word in c.source.name]
    assert theirs and {c.source.kind.value for c in theirs} == {kind}


# interior ministries speak about security operations as military (claims-v1), whichever
# country's they are and however they are named
INTERIOR = [
    (
        "de",
        "Das Innenministerium von Mali teilte mit, bei dem Überfall seien fünf Polizisten "
        "getötet worden.",
    ),
    ("en", "The interior ministry of Chad said five police officers were killed in the raid."),
    ("en", "Burkina Faso's ministry of internal affairs said gunmen killed six gendarmes."),
    (
        "ru",
        "Министерство внутренних дел Чада сообщило, что при нападении погибли пять полицейских.",
    ),
    (
        "uk",
        "Міністерство внутрішніх справ Малі повідомило, що внаслідок нападу загинули "
        "п'ятеро поліцейських.",
    ),
    ("fr", "Le ministère de l'Intérieur tchadien a annoncé que cinq policiers ont été tués."),
    ("es", "El Ministerio del Interior de Chad informó que cinco policías murieron en el ataque."),
    ("it", "Il ministero dell'Interno ciadiano ha detto che cinque poliziotti sono stati uccisi."),
]


@pytest.mark.parametrize(("lang", "text"), INTERIOR)
def test_interior_ministry_speaks_as_military(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.MILITARY)


# an anonymous source is unnamed (claims-v1), not the kind of the body it sits in
ANONYMOUS = [
    ("en", "A military source said five soldiers were killed in the ambush."),
    ("de", "Wie zwei Sicherheitsquellen berichteten, wurden fünf Soldaten getötet."),
    ("fr", "Selon une source militaire malienne, cinq soldats ont été tués dans l'embuscade."),
    ("es", "Según fuentes militares, cinco soldados murieron en la emboscada."),
    ("it", "Secondo fonti militari, cinque soldati sono stati uccisi nell'imboscata."),
    ("ru", "Источник в армии Мали сообщил, что при нападении погибли пять военных."),
    ("uk", "Джерело в Службі безпеки України повідомило, що дрони уразили нафтобазу."),
]


@pytest.mark.parametrize(("lang", "text"), ANONYMOUS)
def test_anonymous_source_is_unnamed(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.UNNAMED)


# bloggers speak as social media, not as the force they write about
BLOGGERS = [
    ("de", "Russische Militärblogger berichteten von schweren Verlusten bei einem Angriff."),
    ("ru", "Российские военные блогеры сообщили о тяжелых потерях при атаке."),
    ("it", "Alcuni blogger militari russi hanno riferito di pesanti perdite in un attacco."),
    ("uk", "Російські військові блогери повідомили про важкі втрати під час атаки."),
]


@pytest.mark.parametrize(("lang", "text"), BLOGGERS)
def test_bloggers_speak_as_social_media(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.SOCIAL_MEDIA)


# a speaker after a trailing impersonal verb and its preposition ("…, повідомили в Генштабі"),
# not the first place of the list before the verb
TAILS = [
    (
        "uk",
        "Протягом доби окупанти обстріляли Херсон, Нікополь та Марганець, повідомили в Генштабі.",
        "Генштаб",
        SourceKind.MILITARY,
    ),
    (
        "uk",
        "Росіяни вдарили по Харкову, Сумах та Одесі, повідомили у Повітряних силах.",
        "Повітрян",
        SourceKind.MILITARY,
    ),
    (
        "ru",
        "За сутки ВСУ атаковали Белгород, Курск и Брянск, сообщили в Минобороны.",
        "Минобороны",
        SourceKind.MILITARY,
    ),
]


@pytest.mark.parametrize(("lang", "text", "word", "kind"), TAILS)
def test_speaker_after_trailing_verb_and_preposition(
    reader: Reader, lang: str, text: str, word: str, kind: SourceKind
) -> None:
    claims = reader.read_text(text, lang).claims
    assert len(claims) == 3, [(c.location, c.source) for c in claims]  # one per place
    assert all(c.source.kind == kind and word in (c.source.name or "") for c in claims)


# the speaker of a performative act or a denial is named as the text names it (claims-v1:
# source.name is the surface form), not by the registry's English name
SURFACE = [
    ("ru", "Израиль нанес удар по лагерю беженцев. ХАМАС осудил удар.", "ХАМАС"),
    ("uk", "Ізраїль завдав удару по табору біженців. ХАМАС засудив удар.", "ХАМАС"),
    ("es", "Israel atacó un campo de refugiados. Hamás condenó el ataque.", "Hamás"),
    ("ru", "Израиль нанес удар по лагерю беженцев. В ХАМАС эти обвинения отвергли.", "ХАМАС"),
]


@pytest.mark.parametrize(("lang", "text", "name"), SURFACE)
def test_speaker_named_as_written(reader: Reader, lang: str, text: str, name: str) -> None:
    second = text.split(". ")[1]
    claims = [c for c in reader.read_text(text, lang).claims if c.span.start >= text.index(second)]
    assert claims and all(c.source.name == name for c in claims), [c.source for c in claims]


# an official or spokesperson of an armed, security or international body speaks as that body
# (claims-v1: the spokespeople of armed groups are military), not as a government voice; a
# ministry run by an armed group stays a government body
OFFICIALS = [
    ("fr", "Un responsable du Hamas a affirmé que cinq combattants avaient été tués.", "military"),
    ("es", "Un portavoz de las FAR dijo que sus combatientes tomaron la ciudad.", "military"),
    ("fr", "Un responsable de l'armée a affirmé que cinq soldats avaient été tués.", "military"),
    ("ru", "Представитель ООН сообщил, что в лагере погибли пять человек.", "ngo_io"),
    ("en", "The Hamas-run health ministry said 20 people were killed.", "government"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), OFFICIALS)
def test_official_speaks_for_their_body(reader: Reader, lang: str, text: str, kind: str) -> None:
    claims = reader.read_text(text, lang).claims
    assert claims and {c.source.kind.value for c in claims} == {kind}, [
        (c.source.name, c.source.kind) for c in claims
    ]


# a body named again by its head noun alone ("the ministry") is the body named before with
# that noun in a fuller name, and speaks with its kind
SAME_HEAD = [
    (
        "en",
        "Russia's defence ministry said its forces took the village. "
        "The ministry said its air defences destroyed 68 drones.",
        "military",
    ),
    (
        "de",
        "Das russische Verteidigungsministerium meldete die Einnahme des Dorfes. Dabei seien "
        "200 Soldaten getötet worden, teilte das Ministerium mit.",
        "military",
    ),
    (
        "en",
        "The health ministry said 20 people were killed in the strike on Gaza City. "
        "The ministry said Israeli forces also shelled a hospital in Khan Younis.",
        "government",
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind"), SAME_HEAD)
def test_body_named_again_by_its_head(reader: Reader, lang: str, text: str, kind: str) -> None:
    second = text.split(". ", 1)[1]
    claims = [c for c in reader.read_text(text, lang).claims if c.span.start >= text.index(second)]
    assert claims and {c.source.kind.value for c in claims} == {kind}, [c.source for c in claims]


# open-source investigators speak as media (claims-v1), not as experts
OSINT = [
    ("en", "According to DeepState, Russian troops advanced near the village of Novoselivka."),
    ("uk", "За даними DeepState, російські війська просунулися біля села Новоселівка."),
    ("de", "Laut Bellingcat wurde die Rakete aus dem Gebiet Belgorod abgefeuert."),
]


@pytest.mark.parametrize(("lang", "text"), OSINT)
def test_open_source_investigators_are_media(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.MEDIA)


# "nach Kiewer Angaben": a city's adjective before the report noun names that capital's
# authorities as the source (as a nationality does: "nach ukrainischen Angaben")
@pytest.mark.parametrize(
    "text",
    [
        "Nach Kiewer Angaben wurden bei dem Angriff drei Menschen getötet.",
        "Russische Truppen haben nach Moskauer Angaben das Dorf Nowoseliwka eingenommen.",
    ],
)
def test_city_adjective_names_the_capitals_authorities(reader: Reader, text: str) -> None:
    claims = reader.read_text(text, "de").claims
    assert claims and all(c.source.name and "Angaben" in c.source.name for c in claims)
    assert all(c.source.kind != SourceKind.AUTHOR for c in claims)


# a bare surname before the person is named in full with their role ("…," Kiper wrote. …
# governor Oleh Kiper said): one speaker has one kind in a text
SURNAME = [
    (
        "en",
        '"Russian drones attacked the port for three hours, one person was killed," Kiper wrote. '
        "Odesa region governor Oleh Kiper said this in a post on Telegram.",
        "Kiper",
    ),
    (
        "ru",
        "«Российские дроны три часа атаковали порт, погиб один человек», — написал Кипер. "
        "Об этом сообщил губернатор Одесской области Олег Кипер.",
        "Кипер",
    ),
]


@pytest.mark.parametrize(("lang", "text", "word"), SURNAME)
def test_bare_surname_has_the_persons_kind(reader: Reader, lang: str, text: str, word: str) -> None:
    claims = [c for c in reader.read_text(text, lang).claims if c.source.name]
    assert claims and all(word in (c.source.name or "") for c in claims)
    assert {c.source.kind for c in claims} == {SourceKind.GOVERNMENT}


# air and naval forces, and their spokespeople, speak as military
AIR = [
    (
        "en",
        "Air defences shot down 40 drones, air force spokesman Ivan Petrenko told television.",
    ),
    ("de", "Die Luftwaffe teilte mit, 40 Drohnen seien in der Nacht abgeschossen worden."),
    ("ru", "В ВКС сообщили, что за ночь сбили 40 беспилотников."),
]


@pytest.mark.parametrize(("lang", "text"), AIR)
def test_air_force_speaks_as_military(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.MILITARY)


# a monitoring observatory speaks as ngo_io (claims-v1: monitoring groups)
OBSERVATORY = [
    (
        "uk",
        "Суданська обсерваторія з прав людини повідомила, що внаслідок удару загинули 15 людей.",
    ),
    ("ru", "По данным Суданской обсерватории по правам человека, при ударе погибли 15 человек."),
    ("de", "Nach Angaben der Sudanesischen Beobachtungsstelle wurden 15 Menschen getötet."),
    ("en", "The Sudan Human Rights Observatory said 15 people were killed in the strike."),
]


@pytest.mark.parametrize(("lang", "text"), OBSERVATORY)
def test_observatory_speaks_as_ngo(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.NGO_IO)


# a report issued by a body ("un rapport de l'ONU") speaks with the body's kind, as "a UN
# report" does
REPORTS = [
    ("fr", "Selon un rapport de l'ONU, 436 civils ont été tués dans la région."),
    ("es", "Según un informe de la ONU, 436 civiles murieron en la región."),
    ("it", "Secondo un rapporto dell'Onu, 436 civili sono stati uccisi nella regione."),
]


@pytest.mark.parametrize(("lang", "text"), REPORTS)
def test_report_of_a_body(reader: Reader, lang: str, text: str) -> None:
    _every_claim_speaks_as(reader, lang, text, SourceKind.NGO_IO)
