"""Subjects a verb cue shares or hides behind: the phrase that opens the sentence (for a
participle or coordinated cue, "…, adding that …", "… und fügte hinzu"), the subject before a
relative clause ("Die Gruppe, die sich auf Quellen stützt, meldete"), the head noun before a
quoted name ("die Organisation „Memorial“ teilte mit") and the body a remit complement belongs
to ("Сирийская обсерватория по правам человека сообщила"). Split from
:mod:`fogofwar.nlp.attribution_source`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_entities import Source, Speakers
from fogofwar.nlp.matcher import Token

if TYPE_CHECKING:
    from fogofwar.nlp.attribution_source import Finder

__all__ = ["Subjects", "verb_subject"]

_NO_SPEAKER = frozenset({None, SourceKind.UNNAMED})  # a statement or report noun names none
_MAX_COMPLEMENT_SCAN = 4  # words of a complement between a source noun and the verb
_MAX_QUOTED_SCAN = 7  # tokens back from a closing quotation mark to its opening one
_OPENER_WORDS = 4  # words before the head of a sentence's opening subject ("The regional governor")


class Subjects(Speakers):
    """The subject-finding steps of :class:`~fogofwar.nlp.attribution_source.Finder`."""

    def clause_opener(
        self, toks: tuple[Token, ...], lo: int, stop: int, relative: bool = False
    ) -> Source | None:
        """The speaker that opens the sentence from token ``lo`` (within its first few words,
        before token ``stop``): the subject a participle cue after a comma shares ("Starovoyt
        urged residents to stay calm, adding that …", "…, ajoutant que …", "…, добавив, что …").
        With ``relative``, only a subject a relative clause follows ("Die Beobachtungsstelle,
        die sich auf Quellen stützt, meldete …", "Las FAR, que controlan la ciudad, acusaron")."""
        k = lo
        while k < stop and toks[k].lower in self.pack.determiners:
            k += 1
        for j in range(k, min(stop, k + _OPENER_WORDS)):
            if toks[j].text == "," and not relative and j > k:
                # "Mardi soir, l'ONG a …": an opening adverbial; the subject follows it
                return self.clause_opener(toks, j + 1, stop, relative) if j + 1 < stop else None
            if not toks[j].is_word:
                return None
            named = j == k and self.name_word(toks, j)  # "Starovoyt urged …"
            if (named or self.strong(toks, j)) and not self._carrier_at(toks[j]):
                if self._governed(toks, j, lo):
                    return None
                src = self._phrase_source(toks, j, stop, lo, stop, False)
                if relative and not self._relative_after(toks, src[0], stop):
                    return None
                nxt = bisect.bisect_left(self._tok_starts, src[0].end)
                if not relative and nxt + 1 < stop and toks[nxt].text == ",":
                    # "Mardi soir, l'ONG …" (an adverbial first) or "An adviser, Omar Bashir,
                    # rejected …" (an apposition): the phrase after the comma, if it is one
                    return self.clause_opener(toks, nxt + 1, stop) or src
                return src
        return None

    def _relative_after(self, toks: tuple[Token, ...], phrase: Span, stop: int) -> bool:
        """A relative clause opens right after ``phrase`` (past a parenthesis: "(SOHR), die")."""
        k = bisect.bisect_left(self._tok_starts, phrase.end)
        if k < stop and toks[k].text == "(":
            k = next((i + 1 for i in range(k, stop) if toks[i].text == ")"), stop)
        if k + 1 >= stop or toks[k].text != ",":
            return False
        rel = toks[k + 1].lower
        return (
            rel in self.pack.relative_pronouns
            or rel in self.lex.complementizers
            or (
                rel in self.lex.function_words
                and k + 2 < stop
                and toks[k + 2].lower in self.pack.relative_pronouns
            )
        )

    def _past_quoted_name(self, toks: tuple[Token, ...], j: int, lo: int) -> int:
        """ "Правозащитная группа «Гражданский контроль» заявила": a quoted name right before
        the verb belongs to the head noun before its opening mark, which speaks."""
        for k in range(j - 1, max(lo - 1, j - _MAX_QUOTED_SCAN), -1):
            if self.quoted_name(toks, k, j + 1) == j:
                return k - 1 if k - 1 >= lo and self._head_ok(toks, k - 1) else k + 1
        return j

    def _past_complement(self, toks: tuple[Token, ...], j: int, lo: int) -> int:
        """ "Сирийская обсерватория по правам человека сообщила", "the Observatory for Human
        Rights said": a word that names no speaker, inside a complement linked to a source noun
        just before it, belongs to that noun, which speaks."""
        if j < lo or not toks[j].is_word or self._source_noun(toks[j]) is not None:
            return j
        e = self.entity_at(toks[j])
        if e is not None and (e.category in {"person", "source"} or e.source_kind is not None):
            return j
        for h in range(j - 1, max(lo, j - _MAX_COMPLEMENT_SCAN) - 1, -1):
            if not toks[h].is_word:
                return j
            if toks[h].lower in self.lex.np_links or toks[h].lower in self.lex.complement_links:
                g = h - 1
                while g >= lo and toks[g].lower in self.pack.determiners:
                    g -= 1
                body = self.entity_at(toks[g]) if g >= lo else None
                kind = body.source_kind if body is not None else None
                if g >= lo and (kind or self._source_noun(toks[g])) not in _NO_SPEAKER:
                    return g  # not "In einer Erklärung vom Montag teilte …"
        return j


def verb_subject(
    f: Finder, toks: tuple[Token, ...], m_start: int, m_end: int, lo: int, hi: int
) -> tuple[Source | None, int | None]:
    """The speaker of the verb cue at tokens ``[m_start, m_end)`` as the words around it name
    it, and the comma right before a finite cue (``None`` when there is none, or the cue is a
    participle): the caller's last resort is a subject before a relative clause there.

    A participle after a comma ("…, adding that", "…, en précisant que") or a cue coordinated
    with the verb before it ("… and added", "… und fügte hinzu") shares the sentence's opening
    subject; a relative pronoun before the verb ("la Red de Médicos, que acusó") stands for the
    phrase before its comma; otherwise the phrase next to the verb speaks, unless it is the
    subject of an event verb after it ("said Islamic State fighters killed …")."""
    src: Source | None = None
    pause = m_start - 1
    if pause - 1 > lo and toks[pause].lower in f.lex.gerund_markers:
        pause -= 1
    after_comma = pause > lo and toks[pause].text == ","
    participle = after_comma and toks[m_start].lower.endswith(f.lex.participle_endings or ("\0",))
    if participle:
        src = f.clause_opener(toks, lo, pause)
    elif m_start - 1 > lo and f.pack.joiners.match_at(toks, m_start - 1, m_start) is not None:
        src = f.clause_opener(toks, lo, m_start - 1)
    if src is None:
        src = f.relative_antecedent(toks, m_start, lo, hi)
    if src is None and after_comma and not participle:
        # "Más tarde, el Ministerio de Exteriores, que confirmó el canje, cifró …": the comma
        # before the verb closes a relative clause; the phrase before it speaks
        opens = next((k for k in range(pause - 1, lo, -1) if toks[k].text == ","), None)
        if opens is not None and opens + 2 < pause:
            src = f.relative_antecedent(toks, opens + 2, lo, hi)
    if src is None:
        src = f.next_to(toks, m_start, m_end, lo, hi, after=False)
    if src is not None and src[0].start >= toks[m_end - 1].end and _acts(f, toks, src[0], hi):
        src = f.opening_subject(toks, m_start, lo)
    return src, pause if after_comma and not participle else None


def _acts(f: Finder, toks: tuple[Token, ...], phrase: Span, hi: int) -> bool:
    """An event verb (not a noun) follows ``phrase`` before the next comma: its subject."""
    k = bisect.bisect_left([t.start for t in toks[:hi]], phrase.end)
    j = next((i for i in range(k, hi) if toks[i].text in {",", ";", ":", "(", "—", "–"}), hi)
    return any(not m.payload.nominal for m in f.pack.triggers.find(toks, k, j))
