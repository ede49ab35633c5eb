"""Places v2 (issue #11, items 3 and 6): spellings across languages meet, region
abbreviations, carried qualifications, regions, seas and rivers, demonyms of continents,
person names, all-capital text, and ``Gazetteer.resolve`` on given spans.

Every sentence here was written for these tests (no dataset text).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fogofwar.geo import Gazetteer, PlaceMention
from fogofwar.geo.translit import latin_forms, russian_form, transliterate

MYKOLAIV = 700569
BAKHMUT = 713174


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


def _found(gaz: Gazetteer, text: str, lang: str) -> list[PlaceMention]:
    return [m for m in gaz.find(text, lang) if m.location is not None]


def _gid(gaz: Gazetteer, text: str, lang: str, surface: str) -> int | None:
    for m in _found(gaz, text, lang):
        if m.surface == surface:
            assert m.location is not None
            return m.location.geonames_id
    raise AssertionError(f"{surface!r} not found in {[m.surface for m in gaz.find(text, lang)]}")


# one settlement, four languages: (lang, sentence, surface)
SPELLINGS = {
    "Mykolaiv": [
        ("ru", "Ночью Николаев снова обстреляли.", "Николаев"),
        ("uk", "Вночі Миколаїв знову обстріляли.", "Миколаїв"),
        ("en", "Overnight Russia shelled Mykolaiv again.", "Mykolaiv"),
        ("de", "In der Nacht wurde Mykolajiw erneut beschossen.", "Mykolajiw"),
        ("en", "The port of Mykolayiv was hit.", "Mykolayiv"),
        ("de", "Die Werften von Nikolajew lagen still.", "Nikolajew"),
        ("en", "Soviet shipyards in Nikolayev built carriers.", "Nikolayev"),
    ],
    "Bakhmut": [
        ("ru", "Бои за Артемовск продолжаются.", "Артемовск"),
        ("uk", "Бої за Бахмут тривають.", "Бахмут"),
        ("en", "Fighting for Bakhmut goes on.", "Bakhmut"),
        ("de", "Die Kämpfe um Bachmut dauern an.", "Bachmut"),
        ("ru", "Бои за Бахмут продолжаются.", "Бахмут"),
        ("uk", "Колишній Артемівськ лежить у руїнах.", "Артемівськ"),
    ],
    "Avdiivka": [
        ("ru", "Под Авдеевкой идут бои.", "Авдеевкой"),
        ("uk", "Під Авдіївкою тривають бої.", "Авдіївкою"),
        ("en", "Heavy fighting near Avdiivka.", "Avdiivka"),
        ("de", "Schwere Kämpfe bei Awdijiwka.", "Awdijiwka"),
    ],
    "Vovchansk": [
        ("ru", "Бои в Волчанске не стихают.", "Волчанске"),
        ("uk", "Бої у Вовчанську не вщухають.", "Вовчанську"),
        ("en", "Fighting in Vovchansk continues.", "Vovchansk"),
        ("de", "Die Kämpfe in Wowtschansk gehen weiter.", "Wowtschansk"),
    ],
    "Lysychansk": [
        ("ru", "Войска вышли из Лисичанска.", "Лисичанска"),
        ("uk", "Війська вийшли з Лисичанська.", "Лисичанська"),
        ("en", "Troops withdrew from Lysychansk.", "Lysychansk"),
        ("de", "Die Truppen zogen aus Lyssytschansk ab.", "Lyssytschansk"),
    ],
}


@pytest.mark.parametrize("place", sorted(SPELLINGS))
def test_spellings_in_four_languages_are_one_place(gaz: Gazetteer, place: str) -> None:
    ids = {(lang, s): _gid(gaz, text, lang, s) for lang, text, s in SPELLINGS[place]}
    assert len(set(ids.values())) == 1 and None not in ids.values(), ids


@pytest.mark.parametrize(("place", "gid"), [("Mykolaiv", MYKOLAIV), ("Bakhmut", BAKHMUT)])
def test_must_show_ids(gaz: Gazetteer, place: str, gid: int) -> None:
    lang, text, surface = SPELLINGS[place][0]
    assert _gid(gaz, text, lang, surface) == gid


@pytest.mark.parametrize(
    ("name", "system", "latin"),
    [
        ("Миколаїв", "uk_national", "Mykolaiv"),
        ("Миколаїв", "uk_bgn", "Mykolayiv"),
        ("Миколаїв", "uk_de", "Mykolajiw"),
        ("Запоріжжя", "uk_de", "Saporischschja"),
        ("Часів Яр", "uk_de", "Tschassiw Jar"),
        ("Николаев", "ru_bgn", "Nikolayev"),
        ("Николаев", "ru_simple", "Nikolaev"),
        ("Николаев", "ru_de", "Nikolajew"),
        ("Харьков", "ru_de", "Charkow"),
        ("Запорожье", "ru_bgn", "Zaporozhye"),
        ("Хмельницкий", "ru_simple", "Khmelnitsky"),
    ],
)
def test_transliteration_systems(name: str, system: str, latin: str) -> None:
    assert transliterate(name, system) == latin


def test_latin_forms_pick_systems_by_letters() -> None:
    assert "Mykolajiw" in latin_forms("Миколаїв")  # Ukrainian letters: Ukrainian systems
    assert not any(f.startswith("Ni") for f in latin_forms("Миколаїв"))
    assert latin_forms("Mykolaiv") == ()  # Latin already
    assert latin_forms("Мікалаеў") == ()  # Belarusian: no system here


@pytest.mark.parametrize(
    ("uk", "ru"),
    [("Покровськ", "Покровск"), ("Новогродівка", "Новогродовка"), ("Очеретине", "Очеретино"),
     ("Авдіївка", "Авдеевка"), ("Бахмут", "")],
)  # fmt: skip
def test_regular_russian_form(uk: str, ru: str) -> None:
    assert russian_form(uk) == ru


@pytest.mark.parametrize(
    ("text", "surface", "region", "cc"),
    [
        ("Officials in Sacramento, Calif., said so.", "Calif.", "California", "USA"),
        ("The fire near Olympia, Wash. spread.", "Wash.", "Washington", "USA"),
        ("Snow fell in Ottawa, Ont. overnight.", "Ont.", "Ontario", "CAN"),
        ("Floods hit Lismore, N.S.W., again.", "N.S.W.", "New South Wales", "AUS"),
        ("He lives in Peoria, IL with his wife.", "IL", "Illinois", "USA"),
    ],
)
def test_region_abbreviations(
    gaz: Gazetteer, text: str, surface: str, region: str, cc: str
) -> None:
    m = next(m for m in _found(gaz, text, "en") if m.surface == surface)
    assert m.location is not None
    assert (m.location.normalized, m.location.country, m.location.precision) == (
        region,
        cc,
        "admin1",
    )


def test_abbreviation_needs_its_dot(gaz: Gazetteer) -> None:
    assert not [m for m in _found(gaz, "Mass was held on Sunday.", "en") if m.surface == "Mass"]


def test_qualified_mention_carries_to_bare_mentions(gaz: Gazetteer) -> None:
    text = "A tornado hit Springfield, Missouri. Shelters in Springfield are full."
    found = [m for m in _found(gaz, text, "en") if m.surface == "Springfield"]
    assert len(found) == 2
    assert {m.location.admin1 for m in found if m.location} == {"Missouri"}


def test_region_is_not_pruned_by_a_town_of_another_name(gaz: Gazetteer) -> None:
    m = next(m for m in _found(gaz, "Farmers in Minnesota and Iowa.", "en"))
    assert m.location is not None and m.location.precision == "admin1"


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Tankers crossed the Strait of Hormuz.", "Strait of Hormuz", "Strait of Hormuz"),
        ("Bodies were found in the Danube.", "Danube", "Danube"),
        ("Drones flew over the Black Sea.", "Black Sea", "Black Sea"),
        ("Aid reached Southeast Asia.", "Southeast Asia", "Southeast Asia"),
        ("The EU imposed sanctions.", "EU", "European Union"),
    ],
)
def test_regions_seas_and_rivers(gaz: Gazetteer, text: str, surface: str, name: str) -> None:
    m = next(m for m in _found(gaz, text, "en") if m.surface == surface)
    assert m.location is not None and m.location.normalized == name
    assert m.location.precision == "region"


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("European leaders met today.", "European", "Europe"),
        ("Malaysian officials confirmed it.", "Malaysian", "Malaysia"),
        ("Middle Eastern diplomats arrived.", "Middle Eastern", "Middle East"),
    ],
)
def test_continental_and_regional_demonyms(
    gaz: Gazetteer, text: str, surface: str, name: str
) -> None:
    (m,) = gaz.resolve(text, [(0, len(surface))], "en")
    assert m.is_demonym and m.location is not None and m.location.normalized == name


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Jordan Peterson spoke on Monday.", "Jordan"),
        ("Sydney Sweeney starred in the film.", "Sydney"),
        ("Michael Jordan scored twice. Later Jordan said he was tired.", "Jordan"),
        ("JOIN US FOR A WALK", "US"),
        ("Us Weekly ran the story.", "Us"),
    ],
)
def test_people_and_pronouns_are_not_places(gaz: Gazetteer, text: str, word: str) -> None:
    assert word not in [m.surface for m in _found(gaz, text, "en")]


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("KYIV, Ukraine (AP) — Air raid sirens sounded.", "KYIV", "UKR"),
        ("A Kharkiv hospital was hit overnight.", "Kharkiv", "UKR"),
        ("The US and Canada agreed.", "US", "USA"),
    ],
)
def test_datelines_articles_and_acronyms(
    gaz: Gazetteer, text: str, surface: str, country: str
) -> None:
    m = next(m for m in _found(gaz, text, "en") if m.surface == surface)
    assert m.location is not None and m.location.country == country


def test_resolve_given_spans_keeps_order_and_offsets(gaz: Gazetteer) -> None:
    text = "Shelling of Kharkiv and Kupiansk continued, officials in Kyiv said."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Kyiv", "Kharkiv", "Kupiansk")]
    out = gaz.resolve(text, spans, "en")
    assert [(m.span.start, m.span.end) for m in out] == spans
    assert [m.surface for m in out] == ["Kyiv", "Kharkiv", "Kupiansk"]
    assert all(m.location is not None and m.location.country == "UKR" for m in out)


def test_resolve_unknown_span_is_located_at_the_texts_place(gaz: Gazetteer) -> None:
    text = "Police closed Quillfeather Lane in Kharkiv. Kharkiv officials said the road reopened."
    start = text.index("Quillfeather")
    (m,) = gaz.resolve(text, [(start, start + len("Quillfeather Lane"))], "en")
    assert m.location is not None and m.location.normalized == "Kharkiv"
    assert m.location.geonames_id is None  # not that place: somewhere in it


def test_resolve_abbreviation_span(gaz: Gazetteer) -> None:
    text = "He moved to Fresno, Calif., last year."
    start = text.index("Calif.")
    (m,) = gaz.resolve(text, [(start, start + 6)], "en")
    assert m.location is not None and m.location.normalized == "California"


def test_resolve_without_any_place_gives_no_location(gaz: Gazetteer) -> None:
    (m,) = gaz.resolve("Nothing here names a place at all.", [(0, 7)], "en")
    assert m.location is None


def test_context_prefers_the_article_country(gaz: Gazetteer) -> None:
    text = (
        "Бої тривають біля Бахмута, Соледара і Сіверська на Донеччині. "
        "Під Сіверськом ворог атакував."
    )
    found = [m for m in _found(gaz, text, "uk") if m.surface.startswith("Сіверськ")]
    assert found and all(m.location and m.location.country == "UKR" for m in found)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(alphabet=st.sampled_from("Kyiv Calif. N.S.W. US us Jordan ,.—\nАБВ"), max_size=60),
    cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=4),
)
def test_resolve_never_crashes(gaz: Gazetteer, text: str, cuts: list[tuple[int, int]]) -> None:
    spans = [(a, min(len(text), a + n)) for a, n in cuts if a < len(text)]
    out = gaz.resolve(text, spans, "en")
    assert len(out) == len(spans)
    assert all(text[m.span.start : m.span.end] == m.surface for m in out)
