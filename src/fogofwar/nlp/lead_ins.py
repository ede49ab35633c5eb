"""Where a claim stands when the words before its source are only a lead-in.

"Mercredi, les rebelles ont affirmé avoir pris …", "En total, según los militares rusos, el
enemigo perdió …", "Speaking at a briefing, the UN spokesman said the convoy …": the rules'
attribution may give the source only the words before it as content; a clause with no event
word would then stand on "Mercredi". :func:`past_lead_in` moves it to the words after the
source and its cue — unless the words before are a report of their own (a quote, a sentence,
or words a reporting verb after them gives to its speaker: "…, dijo John Kirby, portavoz …").
"""

from __future__ import annotations

import bisect

from fogofwar.model import Span
from fogofwar.nlp.doc import AttributionMention, Doc
from fogofwar.nlp.matcher import token_starts
from fogofwar.packs import LanguagePack

__all__ = ["past_lead_in"]

_STUB_WORDS = 8  # a lead-in: a time, "in total", "speaking at a briefing"
_QUOTES = frozenset('"«»“”„‘’')


def past_lead_in(
    doc: Doc, pack: LanguagePack, att: AttributionMention, clause: Span, span: Span
) -> Span:
    """The span of a clause with no event word whose source's content is only the words
    before the source ("Mercredi, les rebelles ont affirmé avoir pris …"): the clause after the
    source and its cue, when that is longer and the words before are a short lead-in, not a
    quote or a sentence of their own ("Les deux victimes sont des secouristes …, ont indiqué le
    maire, …"); else ``span`` as it is."""
    frame = [s for s in (att.source, att.cue) if s is not None]
    if not frame or span.end > min(s.start for s in frame):
        return span
    start = max(s.end for s in frame)
    stub = doc.text[span.start : span.end]
    if (
        len(stub.split()) > _STUB_WORDS
        or any(q in stub for q in _QUOTES)
        or _inverted(doc, pack, att)
    ):
        return span  # words of their own ("«No tenemos nada que ver con eso», dijo …")
    tail = doc.text[start : clause.end]
    lead = len(tail) - len(tail.lstrip(" ,;:—–-"))
    if len(tail.split()) <= max(2, len(stub.split())):
        return span
    return Span(start + lead, clause.end)


def _inverted(doc: Doc, pack: LanguagePack, att: AttributionMention) -> bool:
    """A reporting verb before its speaker ("…, dijo John Kirby", "…, ont indiqué le maire"):
    what it reports stands before it."""
    if att.cue is None or att.source is None or att.cue.start > att.source.start:
        return False
    starts = token_starts(doc.tokens)
    lo, hi = bisect.bisect_left(starts, att.cue.start), bisect.bisect_left(starts, att.cue.end)
    return any(m.payload.type == "verb" for m in pack.cues.find(doc.tokens, lo, hi))
