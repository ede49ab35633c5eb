"""Which source a claim has: a learned choice among the attributions around its clause.

The rules find attributions (who says what, with which words) and give every clause one
candidate source: the attribution covering it, the one it continues, or none (the author). They
are often right about *who speaks* in a passage but wrong about *which clause* a speaker covers:
a source named after the facts ("Das teilte das Innenministerium mit."), a briefing that goes on
for sentences, an author-voiced sentence after "officials say", the next speaker's words.

This module makes that choice a small learned ranking instead of a rule cascade:

1. :func:`candidates` gathers, for one clause, the author (no source), the rules' own pick, the
   attribution covering the clause, the one it may continue, every attribution overlapping the
   clause and the named attributions of the two sentences before and the one after.
2. :func:`features` describes each candidate relative to the clause: how the two are placed
   (covering, overlapping, sentences apart, cue before or after), how the rules found it, its
   kind, certainty and cue, how often its speaker speaks in the passage, and the clause's own
   signals (hedges, the clause model's "continues a source" probability).
3. :class:`SourceChooser` scores each candidate with a logistic model (weights in
   ``weights/source-choice.json``, rebuilt by ``fogofwar train sources``) and returns the best.

Without shipped weights the rules' pick stands (:meth:`SourceChooser.shipped` is ``None``).
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import (
    AttributionMention,
    Doc,
    EntityMention,
    SourceCandidate,
    SourcePicker,
)

__all__ = [
    "FEATURES",
    "WEIGHTS",
    "ClauseSide",
    "SourceChooser",
    "SourceLayout",
    "candidates",
    "features",
    "pick_source",
]

#: Where the shipped weights live.
WEIGHTS = Path(__file__).with_name("weights") / "source-choice.json"

_LANGS = ("de", "en", "es", "fr", "it", "ru", "uk")
_FOUND_BY = ("lexicon", "position", "headline")
_HEDGED = frozenset({Certainty.CLAIMED, Certainty.REPORTED, Certainty.UNVERIFIED})
#: sentence offsets of a candidate's content from the clause's sentence
_OFFSETS = (-3, -2, -1, 0, 1)
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 1
_ENTITY_BEFORE = 2
#: ``found_by`` of a candidate made from an entity near the clause that no cue introduces
ENTITY = "entity"

#: Feature names, in the order :func:`features` writes them (the weights file checks them).
FEATURES: tuple[str, ...] = (
    *("none", "rule", "own", "inherited", "continued", "covers", "overlap", "cue_before"),
    *("cue_after", "direct", "named", "settled", "salience", "nearest_before", "nearest_after"),
    *("entity", "entity_person", "entity_known", "next_x_introduces", "prev_x_postposed"),
    *(f"offset{o:+d}" for o in _OFFSETS),
    *(f"found_{f}" for f in _FOUND_BY),
    *(f"kind_{k.value}" for k in SourceKind),
    *(f"cert_{c.value}" for c in Certainty),
    *("clause_hedged", "clause_sourced", "none_x_hedged", "none_x_sourced"),
    *("prev_x_sourced", "next_x_hedged", "rule_x_sourced", "none_x_statement"),
    *(f"none_x_{lang}" for lang in _LANGS),
)


_INHERITED = FEATURES.index("inherited")

# one-hot rows of the kind and certainty features, built once (the same 1.0s and 0.0s)
_KIND_ROWS = {k: [float(k == j) for j in SourceKind] for k in SourceKind}
_CERT_ROWS: dict[Certainty | None, list[float]] = {
    c: [float(c == j) for j in Certainty] for c in (*Certainty, None)
}
_NO_ROW_KIND, _NO_ROW_CERT = [0.0] * len(SourceKind), [0.0] * len(Certainty)


class SourceLayout:
    """What the source choice reads of a whole document, built once per document: the sentence
    of an offset, the attributions in text order, the entities that may speak, and how often
    each speaker speaks."""

    def __init__(self, doc: Doc) -> None:
        self.lang = doc.lang
        self.starts = [s.span.start for s in doc.sentences]
        self._sentence_at: dict[int, int] = {}  # offset -> its sentence, as asked
        self.atts = sorted(doc.attributions, key=lambda a: a.content.start)
        #: entities that may speak, each as a candidate attribution over its sentence
        self.entities: list[tuple[EntityMention, AttributionMention]] = []
        for e in doc.entities:
            if _speaks(e):
                sent = doc.sentences[self.sentence(e.span.start)].span if doc.sentences else e.span
                name = e.normalized if e.category == "person" and e.normalized else e.surface
                kind = e.source_kind or SourceKind.WITNESS
                att = AttributionMention(
                    sent, e.span, None, False, name, kind, Certainty.CLAIMED, found_by=ENTITY
                )
                self.entities.append((e, att))
        self.speaks: dict[str, int] = {}
        for a in doc.attributions:
            if a.source_name:
                key = a.source_name.casefold()
                self.speaks[key] = self.speaks.get(key, 0) + 1
        self._sourced = [a for a in self.atts if a.source is not None]
        self._sourced_starts = [a.content.start for a in self._sourced]

    def sentence(self, offset: int) -> int:
        """Index of the sentence that holds character ``offset``."""
        got = self._sentence_at.get(offset)
        if got is None:  # every clause asks of the same attributions' offsets
            got = self._sentence_at[offset] = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return got

    def around(self, offset: int) -> tuple[AttributionMention | None, AttributionMention | None]:
        """The last sourced attribution whose content starts at or before ``offset`` and the
        first one after it."""
        k = bisect.bisect_right(self._sourced_starts, offset)
        before = self._sourced[k - 1] if k > 0 else None
        after = self._sourced[k] if k < len(self._sourced) else None
        return before, after


@dataclass(frozen=True, slots=True)
class ClauseSide:
    """What the source choice knows of one clause: the rules' pick, the clause model's
    continuation probability, the claim's kind, the certainty of the clause's own words, and
    the sourced attributions right before and after it."""

    view: ClauseView
    rule: AttributionMention | None
    sourced: float
    claim_kind: ClaimKind
    own: Certainty
    before: AttributionMention | None = None
    after: AttributionMention | None = None


def candidates(
    lay: SourceLayout, view: ClauseView, rule: AttributionMention | None
) -> list[AttributionMention | None]:
    """The attributions that may be the source of ``view``'s clause; ``None`` (the author)
    and the rules' pick ``rule`` first."""
    clause = view.clause.span
    here = view.clause.sentence
    out: list[AttributionMention | None] = [None]
    seen: set[int] = {id(None)}
    for a in (rule, view.attribution, view.candidate):
        if id(a) not in seen:
            seen.add(id(a))
            out.append(a)
    for a in lay.atts:
        if id(a) in seen:
            continue
        d = lay.sentence(a.content.start) - here
        overlaps = a.content.start < clause.end and clause.start < a.content.end
        near = -_WINDOW_BEFORE <= d <= _WINDOW_AFTER and a.source is not None
        if overlaps or near:
            seen.add(id(a))
            out.append(a)
    taken = [a.source for a in out if a is not None and a.source is not None]
    for e, a in lay.entities:
        d = lay.sentence(e.span.start) - here
        if d == 0 or not -_ENTITY_BEFORE <= d <= _WINDOW_AFTER:
            continue  # a speaker in the clause's own sentence comes with a cue, as an attribution
        if _overlap(e.span, clause) or any(_overlap(e.span, t) for t in taken):
            continue
        taken.append(e.span)
        out.append(a)
    return out


