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
from fogofwar.nlp.toll_cues import STRIKES, VICTIM_COUNTS, is_zero
from fogofwar.nlp.toll_sums import TollSums
from fogofwar.nlp.victim_lists import without_asides
from fogofwar.nlp.victims import named_victims, person_word, singular_victims, surface
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["TALLY_GAP", "VICTIM_COUNTS", "TollReader", "trim_span"]

TALLY_GAP = 2  # tokens between a counted noun and its figure
_STRIKES = STRIKES
_TELEGRAPH = frozenset({":"})  # "Frappe russe : deux morts" (a dash is often a parenthesis)
_HEADLINE_REACH = 2  # words between a bare victim noun and its casualty word in a headline
_TALLY_GAP = TALLY_GAP
_VICTIM_COUNTS = VICTIM_COUNTS
#: counts of people a casualty or (verbal) arrest word names without a figure: a singular one
#: is 1 (annotating-claims, Counts); only victims keep a bare plural's span with null bounds (an
#: arrest word without people is often no arrest: "осуждение", "арестовали акции")
_PERSON_COUNTS = (*VICTIM_COUNTS, "arrested")
_LOST_GAP = 3  # words between a figure and its people, or (passive) the people and the verb
_LOST_REACH = 7  # words between a verb of losing people and the figure after it
_FAILED_OBJECT = 2  # words from an attempted casualty word to the figure of its object
_JOIN_REACH = 6  # tokens from a casualty word to the joiner of its coordinated victims
_ANTECEDENT_GAP = 4  # tokens from an attack noun to the relative clause giving its toll
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–"})
_QUOTES = frozenset('«»"“”„‚‘’')
_PUNCT = frozenset(".,;:!?…\"'»«“”„‚‘’›‹()-–— ")


