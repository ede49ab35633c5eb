"""Sources of attributions: the speaker next to a cue, its full noun phrase, pronoun referents.

* **Adjacent source** — the words right before a verb cue (skipping ``cue_adverbs``: "X also
  said") or right after it (inverted: "…, said X", "sagte der Sprecher", "заявил Путин"): a
  pronoun, an entity, a source or role noun, or a capitalised name.
* **Full noun phrase** — the head grows left over capitalised words, role and source nouns
  ("Defense Secretary Lloyd Austin", "Kreml-Sprecher Peskow") and up to two modifiers after a
  determiner ("the former secretary"), and right over a linked complement ("a spokesman *for*
  the ministry"). Determiners stay in the span and are stripped from the name.
* **Pronouns** ("he said", "sagte sie", "он заявил", "він сказав") keep the pronoun as source
  span; :meth:`Finder.resolve` names them after the last named person (``group``: organisation
  or actor) before them.
"""

from __future__ import annotations

import bisect
import dataclasses

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_phrase import Phrases
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.nlp.matcher import Token

__all__ = ["PUNCT", "Finder", "Source", "inside", "trim"]

Source = tuple[Span, str, SourceKind]
PUNCT = frozenset(".,;:!?…\"'»«“”„‚‘’›‹()—–-")
_OPENERS = {"„": '“”"', "«": "»", "»": "«", "“": "”", '"': '"', "‚": "‘’", "‹": "›", "‘": "’"}
_CLOSERS = frozenset('“”"»«‘’›')
_CARRIER_PENALTY = 200  # chars: a channel named after a preposition yields to a speaker
_FALLBACK_ACTOR_PENALTY = 6  # a bare force noun is a weaker speaker than a person or source noun
_MAX_APPOSITION = 14
_MAX_TAIL_SOURCE = 6
_TAIL_BEFORE = frozenset({",", "—", "–", "“", "”", '"', "«", "»", "‘", "’"})
_MAX_LOCATIVE_GAP = 3  # words between a speaker and the locative phrase after it
_MAX_SUBJECT_GAP = 8  # words between a clause's subject and its speech verb
_ADDRESSEE_MODIFIERS = 2  # words before the media noun of an addressee ("told local TV")
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
        elif not (c.isspace() or c in PUNCT):
            break
        end -= 1
    return Span(start, end) if end > start else None


