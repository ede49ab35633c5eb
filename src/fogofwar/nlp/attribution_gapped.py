"""Prepositional speakers: a speaker phrase governed by a preposition.

* :func:`gapped_prep` — a prepositional cue whose source stands apart from it ("Nach
  Informationen des Senders … meldete") or a closed compound naming the body ("nach
  Polizeiangaben");
* :func:`prep_tail` — "…, повідомили в Генштабі": an impersonal speech verb followed by a
  locative preposition and the speaker that ends the sentence.

Split from :mod:`fogofwar.nlp.attribution_speaker` (speakers found by position).
"""

from __future__ import annotations

import dataclasses

from fogofwar.claim import Certainty, SourceKind
from fogofwar.geo.langdata import lang_pack
from fogofwar.geo.text import fold
from fogofwar.model import Span
from fogofwar.nlp.attribution_source import Finder, Source, trim
from fogofwar.nlp.attribution_speaker import own_subject
from fogofwar.nlp.compounds import first_part_kind
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack

__all__ = ["gapped_prep", "prep_tail"]

_MAX_TAIL_SPEAKER = 5  # words of a speaker after a trailing verb and its preposition


def gapped_prep(
    doc: Doc, f: Finder, pack: LanguagePack, sent: Sentence
) -> list[AttributionMention]:
    """Two-word ``prep`` cues with a modifier inside: "nach russischen Angaben", "по украинским
    данным" (a nationality: that country's authorities speak), "nach eigenen Angaben", "по
    собственным данным" (an ``own`` word: the clause's subject speaks)."""
    toks = doc.tokens
    found: list[tuple[int, AttributionMention]] = []
    demonyms = lang_pack(doc.lang).demonyms
    for i in range(sent.tok_start, sent.tok_end - 1):
        compound = _compound(f, pack, sent, i)
        if compound is not None:
            found.append((i, compound))
            continue
        if i + 2 >= sent.tok_end:
            continue
        mid = toks[i + 1]
        if not mid.is_word or not toks[i].is_word:
            continue
        m = pack.cues.match_at((toks[i], toks[i + 2]), 0, 2)
        if m is None and toks[i].lower in f.lex.own:  # postposed: "eigenen Angaben nach"
            post = _postposed(doc, f, pack, sent, i)
            if post is not None:
                found.append((i, post))
            continue
        if m is None or m.end != 2 or m.payload.type != "prep":
            continue
        if pack.cues.match_at(toks, i, sent.tok_end) is not None:
            continue  # the words themselves are a cue ("по имеющимся данным")
        phrase = Span(mid.start, toks[i + 2].end)
        src: Source | None
        if mid.lower in f.lex.own:
            src = own_subject(f, sent, i + 1)
        elif mid.lower in f.lex.possessives:  # "по его словам": resolved to the last speaker
            src = (Span(mid.start, mid.end), mid.text, SourceKind.WITNESS)
        elif demonyms.get(fold(mid.lower)) or _place_word(doc, mid):
            # "nach russischen Angaben", "nach Moskauer Angaben": that country's or capital's
            # authorities speak
            src = (phrase, phrase.slice(doc.text), SourceKind.GOVERNMENT)
        else:
            src = None
        if src is None:
            continue
        cue = Span(toks[i].start, toks[i + 2].end)
        found.append((i, _mention(doc, sent, src, cue, m.payload.certainty)))
    return _split(doc, sent, found)


def _place_word(doc: Doc, word: Token) -> bool:
    """A capitalised word the geocoder read as a place ("Moskauer", "Kiewer")."""
    return word.text[:1].isupper() and any(
        p.span.start <= word.start and word.end <= p.span.end for p in doc.places
    )


def _mention(
    doc: Doc, sent: Sentence, src: Source, cue: Span, certainty: Certainty
) -> AttributionMention:
    """A gapped or compound prep cue's attribution (its content is cut by :func:`_split`)."""
    return AttributionMention(
        sent.span, src[0], cue, False, src[1], src[2], certainty, cue_text=cue.slice(doc.text)
    )


def _postposed(
    doc: Doc, f: Finder, pack: LanguagePack, sent: Sentence, i: int
) -> AttributionMention | None:
    """ "eigenen Angaben nach": an ``own`` word, then a prep cue's two words in reverse."""
    toks = doc.tokens
    m = pack.cues.match_at((toks[i + 2], toks[i + 1]), 0, 2)
    if m is None or m.end != 2 or m.payload.type != "prep":
        return None
    src = own_subject(f, sent, i)
    if src is None:
        return None
    return _mention(doc, sent, src, Span(toks[i].start, toks[i + 2].end), m.payload.certainty)


_MARKERS: dict[int, tuple[object, frozenset[str]]] = {}


