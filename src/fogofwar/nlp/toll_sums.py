"""How a toll's figures combine: groups summed ("7 soldiers and 35 civilians" → 42), more of
a toll added ("14 were killed and two more died" → 16), and a tally whose figure follows a colon
or a dash ("Загиблих — 7", "Dead: 7").

Mixed into :class:`~fogofwar.nlp.tolls.TollReader` (and so into the claim builder); all words
come from the pack's ``[numbers]`` tables (``joiners``, ``increments``, ``tally_heads``).
"""

from __future__ import annotations

from fogofwar.claim import Count
from fogofwar.model import Span
from fogofwar.nlp.doc import Clause, Quantity
from fogofwar.nlp.matcher import Match
from fogofwar.nlp.toll_cues import STRIKES, TollCues, is_zero
from fogofwar.nlp.victim_lists import listed_between
from fogofwar.packs import Trigger

__all__ = ["TollSums"]

_ITEM_WORDS = 2  # words of one listed group after its figure ("шестеро детей", "мирных жителей")
_SUM_GAP = 7  # tokens between two summed figures ("257 membres des forces … et à 18 combattants")
_PARALLEL_GAP = 10  # … when each figure has the same casualty word right after it
_STRIKES = STRIKES
_RISE_GAP = 2  # tokens between a rise phrase and its new figure
_TALLY_MARKS = frozenset({":", "-", "–", "—"})  # "Загиблих — 7", "Dead: 7"


