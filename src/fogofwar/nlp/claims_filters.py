"""Clauses the claim reader passes over: purposes, and doubtful clauses past the lead.

* A purpose clause ("…, um neue Angriffe zu verhindern", "чтобы жителям разрешили вернуться",
  "in order to protect civilians", "afin de …") tells what an act was meant to do, not a
  fact: after a clause of its sentence that gave a claim it gives none of its own
  (:func:`purpose_clause`; the pack's ``[text] purpose_openers``).
* A circumstance clause after a comma (", while homes were looted", ", bevor sie vorgedrungen
  seien", ", когда бежали в укрытия", ", де перебуває …") tells the time or setting of the
  claim before it in its sentence: when it has no reporting cue of its own (", while the army
  said …" is another source's claim) and its event is of another kind than that claim (",
  while the aid for Israel was approved" is a second vote), it gives none of its own — one
  sentence, one claim (:func:`circumstance_clause`; the pack's ``[text]
  circumstance_openers``).
* Past the lead (not the headline, not the first sentence), a clause that the clause model
  leans to reading as no claim (``p_claim < DROP_PAST_LEAD``; not a report of fighting nor an
  item of a per-place list, which the model knows less well,
  :func:`doubtful`) gives none unless its claim carries a figure — a zero or a vague quantity
  included, so "no one was hurt" still folds into its attack; a casualty word alone ("the
  death toll", "among the dead") is none — or is confirmed, denied or unverified
  (:func:`bare`): the details, background, opinion and procedure an analyst does not mark.
* A headline's **kicker** — a label of at most :data:`KICKER_WORDS` words and no figure
  before its colon ("Sabotagepläne: Zwei Männer … festgenommen", "Nigeria Unrest: Deadly
  Attack on …", "Бои в Донбассе: армия отошла от …") — names the story's topic; when the
  part after the colon gives a claim, that is the headline's news and the kicker gives none
  (:func:`drop_kickers`).
"""

from __future__ import annotations

import bisect

from fogofwar.claim import Certainty, Claim, ClaimKind, Count
from fogofwar.detect.model import ClauseScore
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import Clause, Doc
from fogofwar.nlp.place_items import place_headed
from fogofwar.packs import LanguagePack

__all__ = [
    "DROP_PAST_LEAD",
    "KICKER_WORDS",
    "bare",
    "circumstance_clause",
    "doubtful",
    "drop_kickers",
    "purpose_clause",
]

DROP_PAST_LEAD = 0.45
#: the most words a headline label before a colon has ("Kämpfe im Kongo", "Nigeria Unrest")
KICKER_WORDS = 3
_MARKED = frozenset({Certainty.CONFIRMED, Certainty.DENIED, Certainty.UNVERIFIED})


def doubtful(doc: Doc, view: ClauseView, score: ClauseScore) -> bool:
    """A clause past the lead that the model leans to reading as no claim — not a report of
    fighting (front-line reports are claims the model knows less well) nor an item of a
    per-place list ("Херсонщина — атака дронів на Берислав": a telegraphic item)."""
    return (
        not doc.headline
        and view.clause.sentence > 0
        and score.p_claim < DROP_PAST_LEAD
        and view.rule_kind != ClaimKind.ARMED_CLASH  # "fighting goes on along the front"
        and not place_headed(doc, view.clause.tok_start, view.clause.tok_end)
    )


def bare(doc: Doc, pack: LanguagePack, c: Claim) -> bool:
    """The claim gives no figure (a zero counts, a vague quantity word of the pack such as
    "zahlreiche", "numerous" counts; a casualty word alone — "the death toll", "Entre los
    muertos", "died in hospital" — does not) and is neither confirmed, denied nor
    unverified."""
    if c.certainty in _MARKED:
        return False
    counts = (c.counts.killed, c.counts.injured, c.counts.arrested, c.counts.missing)
    return not any(_figure(doc, pack, x) for x in (*counts, c.counts.displaced))


def _figure(doc: Doc, pack: LanguagePack, count: Count | None) -> bool:
    """The count has a bound, or its words are a vague quantity ("Zahlreiche Verletzte")."""
    if count is None:
        return False
    if count.low is not None or count.high is not None:
        return True
    if count.span is None:
        return False
    k = bisect.bisect_left([t.start for t in doc.tokens], count.span.start)
    return pack.vague.match_at(doc.tokens, k, len(doc.tokens)) is not None


def purpose_clause(doc: Doc, pack: LanguagePack, clause: Clause) -> bool:
    """The clause opens with a purpose word of the pack ("um", "чтобы", "in order to")."""
    toks = doc.tokens
    first = next((k for k in range(clause.tok_start, clause.tok_end) if toks[k].is_word), None)
    if first is None:
        return False
    return pack.purpose_openers.match_at(toks, first, clause.tok_end) is not None


def circumstance_clause(
    doc: Doc, pack: LanguagePack, clause: Clause, kind: ClaimKind, before: ClaimKind
) -> bool:
    """The clause opens with a circumstance word of the pack right after a comma (", while",
    ", когда", ", wobei"), holds no reporting cue (", while officials said …" is a report of
    its own), and its claim would be of another kind than ``before``, the claim of the clause
    before it in its sentence."""
    toks = doc.tokens
    k = clause.tok_start
    if kind == before or k == 0 or toks[k - 1].text != ",":
        return False
    if pack.circumstance_openers.match_at(toks, k, clause.tok_end) is None:
        return False
    return not any(
        a.cue is not None and clause.span.start <= a.cue.start < clause.span.end
        for a in doc.attributions
    )


def drop_kickers(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """In a headline "KICKER: NEWS" whose kicker is at most :data:`KICKER_WORDS` words with no
    digit, the claims that lie wholly in the kicker are dropped when a claim lies wholly in the
    news after the colon (a claim across the colon, "Херсон під вогнем: троє поранених",
    stays one claim)."""
    if not doc.headline:
        return claims
    colon = doc.text.find(":")
    if colon < 0:
        return claims
    kicker = doc.text[:colon]
    words = [t for t in doc.tokens if t.is_word and t.end <= colon]
    if not words or len(words) > KICKER_WORDS or any(ch.isdigit() for ch in kicker):
        return claims

    def before(c: Claim) -> bool:
        return c.span is not None and c.span.end <= colon

    if not any(c.span is not None and c.span.start > colon for c in claims):
        return claims
    return [c for c in claims if not before(c)]
