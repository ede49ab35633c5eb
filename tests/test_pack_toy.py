"""A language is a folder: a toy Dutch pack in a temporary directory, found through
``FOGOFWAR_PACKS``, is read from language identification to claims with no code change."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.claim import ClaimKind, SourceKind
from fogofwar.langid import identify
from fogofwar.packs import available_languages, load_packs
from fogofwar.reader import Reader

MONTHS = ", ".join(f'["m{i}"]' for i in range(1, 13))
TOY_PACK = f"""
[meta]
lang = "nl"
name = "Dutch (toy)"
script = "latin"
lemma_names = true

[text]
abbreviations = ["dhr", "mevr"]
determiners = ["de", "het", "een"]
relative_pronouns = ["die", "dat"]
subordinators = ["dat", "omdat"]

[numbers]
words = {{ "een" = 1, "twee" = 2, "drie" = 3, "vier" = 4 }}
at_least = ["minstens"]
joiners = ["en"]

[dates]
weekdays = [["maandag"], ["dinsdag"], ["woensdag"], ["donderdag"], ["vrijdag"], ["zaterdag"],
  ["zondag"]]
months = [{MONTHS}]

[[triggers]]
kind = "attack"
subtype = "attack"
words = ["aanval", "beschoten"]
nominal = false

[[triggers]]
kind = "casualties"
subtype = "killed"
count = "killed"
words = ["gedood"]

[[cues]]
type = "verb"
certainty = "claimed"
words = ["zei", "meldde"]

[sources]
"gouverneur" = "government"

[roles]
"gouverneur" = "government"
"""


@pytest.fixture
def toy_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "packs" / "nl"
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(TOY_PACK, encoding="utf-8")
    monkeypatch.setenv("FOGOFWAR_PACKS", str(tmp_path / "packs"))
    return tmp_path / "packs"


def test_toy_pack_from_language_id_to_claims(toy_packs: Path) -> None:
    assert "nl" in available_languages()
    text = (
        "Bij een aanval op de stad zijn minstens drie mensen gedood, zei de gouverneur. "
        "Het leger heeft de beschuldigingen niet willen bevestigen."
    )
    lang, _ = identify(text)
    assert lang == "nl"
    reader = Reader.offline()
    assert "nl" in reader.languages
    claims = reader.read_text(text, lang).claims
    assert claims, "the toy pack's trigger words make a claim"
    first = claims[0]
    assert first.kind in {ClaimKind.ATTACK, ClaimKind.CASUALTIES}
    assert first.counts.killed is not None and first.counts.killed.low == 3
    assert first.source.kind == SourceKind.GOVERNMENT


def test_without_the_pack_dutch_is_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGOFWAR_PACKS", str(tmp_path))  # an empty extra directory
    assert "nl" not in available_languages()
    lang, _ = identify("Bij een aanval op de stad zijn minstens drie mensen gedood.")
    assert lang == "other"


def test_extra_pack_loads_beside_the_shipped(toy_packs: Path) -> None:
    packs = load_packs()
    assert {"de", "en", "nl"} <= set(packs)
