"""Offline multilingual geocoding.

INTERFACE STUB (owned by the places engineer). :class:`Gazetteer` finds place mentions in a
text and resolves each to a :class:`fogofwar.claim.Location` (GeoNames id, country, admin1,
lat/lon, precision), using the whole text as context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fogofwar.claim import Location
from fogofwar.model import Span

__all__ = ["Gazetteer", "PlaceMention"]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in text and, when resolved, where it is."""

    span: Span
    surface: str
    location: Location | None  # None: recognised as a place name but not resolved
    is_demonym: bool = False  # "russische" in "russische Region Kursk" marks country context only
    is_metonymy: bool = False  # "Kyiv said": a government, not an event location


class Gazetteer:
    """Loaded once (compact on-disk index), passed to the reader."""

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open the index at ``path`` (or the default cache location), building it if missing."""
        return cls()

    def find(self, text: str, lang: str) -> tuple[PlaceMention, ...]:
        """Every place mention in ``text``, resolved with the whole text as context."""
        return ()
