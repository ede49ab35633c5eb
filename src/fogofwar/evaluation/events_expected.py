"""Expected reconciliation per gold event: the optional ``[[event]]`` tables of an events gold file.

Issue #11's reconciliation checks need more than the clustering of articles: per gold event, the
reconciled killed/injured ``low``/``best``/``high`` per victim group, the figures that must be
kept as ``superseded``, the flags the event must (and must not) carry, headlines that overstate
or compress normally, citation edges, Telegram carriers, and the claims on each side of a disputed
characterisation. The ``heldout2`` collection (``fogofwar/examples/events_heldout2``) carries
them; its README documents every key and the rules behind each figure.

This module only loads and validates them (every article and sentence must exist, every flag be
known); scoring against the event layer is left to the checks that use it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fogofwar.errors import EvalError
from fogofwar.evaluation.events_eval import _collection, load_articles, load_gold
from fogofwar.events.model import FlagCode

__all__ = [
    "EXPECTED_FLAGS",
    "Characterisation",
    "EventExpectation",
    "ExpectedCount",
    "load_expectations",
]

# the event layer's codes plus those issue #11 adds
EXPECTED_FLAGS = frozenset(
    {*(f.value for f in FlagCode), "superseded", "characterisation_disputed"}
)
COUNT_FIELDS = ("killed", "injured")
SIDES = ("military_target", "civilian")


@dataclass(frozen=True, slots=True)
class ExpectedCount:
    """A reconciled figure of one victim group; ``None`` where the texts do not determine it."""

    group: str  # civilians | children | combatants:<side>
    field: str  # killed | injured
    low: int | None
    best: int | None
    high: int | None
    superseded: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Characterisation:
    """One side's characterisation of the event, as a sentence of one article."""

    article: str
    says: str  # military_target | civilian
    sentence: str


@dataclass(frozen=True, slots=True)
class EventExpectation:
    """What a careful analyst expects the event layer to say about one gold event."""

    event: str
    flags: tuple[str, ...]
    not_flags: tuple[str, ...]
    headline_overstates: tuple[str, ...]
    headline_fine: tuple[str, ...]
    citations: tuple[tuple[str, str], ...]
    via_telegram: tuple[str, ...]
    counts: tuple[ExpectedCount, ...]
    characterisations: tuple[Characterisation, ...]


def _opt(spec: Mapping[str, Any], key: str) -> int | None:
    value = spec.get(key)
    return None if value is None else int(value)


def _count(event: str, spec: Mapping[str, Any]) -> ExpectedCount:
    field = spec["field"]
    if field not in COUNT_FIELDS:
        raise EvalError(f"event {event}: unknown count field {field!r}")
    low, best, high = _opt(spec, "low"), _opt(spec, "best"), _opt(spec, "high")
    bounds = [v for v in (low, best, high) if v is not None]
    if bounds != sorted(bounds):
        raise EvalError(f"event {event}: {spec['group']} {field} not low <= best <= high")
    return ExpectedCount(
        spec["group"], field, low, best, high, tuple(int(v) for v in spec.get("superseded", []))
    )


def _check_articles(event: str, ids: Sequence[str], known: Mapping[str, str]) -> None:
    for aid in ids:
        if known.get(aid) != event:
            raise EvalError(f"event {event}: article {aid!r} is not one of its gold articles")


def load_expectations(collection: str = "heldout2") -> tuple[EventExpectation, ...]:
    """The ``[[event]]`` expectations of a collection's gold file, validated against its
    articles and gold claims (an empty tuple when the gold file has none)."""
    articles = {a.id: a for a in load_articles(collection=collection)}
    golds = load_gold(tuple(articles.values()), collection)
    event_of = {g.claim.article_id: g.event for g in golds}
    out = []
    for spec in _collection("gold.toml", collection).get("event", []):
        event = spec["id"]
        if event not in set(event_of.values()):
            raise EvalError(f"expectations name event {event!r}, which no gold claim has")
        flags = tuple(spec.get("flags", []))
        not_flags = tuple(spec.get("not_flags", []))
        unknown = (set(flags) | set(not_flags)) - EXPECTED_FLAGS
        if unknown or set(flags) & set(not_flags):
            raise EvalError(f"event {event}: unknown or contradictory flags {sorted(unknown)}")
        over = tuple(spec.get("headline_overstates", []))
        fine = tuple(spec.get("headline_fine", []))
        telegram = tuple(spec.get("via_telegram", []))
        citations = tuple((a, b) for a, b in spec.get("citations", []))
        _check_articles(event, (*over, *fine, *telegram, *(a for a, _ in citations)), event_of)
        for _, cited in citations:
            if cited not in articles:
                raise EvalError(f"event {event}: cited article {cited!r} is not in the collection")
        sides = []
        for c in spec.get("characterisation", []):
            _check_articles(event, (c["article"],), event_of)
            if c["says"] not in SIDES or c["sentence"] not in articles[c["article"]].text:
                raise EvalError(
                    f"event {event}: characterisation in {c['article']} has an unknown side "
                    "or a sentence not copied exactly from the article"
                )
            sides.append(Characterisation(c["article"], c["says"], c["sentence"]))
        out.append(
            EventExpectation(
                event,
                flags,
                not_flags,
                over,
                fine,
                citations,
                telegram,
                tuple(_count(event, c) for c in spec.get("count", [])),
                tuple(sides),
            )
        )
    return tuple(out)
