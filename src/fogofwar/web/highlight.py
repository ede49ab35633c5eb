"""Split a text into runs covered by the same claims, so a page can mark every claim's words.

    >>> [(r.text, r.claims) for r in runs("Eight killed in Kursk", [(0, 12, 0), (16, 21, 1)])]
    [('Eight killed', (0,)), (' in ', ()), ('Kursk', (1,))]

Overlapping spans give runs that list several claims. Spans outside the text are clipped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Run", "runs"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text and the claims (by index) whose spans cover all of it."""

    text: str
    claims: tuple[int, ...]


def runs(text: str, spans: Sequence[tuple[int, int, int]]) -> list[Run]:
    """``text`` cut at every span edge; ``spans`` are ``(start, end, claim index)``."""
    clipped = [
        (max(0, s), min(len(text), e), i) for s, e, i in spans if min(len(text), e) > max(0, s)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    out: list[Run] = []
    for a, b in itertools.pairwise(cuts):
        covering = tuple(sorted({i for s, e, i in clipped if s <= a and b <= e}))
        out.append(Run(text[a:b], covering))
    return out
