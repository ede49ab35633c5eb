"""The claim builder: one claim per clause that asserts an event, the same code for every language.

Rules, in order (all words come from the pack):

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
3. Kind: :func:`fogofwar.nlp.salience.clause_kind` (a leading speech act governs; else the
   first of :data:`KIND_PRIORITY`; transitive killings with a perpetrator are attacks; assaults
   on armed forces are clashes). A sentence's main event precedes its casualty toll
   (:func:`~fogofwar.nlp.salience.main_first`).
4. Counts: figures bind to the nearest casualty/arrest word, closest pairs first (so in
   "8 killed and more than 100 injured" the 100 goes to "injured" even though "killed" comes
   first; a risen figure goes to the counted noun before its ``rise`` phrase, before any
   nearer figure); ", darunter …"/", including …" qualifies the count whose figure precedes it.
5. Source: the innermost attribution whose content holds the event word. Otherwise the claim
   inherits the attribution of the previous claim in the same passage: at most
   ``INHERIT_WINDOW`` sentences back, in the same or the previous paragraph, no heading between,
   the earlier attribution indirect (a quotation does not extend beyond its marks). Otherwise the
   article's own voice: source ``author``, certainty ``asserted``.
6. Certainty: the attribution's; a speculative modal or future/plan marker → ``hypothetical``;
   a reportative modal ("soll") turns claimed/asserted into ``reported``; a verification cue
   ("could not be independently verified") in the sentence or the next → ``unverified``.
   A source named only by generic lower-case source nouns ("outlets", "media reports")
   keeps its kind but no name.
7. Time: a date in the clause, else in the sentence; else ``before_publication`` (span null)
   when the article has a publication date and the claim is not hypothetical; else null.
   A date of the sentence outside the claim's attributed content dates the report ("…, media
   reported on Thursday", "teilte am Dienstag mit, dass …"), not the event: the claim is then
   ``before_publication`` ending on that day.
8. Actors: actors and persons of the clause, except (for all but statements and diplomacy)
   anything inside an attribution's source or cue and anything outside the claim's content in
   its sentence — a speaker is no victim, target or actor of what it reports. The counted noun
   of a casualty figure and the nouns of its qualifier are victims; a victim the registry does
   not know gets the pack's ``[groups]`` name ("Menschen" → people) as ``normalized``.
9. Location: :func:`fogofwar.nlp.salience.pick_place`, the most specific resolved place of the
   event's clause (else sentence) that is not part of an actor, person or source phrase
   (demonyms and metonymy skipped), nearest the event word among equals.
"""

from __future__ import annotations

import bisect
import dataclasses
from datetime import date
from typing import Any

from fogofwar.claim import (
    ActorRef,
    Certainty,
    Claim,
    ClaimKind,
    Counts,
    Cue,
    Location,
    SourceKind,
    SourceRef,
    TimeRef,
    claim_id_for,
)
from fogofwar.model import DatePrecision, Span
from fogofwar.nlp.doc import AttributionMention, Clause, Doc, Resources, Sentence
from fogofwar.nlp.kinds import crosswalk
from fogofwar.nlp.matcher import Match, PhraseMatcher
from fogofwar.nlp.pipeline import stage
from fogofwar.nlp.place_items import place_headed
from fogofwar.nlp.salience import clause_kind, main_first, pick_place
from fogofwar.nlp.separable import separable_triggers
from fogofwar.nlp.tolls import TALLY_GAP, VICTIM_COUNTS, TollReader, trim_span
from fogofwar.packs import LanguagePack, Trigger

__all__ = ["CLAIMS_REQUIRE", "INHERIT_WINDOW", "ClaimBuilder", "claims", "trim_span"]

INHERIT_WINDOW = 2
#: What a claims stage reads (``claims.v1`` and ``claims.v2`` alike).
CLAIMS_REQUIRE: tuple[str, ...] = (
    "tokens",
    "sentences",
    "clauses",
    "quantities",
    "dates",
    "entities",
    "places",
    "attributions",
)
_VICTIM_COUNTS = VICTIM_COUNTS
_SPEECH = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})  # the speaker acts
_TALLY_GAP = TALLY_GAP
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


