"""The document the reader's stages pass along, and the resources they share.

A :class:`Doc` is frozen: every stage returns ``dataclasses.replace(doc, …)`` with the tuples it
provides filled in. Spans index into :attr:`Doc.text` (the article body, or the title for the
headline document).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from fogofwar.actors import ActorMatch, PersonMatch
from fogofwar.claim import Certainty, Claim, SourceKind
from fogofwar.geo import PlaceMention
from fogofwar.model import DatePrecision, Span
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack

if TYPE_CHECKING:
    from fogofwar.detect.model import ClauseScore
    from fogofwar.nlp.clause_view import ClauseView

__all__ = [
    "ActorSource",
    "AttributionMention",
    "Clause",
    "ClauseScorer",
    "DateMention",
    "Doc",
    "EntityMention",
    "NoActors",
    "NoPlaces",
    "PlaceSource",
    "Quantity",
    "Resources",
    "Sentence",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span, tokens ``[tok_start, tok_end)``, paragraph and heading flag."""

    span: Span
    tok_start: int
    tok_end: int
    paragraph: int
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence; ``relative`` marks relative clauses (background, no claims)."""

    span: Span
    sentence: int
    tok_start: int
    tok_end: int
    relative: bool = False
    qualifier: bool = False  # ", darunter …" / ", including …": qualifies a count


@dataclass(frozen=True, slots=True)
class Quantity:
    """A bounded figure in text: exact, bounded, a range or a vague word."""

    span: Span
    low: int | None
    high: int | None
    tok_start: int
    tok_end: int
    vague: bool = False
    #: False for a figure that is no head count though it stays a figure of the clause (a day
    #: of the month, a time, an age, an ordinal): the toll reader skips it
    toll: bool = True


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression resolved against the publication date."""

    span: Span
    start: date | None  # None for before_publication
    end: date
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An actor, person or source noun phrase found in text.

    ``category`` is ``actor`` (registry or force noun), ``person`` (named person) or ``source``
    (a source noun such as "sources", "Geheimdienst" without registry entry).
    """

    span: Span
    surface: str
    category: str
    normalized: str | None = None
    country: str | None = None
    actor_kind: str | None = None
    source_kind: SourceKind | None = None
    role_span: Span | None = None


@dataclass(frozen=True, slots=True)
class AttributionMention:
    """Who says what: content, source and cue spans, with certainty and intermediaries."""

    content: Span
    source: Span | None
    cue: Span | None
    direct: bool
    source_name: str | None
    source_kind: SourceKind
    certainty: Certainty
    via: tuple[str, ...] = ()
    cue_text: str | None = None
    # how the source was found: "lexicon" (its kind is known), "position" (a phrase in speaker
    # position, kind guessed: the model types it or finds no source), "headline" (a wire-style
    # headline tail "FACTS – SOURCE": the model types it, never drops it)
    found_by: str = "lexicon"
    # the kind was read from the text around the source (a spokesperson of the body named
    # before): it stands over the registry's and the model's
    kind_settled: bool = False


class ActorSource(Protocol):
    """What the reader needs of :class:`fogofwar.actors.ActorRegistry`."""

    def find(self, text: str, lang: str) -> tuple[ActorMatch, ...]:
        """Registry actors mentioned in ``text``."""
        ...

    def find_persons(self, text: str, lang: str) -> tuple[PersonMatch, ...]:
        """Named persons with role words."""
        ...


class PlaceSource(Protocol):
    """What the reader needs of :class:`fogofwar.geo.Gazetteer`."""

    def find(self, text: str, lang: str, until: int | None = None) -> tuple[PlaceMention, ...]:
        """Place mentions in ``text`` (``until``: at least those ending by that offset; the
        rest of the text is context)."""
        ...


class ClauseScorer(Protocol):
    """What the reader needs of the learned clause model (:class:`fogofwar.detect.ClauseModel`)."""

    def score(self, views: Sequence[ClauseView]) -> tuple[ClauseScore, ...]:
        """One score per clause view."""
        ...

    def source_kinds(
        self, phrases: Sequence[tuple[str, str]], *, some: bool = False
    ) -> tuple[tuple[SourceKind | None, float], ...]:
        """The likeliest source kind of each ``(name, context)`` (``None``: no source, unless
        ``some``) and its probability."""
        ...


@dataclass(frozen=True, slots=True)
class SourceCandidate:
    """One possible source of a clause: an attribution (``None``: the author's own voice),
    the name and kind the claim would get with it, and its features."""

    att: AttributionMention | None
    name: str | None
    kind: SourceKind
    features: tuple[float, ...]


class SourcePicker(Protocol):
    """What the claim stage needs of :class:`fogofwar.nlp.source_choice.SourceChooser`."""

    def choose(self, clause: Span, cands: Sequence[SourceCandidate], rule: int) -> int:
        """Index of the chosen candidate for ``clause`` (``rule``: the rules' pick)."""
        ...


class NoActors:
    """An empty actor source: actors are then kept by surface form from pack force nouns."""

    def find(self, text: str, lang: str) -> tuple[ActorMatch, ...]:
        """No registry actors."""
        return ()

    def find_persons(self, text: str, lang: str) -> tuple[PersonMatch, ...]:
        """No registry persons (the pack's role nouns still find "spokesman X")."""
        return ()


class NoPlaces:
    """An empty place source: claims then carry no location."""

    def find(self, text: str, lang: str, until: int | None = None) -> tuple[PlaceMention, ...]:
        """No places."""
        return ()


@dataclass(frozen=True, slots=True)
class Resources:
    """Loaded once by :meth:`fogofwar.reader.Reader.default` and handed to every stage."""

    packs: Mapping[str, LanguagePack]
    actors: ActorSource
    gazetteer: PlaceSource
    pipeline_version: str
    model: ClauseScorer | None = None  # the learned clause model; None: rules only
    sources: SourcePicker | None = None  # the learned source choice; None: the rules' pick


@dataclass(frozen=True, slots=True)
class Doc:
    """The text under analysis and everything the stages found in it."""

    doc_id: str
    text: str
    lang: str
    published: date | None = None
    headline: bool = False
    tokens: tuple[Token, ...] = ()
    context: str = ""  # text read with this one for place context only (a headline's body)
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    clauses: tuple[Clause, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    attributions: tuple[AttributionMention, ...] = ()
    claims: tuple[Claim, ...] = ()
