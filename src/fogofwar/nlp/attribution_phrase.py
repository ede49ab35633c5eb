"""Noun phrases of sources: which words may head a source phrase and how far the phrase grows.

The head grows left over capitalised words, role and source nouns ("Defense Secretary Lloyd
Austin", "Kreml-Sprecher Peskow") and up to two modifiers after a determiner ("the former
secretary"), and right over a linked complement ("a spokesman *for* the ministry").
:class:`Phrases` holds the per-document word tables; the source finder
(:mod:`fogofwar.nlp.attribution_source`) builds on it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import Doc, EntityMention
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack

__all__ = ["Phrases"]

_MAX_MODIFIERS = 2
_MAX_COMPLEMENT = 5
_MAX_PAREN = 8
_MAX_QUOTED_NAME = 4  # words of a quoted name after its head noun ("группа «Гражданский контроль»")
_NAME_OPEN = frozenset({"«", "„", "“", '"'})
_NAME_CLOSE = frozenset({"»", "“", "”", '"'})


class Phrases:
    """Per-document tables (entities, token offsets, words seen in lower case) and the noun
    phrase rules that read them."""

    def __init__(self, doc: Doc, pack: LanguagePack, quotes: Sequence[Span]) -> None:
        self.doc, self.pack, self.quotes = doc, pack, list(quotes)
        self.lex = lexicon(doc.lang)
        toks = doc.tokens
        self.entities = [e for e in doc.entities if e.category in {"actor", "person", "source"}]
        for t in toks:
            role = self.lex.pronouns.get(t.lower)
            if role is not None:
                sp = Span(t.start, t.end)
                self.entities.append(EntityMention(sp, t.text, "pronoun", actor_kind=role))
        self.entities.sort(key=lambda e: e.span.start)
        self._ent_starts = [e.span.start for e in self.entities]
        self._tok_starts = [t.start for t in toks]
        self.excluded: list[Span] = []  # sources of nested ("citing X") cues in this sentence
        self.guessed: set[Span] = set()  # sources found by position whose kind is a guess
        self.sent_first = frozenset(s.tok_start for s in doc.sentences)
        # words the text also writes in lower case are no names at a sentence start ("Daraufhin")
        self.lower_seen = frozenset(t.lower for t in toks if t.is_word and not t.is_capitalized)

    def entity_at(self, tok: Token) -> EntityMention | None:
        """The entity covering token ``tok``, if any."""
        i = bisect.bisect_right(self._ent_starts, tok.start) - 1
        for e in self.entities[max(0, i - 2) : i + 1]:
            if e.span.start <= tok.start and tok.end <= e.span.end:
                return e
        return None

    # -- noun phrases ---------------------------------------------------------------------
    def name_word(self, toks: tuple[Token, ...], j: int) -> bool:
        t = toks[j]
        if not t.is_capitalized or not t.is_word:
            return False
        if t.lower in self.lex.function_words:
            return False
        if j in self.sent_first and t.lower in self.lower_seen:
            return False
        return self.pack.cues.match_at(toks, j, j + 1) is None

    def _noun(self, toks: tuple[Token, ...], j: int) -> bool:
        one = (toks[j],)
        hit = self.pack.roles.match_at(one, 0, 1) or self.pack.sources.match_at(one, 0, 1)
        if hit is None:
            return False
        if hit.pattern.lower() == toks[j].lower:
            return True
        cue = self.pack.cues.match_at(one, 0, 1)  # "berichteten" ~ "berichten": a verb
        return cue is None or cue.payload.type != "verb"

    def _head_ok(self, toks: tuple[Token, ...], j: int) -> bool:
        t = toks[j]
        e = self.entity_at(t)
        if e is not None and e.category == "actor" and e.normalized is None:
            # a bare force noun ("the troops") rarely speaks; a role noun does ("the mercenary")
            return e.source_kind is not None or self._noun(toks, j)
        if t.lower in self.lex.pronouns or e is not None:
            return True
        return self.name_word(toks, j) or self._noun(toks, j)

    def phrase(self, toks: tuple[Token, ...], a: int, b: int, lo: int, hi: int) -> Span:
        """Tokens ``[a, b]`` grown into the full noun phrase within ``[lo, hi)``."""
        if toks[a].lower in self.lex.pronouns:
            return Span(toks[a].start, toks[b].end)
        while True:
            a = self._names_left(toks, a, lo)
            k, mods = a - 1, 0
            grown = False
            while k >= lo and mods <= _MAX_MODIFIERS:
                t = toks[k]
                if t.lower in self.pack.determiners and t.lower not in self.pack.subordinators:
                    a, grown = k, False
                    k = lo - 1  # a determiner opens the phrase
                    break
                if self.name_word(toks, k) and mods:
                    a, grown = k, True  # "Republican presidential candidate Donald Trump"
                    break
                if not self._modifier(toks, k):
                    break
                k, mods = k - 1, mods + 1
            if not grown:
                a, grown = self._link_left(toks, a, lo)
            if not grown:
                break
        b = self._right(toks, b, hi)
        return Span(toks[a].start, toks[b].end)

    def _link_left(self, toks: tuple[Token, ...], a: int, lo: int) -> tuple[int, bool]:
        """ "a spokesman *for* the ministry", "Sprecher *des* Ministeriums": the phrase grows
        over a link word to the noun before it."""

        def noun(k: int) -> bool:
            return k >= lo and (self._noun(toks, k) or self.name_word(toks, k))

        if a - 2 >= lo and toks[a - 1].lower in self.lex.np_links and noun(a - 2):
            return a - 2, True
        # "le ministère libanais | de la Santé": an adjective after its noun, before the link
        if (
            a - 3 >= lo
            and toks[a - 1].lower in self.lex.np_links
            and self._modifier(toks, a - 2)
            and self._noun(toks, a - 3)
        ):
            return a - 3, True
        if toks[a].lower in self.lex.np_links and noun(a - 1):
            return a - 1, True
        if (  # "il ministero libanese | della Sanità" (the link is the phrase's determiner)
            a - 2 >= lo
            and toks[a].lower in self.lex.np_links
            and self._modifier(toks, a - 1)
            and self._noun(toks, a - 2)
        ):
            return a - 2, True
        return a, False

    def _names_left(self, toks: tuple[Token, ...], a: int, lo: int) -> int:
        while a - 1 >= lo:
            p = a - 1
            if self.name_word(toks, p) or self._noun(toks, p):
                a = p
            elif toks[p].text == "." and p > lo and toks[p - 1].lower in self.pack.abbreviations:
                a = p - 1
            else:
                break
        return a

    def _modifier(self, toks: tuple[Token, ...], k: int) -> bool:
        """A lower-case word that may stand inside a source phrase ("former", "senior")."""
        t = toks[k]
        if not t.is_word or t.is_capitalized or t.lower in self.lex.function_words:
            return False
        if t.lower in self.pack.subordinators or t.lower in self.lex.cue_adverbs:
            return False
        if t.lower in self.pack.relative_pronouns or t.lower in self.lex.pronouns:
            return False
        return self.pack.cues.match_at(toks, k, k + 1) is None

    def _right(self, toks: tuple[Token, ...], b: int, hi: int) -> int:
        j = b + 1
        while j < hi and (self.name_word(toks, j) or self._noun(toks, j)):
            b, j = j, j + 1
        quoted = self.quoted_name(toks, j, hi)
        if quoted is not None:  # "группа «Гражданский контроль»", "the channel 'Rybar'"
            return quoted
        if j < hi and toks[j].text == "(":  # "Sen. Bernie Sanders (I-Vt.)"
            close = next(
                (k for k in range(j + 1, min(hi, j + _MAX_PAREN)) if toks[k].text == ")"), None
            )
            if close is not None:
                return close
        if j < hi and toks[j].lower in self.lex.np_links:
            k = j + 1
            while k < hi and toks[k].lower in self.pack.determiners:
                k += 1
            end = None
            while (
                k < hi
                and k - j <= _MAX_COMPLEMENT
                and (self.name_word(toks, k) or self._noun(toks, k))
            ):
                end, k = k, k + 1
            if end is not None:
                b = end
        return b

    def quoted_name(self, toks: tuple[Token, ...], j: int, hi: int) -> int | None:
        """The closing mark of a short capitalised name in quotation marks opening at token
        ``j`` ("«Гражданский контроль»", "„Memorial“"), when it closes before ``hi``."""
        if j >= hi or toks[j].text not in _NAME_OPEN:
            return None
        for k in range(j + 1, min(hi, j + 2 + _MAX_QUOTED_NAME)):
            if toks[k].text in _NAME_CLOSE:
                return k if k > j + 1 and toks[j + 1].is_capitalized else None
            if not toks[k].is_word and toks[k].text not in {"-", "–", "'", "’"}:
                return None
        return None

    def strong(self, toks: tuple[Token, ...], j: int) -> bool:
        """A pronoun, entity, role or source noun (not just a capitalised word)."""
        t = toks[j]
        return t.lower in self.lex.pronouns or self.entity_at(t) is not None or self._noun(toks, j)

    def _governed(self, toks: tuple[Token, ...], j: int, lo: int) -> bool:
        """True when a preposition-like function word stands right before ``j`` ("Im
        Interview sagte der Soldat"), or opens the clause one head noun before it ("Про обстріл
        Херсона повідомив"): the word is no subject."""
        k = j - 1
        while k >= lo and self.name_word(toks, k):
            k -= 1
        if k < lo:
            return False
        low = toks[k].lower
        if low in self.lex.function_words and low not in self.pack.determiners:
            return True
        # one head noun between ("Про обстріл Херсона повідомив …"): the name is its genitive
        if k - 1 < lo or not toks[k].is_word or toks[k].text[:1].isupper():
            return False
        prev = toks[k - 1].lower
        return (
            k - 1 == lo
            and low not in self.lex.function_words
            and prev in self.lex.function_words
            and prev not in self.pack.determiners
        )