class TollSums(TollCues):
    """Figures combined over a clause (a mixin over the builder's document)."""

    def tallied_after(
        self, clause: Clause, events: list[Match[Trigger]], values: dict[str, Count]
    ) -> None:
        """A casualty word whose figure opens the next clause (:meth:`tally_after`) counts
        that figure."""
        for m in events:
            name = m.payload.count
            q = self.tally_after(m, clause)
            if name is not None and name not in values and q is not None:
                self.used_q.add(q.span)
                values[name] = Count(q.low, q.high, q.span)

    def tally_after(self, m: Match[Trigger], clause: Clause) -> Quantity | None:
        """The figure of casualty word ``m`` when ``m`` closes its clause before a colon or a
        dash and the figure opens the next clause ("Загиблих — 7", "кількість загиблих — їх
        78", "Tote: 7", "Dead: 7, injured: 12"), not yet used; else None."""
        toks, hi = self.toks, clause.tok_end
        if m.end != hi - 1 or toks[hi - 1].text not in _TALLY_MARKS or hi >= len(toks):
            return None
        if not self.tally_head(m, clause):
            return None  # "Серед загиблих — 11 жінок": a part of the dead
        k = hi + 1 if self.possessive(toks[hi]) else hi  # "— їх 78"
        for q in self.doc.quantities:
            if q.tok_start == k and q.toll and q.span not in self.used_q:
                end = len(toks)
                if q.tok_end < end and self.pack.triggers.match_at(toks, q.tok_end, end):
                    return None  # "Tote: 7 Soldaten getötet …" is a clause of its own
                return q
        return None

    def tally_head(self, m: Match[Trigger], clause: Clause) -> bool:
        """Casualty word ``m`` opens its clause, or follows a pack ``tally_heads`` noun ("the
        number of", "кількість"), with only determiners and ``part_of`` words between (or
        only the figure a tally before it used: "Загиблих — 7, поранених — 12")."""
        toks, pack = self.toks, self.pack
        k = m.start - 1
        while k >= clause.tok_start and (
            toks[k].lower in pack.determiners or pack.part_of.match_at(toks, k, m.start)
        ):
            k -= 1
        used = [q for q in self.doc.quantities if q.span in self.used_q]
        while k >= clause.tok_start and (
            toks[k].text == "," or any(q.tok_start <= k < q.tok_end for q in used)
        ):  # "Загиблих — 7, поранених — 12": the last tally's figure
            k -= 1
        if k < clause.tok_start:
            return True
        heads = pack.tally_heads.find(toks, max(clause.tok_start, k - 1), k + 1)
        return any(h.end > k for h in heads)

    def added(
        self,
        q: Quantity,
        qs: list[Quantity],
        name: str,
        clause: Clause,
        figure: tuple[int | None, int | None, Span],
    ) -> tuple[int | None, int | None, Span]:
        """A toll's figure with more of it added: the clause counts ``name`` by one figure and,
        later, by another marked as more ("14 people were killed and two more died later",
        "36 тіл загиблих, ще двоє людей померли в лікарні") → their sum, unless the first is a
        new total (:meth:`total`: "rose to 14 after two more died"); the added figure has
        its own casualty word after it (not "… et trois autres dans une frappe sur Khan
        Younès") and no event or place of its own (not "e altre cinque persone sono morte in
        due attacchi in altre località": other events' toll)."""
        if self.incremental(q):
            base = [p for p in qs if p.tok_end <= q.tok_start and not self.incremental(p)]
            more = [q]
        else:
            base = [q]
            more = [p for p in qs if p.tok_start >= q.tok_end and self.incremental(p)]
        pair = [
            (b, m)
            for b in base
            for m in more
            if (b is q or b.span not in self.used_q)
            and (m is q or m.span not in self.used_q)
            and self.counted_by(b, clause) == name
            and self.counted_by(m, clause, after=True) == name
            and not self.elsewhere(m, clause)
            and not self.things(b, clause.tok_end)
            and not self.things(m, clause.tok_end)
            and not self.total(b, clause)  # "rose to 14 after two more died": 14 holds them
        ]
        if not pair:
            return figure
        if more == [q]:  # the nearest figure before the increment
            other = max((b for b, _ in pair), key=lambda b: b.tok_start)
        else:  # the first increment after the figure
            other = min((m for _, m in pair), key=lambda m: m.tok_start)
        self.used_q.add(other.span)
        low, high, span = figure
        low = None if low is None or other.low is None else low + other.low
        high = None if high is None or other.high is None else high + other.high
        return low, high, Span(min(span.start, other.span.start), max(span.end, other.span.end))

    def total(self, q: Quantity, clause: Clause) -> bool:
        """Figure ``q`` is a toll's new total: a pack ``rise`` phrase right before it ("rose to
        14", "зросла до 14") or right after it ("auf 14 gestiegen")."""
        if not self.pack.rise.size:
            return False
        return any(
            r.end <= q.tok_start <= r.end + _RISE_GAP or q.tok_end == r.start
            for r in self.pack.rise.find(self.toks, clause.tok_start, clause.tok_end)
        )

    def elsewhere(self, q: Quantity, clause: Clause) -> bool:
        """After figure ``q``, in its clause, an attack or clash word that counts no one
        ("in due attacchi") or a place is named: the figure counts another event's dead."""
        hi = clause.tok_end
        words = self.pack.triggers.find(self.toks, q.tok_end, hi)
        if any(w.payload.kind in _STRIKES and w.payload.count is None for w in words):
            return True
        if q.tok_end >= hi:
            return False
        lo, end = self.toks[q.tok_end].start, self.toks[hi - 1].end
        return any(lo <= p.span.start < end and not p.is_demonym for p in self.doc.places)

    def summed(
        self, q: Quantity, qs: list[Quantity], name: str, clause: Clause
    ) -> tuple[int | None, int | None, Span]:
        """A toll's figure summed over its groups ("mindestens sieben Soldaten sowie 35
        Zivilisten" → 42..null, "39 погибших боевиков и мирных жителей и 10 погибших
        военных" → 49): figures of the clause chained to ``q`` by a pack joiner, a few group
        words between them and no counted word of another count than ``name``; not more dead
        of another event (:meth:`elsewhere`: "… e altre cinque sono morte in due attacchi")."""
        toks, joiners = self.toks, self.pack.joiners
        order = sorted(qs, key=lambda x: x.tok_start)
        i = order.index(q)
        group = [q]
        extra = 0  # people named singly between two figures of the list ("…, un uomo e due …")
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
                if is_zero(nxt) or not (joiners.find(toks, *gap) or self.listed(gap, b)):
                    break
                if any(self.partitive(x) for x in (a, b)):
                    break  # "three of them" is part of a group, not another group
                if self.pack.qualifiers.find(toks, *gap):
                    break  # "seven dead including a tourist and four police officers": a part
                if self.incremental(b) and self.elsewhere(b, clause):
                    break  # "… e altre cinque sono morte in due attacchi": other events'
                counted = [m.payload.count for m in self.pack.triggers.find(toks, *gap)]
                if any(c not in (None, name) for c in counted):
                    break
                if name in counted and not self.counts_as(b, name) and not self.elided(b, clause):
                    break  # "39 погибших … и 10 погибших …" only: the same word again
                group.append(nxt)
                extra += listed_between(toks, gap[0], gap[1], self.pack, self.speaker)
                cur, j = nxt, j + step
        if len(group) == 1:
            return q.low, q.high, q.span
        for g in group:
            self.used_q.add(g.span)
        lows = [g.low for g in group]
        highs = [g.high for g in group]
        low = sum(x for x in lows if x is not None) if any(x is not None for x in lows) else None
        high = sum(x for x in highs if x is not None) if all(x is not None for x in highs) else None
        low = None if low is None else low + extra
        high = None if high is None else high + extra
        span = Span(min(g.span.start for g in group), max(g.span.end for g in group))
        return low, high, span

    def elided(self, q: Quantity, clause: Clause) -> bool:
        """Figure ``q`` opens an elliptical conjunct that shares the casualty verb before it
        ("Three soldiers were killed *and two civilians* in the shelling", "погибли трое
        военных и двое мирных жителей"): a joiner right before it, its people noun within
        :data:`_ITEM_WORDS` words after it, then the clause's end, punctuation or a pack
        ``scene_prepositions`` word ("in the shelling"), and no casualty word of its own in the
        rest of the clause ("and two civilians were wounded" is another toll)."""
        toks, pack, hi = self.toks, self.pack, clause.tok_end
        joined = pack.joiners.find(toks, max(0, q.tok_start - 2), q.tok_start)
        if not any(j.end == q.tok_start for j in joined):
            return False
        if any(t.payload.count for t in pack.triggers.find(toks, q.tok_end, hi)):
            return False
        for k in range(q.tok_end, min(hi, q.tok_end + _ITEM_WORDS)):
            if not toks[k].is_word:
                return False
            nouns = (m.match_at(toks, k, hi) for m in (pack.groups, pack.persons, pack.fighters))
            noun = next((n for n in nouns if n is not None), None)
            if noun is not None:  # the people, then nothing of their own: no verb, no object
                end = noun.end
                return (
                    end >= hi
                    or not toks[end].is_word
                    or pack.scene_prepositions.match_at(toks, end, hi) is not None
                )
        return False

    def listed(self, gap: tuple[int, int], nxt: Quantity) -> bool:
        """Figure ``nxt`` is the next item of a list of groups closed by a joiner ("трое
        женщин, шестеро детей и один мужчина", "three women, six children and a man"): one
        comma and group words before it; after it, at most ``_ITEM_WORDS`` words with no
        casualty word ("… 14 verletzt und …" is another toll) and then the joiner."""
        toks = self.toks
        between = toks[gap[0] : gap[1]]
        if sum(t.text == "," for t in between) != 1 or any(
            not t.is_word and t.text != "," for t in between
        ):
            return False
        for k in range(nxt.tok_end, min(len(toks), nxt.tok_end + _ITEM_WORDS + 1)):
            if self.pack.joiners.match_at(toks, k, len(toks)) is not None:
                return True
            if not toks[k].is_word or self.pack.triggers.match_at(toks, k, len(toks)):
                return False
        return False
