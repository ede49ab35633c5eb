"""Attribution: who says what, with which words, how firmly.

* Direct quotes in any marks („“ «» »« “” "" ‚‘ ‹›) of at least four words. The speaker comes from
  a reporting cue outside the quote in the same paragraph ("…", sagte X), else from the sentence
  before when it ends in ":" ("… enthüllte X:" + quote on its own line), else from the sentence
  after ("…" + "So X.").
* Indirect speech from the pack's cue table: ``verb`` cues ("X sagte, dass …", "…, sagte X",
  "X said …"), ``prep`` cues with the source after them ("laut X", "according to X",
  "по словам X"), ``post`` cues with the source before them ("X zufolge"), ``adverb`` cues with
  no source ("reportedly", "Berichten zufolge", "якобы" → unnamed, reported), ``via`` cues for
  nested sources ("A, citing B" → source B via A).
* Media intermediaries ("in sozialen Medien", "on Telegram") add to ``via`` of the sentence's
  attributions, or — when the sentence names no source of its own ("Diese in sozialen Medien
  geteilten Informationen …") — of attributions in the previous ``MEDIA_WINDOW`` sentences of
  the same section.
* The source is the entity (person, actor, source noun) nearest to the cue outside the content;
  else capitalised words next to the cue. An unnamed source makes the certainty ``reported``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention, Resources, Sentence
from fogofwar.nlp.matcher import Match, Token
from fogofwar.nlp.pipeline import stage
from fogofwar.packs import CueEntry, LanguagePack

__all__ = ["MEDIA_WINDOW", "attribution", "find_quotes"]

MEDIA_WINDOW = 3
_QUOTE = re.compile(
    r"„([^“”\"\n]+)[“”\"]|«([^»\n]+)»|»([^«\n]+)«|“([^”“\n]+)”|\"([^\"\n]+)\"|‚([^‘’\n]+)[‘’]"
    r"|‹([^›\n]+)›"
)
_MIN_QUOTE_WORDS = 4
_MAX_SOURCE_GAP = 8
_FALLBACK_ACTOR_PENALTY = 6  # a bare force noun is a weaker speaker than a person or source noun
_COMP_LOOKAHEAD = 5
_MAX_TAIL_WORDS = 4  # words after a sentence-final cue ("…, sagte der Sprecher am Montag.")
_ACTOR_SOURCE = {
    "state_forces": SourceKind.MILITARY,
    "government": SourceKind.GOVERNMENT,
    "armed_group": SourceKind.COMBATANT,
    "organization": SourceKind.NGO_IO,
}
_PUNCT = frozenset(".,;:!?…\"'»«“”„‚‘’›‹()")


def find_quotes(text: str) -> list[Span]:
    """Interior spans of quotations of at least four words."""
    out = []
    for m in _QUOTE.finditer(text):
        g = next(i for i in range(1, 8) if m.group(i) is not None)
        if len(m.group(g).split()) >= _MIN_QUOTE_WORDS:
            out.append(Span(m.start(g), m.end(g)))
    return out


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Span of ``text[start:end]`` without surrounding spaces and punctuation."""
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in _PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _PUNCT):
        end -= 1
    return Span(start, end) if end > start else None


