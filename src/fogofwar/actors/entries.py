"""What the actor registry finds: entries of the registry and their matches in text."""

from __future__ import annotations

from dataclasses import dataclass

from fogofwar.claim import SourceKind
from fogofwar.model import Span

__all__ = ["ActorEntry", "ActorMatch", "PersonMatch"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One registry actor (or person, ``kind == "person"``)."""

    id: str  # stable slug, e.g. "kor-nis"
    name: str  # canonical English name
    kind: str  # state_forces | government | armed_group | civilians | organization | other | person
    country: str | None = None  # ISO 3166-1 alpha-3
    source_kind: SourceKind | None = None  # what kind of source it is when it speaks
    aliases: tuple[str, ...] = ()  # every alias, all languages
    lang_aliases: tuple[tuple[str, str], ...] = ()  # (language, alias) pairs
    generic: tuple[str, ...] = ()  # generic categories it answers for ("intelligence", ...)
    role: str | None = None  # persons: official | military_officer | combatant | ...
    synthesized: bool = False  # built from "nationality + noun", not read from the registry


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
    entry: ActorEntry | None = None  # the registry person, when the name is a known figure
