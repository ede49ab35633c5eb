"""Direct quotes: where they are and who speaks them.

* Quotes in any marks („“ «» »« “” "" ‚‘ ‹›) of at least four words; a quote opened at a
  paragraph start and not closed there runs on while the next paragraphs open with the same mark
  (the press convention for quotes across paragraphs).
* The content span includes the marks. "“A,” she said. “B.”": a quote that follows its
  attribution with nothing but punctuation between joins the content (first mark to last mark).
* The speaker: a reporting cue around the quote in its paragraph (the source right next to the
  cue — pronoun, entity, name — else the nearest entity), else the sentence before when it ends
  in ":", else the sentence after. A quote opening a paragraph without its own cue, right after
  a paragraph whose quote has a speaker, continues that speaker.
"""

from __future__ import annotations

import dataclasses
import re

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_source import Finder, Source, inside
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Match
from fogofwar.packs import CueEntry, LanguagePack

__all__ = ["MIN_QUOTE_WORDS", "find_quotes", "quote_attributions"]

MIN_QUOTE_WORDS = 4
_QUOTE = re.compile(
    r"„([^„“”\"\n]+)[“”\"]|«([^«»\n]+)»|»([^»«\n]+)«|“([^”“\n]+)”|\"([^\"\n]+)\"|‚([^‘’\n]+)[‘’]"
    r"|‹([^›\n]+)›"
)
_OPEN_CLOSE = {"„": '“”"', "«": "»", "»": "«", "“": "”", '"': '"', "‚": "‘’", "‹": "›"}
_MAX_PARAGRAPHS = 6
_UNNAMED_WORDS = 6
_LINE = frozenset({"\n", ""})
_COMP_REACH = 8  # tokens from a verb cue to its complementizer ("aseguró en la red social X que")


def _run_on(text: str) -> list[Span]:
    """Quotes opened at a paragraph start, closed only in a later paragraph (outer spans)."""
    out: list[Span] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        s, e = lines[i]
        para = text[s:e].lstrip()
        start = e - len(para)
        opener = para[:1]
        closers = _OPEN_CLOSE.get(opener, "")
        if not closers or (opener == '"' and para.count('"') % 2 == 0):
            i += 1
            continue
        if opener != '"' and any(c in para[1:] for c in closers):
            i += 1
            continue
        j = i + 1
        end = None
        while j < len(lines) and j - i <= _MAX_PARAGRAPHS:
            nxt = text[lines[j][0] : lines[j][1]].lstrip()
            if nxt[:1] != opener:
                break
            close = max((nxt.rfind(c) for c in closers), default=-1)
            if close > 0:
                end = lines[j][1] - len(nxt) + close + 1
                break
            j += 1
        if end is not None:
            out.append(Span(start, end))
            i = j + 1
        else:
            i += 1
    return out


def find_quotes(text: str) -> list[Span]:
    """Outer spans (marks included) of quotations of at least four words, in text order."""
    out = _run_on(text)
    for m in _QUOTE.finditer(text):
        g = next(i for i in range(1, 8) if m.group(i) is not None)
        if len(m.group(g).split()) >= MIN_QUOTE_WORDS:
            sp = Span(m.start(), m.end())
            if not any(inside(sp, o) for o in out):
                out.append(sp)
    return sorted(out)


def _opens_next(doc: Doc, f: Finder, pack: LanguagePack, att: AttributionMention, q2: Span) -> bool:
    """ "“A,” she said on Monday. “B.”": quote ``q2`` opens the sentence right after the one
    holding the cue of ``att`` (which follows its quote), and has no cue of its own."""
    cue = att.cue
    if cue is None or cue.start < att.content.end:
        return False
    sents = doc.sentences
    k = next((i for i, s in enumerate(sents) if s.span.start <= cue.start < s.span.end), None)
    if k is None or k + 1 >= len(sents):
        return False
    s2 = sents[k + 1]
    if s2.span.start != q2.start or s2.paragraph != sents[k].paragraph:
        return False
    toks = doc.tokens
    return not any(
        not any(inside(Span(toks[m.start].start, toks[m.end - 1].end), q) for q in f.quotes)
        for m in pack.cues.find(toks, s2.tok_start, s2.tok_end)
    )


def _speech_like(text: str, q: Span) -> bool:
    """An unattributed quote that reads like speech: several words and a sentence inside."""
    inner = text[q.start + 1 : q.end - 1]
    return len(inner.split()) >= _UNNAMED_WORDS and any(c in inner for c in ".!?")


def _embedded(text: str, q: Span, cue: Span, src: Span) -> bool:
    """True when words other than cue and source stand between the quote and its cue."""
    if cue.end <= q.start:
        gap = text[max(cue.end, src.end if src.start >= cue.end else 0) : q.start]
    else:
        gap = text[q.end : min(cue.start, src.start if src.end <= cue.start else cue.start)]
    return any(ch.isalnum() for ch in gap) and not gap.rstrip().endswith(":")


def _reports_clause(f: Finder, m: Match[CueEntry], s: Sentence) -> bool:
    """Verb cue ``m`` opens its own reported clause: a complementizer follows within a few
    tokens ("a fait savoir que", "aseguró en la red social X que")."""
    toks = f.doc.tokens
    return m.payload.type == "verb" and any(
        toks[j].lower in f.lex.complementizers
        for j in range(m.end, min(s.tok_end, m.end + _COMP_REACH))
    )