class _Finder:
    """Per-document helpers: entity lookup and source resolution."""

    def __init__(self, doc: Doc, pack: LanguagePack, quotes: list[Span]) -> None:
        self.doc, self.pack, self.quotes = doc, pack, quotes
        self.entities = [e for e in doc.entities if e.category in {"actor", "person", "source"}]
        self.excluded: list[Span] = []  # sources of nested ("citing X") cues in this sentence

    def source_near(
        self, cue: Span, region: Span, content: Span | None, speakers_only: bool = False
    ) -> tuple[Span, str, SourceKind] | None:
        """The entity nearest to ``cue`` inside ``region`` and outside ``content``.

        ``speakers_only`` skips bare force nouns ("the troops"), which rarely speak.
        """
        best: tuple[int, EntityMention] | None = None
        for e in self.entities:
            if not _inside(e.span, region) or (content is not None and _inside(e.span, content)):
                continue
            if any(_inside(e.span, q) for q in self.quotes + self.excluded):
                continue
            bare = e.category == "actor" and e.normalized is None and e.source_kind is None
            if speakers_only and bare:
                continue
            if e.span.end <= cue.start:
                dist = cue.start - e.span.end
            elif e.span.start >= cue.end:
                dist = e.span.start - cue.end + 1
            else:
                continue
            if e.category == "actor" and e.normalized is None:
                dist += _FALLBACK_ACTOR_PENALTY
            if best is None or dist < best[0]:
                best = (dist, e)
        if best is None:
            return None
        e = best[1]
        name = e.normalized if e.category == "person" and e.normalized else self.strip(e.span)
        return e.span, name, self._kind(e)

    def _kind(self, e: EntityMention) -> SourceKind:
        if e.source_kind is not None:
            return e.source_kind
        if e.category == "person":
            return SourceKind.WITNESS
        return _ACTOR_SOURCE.get(e.actor_kind or "", SourceKind.MEDIA)

    def fallback_kind(self, span: Span, default: SourceKind) -> SourceKind:
        """Kind of an unknown capitalised source: a place name speaks for its government."""
        if any(p.span.start < span.end and span.start < p.span.end for p in self.doc.places):
            return SourceKind.GOVERNMENT
        return default

    def strip(self, span: Span) -> str:
        """The words of ``span`` without leading determiners."""
        words = span.slice(self.doc.text).split()
        while len(words) > 1 and words[0].lower() in self.pack.determiners:
            words = words[1:]
        return " ".join(words)

    def capitalized_near(
        self, toks: tuple[Token, ...], i: int, step: int, lo: int, hi: int
    ) -> Span | None:
        """Up to three capitalised words starting next to token ``i`` going ``step``."""
        j = i + step
        while lo <= j < hi and toks[j].lower in self.pack.determiners:
            j += step
        run: list[int] = []
        while lo <= j < hi and toks[j].is_capitalized and len(run) < 3:
            run.append(j)
            j += step
        if not run:
            return None
        a, b = min(run), max(run)
        return Span(toks[a].start, toks[b].end)


def _content_after(
    doc: Doc, toks: tuple[Token, ...], k: int, sent: Sentence, pack: LanguagePack
) -> Span | None:
    """Content from token ``k`` to the sentence end, skipping a leading comma/complementizer."""
    while k < sent.tok_end and (toks[k].text in {",", ":"} or toks[k].lower in pack.subordinators):
        k += 1
    if k >= sent.tok_end:
        return None
    return _trim(doc, toks[k].start, sent.span.end)


