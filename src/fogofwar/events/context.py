"""Claims that describe an event's context, not an event of their own.

An article reporting a strike also says where the missiles were launched from, which country
the attacker is, and what happened before. Such a claim never founds an event of its own while
its article reports one: when it fits no event, it is linked to its article's event as
*context* (a :class:`~fogofwar.events.model.LinkReason` ``context``), listed with the event but
never its place, kind, source or figure. Three kinds:

* ``background`` — the sentence says it is earlier news ("earlier", "previously", "раніше",
  "ранее", "zuvor", "last week", "since the start of the war");
* ``launch site`` — an attack placed where it came from ("launched from Belgorod", "з
  Бєлгородської області", "aus Richtung");
* ``country only`` — a claim without figures placed no finer than a country (often the actor's
  own country) in an article that places its event more precisely.
"""

from __future__ import annotations

import re

from fogofwar.claim import Claim, ClaimKind
from fogofwar.events.model import ArticleMeta

__all__ = ["context_reason", "launch_site"]

_BACKGROUND = re.compile(
    r"\b(earlier|previously|last (week|month|year)|in the past|since the (start|beginning)"
    r"|zuvor|vorher|früher|bereits im|vergangene[nr]? (woche|monat|jahr)|seit beginn"
    r"|ранее|прежде|на прошлой неделе|в прошлом (месяце|году)|с начала"
    r"|раніше|минулого (тижня|місяця|року)|з початку)\b",
    re.IGNORECASE,
)
_LAUNCH = re.compile(
    r"\b(launch\w*|fired|took off)\s+(\w+\s+){0,3}?from\b|\bfrom the direction of\b"
    r"|\b(gestartet|abgefeuert)\b|\baus richtung\b|\bvon\s+(\w+\s+)?aus\b"
    r"|\b(запущ\w*|выпущ\w*|випущ\w*)\s+(\w+\s+){0,3}?(с|из|со|з|із|зі)\b"
    r"|\bсо стороны\b|\bз боку\b|\bз напрямку\b|\bс направления\b|\bз території\b",
    re.IGNORECASE,
)


def launch_site(claim: Claim, meta: ArticleMeta | None) -> bool:
    """True when an attack claim's place is where the attack came from, not where it hit."""
    if claim.kind is not ClaimKind.ATTACK or claim.location is None or meta is None:
        return False
    loc, text = claim.location, meta.title if claim.in_headline else meta.text
    if loc.span is None or loc.span.end > len(text):
        return False
    before = text[max(0, loc.span.start - 60) : loc.span.start]
    return bool(_LAUNCH.search(before))


def context_reason(claim: Claim, meta: ArticleMeta | None) -> str | None:
    """Why ``claim`` may be context rather than an event of its own (None: it may found one)."""
    if launch_site(claim, meta):
        return "launch site"
    sentence = meta.claim_text(claim) if meta else ""
    if _BACKGROUND.search(sentence):
        return "background"
    loc = claim.location
    coarse = loc is None or loc.precision in ("country", "region")
    if coarse and claim.counts.is_empty() and not claim.in_headline:
        return "country only" if loc is not None else "unplaced"
    return None
