"""The figures of a claim: which quantity is which toll, summed over groups, and one victim
named without a figure.

:class:`TollReader` is the part of :class:`~fogofwar.nlp.claims.ClaimBuilder` that reads counts
(rules 4 and the counts rules of ``claims.py``'s docstring); it works on the builder's document.
"""

from __future__ import annotations

from fogofwar.claim import Count, Counts
from fogofwar.model import Span
from fogofwar.nlp.doc import Clause, Doc, Quantity
from fogofwar.nlp.matcher import Match, Token
from fogofwar.nlp.victims import singular_victims
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["TALLY_GAP", "VICTIM_COUNTS", "TollReader", "trim_span"]

TALLY_GAP = 2  # tokens between a counted noun and its figure
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
        """A counted noun next to its figure ("25 погибших", "кілька постраждалих")."""
        if not m.payload.nominal or m.payload.count is None:
            return False
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
        ]
        pairs: list[tuple[int, int, int]] = []  # (distance, event index, quantity index)
        risen = self.risen(clause)
        for ei, m in enumerate(events):
            if m.payload.count is None:
                continue
            for qi, q in enumerate(qs):
                d = m.start - q.tok_end if q.tok_end <= m.start else q.tok_start - m.end + 1
                rise = any(q.span == f and m.start < r for r, f in risen)
                if rise:
                    d = -1  # the toll's new figure ("число погибших … выросло до 35")
                if (d >= 0 or rise) and q.span not in self.used_q:
                    pairs.append((d, ei, qi))
        chosen: dict[str, Quantity] = {}
        for _, ei, qi in sorted(pairs):
            name, q = events[ei].payload.count, qs[qi]
            if name is None or name in chosen or q.span in self.used_q:
                continue
            self.used_q.add(q.span)
            chosen[name] = q
        summed = {name: self.summed(q, qs) for name, q in chosen.items()}
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
        for m in events:  # victims named without a figure: "a soldier was killed", "погиб",
            name = m.payload.count  # "погибли мужчина и женщина" (by grammatical number)
            if name not in _VICTIM_COUNTS or name in values:
                continue
            n = 1 if self.singular(m, clause) else None
            if n is None and (not m.payload.nominal or m.end - m.start == 1):
                lo, hi = clause.tok_start, clause.tok_end
                n = singular_victims(self.toks, m.start, lo, hi, self.doc.lang)
            if n is not None:
                values[name] = Count(n, n, Span(self.toks[m.start].start, self.toks[m.end - 1].end))
        for m in events:  # victims without a figure: "Tote", "the dead", "civilians were killed"
            name = m.payload.count
            if (
                name in _VICTIM_COUNTS
                and name not in values
                and (m.payload.nominal or not qs)
                and not any(b.tok_start <= m.start < b.tok_end for b in bg)
            ):
                values[name] = Count(
                    None, None, Span(self.toks[m.start].start, self.toks[m.end - 1].end)
                )
        zero = values.get("injured")
        if "killed" not in values and zero is not None and zero.low == 0 and zero.high == 0:
            lo = max(clause.tok_start, min(m.start for m in events) - 2) if events else 0
            if self.pack.harm.find(self.toks, lo, clause.tok_end):  # "никто не пострадал"
                values["killed"] = Count(0, 0, zero.span)
        return Counts(**values)

    def singular(self, m: Match[Trigger], clause: Clause) -> bool:
        """A pack singular form at or right before the casualty word (two tokens at most)."""
        lo = max(clause.tok_start, m.start - 2)
        return any(s.start <= m.start for s in self.pack.singular.find(self.toks, lo, m.end))

    def summed(self, q: Quantity, qs: list[Quantity]) -> tuple[int | None, int | None, Span]:
        """A toll's figure summed over its groups ("mindestens sieben Soldaten sowie 35
        Zivilisten" → 42..null): figures of the clause chained to ``q`` by a pack joiner, a
        group noun or two between them and no counted word of another count."""
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
                if nxt.span in self.used_q or gap[1] - gap[0] > 5 or gap[1] <= gap[0]:
                    break
                if not joiners.find(toks, *gap) or any(
                    m.payload.count for m in self.pack.triggers.find(toks, *gap)
                ):
                    break
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