def _indirect(
    doc: Doc, f: _Finder, sent: Sentence, m: Match[CueEntry], pack: LanguagePack
) -> AttributionMention | None:
    toks = doc.tokens
    cue = Span(toks[m.start].start, toks[m.end - 1].end)
    entry = m.payload
    lo, hi = sent.tok_start, sent.tok_end
    region = sent.span
    content: Span | None
    src: tuple[Span, str, SourceKind] | None = None
    if entry.type == "adverb":
        content = _trim(doc, sent.span.start, sent.span.end)
        if content is None:
            return None
        return AttributionMention(
            content,
            None,
            cue,
            False,
            None,
            SourceKind.UNNAMED,
            entry.certainty,
            cue_text=cue.slice(doc.text),
        )
    if entry.type in {"prep", "via"}:
        # source right after the cue, up to the next comma
        j = m.end
        while j < hi and toks[j].text not in {",", ";", ":"} and j - m.end < _MAX_SOURCE_GAP:
            j += 1
        src_region = Span(cue.end, toks[j - 1].end) if j > m.end else None
        if src_region is None:
            return None
        src = f.source_near(cue, src_region, None)
        if src is None:
            cap = f.capitalized_near(toks, m.end - 1, 1, m.end, j)
            if cap is None:
                return None
            src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.MEDIA))
        delimited = j < hi and toks[j].text == ","
        if delimited:  # "according to the regional governor, …": the whole phrase is the source
            k = m.end
            while k < j - 1 and toks[k].lower in pack.determiners:
                k += 1
            whole = _trim(doc, toks[k].start, toks[j].start)
            if whole is not None:
                src = (whole, f.strip(whole), src[2])
        at_start = _trim(doc, sent.span.start, cue.start) is None
        first = j if delimited else _tok_after(toks, src[0].end, hi)
        content = (
            _content_after(doc, toks, first, sent, pack)
            if at_start
            else _trim(doc, sent.span.start, cue.start)
        )
    elif entry.type == "post":
        src = f.source_near(cue, Span(sent.span.start, cue.start), None)
        if src is None:
            cap = f.capitalized_near(toks, m.start, -1, lo, m.start)
            if cap is None:
                return None
            src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.MEDIA))
        rest = _content_after(doc, toks, m.end, sent, pack)
        content = rest if rest is not None else _trim(doc, sent.span.start, src[0].start)
    else:  # verb
        comp = _complementizer(toks, m.end, hi, pack)
        comma = _comma_before(toks, m.start, lo)
        tail = Span(cue.end, sent.span.end)
        trailing = None
        if comp is None and comma is not None:
            between = Span(toks[comma].end, cue.start)
            trailing = f.source_near(cue, between, None, speakers_only=True)
            if trailing is None and _words(toks, m.end, hi) <= _MAX_TAIL_WORDS:
                trailing = f.source_near(cue, tail, None, speakers_only=True)
        if comp is not None:
            src = f.source_near(cue, Span(sent.span.start, toks[comp].start), None)
            content = _content_after(doc, toks, comp, sent, pack)
        elif comma is not None and trailing is not None:
            content = _trim(doc, sent.span.start, toks[comma].start)
            src = trailing
        else:
            src = f.source_near(cue, region, None, speakers_only=True)
            k2 = m.end
            if src is not None and src[0].start >= cue.end:
                k2 = max(k2, _tok_after(toks, src[0].end, hi))
            content = _content_after(doc, toks, k2, sent, pack)
        if src is None:
            cap = (
                f.capitalized_near(toks, m.start, -1, lo, m.start)
                or f.capitalized_near(toks, m.end - 1, 1, m.end, hi)
                or f.capitalized_near(toks, lo - 1, 1, lo, m.start)
            )
            if cap is not None:
                src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.WITNESS))
    if content is None or src is None:
        return None
    kind = src[2]
    certainty = Certainty.REPORTED if kind == SourceKind.UNNAMED else entry.certainty
    if entry.certainty in {Certainty.DENIED, Certainty.CONFIRMED}:
        certainty = entry.certainty
    return AttributionMention(
        content, src[0], cue, False, src[1], kind, certainty, cue_text=cue.slice(doc.text)
    )


def _complementizer(toks: tuple[Token, ...], k: int, hi: int, pack: LanguagePack) -> int | None:
    """Index of "dass/that/что/що" (or ", that") within a few tokens after a verb cue."""
    for j in range(k, min(hi, k + _COMP_LOOKAHEAD)):
        if toks[j].lower in pack.subordinators:
            return j
        if toks[j].text in {".", ";", ":"}:
            return None
    return None


def _comma_before(toks: tuple[Token, ...], start: int, lo: int) -> int | None:
    """The nearest comma before a cue, within a few tokens ("…, local officials said.")."""
    for j in range(start - 1, max(lo, start - _MAX_SOURCE_GAP) - 1, -1):
        if toks[j].text == ",":
            return j if j > lo else None
    return None


def _words(toks: tuple[Token, ...], start: int, stop: int) -> int:
    return sum(1 for t in toks[start:stop] if t.is_word)


def _tok_after(toks: tuple[Token, ...], offset: int, hi: int) -> int:
    """Index of the first token starting at or after ``offset`` (at most ``hi``)."""
    return min(hi, bisect.bisect_left([t.start for t in toks[:hi]], offset))


def _quote_speaker(
    doc: Doc, f: _Finder, q: Span, sents: tuple[Sentence, ...], pack: LanguagePack
) -> AttributionMention | None:
    """Attribution of quote ``q``: a cue around it in its paragraph, or the ':' sentence before."""
    toks = doc.tokens
    idx = [i for i, s in enumerate(sents) if s.span.start < q.end and q.start < s.span.end]
    if not idx:
        return None
    para = sents[idx[0]].paragraph
    candidates = [i for i, s in enumerate(sents) if s.paragraph == para]
    prev_i = idx[0] - 1
    if prev_i >= 0 and doc.text[sents[prev_i].span.end - 1 : sents[prev_i].span.end] == ":":
        candidates = [prev_i, *candidates]
    nxt = idx[-1] + 1
    if nxt < len(sents) and sents[nxt].paragraph == para:
        candidates.append(nxt)
    for i in candidates:
        s = sents[i]
        for m in pack.cues.find(toks, s.tok_start, s.tok_end):
            cue = Span(toks[m.start].start, toks[m.end - 1].end)
            if _inside(cue, q) or m.payload.type not in {"verb", "prep", "post"}:
                continue
            src = f.source_near(cue, s.span, q)
            if src is None:
                cap = f.capitalized_near(toks, m.end - 1, 1, m.end, s.tok_end)
                if cap is None:
                    continue
                src = (cap, cap.slice(doc.text), SourceKind.WITNESS)
            return AttributionMention(
                q,
                src[0],
                cue,
                True,
                src[1],
                src[2],
                m.payload.certainty,
                cue_text=cue.slice(doc.text),
            )
    return None


