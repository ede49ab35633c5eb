"""The parts of a claim the rules read around its event word: actors, place, time, source name
and certainty.

* Certainty: the attribution's; a speculative modal or future/plan marker → ``hypothetical``;
  a reportative modal ("soll") turns claimed/asserted into ``reported``; a verification cue
  ("could not be independently verified") in the sentence or the next → ``unverified``.
  A source named only by generic lower-case source nouns ("outlets", "media reports")
  keeps its kind but no name.
* Time: a date in the clause, else in the sentence; else ``before_publication`` (span null)
  when the article has a publication date and the claim is not hypothetical; else null.
  A date of the sentence outside the claim's attributed content dates the report ("…, media
  reported on Thursday", "teilte am Dienstag mit, dass …"), not the event: the claim is then
  ``before_publication`` ending on that day.
* Actors: actors and persons of the clause, except (for all but statements and diplomacy)
  anything inside an attribution's source or cue and anything outside the claim's content in
  its sentence — a speaker is no victim, target or actor of what it reports. The counted noun
  of a casualty figure and the nouns of its qualifier are victims; a victim the registry does
  not know gets the pack's ``[groups]`` name ("Menschen" → people) as ``normalized``.
* Location: :func:`fogofwar.nlp.salience.pick_place`, the most specific resolved place of the
  event's clause (else sentence) that is not part of an actor, person or source phrase
  (demonyms and metonymy skipped), nearest the event word among equals.
"""

from __future__ import annotations

import bisect
import dataclasses
from datetime import date

from fogofwar.claim import ActorRef, Certainty, ClaimKind, Counts, Location, TimeRef
from fogofwar.model import DatePrecision, Span
from fogofwar.nlp.caveats import TOLL_WORDS
from fogofwar.nlp.claims_events import EventReader
from fogofwar.nlp.doc import AttributionMention, Clause, Sentence
from fogofwar.nlp.matcher import PhraseMatcher
from fogofwar.nlp.salience import pick_place
from fogofwar.nlp.tolls import TALLY_GAP, VICTIM_COUNTS

__all__ = ["ClaimParts"]

_SPEECH = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})  # the speaker acts
_TOLL_COUNTS = frozenset({"killed", "injured"})
_OPENER_GAP = 3
_SPEECH_GAP_CHARS = 3  # "said on Tuesday", "заявил во вторник": a preposition or article
_ROLE_BY_KIND = {
    ClaimKind.CASUALTIES: "victim",
    ClaimKind.ARREST: "affected",
    ClaimKind.DESERTION: "actor",
    ClaimKind.DEPLOYMENT: "actor",
    ClaimKind.PROTEST: "actor",
    ClaimKind.DIPLOMACY: "actor",
    ClaimKind.STATEMENT: "actor",
}


