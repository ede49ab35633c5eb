"""The claim builder: kinds, counts, analysis filter, certainty, time, inheritance, headline."""

from __future__ import annotations

from datetime import date

import pytest

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.nlp.claims_v2 import names_earlier_source
from fogofwar.nlp.clause_view import clause_views
from fogofwar.reader import Reader

PUB = date(2024, 10, 24)


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


# (lang, sentence, kind, count field or None, low, high)
EVENTS = [
    ("de", "Bei dem Beschuss wurden drei Zivilisten getötet.", ClaimKind.ATTACK, "killed", 3, 3),
    ("de", "Acht Menschen sind gestorben.", ClaimKind.CASUALTIES, "killed", 8, 8),
    ("de", "Mindestens zwölf Soldaten wurden verletzt.", ClaimKind.CASUALTIES, "injured", 12, None),
    ("de", "Mehrere Soldaten wurden festgenommen.", ClaimKind.ARREST, "arrested", 3, 9),
    ("de", "Die Truppen wurden an die Grenze verlegt.", ClaimKind.DEPLOYMENT, None, None, None),
    ("de", "Die Armee hat das Dorf eingenommen.", ClaimKind.TERRITORIAL_CHANGE, None, None, None),
    ("de", "Zwei Soldaten sind desertiert.", ClaimKind.DESERTION, None, None, None),
    ("en", "Russian shelling killed five civilians.", ClaimKind.ATTACK, "killed", 5, 5),
    ("en", "More than 20 soldiers were wounded.", ClaimKind.CASUALTIES, "injured", 21, None),
    ("en", "Police detained dozens of protesters.", ClaimKind.ARREST, "arrested", 24, 99),
    ("en", "The troops were deployed to the border.", ClaimKind.DEPLOYMENT, None, None, None),
    ("en", "Forces captured the village.", ClaimKind.TERRITORIAL_CHANGE, None, None, None),
    ("ru", "В результате обстрела погибли трое мирных жителей.", ClaimKind.ATTACK, "killed", 3, 3),
    ("ru", "Не менее десяти военных были ранены.", ClaimKind.CASUALTIES, "injured", 10, None),
    ("ru", "Несколько солдат были задержаны.", ClaimKind.ARREST, "arrested", 3, 9),
    ("ru", "Войска были переброшены к границе.", ClaimKind.DEPLOYMENT, None, None, None),
    ("ru", "Солдаты дезертировали из части.", ClaimKind.DESERTION, None, None, None),
    ("uk", "Внаслідок обстрілу загинули двоє цивільних.", ClaimKind.ATTACK, "killed", 2, 2),
    ("uk", "Понад 30 військових були поранені.", ClaimKind.CASUALTIES, "injured", 31, None),
    ("uk", "Кілька солдатів затримали.", ClaimKind.ARREST, "arrested", 3, 9),
    ("uk", "Війська звільнили село.", ClaimKind.TERRITORIAL_CHANGE, None, None, None),
]


@pytest.mark.parametrize(("lang", "text", "kind", "field", "low", "high"), EVENTS)
def test_event(
    reader: Reader,
    lang: str,
    text: str,
    kind: ClaimKind,
    field: str | None,
    low: int | None,
    high: int | None,
) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert [c.kind for c in claims] == [kind]
    c = claims[0]
    assert c.source.kind == SourceKind.AUTHOR and c.certainty == Certainty.ASSERTED
    if field is not None:
        count = getattr(c.counts, field)
        assert (count.low, count.high) == (low, high)
        assert count.span is not None and count.span.slice(text)
    assert c.span is not None and c.span.slice(text).strip()
    assert c.time is not None and c.time.precision == "before_publication"


ANALYSIS = [
    ("de", "Die Entsendung der Truppen unterstreicht die engen Beziehungen."),
    ("de", "Die Beteiligung könnte den Wunsch nach Hilfe widerspiegeln."),
    ("de", "Der Einsatz ist Teil einer größeren Strategie."),
    ("en", "The deployment underscores the deepening ties between the two states."),
    ("en", "The attacks show how fragile the ceasefire is."),
    ("en", "This could reflect a wish to secure military aid."),
    ("ru", "Переброска войск подчеркивает углубление связей."),
    ("ru", "Эти удары свидетельствуют о слабости обороны."),
    ("uk", "Перекидання військ свідчить про поглиблення співпраці."),
    ("uk", "Ці удари підкреслюють слабкість оборони."),
]


@pytest.mark.parametrize(("lang", "text"), ANALYSIS)
def test_analysis_is_not_a_claim(reader: Reader, lang: str, text: str) -> None:
    assert reader.read_text(text, lang, published=PUB).claims == ()


