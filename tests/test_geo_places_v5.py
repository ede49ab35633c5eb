"""Places v2, fourth round (issue #11, items 3 and 6): given toponym spans whose words the press
shortens ("St. Lucia", "Mt. Vernon", "Sta. Cruz"), names that keep an apostrophe the tokenizer
splits off ("People's Republic"), and candidate scoring by how widely a place is known.

Every sentence here was written for these tests (no dataset text).
"""

from __future__ import annotations

import pytest

from fogofwar.geo import Gazetteer
from fogofwar.geo.langdata import lang_pack


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _given(
    gaz: Gazetteer, text: str, surface: str, lang: str = "en"
) -> tuple[str | None, str | None]:
    start = text.index(surface)
    m = gaz.resolve(text, [(start, start + len(surface))], lang)[0]
    return (None, None) if m.location is None else (m.location.normalized, m.location.country)


# (language, sentence, given span, country of the place it names)
ABBREVIATED = [
    ("en", "Tourism to St. Lucia fell sharply after the storm season.", "St. Lucia", "LCA"),
    ("en", "A freighter flagged in St. Vincent and the Grenadines ran aground.",
     "St. Vincent and the Grenadines", "VCT"),
    ("en", "The ferry from Ft. Lauderdale was delayed by fog.", "Ft. Lauderdale", "USA"),
    ("de", "Der Zug nach St. Gallen fiel am Morgen aus.", "St. Gallen", "CHE"),
    ("fr", "Le bateau venant de Ste. Lucie a été retenu au port.", "Ste. Lucie", "LCA"),
    ("es", "El vuelo a Sta. Cruz de Tenerife salió con retraso.", "Sta. Cruz de Tenerife", "ESP"),
    ("it", "Il pullman per S. Giovanni Rotondo è partito in ritardo.", "S. Giovanni Rotondo",
     "ITA"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "cc3"), ABBREVIATED)
def test_a_given_span_with_a_shortened_word_is_looked_up_in_full(
    gaz: Gazetteer, lang: str, text: str, surface: str, cc3: str
) -> None:
    assert _given(gaz, text, surface, lang)[1] == cc3


@pytest.mark.parametrize("lang", ["de", "en", "es", "fr", "it", "ru", "uk"])
def test_every_pack_lists_name_abbreviations(lang: str) -> None:
    assert lang_pack(lang).name_abbreviations


def test_a_lone_abbreviation_in_running_text_is_no_place(gaz: Gazetteer) -> None:
    # the recogniser keeps its own rules: "St. Patrick's Day" does not become a town
    text = "Crowds marched on St. Patrick's Day through the centre of Boston."
    assert "St. Patrick" not in {m.surface for m in gaz.find(text, "en")}


@pytest.mark.parametrize(
    ("text", "surface", "cc3"),
    [
        ("Talks with the Democratic People's Republic of Korea stalled again.",
         "Democratic People's Republic of Korea", "PRK"),
        ("Cocoa exports from Côte d'Ivoire rose this year.", "Côte d'Ivoire", "CIV"),
    ],
)  # fmt: skip
def test_a_name_with_an_apostrophe_is_looked_up_as_written(
    gaz: Gazetteer, text: str, surface: str, cc3: str
) -> None:
    assert _given(gaz, text, surface)[1] == cc3


# (language, text, given span the gazetteer has no name for, country the text says it is in):
# the text is about another place (named twice), the facility is said to lie elsewhere
LOCATED = [
    ("en", "Manchester fans gathered in Manchester. The boy was flown to Zorbluk Children's "
     "Hospital in Rome for surgery.", "Zorbluk Children's Hospital", "ITA"),
    ("en", "Leeds council met in Leeds on Monday. Graduates of the Zorbluk Institute of "
     "Technology, Lagos, sent a letter.", "Zorbluk Institute of Technology", "NGA"),
    ("de", "In Hamburg demonstrierten Hamburger Schüler. Das Kind wurde in die Zorbluk-Klinik "
     "in München gebracht.", "Zorbluk-Klinik", "DEU"),
    ("fr", "À Lyon, les habitants de Lyon ont manifesté. L'enfant a été soigné à la clinique "
     "Zorbluk à Madrid.", "clinique Zorbluk", "ESP"),
    ("es", "En Sevilla, los vecinos de Sevilla protestaron. El niño fue llevado a la clínica "
     "Zorbluk en Berlín.", "clínica Zorbluk", "DEU"),
    ("it", "A Napoli i tifosi di Napoli hanno festeggiato. Il bambino è stato portato alla "
     "clinica Zorbluk a Vienna.", "clinica Zorbluk", "AUT"),
    ("ru", "В Казани жители Казани вышли на улицы. Ребёнка доставили в клинику Зорблюк в "
     "Варшаве.", "Зорблюк", "POL"),
    ("uk", "У Львові мешканці Львова вийшли на вулиці. Дитину доставили до клініки Зорблюк у "
     "Варшаві.", "Зорблюк", "POL"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "cc3"), LOCATED)
