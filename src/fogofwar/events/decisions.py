"""Manual corrections (merge, split) and assembling events from link decisions.

Decisions are data: :func:`merge` and :func:`split` only build a :class:`Decision`; the store
keeps them, and :func:`assemble` re-applies every stored decision, in order, on top of whatever
the linker decided on this run. Because event ids derive from claim ids, a decision recorded
against yesterday's run applies to today's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from fogofwar.events.model import Decision, DecisionKind, Event, LinkDecision, LinkDecisions

__all__ = ["assemble", "merge", "split", "split_event_id"]


def merge(event_a: str, event_b: str, *, at: datetime | None = None, note: str = "") -> Decision:
    """Record that ``event_b`` is the same event as ``event_a`` (``event_a`` survives)."""
    return Decision(DecisionKind.MERGE, event_a, other=event_b, decided_at=at, note=note)


def split(
    event: str, claim_ids: Iterable[str], *, at: datetime | None = None, note: str = ""
) -> Decision:
    """Record that ``claim_ids`` of ``event`` describe another event."""
    return Decision(
        DecisionKind.SPLIT, event, claim_ids=tuple(sorted(set(claim_ids))), decided_at=at, note=note
    )


def split_event_id(event_id: str, claim_ids: Sequence[str]) -> str:
    """Id of the event a split creates (stable for the same split)."""
    key = "split|" + event_id + "|" + ",".join(sorted(claim_ids))
    return "e" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def assemble(
    linked: Iterable[LinkDecisions], decisions: Sequence[Decision] = ()
) -> tuple[Event, ...]:
    """Events from the linker's decisions with the manual ``decisions`` applied in order.

    A decision naming an event or claims no longer present is skipped (it may apply again
    after a later run brings them back).
    """
    link_of: dict[str, LinkDecision] = {}
    for batch in linked:
        for d in batch.decisions:
            link_of[d.claim_id] = d
    for dec in decisions:
        members = {cid for cid, d in link_of.items() if d.event_id == dec.event_id}
        if dec.kind is DecisionKind.MERGE and dec.other:
            for cid, d in list(link_of.items()):
                if d.event_id == dec.other and members:
                    link_of[cid] = replace(d, event_id=dec.event_id, by="merge")
        elif dec.kind is DecisionKind.SPLIT:
            moving = [c for c in dec.claim_ids if c in members]
            if not moving or len(moving) == len(members):
                continue
            new_id = split_event_id(dec.event_id, moving)
            for cid in moving:
                link_of[cid] = replace(link_of[cid], event_id=new_id, by="split", new_event=True)
    by_event: dict[str, list[LinkDecision]] = {}
    for d in link_of.values():
        by_event.setdefault(d.event_id, []).append(d)
    return tuple(
        Event(eid, tuple(sorted(d.claim_id for d in ds)), tuple(sorted(ds, key=_key)))
        for eid, ds in sorted(by_event.items())
    )


def _key(d: LinkDecision) -> str:
    return d.claim_id