class Finder(Phrases):
    """Per-document helpers: entity lookup, source noun phrases and pronoun resolution."""

    # -- entities -------------------------------------------------------------------------
    def quoted(self, span: Span) -> bool:
        return any(inside(span, q) for q in self.quotes) or any(
            inside(span, x) for x in self.excluded
        )

    def source_near(
        self, cue: Span, region: Span, content: Span | None, speakers_only: bool = False
    ) -> Source | None:
        """The entity nearest to ``cue`` inside ``region`` and outside ``content``.

        ``speakers_only`` skips bare force nouns ("the troops"), which rarely speak.
        """
        best: tuple[int, EntityMention] | None = None
        lo = bisect.bisect_left(self._ent_starts, region.start)
        for e in self.entities[lo:]:
            if e.span.start >= region.end:
                break
            if not inside(e.span, region) or (content is not None and inside(e.span, content)):
                continue
            if self.quoted(e.span):
                continue
            bare = e.category == "actor" and e.normalized is None and e.source_kind is None
            if speakers_only and bare:
                continue
            if e.span.end <= cue.start:
                dist = cue.start - e.span.end
            elif e.span.start >= cue.end:
                dist = e.span.start - cue.end + 1
                if self._addressee(cue, e) and self.apposed_subject(cue):
                    continue
            else:
                continue
            if e.category == "actor" and e.normalized is None:
                dist += _FALLBACK_ACTOR_PENALTY
            if self.carrier(e):
                dist += _CARRIER_PENALTY
            if best is None or dist < best[0]:
                best = (dist, e)
        return None if best is None else self.of_entity(best[1])

    def _addressee(self, cue: Span, e: EntityMention) -> bool:
        """ "told Ukrainian television", "told AFP": an outlet right after the speech verb is
        whom the speaker told, not the speaker."""
        toks = self.doc.tokens
        k = bisect.bisect_left(self._tok_starts, e.span.start)
        j = bisect.bisect_left(self._tok_starts, cue.end)
        between = toks[j:k]
        return (
            k < len(toks)
            and len(between) <= 1
            and all(t.lower in self.pack.determiners for t in between)
            and self._addressed(toks, k)
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

    def tail_prep_ok(self, toks: tuple[Token, ...], start: int, end: int, hi: int) -> bool:
        """A ``tail_preps`` cue ("so") counts only as "…, so der Sprecher." at a sentence end."""
        if end - start != 1 or toks[start].lower not in self.lex.tail_preps:
            return True
        if start == 0 or toks[start - 1].text not in _TAIL_BEFORE:
            return False
        words = sum(1 for t in toks[end:hi] if t.is_word)
        return 0 < words <= _MAX_TAIL_SOURCE

    def noun_kind(self, start: int, stop: int) -> SourceKind | None:
        """Kind of the first source or role noun in tokens ``[start, stop)``, if any."""
        toks = self.doc.tokens
        for k in range(start, stop):
            one = (toks[k],)
            hit = self.pack.sources.match_at(one, 0, 1) or self.pack.roles.match_at(one, 0, 1)
            if hit is not None:
                return hit.payload
        return None

    def _head(
        self, toks: tuple[Token, ...], m_start: int, m_end: int, lo: int, hi: int, after: bool
    ) -> int | None:
        if after:
            j = m_end
            while j < hi and toks[j].lower in self.lex.cue_adverbs:
                j += 1
            while j < hi and toks[j].lower in self.pack.determiners:
                j += 1
            ok = j < hi and self._head_ok(toks, j)
        else:
            j = m_start - 1
            while j >= lo and toks[j].lower in self.lex.cue_adverbs:
                j -= 1
            j = self._past_locative(toks, j, lo)
            # right before the verb even a bare force noun speaks ("the militia said")
            ok = j >= lo and (self._head_ok(toks, j) or self.entity_at(toks[j]) is not None)
        if not ok or self.quoted(Span(toks[j].start, toks[j].end)):
            return None
        return j

    def _past_locative(self, toks: tuple[Token, ...], j: int, lo: int) -> int:
        """ "La Protezione civile palestinese a Gaza ha annunciato", "the health ministry in
        Gaza said": a place governed by a preposition right before the verb is where the speaker
        sits; the speaker is the entity or source noun a few words before the preposition."""
        if j < lo or not (self._in_place(toks[j]) or self._governed_body(toks, j)):
            return j
        k = j
        while k - 1 >= lo and self.name_word(toks, k - 1):
            k -= 1
        k -= 1  # the preposition
        if k < lo or not self._governed(toks, k + 1, lo):
            return j
        for h in range(k - 1, max(lo, k - 1 - _MAX_LOCATIVE_GAP) - 1, -1):
            if self.strong(toks, h) and toks[h].lower not in self.lex.pronouns:
                return h
            if not toks[h].is_word:
                break
        return j

    def _governed_body(self, toks: tuple[Token, ...], j: int) -> bool:
        """ "источник в полиции сообщил", "a source at the ministry said": a body right before
        the verb inside a prepositional phrase is where the speaker sits, not the speaker."""
        e = self.entity_at(toks[j])
        if e is None or e.category == "person":
            return False
        k = bisect.bisect_left(self._tok_starts, e.span.start)
        return (
            k > 0
            and toks[k - 1].lower in self.lex.function_words
            and toks[k - 1].lower not in self.pack.determiners
        )

    def _in_place(self, tok: Token) -> bool:
        return any(p.span.start <= tok.start and tok.end <= p.span.end for p in self.doc.places)

    def next_to(
        self, toks: tuple[Token, ...], m_start: int, m_end: int, lo: int, hi: int, after: bool
    ) -> Source | None:
        """The source phrase next to a verb cue: on the ``after`` side first, unless only the
        other side holds a pronoun, entity or source noun ("Im Interview sagte der Soldat")."""
        first = self._head(toks, m_start, m_end, lo, hi, after)
        other = self._head(toks, m_start, m_end, lo, hi, not after)
        if first is None or (
            other is not None
            and self.strong(toks, other)
            and (not self.strong(toks, first) or self._carrier_at(toks[first]))
            and self._governed(toks, first, lo)
        ):
            first, after = other, not after
        if first is not None and after and self._addressed(toks, first):
            # "a medical source at the hospital told AFP", "источник сообщил ТАСС", "X told
            # reporters": an outlet or the press after the verb is its addressee when the
            # clause names a speaker before the verb
            subject = self._subject_before(toks, m_start, lo)
            if subject is not None:
                first, after = subject, False
            else:  # "сообщил РИА Новости член совета Владимир Белов": the speaker follows
                past = self._past_outlet(toks, first)
                later = self._subject_after(toks, past, hi)
                if later is not None:
                    first, lo = later, past  # the phrase does not grow back over the outlet
                elif self.apposed_subject(Span(toks[m_start].start, toks[m_end - 1].end)):
                    return None  # "A spokesman …, Viktor Lysenko, told Ukrainian television"
        if first is not None and not after and self._dative(toks, first, lo):
            # "Die Armee habe den Bewohnern mitgeteilt": the addressee; the subject speaks
            subject = self._subject_before(toks, self._dative(toks, first, lo) or first, lo)
            if subject is not None:
                first = subject
        if first is None:
            return None
        return self._phrase_source(toks, first, m_start, lo, hi, after)

    def _dative(self, toks: tuple[Token, ...], k: int, lo: int) -> int | None:
        """Index of the dative determiner (pack ``datives``) that opens the phrase of head word
        ``k`` (over up to two lower-case modifiers), if any."""
        if not self.lex.datives:
            return None
        for j in range(k - 1, max(lo - 1, k - 4), -1):
            if toks[j].lower in self.lex.datives:
                return j
            if not toks[j].is_word or toks[j].text[:1].isupper():
                return None
        return None

    def _addressed(self, toks: tuple[Token, ...], k: int) -> bool:
        """Token ``k`` after a speech verb may be its addressee: an outlet or channel ("told
        AFP"), or a media role noun ("told reporters", "сказал журналистам")."""
        if self._carrier_at(toks[k]) or self._media_noun(toks[k]):
            return True
        # "told Ukrainian television", "told state media": a media noun after its modifiers
        for j in range(k + 1, min(len(toks), k + 1 + _ADDRESSEE_MODIFIERS)):
            if not toks[j].is_word:
                return False
            if self._media_noun(toks[j]):
                return True
        return False

    def apposed_subject(self, cue: Span) -> bool:
        """ "A spokesman for …, Viktor Lysenko, told": a person named in apposition closes
        with a comma right before the cue — the subject stands before it."""
        toks = self.doc.tokens
        k = bisect.bisect_left(self._tok_starts, cue.start)
        if k < 2 or toks[k - 1].text != ",":
            return False
        e = self.entity_at(toks[k - 2])
        if e is not None:
            return e.category == "person"
        return self.name_word(toks, k - 2) and self.name_word(toks, k - 3)

    def addressed(self, toks: tuple[Token, ...], k: int) -> bool:
        """Token ``k`` after a speech verb may be its addressee (an outlet, "reporters")."""
        return self._addressed(toks, k)

    def _media_noun(self, tok: Token) -> bool:
        return self.entity_at(tok) is None and self._source_noun(tok) == SourceKind.MEDIA

    def _subject_before(self, toks: tuple[Token, ...], m_start: int, lo: int) -> int | None:
        """The speaker word (entity, role or source noun; no outlet) that opens the clause of a
        verb: within a few words before it, with no punctuation between and not governed by a
        preposition."""
        k = m_start - 1
        found: int | None = None
        while k >= max(lo, m_start - _MAX_SUBJECT_GAP) and toks[k].is_word:
            if self.quoted(Span(toks[k].start, toks[k].end)):
                return None
            if (
                toks[k].lower not in self.lex.pronouns
                and self.strong(toks, k)
                and not self._carrier_at(toks[k])
                and not self._governed(toks, k, lo)
            ):
                found = k  # the leftmost speaker word: "source" in "a source at the hospital"
            k -= 1
        return found

    def _past_outlet(self, toks: tuple[Token, ...], outlet: int) -> int:
        """The first token after the outlet named from token ``outlet`` ("агентству AFP")."""
        k = outlet
        while k < len(toks) and self._addressed(toks, k):
            e = self.entity_at(toks[k])
            k = max(k + 1, bisect.bisect_left(self._tok_starts, e.span.end)) if e else k + 1
        return k

    def _subject_after(self, toks: tuple[Token, ...], k: int, hi: int) -> int | None:
        """The speaker word after an addressed outlet ("сообщили агентству AFP два источника"):
        the first entity, role or source noun from token ``k`` on, within a few words and with
        no punctuation between."""
        stop = min(hi, k + _MAX_SUBJECT_GAP)
        while k < stop and toks[k].is_word:
            if self.strong(toks, k) and not self._carrier_at(toks[k]):
                return k
            k += 1
        return None

    def appositive(self, toks: tuple[Token, ...], m_start: int, lo: int) -> Source | None:
        """ "Graham, a former candidate, said" / "X, who runs Y, said": the name, its apposition
        or relative clause and the closing comma."""
        j = m_start - 1
        while j >= lo and toks[j].lower in self.lex.cue_adverbs:
            j -= 1
        if j <= lo or toks[j].text != ",":
            return None
        for k in range(j - 1, max(lo, j - _MAX_APPOSITION) - 1, -1):
            if toks[k].text in {",", "(", "—", "–"}:
                break
        else:
            return None
        if k <= lo or k + 1 >= j:
            return None
        first = toks[k + 1]
        if not (
            first.lower in self.pack.determiners
            or first.lower in self.pack.relative_pronouns
            or self._noun(toks, k + 1)
            or self.name_word(toks, k + 1)
        ):
            return None
        head = k - 1
        if not self._head_ok(toks, head) or self.quoted(Span(toks[head].start, toks[j].end)):
            return None
        src = self._phrase_source(toks, head, k, lo, k, after=False)
        return Span(src[0].start, toks[j].end), src[1], src[2]

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
        kind = SourceKind.WITNESS
        for k in range(a, b + 1):
            hit = self._source_noun(toks[k])
            if hit is not None:
                kind = hit
        return span, self.strip(span), self.fallback_kind(span, kind)

    def _source_noun(self, t: Token) -> SourceKind | None:
        """Kind of a source or role noun; of a hyphen compound's last part ("US-Beamte")."""
        one = (t,)
        hit = self.pack.sources.match_at(one, 0, 1) or self.pack.roles.match_at(one, 0, 1)
        if hit is None and "-" in t.lower:
            tail = t.lower.rsplit("-", 1)[1]
            part = (dataclasses.replace(t, text=tail, lower=tail, lemma=tail),)
            hit = self.pack.sources.match_at(part, 0, 1) or self.pack.roles.match_at(part, 0, 1)
        return hit.payload if hit is not None else None

    # -- pronouns -------------------------------------------------------------------------
    def resolve(self, atts: list[AttributionMention]) -> list[AttributionMention]:
        """Name pronoun sources after the last named person (or group) before them."""
        named: list[tuple[int, str, str, SourceKind]] = []  # (offset, class, name, kind)
        for e in self.entities:
            if e.category == "person":
                named.append((e.span.start, "person", *self.of_entity(e)[1:]))
            elif e.category in {"actor", "source"} and (e.normalized or e.source_kind):
                named.append((e.span.start, "group", *self.of_entity(e)[1:]))
        for a in atts:
            if a.source is not None and a.source_name and not self._is_pronoun(a.source):
                named.append((a.source.start, "person", a.source_name, a.source_kind))
        named.sort(key=lambda x: x[0])
        offsets = [x[0] for x in named]
        out = []
        for a in atts:
            if a.source is None or not self._is_pronoun(a.source):
                out.append(a)
                continue
            n = self._norm(a.source)
            spoken = None if n in self.lex.pronouns else self._last_speaker(a, atts)
            if spoken is not None:  # a possessive ("по его словам"): the last speaker
                out.append(spoken)
                continue
            want = self.lex.pronouns.get(n) or self.lex.possessives.get(n, "any")
            i = bisect.bisect_left(offsets, a.source.start) - 1
            while i >= 0 and named[i][1] != want and want != "any":
                i -= 1
            if i >= 0:
                a = dataclasses.replace(a, source_name=named[i][2], source_kind=named[i][3])
            out.append(a)
        return out

    def _last_speaker(
        self, a: AttributionMention, atts: list[AttributionMention]
    ) -> AttributionMention | None:
        """``a`` named after the last named source speaking before it, if any."""
        src = a.source
        before = [
            b
            for b in atts
            if b.source is not None
            and src is not None
            and b.source.start < src.start
            and b.source_name
            and not self._is_pronoun(b.source)
        ]
        if not before:
            return None
        b = max(before, key=lambda b: b.source.start if b.source else 0)
        return dataclasses.replace(a, source_name=b.source_name, source_kind=b.source_kind)

    def _norm(self, span: Span) -> str:
        return span.slice(self.doc.text).lower().replace("’", "ʼ").replace("'", "ʼ")

    def _is_pronoun(self, span: Span) -> bool:
        n = self._norm(span)
        return n in self.lex.pronouns or n in self.lex.possessives