def test_a_facility_lies_where_the_text_says_not_in_the_texts_place(
    gaz: Gazetteer, lang: str, text: str, surface: str, cc3: str
) -> None:
    start = text.index(surface)
    m = gaz.resolve(text, [(start, start + len(surface))], lang)[0]
    assert m.location is not None and m.location.country == cc3
    assert m.location.geonames_id is None  # the facility has no gazetteer entry of its own


def test_a_facility_in_a_region_holding_the_texts_town_stays_at_the_town(
    gaz: Gazetteer,
) -> None:
    text = "Tacoma police said. Tacoma officers went to Zorbluk Barracks, Washington, at noon."
    start = text.index("Zorbluk Barracks")
    m = gaz.resolve(text, [(start, start + len("Zorbluk Barracks"))], "en")[0]
    assert m.location is not None and m.location.normalized == "Tacoma"


def test_a_small_foreign_town_far_from_the_texts_town_is_a_local_name(gaz: Gazetteer) -> None:
    # "Peel" is only a small town of the Isle of Man in the gazetteer: in a text about
    # Brampton, Ontario the given span names something local
    text = "Brampton officers said the Peel detachment patrolled Brampton parks overnight."
    start = text.index("Peel")
    spans = [(0, 8), (start, start + 4), (53, 61)]
    m = gaz.resolve(text, spans, "en")[1]
    assert m.location is not None and m.location.country == "CAN"
    assert m.location.geonames_id is None


def test_a_big_foreign_city_stays_itself(gaz: Gazetteer) -> None:
    text = "Brampton officers said the suspect had flown to Lisbon before returning to Brampton."
    start = text.index("Lisbon")
    spans = [(0, 8), (start, start + 6), (text.rindex("Brampton"), len(text) - 1)]
    m = gaz.resolve(text, spans, "en")[1]
    assert m.location is not None and m.location.country == "PRT"


def test_a_small_foreign_town_the_text_qualifies_by_its_country_stays_itself(
    gaz: Gazetteer,
) -> None:
    text = "Brampton officers said the man grew up in Peel, Isle of Man, and later in Brampton."
    start = text.index("Peel")
    spans = [(0, 8), (start, start + 4), (text.rindex("Brampton"), len(text) - 1)]
    m = gaz.resolve(text, spans, "en")[1]
    assert m.location is not None and m.location.country == "IMN"
    assert m.location.geonames_id is not None


# (language, sentence, given span without its region word, first-level region it names)
REGION_WORDS = [
    ("en", "The first case turned up in the state of Washington last spring.", "Washington",
     "Washington"),
    ("en", "Shelling in the Donetsk region went on overnight.", "Donetsk", "Donetsk Oblast"),
    ("de", "Die Kämpfe im Gebiet Cherson dauern an.", "Cherson", "Kherson Oblast"),
    ("fr", "Les combats dans la région de Kherson continuent.", "Kherson", "Kherson Oblast"),
    ("it", "I combattimenti nella regione di Kherson continuano.", "Kherson", "Kherson Oblast"),
    ("ru", "Обстрелы в Курской области продолжаются.", "Курской", "Kursk Oblast"),
    ("uk", "Обстріли в Харківській області тривають.", "Харківській", "Kharkiv Oblast"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "region"), REGION_WORDS)
def test_a_region_word_around_a_given_span_makes_it_the_region(
    gaz: Gazetteer, lang: str, text: str, surface: str, region: str
) -> None:
    start = text.index(surface)
    m = gaz.resolve(text, [(start, start + len(surface))], lang)[0]
    assert m.location is not None
    assert (m.location.normalized, m.location.precision) == (region, "admin1")