@stage(
    "attribution.v1",
    requires=["tokens", "sentences", "clauses", "entities", "places"],
    provides=["attributions"],
)
def attribution(doc: Doc, res: Resources) -> Doc:
    """Find direct and indirect attributions with source, cue, certainty and intermediaries."""
    pack = res.packs[doc.lang]
    quotes = find_quotes(doc.text)
    f = _Finder(doc, pack, quotes)
    toks = doc.tokens
    found: list[tuple[int, AttributionMention]] = []
    for q in quotes:
        att = _quote_speaker(doc, f, q, doc.sentences, pack)
        if att is not None:
            si = next(i for i, s in enumerate(doc.sentences) if s.span.end > q.start)
            found.append((si, att))
    last_heading = -1
    for si, sent in enumerate(doc.sentences):
        if sent.heading:
            last_heading = si
            continue
        typed: list[tuple[str, AttributionMention]] = []
        vias: list[str] = []
        cues = [
            m
            for m in pack.cues.find(toks, sent.tok_start, sent.tok_end)
            if m.payload.type != "verification"
            and not any(_inside(Span(toks[m.start].start, toks[m.end - 1].end), q) for q in quotes)
        ]
        f.excluded = []
        for m in sorted(cues, key=lambda m: m.payload.type != "via"):
            att = _indirect(doc, f, sent, m, pack)
            if att is not None:
                typed.append((m.payload.type, att))
                if m.payload.type == "via" and att.source is not None:
                    f.excluded.append(att.source)
        here = _combine(typed)
        for mm in pack.media.find(toks, sent.tok_start, sent.tok_end):
            vias.append(mm.payload)
        if vias:
            named = [a for a in here if a.source is not None]
            if named:
                here = [_add_via(a, vias) if a.source is not None else a for a in here]
            else:
                lo = max(last_heading + 1, si - MEDIA_WINDOW)
                window = Span(doc.sentences[lo].span.start, sent.span.start)
                found = [
                    (
                        i,
                        _add_via(a, vias)
                        if a.source is not None and _inside(a.content, window)
                        else a,
                    )
                    for i, a in found
                ]
        found.extend((si, a) for a in here)
    found.sort(key=lambda x: (x[1].content.start, x[1].content.end))
    return dataclasses.replace(doc, attributions=tuple(a for _, a in found))


def _combine(typed: list[tuple[str, AttributionMention]]) -> list[AttributionMention]:
    """One sentence's attributions: a nested source ("A, citing B, said …") becomes source B via
    A; a hearsay adverb next to another attribution only lowers that one's certainty."""
    via = [a for t, a in typed if t == "via"]
    adverbs = [a for t, a in typed if t == "adverb"]
    main = [a for t, a in typed if t not in {"via", "adverb"}]
    out: list[AttributionMention] = []
    for a in main:
        if via:
            inner = via.pop(0)
            chain = (*a.via, a.source_name) if a.source_name else a.via
            a = dataclasses.replace(inner, content=a.content, via=chain, certainty=a.certainty)
        if adverbs and a.certainty in {Certainty.CLAIMED, Certainty.ASSERTED}:
            a = dataclasses.replace(a, certainty=Certainty.REPORTED)
        out.append(a)
    out.extend(via)
    if not out and adverbs:
        out.append(adverbs[0])
    return out


def _add_via(a: AttributionMention, vias: list[str]) -> AttributionMention:
    new = tuple(v for v in vias if v not in a.via)
    return dataclasses.replace(a, via=(*a.via, *new)) if new else a
