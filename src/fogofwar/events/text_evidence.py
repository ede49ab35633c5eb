"""The linker's text feature, by language: how much a claim's wording says about an event.

Multilingual sentence embeddings place a sentence near its translation, but not near enough
to tell events apart across languages: on the project's event collections, two accounts of
one event in different languages have a cosine of about 0.3 (a tenth below 0.1), no higher than
two accounts of different strikes in one language (about 0.35). So the event keeps one mean
embedding per language of its accounts, and a claim's wording is compared

* with the accounts in **its own language** when the event has some: the cosine is evidence
  both ways (share ``(cos - 0.2) / 0.5``, clipped to 0..1, held against the link when low);
* otherwise with the **other languages'** accounts (the best of them): only a high cosine says
  something, so the text earns what it adds and is never held against the link — its points
  count as available only as far as they are earned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from fogofwar.events.embedding import cosine
from fogofwar.events.model import Vector

__all__ = ["LangEmbeddings", "TextEvidence", "add_embedding", "text_evidence", "text_share"]

LangEmbeddings = tuple[tuple[str, int, Vector], ...]

_LOW = 0.2  # a cosine at or below this earns nothing
_SPAN = 0.5  # ... and this much above it earns everything


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """The text feature's share (0..1) and what was compared."""

    share: float
    detail: str


def text_share(cos: float) -> float:
    """Share of the text points a cosine earns."""
    return min(1.0, max(0.0, (cos - _LOW) / _SPAN))


def _mean(vec: Vector, n: int, add: Vector) -> Vector:
    mean = vec * n + add
    norm = float(np.linalg.norm(mean)) or 1.0
    out: Vector = (mean / norm).astype(np.float32)
    return out


def add_embedding(
    by_lang: Sequence[tuple[str, int, Vector]], lang: str | None, vec: Vector | None
) -> LangEmbeddings:
    """``by_lang`` after one more account in ``lang`` (running mean of its language's vectors);
    unchanged when the claim has no language or no embedding."""
    if vec is None or not lang:
        return tuple(by_lang)
    out = []
    found = False
    for code, n, mean in by_lang:
        if code == lang and mean.shape == vec.shape:
            out.append((code, n + 1, _mean(mean, n, vec)))
            found = True
        else:
            out.append((code, n, mean))
    if not found:
        out.append((lang, 1, vec))
    return tuple(sorted(out, key=lambda t: t[0]))


def text_evidence(
    vec: Vector | None,
    lang: str | None,
    by_lang: Sequence[tuple[str, int, Vector]],
    overall: Vector | None,
) -> TextEvidence | None:
    """The text evidence of a claim (embedding ``vec``, language ``lang``) against an event's
    per-language embeddings (``by_lang``; ``overall`` is the mean over all its accounts, used
    alone for an event stored without languages). ``None``: nothing to compare."""
    if vec is None:
        return None
    own = [m for code, _, m in by_lang if code == lang]
    if own:
        cos = cosine(vec, own[0])
        if cos is not None:
            return TextEvidence(text_share(cos), f"{lang} cos={cos:.2f}")
    others = [(code, c) for code, _, m in by_lang if (c := cosine(vec, m)) is not None]
    if others:
        code, cos = max(others, key=lambda t: t[1])
        return TextEvidence(text_share(cos), f"{lang}~{code} cos={cos:.2f}")
    cos = cosine(vec, overall)
    if cos is None:
        return None
    return TextEvidence(text_share(cos), f"cos={cos:.2f}")
