"""Speakers found by position, not by vocabulary.

The lexical source finder (:mod:`fogofwar.nlp.attribution_source`) knows a speaker when it is a
pronoun, an entity, a source or role noun, or a capitalised name. Real reporting names speakers
no lexicon lists: "…, indicaron socorristas locales", "…, сообщило командование шестой пехотной
дивизии", "Local rescuers said that …". Where a reporting cue stands, the position of the noun
phrase tells that it is the speaker, whatever its words:

* **after a trailing cue** — "CONTENT, CUE PHRASE." (the phrase runs to the sentence end);
* **before a trailing cue** — "CONTENT, PHRASE CUE." (the phrase starts after the comma);
* **before an opening cue** — "PHRASE CUE that/: CONTENT" (from the sentence start; with an
  apposition "PHRASE, a volunteer group, CUE" the part before the first comma).

Headlines add the wire style "CONTENT – SOURCE" and "CONTENT (SOURCE)".

A phrase holds one to :data:`MAX_PHRASE_WORDS` words, no event verb and no cue of its own. Its
kind comes from a source or role noun in it when there is one; otherwise it is ``unnamed`` and
marked guessed (:attr:`Finder.guessed`), so the claim stage lets the model type it (or drop it
when the model reads no source in the words).
"""

from __future__ import annotations

import bisect
import dataclasses

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_entities import mention
from fogofwar.nlp.attribution_source import Finder, Source, trim
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Match, Token
from fogofwar.packs import LanguagePack

__all__ = [
    "MAX_PHRASE_WORDS",
    "bare_denial",
    "country_rubric",
    "headline_clause_end",
    "headline_tail",
    "lone_lower",
    "own_subject",
    "past_medium",
    "positional_speaker",
]

MAX_PHRASE_WORDS = 10
_MAX_TAIL_SPEAKER = 5  # words of a speaker after a trailing verb and its preposition
_MAX_HEAD_WORDS = 8
_MAX_AUX = 2  # short words between the comma and a trailing cue: "…, lo ha dichiarato X"
_MAX_AUX_LEN = 4
_MAX_AFTER_CUE = 4  # words after "…, PHRASE said" before the sentence ends ("on Monday")
_MAX_HEADLINE_TAIL = 6
_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", "„", "“", "”", '"'})
_DASHES = frozenset({"—", "–", "-"})
#: quote marks around a name inside a speaker phrase ("речник ОСУВ «Хортиця»")
_QUOTE_MARKS = frozenset({"«", "»", "„", "“", "”", '"'})
_TAIL_OPEN = frozenset({",", "—", "–"})


def _words(toks: tuple[Token, ...], a: int, b: int) -> int:
    return sum(1 for t in toks[a:b] if t.is_word)


def _last_word(toks: tuple[Token, ...], lo: int, hi: int) -> int:
    """Index after the last word token in ``[lo, hi)`` (sentence-final punctuation cut)."""
    while hi > lo and not toks[hi - 1].is_word:
        hi -= 1
    return hi


def _valid(f: Finder, pack: LanguagePack, a: int, b: int, limit: int, names: bool = False) -> bool:
    """Tokens ``[a, b)`` may be a speaker: a few words, no break, no event verb, no cue, not
    quoted, not opening with a complementizer ("…, said that …"); with ``names``, quote marks
    around a name inside the phrase are no break ("речник ОСУВ «Хортиця»")."""
    toks = f.doc.tokens
    if b <= a or not 1 <= _words(toks, a, b) <= limit:
        return False
    breaks = _BREAKS - _QUOTE_MARKS if names else _BREAKS
    if any(t.text in breaks for t in toks[a:b]):
        return False
    if toks[a].lower in f.lex.complementizers or not toks[a].is_word:
        return False
    words = [t.lower for t in toks[a:b] if t.is_word]
    if words[0] in f.lex.verify_negators or words[-1] in f.lex.verify_negators:
        return False  # "ні в Пхеньяні втрати не визнали": a negation, no speaker phrase
    if any(not m.payload.nominal for m in pack.triggers.find(toks, a, b)):
        return False
    if pack.cues.find(toks, a, b):
        return False
    return not f.quoted(Span(toks[a].start, toks[b - 1].end))