def _within(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _right_after(text: str, end: int, start: int) -> bool:
    """``text[end:start]`` is blank or one short lower-case word ("on", "am", "во", "el")."""
    if end > start:
        return False
    words = text[end:start].split()
    return not words or (
        len(words) == 1
        and len(words[0]) <= _SPEECH_GAP_CHARS
        and words[0].isalpha()
        and words[0].islower()
    )


class ClaimParts(EventReader):
    """Actors, place, time, source name and certainty of a clause's claim (a mixin of the
    claim builder)."""

    def verification(self, sent: Sentence) -> bool:
        """A verification cue ("could not be independently verified") in ``sent``."""
        key = (-1, sent.tok_start, sent.tok_end)
        hit = self._has.get(key)
        if hit is None:
            cues = self.pack.cues.find(self.toks, sent.tok_start, sent.tok_end)
            hit = self._has[key] = any(m.payload.type == "verification" for m in cues)
        return hit

    def actors(
        self,
        clause: Clause,
        kind: ClaimKind,
        trig_start: int,
        att: AttributionMention | None,
        counts: Counts,
    ) -> tuple[ActorRef, ...]:
        """The clause's actors and persons, without speakers: nothing inside an attribution's
        source or cue, nothing outside the claim's own content in its sentence. A counted noun
        of a casualty figure ("five civilians were killed") and a noun of its qualifier
        (", including officers") are victims."""
        toks = self.toks
        markers = self.pack.role_markers.find(toks, clause.tok_start, clause.tok_end)
        # a statement's speaker is its actor; any other event's speakers are not
        speech = kind in _SPEECH
        frame = [] if speech else [s for a in self.doc.attributions for s in (a.source, a.cue)]
        content = att.content if att is not None and _overlaps(att.content, clause.span) else None
        src = att.source if att is not None else None
        victims = self.counted(clause, counts)
        out: list[ActorRef] = []
        for e in self.doc.entities:
            if e.category not in {"actor", "person"} or not _within(e.span, clause.span):
                continue
            if speech and e.span == src:
                continue
            if any(s is not None and _overlaps(e.span, s) for s in frame):
                continue
            if not speech and content is not None and not _within(e.span, content):
                continue
            role = _ROLE_BY_KIND.get(kind)
            if kind == ClaimKind.ARREST and self.agent(e.span, trig_start, counts):
                role = "actor"  # "СБУ затримала …", "Police detained …": active voice
            if role is None:
                role = "actor" if e.span.end <= trig_start else "target"
            for mk in markers:
                mk_end = toks[mk.end - 1].end
                if 0 <= e.span.start - mk_end <= 40:
                    role = mk.payload
            if any(_overlaps(e.span, v) for v in victims):
                role = "victim"
            actor_kind = e.actor_kind if e.category == "actor" else "person"
            normalized = e.normalized
            if role == "victim" and normalized is None:
                normalized = self.group(e.span)
            out.append(ActorRef(e.surface, role, normalized, e.country, actor_kind, e.span))
        return tuple(out)

    def agent(self, span: Span, trig_start: int, counts: Counts) -> bool:
        """An arrest's agent: the entity stands right before the verb (nothing but space
        between: no auxiliary "were", "були") and is not the arrested figure's noun."""
        if span.end > trig_start or self.doc.text[span.end : trig_start].strip():
            return False
        c = counts.arrested
        return c is None or c.span is None or not 0 <= span.start - c.span.end <= 2

    def counted(self, clause: Clause, counts: Counts) -> list[Span]:
        """Where the victims of the clause's casualty figures stand: the words right after a
        figure ("Eight people", "трое детей") and a qualifier clause ("including officers")."""
        out: list[Span] = []
        qualified = False
        for name in VICTIM_COUNTS:
            c = getattr(counts, name)
            if c is None or c.span is None:
                continue
            qualified = qualified or c.qualifier is not None
            k = bisect.bisect_left(self.starts, c.span.end)
            words = 0
            while k < clause.tok_end and words < TALLY_GAP:
                t = self.toks[k]
                if not t.is_word:
                    break
                out.append(Span(t.start, t.end))
                words, k = words + 1, k + 1
        if qualified:
            out.extend(b.span for b in self.background(clause) if b.qualifier)
        return out

    def group(self, span: Span) -> str | None:
        """The pack's victim group of the last group noun in ``span`` ("Offiziere" → officers)."""
        found: str | None = None
        k = bisect.bisect_left(self.starts, span.start)
        while k < len(self.toks) and self.toks[k].start < span.end:
            m = self.pack.groups.match_at(self.toks, k, len(self.toks))
            if m is not None and self.toks[m.end - 1].end <= span.end:
                found = m.payload
            k += 1
        return found

    def location(self, clause: Clause, anchor: int, src: Span | None) -> Location | None:
        p = pick_place(self.doc, clause, anchor, self.pack, (src,) if src is not None else ())
        if p is None or p.location is None:
            return None
        return dataclasses.replace(p.location, name=p.surface, span=p.span)

    def source_name(self, att: AttributionMention) -> str | None:
        """The source's name, or None when it is only generic lower-case source nouns."""
        if att.source_name is None or att.source is None:
            return att.source_name
        words = [
            t
            for t in self.toks
            if att.source.start <= t.start < att.source.end
            and t.is_word
            and t.lower not in self.pack.determiners
        ]
        if not words or any(t.is_capitalized for t in words):
            return att.source_name
        if all(self.pack.sources.match_at((t,), 0, 1) is not None for t in words):
            return None
        return att.source_name

    def time(
        self,
        clause: Clause,
        hypothetical: bool,
        att: AttributionMention | None,
        kind: ClaimKind | None = None,
    ) -> TimeRef | None:
        """A date in the clause, else in the sentence. A date of the sentence outside the
        claim's attributed content dates the report ("…, media reported on Thursday", "teilte
        am Dienstag mit, dass …"): the event then happened on or before that day. So does a
        date right after a speech verb when no attribution was read ("…, a senior official of
        the mission said on Tuesday"), unless the claim is the speech act itself."""
        sent = self.doc.sentences[clause.sentence].span
        content = att.content if att is not None and _overlaps(att.content, sent) else None
        spoken = self._speech_dated(clause.sentence) if att is None and kind not in _SPEECH else ()
        report: date | None = None
        for area in (clause.span, sent):
            for d in self.doc.dates:
                if not _within(d.span, area):
                    continue
                if (content is not None and not _within(d.span, content)) or (
                    d.span.start in spoken
                ):
                    report = d.end if report is None else min(report, d.end)
                    continue
                start = d.start.isoformat() if d.start else None
                return TimeRef(start, d.end.isoformat(), d.precision.value, d.span)
        if self.doc.published is None or hypothetical:
            return None
        end = self.doc.published if report is None else min(report, self.doc.published)
        return TimeRef(None, end.isoformat(), DatePrecision.BEFORE_PUBLICATION.value, None)

    def _speech_dated(self, si: int) -> frozenset[int]:
        """Offsets of dates in sentence ``si`` standing right after a pack speech verb ("said
        on Tuesday", "sagte am Dienstag", "заявил во вторник", "a déclaré mardi"): at most one
        short word (a preposition or article) between them."""
        sent = self.doc.sentences[si]
        cues = self.pack.cues.find(self.toks, sent.tok_start, sent.tok_end)
        ends = {self.toks[m.end - 1].end for m in cues if m.payload.type == "verb"}
        if not ends:
            return frozenset()
        out: set[int] = set()
        for d in self.doc.dates:
            if not _within(d.span, sent.span):
                continue
            if any(_right_after(self.doc.text, e, d.span.start) for e in ends):
                out.add(d.span.start)
        return frozenset(out)

    def attribution_for(self, offset: int) -> AttributionMention | None:
        best: AttributionMention | None = None
        for a in self.doc.attributions:
            if a.content.start <= offset < a.content.end and (
                best is None
                or a.content.end - a.content.start < best.content.end - best.content.start
            ):
                best = a
        return best

    def _other_toll(self, clause: Clause, caveat: Sentence) -> bool:
        """``caveat`` doubts the casualty figures (:data:`~fogofwar.nlp.caveats.TOLL_WORDS`:
        "The tolls could not be verified") and ``clause`` gives none (no word counting the
        killed or injured): the caveat is not about it."""
        words = TOLL_WORDS.get(self.doc.lang, ())
        text = " " + caveat.span.slice(self.doc.text).casefold()
        if not any(f" {w}" in text for w in words):
            return False
        found = self.pack.triggers.find(self.toks, clause.tok_start, clause.tok_end)
        return not any(m.payload.count in _TOLL_COUNTS for m in found)

    def hearsay(self, lo: int, hi: int) -> bool:
        """A reportative word in tokens ``[lo, hi)`` ("soll", "reportedly", "sarebbe"), not a
        hedging adjective (the pack's ``hedge_adjectives``: "presunto", "présumé",
        "suspected"): inside a noun phrase it hedges who or what the noun is, not the clause
        ("un presunto terrorista è stato arrestato", "Suspected rebels attacked a village")."""
        toks = self.toks
        inside = {
            k for m in self.pack.hedge_adjectives.find(toks, lo, hi) for k in range(m.start, m.end)
        }
        return any(
            not all(k in inside for k in range(m.start, m.end))
            for m in self.pack.reportative.find(toks, lo, hi)
        )

    def _opens(self, matcher: PhraseMatcher[None], clause: Clause) -> bool:
        """``matcher`` matches in the clause, or in its sentence right before it (at most
        :data:`_OPENER_GAP` tokens between: "keine Hinweise darauf , dass …", "Предполагается,
        что …"): a matrix predicate that frames the clause it opens."""
        sent = self.doc.sentences[clause.sentence]
        found = matcher.find(self.toks, sent.tok_start, clause.tok_end)
        return any(
            m.start >= clause.tok_start or 0 <= clause.tok_start - m.end <= _OPENER_GAP
            for m in found
        )

    def certainty(self, clause: Clause, base: Certainty) -> Certainty:
        pack = self.pack
        lo, hi = clause.tok_start, clause.tok_end
        si = clause.sentence
        sents = self.doc.sentences
        check = [sents[si]] + ([sents[si + 1]] if si + 1 < len(sents) else [])
        for s in check:
            if self.verification(s) and (s is sents[si] or not self._other_toll(clause, s)):
                return Certainty.UNVERIFIED
        if self._opens(pack.no_evidence, clause):  # "There was no indication that …"
            return Certainty.UNVERIFIED
        if base == Certainty.DENIED:
            return base
        planned = self.has(pack.planned_modals, lo, hi)
        if (
            planned
            and base in {Certainty.ASSERTED, Certainty.CLAIMED}
            and self.hearsay(lo, hi)
            and (
                self.has(pack.perfect_auxiliaries, lo, hi)
                or self.has(pack.hearsay_statives, lo, hi)
            )
        ):
            return Certainty.REPORTED  # "sollen … geplant haben", "sollen sich … befinden"
        if self._opens(pack.speculative, clause) or self.has(pack.future, lo, hi):
            return Certainty.HYPOTHETICAL  # "may", "Предполагается, что …"
        if planned and not self.has(pack.perfect_auxiliaries, lo, hi):
            return (
                Certainty.HYPOTHETICAL
            )  # "soll am Montag … beschließen" (not "soll … worden sein")
        if self.hearsay(lo, hi) and base in {
            Certainty.ASSERTED,
            Certainty.CLAIMED,
        }:
            return Certainty.REPORTED
        return base
