"""Sources named through a document ("según un comunicado del CI") or as "the same source"
(nlp/source_documents.py)."""

from __future__ import annotations

import pytest

from fogofwar.claim import Certainty, SourceKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


DOCUMENTS = [
    (
        "it",
        "Secondo un comunicato stampa del ministero della Sanità, negli ospedali sono arrivati "
        "100 morti.",
        "ministero della Sanità",
    ),
    ("es", "Según un comunicado del Ministerio de Defensa, murieron 93 personas.", "Ministerio"),
    ("en", "According to a statement by the interior ministry, 12 people were killed.", "ministry"),
    ("fr", "Selon un communiqué du ministère de la Défense, 12 soldats ont été tués.", "ministère"),
]


@pytest.mark.parametrize(("lang", "text", "body"), DOCUMENTS, ids=[r[0] for r in DOCUMENTS])
def test_a_document_speaks_for_the_body_named_after_it(
    reader: Reader, lang: str, text: str, body: str
) -> None:
    claims = reader.read_text(text, lang).claims
    assert claims
    c = claims[0]
    assert c.source.name is not None and body in c.source.name, c.source
    assert c.source.kind in {SourceKind.GOVERNMENT, SourceKind.MILITARY}, c.source
    assert c.certainty == Certainty.CLAIMED


SAME = [
    (
        "it",
        "Il ministero della Sanità di Gaza ha detto che 40 persone sono morte nella notte. "
        "Secondo la stessa fonte, altre 281 persone sono rimaste ferite nei raid di ieri.",
        "ministero della Sanità",
    ),
    (
        "es",
        "El Ministerio de Salud de Gaza dijo que 40 personas murieron en la noche. Según la misma "
        "fuente, otras 281 personas resultaron heridas en los ataques de ayer.",
        "Ministerio de Salud",
    ),
    (
        "en",
        "The Gaza health ministry said 40 people had been killed overnight. According to the same "
        "source, another 281 were wounded in strikes on Monday.",
        "ministry",
    ),
]


@pytest.mark.parametrize(("lang", "text", "speaker"), SAME, ids=[r[0] for r in SAME])
def test_the_same_source_is_the_source_told_before(
    reader: Reader, lang: str, text: str, speaker: str
) -> None:
    claims = reader.read_text(text, lang).claims
    last = max(claims, key=lambda c: c.span.start if c.span else 0)
    assert last.source.kind != SourceKind.UNNAMED, last.source
    assert last.source.name is not None and speaker.casefold() in last.source.name.casefold()
