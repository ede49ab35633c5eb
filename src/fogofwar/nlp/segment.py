"""Tokens, paragraphs, sentences and clauses.

Rules (all language data comes from the pack):

* Tokens: a regex tokenizer with offsets; digit groups ("1,200", "1.200", "1 200") stay one
  token; lemmas come from simplemma (cached) and are normalised like pack words.
* Paragraphs: a blank line always splits. A single line break splits when the line before ends
  in sentence punctuation, or is a heading (short, no final punctuation); otherwise the lines
  are one hard-wrapped paragraph.
* Sentences: split after ``. ! ? …`` (plus closing quotes) when the next word starts upper-case,
  with a digit or an opening quote — unless the dot ends a pack abbreviation, a single letter
  (initials) or, where the pack sets ``ordinal_dot``, a number ("am 24. Oktober").
* Headings: a line without final punctuation of at most 15 words. Headings carry no claims
  (the article's title is read separately as the headline document).
* Clauses: a sentence splits at ``; :`` and spaced dashes, and before a subordinator after a
  comma. ", <relative pronoun> …," is a relative clause (background: no claims) and
  ", <qualifier> …" ("darunter", "including") qualifies a count.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

import simplemma

from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import Clause, Doc, Resources, Sentence
from fogofwar.nlp.matcher import Token, norm
from fogofwar.nlp.pipeline import stage
from fogofwar.packs import LanguagePack

__all__ = ["clauses", "segment", "tokenize"]

_TOKEN = re.compile(
    r"\d{1,3}(?:[.,\u00a0\u202f '’]\d{3})+(?![\d])|\d+(?:[.,]\d+)?"
    r"|\w+(?:[-'’ʼ]\w+)*|\.\.\.|[^\w\s]",
)
_TERMINAL = frozenset(".!?…")
_CLOSERS = frozenset("\"'»«“”‘’›‹)]")
_OPENERS = frozenset("\"'„“«»‚‘‹›([")
_LINE_END = tuple(".!?…:\"'»«“”’)")
_HEADING_MAX_WORDS = 15
_DASHES = frozenset({"-", "–", "—"})


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    try:
        return norm(simplemma.lemmatize(word, lang=lang))
    except ValueError:
        return norm(word)


@lru_cache(maxsize=200_000)
def _forms(word: str, lang: str) -> tuple[str, str]:
    """``(lower, lemma)`` of a word as written: one cache look-up a token."""
    lower = norm(word)
    return lower, (_lemma(word, lang) if word[:1].isalpha() else lower)


def tokenize(text: str, lang: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text`` with offsets (shifted by ``offset``), normalised form and lemma."""
    out: list[Token] = []
    append, make, forms = out.append, Token.make, _forms
    for m in _TOKEN.finditer(text):
        word = m.group()
        lower, lemma = forms(word, lang)
        start, end = m.span()
        append(make(word, start + offset, end + offset, lower, lemma))
    return tuple(out)


