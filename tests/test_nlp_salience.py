"""Which event a clause asserts and where (nlp/salience.py), and the reader defects it fixes."""

from __future__ import annotations

from importlib import resources

import pytest

from fogofwar.claim import ClaimKind, SourceKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


@pytest.fixture(scope="module")
def full_reader() -> Reader:
    return Reader.default()


# (lang, sentence, kind of the first claim): the same concepts in every language
KINDS = [
    ("en", "Militants killed 14 villagers.", ClaimKind.ATTACK),
    # a clash named with its toll is one armed-clash claim (issue 10: "N killed in renewed
    # fighting"); a toll summed over a war or a period names no clash: casualties
    ("en", "Eight soldiers were killed in renewed fighting.", ClaimKind.ARMED_CLASH),
    ("de", "Bei erneuten Kämpfen wurden acht Soldaten getötet.", ClaimKind.ARMED_CLASH),
    ("ru", "В ходе боёв погибли восемь военных.", ClaimKind.ARMED_CLASH),
    (
        "en",
        "Since the start of the invasion 10,000 civilians were killed in the fighting.",
        ClaimKind.CASUALTIES,
    ),
    ("uk", "Від початку вторгнення в боях загинули понад 10 000 цивільних.", ClaimKind.CASUALTIES),
    ("en", "Rebels attacked government troops near the town.", ClaimKind.ARMED_CLASH),
    ("en", "The village was attacked by militants.", ClaimKind.ATTACK),
    ("en", "Iran threatened to launch a new offensive.", ClaimKind.STATEMENT),
    ("en", "The two sides agreed to a ceasefire.", ClaimKind.DIPLOMACY),
    # rejecting a plan is a speech act about talks: claims-v1 reads either kind
    ("en", "The government rejected the peace plan.", (ClaimKind.STATEMENT, ClaimKind.DIPLOMACY)),
    ("en", "Protesters clashed with police.", ClaimKind.PROTEST),
    ("en", "Police detained dozens of protesters.", ClaimKind.ARREST),
    ("en", "An earthquake killed eight people.", ClaimKind.OTHER),
    ("en", "Two soldiers were killed when militants detonated a bomb.", ClaimKind.ATTACK),
    ("de", "Die Regierung forderte einen Waffenstillstand.", ClaimKind.STATEMENT),
    ("de", "Demonstranten blockierten die Straße.", ClaimKind.PROTEST),
    ("de", "Die Armee hat das Dorf eingenommen.", ClaimKind.TERRITORIAL_CHANGE),
    ("ru", "Министр потребовал вывести войска.", ClaimKind.STATEMENT),
    ("ru", "Протестующие перекрыли дороги в центре города.", ClaimKind.PROTEST),
    ("ru", "Стороны договорились о прекращении огня.", ClaimKind.DIPLOMACY),
    ("uk", "Сторони погодилися на перемирʼя.", ClaimKind.DIPLOMACY),
    ("uk", "Протестувальники перекрили дороги.", ClaimKind.PROTEST),
    ("uk", "Міністр закликав вивести війська.", ClaimKind.STATEMENT),
]


@pytest.mark.parametrize(("lang", "text", "kind"), KINDS)
def test_kind_of_the_main_claim(
    reader: Reader, lang: str, text: str, kind: ClaimKind | tuple[ClaimKind, ...]
) -> None:
    claims = reader.read_text(text, lang).claims
    assert claims, text
    kinds = kind if isinstance(kind, tuple) else (kind,)
    assert claims[0].kind in kinds, [(c.kind, c.subtype) for c in claims]


def test_counts_bind_to_the_nearest_casualty_word(reader: Reader) -> None:
    (c,) = reader.read_text("People were killed and more than 100 injured.", "en").claims
    # an unquantified plural keeps its words with open bounds (claims-v1 counts rule)
    assert c.counts.killed is None or (c.counts.killed.low, c.counts.killed.high) == (None, None)
    assert c.counts.injured is not None and c.counts.injured.low == 101
    (c,) = reader.read_text("More than 100 people were injured and eight killed.", "en").claims
    assert c.counts.injured is not None and c.counts.injured.low == 101
    assert c.counts.killed is not None and c.counts.killed.low == 8


def test_qualifier_goes_to_the_count_before_it(reader: Reader) -> None:
    text = "Загинули 17 людей, ще понад 60 отримали поранення, серед них троє дітей."
    (c,) = reader.read_text(text, "uk").claims
    assert c.counts.killed is not None and c.counts.killed.qualifier is None
    assert c.counts.injured is not None and c.counts.injured.qualifier


def test_counted_noun_next_to_its_figure_is_a_claim(reader: Reader) -> None:
    (c,) = reader.read_text("В Белгороде 25 погибших.", "ru").claims
    assert c.kind == ClaimKind.CASUALTIES and c.counts.killed is not None
    assert (
        reader.read_text("Независимого подтверждения числа погибших пока нет.", "ru").claims == ()
    )


def test_generic_source_nouns_are_no_name(reader: Reader) -> None:
    res = reader.read_text("Eight soldiers were killed, media reports said.", "en")
    (c,) = res.claims
    assert c.source.kind in {SourceKind.MEDIA, SourceKind.UNNAMED}
    assert c.source.name is None


@pytest.mark.parametrize(
    ("lang", "text", "admin1"),
    [
        ("en", "Eight people were killed in Russia's Kursk region, officials said.", "Kursk"),
        (
            "uk",
            "За даними джерел у Силах оборони України, щонайменше 11 військових загинули "
            "у Курській області.",
            "Kursk",
        ),
    ],
)
def test_location_is_the_events_most_specific_place(
    full_reader: Reader, lang: str, text: str, admin1: str
) -> None:
    (c,) = full_reader.read_text(text, lang).claims
    assert c.location is not None and c.location.precision == "admin1", c.location
    assert admin1 in (c.location.normalized or ""), c.location


def _example(name: str) -> str:
    return (
        resources.files("fogofwar")
        .joinpath("examples", "articles", name)
        .read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("name", "lang", "absent"),
    [
        ("uk_chernihiv_udar.txt", "uk", ClaimKind.DEPLOYMENT),
        ("ru_belgorod_obstrel.txt", "ru", ClaimKind.DEPLOYMENT),
        ("en_north_korea_losses.txt", "en", ClaimKind.ARMED_CLASH),
    ],
)
def test_bundled_examples_have_no_weak_trigger_claims(
    full_reader: Reader, name: str, lang: str, absent: ClaimKind
) -> None:
    claims = full_reader.read_text(_example(name), lang).claims
    assert claims
    assert absent not in {c.kind for c in claims}
