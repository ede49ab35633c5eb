"""Toll cues: the words around a figure or a casualty word that change what it counts.

Mixed into :class:`~fogofwar.nlp.tolls.TollReader` (and so into the claim builder): figures of
things ("13 missiles"), explicit zeros ("no casualties", "пострадавших нет"), verb negations
("не пострадал"), killed and wounded sharing one figure ("50 Tote und Verletzte"), a casualty
word that only describes the people counted ("cinq civils déplacés avaient été tués", "a
wounded soldier died"), places as a casualty verb's subject ("постраждали Сумщина"), and the
speaker of an attribution (no victim). All words come from the pack's ``[numbers]`` tables.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Any

from fogofwar.claim import ClaimKind, Count
from fogofwar.model import Span
from fogofwar.nlp.doc import Clause, Doc, Quantity
from fogofwar.nlp.matcher import Match, Token
from fogofwar.nlp.toll_guards import TollGuards
from fogofwar.nlp.victim_lists import listed_after
from fogofwar.nlp.victims import coordinated, listed_before
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["STRIKES", "VICTIM_COUNTS", "TollCues", "is_zero"]

VICTIM_COUNTS = ("killed", "injured", "missing")
#: event nouns a figure may count ("varios bombardeos"), and the strikes a deadly word marks
STRIKES = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})
_STRIKES = STRIKES
_VICTIM_COUNTS = VICTIM_COUNTS
_ZERO_SENTENCE = 12  # tokens of a next sentence that only says no one was hurt
_CONJUNCT_MARKS = frozenset({",", ";"})  # punctuation that may open the next conjunct
_OWN_FIGURE_GAP = (
    6  # words between a figure and its casualty word ("Zwei Menschen wurden bei dem Angriff")
)
_SET_OFF = frozenset({",", "(", "–", "—", ";"})  # before a figure in apposition
_GROUP_WORDS = 3  # words of a figure's group noun before a joiner ("two Ukrainian soldiers and")
_MODIFIER_LEN = 4  # a word between a figure and the thing it counts is no short function word
_UNREPORTED_GAP = 2  # words between a casualty noun and the negated report of it
_ZERO_AFTER = 2  # words between a casualty noun and the zero closing its clause ("gab es keine")


class TollCues(TollGuards):
    """Cue words of tolls over the builder's document (a mixin: ``doc``, ``pack``, ``toks``)."""

    doc: Doc
    pack: LanguagePack
    toks: tuple[Token, ...]
    used_q: set[Span]

    def counts_as(self, q: Quantity, name: str) -> bool:
        """A casualty word of count ``name`` right after the figure ("10 погибших")."""
        if q.tok_end >= len(self.toks):
            return False
        m = self.pack.triggers.match_at(self.toks, q.tok_end, len(self.toks))
        return m is not None and m.payload.count == name

    def incremental(self, q: Quantity) -> bool:
        """A pack ``increments`` word right before the figure ("ще двоє", "another two", "otros
        dos") or right after it ("two more", "zwei weitere", "deux autres"): more of a toll."""
        toks, inc = self.toks, self.pack.increments
        if not inc.size:
            return False
        near = inc.find(toks, max(0, q.tok_start - 2), q.tok_start)
        before = any(m.end == q.tok_start for m in near)
        after = q.tok_end < len(toks) and inc.match_at(toks, q.tok_end, len(toks)) is not None
        return before or after

    def counted_by(self, q: Quantity, clause: Clause, after: bool = False) -> str | None:
        """The count of the casualty word nearest to figure ``q`` in the clause (either side,
        in tokens; the one after it on a tie; only after it with ``after``), or None when the
        clause has none."""
        best: tuple[int, int, str] | None = None
        for m in self.pack.triggers.find(self.toks, clause.tok_start, clause.tok_end):
            if m.payload.count is None:
                continue
            later = m.start >= q.tok_end
            d = m.start - q.tok_end if later else q.tok_start - m.end
            if d < 0 or (after and not later):
                continue
            key = (d, 0 if later else 1, m.payload.count)
            best = key if best is None or key < best else best
        return None if best is None else best[2]

    def partitive(self, q: Quantity, clause: Clause | None = None) -> bool:
        """A figure set off to count part of a group (", three of them children", ", drei
        davon Kinder", ", cinque dei quali"): a comma before it, a pack qualifier word right
        after it ("killed six of them" is the toll itself)."""
        k, hi = q.tok_end, len(self.toks) if clause is None else clause.tok_end
        if q.tok_start == 0 or self.toks[q.tok_start - 1].text not in _SET_OFF:
            return False
        return k < hi and self.pack.qualifiers.match_at(self.toks, k, hi) is not None

    def named_too(
        self, figure: tuple[int | None, int | None, Span], clause: Clause, name: str | None = None
    ) -> tuple[int | None, int | None, Span]:
        """A figure's group joined to people named without one, after it ("two soldiers and a
        civilian", "двое военных и мирный житель") or listed before it ("a man, his wife and
        five children"; not people another figure or another toll counts: "загинув 1
        чоловік, 4 людини травмовані"): they are added."""
        low, high, span = figure
        toks, hi = self.toks, clause.tok_end
        lo = clause.tok_start
        first = bisect.bisect_left(toks, span.start, lo, hi, key=lambda t: t.start)
        while True:  # "a man, his wife and five children", "dos mujeres, un anciano y cuatro"
            before, start = listed_before(toks, first, lo, self.pack, self.speaker)
            if not before or self.counted_apart(start, name, clause):
                break
            first = start
            low = None if low is None else low + before
            high = None if high is None else high + before
            group = self.group_before(first, lo)  # "dos mujeres, …": a figure opens the list
            if group is None:
                break
            low = None if low is None or group.low is None else low + group.low
            high = None if high is None or group.high is None else high + group.high
            self.used_q.add(group.span)
            first = group.tok_start
        figure = (low, high, span)
        k = bisect.bisect_left(toks, span.end, clause.tok_start, hi, key=lambda t: t.start)
        for j in range(k, min(hi, k + _GROUP_WORDS + 1)):
            if toks[j].text == "," and j > k:  # "двоє дітей, жінка і чоловік"
                heads = (self.pack.groups.match_at(toks, x, j) for x in range(k, j))
                head = next((h.payload for h in heads if h is not None), None)
                added = listed_after(toks, j, hi, head, self.pack, self.speaker)
                if added:
                    low = None if low is None else low + added
                    high = None if high is None else high + added
                    return (low, high, span)
            if not toks[j].is_word or self.pack.triggers.match_at(toks, j, hi) is not None:
                return figure
            joiner = self.pack.joiners.match_at(toks, j, hi)
            if joiner is None:
                continue
            more = coordinated(toks, joiner.end, hi, self.pack, self.doc.lang, self.speaker)
            if not more:
                return figure
            return (
                None if low is None else low + more,
                None if high is None else high + more,
                span,
            )
        return figure

    def counted_apart(self, k: int, name: str | None, clause: Clause) -> bool:
        """The people listed from token ``k`` are another toll's: a figure ends right before
        them ("1 чоловік") or, a few words before them, a casualty word of another count than
        ``name`` ("загинула жінка, троє людей поранені")."""
        if any(q.tok_end == k for q in self.doc.quantities):
            return True
        lo = max(clause.tok_start, k - _GROUP_WORDS)
        return any(
            m.end <= k and m.payload.count not in (None, name)
            for m in self.pack.triggers.find(self.toks, lo, k)
        )

    def group_before(self, k: int, lo: int) -> Quantity | None:
        """A figure with its group noun ending in a comma or a joiner right before token ``k``
        ("*dos mujeres,* un anciano"), not yet used, with no casualty word between; or None."""
        toks = self.toks
        if k - 1 <= lo or not (
            toks[k - 1].text == "," or self.pack.joiners.match_at(toks, k - 1, k) is not None
        ):
            return None
        for q in self.doc.quantities:
            if lo <= q.tok_start and 0 < k - 1 - q.tok_end <= _GROUP_WORDS:
                between = range(q.tok_end, k - 1)
                if q.span in self.used_q or not all(toks[j].is_word for j in between):
                    continue
                if any(self.pack.triggers.match_at(toks, j, k - 1) for j in between):
                    continue
                return q
        return None

    def possessive(self, t: Token) -> bool:
        """A pack ``one`` word ("его", "його"): inside a group of victims it is skipped."""
        return self.pack.one.match_at((t,), 0, 1) is not None

    def places_suffered(self, m: Match[Trigger], clause: Clause) -> bool:
        """A casualty verb whose subject is a place ("постраждали Сумщина, Одещина …"): the
        regions suffered, no people are counted."""
        if m.payload.nominal or m.end >= clause.tok_end:
            return False
        start = self.toks[m.end].start
        return any(p.span.start <= start < p.span.end and not p.is_demonym for p in self.doc.places)

    def describes_dead(self, m: Match[Trigger], clause: Clause) -> bool:
        """A wound word without a figure that describes the people who died ("раненный … юноша
        скончался", "a wounded soldier died"): a verbal killed word follows in the clause with
        no joiner, punctuation or figure between, or stands right before it ("погиб раненый
        боец", "скончался раненый")."""
        if m.payload.count == "killed":
            return False
        toks, hi = self.toks, clause.tok_end
        if m.start > clause.tok_start:  # right after the death verb: "погиб раненый боец"
            x = self.pack.triggers.match_at(toks, m.start - 1, m.start)
            if x is not None and x.payload.count == "killed" and not x.payload.nominal:
                return True
        for k in range(m.end, hi):
            if toks[k].text in "-‐–" or toks[k].text.isdecimal():
                continue  # an age: "18-летний юноша"
            if not toks[k].is_word or self.pack.joiners.match_at(toks, k, hi) is not None:
                return False
            if any(q.tok_start == k for q in self.doc.quantities):
                return False
            x = self.pack.triggers.match_at(toks, k, hi)
            if x is not None and x.payload.count == "killed" and not x.payload.nominal:
                return True
        return False

    def modifier(self, m: Match[Trigger], q: Quantity, clause: Clause) -> bool:
        """Casualty word ``m`` only describes the people figure ``q`` counts — it stands right
        after their noun ("cinq civils déplacés") or between the figure and the noun ("five
        displaced civilians") — and a verbal casualty word of another count follows in the
        clause, with no joiner, punctuation or figure between ("… avaient été tués", "fünf
        vertriebene Zivilisten bei dem Angriff … getötet")."""
        toks, groups = self.toks, self.pack.groups
        hi = clause.tok_end
        after_noun = q.tok_end == m.start - 1 and groups.match_at(toks, q.tok_end, hi) is not None
        before_noun = (
            q.tok_end == m.start and m.end < hi and groups.match_at(toks, m.end, hi) is not None
        )
        if not (after_noun or before_noun):
            return False
        for k in range(m.end, hi):
            if not toks[k].is_word or self.pack.joiners.match_at(toks, k, hi) is not None:
                return False
            if any(q.tok_start == k for q in self.doc.quantities):
                return False
            x = self.pack.triggers.match_at(toks, k, hi)
            if x is not None and x.payload.count in _VICTIM_COUNTS:
                return x.payload.count != m.payload.count and not x.payload.nominal
        return False

    def conjunct(self, m: Match[Trigger], q: Quantity, clause: Clause) -> bool:
        """The figure after casualty word ``m`` opens the next conjunct: a joiner or a comma
        between them and a casualty word of another count after it ("una donna è morta e dieci
        persone sono rimaste ferite", "Zwei Menschen wurden getötet, mehrere weitere wurden
        verletzt")."""
        toks = self.toks
        between = range(m.end, q.tok_start)
        if (
            not self.pack.joiners.find(toks, m.end, q.tok_start)
            and not any(toks[k].text in _CONJUNCT_MARKS for k in between)
            and not any(toks[k].lower in self.pack.subordinators for k in between)
        ):  # "four soldiers were injured while one civilian was killed"
            return False
        if self.own_figure(m, clause):
            return True  # "12 people were killed and 49 were taken to hospital"
        return any(
            x.payload.count not in (None, m.payload.count)
            for x in self.pack.triggers.find(toks, q.tok_end, clause.tok_end)
        )

    def own_figure(self, m: Match[Trigger], clause: Clause) -> bool:
        """Casualty word ``m`` already has its figure on its own side: a toll figure a few
        words before it ("12 people were killed"), with no joiner or comma between them, so a
        figure after a joiner belongs to the next conjunct."""
        toks = self.toks
        for q in self.doc.quantities:
            if not q.toll or q.tok_end > m.start or q.tok_start < clause.tok_start:
                continue
            if m.start - q.tok_end > _OWN_FIGURE_GAP:
                continue
            gap = range(q.tok_end, m.start)
            if self.pack.joiners.find(toks, q.tok_end, m.start) or any(
                toks[k].text in _CONJUNCT_MARKS for k in gap
            ):
                continue
            return True
        return False

    def speaker(self, k: int) -> bool:
        """Token ``k`` stands in an attribution's source phrase (a speaker is no victim)."""
        start = self.toks[k].start
        return any(
            a.source is not None and a.source.start <= start < a.source.end
            for a in self.doc.attributions
        )

    def things(self, q: Quantity, hi: int) -> bool:
        """The figure counts things, not people: a pack ``objects`` noun ("13 Russian
        missiles", "dos drones") or an event noun ("varios bombardeos") within a couple of words
        after it, before any victim noun or casualty word."""
        toks, pack = self.toks, self.pack
        k = q.tok_end
        if k >= hi or not toks[k].is_word:
            return False
        part = pack.part_of.match_at(toks, k, hi)
        if part is not None and part.end < hi:  # "one of the missiles", "один із районів"
            k = part.end
        if any(m.match_at(toks, k, hi) for m in (pack.groups, pack.persons, pack.fighters)):
            return False  # people: "понад 30 бійців батальйону" counts fighters, not units
        if pack.objects.match_at(toks, k, hi) is not None:
            return True  # "два снаряда попали": the shells, even in a strike phrase
        trig = pack.triggers.match_at(toks, k, hi)
        if trig is not None:  # "varios bombardeos", not "dozens of protesters"
            return trig.payload.nominal and trig.payload.kind in _STRIKES
        thing = self.counts_thing(k, hi)  # by the analyser: "один из судов", "двох воєн"
        if thing is not None:
            return thing
        # one modifier between ("13 Russian missiles", "47 украинских беспилотников"), not a
        # short function word ("100 in attack") or an article
        word = toks[k].lower
        if len(word) < _MODIFIER_LEN or word in pack.determiners or k + 1 >= hi:
            return False
        return pack.objects.match_at(toks, k + 1, hi) is not None

    def family_size(self, q: Quantity) -> bool:
        """Figure ``q`` counts a person's children: a pack ``kin`` phrase ends right before it
        ("mother of five children", "мать пятерых детей"), no toll."""
        kin = self.pack.kin
        if not kin.size or q.tok_start == 0:
            return False
        near = kin.find(self.toks, max(0, q.tok_start - 3), q.tok_start)
        return any(m.end == q.tok_start for m in near)

    def zeroed(self, m: Match[Any], clause: Clause) -> bool:
        """See :meth:`zeroed_in`, within the clause."""
        return self.zeroed_in(m, clause.tok_start, clause.tok_end)

    def trailing_zero(self, clause: Clause, strike: bool = False) -> Span | None:
        """An explicit zero closing the clause's sentence after it, in words that make no claim
        of their own ("…, sans faire de victimes", "…, sin víctimas", "…; no one was hurt"),
        or — after a strike (``strike``) — a short next sentence of the paragraph saying only
        that with no event or casualty word of its own ("Aucune victime n'est à déplorer.",
        "No hubo víctimas."): where it stands, or None."""
        sents = self.doc.sentences
        sent = sents[clause.sentence]
        found = self.zero_in(clause.tok_end, sent.tok_end)
        if found is not None or not strike or clause.tok_end < sent.tok_end:
            return found
        k = clause.sentence + 1
        if k >= len(sents) or sents[k].paragraph != sent.paragraph:
            return None
        nxt = sents[k]
        if nxt.tok_end - nxt.tok_start > _ZERO_SENTENCE:
            return None
        if self.pack.triggers.find(self.toks, nxt.tok_start, nxt.tok_end):
            return None  # it makes its own (zero) claim, which joins the strike's later
        return self.zero_in(nxt.tok_start, nxt.tok_end)

    def zero_in(self, lo: int, hi: int) -> Span | None:
        """An explicit zero in tokens ``[lo, hi)`` holding no event word but casualty words."""
        if lo >= hi:
            return None
        words = self.pack.triggers.find(self.toks, lo, hi)
        if any(
            w.payload.count not in _VICTIM_COUNTS and w.payload.subtype != "losses" for w in words
        ):
            return None
        found: list[Match[Any]] = [*words, *self.pack.harm.find(self.toks, lo, hi)]
        for h in found:
            if self.zeroed_in(h, lo, hi):
                return Span(self.toks[h.start].start, self.toks[h.end - 1].end)
        return None

    def zeroed_in(self, m: Match[Any], lo: int, hi: int) -> bool:
        """An explicit zero on the casualty word: a pack ``zero`` word right before it ("no
        casualties", "keine Verletzten", "без жертв", "не пострадал"), with at most one word
        between ("no further casualties"), or right after it closing the clause
        ("пострадавших нет.", "жертв немає")."""
        toks = self.toks
        for z in self.pack.zero.find(toks, max(lo, m.start - 4), m.start):
            if 0 <= m.start - z.end <= 1 or self._opens_subject(z, m, lo):
                return True
        for k in range(m.end, min(hi, m.end + _ZERO_AFTER + 1)):  # "Verletzte gab es keine"
            after = self.pack.zero.match_at(toks, k, hi)
            if after is not None and (after.end >= hi or not toks[after.end].is_word):
                return True
            if not toks[k].is_word or self.pack.joiners.match_at(toks, k, hi) is not None:
                break  # not across "и": "о пострадавших и разрушениях нет" is no count
        return self.unreported(m, lo, hi)

    def _opens_subject(self, z: Match[Any], m: Match[Any], lo: int) -> bool:
        """A zero word opening the clause, its noun and auxiliaries before the casualty verb
        ("No civilians were killed", "Keine Zivilisten wurden verletzt", "Ningún soldado
        resultó herido"): only words, at most three, between them."""
        toks = self.toks
        opens = all(not toks[k].is_word for k in range(lo, z.start))
        return (
            opens and m.start - z.end <= 3 and all(toks[k].is_word for k in range(z.end, m.start))
        )

    def unreported(self, m: Match[Any], lo: int, hi: int) -> bool:
        """A negated report or cause of the casualty word: a pack ``unreported`` phrase ending
        at most :data:`_UNREPORTED_GAP` words before it ("did not cause any casualties", "non
        sono state riportate vittime") or starting at most that many words after it ("Opfer
        wurden nicht gemeldet", "о жертвах не сообщается"), only words between."""
        toks, unrep = self.toks, self.pack.unreported
        if not unrep.size:
            return False
        for u in unrep.find(toks, max(lo, m.start - _UNREPORTED_GAP - 6), m.start):
            between = range(u.end, m.start)
            if len(between) <= _UNREPORTED_GAP and all(toks[k].is_word for k in between):
                return True
        for k in range(m.end, min(hi, m.end + _UNREPORTED_GAP + 1)):
            if unrep.match_at(toks, k, hi) is not None:
                return True
            if not toks[k].is_word:
                return False
        return False

    def negated(self, m: Match[Trigger], clause: Clause) -> bool:
        """A verb negation at most two words before the casualty word ("не пострадал", "was
        not hurt", "n'a pas été blessé")."""
        lo = max(clause.tok_start, m.start - 3)
        return any(
            0 <= m.start - x.end <= 2 for x in self.pack.negations.find(self.toks, lo, m.start)
        )

    def combined(
        self, events: list[Match[Trigger]], values: dict[str, Count], silenced: set[str]
    ) -> None:
        """Killed and injured words joined ("50 Tote und Verletzte", "killed or injured",
        "muertos ni heridos") share one figure: a zero is zero for both; any other figure
        only bounds each from above (claims-v1)."""
        toks, pack = self.toks, self.pack
        victims = sorted(
            (m for m in events if m.payload.count in ("killed", "injured")), key=lambda m: m.start
        )  # the clause's casualty words, nouns without a figure included
        for a, b in itertools.pairwise(victims):
            na, nb = a.payload.count, b.payload.count
            if na is None or nb is None or na == nb or b.start - a.end != 1:
                continue  # one connector between: "Tote und Verletzte", "muertos ni heridos"
            if na in silenced or nb in silenced:
                continue
            if not (
                toks[a.end].lower in pack.range_words
                or pack.joiners.match_at(toks, a.end, b.start)
                or pack.zero.match_at(toks, a.end, b.start)
            ):
                continue
            ca, cb = values.get(na), values.get(nb)
            given = [c for c in (ca, cb) if c is not None and (c.low, c.high) != (None, None)]
            if len(given) != 1:
                continue
            c = given[0]
            if c.low == 0 and c.high == 0:
                values[na] = values[nb] = c
            else:
                values[na] = values[nb] = Count(None, c.high, c.span, c.qualifier)


def is_zero(q: Quantity) -> bool:
    """An explicit zero figure ("no one", "никто")."""
    return q.vague and q.low == 0 and q.high == 0
