"""Meetings, visits and calls with no conflict content (annotating-claims: "meetings or trips
with no conflict content" are no claims).

Talks and agreements are claims of the conflict world; an encounter alone is not: "the prime
minister met his French counterpart in Paris to discuss trade", "Kanzler Merz traf sich mit
Präsident Macron zu einem Abendessen", a headline "Meeting with the head of the financial
monitoring service". A ``diplomacy`` claim whose every event word is an encounter word of the
pack (``[encounters] words``: met, visited, received, a phone call; "traf sich", "Besuch";
"зустрівся", "візит") gives no claim when its sentence holds no topic word of the pack
(``[encounters] topics``: war, ceasefire, security, weapons, sanctions, prisoners, aid; "Krieg",
"Waffenruhe"; "безпека", "обстріл") — the same encounter "to discuss the ceasefire" or "über
Waffenlieferungen" stays a claim, and so does one clause that also holds another event word
("met and signed a truce"), and so does one between states: a sentence naming places or
demonyms of two countries ("the French president spoke with his Ukrainian counterpart"; "met
business leaders in Chicago", "traf sich in Paris mit dem französischen Präsidenten" name one).
"""

from __future__ import annotations

from fogofwar.claim import ClaimKind
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import Doc
from fogofwar.packs import LanguagePack

__all__ = ["INTERSTATE", "idle_encounter"]

#: countries a sentence names from which an encounter is one between states ("the French
#: president spoke by phone with his Ukrainian counterpart"): talks, a claim of their own
INTERSTATE = 2


def idle_encounter(doc: Doc, pack: LanguagePack, view: ClauseView, kind: ClaimKind) -> bool:
    """A diplomacy claim told only by encounter words, in a sentence with no conflict topic."""
    if kind != ClaimKind.DIPLOMACY:
        return False
    tokens, clause = doc.tokens, view.clause
    words = [(m.start, m.end) for m in (view.events or view.every)]
    if not words:  # the model read it from the clause: its encounter words stand for it
        found = pack.encounters.find(tokens, clause.tok_start, clause.tok_end)
        words = [(m.start, m.end) for m in found]
    if not words or not all(pack.encounters.find(tokens, s, e) for s, e in words):
        return False
    sent = doc.sentences[clause.sentence]
    if pack.conflict_topics.find(tokens, sent.tok_start, sent.tok_end):
        return False
    return len(_countries(doc, sent.span.start, sent.span.end)) < INTERSTATE


def _countries(doc: Doc, start: int, end: int) -> set[str]:
    """The countries of the resolved places and demonyms in ``[start, end)``."""
    return {
        p.location.country
        for p in doc.places
        if start <= p.span.start < end and p.location is not None and p.location.country
    }
