"""``attribution_forward.v1`` alone: a short source-only sentence after the facts attributes
them (made with :func:`fogofwar.nlp.make.make_doc`, so only this stage runs on top)."""

from __future__ import annotations

import pytest

from fogofwar.claim import SourceKind
from fogofwar.nlp.doc import Resources
from fogofwar.nlp.make import make_doc
from fogofwar.nlp.pipeline import PipelineError, registered
from fogofwar.reader import Reader

FORWARD = registered("attribution_forward.v1").fn


@pytest.fixture(scope="module")
def res() -> Resources:
    return Reader.default().resources  # the registry knows "МВС", "Innenministerium"


CASES = [
    ("de", "Bei dem Angriff wurden drei Menschen getötet. Das teilte das Innenministerium mit."),
    ("uk", "Внаслідок обстрілу загинули двоє людей. Про це повідомило МВС."),
    ("ru", "В результате атаки погибли трое мирных жителей. Об этом сообщил губернатор."),
    ("fr", "Trois civils ont été tués dans la frappe. C'est ce qu'a annoncé le gouverneur."),
]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_postposed_source_attributes_the_facts(res: Resources, lang: str, text: str) -> None:
    doc = make_doc(text, lang, before="attribution_forward.v1", resources=res)
    out = FORWARD(doc, res)
    first = doc.sentences[0].span
    covering = [a for a in out.attributions if a.content.start <= first.start < a.content.end]
    assert covering, [(a.content.slice(text), a.source_name) for a in out.attributions]
    assert covering[0].source is not None
    assert covering[0].source_kind != SourceKind.AUTHOR


def test_a_sentence_with_content_of_its_own_takes_nothing_back(res: Resources) -> None:
    text = (
        "Drei Menschen wurden getötet. Der Gouverneur sagte, zwei weitere Gebäude seien zerstört."
    )
    doc = make_doc(text, "de", before="attribution_forward.v1", resources=res)
    out = FORWARD(doc, res)
    first = doc.sentences[0].span
    assert not [a for a in out.attributions if a.content.start <= first.start < a.content.end]


def test_make_doc_rejects_an_unknown_stage(res: Resources) -> None:
    with pytest.raises(PipelineError, match="not a default stage"):
        make_doc("Text.", "en", before="nope.v1", resources=res)
    assert make_doc("Text.", "en", before="segment.v1", resources=res).tokens == ()
