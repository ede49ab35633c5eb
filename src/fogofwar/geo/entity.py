"""The mutable place record the gazetteer sources fill while the index is built."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Entity"]


@dataclass(slots=True)
class Entity:
    """A place while the index is being built (mutable; the index stores rows)."""

    name: str
    kind: str  # city | admin1 | admin2 | country | continent | region
    cc: str  # ISO alpha-2 ("" for continents and multi-country regions)
    lat: float | None
    lon: float | None
    population: int = 0
    gid: int | None = None
    admin1: str = ""
    admin2: str = ""
    capital: bool = False
    code: str = ""  # GeoNames admin1 code of a city ("41"), joins regions to their GeoNames id
    # lists, not sets: 250,000 small sets would double the build's memory; deduplicated on output
    main: list[str] = field(default_factory=list)  # official/current names
    alt: list[str] = field(default_factory=list)  # other names (historic, foreign)