def _markers(pack: LanguagePack) -> frozenset[str]:
    """The marker words of the pack's compound cues ("nach", "zufolge", "по"), worked out once
    per pack (every token of every sentence asks)."""
    cues = pack.compound_cues
    got = _MARKERS.get(id(cues))
    if got is None or got[0] is not cues:  # the cues themselves kept: their id stays theirs
        got = _MARKERS[id(cues)] = (cues, frozenset(cc.marker for cc in cues))
    return got[1]


def _compound(f: Finder, pack: LanguagePack, sent: Sentence, i: int) -> AttributionMention | None:
    """A prep cue whose noun heads a compound, the source being its first part: "nach
    Polizeiangaben" (= "nach Angaben der Polizei"), "nach russischen Behördenangaben",
    "Behördenangaben zufolge". The first part must be a known source or role noun."""
    toks, hi = f.doc.tokens, sent.tok_end
    if i + 1 >= hi:
        return None
    a, b = toks[i], toks[i + 1]
    markers = _markers(pack)
    if a.lower not in markers and b.lower not in markers:
        return None  # no compound cue's marker word: the loop below would find none
    mod = None  # one modifier between: "nach russischen Behördenangaben"
    if i + 2 < hi and b.is_word and b.text[:1].islower() and toks[i + 2].is_word:
        mod = toks[i + 2]
    for cc in pack.compound_cues:
        marker, word = (a, b) if cc.before else (b, a)
        if cc.before and mod is not None and not word.lower.endswith(cc.head):
            word = mod
        low = word.lower
        if marker.lower != cc.marker or len(low) < len(cc.head) + 3 or not low.endswith(cc.head):
            continue
        stem = low[: -len(cc.head)]
        kind = first_part_kind(pack, stem, roles=True, min_len=2) or _body_kind(f, word, stem)
        if kind is None:
            continue
        name = word.text[: len(stem)].rstrip("-")
        if word is mod:
            name = f"{b.text} {name}"
        cue = Span(a.start, max(b.end, word.end))
        return _mention(f.doc, sent, (Span(word.start, word.end), name, kind), cue, cc.certainty)
    return None


def _body_kind(f: Finder, word: Token, stem: str) -> SourceKind | None:
    """The kind of a registry body named by a hyphenated compound's first part ("UN-Angaben",
    "Hamas-Angaben"): the entity found at the word's start."""
    if not stem.endswith("-"):
        return None
    end = word.start + len(stem) - 1
    for e in f.entities:
        if e.span.start == word.start and e.span.end == end and e.source_kind is not None:
            return e.source_kind
    return None


def _split(
    doc: Doc, sent: Sentence, found: list[tuple[int, AttributionMention]]
) -> list[AttributionMention]:
    """Two sources in one sentence ("nach ukrainischen Angaben keine, nach russischen Angaben
    vier Verletzte"): each one's content ends at the last comma before the next one's cue."""
    toks = doc.tokens
    out: list[AttributionMention] = []
    start = sent.span.start
    for n, (i, att) in enumerate(found):
        end = sent.span.end
        if n + 1 < len(found):
            commas = [k for k in range(i + 3, found[n + 1][0]) if toks[k].text == ","]
            if commas:
                end = toks[commas[-1]].start
        content = trim(doc, start, end)
        if content is not None:
            out.append(dataclasses.replace(att, content=content))
        start = end
    return out


def prep_tail(f: Finder, toks: tuple[Token, ...], m_end: int, hi: int) -> Source | None:
    """ "…, повідомили в Генштабі", "…, сообщили в Минобороны": an impersonal speech verb
    followed by a locative preposition (pack ``impersonal_places``) and a speaker that ends the
    sentence: the speaker is that phrase, not a place listed before the verb."""
    preps = f.lex.impersonal_places
    k = m_end
    if not preps or k + 1 >= hi or toks[k].lower not in preps:
        return None
    named = f.name_word(toks, k + 1)  # "…, señalaron en Defensa": a body no lexicon lists
    if not f.speaker(toks, k + 1) and not named:
        return None
    end = k + 1
    while end < hi and toks[end].is_word:
        if toks[end].lower in f.lex.complementizers:
            return None  # "…, escribió en Telegram que …": the verb's object clause follows
        end += 1
    if end - (k + 1) > _MAX_TAIL_SPEAKER or any(t.is_word for t in toks[end:hi]):
        return None  # the sentence goes on after the phrase: not a tail
    span = Span(toks[k + 1].start, toks[end - 1].end)
    e = f.entity_at(toks[k + 1])
    kind = f.kind(e) if e is not None else f.noun_kind(k + 1, end)
    if kind is None and named:
        kind = f.fallback_kind(span, SourceKind.UNNAMED)
        if kind == SourceKind.UNNAMED:
            f.guessed.add(span)  # the claim stage types it
    return span, f.strip(span), kind or SourceKind.UNNAMED
