"""Actor registry: states' forces, governments, intelligence services, armed groups, IOs.

INTERFACE STUB (owned by the actors engineer): the shipped registry lives in
``data/actors.toml``; :class:`ActorRegistry` finds registry actors, nationality-adjective
forces and persons with role words in text of any supported language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fogofwar.claim import SourceKind
from fogofwar.model import Span

__all__ = ["ActorEntry", "ActorMatch", "ActorRegistry", "PersonMatch"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One registry actor."""

    id: str  # stable slug, e.g. "kor-nis"
    name: str  # canonical English name
    kind: str  # state_forces | government | armed_group | civilians | organization | other
    country: str | None = None  # ISO 3166-1 alpha-3
    source_kind: SourceKind | None = None  # what kind of source it is when it speaks


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A mention of a registry actor (or a nationality + force noun) in text."""

    span: Span
    surface: str
    entry: ActorEntry


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A named person, with the role words around the name when the text gives them."""

    span: Span  # the name
    name: str
    role: str | None = (
        None  # combatant | official | military_officer | expert | journalist | witness | ...
    )
    role_span: Span | None = None
    country: str | None = None  # from a nationality adjective next to the role word
    source_kind: SourceKind | None = None


class ActorRegistry:
    """Loaded once, passed to the reader; thread-safe for reading."""

    def __init__(self, entries: tuple[ActorEntry, ...] = ()) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path: Path | None = None) -> ActorRegistry:
        """Load the shipped registry (or ``path``)."""
        return cls()

    def find(self, text: str, lang: str) -> tuple[ActorMatch, ...]:
        """Every registry actor mentioned in ``text``, inflected forms included, by position."""
        return ()

    def find_persons(self, text: str, lang: str) -> tuple[PersonMatch, ...]:
        """Named persons in ``text`` with their role words, by position."""
        return ()
