"""The figures of a claim: which quantity is which toll, summed over groups, and one victim
named without a figure.

:class:`TollReader` is the part of :class:`~fogofwar.nlp.claims.ClaimBuilder` that reads counts
(rules 4 and the counts rules of ``claims.py``'s docstring); it works on the builder's document.
"""

from __future__ import annotations

import itertools
from typing import Any

from fogofwar.claim import ClaimKind, Count, Counts
from fogofwar.model import Span
from fogofwar.nlp.doc import Clause, Doc, Quantity
from fogofwar.nlp.matcher import Match, Token
from fogofwar.nlp.victims import named_victims, singular_victims, surface
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["TALLY_GAP", "VICTIM_COUNTS", "TollReader", "trim_span"]

TALLY_GAP = 2  # tokens between a counted noun and its figure
_SUM_GAP = 7  # tokens between two summed figures ("257 membres des forces … et à 18 combattants")
_PARALLEL_GAP = 10  # … when each figure has the same casualty word right after it
_STRIKES = frozenset({ClaimKind.ATTACK, ClaimKind.ARMED_CLASH})  # event nouns a figure counts
_TELEGRAPH = frozenset({":"})  # "Frappe russe : deux morts" (a dash is often a parenthesis)
_HEADLINE_REACH = 2  # words between a bare victim noun and its casualty word in a headline
_MODIFIER_LEN = 4  # a word between a figure and the thing it counts is no short function word
VICTIM_COUNTS = ("killed", "injured", "missing")
_TALLY_GAP = TALLY_GAP
_VICTIM_COUNTS = VICTIM_COUNTS
_PUNCT = frozenset(".,;:!?…\"'»«“”„‚‘’›‹()-–— ")


