"""Source entities and their noun phrases: which kind a speaker is and what it is called.

* **Kind** — an entity's own source kind, a person's (witness), a role noun's ("mercenary" →
  combatant) or its actor kind's (state forces → military).
* **Name** — a person's normalised name; for other phrases the words of the span without leading
  determiners ("a spokesman for the ministry" → "spokesman for the ministry").
* **Phrase** — the head's entity or capitalised run grown into the full noun phrase
  (:class:`fogofwar.nlp.attribution_phrase.Phrases`).

:class:`Speakers` holds these per-document helpers; the clause-level source finder
(:mod:`fogofwar.nlp.attribution_source`) builds on it.
"""

from __future__ import annotations

import bisect
import dataclasses

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_phrase import Phrases
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.nlp.matcher import Token
from fogofwar.packs.files import pack_meta

__all__ = ["PUNCT", "Source", "Speakers", "inside", "mention", "trim"]

Source = tuple[Span, str, SourceKind]


def mention(
    content: Span,
    src: Source,
    cue: Span,
    certainty: Certainty,
    *,
    cue_text: str,
    found_by: str = "lexicon",
    direct: bool = False,
    kind: SourceKind | None = None,
) -> AttributionMention:
    """The attribution of ``content`` to the source triple ``src`` (span, name, kind; ``kind``
    overrides its kind) by the cue ``cue``."""
    return AttributionMention(
        content,
        src[0],
        cue,
        direct,
        src[1],
        kind if kind is not None else src[2],
        certainty,
        cue_text=cue_text,
        found_by=found_by,
    )


PUNCT = frozenset(".,;:!?…\"'»«“”„‚‘’›‹()—–-")
_OPENERS = {"„": '“”"', "«": "»", "»": "«", "“": "”", '"': '"', "‚": "‘’", "‹": "›", "‘": "’"}
_CLOSERS = frozenset('“”"»«‘’›')
_ATTRIBUTE_ENDINGS = ("e", "en", "er", "es", "em")  # German attributive inflection
_ACTOR_SOURCE = {
    "state_forces": SourceKind.MILITARY,
    "government": SourceKind.GOVERNMENT,
    "armed_group": SourceKind.MILITARY,  # a named armed group speaks through its officials
    "organization": SourceKind.NGO_IO,
}


def inside(span: Span, outer: Span) -> bool:
    """True when ``span`` lies within ``outer``."""
    return outer.start <= span.start and span.end <= outer.end


def trim(doc: Doc, start: int, end: int) -> Span | None:
    """Span of ``text[start:end]`` without surrounding spaces and punctuation; quotation marks
    stay when the span holds their partner ("that “there’s no room”")."""
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in PUNCT):
        pair = _OPENERS.get(text[start], "")
        if pair and any(c in text[start + 1 : end] for c in pair):
            break
        start += 1
    while end > start:
        c = text[end - 1]
        if c in _CLOSERS:
            paired = any(o in text[start : end - 1] for o, cl in _OPENERS.items() if c in cl)
            if paired:
                break
        elif c == ")" and text.count("(", start, end) > text.count(")", start, end - 1):
            break  # "Донецкого агентства новостей (ДАН)": the bracket closes an abbreviation
        elif not (c.isspace() or c in PUNCT):
            break
        end -= 1
    return Span(start, end) if end > start else None


