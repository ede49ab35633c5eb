"""Attribution chains inside one sentence, and speakers with a modifier phrase.

* **Modified speakers** — a speaker noun phrase with a participle or prepositional modifier
  between its head and the cue: "…, a mercenary *fighting on the Russian side* said",
  "…, sagte ein *auf russischer Seite kämpfender* Söldner", "…, заявил *воюющий на стороне
  России* наемник". The head must be a role or source noun, or a named entity, a few words
  from the comma (before the cue) or from the cue (after it); the source span covers the whole
  phrase (so event words in the modifier describe the speaker, not an event), the name is the
  head's noun phrase.
* **Chains** — "CONTENT, A said …, B reported." / "B reported that A said CONTENT" / "…, sagte
  A, berichteten Medien": when an attribution's cue and source lie inside another's content,
  the inner one keeps its source and gains the outer source (name, else kind) and the outer's
  own intermediaries in front of its ``via``.
"""

from __future__ import annotations

import dataclasses

from fogofwar.model import Span
from fogofwar.nlp.attribution_source import Finder, Source, inside
from fogofwar.nlp.doc import AttributionMention
from fogofwar.nlp.matcher import Token

__all__ = ["chain", "modified_subject"]

_MAX_PHRASE = 14  # tokens from the comma to the cue ("a mercenary fighting on the … side")
_MAX_HEAD = 4  # words from the phrase start to its head
_MAX_PREMOD = 6  # words of a modifier before the head after an inverted cue
_INVERSION = frozenset({",", "”", "“", '"', "»", "«", "’"})


def _stop(f: Finder, toks: tuple[Token, ...], k: int) -> bool:
    """A token no speaker phrase runs over: punctuation, a cue, a clause opener."""
    t = toks[k]
    if not t.is_word:
        return True
    low = t.lower
    if low in f.pack.relative_pronouns or low in f.pack.subordinators:
        return True
    if low in f.lex.complementizers:
        return True
    return f.pack.cues.match_at(toks, k, k + 1) is not None


def _head(f: Finder, toks: tuple[Token, ...], k: int) -> bool:
    """A possible speaker head: a role or source noun, or a named entity (no pronoun)."""
    if toks[k].lower in f.lex.pronouns:
        return False
    return f.speaker(toks, k)


def modified_subject(
    f: Finder, toks: tuple[Token, ...], m_start: int, m_end: int, lo: int, hi: int
) -> tuple[int, Source] | None:
    """A speaker phrase with a modifier next to a verb cue: ``(comma index, source)`` before
    the cue ("…, a mercenary fighting on the Russian side said"), or ``(-1, source)`` after an
    inverted cue ("…, sagte ein auf russischer Seite kämpfender Söldner")."""
    before = _before(f, toks, m_start, lo)
    if before is not None:
        return before
    after = _after(f, toks, m_start, m_end, lo, hi)
    return (-1, after) if after is not None else None


def _before(f: Finder, toks: tuple[Token, ...], m_start: int, lo: int) -> tuple[int, Source] | None:
    c = m_start - 1
    while c > lo and m_start - c <= _MAX_PHRASE and toks[c].text != ",":
        if _stop(f, toks, c) and toks[c].text not in {"-", "'s", "’s"}:
            return None
        c -= 1
    if c <= lo or toks[c].text != ",":
        return None
    k = c + 1
    while k < m_start and toks[k].lower in f.pack.determiners:
        k += 1
    head = next((j for j in range(k, min(m_start, k + _MAX_HEAD)) if _head(f, toks, j)), None)
    if head is None:
        return None
    end = head
    while end + 1 < m_start and _head(f, toks, end + 1):
        end += 1
    if end + 1 >= m_start or toks[end + 1].is_capitalized:
        return None  # nothing between head and cue, or a new subject ("…, the man Putin said")
    src = f.phrase_source(toks, end, c + 1, m_start)
    return c, (Span(toks[c + 1].start, toks[m_start - 1].end), src[1], src[2])


def _after(
    f: Finder, toks: tuple[Token, ...], m_start: int, m_end: int, lo: int, hi: int
) -> Source | None:
    if m_start <= lo or toks[m_start - 1].text not in _INVERSION:
        return None  # inverted only after the content: "…, sagte ein … Söldner"
    k = m_end
    while k < hi and toks[k].lower in f.lex.cue_adverbs:
        k += 1
    first = k
    cue = Span(toks[m_start].start, toks[m_end - 1].end)
    if k >= hi or _stop(f, toks, k) or (f.addressed(toks, k) and f.apposed_subject(cue)):
        return None  # "…, Viktor Lysenko, told Ukrainian television": whom he told
    while k < hi and toks[k].lower in f.pack.determiners:
        k += 1
    j = k
    while j < hi and j - k <= _MAX_PREMOD and not f.role_noun(toks, j):
        if toks[j].lower in f.lex.complementizers:
            return None  # "…, wrote on Telegram that three soldiers …": content, not a speaker
        if _stop(f, toks, j) and toks[j].lower not in f.pack.determiners:
            return None
        j += 1
    if j >= hi or j == k or j - k > _MAX_PREMOD:
        return None  # no head, or nothing before it (the plain case is next_to's)
    end = j
    while end + 1 < hi and f.role_noun(toks, end + 1):
        end += 1
    e = f.entity_at(toks[end])  # "chinesischer Söldner", "китайский наемник"
    while e is not None and j > k and toks[j - 1].start >= e.span.start:
        j -= 1
    src = f.phrase_source(toks, end, j, end + 1)
    return Span(toks[first].start, toks[end].end), src[1], src[2]


def chain(atts: list[AttributionMention]) -> list[AttributionMention]:
    """Inner attributions of one sentence gain their outer sources as intermediaries."""
    out = list(atts)
    for i, a in enumerate(out):
        if a.source is None or a.cue is None or a.direct:
            continue
        outers = [
            b
            for b in atts
            if b is not atts[i]
            and b.source is not None
            and inside(a.cue, b.content)
            and inside(a.source, b.content)
            and inside(a.content, b.content)
        ]
        if not outers:
            continue
        outers.sort(key=lambda b: b.content.start - b.content.end)  # innermost first
        via: list[str] = []
        for b in reversed(outers):  # outermost intermediary first
            label = b.source_name or b.source_kind.value
            via.extend(v for v in (label, *b.via) if v not in via)
        via.extend(v for v in a.via if v not in via)
        out[i] = dataclasses.replace(a, via=tuple(via))
    return out
