"""Near-duplicate grouping (MinHash LSH over word shingles)."""

from __future__ import annotations

from events_factories import meta
from fogofwar.events.dedup import DedupIndex, find_duplicates, shingles, with_groups

STORY = (
    "A missile struck a residential district of the city on Monday morning, regional officials "
    "said. Rescue workers searched the rubble of a five-storey building for survivors while "
    "firefighters put out the blaze. The governor said at least twelve people were injured and "
    "that the strike damaged a school and a power substation nearby."
)
OTHER = (
    "Delegations met in Istanbul for a second round of talks on Monday. They agreed to exchange "
    "prisoners and to continue consultations on a ceasefire, the foreign ministry said, adding "
    "that no date had been set for the next meeting between the two sides."
)


def test_repost_with_new_byline_is_grouped_with_the_original() -> None:
    original = meta("a1", "2024-07-08", "wire.example", STORY)
    repost = meta("a2", "2024-07-09", "portal.example", "By staff. " + STORY + " (Wire)")
    unrelated = meta("a3", "2024-07-08", "other.example", OTHER)
    groups = find_duplicates([repost, unrelated, original])
    assert len(groups) == 1
    assert groups[0].group_id == "a1"
    assert groups[0].article_ids == ("a1", "a2")
    assert 0.6 <= groups[0].similarity <= 1.0


def test_each_copy_keeps_its_metadata_but_shares_evidence_id() -> None:
    a = meta("a1", "2024-07-08", "wire.example", STORY)
    b = meta("a2", "2024-07-09", "portal.example", STORY)
    grouped = with_groups([a, b], find_duplicates([a, b]))
    assert [m.outlet for m in grouped] == ["wire.example", "portal.example"]
    assert {m.evidence_id for m in grouped} == {"a1"}


def test_distinct_stories_stay_apart_and_index_is_incremental() -> None:
    index = DedupIndex()
    assert index.add(meta("a1", text=STORY)) == "a1"
    assert index.add(meta("a2", text=OTHER)) == "a2"
    assert index.add(meta("a3", text=STORY)) == "a1"
    assert index.add(meta("a3", text=STORY)) == "a1"  # idempotent
    assert index.groups()[0].article_ids == ("a1", "a3")


def test_shingles_of_short_text_fall_back_to_words() -> None:
    assert shingles("Kyiv under attack") == {"kyiv", "under", "attack"}
    assert "a b c d" in shingles("A b c d e")