class Speakers(Phrases):
    """Per-document helpers: entity lookup, source kinds, names and noun phrases."""

    def quoted(self, span: Span) -> bool:
        return any(inside(span, q) for q in self.quotes) or any(
            inside(span, x) for x in self.excluded
        )

    def _carrier_at(self, tok: Token) -> bool:
        e = self.entity_at(tok)
        return e is not None and self.kind(e) in {SourceKind.SOCIAL_MEDIA, SourceKind.MEDIA}

    def carrier(self, e: EntityMention) -> bool:
        """A channel or outlet governed by a preposition ("у телеграм-каналі", "on Telegram",
        "im Interview mit dem Sender"): where the words were said, not who said them."""
        if self.kind(e) not in {SourceKind.SOCIAL_MEDIA, SourceKind.MEDIA}:
            return False
        k = bisect.bisect_left(self._tok_starts, e.span.start)
        lo = max(0, k - 3)
        return k < len(self.doc.tokens) and self._governed(self.doc.tokens, k, lo)

    def of_entity(self, e: EntityMention, span: Span | None = None) -> Source:
        """Source tuple of entity ``e`` (its span, or ``span`` when the phrase is longer)."""
        if e.category == "pronoun":
            return span or e.span, e.surface, SourceKind.WITNESS
        if e.category == "person":
            name = e.normalized or self.strip(e.span)
        else:  # "a spokesman for the ministry": the whole phrase names the source
            name = self.strip(span or e.span)
        return span or e.span, name, self.kind(e)

    def kind(self, e: EntityMention) -> SourceKind:
        """Source kind of an entity: its own, a person's (witness) or its actor kind's."""
        if e.source_kind is not None:
            return e.source_kind
        if e.category in {"person", "pronoun"}:
            return SourceKind.WITNESS
        role = self.role_kind(e.span) if e.category == "actor" and e.normalized is None else None
        if role is not None:  # "a Chinese mercenary", "the soldier": the role noun's kind
            return role
        return _ACTOR_SOURCE.get(e.actor_kind or "", SourceKind.MEDIA)

    def role_kind(self, span: Span) -> SourceKind | None:
        """Kind of the last role noun inside ``span`` ("mercenary" → combatant), if any."""
        toks = self.doc.tokens
        k = bisect.bisect_left(self._tok_starts, span.start)
        kind: SourceKind | None = None
        while k < len(toks) and toks[k].end <= span.end:
            hit = self.pack.roles.match_at((toks[k],), 0, 1)
            kind = hit.payload if hit is not None else kind
            k += 1
        return kind

    def speaker(self, toks: tuple[Token, ...], j: int) -> bool:
        """A role or source noun, or an entity that can speak (not a bare force noun)."""
        if self._noun(toks, j):
            return True
        e = self.entity_at(toks[j])
        if e is None or e.category == "pronoun":
            return False
        return not (e.category == "actor" and e.normalized is None and e.source_kind is None)

    def role_noun(self, toks: tuple[Token, ...], j: int) -> bool:
        """A role or source noun ("Söldner", "spokesman", "наемник"), not a reporting verb."""
        return self._noun(toks, j)

    def phrase_source(self, toks: tuple[Token, ...], head: int, lo: int, hi: int) -> Source:
        """The source noun phrase around ``head`` within tokens ``[lo, hi)``."""
        return self._phrase_source(toks, head, hi, lo, hi, after=False)

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
        if (  # "aus Gesundheitskreisen", "von Rettungskräften": a prep cue's own preposition
            len(words) > 1
            and (words[0] in self.lex.function_words or words[0] in self.lex.np_links)
            and words[1][:1].isupper()
            and words[1].lower() not in self.pack.determiners
        ):
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
        while lo <= j < hi and self.name_word(toks, j) and len(run) < 3:
            run.append(j)
            j += step
        if not run:
            return None
        a, b = min(run), max(run)
        return Span(toks[a].start, toks[b].end)

    def noun_kind(self, start: int, stop: int) -> SourceKind | None:
        """Kind of the first source or role noun in tokens ``[start, stop)``, if any."""
        toks = self.doc.tokens
        for k in range(start, stop):
            one = (toks[k],)
            hit = self.pack.sources.match_at(one, 0, 1) or self.pack.roles.match_at(one, 0, 1)
            if hit is not None:
                return hit.payload
        return None

    def _phrase_source(
        self, toks: tuple[Token, ...], head: int, m_start: int, lo: int, hi: int, after: bool
    ) -> Source:
        e = self.entity_at(toks[head])
        a, b = head, head
        if e is not None:
            while a - 1 >= lo and toks[a - 1].start >= e.span.start:
                a -= 1
            while b + 1 < hi and toks[b + 1].end <= e.span.end:
                b += 1
        elif toks[head].is_capitalized and not after:
            while a - 1 >= lo and self.name_word(toks, a - 1):
                a -= 1
        span = self.phrase(toks, a, b, lo, hi if after else m_start)
        inner = [x for x in self.entities if inside(x.span, span) and x.category != "pronoun"]
        inner.sort(key=lambda x: x.category != "person")
        if e is None and inner:
            e = inner[0]
        if e is not None:
            return self.of_entity(e, span)
        kind: SourceKind | None = None
        for k in range(a, b + 1):
            hit = self._source_noun(toks[k])
            if hit is not None:
                kind = hit
        if kind is None:  # "le ministre de la Communication": the noun the phrase grew to
            k = bisect.bisect_left(self._tok_starts, span.start)
            while kind is None and k < len(toks) and toks[k].end <= span.end:
                kind = self._source_noun(toks[k])
                k += 1
        return span, self.strip(span), self.fallback_kind(span, kind or SourceKind.WITNESS)

    @property
    def np_caps(self) -> bool:
        """The language capitalises its common nouns (pack ``[meta] capitalised_nouns``)."""
        return bool(pack_meta(self.doc.lang).get("capitalised_nouns"))

    def np_end(self, toks: tuple[Token, ...], a: int, hi: int) -> int:
        """End (exclusive) of the noun phrase opening at token ``a`` before ``hi``: it stops at
        a number, punctuation, a preposition or a determiner opening a second phrase after its
        head ("nach Angaben der SOHR | wurden bei …", "des Gouverneurs | ein Zivilist"), and —
        where nouns are capitalised — at a lower-case word after the head that no source noun
        follows ("der von der Hamas kontrollierten Gesundheitsbehörde" stays one phrase)."""
        caps = self.np_caps
        k, head, linked = a, False, True
        while k < hi:
            t = toks[k]
            glued = k > a and t.start == toks[k - 1].end and toks[k - 1].is_word  # "M23"
            if (not t.is_word or t.text[:1].isdigit()) and not glued:
                if head and t.text == "(":
                    close = next(
                        (c for c in range(k + 1, min(hi, k + 8)) if toks[c].text == ")"), 0
                    )
                    if close:
                        k = close + 1
                        continue
                break
            e = self.entity_at(t)
            low = t.lower
            if e is not None and e.category != "pronoun":
                if head and not linked and caps and e.category != "person":
                    break  # "der SOHR | Milizen": a second noun phrase, not the name's part
                k = max(k + 1, bisect.bisect_left(self._tok_starts, e.span.end))
                head, linked = True, False
                continue
            if low in self.lex.np_links:  # "Untersuchung der Armee": a genitive link
                linked = True
            elif low in self.pack.determiners:
                if head and not linked:
                    break
            elif low in self.lex.function_words:
                if head:
                    break
            elif t.is_capitalized or self._noun(toks, k):
                # a name after a role word ("des UNHCR-Sprechers William Spindler") or a run of
                # names goes on; another capitalised noun opens a second phrase
                prev = self.entity_at(toks[k - 1])
                named = (
                    self._source_noun(toks[k - 1]) is not None
                    or (prev is not None and prev.source_kind is not None)  # "Armeesprecher X"
                    or (self.name_word(toks, k - 1) and prev is None)
                )
                if head and not linked and caps and not named:
                    break
                head, linked = True, False
            elif head and caps and not linked:
                # only an inflected attribute links on ("kontrollierten"), not a verb ("hat")
                if not low.endswith(_ATTRIBUTE_ENDINGS) or not self._noun_follows(toks, k, hi):
                    break
                linked = True  # "kontrollierten | Gesundheitsbehörde": the modifier of a noun
            k += 1
        return k

    def _noun_follows(self, toks: tuple[Token, ...], k: int, hi: int) -> bool:
        """A source noun or source entity within two words after the lower-case word at
        ``k`` ("kontrollierten Gesundheitsbehörde")."""
        for j in range(k + 1, min(hi, k + 3)):
            if not toks[j].is_word:
                return False
            e = self.entity_at(toks[j])
            if (e is not None and e.source_kind is not None) or self._source_noun(toks[j]):
                return True
        return False

    def _source_noun(self, t: Token) -> SourceKind | None:
        """Kind of a source or role noun; of a hyphen compound's last part ("US-Beamte")."""
        one = (t,)
        hit = self.pack.sources.match_at(one, 0, 1) or self.pack.roles.match_at(one, 0, 1)
        if hit is None and "-" in t.lower:
            tail = t.lower.rsplit("-", 1)[1]
            part = (dataclasses.replace(t, text=tail, lower=tail, lemma=tail),)
            hit = self.pack.sources.match_at(part, 0, 1) or self.pack.roles.match_at(part, 0, 1)
        return hit.payload if hit is not None else None
