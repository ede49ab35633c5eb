"""Sentences, headings and clauses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.nlp.segment import dateline_end
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Am 24. Oktober griffen sie an. Es gab z. B. Tote.", 2),
        ("en", "Gen. Smith said it. Troops left on Monday.", 2),
        ("ru", "Об этом сообщил губернатор. Погибли трое.", 2),
        ("uk", "Про це повідомив речник. Загинули троє.", 2),
        ("de", "Erste Verluste\n\nDie Soldaten wurden entsandt.", 2),
        ("en", 'He said:\n\n"Eight people died in one day."', 2),
        ("uk", "Пошкоджено будинок. «Цього не сталося б», — заявив він.", 2),
        # a wire dateline is a sentence of its own: its place and agency speak for nothing
        ("en", "KYIV, Dec 5 (Reuters) - Ukraine's air force said it shot down 40 drones.", 2),
        ("de", "Kiew (dpa) - Die Luftwaffe hat 40 Drohnen abgeschossen.", 2),
        ("en", "GENEVA - The U.N. rights office said eight people were killed.", 2),
        ("en", "The army said on Monday - as expected - that it had withdrawn.", 1),
        # settlement-type abbreviations before a place name do not end the sentence
        ("uk", "Удару зазнала олійниця в сел. Гоголеве та смт. Ромодан. Загинули троє.", 2),
        ("ru", "Удар пришёлся по нефтебазе в пос. Гоголево и пгт. Ромодан. Погибли трое.", 2),
    ],
)
def test_sentence_count(reader: Reader, lang: str, text: str, expected: int) -> None:
    assert len(reader.analyze(text, lang).sentences) == expected


def test_short_line_without_punctuation_is_a_heading(reader: Reader) -> None:
    doc = reader.analyze("Fighting continues\n\nTroops were deployed to the region.", "en")
    assert [s.heading for s in doc.sentences] == [True, False]


def test_headline_document_has_no_headings(reader: Reader) -> None:
    doc = reader.analyze("Eight officers killed in one day", "en", headline=True)
    assert not doc.sentences[0].heading


@pytest.mark.parametrize(
    ("lang", "text", "relative"),
    [
        ("de", "Der Söldner, der dort kämpft, berichtete das.", "der dort kämpft"),
        ("en", "The soldier, who fought there, said so.", "who fought there"),
        ("ru", "Солдат, который воевал там, рассказал это.", "который воевал там"),
        ("uk", "Солдат, який воював там, розповів це.", "який воював там"),
    ],
)
def test_relative_clause(reader: Reader, lang: str, text: str, relative: str) -> None:
    doc = reader.analyze(text, lang)
    rel = [c for c in doc.clauses if c.relative]
    assert len(rel) == 1
    assert rel[0].span.slice(text).startswith(relative)


@pytest.mark.parametrize(
    "text",
    [
        "Die Behörden erklärten, die Drohne habe ein Auto nahe Schebekino getroffen.",
        "Die Armee teilte mit, die Angreifer seien vertrieben worden.",
        "Ein Sprecher sagte, das Schiff habe einem israelischen Unternehmen gehört.",
    ],
)
def test_reported_clause_after_comma_is_no_relative(reader: Reader, text: str) -> None:
    """German "…, die Drohne habe …": an article and a verb in second place (reported speech),
    not a relative pronoun with its verb last — the clause may carry a claim."""
    doc = reader.analyze(text, "de")
    assert not [c for c in doc.clauses if c.relative]


def test_relative_clause_keeps_its_verb_last(reader: Reader) -> None:
    text = "Die Polizei nahm einen Mann fest, der für Anschläge auf Soldaten verantwortlich sei."
    doc = reader.analyze(text, "de")
    assert [c.span.slice(text) for c in doc.clauses if c.relative] == [
        "der für Anschläge auf Soldaten verantwortlich sei."
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Станом на 8:00 збито 54 дрони, повідомили в Повітряних силах."),
        ("en", "By 07:30 the air force had shot down 40 drones."),
        ("fr", "Vers 14:45, deux missiles ont frappé le port."),
    ],
)
def test_a_clock_colon_cuts_no_clause(reader: Reader, lang: str, text: str) -> None:
    """The colon of a time ("8:00") is no clause boundary, unlike "Governor: …"."""
    doc = reader.analyze(text, lang)
    assert not [c for c in doc.clauses if c.span.slice(text).startswith(("00", "30", "45"))]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,:!?\n"«»„“-1A')), max_size=80))
def test_spans_always_slice_inside(reader: Reader, text: str) -> None:
    doc = reader.analyze(text, "en")
    for s in doc.sentences:
        assert 0 <= s.span.start <= s.span.end <= len(text)
    for c in doc.clauses:
        assert 0 <= c.span.start <= c.span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.booleans())
def test_dateline_end_is_inside_the_text(text: str, first: bool) -> None:
    """Any text: no dateline, or one ending after its start and within the text."""
    end = dateline_end(text, 0, first)
    assert end is None or 0 < end <= len(text)