def _speaks(e: EntityMention) -> bool:
    """A named person or a source noun ("the ministry"): not a force, which rarely speaks
    unless a cue says so."""
    return e.category in {"person", "source"}


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def features(
    lay: SourceLayout, side: ClauseSide, att: AttributionMention | None, kind: SourceKind
) -> tuple[float, ...]:
    """Features of candidate ``att`` (typed ``kind``) for the clause of ``side`` (names in
    :data:`FEATURES`)."""
    view, rule, own = side.view, side.rule, side.own
    clause = view.clause.span
    here = view.clause.sentence
    hedged = float(own in _HEDGED)
    none = float(att is None)
    f: list[float] = [none, float(att is rule)]
    if att is None:
        f += [0.0] * 18 + [0.0] * len(_OFFSETS) + [0.0] * len(_FOUND_BY)
    else:
        cue = att.cue or att.content
        ov = max(0, min(att.content.end, clause.end) - max(att.content.start, clause.start))
        d = max(-3, min(1, lay.sentence(att.content.start) - here))
        key = (att.source_name or "").casefold()
        f += [
            float(att is view.attribution and not view.inherited),
            float(att is view.attribution and view.inherited),
            float(att is view.candidate),
            float(att.content.start <= clause.start and clause.end <= att.content.end),
            ov / max(1, clause.end - clause.start),
            float(cue.end <= clause.start),
            float(cue.start >= clause.end),
            float(att.direct),
            float(att.source is not None),
            float(att.kind_settled),
            math.log1p(lay.speaks.get(key, 0)) if key else 0.0,
            float(side.before is att),
            float(side.after is att),
            float(att.found_by == ENTITY),
            float(att.found_by == ENTITY and att.source_kind == SourceKind.WITNESS),
            float(att.found_by == ENTITY and att.source_kind != SourceKind.WITNESS),
            float(d > 0 and att.cue is not None and att.cue.end <= att.content.start),
            float(d < 0 and att.cue is not None and att.cue.start >= att.content.end),
        ]
        f += [float(d == o) for o in _OFFSETS]
        f += [float(att.found_by == fb) for fb in _FOUND_BY]
    f += _KIND_ROWS.get(kind, _NO_ROW_KIND)
    cert = att.certainty if att is not None else None
    f += _CERT_ROWS.get(cert, _NO_ROW_CERT)
    prev = att is not None and lay.sentence(att.content.start) < here
    nxt = att is not None and lay.sentence(att.content.start) > here
    sourced = side.sourced
    f += [hedged, sourced, none * hedged, none * sourced]
    f += [float(prev) * sourced, float(nxt) * hedged, float(att is rule) * sourced]
    f += [none * float(side.claim_kind == ClaimKind.STATEMENT)]
    f += [none * float(lay.lang == lang) for lang in _LANGS]
    return tuple(f)