def _lines(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` blocks: blank lines split, single breaks split when the line
    before ends a sentence or is a heading."""
    blocks: list[tuple[int, int, int]] = []
    para = -1
    for pm in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        para += 1
        start = pm.start()
        lines = list(re.finditer(r"[^\n]+", pm.group()))
        cur_start: int | None = None
        for i, lm in enumerate(lines):
            s, e = start + lm.start(), start + lm.end()
            if cur_start is None:
                cur_start = s
            line = lm.group().strip()
            last = i == len(lines) - 1
            if last or line.endswith(_LINE_END) or _is_heading(line):
                if text[cur_start:e].strip():
                    blocks.append((cur_start, e, para))
                cur_start = None
    return blocks


_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>[{_UPPER}][\w'’.\-]*(?:[ \t]+[{_UPPER}][\w'’.\-]*){{0,3}})"
    r"(?P<rest>,[ \t]*[^\n()–—-]{1,40}?)?"  # ", Ukraine", ", Dec 5"
    r"(?P<agency>[ \t]*\([^()\n]{1,40}\))?"  # "(Reuters)", "(dpa)"
    r"[ \t]+[-–—][ \t]+(?=\S)"
)


def dateline_end(text: str, start: int, first: bool) -> int | None:
    """End offset of a wire dateline opening the block at ``start`` ("KYIV, Dec 5 (Reuters) -
    ", "GENEVA - ", "Kiew (dpa) - "): a capitalised place, optional ", date" and "(agency)",
    then a spaced dash. A title-case place alone counts only in the text's first block; the
    dateline is a sentence of its own, so neither place nor agency speaks for what follows."""
    m = _DATELINE.match(text, start)
    if m is None:
        return None
    place = m.group("place")
    caps = sum(c.isupper() for c in place) >= 3 and place == place.upper()
    if caps or m.group("agency") or m.group("rest") or first:
        return m.end()
    return None


def _is_heading(line: str) -> bool:
    line = line.strip()
    return bool(line) and not line.endswith(_LINE_END) and len(line.split()) <= _HEADING_MAX_WORDS


def _sentence_ends(tokens: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack) -> list[int]:
    """Token indices (exclusive ends) where sentences end inside ``tokens[lo:hi]``."""
    ends = []
    i = lo
    while i < hi:
        tok = tokens[i]
        if tok.text[:1] in _TERMINAL:
            j = i + 1
            while (
                j < hi
                and tokens[j].start == tokens[j - 1].end
                and (tokens[j].text in _CLOSERS or tokens[j].text[:1] in _TERMINAL)
            ):
                j += 1
            spaced = j < hi and tokens[j].start > tokens[j - 1].end
            if spaced and _starts_sentence(tokens[j]) and not _no_break(tokens, i, lo, pack):
                ends.append(j)
            i = j
        else:
            i += 1
    ends.append(hi)
    return ends


def _starts_sentence(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text in _OPENERS


def _no_break(tokens: tuple[Token, ...], i: int, lo: int, pack: LanguagePack) -> bool:
    if tokens[i].text != "." or i == lo:
        return False
    prev = tokens[i - 1]
    if prev.end != tokens[i].start:
        return False
    if prev.lower in pack.abbreviations or (len(prev.text) == 1 and prev.text.isalpha()):
        return True
    return pack.ordinal_dot and prev.text.isdigit() and len(prev.text) <= 2


@stage("segment.v1", provides=["tokens", "paragraphs", "sentences"])
def segment(doc: Doc, res: Resources) -> Doc:
    """Tokenize ``doc.text`` and split it into paragraphs and sentences (headings flagged)."""
    pack = res.packs[doc.lang]
    tokens = tokenize(doc.text, doc.lang)
    starts = [t.start for t in tokens]
    sentences: list[Sentence] = []
    paragraphs: dict[int, tuple[int, int]] = {}
    for b_start, b_end, para in _lines(doc.text):
        ps, pe = paragraphs.get(para, (b_start, b_end))
        paragraphs[para] = (min(ps, b_start), max(pe, b_end))
        lo = bisect.bisect_left(starts, b_start)
        hi = bisect.bisect_left(starts, b_end)
        if lo >= hi:
            continue
        block = doc.text[b_start:b_end]
        heading = not doc.headline and _is_heading(block)
        prev = lo
        ends = _sentence_ends(tokens, lo, hi, pack)
        cut = None if heading else dateline_end(doc.text, b_start, not sentences)
        if cut is not None:
            k = bisect.bisect_left(starts, cut, lo, hi)
            if lo < k < ends[0]:
                ends.insert(0, k)
        for end in ends:
            if end > prev:
                span = Span(tokens[prev].start, tokens[end - 1].end)
                sentences.append(Sentence(span, prev, end, para, heading))
            prev = end
    paras = tuple(Span(s, e) for s, e in (paragraphs[k] for k in sorted(paragraphs)))
    return dataclasses.replace(doc, tokens=tokens, paragraphs=paras, sentences=tuple(sentences))


def _spaced(tokens: tuple[Token, ...], i: int) -> bool:
    return 0 < i < len(tokens) - 1 and (
        tokens[i - 1].end < tokens[i].start and tokens[i].end < tokens[i + 1].start
    )


def _clock(tokens: tuple[Token, ...], i: int) -> bool:
    """A colon inside a time or a score ("станом на 9:00", "à 14:30"): digits on both sides,
    no space between — no clause boundary."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].text.isdigit()
        and tokens[i + 1].text.isdigit()
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
    )


@stage("clauses.v1", requires=["tokens", "sentences"], provides=["clauses"])
def clauses(doc: Doc, res: Resources) -> Doc:
    """Split sentences into clauses; mark relative and qualifier clauses."""
    pack = res.packs[doc.lang]
    toks = doc.tokens
    out: list[Clause] = []
    for si, sent in enumerate(doc.sentences):
        # segments: (tok_start, tok_end, type) with type main | sub | relative | qualifier
        segs: list[tuple[int, int, str]] = []
        start, kind = sent.tok_start, "main"
        i = sent.tok_start
        while i < sent.tok_end:
            t = toks[i]
            new_kind: str | None = None
            cut = i
            if (t.text in {";", ":"} and not _clock(toks, i)) or (
                t.text in _DASHES and _spaced(toks, i)
            ):
                new_kind, cut = "main", i + 1
            elif t.text == "," and i + 1 < sent.tok_end:
                nxt = toks[i + 1]
                if pack.qualifiers.match_at(toks, i + 1, sent.tok_end) is not None:
                    new_kind = "qualifier"
                elif nxt.lower in pack.subordinators:
                    new_kind = "sub"
                elif (
                    nxt.lower in pack.contrastives
                    and kind == "main"
                    and _speaks(toks, i + 2, sent.tok_end, pack)
                ):
                    new_kind = "main"  # ", but Moscow denied …": a clause of its own
                elif nxt.lower in pack.relative_pronouns and not _reported_main(
                    toks, i + 1, sent.tok_end, doc.lang
                ):
                    new_kind = "relative"
                elif kind in {"relative", "qualifier"}:
                    new_kind = "cont"
                cut = i + 1
            if new_kind is not None:
                if cut > start:
                    segs.append((start, cut, kind))
                start, kind = cut, new_kind
            i += 1
        if sent.tok_end > start:
            segs.append((start, sent.tok_end, kind))
        out.extend(_merge(segs, toks, si))
    return dataclasses.replace(doc, clauses=tuple(out))


_ARTICLE_REACH = 4  # words of a noun phrase between an article and its clause's verb


def _reported_main(toks: tuple[Token, ...], k: int, hi: int, lang: str) -> bool:
    """The word at ``k`` after a comma is an article, not a relative pronoun: a noun phrase
    with a capitalised noun follows, then a reported-mood verb in second place ("…, sagte er,
    die Drohne habe ein Auto getroffen", "…, die Angreifer seien vertrieben worden"). A
    relative clause puts its verb last ("…, die im Auftrag einen Anschlag geplant habe")."""
    mood = lexicon(lang).reported_mood
    if not mood:
        return False
    noun = False
    for j in range(k + 1, min(hi, k + 2 + _ARTICLE_REACH)):
        t = toks[j]
        if not t.is_word:
            return False
        if t.lower in mood:
            return noun
        noun = noun or t.text[:1].isupper()
    return False


def _speaks(toks: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack) -> bool:
    """A speech or denial cue of the pack before the next comma ("but Moscow *denied* …"): the
    contrastive clause has a speaker of its own."""
    for k in range(lo, hi):
        if toks[k].text == ",":
            return False
        if pack.cues.match_at(toks, k, hi) is not None:
            return True
    return False


def _merge(segs: list[tuple[int, int, str]], toks: tuple[Token, ...], si: int) -> list[Clause]:
    """Join main-clause pieces around relative clauses; emit relative/qualifier clauses too."""
    out: list[Clause] = []
    cur: tuple[int, int] | None = None
    for s, e, kind in segs:
        if kind in {"relative", "qualifier"}:
            out.append(
                Clause(
                    Span(toks[s].start, toks[e - 1].end),
                    si,
                    s,
                    e,
                    relative=kind == "relative",
                    qualifier=kind == "qualifier",
                )
            )
            continue
        if cur is not None and kind == "cont":
            cur = (cur[0], e)
            continue
        if cur is not None:
            out.append(Clause(Span(toks[cur[0]].start, toks[cur[1] - 1].end), si, cur[0], cur[1]))
        cur = (s, e)
    if cur is not None:
        out.append(Clause(Span(toks[cur[0]].start, toks[cur[1] - 1].end), si, cur[0], cur[1]))
    return sorted(out, key=lambda c: (c.tok_start, -c.tok_end))
