"""Actor registry: loading, nationality adjectives, registry and synthesized actor matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.actors import ENV_VAR, ActorRegistry
from fogofwar.claim import SourceKind

LANGS = ("de", "en", "ru", "uk")


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def test_registry_size_and_fields(reg: ActorRegistry) -> None:
    assert len(reg.entries) >= 150
    ids = [e.id for e in reg.entries]
    assert len(ids) == len(set(ids))
    kinds = {"state_forces", "government", "armed_group", "organization", "civilians", "other"}
    for e in reg.entries:
        assert e.kind in kinds, e.id
        assert e.source_kind is not None, e.id
        assert e.country is None or len(e.country) == 3, e.id
    for e in reg.persons:
        assert e.kind == "person" and e.role, e.id


@pytest.mark.parametrize(
    ("word", "lang", "iso"),
    [
        ("südkoreanische", "de", "KOR"),
        ("nordkoreanischen", "de", "PRK"),
        ("Russen", "de", "RUS"),
        ("Ukrainer", "de", "UKR"),
        ("koreanische", "de", None),
        ("Südkoreaner", "de", "KOR"),
        ("North Korean", "en", "PRK"),
        ("South Korean", "en", "KOR"),
        ("Korean", "en", None),
        ("Ukrainians", "en", "UKR"),
        ("Israeli", "en", "ISR"),
        ("южнокорейской", "ru", "KOR"),
        ("северокорейских", "ru", "PRK"),
        ("россияне", "ru", "RUS"),
        ("украинцы", "ru", "UKR"),
        ("корейские", "ru", None),
        ("північнокорейських", "uk", "PRK"),
        ("південнокорейська", "uk", "KOR"),
        ("російськими", "uk", "RUS"),
        ("українці", "uk", "UKR"),
        ("Haus", "de", None),
        ("table", "en", None),
        ("дом", "ru", None),
        ("будинок", "uk", None),
    ],
)
def test_nationality(reg: ActorRegistry, word: str, lang: str, iso: str | None) -> None:
    assert reg.nationality(word, lang) == iso


# (lang, sentence, surface, entry id)
CASES = [
    # registry aliases, inflected
    ("de", "Die Hisbollah-Miliz feuerte Raketen ab.", "Hisbollah", "lbn-hezbollah"),
    ("en", "Hezbollah fired rockets at the north.", "Hezbollah", "lbn-hezbollah"),
    ("ru", "Боевики Хезболлы обстреляли север.", "Хезболлы", "lbn-hezbollah"),
    ("uk", "Бойовики Хезболли обстріляли північ.", "Хезболли", "lbn-hezbollah"),
    ("de", "Nach Angaben der IDF wurden Tunnel zerstört.", "IDF", "isr-idf"),
    ("en", "The IDF said tunnels were destroyed.", "IDF", "isr-idf"),
    ("ru", "По данным ЦАХАЛа, туннели уничтожены.", "ЦАХАЛа", "isr-idf"),
    ("uk", "За даними ЦАХАЛу, тунелі знищено.", "ЦАХАЛу", "isr-idf"),
    (
        "de",
        "Der Generalstab der ukrainischen Armee meldete Angriffe.",
        "Generalstab der ukrainischen Armee",
        "ukr-general-staff",
    ),
    (
        "en",
        "The General Staff of Ukraine reported attacks.",
        "General Staff of Ukraine",
        "ukr-general-staff",
    ),
    ("ru", "Генштаб ВСУ сообщил об атаках.", "Генштаб ВСУ", "ukr-general-staff"),
    ("uk", "Генштаб ЗСУ повідомив про атаки.", "Генштаб ЗСУ", "ukr-general-staff"),
    ("de", "Das Minenfeld wurde laut Reuters geräumt.", "Reuters", "reuters"),
    ("en", "The field was cleared, Reuters reported.", "Reuters", "reuters"),
    ("ru", "Как сообщает агентство Рейтер, поле расчищено.", "Рейтер", "reuters"),
    ("uk", "Як повідомляє агентство Рейтер, поле розчищено.", "Рейтер", "reuters"),
    ("de", "Die Rapid Support Forces griffen El Fasher an.", "Rapid Support Forces", "sdn-rsf"),
    ("en", "The RSF attacked El Fasher again.", "RSF", "sdn-rsf"),
    (
        "ru",
        "Силы быстрого реагирования атаковали Эль-Фашер.",
        "Силы быстрого реагирования",
        "sdn-rsf",
    ),
    ("uk", "Сили швидкого реагування атакували Ель-Фашер.", "Сили швидкого реагування", "sdn-rsf"),
    (
        "de",
        "Die Internationale Atomenergiebehörde warnte erneut.",
        "Internationale Atomenergiebehörde",
        "iaea",
    ),
    ("en", "The IAEA warned again about the plant.", "IAEA", "iaea"),
    ("ru", "В МАГАТЭ снова предупредили.", "МАГАТЭ", "iaea"),
    ("uk", "У МАГАТЕ знову попередили.", "МАГАТЕ", "iaea"),
    # nationality + generic noun → synthesized or linked
    ("de", "Nordkoreanische Soldaten kämpfen bei Kursk.", "Nordkoreanische Soldaten", "prk-forces"),
    ("en", "North Korean troops are fighting near Kursk.", "North Korean troops", "prk-forces"),
    ("ru", "Северокорейские военные воюют под Курском.", "Северокорейские военные", "prk-forces"),
    (
        "uk",
        "Північнокорейські військові воюють під Курськом.",
        "Північнокорейські військові",
        "prk-forces",
    ),
    ("de", "Der südkoreanische Geheimdienst warnte.", "südkoreanische Geheimdienst", "kor-nis"),
    ("en", "South Korean intelligence warned on Monday.", "South Korean intelligence", "kor-nis"),
    ("ru", "Южнокорейская разведка предупредила.", "Южнокорейская разведка", "kor-nis"),
    ("uk", "Південнокорейська розвідка попередила.", "Південнокорейська розвідка", "kor-nis"),
    ("de", "Die iranische Regierung wies das zurück.", "iranische Regierung", "irn-government"),
    ("en", "The Iranian government rejected it.", "Iranian government", "irn-government"),
    ("ru", "Иранское правительство это отвергло.", "Иранское правительство", "irn-government"),
    ("uk", "Іранський уряд це відкинув.", "Іранський уряд", "irn-government"),
    ("de", "Syrische Regierungstruppen rückten vor.", "Syrische Regierungstruppen", "syr-forces"),
    ("en", "Syrian government forces advanced.", "Syrian government forces", "syr-forces"),
    (
        "ru",
        "Сирийские правительственные войска наступали.",
        "Сирийские правительственные войска",
        "syr-forces",
    ),
    ("uk", "Сирійські урядові війська наступали.", "Сирійські урядові війська", "syr-forces"),
    ("de", "Russische Truppen rückten vor.", "Russische Truppen", "rus-forces"),
    ("en", "Russian forces advanced overnight.", "Russian forces", "rus-forces"),
    ("ru", "Российские войска продвинулись.", "Российские войска", "rus-forces"),
    ("uk", "Російські війська просунулися.", "Російські війська", "rus-forces"),
    (
        "de",
        "Das Verteidigungsministerium Russlands meldete Erfolge.",
        "Verteidigungsministerium Russlands",
        "rus-mod",
    ),
    ("en", "The Russian Defence Ministry claimed gains.", "Russian Defence Ministry", "rus-mod"),
    ("ru", "Минобороны России заявило об успехах.", "Минобороны России", "rus-mod"),
    ("uk", "Міноборони РФ заявило про успіхи.", "Міноборони РФ", "rus-mod"),
    # noun + country
    ("de", "Truppen aus Nordkorea sind eingetroffen.", "Truppen aus Nordkorea", "prk-forces"),
    ("en", "Troops from North Korea have arrived.", "Troops from North Korea", "prk-forces"),
    ("ru", "Прибыли войска КНДР.", "войска КНДР", "prk-forces"),
    ("uk", "Прибули війська КНДР.", "війська КНДР", "prk-forces"),
    # armed groups, police, peoples
    (
        "de",
        "Palästinensische Extremisten griffen an.",
        "Palästinensische Extremisten",
        "pse-rebels",
    ),
    ("en", "Palestinian militants fired rockets.", "Palestinian militants", "pse-rebels"),
    ("ru", "Палестинские боевики выпустили ракеты.", "Палестинские боевики", "pse-rebels"),
    ("uk", "Палестинські бойовики випустили ракети.", "Палестинські бойовики", "pse-rebels"),
    ("de", "Die georgische Polizei nahm zwölf Menschen fest.", "georgische Polizei", "geo-police"),
    ("en", "Georgian police detained twelve people.", "Georgian police", "geo-police"),
    ("ru", "Грузинская полиция задержала двенадцать человек.", "Грузинская полиция", "geo-police"),
    ("uk", "Грузинська поліція затримала дванадцять людей.", "Грузинська поліція", "geo-police"),
    ("de", "Die Ukrainer halten die Stadt.", "Ukrainer", "ukr-people"),
    ("en", "The Ukrainians hold the town.", "Ukrainians", "ukr-people"),
    ("ru", "Украинцы удерживают город.", "Украинцы", "ukr-people"),
    ("uk", "Українці утримують місто.", "Українці", "ukr-people"),
    # civilians
    ("de", "Drei Zivilisten wurden verletzt.", "Zivilisten", "civilians"),
    ("en", "Three civilians were wounded.", "civilians", "civilians"),
    ("ru", "Ранены трое мирных жителей.", "мирных жителей", "civilians"),
    ("uk", "Поранено трьох мирних жителів.", "мирних жителів", "civilians"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "actor_id"), CASES)
def test_find(reg: ActorRegistry, lang: str, text: str, surface: str, actor_id: str) -> None:
    found = {(m.surface, m.entry.id) for m in reg.find(text, lang)}
    assert (surface, actor_id) in found, found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Das Bild zeigt einen Spiegel im Haus."),
        ("en", "The memorial was opened by the mayor."),
        ("ru", "Мы были рады видеть азов на карте."),
        ("uk", "Ми раді бачити людей у місті."),
    ],
)
def test_no_false_actor(reg: ActorRegistry, lang: str, text: str) -> None:
    assert reg.find(text, lang) == ()


@pytest.mark.parametrize(
    ("lang", "text", "countries"),
    [
        ("de", "Russische und nordkoreanische Truppen griffen an.", ["RUS", "PRK"]),
        ("en", "Russian and North Korean troops attacked.", ["RUS", "PRK"]),
        ("ru", "Российские и северокорейские войска атаковали.", ["RUS", "PRK"]),
        ("uk", "Російські та північнокорейські війська атакували.", ["RUS", "PRK"]),
    ],
)
def test_coordinated_nationalities(
    reg: ActorRegistry, lang: str, text: str, countries: list[str]
) -> None:
    assert [m.entry.country for m in reg.find(text, lang)] == countries


@pytest.mark.parametrize("lang", LANGS)
def test_synthesized_entry_fields(reg: ActorRegistry, lang: str) -> None:
    text = {
        "de": "Eritreische Soldaten wurden gesehen.",
        "en": "Eritrean soldiers were seen.",
        "ru": "Видели эритрейских солдат.",
        "uk": "Бачили еритрейських солдатів.",
    }[lang]
    (m,) = reg.find(text, lang)
    assert m.entry.id == "eri-forces"
    assert m.entry.name == "Eritrean armed forces"
    assert m.entry.kind == "state_forces" and m.entry.country == "ERI"
    assert m.entry.source_kind is SourceKind.MILITARY and m.entry.synthesized


def test_extra_registry_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[actor]]\nid = "x-brigade"\nname = "Test Brigade"\nkind = "armed_group"\n'
        'source_kind = "combatant"\nde = ["Probebrigade"]\nen = ["Sample Brigade"]\n'
        'ru = ["Пробная бригада"]\nuk = ["Пробна бригада"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV_VAR, str(extra))
    reg = ActorRegistry.load()
    assert [m.entry.id for m in reg.find("Die Probebrigade griff an.", "de")] == ["x-brigade"]
    assert [m.entry.id for m in reg.find("Пробной бригады нет.", "ru")] == ["x-brigade"]
    assert reg.get("pse-hamas") is not None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcxyzäöüßАБВабвгіїєґ'’ʼ.,-–«»\"\n ",
                *("Hamas", "ХАМАС", "russische", "Truppen", "военные", "КНДР", "U.S."),
                *(" Sprecher ", " Söldner ", " речник ", "Иван", "Dian", " President "),
            ]
        ),
        max_size=80,
    ).map("".join)
    | st.text(max_size=200),
    st.sampled_from(LANGS),
)
def test_find_never_crashes_and_spans_slice(reg: ActorRegistry, text: str, lang: str) -> None:
    last_end = -1
    for m in reg.find(text, lang):
        assert m.span.slice(text) == m.surface and m.surface
        assert m.span.start >= 0
        last_end = max(last_end, m.span.start)
    for p in reg.find_persons(text, lang):
        assert p.span.slice(text) == p.name
        if p.role_span is not None:
            assert p.role_span.slice(text)


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor_id"),
    [
        ("de", "Russische Elitetruppen zogen ab.", "Russische Elitetruppen", "rus-forces"),
        ("en", "Russian special forces withdrew.", "Russian special forces", "rus-forces"),
        ("ru", "Российские элитные войска отошли.", "Российские элитные войска", "rus-forces"),
        ("uk", "Російські елітні війська відійшли.", "Російські елітні війська", "rus-forces"),
    ],
)
def test_modifiers_and_compounds(
    reg: ActorRegistry, lang: str, text: str, surface: str, actor_id: str
) -> None:
    assert [(m.surface, m.entry.id) for m in reg.find(text, lang)] == [(surface, actor_id)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Russische Arbeitskräfte und russische Truppenstärken."),
        ("en", "Russian drone attacks hit the city."),
        ("ru", "Российские дроны атаковали город."),
        ("uk", "Російські дрони атакували місто."),
    ],
)
def test_adjective_without_institution_noun(reg: ActorRegistry, lang: str, text: str) -> None:
    assert reg.find(text, lang) == ()


def test_empty_registry_still_synthesizes() -> None:
    reg = ActorRegistry()
    (m,) = reg.find("Südkoreanische Soldaten.", "de")
    assert m.entry.id == "kor-forces" and m.entry.synthesized
    assert reg.nationality("южнокорейских", "ru") == "KOR"