class SourceChooser:
    """A logistic scorer over :class:`SourceCandidate` features; the best-scoring candidate is
    the clause's source. A candidate must beat the rules' pick by ``margin`` (in log-odds)."""

    def __init__(self, weights: Sequence[float], bias: float, margin: float = 0.0) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(
                f"source-choice weights: {len(weights)} values, {len(FEATURES)} needed"
            )
        self.weights = tuple(weights)
        self.bias = bias
        self.margin = margin

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> SourceChooser:
        """Weights written by ``fogofwar train sources``."""
        meta = json.loads(path.read_text(encoding="utf-8"))
        names = tuple(meta["features"])
        if names != FEATURES:
            raise ValueError(f"{path}: trained for other features; rerun `fogofwar train sources`")
        return cls(meta["weights"], float(meta["bias"]), float(meta.get("margin", 0.0)))

    @classmethod
    def shipped(cls) -> SourceChooser | None:
        """The shipped chooser, or ``None`` when the package has no weights (rules decide)."""
        return cls.load() if WEIGHTS.is_file() else None

    def score(self, feats: Sequence[float]) -> float:
        """Log-odds that a candidate with these features is the clause's source."""
        if len(feats) != len(self.weights):
            raise ValueError(f"{len(feats)} features, {len(self.weights)} weights")
        # the same products summed in the same order as a generator would, at C speed
        total: float = sum(map(operator.mul, self.weights, feats))
        return self.bias + total

    def choose(self, clause: Span, cands: Sequence[SourceCandidate], rule: int) -> int:
        """Index of the chosen candidate; ``rule`` (the rules' pick) unless another scores
        higher by the margin. Whether a clause continues a report at all is the clause model's
        call (its continuation head): an inherited source is never dropped for the author."""
        scores = [self.score(c.features) for c in cands]
        inherited = cands[rule].features[_INHERITED] > 0
        best = rule
        for i in sorted(range(len(cands)), key=lambda i: -scores[i]):
            if inherited and cands[i].att is None:
                continue
            best = i
            break
        return best if scores[best] > scores[rule] + self.margin else rule


def pick_source(
    lay: SourceLayout,
    side: ClauseSide,
    picker: SourcePicker,
    describe: Callable[[AttributionMention | None], tuple[str | None, SourceKind]],
    keep: Callable[[AttributionMention], bool],
) -> AttributionMention | None:
    """The source of the clause of ``side`` as ``picker`` chooses it among
    :func:`candidates` (those ``keep`` accepts as sources); ``describe`` gives the name and
    kind a claim would get from a candidate."""
    rule = side.rule
    before, after = lay.around(side.view.clause.span.start)
    side = dataclasses.replace(side, before=before, after=after)
    atts = [a for a in candidates(lay, side.view, rule) if a is None or a is rule or keep(a)]
    cands = []
    for a in atts:
        name, kind = describe(a)
        cands.append(SourceCandidate(a, name, kind, features(lay, side, a, kind)))
    chosen = cands[picker.choose(side.view.clause.span, cands, atts.index(rule))].att
    if chosen is None and rule is not None and rule.source_kind == SourceKind.AUTHOR:
        return rule  # the writer's own hedge ("offenbar"): the author speaks, hedged
    return chosen