def trim_span(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    while s < e and text[s] in _PUNCT:
        s += 1
    while e > s and text[e - 1] in _PUNCT:
        e -= 1
    return Span(s, e) if e > s else span


class TollReader:
    """Counts of a clause's casualty and arrest words (mixed into the claim builder)."""

    doc: Doc
    pack: LanguagePack
    toks: tuple[Token, ...]
    starts: list[int]
    used_q: set[Span]

    def background(self, clause: Clause) -> list[Clause]:
        """Relative and qualifier clauses inside ``clause`` (the builder's)."""
        raise NotImplementedError

    def risen(self, clause: Clause) -> list[tuple[int, Span]]:
        """``(rise phrase start, figure)`` of the clause's rising figures: the figure right
        after the phrase ("stieg auf 33", "выросло до 35") or right before it ("auf 33
        gestiegen")."""
        out: list[tuple[int, Span]] = []
        lo, hi = clause.tok_start, clause.tok_end
        rises = self.pack.rise.find(self.toks, lo, hi) if self.pack.rise.size else []
        for r in rises:
            for q in self.doc.quantities:
                if lo <= q.tok_start < hi and (
                    r.end <= q.tok_start <= r.end + _TALLY_GAP or q.tok_end == r.start
                ):
                    out.append((r.start, q.span))
        return out

    def tallied(self, m: Match[Trigger], clause: Clause) -> bool:
        """A counted noun next to its figure ("25 погибших", "кілька постраждалих") or to an
        explicit zero ("пострадавших нет", "no casualties")."""
        if not m.payload.nominal or m.payload.count is None:
            return False
        if self.zeroed(m, clause):
            return True
        return any(
            clause.tok_start <= q.tok_start < clause.tok_end
            and (0 <= m.start - q.tok_end <= _TALLY_GAP or 0 <= q.tok_start - m.end <= _TALLY_GAP)
            for q in self.doc.quantities
        )

    # -- parts -----------------------------------------------------------------------------
    def counts(self, clause: Clause, events: list[Match[Trigger]]) -> Counts:
        bg = self.background(clause)
        qs = [
            q
            for q in self.doc.quantities
            if clause.tok_start <= q.tok_start < clause.tok_end
            and not any(b.tok_start <= q.tok_start < b.tok_end for b in bg)
            and not self.things(q, clause.tok_end)
        ]
        pairs: list[tuple[int, int, int, int]] = []  # (distance, gap, event, quantity index)
        risen = self.risen(clause)
        for ei, m in enumerate(events):
            if m.payload.count is None:
                continue
            for qi, q in enumerate(qs):
                d = m.start - q.tok_end if q.tok_end <= m.start else q.tok_start - m.end + 1
                rise = any(q.span == f and m.start < r for r, f in risen)
                if rise:
                    d = -1  # the toll's new figure ("число погибших … выросло до 35")
                if q.tok_start >= m.end and self.conjunct(m, q, clause):
                    continue  # "una donna è morta e dieci persone … ferite": the next conjunct
                if q.tok_end <= m.start and self.modifier(m, q, clause):
                    continue  # "cinq civils déplacés avaient été tués": the predicate counts
                raw = m.start - q.tok_end if q.tok_end <= m.start else q.tok_start - m.end
                if (d >= 0 or rise) and q.span not in self.used_q:
                    pairs.append((d, raw, ei, qi))  # ties: the figure right next to the word
        chosen: dict[str, Quantity] = {}
        for _, _, ei, qi in sorted(pairs):
            name, q = events[ei].payload.count, qs[qi]
            if name is None or name in chosen or q.span in self.used_q:
                continue
            self.used_q.add(q.span)
            chosen[name] = q
        summed = {name: self.summed(q, qs, name) for name, q in chosen.items()}
        quals = [c for c in bg if c.qualifier]
        qual_for: str | None = None
        if quals and chosen:
            start = quals[0].tok_start
            before = [(q.tok_end, n) for n, q in chosen.items() if q.tok_end <= start]
            first = min((q.tok_start, n) for n, q in chosen.items())
            qual_for = max(before)[1] if before else first[1]
        qualifier = trim_span(self.doc.text, quals[0].span).slice(self.doc.text) if quals else None
        values = {
            n: Count(low, high, span, qualifier if n == qual_for else None)
            for n, (low, high, span) in summed.items()
        }
        silenced: set[str] = set()
        self.unfigured(clause, events, values, silenced)
        for m in events:  # victims without a figure: "Tote", "the dead", "civilians were killed"
            name = m.payload.count
            if (
                name in _VICTIM_COUNTS
                and name not in values
                and name not in silenced
                and (m.payload.nominal or not qs)
                and not self.places_suffered(m, clause)
                and not any(b.tok_start <= m.start < b.tok_end for b in bg)
            ):
                values[name] = Count(
                    None, None, Span(self.toks[m.start].start, self.toks[m.end - 1].end)
                )
        words = self.pack.triggers.find(self.toks, clause.tok_start, clause.tok_end)
        words = [w for w in words if not any(b.tok_start <= w.start < b.tok_end for b in bg)]
        self.combined(words, values, silenced)
        self.losses(clause, words, qs, values)
        if "killed" not in values and "killed" not in silenced:
            self.deadly(clause, bg, values)
        if not any(values.get(n) for n in _VICTIM_COUNTS):
            for name, count in self.telegraphic(clause, events).items():
                values.setdefault(name, count)
        zero = values.get("injured")
        if "killed" not in values and zero is not None and zero.low == 0 and zero.high == 0:
            lo = max(clause.tok_start, min(m.start for m in events) - 2) if events else 0
            if self.pack.harm.find(self.toks, lo, clause.tok_end):  # "никто не пострадал"
                values["killed"] = Count(0, 0, zero.span)
        return Counts(**values)

    def unfigured(
        self,
        clause: Clause,
        events: list[Match[Trigger]],
        values: dict[str, Count],
        silenced: set[str],
    ) -> None:
        """Victims named without a figure: an explicit zero ("no casualties"), a negated word
        (no count: ``silenced``), one or a few people named ("a soldier was killed",
        "погибли мужчина и женщина", "Almeno una donna è morta" → 1..null)."""
        for m in events:  # victims named without a figure: "a soldier was killed", "погиб",
            name = m.payload.count  # "погибли мужчина и женщина" (by grammatical number)
            if name not in _VICTIM_COUNTS or name in values:
                continue
            where = Span(self.toks[m.start].start, self.toks[m.end - 1].end)
            if self.zeroed(m, clause):  # "no casualties", "пострадавших нет", "без жертв"
                values[name] = Count(0, 0, where)
                continue
            if self.describes_dead(m, clause):  # "раненный … юноша скончался"
                silenced.add(name)
                continue
            if self.negated(m, clause):  # "сам губернатор не пострадал": no toll stated
                values[name] = Count(None, None, where)
                silenced.add(name)
                continue
            lo, hi = clause.tok_start, clause.tok_end
            reach = _HEADLINE_REACH if self.doc.headline else 0
            bounds = named_victims(self.toks, m.start, lo, hi, self.pack, self.speaker, reach)
            if bounds is None:
                n = 1 if self.singular(m, clause) else None
                if n is None and (not m.payload.nominal or m.end - m.start == 1):
                    lang = self.doc.lang
                    n = singular_victims(self.toks, m.start, lo, hi, lang, self.possessive)
                bounds = None if n is None else (n, n)
            if bounds is not None:
                values[name] = Count(bounds[0], bounds[1], where)

    def deadly(self, clause: Clause, bg: list[Clause], values: dict[str, Count]) -> None:
        """A deadly event ("tödlicher Angriff", "affrontements meurtriers", "deadly strike"):
        killed, no figure — the adjective stands right next to an attack or clash noun (not
        "смертельна небезпека", "mortally wounded")."""
        toks, lo, hi = self.toks, clause.tok_start, clause.tok_end
        strikes = [t for t in self.pack.triggers.find(toks, lo, hi) if t.payload.kind in _STRIKES]
        for x in self.pack.lethal.find(toks, lo, hi):
            if any(b.tok_start <= x.start < b.tok_end for b in bg):
                continue
            if any(t.start == x.end or t.end == x.start for t in strikes):
                span = Span(toks[x.start].start, toks[x.end - 1].end)
                values["killed"] = Count(None, None, span)
                return

    def singular(self, m: Match[Trigger], clause: Clause) -> bool:
        """A pack singular form at or right before the casualty word (two tokens at most),
        in its own form (not a plural reached through the lemma: "поранені")."""
        lo = max(clause.tok_start, m.start - 2)
        return any(
            s.start <= m.start and surface(self.toks, s)
            for s in self.pack.singular.find(self.toks, lo, m.end)
        )

    def summed(
        self, q: Quantity, qs: list[Quantity], name: str
    ) -> tuple[int | None, int | None, Span]:
        """A toll's figure summed over its groups ("mindestens sieben Soldaten sowie 35
        Zivilisten" → 42..null, "39 погибших боевиков и мирных жителей и 10 погибших
        военных" → 49): figures of the clause chained to ``q`` by a pack joiner, a few group
        words between them and no counted word of another count than ``name``."""
        toks, joiners = self.toks, self.pack.joiners
        order = sorted(qs, key=lambda x: x.tok_start)
        i = order.index(q)
        group = [q]
        for step in (-1, 1):
            j, cur = i + step, q
            while 0 <= j < len(order):
                nxt = order[j]
                a, b = (nxt, cur) if step < 0 else (cur, nxt)
                gap = (a.tok_end, b.tok_start)
                parallel = self.counts_as(b, name) and self.counts_as(a, name)
                most = _PARALLEL_GAP if parallel else _SUM_GAP  # "2.000 cadáveres … 900 cadáveres"
                if nxt.span in self.used_q or gap[1] - gap[0] > most or gap[1] <= gap[0]:
                    break
                if _is_zero(nxt) or not joiners.find(toks, *gap):
                    break
                counted = [m.payload.count for m in self.pack.triggers.find(toks, *gap)]
                if any(c not in (None, name) for c in counted):
                    break
                if name in counted and not self.counts_as(b, name):
                    break  # "39 погибших … и 10 погибших …" only: the same word again
                group.append(nxt)
                cur, j = nxt, j + step
        if len(group) == 1:
            return q.low, q.high, q.span
        for g in group:
            self.used_q.add(g.span)
        lows = [g.low for g in group]
        highs = [g.high for g in group]
        low = sum(x for x in lows if x is not None) if any(x is not None for x in lows) else None
        high = sum(x for x in highs if x is not None) if all(x is not None for x in highs) else None
        span = Span(min(g.span.start for g in group), max(g.span.end for g in group))
        return low, high, span

    # -- toll words ------------------------------------------------------------------------
    def counts_as(self, q: Quantity, name: str) -> bool:
        """A casualty word of count ``name`` right after the figure ("10 погибших")."""
        if q.tok_end >= len(self.toks):
            return False
        m = self.pack.triggers.match_at(self.toks, q.tok_end, len(self.toks))
        return m is not None and m.payload.count == name

    def telegraphic(self, clause: Clause, events: list[Match[Trigger]]) -> dict[str, Count]:
        """A strike clause ending in a colon whose next clause only tallies its
        victims ("Frappe russe avec un drone : deux morts, trois blessés", "Херсон під вогнем
        окупантів: троє поранених"): that tally is the strike's toll."""
        toks = self.toks
        if clause.tok_end <= clause.tok_start or toks[clause.tok_end - 1].text not in _TELEGRAPH:
            return {}
        if clause.relative or clause.qualifier:
            return {}
        if not any(e.payload.kind in _STRIKES for e in events):
            return {}
        tail = next(
            (
                c
                for c in self.doc.clauses
                if c.sentence == clause.sentence and c.tok_start == clause.tok_end
            ),
            None,
        )
        if tail is None:
            return {}
        words = self.pack.triggers.find(toks, tail.tok_start, tail.tok_end)
        if not words or any(w.payload.count not in _VICTIM_COUNTS for w in words):
            return {}
        used = set(self.used_q)  # the tally stays the tail's own claim's too
        found = self.counts(tail, words)
        self.used_q = used
        return {n: c for n in _VICTIM_COUNTS if (c := getattr(found, n)) is not None}

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
        no joiner, punctuation or figure between."""
        if m.payload.count == "killed":
            return False
        toks, hi = self.toks, clause.tok_end
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
        """The figure after casualty word ``m`` opens the next conjunct: a joiner between them
        and a casualty word of another count after it ("una donna è morta e dieci persone sono
        rimaste ferite")."""
        toks = self.toks
        if not self.pack.joiners.find(toks, m.end, q.tok_start):
            return False
        return any(
            x.payload.count not in (None, m.payload.count)
            for x in self.pack.triggers.find(toks, q.tok_end, clause.tok_end)
        )

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
        if pack.groups.match_at(toks, k, hi) or pack.persons.match_at(toks, k, hi):
            return False
        trig = pack.triggers.match_at(toks, k, hi)
        if trig is not None:  # "varios bombardeos", not "dozens of protesters"
            return trig.payload.nominal and trig.payload.kind in _STRIKES
        if pack.objects.match_at(toks, k, hi) is not None:
            return True
        # one modifier between ("13 Russian missiles", "47 украинских беспилотников"), not a
        # short function word ("100 in attack") or an article
        word = toks[k].lower
        if len(word) < _MODIFIER_LEN or word in pack.determiners or k + 1 >= hi:
            return False
        return pack.objects.match_at(toks, k + 1, hi) is not None

    def zeroed(self, m: Match[Any], clause: Clause) -> bool:
        """See :meth:`zeroed_in`, within the clause."""
        return self.zeroed_in(m, clause.tok_start, clause.tok_end)

    def trailing_zero(self, clause: Clause) -> Span | None:
        """An explicit zero closing the clause's sentence after it, in words that make no claim
        of their own ("…, sans faire de victimes", "…, sin víctimas", "…; no one was hurt"):
        where it stands, or None."""
        sent = self.doc.sentences[clause.sentence]
        lo, hi = clause.tok_end, sent.tok_end
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
            if 0 <= m.start - z.end <= 1:
                return True
        after = self.pack.zero.match_at(toks, m.end, hi) if m.end < hi else None
        return after is not None and (after.end >= hi or not toks[after.end].is_word)

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

    def losses(
        self,
        clause: Clause,
        events: list[Match[Trigger]],
        qs: list[Quantity],
        values: dict[str, Count],
    ) -> None:
        """A figure of losses ("втратили 968 військових", "25 casualties") bounds killed and
        injured from above; a zero ("без втрат", "no casualties") is zero for both."""
        if "killed" in values or "injured" in values:
            return
        for h in self.pack.harm.find(self.toks, clause.tok_start, clause.tok_end):
            if self.zeroed(h, clause):  # "sans faire de victimes", "sin víctimas"
                where = Span(self.toks[h.start].start, self.toks[h.end - 1].end)
                values["killed"] = values["injured"] = Count(0, 0, where)
                return
        trailing = self.trailing_zero(clause)
        if trailing is not None:
            values["killed"] = values["injured"] = Count(0, 0, trailing)
            return
        risen = [f for r, f in self.risen(clause)]
        for m in events:
            if m.payload.subtype != "losses" or m.payload.count is not None:
                continue
            where = Span(self.toks[m.start].start, self.toks[m.end - 1].end)
            if self.zeroed(m, clause):
                values["killed"] = values["injured"] = Count(0, 0, where)
                return
            for q in qs:
                near = 0 <= m.start - q.tok_end <= _TALLY_GAP or 0 <= q.tok_start - m.end <= 1
                near = near or (q.span in risen and q.tok_start > m.end)  # "потери составили 350"
                if near and q.span not in self.used_q:
                    self.used_q.add(q.span)
                    low, high = (0, 0) if _is_zero(q) else (None, q.high)
                    values["killed"] = values["injured"] = Count(low, high, q.span)
                    return


def _is_zero(q: Quantity) -> bool:
    return q.vague and q.low == 0 and q.high == 0
