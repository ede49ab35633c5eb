"""Which words of a clause assert an event: the claim builder's selection rules.

1. Event words (``[[triggers]]``) in a main clause; relative and qualifier clauses are background.
   A noun (``nominal = true``) counts only with a light verb ("Fluchtversuche unternommen",
   "carried out strikes"), next to a verbal casualty word with a figure ("shelling killed 5"),
   or in the headline; a noun that carries a count ("погибших", "постраждалих") also counts next
   to its figure ("25 погибших"), or when its figure rises (a pack ``rise`` phrase with a
   figure: "число погибших … выросло до 35", "Zahl der Toten stieg auf 33"). A word whose pack
   row lists ``context`` words counts only when one of them is in the clause ("exchanged" beside
   "prisoners").
2. Analysis is not a claim: a clause whose event words are all nouns and whose predicate is an
   evaluative verb ("Der Einsatz … unterstreicht", "The deployment shows") yields nothing; nor
   does a clause with a speculative modal plus an evaluative verb ("könnte … widerspiegeln").
   Event words inside an attribution's source phrase ("a mercenary fighting on the Russian
   side said") describe the source, not an event, and are left out.
"""

from __future__ import annotations

import bisect
from typing import Any

from fogofwar.claim import ClaimKind, SourceKind
from fogofwar.nlp.doc import Clause
from fogofwar.nlp.matcher import Match, PhraseMatcher
from fogofwar.nlp.place_items import place_headed
from fogofwar.nlp.separable import separable_triggers
from fogofwar.nlp.tolls import VICTIM_COUNTS, TollReader
from fogofwar.packs import Trigger

__all__ = ["EventReader"]