def _source(f: Finder, a: int, b: int) -> Source | None:
    span = trim(f.doc, f.doc.tokens[a].start, f.doc.tokens[b - 1].end)
    if span is None:
        return None
    kind = f.noun_kind(a, b)
    if kind is None and not lone_lower(f.doc.tokens, a, b):
        kind = f.fallback_kind(span, SourceKind.UNNAMED)
        if kind == SourceKind.UNNAMED:
            f.guessed.add(span)
    elif kind is None:
        return None  # one lower-case word no lexicon knows: a pronoun ("according to him")
    return span, f.strip(span), kind


def _before_aux(f: Finder, a: int, b: int) -> int:
    """End of a speaker phrase ``[a, b)`` before its verb's auxiliary or adverbs ("Das
    US-Verteidigungsministerium | hat am Montag bestätigt", "The ministry | has also said"):
    the first ``cue_adverbs`` word after the phrase's first word."""
    toks = f.doc.tokens
    for k in range(a + 1, b):
        if toks[k].lower in f.lex.cue_adverbs:
            return k
    return b


def _apposed_head(f: Finder, pack: LanguagePack, lo: int, comma: int) -> Source | None:
    """ "HEAD, APPOSITION, CUE …": the phrase before the sentence's first comma when one
    apposition (no event verb, no cue) closes with the comma at token ``comma`` before the cue
    and the head names a speaker (a source or role noun, an entity or a capitalised name)."""
    toks = f.doc.tokens
    b = lo
    while b < comma and toks[b].text not in _BREAKS:
        b += 1
    if b >= comma or toks[b].text != ",":
        return None
    if any(t.text in _BREAKS for t in toks[b + 1 : comma]):
        return None
    if not _valid(f, pack, lo, b, _MAX_HEAD_WORDS) or not _valid(
        f, pack, b + 1, comma, _MAX_HEAD_WORDS
    ):
        return None
    if not f.speaker_in(toks, lo, b):
        return None
    head = _source(f, lo, b)
    names = [j for j in range(b + 1, comma) if toks[j].is_word]
    if head is not None and 2 <= len(names) <= 4 and all(f.name_word(toks, j) for j in names):
        # "the commissioner, Aderemi Padokun, confirmed": the person the apposition names
        span = Span(head[0].start, toks[comma - 1].end)
        if head[0] in f.guessed:
            f.guessed.add(span)
        return span, span.slice(f.doc.text)[head[0].end - head[0].start :].strip(" ,"), head[2]
    return head