@pytest.mark.parametrize(
    ("lang", "text", "certainty"),
    [
        ("en", "Troops could be deployed to the border.", Certainty.HYPOTHETICAL),
        ("de", "Russland plant, weitere Truppen zu entsenden.", Certainty.HYPOTHETICAL),
        ("ru", "Войска будут переброшены к границе.", Certainty.HYPOTHETICAL),
        ("uk", "Війська можуть бути перекинуті до кордону.", Certainty.HYPOTHETICAL),
        ("de", "Dabei sollen fünf Soldaten getötet worden sein.", Certainty.REPORTED),
        (
            "en",
            "Five soldiers were killed. The claim could not be independently verified.",
            Certainty.UNVERIFIED,
        ),
        (
            "ru",
            "Погибли пять солдат. Эти данные не удалось независимо проверить.",
            Certainty.UNVERIFIED,
        ),
    ],
)
def test_certainty(reader: Reader, lang: str, text: str, certainty: Certainty) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert claims and claims[0].certainty == certainty
    if certainty == Certainty.HYPOTHETICAL:
        assert claims[0].time is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "According to sources, troops tried to flee.\n\nIn one case, "
            "several soldiers were detained.",
        ),
        (
            "de",
            "Quellen zufolge sind Soldaten desertiert.\n\nIn einem Fall "
            "wurden mehrere Soldaten festgenommen.",
        ),
        (
            "ru",
            "По данным источников, солдаты дезертировали.\n\nВ одном случае "
            "несколько солдат были задержаны.",
        ),
        (
            "uk",
            "За даними джерел, солдати дезертирували.\n\nВ одному випадку "
            "кілька солдатів затримали.",
        ),
    ],
)
def test_passage_inherits_source(reader: Reader, lang: str, text: str) -> None:
    claims = reader.read_text(text, lang, published=PUB).claims
    assert len(claims) == 2
    assert [c.source.kind for c in claims] == [SourceKind.UNNAMED, SourceKind.UNNAMED]
    assert claims[1].counts.arrested is not None


def test_heading_breaks_the_passage(reader: Reader) -> None:
    text = (
        "According to sources, troops tried to "
        "flee.\n\nNew arrests\n\nSeveral soldiers were detained."
    )
    claims = reader.read_text(text, "en", published=PUB).claims
    assert claims[-1].source.kind == SourceKind.AUTHOR


@pytest.mark.parametrize(
    ("lang", "title", "low"),
    [
        ("de", "Schwere Verluste: Acht Offiziere an einem Tag gefallen", 8),
        ("en", "Twelve soldiers killed in drone strike", 12),
        ("ru", "Пять военных погибли при обстреле", 5),
        ("uk", "Троє цивільних загинули внаслідок удару", 3),
    ],
)
def test_headline(reader: Reader, lang: str, title: str, low: int) -> None:
    res = reader.read_text("Nothing else.", lang, published=PUB, title=title)
    head = [c for c in res.claims if c.in_headline]
    killed = [c.counts.killed for c in head if c.counts.killed is not None]
    assert killed and (killed[0].low, killed[0].high) == (low, low)
    assert all(c.span is not None and c.span.end <= len(title) for c in head)


def test_qualifier_does_not_change_the_count(reader: Reader) -> None:
    text = "Eight people died, including senior officers."
    c = reader.read_text(text, "en", published=PUB).claims[0]
    assert c.counts.killed is not None
    assert (c.counts.killed.low, c.counts.killed.qualifier) == (8, "including senior officers")


def test_ally_role(reader: Reader) -> None:
    text = "Troops were deployed in support of Russian forces."
    c = reader.read_text(text, "en", published=PUB).claims[0]
    assert {a.role for a in c.actors} == {"actor", "ally"}


def test_claim_ids_are_stable(reader: Reader) -> None:
    text = "Russian shelling killed five civilians."
    a = reader.read_text(text, "en", published=PUB).claims
    b = reader.read_text(text, "en", published=PUB).claims
    assert [c.claim_id for c in a] == [c.claim_id for c in b]


# a sentence that only names who told the facts before it is no claim of its own: the model may
# read a claim into it (it names a source and its subject), the rule says what it reports
# stands in the sentence before
SOURCE_AFTER_FACTS = [
    (
        "en",
        "Russian missiles hit a warehouse in Zaporizhzhia on Monday. This was stated by the "
        "regional governor in an interview with a local TV channel.",
    ),
    (
        "de",
        "Russische Raketen trafen am Montag ein Lagerhaus in Saporischschja. Das sagte der "
        "Gouverneur der Region in einem Interview mit einem örtlichen Fernsehsender.",
    ),
    (
        "ru",
        "Российские ракеты в понедельник попали в склад в Запорожье. Об этом заявил губернатор "
        "области в интервью местному телеканалу.",
    ),
    (
        "uk",
        "Російські ракети в понеділок влучили у склад у Запоріжжі. Про це заявив губернатор "
        "області в інтерв'ю місцевому телеканалу.",
    ),
    (
        "fr",
        "Des missiles russes ont frappé lundi un entrepôt à Zaporijjia. C'est ce qu'a déclaré le "
        "gouverneur de la région dans une interview à une chaîne locale.",
    ),
    (
        "es",
        "Misiles rusos impactaron el lunes en un almacén de Zaporiyia. Así lo declaró el "
        "gobernador de la región en una entrevista con una televisión local.",
    ),
    (
        "it",
        "Missili russi hanno colpito lunedì un magazzino a Zaporizhzhia. Lo ha dichiarato il "
        "governatore della regione in un'intervista a una televisione locale.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), SOURCE_AFTER_FACTS)
def test_a_sentence_naming_the_source_of_earlier_facts_is_no_claim(
    reader: Reader, lang: str, text: str
) -> None:
    doc = reader.analyze(text, lang)
    views = clause_views(doc, reader.resources)
    assert [names_earlier_source(doc, v) for v in views] == [False, True]
