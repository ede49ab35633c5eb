"""Lineage: order of first appearance, citations, how the account changed."""

from __future__ import annotations

from events_factories import KURSK, UKRAINE, claim, meta
from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.events.lineage import lineage, main_claim, victim_group
from fogofwar.events.model import Event


def test_lineage_orders_by_publication_and_records_changes() -> None:
    first = claim(
        "a1",
        kind=ClaimKind.CASUALTIES,
        killed=8,
        qualifier="including officers",
        victims=("people",),
        source="a mercenary",
        source_kind=SourceKind.COMBATANT,
        via=("social media",),
        certainty=Certainty.CLAIMED,
        location=KURSK,
    )
    second = claim(
        "a2",
        kind=ClaimKind.CASUALTIES,
        killed=8,
        victims=("officers",),
        source=None,
        source_kind=SourceKind.AUTHOR,
        location=UKRAINE,
    )
    repost = claim(
        "a3",
        kind=ClaimKind.CASUALTIES,
        killed=8,
        victims=("officers",),
        source=None,
        source_kind=SourceKind.AUTHOR,
        location=UKRAINE,
    )
    metas = {
        "a1": meta("a1", "2024-10-20", "first.example"),
        "a2": meta("a2", "2024-10-24", "second.example", dup_group="a2"),
        "a3": meta("a3", "2024-10-25", "copy.example", dup_group="a2"),
    }
    claims = {c.claim_id: c for c in (repost, second, first)}
    lin = lineage(Event("e1", tuple(sorted(claims))), claims, metas)
    assert [a.article_id for a in lin.appearances] == ["a1", "a2", "a3"]
    assert lin.appearances[2].repost_of == "a2"
    assert lin.appearances[1].sources == ("second.example",)
    hows = {(c.citing, c.cited, c.how) for c in lin.citations}
    assert ("first.example", "a mercenary", "source") in hows
    assert ("first.example", "social media", "via") in hows
    assert ("copy.example", "second.example", "repost") in hows
    changed = {(c.field, c.before, c.after) for c in lin.changes}
    assert ("victims", "people (including officers)", "officers") in changed
    assert ("certainty", "claimed", "asserted") in changed
    assert ("place", "Kursk Oblast, Kursk Oblast, RUS", "Ukraine, UKR") in changed
    assert all(c.article_id == "a2" for c in lin.changes)  # the repost changes nothing


def test_main_claim_prefers_body_claim_with_figures() -> None:
    head = claim("a1", 0, killed=3, headline=True)
    plain = claim("a1", 1)
    counted = claim("a1", 2, killed=3)
    assert main_claim([head, plain, counted]) == counted
    assert main_claim([head]) is None
    assert victim_group(plain) == "civilians"
