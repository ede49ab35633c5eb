"""A body's view as a sentence opener: "Per l'esercito, …", "Pour l'armée, …", "Para el
ejército, …", "Aus Sicht der Armee …", "По мнению армии, …" attribute what follows to the body
they name, as "according to" does. Only at the sentence start (inside a clause, "…, який, на
думку X, був спричинений …", the view covers that clause alone) and only a known body or role
counts ("Per tre giorni, …", "Pour la première fois, …" name none). Split from
:mod:`fogofwar.nlp.attribution`.
"""

from __future__ import annotations

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_entities import mention
from fogofwar.nlp.attribution_source import Finder, trim
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Token

__all__ = ["opinion_prep"]

_MAX_PHRASE = 8  # tokens from the preposition to the comma that closes its phrase
_NO_BODY = frozenset({SourceKind.UNNAMED, SourceKind.WITNESS, SourceKind.AUTHOR})


def opinion_prep(doc: Doc, f: Finder, sent: Sentence) -> AttributionMention | None:
    """The attribution of a sentence that opens with an ``opinion_preps`` phrase, a phrase
    naming a body, official or outlet, and a comma (or, without one, the verb right after the
    phrase: "Aus Sicht der Armee haben …"); ``None`` otherwise."""
    toks = doc.tokens
    lo, hi = sent.tok_start, sent.tok_end
    opener = next(
        (
            len(words)
            for words in (p.split() for p in sorted(f.lex.opinion_preps, key=len, reverse=True))
            if [t.lower for t in toks[lo : lo + len(words)]] == words
        ),
        0,
    )
    start = lo + opener
    if not opener or hi - start < 3:
        return None
    comma = next(
        (k for k in range(start + 1, min(hi, start + _MAX_PHRASE)) if toks[k].text == ","), None
    )
    heads = [k for k in range(start, comma or min(hi, start + _MAX_PHRASE)) if f.strong(toks, k)]
    if not heads:
        return None
    stop = comma if comma is not None else _verb_after(f, toks, heads[0], hi)
    if stop >= hi:
        return None
    src = f.phrase_source(toks, heads[0], start, stop)
    content = trim(doc, toks[stop].end if comma is not None else toks[stop].start, sent.span.end)
    if src[2] in _NO_BODY or content is None:
        return None
    cue = Span(toks[lo].start, toks[start - 1].end)
    return mention(content, src, cue, Certainty.CLAIMED, cue_text=cue.slice(doc.text))


def _verb_after(f: Finder, toks: tuple[Token, ...], head: int, hi: int) -> int:
    """The verb right after a fronted phrase with no comma ("Aus Sicht der Armee | haben …"):
    the first word after its head that is neither capitalised nor a link or determiner."""
    k = head + 1
    while k < hi and (
        toks[k].is_capitalized
        or toks[k].lower in f.pack.determiners
        or toks[k].lower in f.lex.np_links
    ):
        k += 1
    return k