class ClaimBuilder(TollReader):
    """The rule parts of a claim (events, counts, actors, place, time, source) for one Doc."""

    def __init__(self, doc: Doc, res: Resources) -> None:
        self.doc, self.res = doc, res
        self.pack: LanguagePack = res.packs[doc.lang]
        self.toks = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self.used_q: set[Span] = set()
        self._has: dict[tuple[int, int, int], bool] = {}
        self._every: dict[tuple[int, int], list[Match[Trigger]]] = {}

    def claim(
        self,
        clause: Clause,
        span: Span,
        kind: ClaimKind,
        subtype: str | None,
        certainty: Certainty,
        source: SourceRef,
        att: AttributionMention | None,
        anchor: int,
        events: list[Match[Trigger]],
    ) -> Claim:
        """The claim of ``clause``: its words (``span``, trimmed), kind, source and certainty as
        decided, and the parts the rules read around the event word at ``anchor`` — counts,
        actors, place, time, cue."""
        doc, res = self.doc, self.res
        span = trim_span(doc.text, span)
        acled, plover = crosswalk(kind, subtype)
        counts = self.counts(clause, events)
        return Claim(
            claim_id=claim_id_for(doc.doc_id, res.pipeline_version, span, kind.value, doc.headline),
            article_id=doc.doc_id,
            lang=doc.lang,
            span=span,
            kind=kind,
            source=source,
            certainty=certainty,
            in_headline=doc.headline,
            subtype=subtype,
            acled=acled,
            plover=plover,
            actors=self.actors(clause, kind, anchor, att, counts),
            location=self.location(clause, anchor, att.source if att else None),
            time=self.time(clause, certainty == Certainty.HYPOTHETICAL, att),
            counts=counts,
            cue=Cue(att.cue_text or "", att.cue) if att is not None and att.cue else None,
            quote=att.direct if att is not None else False,
            sentence=doc.sentences[clause.sentence].span,
        )

    def has(self, matcher: PhraseMatcher[Any], lo: int, hi: int) -> bool:
        """Whether ``matcher`` matches in tokens ``[lo, hi)``; remembered per document (the
        clause views, the kind and the certainty ask the same questions)."""
        key = (id(matcher), lo, hi)
        hit = self._has.get(key)
        if hit is None:
            hit = self._has[key] = bool(matcher.find(self.toks, lo, hi))
        return hit

    def verification(self, sent: Sentence) -> bool:
        """A verification cue ("could not be independently verified") in ``sent``."""
        key = (-1, sent.tok_start, sent.tok_end)
        hit = self._has.get(key)
        if hit is None:
            cues = self.pack.cues.find(self.toks, sent.tok_start, sent.tok_end)
            hit = self._has[key] = any(m.payload.type == "verification" for m in cues)
        return hit

    # -- selection -------------------------------------------------------------------------
    def background(self, clause: Clause) -> list[Clause]:
        return [
            c
            for c in self.doc.clauses
            if c.sentence == clause.sentence
            and (c.relative or c.qualifier)
            and clause.tok_start <= c.tok_start <= clause.tok_end
        ]

    def events(self, clause: Clause) -> list[Match[Trigger]]:
        pack, toks = self.pack, self.toks
        bg = self.background(clause)
        sources = [a.source for a in self.doc.attributions if a.source is not None]
        found = [
            m
            for m in self.every(clause)
            if not any(b.tok_start <= m.start < b.tok_end for b in bg)
            and not any(s.start <= toks[m.start].start < s.end for s in sources)
        ]
        if not found or self.doc.headline:
            return found
        if self.has(pack.habitual, clause.tok_start, clause.tok_end):
            return []  # habitual background ("Russia regularly shells …"): no one event
        verbal = [m for m in found if not m.payload.nominal]
        light = self.has(pack.light_verbs, clause.tok_start, clause.tok_end)
        evaluative = self.has(pack.evaluative, clause.tok_start, clause.tok_end)
        speculative = self.has(pack.speculative, clause.tok_start, clause.tok_end)
        if evaluative and (speculative or not verbal):
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
            verbal += [m for m in found if m.payload.nominal and m.payload.count in _VICTIM_COUNTS]
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
                ),
                key=lambda m: m.start,
            )
        return list(hit)

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
        for name in _VICTIM_COUNTS:
            c = getattr(counts, name)
            if c is None or c.span is None:
                continue
            qualified = qualified or c.qualifier is not None
            k = bisect.bisect_left(self.starts, c.span.end)
            words = 0
            while k < clause.tok_end and words < _TALLY_GAP:
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
        self, clause: Clause, hypothetical: bool, att: AttributionMention | None
    ) -> TimeRef | None:
        """A date in the clause, else in the sentence. A date of the sentence outside the
        claim's attributed content dates the report ("…, media reported on Thursday", "teilte
        am Dienstag mit, dass …"): the event then happened on or before that day."""
        sent = self.doc.sentences[clause.sentence].span
        content = att.content if att is not None and _overlaps(att.content, sent) else None
        report: date | None = None
        for area in (clause.span, sent):
            for d in self.doc.dates:
                if not _within(d.span, area):
                    continue
                if content is not None and not _within(d.span, content):
                    report = d.end if report is None else min(report, d.end)
                    continue
                start = d.start.isoformat() if d.start else None
                return TimeRef(start, d.end.isoformat(), d.precision.value, d.span)
        if self.doc.published is None or hypothetical:
            return None
        end = self.doc.published if report is None else min(report, self.doc.published)
        return TimeRef(None, end.isoformat(), DatePrecision.BEFORE_PUBLICATION.value, None)

    def attribution_for(self, offset: int) -> AttributionMention | None:
        best: AttributionMention | None = None
        for a in self.doc.attributions:
            if a.content.start <= offset < a.content.end and (
                best is None
                or a.content.end - a.content.start < best.content.end - best.content.start
            ):
                best = a
        return best

    def certainty(self, clause: Clause, base: Certainty) -> Certainty:
        pack = self.pack
        lo, hi = clause.tok_start, clause.tok_end
        si = clause.sentence
        sents = self.doc.sentences
        check = [sents[si]] + ([sents[si + 1]] if si + 1 < len(sents) else [])
        for s in check:
            if self.verification(s):
                return Certainty.UNVERIFIED
        if base == Certainty.DENIED:
            return base
        planned = self.has(pack.planned_modals, lo, hi)
        if (
            planned
            and base in {Certainty.ASSERTED, Certainty.CLAIMED}
            and self.has(pack.reportative, lo, hi)
            and (
                self.has(pack.perfect_auxiliaries, lo, hi)
                or self.has(pack.hearsay_statives, lo, hi)
            )
        ):
            return Certainty.REPORTED  # "sollen … geplant haben", "sollen sich … befinden"
        if self.has(pack.speculative, lo, hi) or self.has(pack.future, lo, hi):
            return Certainty.HYPOTHETICAL
        if planned and not self.has(pack.perfect_auxiliaries, lo, hi):
            return (
                Certainty.HYPOTHETICAL
            )  # "soll am Montag … beschließen" (not "soll … worden sein")
        if self.has(pack.reportative, lo, hi) and base in {Certainty.ASSERTED, Certainty.CLAIMED}:
            return Certainty.REPORTED
        return base