def _has_verb_cue(doc: Doc, f: Finder, q: Span, s: Sentence, pack: LanguagePack) -> bool:
    """Sentence ``s`` holds a verb cue outside quote ``q``."""
    toks = doc.tokens
    return any(
        m.payload.type == "verb" and not inside(Span(toks[m.start].start, toks[m.end - 1].end), q)
        for m in pack.cues.find(toks, s.tok_start, s.tok_end)
    )


def _speaker(
    doc: Doc,
    f: Finder,
    q: Span,
    s: Sentence,
    pack: LanguagePack,
    strict: bool = False,
    embedded: list[Span] | None = None,
) -> tuple[Source, Span, Certainty] | None:
    """(source, cue, certainty) from a cue of sentence ``s`` outside quote ``q``; ``strict``
    (the quote's own sentences hold no cue): not a verb cue of another sentence that reports
    its own clause. A cue of the quote's sentence whose indirect speech holds the quote ("said
    it had targeted “a cell”") is added to ``embedded``."""
    toks = doc.tokens
    for m in pack.cues.find(toks, s.tok_start, s.tok_end):
        cue = Span(toks[m.start].start, toks[m.end - 1].end)
        if inside(cue, q) or m.payload.type not in {"verb", "prep", "post"}:
            continue
        if any(inside(cue, o) for o in f.quotes):
            continue
        if not f.tail_prep_ok(toks, m.start, m.end, s.tok_end):
            continue
        elsewhere = not (s.span.start < q.end and q.start < s.span.end)
        if strict and elsewhere and _reports_clause(f, m, s):
            continue  # "X a fait savoir que …" in another sentence reports that clause
        src: Source | None = None
        if m.payload.type == "verb":
            before = cue.start >= q.end
            src = f.next_to(toks, m.start, m.end, s.tok_start, s.tok_end, after=not before)
        if src is None:
            src = f.source_near(cue, s.span, q)
        if src is None:
            cap = f.capitalized_near(toks, m.end - 1, 1, m.end, s.tok_end)
            if cap is None:
                continue
            src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.WITNESS))
        if s.span.start < q.end and q.start < s.span.end and _embedded(doc.text, q, cue, src[0]):
            if embedded is not None and cue.end <= q.start:
                embedded.append(cue)
            continue  # "said that “…”": the indirect reading takes the whole clause
        return src, cue, m.payload.certainty
    return None


def quote_attributions(
    doc: Doc, f: Finder, quotes: list[Span], pack: LanguagePack
) -> list[tuple[int, AttributionMention]]:
    """Direct attributions of ``quotes``, keyed by the index of the quote's first sentence."""
    sents = doc.sentences
    text = doc.text
    out: list[tuple[int, AttributionMention]] = []
    prev: tuple[int, AttributionMention] | None = None  # (paragraph, attribution) of last quote
    i = 0
    while i < len(quotes):
        q = quotes[i]
        idx = [k for k, s in enumerate(sents) if s.span.start < q.end and q.start < s.span.end]
        if not idx:
            i += 1
            continue
        para = sents[idx[0]].paragraph
        same = [k for k, s in enumerate(sents) if s.paragraph == para and k not in idx]
        # the nearest sentence first, the one before over the one after ("A said that … . «…»,
        # he added.": the speaker right before, not the paragraph's first)
        same.sort(key=lambda k: (abs(k - idx[0]), k > idx[0]))
        cands = [idx[-1], *idx[:-1], *same]
        first = idx[0] - 1
        if first >= 0 and text[sents[first].span.end - 1 : sents[first].span.end] == ":":
            cands.insert(0, first)
        nxt = idx[-1] + 1
        if nxt < len(sents) and sents[nxt].paragraph in {para, sents[idx[-1]].paragraph}:
            cands.append(nxt)
        found = None
        # "«…», dijo.": a cue beside the quote whose speaker is dropped may borrow the one of
        # the sentence before; a quote with no cue of its own does not take over another's
        strict = not any(_has_verb_cue(doc, f, q, sents[k], pack) for k in idx)
        embedded: list[Span] = []
        for k in cands:
            if embedded and k not in idx:
                break  # the quote is part of its own sentence's indirect speech
            found = _speaker(doc, f, q, sents[k], pack, strict, embedded)
            if found is not None:
                break
        att: AttributionMention | None = None
        if found is not None:
            src, cue, cert = found
            att = AttributionMention(
                q, src[0], cue, True, src[1], src[2], cert, cue_text=cue.slice(text)
            )
        elif prev is not None and para - prev[0] <= 1 and text[q.start - 1 : q.start] in _LINE:
            att = dataclasses.replace(prev[1], content=q)
        if att is None and _speech_like(text, q):
            att = AttributionMention(
                q, None, None, True, None, SourceKind.UNNAMED, Certainty.REPORTED
            )
        if att is None:
            i += 1
            continue
        # join the quotes that follow with nothing but punctuation in between
        end = max(q.end, att.cue.end if att.cue else q.end, att.source.end if att.source else q.end)
        j = i + 1
        while j < len(quotes) and (
            not any(ch.isalnum() or ch == "," for ch in text[end : quotes[j].start])
            or (j == i + 1 and _opens_next(doc, f, pack, att, quotes[j]))
        ):
            if "\n" in text[end : quotes[j].start]:
                break
            end = quotes[j].end
            j += 1
        if j > i + 1:
            att = dataclasses.replace(att, content=Span(q.start, quotes[j - 1].end))
        out.append((idx[0], att))
        prev = (sents[idx[-1]].paragraph, att)
        i = j
    return out
