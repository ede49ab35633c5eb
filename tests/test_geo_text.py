"""Name keys (fold, skeleton, Ukrainian transliteration) and language packs."""

from __future__ import annotations

import pytest

from fogofwar.geo.langdata import lang_pack
from fogofwar.geo.recognise import tokenize
from fogofwar.geo.text import fold, skeleton, translit_uk


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sudža", "sudza"),
        ("Kurs'k", "kursk"),
        ("Куп’янськ", "купянськ"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("Großbritannien", "grossbritannien"),
    ],
)
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Charkiw", "Kharkiv"),
        ("Kharkiv", "Харків"),
        ("Pokrowsk", "Покровськ"),
        ("Pokrovsk", "Покровск"),
        ("Sudscha", "Суджа"),
        ("Saporischschja", "Zaporizhzhia"),
        ("Tschernihiw", "Чернігів"),
        ("Kupjansk", "Kupiansk"),
    ],
)
def test_skeleton_joins_spellings(a: str, b: str) -> None:
    assert skeleton(a) and skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Kursk", "Kyiv Oblast"), ("Paris", "Perm"), ("Lviv", "Lima")]
)
def test_skeleton_keeps_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(
    ("uk", "latin"),
    [
        ("Харків", "Kharkiv"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Їжакевич", "Yizhakevych"),
        ("Згурівка", "Zghurivka"),
        ("Юрівка", "Yurivka"),
        ("Щастя", "Shchastia"),
    ],
)
def test_translit_uk_national_standard(uk: str, latin: str) -> None:
    assert translit_uk(uk) == latin


@pytest.mark.parametrize(
    ("lang", "word", "base"),
    [
        ("ru", "курской", "курская"),
        ("ru", "курске", "курск"),
        ("ru", "москве", "москва"),
        ("uk", "харкові", "харків"),
        ("uk", "києві", "київ"),
        ("uk", "покровську", "покровськ"),
        ("uk", "харківщині", "харківщина"),
        ("de", "kursks", "kursk"),
    ],
)
def test_case_endings_are_undone(lang: str, word: str, base: str) -> None:
    assert base in [w for w, _ in lang_pack(lang).variants(word)]


def test_tokens_keep_abbreviations_and_split_hyphens() -> None:
    words = [t.text for t in tokenize("U.S. troops in Ivano-Frankivsk's centre.")]
    assert words == ["U.S.", "troops", "in", "Ivano", "Frankivsk", "centre"]