def lone_lower(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are one lower-case word (a pronoun more often than a speaker)."""
    words = [t for t in toks[a:b] if t.is_word]
    return len(words) == 1 and not words[0].is_capitalized


def positional_speaker(
    f: Finder, pack: LanguagePack, sent: Sentence, m_start: int, m_end: int, comp: int | None
) -> Source | None:
    """The speaker of the verb cue at tokens ``[m_start, m_end)`` by its position alone."""
    toks = f.doc.tokens
    lo, hi = sent.tok_start, sent.tok_end
    end = _last_word(toks, lo, hi)
    # "CONTENT, CUE PHRASE." (aux words allowed between the comma and the cue)
    k = m_start - 1
    while (
        k > lo and m_start - k <= _MAX_AUX and toks[k].is_word and len(toks[k].text) <= _MAX_AUX_LEN
    ):
        k -= 1
    tail = comp is None or comp >= end  # "…, X told AFP that …" opens its content
    if (
        tail
        and k > lo
        and toks[k].text in _TAIL_OPEN
        and _valid(f, pack, m_end, end, MAX_PHRASE_WORDS)
    ):
        # "…, erklärte das örtliche Widerstandskomitee | am Donnerstag": the phrase, not the
        # time or place after it
        stop = f.np_end(toks, m_end, end)
        cut = m_end < stop < end and toks[stop].lower in f.lex.function_words
        found = (_source(f, m_end, stop) if cut else None) or _source(f, m_end, end)
        if found is not None and found[0] in f.guessed:
            # "The commissioner, Aderemi Padokun, confirmed the attacks", "Министерство,
            # подконтрольное ХАМАС, сообщило о 31 погибшем": what follows is the object; the
            # subject opens the sentence before its apposition
            return _apposed_head(f, pack, lo, k) or found
        return found
    # "CONTENT, PHRASE CUE (on Monday)."
    if _words(toks, m_end, end) <= _MAX_AFTER_CUE and comp is None:
        a = m_start
        while a > lo and toks[a - 1].text not in _BREAKS:
            a -= 1
        if (
            a > lo
            and toks[a - 1].text in _TAIL_OPEN
            and _valid(f, pack, a, m_start, MAX_PHRASE_WORDS)
        ):
            return _source(f, a, _before_aux(f, a, m_start))
    # "PHRASE CUE that …" / "PHRASE, apposition, CUE: …"
    opens = comp is not None or (m_end < hi and toks[m_end].text in {":", ","})
    if not opens or m_start <= lo:
        return None
    a = m_start
    while a > lo and toks[a - 1].text not in _BREAKS:
        a -= 1
    if a == m_start:  # the cue follows a comma: an apposition closes before it
        commas = [j for j in range(lo, m_start - 1) if toks[j].text == ","]
        if len(commas) >= 2 and not any(
            toks[j].text in _BREAKS - {","} for j in range(lo, m_start)
        ):
            # "Por su parte, el portavoz de la milicia, Pedro Ramos, aseguró": the phrase before
            # the apposition, after an opening adverbial
            a2, b2 = commas[-2] + 1, commas[-1]
            if _valid(f, pack, a2, b2, _MAX_HEAD_WORDS):
                return _source(f, a2, b2)
        b = lo
        while b < m_start and toks[b].text not in _BREAKS:
            b += 1
        if b < m_start and toks[b].text == "," and _valid(f, pack, lo, b, _MAX_HEAD_WORDS):
            return _source(f, lo, b)
        return None
    if _valid(f, pack, a, m_start, _MAX_HEAD_WORDS) and (a == lo or toks[a - 1].text == ","):
        return _source(f, a, _before_aux(f, a, m_start))
    return None


def headline_tail(
    doc: Doc, f: Finder, pack: LanguagePack, sent: Sentence
) -> AttributionMention | None:
    """Wire-style headline sources: "CONTENT – SOURCE", "CONTENT - governor",
    "CONTENT (sources sécuritaires)"."""
    if not doc.headline:
        return None
    toks = doc.tokens
    lo = sent.tok_start
    end = _last_word(toks, lo, sent.tok_end)
    closing = end < sent.tok_end and toks[end].text == ")"
    k = end - 1
    # a quoted name in the tail ("– речник ОСУВ «Хортиця»") is part of the speaker phrase
    while k > lo and (toks[k].text not in _BREAKS | _DASHES or toks[k].text in _QUOTE_MARKS):
        k -= 1
    colon = next(
        (
            j
            for j in range(end - 1, max(lo, end - _MAX_HEADLINE_TAIL - 3), -1)
            if toks[j].text == ":"
        ),
        None,
    )
    if colon is not None and toks[k].text == ",":
        k = colon  # "… kill Hezbollah fighter, two children: group, official media"
    if k <= lo or _words(toks, lo, k) < 3:
        return None
    mark = toks[k].text
    if mark == "(" and not closing:
        return None
    if mark not in _DASHES and mark not in {"(", ":"}:
        return None
    if mark in _DASHES and toks[k - 1].end == toks[k].start:
        return None  # a hyphen inside a word: "Al-Shabaab"
    if not _valid(f, pack, k + 1, end, _MAX_HEADLINE_TAIL, names=True):
        return None
    a, b = k + 1, end
    if b < sent.tok_end and toks[b].text in _QUOTE_MARKS and _opened(toks, a, b):
        b += 1  # the closing mark of a quoted name stays with it
    known = f.noun_kind(a, b) is not None or any(f.entity_at(t) is not None for t in toks[a:b])
    if mark in {"(", ":"} and not known:
        return None  # "(video)", "(updated)", "…: live": not a source
    src = _source(f, a, b)
    content = trim(doc, toks[lo].start, toks[k].start)
    if src is None or content is None:
        return None
    cue = Span(toks[k].start, toks[k].end)
    found_by = "lexicon" if src[0] not in f.guessed else "headline"
    return mention(content, src, cue, Certainty.ASSERTED, cue_text=mark, found_by=found_by)


def _opened(toks: tuple[Token, ...], a: int, b: int) -> bool:
    """An opening quote mark among tokens ``[a, b)`` has no closing one after it."""
    marks = [t.text for t in toks[a:b] if t.text in _QUOTE_MARKS]
    return len(marks) % 2 == 1


def own_subject(f: Finder, sent: Sentence, after: int) -> Source | None:
    """ "Die Armee hat nach eigenen Angaben …", "the army, by its own account, …": when an
    ``own`` word follows a reporting phrase (within two words of token ``after``), the clause's
    subject reports itself — the first speaker-like entity of the sentence, before the phrase
    when there is one, else after it."""
    toks = f.doc.tokens
    if not any(t.lower in f.lex.own for t in toks[after : min(after + 2, sent.tok_end)]):
        return None
    cut = toks[after].start
    near = [
        e
        for e in f.entities
        if sent.span.start <= e.span.start and e.span.end <= sent.span.end and not f.quoted(e.span)
    ]
    before = [e for e in near if e.span.end <= cut]
    later = [e for e in near if e.span.start > cut + 1]
    pick = before[0] if before else later[0] if later else None
    return None if pick is None else f.of_entity(pick)


def country_rubric(doc: Doc, head: Span) -> bool:
    """A country before a headline's colon ("Sudan: …", "Colombia: 10 soldiers killed") is the
    story's rubric, not a speaker; a city speaks for its government ("Kiew: …")."""
    return any(
        p.span.start <= head.start
        and head.end <= p.span.end
        and p.location is not None
        and p.location.precision == "country"
        for p in doc.places
    )


def past_medium(
    doc: Doc, f: Finder, a: AttributionMention, media: list[Match[str]]
) -> AttributionMention:
    """ "сообщил в Telegram губернатор области": the medium (with its preposition) the source
    phrase starts with is where the words were said (it goes to ``via``), not part of the
    speaker's name."""
    src = a.source
    if src is None:
        return a
    toks = doc.tokens
    for mm in media:
        first, last = toks[mm.start].start, toks[mm.end - 1].end
        if not first <= src.start < last or last >= src.end:
            continue
        k = mm.end
        while k < len(toks) and toks[k].start < src.end and not toks[k].is_word:
            k += 1
        if k >= len(toks) or toks[k].start >= src.end:
            return a
        rest = Span(toks[k].start, src.end)
        return dataclasses.replace(a, source=rest, source_name=f.strip(rest))
    return a


_CLAUSE_MARKS = _DASHES | {":", ";", ","}  # marks that open a new clause


def headline_clause_end(doc: Doc, sent: Sentence, k: int) -> int:
    """Where the content of a cue from token ``k`` on ends: the sentence end, or in a headline
    a spaced dash that opens its next clause ("Moskau meldet Einnahme von Soledar - Kiew
    dementiert")."""
    if not doc.headline:
        return sent.span.end
    text = doc.text
    return next(
        (
            t.start
            for t in doc.tokens[k + 1 : sent.tok_end]
            if t.text in _DASHES
            and text[t.start - 1 : t.start].isspace()
            and text[t.end : t.end + 1].isspace()
        ),
        sent.span.end,
    )


def bare_denial(doc: Doc, sent: Sentence, src: Span, cue: Span) -> Span | None:
    """A denial with nothing after its verb that opens its clause ("… - Kiew dementiert",
    "Israel denies"): the clause itself, the speaker's denial of what was just reported."""
    k = bisect.bisect_left(doc.tokens, src.start, key=lambda t: t.start)
    opens = k == sent.tok_start or doc.tokens[k - 1].text in _CLAUSE_MARKS
    return trim(doc, src.start, cue.end) if opens and src.end <= cue.start else None
