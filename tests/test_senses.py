"""Sense lists of the packs (nlp/senses.py): every pack names the peaceful senses of its
conflict words, and only senses the reader knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.nlp.senses import SENSE_KINDS
from fogofwar.packs import load_pack

PACKS = Path(__file__).resolve().parents[1] / "src" / "fogofwar" / "packs"
LANGS = ("de", "en", "es", "fr", "it", "ru", "uk")


@pytest.mark.parametrize("lang", LANGS)
def test_every_pack_lists_the_shared_senses(lang: str) -> None:
    senses = {s.name: s for s in load_pack(PACKS / lang / "pack.toml").senses}
    assert {"labour", "office", "election", "illness"} <= set(senses)
    assert set(senses) <= set(SENSE_KINDS)
    assert senses["labour"].words is not None  # a labour sense needs its strike words