class EventReader(TollReader):
    """The event words of a clause (a mixin of the claim builder: ``doc``, ``pack``, ``toks``,
    ``starts`` and the per-document memos ``_has``, ``_every`` and ``_in_source``)."""

    _has: dict[tuple[int, int, int], bool]
    _every: dict[tuple[int, int], list[Match[Trigger]]]
    _in_source: dict[int, bool]

    def has(self, matcher: PhraseMatcher[Any], lo: int, hi: int) -> bool:
        """Whether ``matcher`` matches in tokens ``[lo, hi)``; remembered per document (the
        clause views, the kind and the certainty ask the same questions)."""
        key = (id(matcher), lo, hi)
        hit = self._has.get(key)
        if hit is None:
            hit = self._has[key] = matcher.any_in(self.toks, lo, hi)
        return hit

    def in_source(self, offset: int) -> bool:
        """Whether character ``offset`` lies in an attribution's source phrase (remembered
        per document: every clause asks of its event words)."""
        got = self._in_source.get(offset)
        if got is None:
            got = self._in_source[offset] = any(
                a.source is not None and a.source.start <= offset < a.source.end
                for a in self.doc.attributions
            )
        return got

    def background(self, clause: Clause) -> list[Clause]:
        """Relative and qualifier clauses inside ``clause``: background, not its events."""
        return [
            c
            for c in self.doc.clauses
            if c.sentence == clause.sentence
            and (c.relative or c.qualifier)
            and clause.tok_start <= c.tok_start <= clause.tok_end
        ]

    def events(self, clause: Clause) -> list[Match[Trigger]]:
        """The event words that make ``clause`` a claim (module rules 1-2); none when it
        asserts no event."""
        pack, toks = self.pack, self.toks
        bg = self.background(clause)
        found = [
            m
            for m in self.every(clause)
            if not any(b.tok_start <= m.start < b.tok_end for b in bg)
            and not self.in_source(toks[m.start].start)
        ]
        if not found or self.doc.headline:
            return found
        if self.has(pack.habitual, clause.tok_start, clause.tok_end):
            return []  # habitual background ("Russia regularly shells …"): no one event
        verbal = [m for m in found if not m.payload.nominal]
        light = self.has(pack.light_verbs, clause.tok_start, clause.tok_end)
        evaluative = self.has(pack.evaluative, clause.tok_start, clause.tok_end)
        speculative = self.has(pack.speculative, clause.tok_start, clause.tok_end)
        # what footage shows of a strike (smoke, flames, damage: evidence words) is seen, not
        # analysis: "a video shows smoke over the deck", "кадры показывают следы пожара"
        seen = all(m.payload.evidence for m in found)
        if evaluative and (speculative or (not verbal and not seen)):
            return []
        counted = any(m.payload.count for m in verbal) and any(
            clause.tok_start <= q.tok_start < clause.tok_end for q in self.doc.quantities
        )
        if light or counted or self.toll(clause, found) or self.witnessed(clause, found):
            return found
        if self.zero_toll(clause, found):
            return found  # "No casualties were reported", "keine Opfer": an explicit zero toll
        if place_headed(self.doc, clause.tok_start, clause.tok_end):
            return found  # "Сумщина — удари КАБами по Білопіллю;" (nlp/place_items.py)
        if self.has(pack.existentials, clause.tok_start, clause.tok_end):
            verbal += [m for m in found if m.payload.nominal and m.payload.count in VICTIM_COUNTS]
        return verbal + [m for m in found if self.tallied(m, clause) and m not in verbal]

    def zero_toll(self, clause: Clause, found: list[Match[Trigger]]) -> bool:
        """A casualty noun with a pack zero word right before it ("no casualties", "keine
        Opfer", "без жертв"): the clause asserts a toll of zero (annotating-claims: 0..0)."""
        zeros = [z.end for z in self.pack.zero.find(self.toks, clause.tok_start, clause.tok_end)]
        return any(
            m.payload.nominal
            and m.payload.kind == ClaimKind.CASUALTIES
            and any(0 <= m.start - end <= 1 for end in zeros)
            for m in found
        )

    def witnessed(self, clause: Clause, found: list[Match[Trigger]]) -> bool:
        """Witnesses report the event noun ("Residents reported fighting", "Жители сообщили о
        боях"): a witness's reporting verb in the clause, the noun at most two words after
        it, asserts the event."""
        for a in self.doc.attributions:
            if a.source_kind != SourceKind.WITNESS or a.cue is None or a.source is None:
                continue
            if not clause.span.start <= a.cue.start < clause.span.end:
                continue
            k = bisect.bisect_left(self.starts, a.cue.end)
            if any(0 <= m.start - k <= 2 for m in found):
                return True
        return False

    def every(self, clause: Clause) -> list[Match[Trigger]]:
        """All event words of the clause, without those whose context words are missing."""
        toks = self.toks
        lo, hi = clause.tok_start, clause.tok_end
        hit = self._every.get((lo, hi))
        if hit is None:
            found = self.pack.triggers.find(toks, lo, hi)
            found = [self.verb_inside(m) for m in found]
            taken = {k for m in found for k in range(m.start, m.end)}
            found += [
                m for m in separable_triggers(self.doc, self.pack, lo, hi) if m.start not in taken
            ]
            hit = self._every[(lo, hi)] = sorted(
                (
                    m
                    for m in found
                    if (m.payload.context is None or m.payload.context.find(toks, lo, hi))
                    and not self.describes(m)
                    and not self.unpeopled(m, lo, hi)
                ),
                key=lambda m: m.start,
            )
        return list(hit)

    def verb_inside(self, m: Match[Trigger]) -> Match[Trigger]:
        """A noun phrase matched through its last word's lemma ("Drones attacked" read as
        "drone attack"): when that word, as written, is a verbal event word of its own
        ("attacked"), the clause has a subject and its verb, not the noun — the verb match."""
        if not m.payload.nominal or m.end - m.start < 2:
            return m
        last = self.toks[m.end - 1]
        word = m.pattern.split()[-1]
        if last.lower == word or (word.endswith("*") and last.lower.startswith(word[:-1])):
            return m  # matched as written ("drone attacks")
        alone = self.pack.triggers.find(self.toks, m.end - 1, m.end)
        if alone and not alone[0].payload.nominal and alone[0].pattern == last.lower:
            return alone[0]
        return m

    def describes(self, m: Match[Trigger]) -> bool:
        """A word of support set off after a name with its agent (", backed by Rwanda,", ",
        soutenus par le Rwanda,"): it says who the name is, no event of its own."""
        toks = self.toks
        return (
            m.payload.kind == ClaimKind.DIPLOMACY
            and m.start > 0
            and toks[m.start - 1].text == ","
            and m.end < len(toks)
            and toks[m.end].lower in self.pack.agents
        )

    def toll(self, clause: Clause, found: list[Match[Trigger]]) -> bool:
        """A counted noun whose figure rises ("число погибших … выросло до 35", "Zahl der
        Toten stieg auf 33"): a ``rise`` phrase with a figure after it asserts the toll."""
        if not any(m.payload.count for m in found):
            return False
        return bool(self.risen(clause))