def trim_span(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    while s < e and text[s] in _PUNCT:
        s += 1
    while e > s and text[e - 1] in _PUNCT:
        e -= 1
    return Span(s, e) if e > s else span


class TollReader(TollSums):
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

    def toll_relative(self, rel: Clause, clause: Clause) -> bool:
        """Relative clause ``rel`` gives the toll of the attack or clash noun it follows ("the
        attack, which killed ten people, …", "l'attacco, che ha ucciso dieci persone", "удар,
        в результате которого погибли трое"): a nominal strike word of ``clause`` ends at most
        :data:`_ANTECEDENT_GAP` tokens before it (words and commas between: "la frappe la plus
        meurtrière, qui …"), and it holds a casualty word."""
        if not rel.relative or rel.qualifier:
            return False
        toks, triggers = self.toks, self.pack.triggers
        lo = max(clause.tok_start, rel.tok_start - _ANTECEDENT_GAP - 4)
        if not any(
            m.payload.nominal
            and m.payload.kind in _STRIKES
            and 0 <= rel.tok_start - m.end <= _ANTECEDENT_GAP
            and all(toks[k].is_word or toks[k].text == "," for k in range(m.end, rel.tok_start))
            for m in triggers.find(toks, lo, rel.tok_start)
        ):
            return False
        return any(
            m.payload.count in _VICTIM_COUNTS
            for m in triggers.find(toks, rel.tok_start, rel.tok_end)
        )

    def tallied(self, m: Match[Trigger], clause: Clause) -> bool:
        """A counted noun next to its figure ("25 погибших", "кілька постраждалих") or to an
        explicit zero ("пострадавших нет", "no casualties")."""
        if not m.payload.nominal or m.payload.count is None:
            return False
        if self.zeroed(m, clause) or self.tally_after(m, clause) is not None:
            return True
        return any(
            clause.tok_start <= q.tok_start < clause.tok_end
            and (0 <= m.start - q.tok_end <= _TALLY_GAP or 0 <= q.tok_start - m.end <= _TALLY_GAP)
            for q in self.doc.quantities
        )

    # -- parts -----------------------------------------------------------------------------
    def counts(self, clause: Clause, events: list[Match[Trigger]]) -> Counts:
        bg = self.background(clause)
        told = [b for b in bg if self.toll_relative(b, clause)]
        bg = [b for b in bg if b not in told]
        events = events + [
            m
            for b in told
            for m in self.pack.triggers.find(self.toks, b.tok_start, b.tok_end)
            if m.payload.count in _VICTIM_COUNTS
        ]
        failed = [m for m in events if self.unrealised(m, clause.tok_start)]
        events = [m for m in events if m not in failed]
        qs = [
            q
            for q in self.doc.quantities
            if clause.tok_start <= q.tok_start < clause.tok_end
            and not any(b.tok_start <= q.tok_start < b.tok_end for b in bg)
            and q.toll
            and not self.things(q, clause.tok_end)
            and not self.family_size(q)
            # "attempted to kill two officers": the two are no one's toll
            and not any(0 <= q.tok_start - m.end <= _FAILED_OBJECT for m in failed)
        ]
        # (held, subset, distance, gap, event, q); ``held``: a figure a casualty word and a
        # prisoner word both reach counts the dead ("розстріл двох полонених": two killed),
        # but a zero goes to the nearer word ("no one was convicted of the murders")
        pairs: list[tuple[int, int, int, int, int, int]] = []
        risen = self.risen(clause)
        for ei, m in enumerate(events):
            if m.payload.count is None or self.zeroed(m, clause):
                continue  # "три члена экипажа и 22 пассажира, пострадавших нет": zero, not 25
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
                    part = int(self.partitive(q, clause))  # "three of them": a subset, last
                    held = int(m.payload.count not in _VICTIM_COUNTS or is_zero(q))
                    pairs.append((held, part, d, raw, ei, qi))  # ties: the figure next to it
        chosen: dict[str, Quantity] = {}
        for *_, ei, qi in sorted(pairs):
            name, q = events[ei].payload.count, qs[qi]
            if name is None or name in chosen or q.span in self.used_q:
                continue
            self.used_q.add(q.span)
            chosen[name] = q
        for name, q in list(chosen.items()):
            piece = self.part_of(q, qs, name, clause)
            if piece is not None:  # "Nueve de las 16 víctimas … murieron": nine died, of 16
                self.used_q.add(piece.span)
                chosen[name] = piece
        summed = {
            name: self.added(
                q, qs, name, clause, self.named_too(self.summed(q, qs, name, clause), clause, name)
            )
            for name, q in chosen.items()
        }
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
        self.tallied_after(clause, events, values)
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
                and not self.known_victims(m, clause.tok_start)
            ):
                values[name] = Count(
                    None, None, Span(self.toks[m.start].start, self.toks[m.end - 1].end)
                )
        words = self.pack.triggers.find(self.toks, clause.tok_start, clause.tok_end)
        words = [
            w
            for w in words
            if not any(b.tok_start <= w.start < b.tok_end for b in bg)
            and not self.unrealised(w, clause.tok_start)
        ]
        self.combined(words, values, silenced)
        self.losses(clause, words, qs, values, [f for _, f in risen])
        if "killed" not in values and "killed" not in silenced:
            self.people_lost(clause, qs, values)
        if "killed" not in values and "killed" not in silenced:
            self.deadly(clause, bg, words, values)
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
            if name not in _PERSON_COUNTS or name in values:
                continue
            if m.payload.subtype == "prisoner_exchange":
                continue  # "un échange de prisonniers": the exchange, no one counted by it
            if name not in _VICTIM_COUNTS and (
                m.payload.nominal or person_word(self.toks[m.start], self.doc.lang)
            ):
                continue  # "Задержанный оказался …": the detainee described, no arrest counted
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
            # "Eine Frau (45) und ihr Sohn (12)": the people around short parentheses
            toks, at, end, skip = without_asides(self.toks, m.start, lo, hi, self.speaker)
            bounds = named_victims(toks, at, lo, end, self.pack, skip, reach)
            if bounds is None:
                one = self.singular(m, clause)
                n = None
                if not m.payload.nominal or m.end - m.start == 1:
                    lang = self.doc.lang
                    n = singular_victims(toks, at, lo, end, lang, self.possessive)
                if one and not (n and n > 1 and self.joined_after(m, clause)):
                    n = 1  # "загинула дівчинка та її батько": 2; "загинула жінка, її чоловік …"
                bounds = None if n is None else (n, n)
            pronoun = self.pronoun_people(m, lo, hi)  # "Його затримали", "arrested him"
            if pronoun < 0 and bounds is None:  # "Их задержали": a group of no stated number
                values[name] = Count(None, None, where)
                continue
            if bounds is None and pronoun:
                bounds = (1, 1)
            if bounds is not None:
                values[name] = Count(bounds[0], bounds[1], where)

    def joined_after(self, m: Match[Trigger], clause: Clause) -> bool:
        """A joiner follows casualty word ``m`` within a few words, no comma or colon between
        (a victim joined to the first: "загинула дівчинка та її батько")."""
        toks = self.toks
        for k in range(m.end, min(clause.tok_end, m.end + _JOIN_REACH)):
            if toks[k].text in _CLAUSE_MARKS:
                return False
            if self.pack.joiners.match_at(toks, k, clause.tok_end) is not None:
                return True
        return False

    def part_of(
        self, q: Quantity, qs: list[Quantity], name: str, clause: Clause
    ) -> Quantity | None:
        """The figure of a part of ``q``'s whole that the clause counts: it stands right before
        ``q`` with a pack ``part_of`` phrase between ("Nueve de las 16 víctimas … murieron",
        "Zwei der vier Angreifer seien getötet worden"), and a casualty word of count ``name``
        follows past the whole's own noun (not "Трое из 12 погибших были детьми", which
        describes a part of the 12); else None."""
        toks, parts = self.toks, self.pack.part_of
        if not parts.size:
            return None
        found = self.pack.triggers.find(toks, q.tok_end + 1, clause.tok_end)
        if not any(m.payload.count == name for m in found):
            return None
        for p in qs:
            if p.tok_end < q.tok_start and p.span not in self.used_q:
                m = parts.match_at(toks, p.tok_end, q.tok_start)
                if m is not None and m.end == q.tok_start:
                    return p
        return None

    def people_lost(self, clause: Clause, qs: list[Quantity], values: dict[str, Count]) -> None:
        """A verb that counts the dead only with people as its object (pack ``people_lost``:
        "lost 11 soldiers", "a perdu onze de nos hommes", "neutralisé une quarantaine de
        terroristes", "десятки террористов нейтрализованы"): the figure at most
        :data:`_LOST_REACH` words after it ("perdió en el frente de Donetsk cerca de 10.000
        hombres"; words and quotes only between) or right before it (passive) whose people
        noun follows within a few words counts killed."""
        verbs = self.pack.people_lost
        if not verbs.size:
            return
        toks = self.toks
        for v in verbs.find(toks, clause.tok_start, clause.tok_end):
            for q in qs:
                after = 0 <= q.tok_start - v.end <= _LOST_REACH and all(
                    toks[k].is_word or toks[k].text in _QUOTES for k in range(v.end, q.tok_start)
                )
                before = 0 <= v.start - q.tok_end <= _LOST_GAP + 1
                if (after or before) and q.span not in self.used_q and self.people_at(q, clause):
                    self.used_q.add(q.span)
                    values["killed"] = Count(q.low, q.high, q.span)
                    return

    def people_at(self, q: Quantity, clause: Clause) -> bool:
        """People follow figure ``q`` within :data:`_LOST_GAP` words: a group or person noun
        or a pack ``fighters`` noun ("onze de nos hommes", "21 terroristes")."""
        toks, pack, hi = self.toks, self.pack, clause.tok_end
        for k in range(q.tok_end, min(hi, q.tok_end + _LOST_GAP + 1)):
            if not toks[k].is_word:
                return False
            if any(
                m.match_at(toks, k, hi) is not None
                for m in (pack.groups, pack.persons, pack.fighters)
            ):
                return True
        return False

    def deadly(
        self,
        clause: Clause,
        bg: list[Clause],
        words: list[Match[Trigger]],
        values: dict[str, Count],
    ) -> None:
        """A deadly event ("tödlicher Angriff", "affrontements meurtriers", "deadly strike"):
        killed, no figure — the adjective stands right next to an attack or clash noun (not
        "смертельна небезпека", "mortally wounded")."""
        toks, lo, hi = self.toks, clause.tok_start, clause.tok_end
        strikes = [t for t in words if t.payload.kind in _STRIKES]
        for x in self.pack.lethal.find(toks, lo, hi) if strikes else ():
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

    # -- toll words ------------------------------------------------------------------------
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

    def losses(
        self,
        clause: Clause,
        events: list[Match[Trigger]],
        qs: list[Quantity],
        values: dict[str, Count],
        risen: list[Span],
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
        trailing = self.trailing_zero(clause, any(e.payload.kind in _STRIKES for e in events))
        if trailing is not None:
            values["killed"] = values["injured"] = Count(0, 0, trailing)
            return

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
                    low, high = (0, 0) if is_zero(q) else (None, q.high)
                    values["killed"] = values["injured"] = Count(low, high, q.span)
                    return
