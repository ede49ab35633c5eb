"""A clause with no event word whose source stands after a lead-in ("Mercredi, les rebelles
ont affirmé avoir pris …") reports what follows the source, not the lead-in: the claim's
evidence is the reported words (annotating-claims: evidence is where the claim is said)."""

from __future__ import annotations

import pytest

from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


LEAD_INS = [
    (
        "fr",
        "Le M23 poursuit son offensive dans le Nord-Kivu. Mercredi, les rebelles ont affirmé "
        "avoir pris la localité de Kibirizi et plusieurs villages voisins.",
        "avoir pris la localité de Kibirizi",
    ),
    (
        "es",
        "En total, según los militares rusos, el enemigo perdió en el frente de Donetsk cerca "
        "de 2.000 hombres en una semana.",
        "el enemigo perdió",
    ),
    (
        "en",
        "Speaking at a briefing, the UN spokesman said the convoy had been cleared in advance "
        "with the army.",
        "the convoy had been cleared",
    ),
    # an event word in the clause: the claim already stands on it
    (
        "en",
        "On Tuesday, the army said its troops had retaken the town of Kupiansk.",
        "had retaken the town",
    ),
    (
        "ru",
        "В среду, по данным Минобороны, российские войска взяли под контроль село Петровка.",
        "взяли под контроль",
    ),
    # a reporting verb before its speaker: what it reports is before it, not the apposition
    (
        "en",
        "The victims were two rescuers, said the mayor of the city, Oleksandr Symchyshyn, on "
        "local television.",
        "The victims were two rescuers",
    ),
]


@pytest.mark.parametrize(("lang", "text", "reported"), LEAD_INS)
def test_the_claim_stands_on_the_reported_words(
    reader: Reader, lang: str, text: str, reported: str
) -> None:
    claims = reader.read_text(text, lang).claims
    assert len(claims) == 1, claims
    span = claims[0].span
    assert span is not None and reported in span.slice(text), span.slice(text) if span else None
