"""Who stands behind a claim, as evidence: identity, identifiability, weakness, firmness.

Two articles citing the same ministry are one source; reposts of one wire story are one
source; an article's own voice is its outlet. Keys are stable strings so stages can count
distinct sources without passing dicts around.
"""

from __future__ import annotations

from dataclasses import dataclass

from fogofwar.claim import Certainty, Claim, SourceKind
from fogofwar.events.model import ArticleMeta

__all__ = [
    "CERTAINTY_RANK",
    "SOCIAL_VIA",
    "Source",
    "is_weak",
    "source_of",
]

# Firmest first; ``denied`` is a contrary claim, not a weaker one, and is left out.
CERTAINTY_RANK: dict[Certainty, int] = {
    Certainty.CONFIRMED: 0,
    Certainty.ASSERTED: 1,
    Certainty.CLAIMED: 2,
    Certainty.REPORTED: 3,
    Certainty.UNVERIFIED: 4,
    Certainty.HYPOTHETICAL: 5,
}

# Intermediaries that make a claim social-media hearsay when they appear in ``source.via``
# (the reader's surface forms, lower-cased, in the four languages).
SOCIAL_VIA = frozenset(
    {
        "social media",
        "soziale medien",
        "sozialen medien",
        "соцсети",
        "социальные сети",
        "соцмережі",
        "соціальні мережі",
        "telegram",
        "телеграм",
        "x",
        "twitter",
        "facebook",
        "tiktok",
        "youtube",
        "vk",
    }
)


@dataclass(frozen=True, slots=True)
class Source:
    """A claim's source as evidence."""

    key: str  # equal keys = the same source
    label: str  # for people: the name, or the outlet for the article's own voice
    kind: SourceKind
    identifiable: bool  # ACLED's "credible": a named source or an outlet's own voice


def source_of(claim: Claim, meta: ArticleMeta | None) -> Source:
    """The source behind ``claim`` in the article ``meta``."""
    src = claim.source
    evidence = meta.evidence_id if meta else claim.article_id
    outlet = meta.outlet if meta else claim.article_id
    if src.kind is SourceKind.UNNAMED or (src.name is None and src.kind is not SourceKind.AUTHOR):
        return Source(f"unnamed:{evidence}", src.name or "unnamed sources", src.kind, False)
    if src.name is None:
        return Source(f"outlet:{evidence}", outlet, src.kind, True)
    return Source("name:" + " ".join(src.name.lower().split()), src.name, src.kind, True)


def is_weak(claim: Claim) -> bool:
    """True for unnamed or social-media sourcing (also when relayed via social media)."""
    if claim.source.kind in (SourceKind.UNNAMED, SourceKind.SOCIAL_MEDIA):
        return True
    return any(v.strip().lower() in SOCIAL_VIA for v in claim.source.via)
