"""Sources named through a document, or as "the same source".

* "según un comunicado del CI", "secondo un comunicato stampa del ministero della Sanità", "a
  statement by the ministry": the document (pack ``[attribution] statements``) is where the
  words stand; the body named after it, behind a link word (``np_links``, or "by"), speaks.
  A bare document noun's issuer may follow it in the genitive (pack ``genitive_bodies``: "в
  сообщении Министерства обороны") or as the subject after it ("ha dichiarato in una nota il
  gruppo …").
* "a statement according to which …", "согласно которому", "según el cual": the relative
  pronoun stands for the document of the clause before, whose issuer speaks
  (:func:`relative_report`).
* "la stessa fonte", "la même source", "the same source", "тот же источник": the source told
  just before (pack ``[attribution] same_source``, lower-case phrases) speaks again, with its
  kind — not an unnamed source (:func:`told_before`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_source import Finder, trim
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Match, Token, norm
from fogofwar.packs import CueEntry, LanguagePack

__all__ = ["document_source", "relative_report", "told_before"]

_DOC_WORDS = 2  # words of the document's phrase before its link word ("comunicato stampa del")
_BY = frozenset({"by", "von", "par", "por", "da"})  # "a statement by the ministry"
#: how far back (characters) the source told before may stand
SAME_SOURCE_BACK = 1500


def document_source(
    doc: Doc, a: AttributionMention, ks: Sequence[int], pack: LanguagePack | None = None
) -> AttributionMention:
    """A source phrase (its word tokens ``ks``) that opens with a statement noun and names a
    body after a link word ("comunicado del CI") has that body as its source; its kind is
    typed again."""
    src, lex = a.source, lexicon(doc.lang)
    if src is None or not lex.statements:
        return a
    toks = doc.tokens
    first = next(
        (i for i, k in enumerate(ks[:3]) if toks[k].lower.startswith(lex.statements)), None
    )
    if first is None:
        return a  # the noun may follow an article: "un comunicado", "a statement"
    ks = list(ks[first:])
    if len(ks) == 1 and pack is not None:
        return _issuer_after(doc, pack, a, ks[0])
    if len(ks) < 2:
        return a
    links = lex.np_links | _BY
    for i in range(1, min(len(ks) - 1, _DOC_WORDS + 1)):
        if toks[ks[i]].lower in links:
            rest = ks[i + 1 :]
            while rest and toks[rest[0]].lower in lex.function_words:
                rest = rest[1:]  # "del", "de la": an article after the link
            if not rest:
                return a
            return _body_speaks(doc, a, Span(toks[rest[0]].start, toks[rest[-1]].end))
    genitive = toks[ks[1]].lower not in lex.function_words and toks[ks[1]].text.isalpha()
    if lex.genitive_bodies and genitive:
        # "заявление местного комитета", "в заяві міністерства": the body in the genitive
        return _body_speaks(doc, a, Span(toks[ks[1]].start, toks[ks[-1]].end))
    return a


_ISSUER_WORDS = 8  # words after a bare document noun where its issuer may be named
_STOPS = frozenset('.,;:!?()«»"“”„')


def _issuer_after(
    doc: Doc, pack: LanguagePack, a: AttributionMention, k: int
) -> AttributionMention:
    """A bare document noun as source ("в сообщении | Министерства обороны", "in una nota | il
    gruppo sostenuto dall'Iran", "dans un communiqué | de l'armée"): the issuer named right
    after it, in the genitive, behind a link word, or as the subject after a document in a
    prepositional phrase ("ha dichiarato in una nota il gruppo …"), speaks."""
    toks, lex = doc.tokens, lexicon(doc.lang)
    after: list[int] = []
    j = k + 1
    while j < len(toks) and toks[j].text not in _STOPS and len(after) < _ISSUER_WORDS:
        if toks[j].is_word:
            after.append(j)
        j += 1
    if not after or (j < len(toks) and toks[j].text not in _STOPS):
        return a  # no phrase that ends the clause
    if pack.cues.find(toks, after[0], after[-1] + 1) or any(
        not m.payload.nominal for m in pack.triggers.find(toks, after[0], after[-1] + 1)
    ):
        return a  # a clause of its own ("отмечается, что …", "отвергли причастность")
    first = toks[after[0]].lower
    links = lex.np_links | _BY
    if first in links:
        rest = after[1:]
        while rest and toks[rest[0]].lower in lex.function_words:
            rest = rest[1:]
    elif lex.genitive_bodies and first not in lex.function_words:
        rest = after
    else:
        i = k - 1  # "in una nota", "dans un communiqué": the document is where, not who
        while i >= 0 and toks[i].is_word and toks[i].lower in lex.interviewees:
            i -= 1
        governed = i >= 0 and toks[i].lower in lex.function_words
        rest = after if governed and first in lex.function_words | lex.interviewees else []
        rest = rest if any(t[:1].isupper() or len(t) > 3 for t in _texts(toks, rest)) else []
    if not rest:
        return a
    return _body_speaks(doc, a, Span(toks[rest[0]].start, toks[rest[-1]].end))


def _texts(toks: Sequence[Token], ks: Sequence[int]) -> list[str]:
    return [toks[k].text for k in ks]


def _body_speaks(doc: Doc, a: AttributionMention, body: Span) -> AttributionMention:
    """``a`` with the body that issued the document as its source (typed again)."""
    return dataclasses.replace(
        a,
        source=body,
        source_name=body.slice(doc.text),
        source_kind=SourceKind.GOVERNMENT,
        kind_settled=False,
        # a named body's statement is its claim, not hearsay
        certainty=Certainty.CLAIMED if a.certainty == Certainty.REPORTED else a.certainty,
    )


def relative_report(
    doc: Doc, f: Finder, sent: Sentence, m: Match[CueEntry], cue: Span, pack: LanguagePack
) -> AttributionMention | None:
    """ "Минздрав Ливана распространил сообщение, согласно которому два человека погибли",
    "the ministry issued a statement according to which …", "un comunicado según el cual …":
    a prep cue whose source is a relative pronoun reports the document of the clause before,
    whose subject speaks."""
    toks = doc.tokens
    k = m.end
    if k < sent.tok_end and toks[k].lower in pack.determiners:
        k += 1  # "según el cual"
    if k >= sent.tok_end or toks[k].lower not in pack.relative_pronouns:
        return None
    src = f.source_near(cue, Span(sent.span.start, cue.start), None, speakers_only=True)
    statements = f.lex.statements
    if src is not None and statements and norm(src[1]).startswith(statements):
        # the document itself ("сообщение, согласно которому"): whoever issued it
        src = f.source_near(src[0], Span(sent.span.start, src[0].start), None, True) or src
    content = trim(doc, toks[k].end, sent.span.end)
    if src is None or content is None:
        return None
    entry = m.payload
    return AttributionMention(
        content, src[0], cue, False, src[1], src[2], entry.certainty, cue_text=cue.slice(doc.text)
    )


def told_before(
    doc: Doc, a: AttributionMention, before: Sequence[AttributionMention]
) -> AttributionMention:
    """ "la stessa fonte", "the same source": the last source named before it (within
    :data:`SAME_SOURCE_BACK` characters) speaks again, with its name and kind."""
    src = a.source
    phrases = lexicon(doc.lang).same_source
    if src is None or not phrases:
        return a
    lo = max(0, src.start - 12)
    around = norm(doc.text[lo : src.end + 12])
    if not any(p in around for p in phrases):
        return a
    prior = [
        b
        for b in before
        if b.source is not None
        and b.source.end <= src.start
        and src.start - b.source.end <= SAME_SOURCE_BACK
        and b.source_name
        and b.source_kind not in (SourceKind.UNNAMED, SourceKind.AUTHOR)
    ]
    if not prior:
        return a
    b = max(prior, key=lambda x: x.source.end if x.source is not None else 0)
    certainty = Certainty.CLAIMED if a.certainty == Certainty.REPORTED else a.certainty
    return dataclasses.replace(
        a,
        source_name=b.source_name,
        source_kind=b.source_kind,
        kind_settled=True,
        certainty=certainty,
    )
