"""The reader's stages, registered in one place (not by scattered import side effects).

Importing this module registers every built-in stage; :data:`DEFAULT_PIPELINE` is the order the
reader runs them in.
"""

from __future__ import annotations

from fogofwar.nlp import (
    attribution,
    attribution_forward,
    claims,
    claims_v2,
    dates,
    mentions,
    numbers,
    segment,
)

__all__ = ["DEFAULT_PIPELINE", "MODULES"]

#: The modules whose ``@stage`` functions make up the built-in stages.
MODULES = (segment, dates, numbers, mentions, attribution, attribution_forward, claims, claims_v2)

DEFAULT_PIPELINE: tuple[str, ...] = (
    "segment.v1",
    "clauses.v1",
    "dates.v1",
    "quantities.v1",
    "entities.v1",
    "places.v1",
    "attribution.v1",
    "attribution_forward.v1",
    "claims.v2",
)
