"""Who lives or stays somewhere: a description of a place, not an event.

annotating-claims counts assertions of fact about the conflict world — attacks, tolls,
captures, displacement — not the setting around them. A clause without any event word of the
pack that tells how many people live, stay or are housed somewhere ("about 260,000 people
still lived in the city", "500 people were staying in the village at the time", "Nyanzale
ospitava 80.000 abitanti", "в городе проживают около 20 тысяч человек") describes the place
where an event happened; the clause model, seeing a figure of people beside a war story, may
read it as a toll or a displacement. :func:`residence` finds such a clause by the pack's
``[text] residence_words`` (verbs of living, staying and housing; not nouns such as
"inhabitants", which often only describe a place inside an event's clause: "the town of
200,000 inhabitants fell to the army").
"""

from __future__ import annotations

from functools import lru_cache

from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import PhraseMatcher
from fogofwar.packs.files import read_table

__all__ = ["residence"]


@lru_cache(maxsize=16)
def _words(lang: str) -> PhraseMatcher[None]:
    text = read_table(lang, "pack").get("text", {})
    words = text.get("residence_words", []) if isinstance(text, dict) else []
    return PhraseMatcher((str(w), None) for w in words)


def residence(doc: Doc, view: ClauseView) -> bool:
    """The clause has no event word of the pack and tells who lives or stays somewhere (a
    residence word of the pack in it): no claim."""
    if view.every:
        return False
    c = view.clause
    return bool(_words(doc.lang).find(doc.tokens, c.tok_start, c.tok_end))
