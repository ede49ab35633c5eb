"""Language packs load, validate and are documented."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from fogofwar.errors import ConfigError
from fogofwar.packs import available_languages, load_pack, load_packs

PACK_DIR = Path(__file__).resolve().parents[1] / "src" / "fogofwar" / "packs"
LANGS = available_languages()


def test_shipped_languages() -> None:
    assert set(LANGS) <= set(available_languages())


@pytest.mark.parametrize("lang", LANGS)
def test_pack_loads_with_every_table(lang: str) -> None:
    pack = load_packs()[lang]
    assert pack.lang == lang
    for matcher in (
        pack.triggers,
        pack.cues,
        pack.sources,
        pack.media,
        pack.forces,
        pack.roles,
        pack.qualifiers,
        pack.light_verbs,
        pack.evaluative,
        pack.speculative,
        pack.dates,
        pack.vague,
        pack.bounds,
        pack.role_markers,
    ):
        assert matcher.size > 0
    assert pack.number_words and pack.subordinators and pack.relative_pronouns


@pytest.mark.parametrize("lang", LANGS)
def test_every_pack_table_is_documented(lang: str) -> None:
    readme = (PACK_DIR / "README.md").read_text(encoding="utf-8")
    data = tomllib.loads((PACK_DIR / lang / "pack.toml").read_text(encoding="utf-8"))
    for table, value in data.items():
        assert re.search(rf"`\[{{1,2}}{table}\]{{1,2}}", readme), table
        if table in {"text", "numbers", "dates"}:
            for key in value:
                assert key in readme, f"[{table}] {key} is not documented"


def test_bad_certainty_is_a_config_error(tmp_path: Path) -> None:
    text = (PACK_DIR / "en" / "pack.toml").read_text(encoding="utf-8")
    bad = text.replace('certainty = "confirmed"', 'certainty = "sure"', 1)
    path = tmp_path / "en.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError, match="certainty"):
        load_pack(path)


def test_lang_must_match_file_name(tmp_path: Path) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "pack.toml").write_text(
        (PACK_DIR / "en" / "pack.toml").read_text(encoding="utf-8")
    )
    with pytest.raises(ConfigError, match="lang"):
        load_packs(tmp_path)


def test_unreadable_pack_says_which_file(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    path = tmp_path / "en" / "pack.toml"
    path.write_text("[meta\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"en/pack\.toml"):
        load_pack(path)