def test_a_metro_region_of_a_town_is_no_namesake_region_elsewhere(gaz: Gazetteer) -> None:
    text = "New warehouses opened across the Charlotte region this year."
    start = text.index("Charlotte")
    m = gaz.resolve(text, [(start, start + 9)], "en")[0]
    assert m.location is not None and m.location.country == "USA"


def test_a_list_of_one_countrys_provinces_takes_the_province(gaz: Gazetteer) -> None:
    # "New Brunswick" is also a town in New Jersey, which the text names
    text = (
        "Cases were confirmed in British Columbia, Alberta, Manitoba, Ontario and New "
        "Brunswick, after a shipment from a farm in New Jersey."
    )
    names = ["British Columbia", "Alberta", "Manitoba", "Ontario", "New Brunswick", "New Jersey"]
    spans = [(text.index(s), text.index(s) + len(s)) for s in names]
    m = gaz.resolve(text, spans, "en")[4]
    assert m.location is not None
    assert (m.location.country, m.location.precision) == ("CAN", "admin1")


# (language, text about another town, given landmark span, the landmark's town)
LANDMARKS = [
    ("en", "Kharkiv officials in Kharkiv said the defenders of Azovstal held out for weeks.",
     "Azovstal", "Mariupol"),
    ("en", "Lviv residents in Lviv watched the parade on Red Square on television.",
     "Red Square", "Moscow"),
    ("de", "In Dresden erinnerten Dresdner an die Kämpfe um Asowstal.", "Asowstal", "Mariupol"),
    ("fr", "À Lyon, des habitants de Lyon ont regardé le défilé sur la place Rouge.",
     "place Rouge", "Moscow"),
    ("es", "En Sevilla, vecinos de Sevilla viajaron a ver la Torre Eiffel.", "Torre Eiffel",
     "Paris"),
    ("it", "A Napoli, tifosi di Napoli hanno visitato la Torre Eiffel.", "Torre Eiffel", "Paris"),
    ("ru", "В Казани жители Казани обсуждали обстрел Запорожской АЭС.", "Запорожской АЭС",
     "Enerhodar"),
    ("uk", "У Львові мешканці Львова обговорювали обстріл Запорізька АЕС.", "Запорізька АЕС",
     "Enerhodar"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "surface", "town"), LANDMARKS)
def test_a_landmark_lies_in_its_town(
    gaz: Gazetteer, lang: str, text: str, surface: str, town: str
) -> None:
    start = text.index(surface)
    m = gaz.resolve(text, [(start, start + len(surface))], lang)[0]
    assert m.location is not None and m.location.normalized == town
    assert m.location.geonames_id is None  # in the town, not the town itself


def test_a_landmark_is_not_the_place_the_text_is_about(gaz: Gazetteer) -> None:
    # the street lies in Leeds, the text's town, not in New York with the UN's seat
    text = "Leeds police said a crowd on Zorbluk Street wrote to the United Nations."
    names = ("Leeds", "Zorbluk Street", "United Nations")
    spans = [(text.index(s), text.index(s) + len(s)) for s in names]
    _, street, un = gaz.resolve(text, spans, "en")
    assert un.location is not None and un.location.normalized == "New York City"
    assert street.location is not None and street.location.normalized == "Leeds"


def test_a_town_the_text_writes_as_a_place_is_no_persons_name(gaz: Gazetteer) -> None:
    # "Brenham OKs" reads like a first name before a surname; the dateline and "Brenham
    # residents" say it is the town, at every mention
    text = "Brenham OKs new budget. BRENHAM — The council met on Monday. Brenham residents vote."
    found = [m for m in gaz.find(text, "en") if m.surface.casefold() == "brenham"]
    assert len(found) == 3
    assert all(m.location is not None and m.location.country == "USA" for m in found)


def test_a_surname_with_no_place_evidence_stays_a_person(gaz: Gazetteer) -> None:
    text = "Senator Tim Brenham spoke on Monday. Brenham told reporters the vote would wait."
    assert not [m for m in gaz.find(text, "en") if m.surface == "Brenham"]