@stage(
    "claims.v1",
    requires=CLAIMS_REQUIRE,
    provides=["claims"],
)
def claims(doc: Doc, res: Resources) -> Doc:
    """Build the claims of every clause that asserts an event."""
    b = ClaimBuilder(doc, res)
    out: list[Claim] = []
    last: tuple[int, int, AttributionMention] | None = None  # (sentence, paragraph, attribution)
    last_heading = -1
    for clause in doc.clauses:
        sent = doc.sentences[clause.sentence]
        if sent.heading:
            last_heading = clause.sentence
            continue
        if clause.relative or clause.qualifier:
            continue
        events = b.events(clause)
        if not events:
            continue
        every = b.every(clause)
        kind, subtype = clause_kind(doc, clause, events, b.pack, every)
        trig_off = doc.tokens[events[0].start].start
        att = b.attribution_for(trig_off)
        if att is None and last is not None:
            l_sent, l_para, l_att = last
            if (
                0 < clause.sentence - l_sent <= INHERIT_WINDOW
                and sent.paragraph - l_para <= 1
                and last_heading < l_sent
                and not l_att.direct
            ):
                att = l_att
        elif att is not None and att.source_kind != SourceKind.AUTHOR:
            last = (clause.sentence, sent.paragraph, att)
        base = att.certainty if att is not None else Certainty.ASSERTED
        certainty = b.certainty(clause, base)
        span = clause.span
        if att is not None and _within(trig_off_span := Span(trig_off, trig_off + 1), att.content):
            lo, hi = max(span.start, att.content.start), min(span.end, att.content.end)
            span = Span(lo, hi) if hi > lo else trig_off_span
        source = (
            SourceRef(att.source_kind, b.source_name(att), att.via, att.source)
            if att is not None
            else SourceRef(SourceKind.AUTHOR)
        )
        out.append(b.claim(clause, span, kind, subtype, certainty, source, att, trig_off, events))
    return dataclasses.replace(doc, claims=tuple(main_first(out)))
