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
from fogofwar.nlp.attribution_entities import PUNCT, Source, inside, trim
from fogofwar.nlp.attribution_subjects import Subjects
from fogofwar.nlp.doc import AttributionMention, EntityMention
from fogofwar.nlp.matcher import Token

__all__ = ["PUNCT", "Finder", "Source", "inside", "trim"]

_CARRIER_PENALTY = 200  # chars: a channel named after a preposition yields to a speaker
_FALLBACK_ACTOR_PENALTY = 6  # a bare force noun is a weaker speaker than a person or source noun
_MAX_APPOSITION = 14
_MAX_TAIL_SOURCE = 6
_TAIL_BEFORE = frozenset({",", "—", "–", "“", "”", '"', "«", "»", "‘", "’"})
_MAX_LOCATIVE_GAP = 3  # words between a speaker and the locative phrase after it
_MAX_SUBJECT_GAP = 8  # words between a clause's subject and its speech verb
_ADDRESSEE_MODIFIERS = 2  # words before the media noun of an addressee ("told local TV")


def _words(toks: tuple[Token, ...], a: int, b: int) -> int:
    return sum(1 for t in toks[a:b] if t.is_word)


class Finder(Subjects):
    """Per-document source finder: the speaker next to a cue and pronoun resolution."""

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

    def tail_prep_ok(self, toks: tuple[Token, ...], start: int, end: int, hi: int) -> bool:
        """A ``tail_preps`` cue ("so") counts only as "…, so der Sprecher." at a sentence end."""
        if end - start != 1 or toks[start].lower not in self.lex.tail_preps:
            return True
        if start == 0 or toks[start - 1].text not in _TAIL_BEFORE:
            return False
        words = sum(1 for t in toks[end:hi] if t.is_word)
        return 0 < words <= _MAX_TAIL_SOURCE

    def _head(
        self, toks: tuple[Token, ...], m_start: int, m_end: int, lo: int, hi: int, after: bool
    ) -> int | None:
        if after:
            j = self.lex.skip_adverbs(toks, m_end, lo, hi, 1)
            if j < hi and toks[j].lower in self.lex.complementizers:
                return None  # "said that fighters had …": the content opens, not a speaker
            while j < hi and toks[j].lower in self.pack.determiners:
                j += 1
            ok = j < hi and self._head_ok(toks, j)
        else:
            j = self.lex.skip_adverbs(toks, m_start - 1, lo, hi, -1)
            j = self._past_quoted_name(toks, j, lo)
            j = self._past_locative(toks, j, lo)
            j = self._past_complement(toks, j, lo)
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
            and (self._governed(toks, first, lo) or first in self.sent_first)
        ):
            # "Zugleich räumte es ein": a capitalised sentence opener is no speaker when the
            # other side of the verb holds one
            first, after = other, not after
        if (
            first is not None
            and after
            and (not self.strong(toks, first) or _words(toks, first, hi) > _MAX_TAIL_SOURCE)
            and self.apposition_closed(toks, m_start, lo)
        ):
            # "Der Polizeichef, Ahmed Musa, bestätigte den Angriff", "A spokesman, John Mbeki,
            # said fighters had …": the object or the content, not an inverted speaker
            return None
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

    def relative_antecedent(
        self, toks: tuple[Token, ...], m_start: int, lo: int, hi: int
    ) -> Source | None:
        """ "la Red de Médicos, que acusó …", "Amnesty, qui a dénoncé …", "the ministry, which
        said …": a relative pronoun right before the verb cue, after a comma, stands for the
        phrase before the comma, which speaks."""
        rel, comma = m_start - 1, m_start - 2
        if comma <= lo or toks[comma].text != ",":
            return None
        word = toks[rel].lower
        if word not in self.pack.relative_pronouns and word not in self.lex.complementizers:
            return None
        end = comma
        if toks[end - 1].text == ")":  # "Las Fuerzas de Apoyo Rápido (FAR), que …"
            end = next(
                (k for k in range(end - 2, max(lo, end - 8), -1) if toks[k].text == "("), end
            )
        j = self._head(toks, end, end + 1, lo, hi, after=False)
        return None if j is None else self._phrase_source(toks, j, comma, lo, comma, False)

    def opening_subject(self, toks: tuple[Token, ...], m_start: int, lo: int) -> Source | None:
        """The speaker phrase that opens the clause of the verb cue at token ``m_start`` ("The
        Syrian Observatory for Human Rights said …"), when one stands within a few words."""
        k = self._subject_before(toks, m_start, lo)
        return None if k is None else self._phrase_source(toks, k, m_start, lo, m_start, False)

    def apposition_closed(self, toks: tuple[Token, ...], m_start: int, lo: int) -> bool:
        """ "HEAD, APPOSITION, CUE": the verb at token ``m_start`` follows the comma that closes
        an apposition to the phrase opening the sentence — the subject stands before it, and
        the words after the verb are its object. One comma before that one, and no event verb
        or cue between the sentence start and the verb (a clause there is content: "Drei
        Menschen wurden getötet, sagte Müller")."""
        k = m_start - 1
        if k <= lo or toks[k].text != ",":
            return False
        commas = [j for j in range(lo, k) if toks[j].text == ","]
        if len(commas) != 1 or commas[0] == lo or commas[0] + 1 == k:
            return False
        if any(not m.payload.nominal for m in self.pack.triggers.find(toks, lo, k)):
            return False
        if self.pack.cues.find(toks, lo, k):
            return False
        return self.speaker_in(toks, lo, commas[0])

    def speaker_in(self, toks: tuple[Token, ...], a: int, b: int) -> bool:
        """Tokens ``[a, b)`` hold a speaker word: a pronoun, entity, role or source noun, or
        a capitalised name past the sentence's first word ("Атака отбита" is no speaker)."""
        return any(
            self.strong(toks, j) or (j not in self.sent_first and self.name_word(toks, j))
            for j in range(a, b)
        )

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
        j = self.lex.skip_adverbs(toks, m_start - 1, lo, m_start, -1)
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
        head = k - 1
        named = self._opening_name(toks, head, lo)
        if not (
            first.lower in self.pack.determiners
            or first.lower in self.pack.relative_pronouns
            or self._noun(toks, k + 1)
            or self.name_word(toks, k + 1)
            # "Ivan Petrov, head of the regional administration, wrote": after a named
            # person, a bare apposition describes them whatever its first word
            or (first.is_word and named)
        ):
            return None
        if not self._head_ok(toks, head) or self.quoted(Span(toks[head].start, toks[j].end)):
            return None
        src = self._phrase_source(toks, head, k, lo, k, after=False)
        return Span(src[0].start, toks[j].end), src[1], src[2]

    def _opening_name(self, toks: tuple[Token, ...], head: int, lo: int) -> bool:
        """A person's name (two name words at least, or a person entity) ends at token
        ``head`` and opens its clause: the sentence starts there or a comma stands before it
        ("However, Ivan Petrov, …"), not a name inside a phrase ("near the Dar Al-Arqam
        school, …")."""
        e = self.entity_at(toks[head])
        start = head
        while start - 1 >= lo and self.name_word(toks, start - 1):
            start -= 1
        if e is not None and e.category == "person":
            start = min(start, next(k for k in range(lo, head + 1) if toks[k].end > e.span.start))
        elif start == head:
            return False
        return start == lo or toks[start - 1].text == ","

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
