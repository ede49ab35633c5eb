"""Field-by-field scoring: vetoes, unknowns, windows, open bounds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from events_factories import KURSK, RUSSIA, UKRAINE, claim
from fogofwar.claim import ClaimKind
from fogofwar.events.model import kind_group
from fogofwar.events.scoring import (
    KIND_AFFINITY,
    OPEN,
    PLACE_SHARES,
    absorb,
    claim_window,
    features,
    kind_share,
    new_profile,
    score,
)


def _event(c):  # type: ignore[no-untyped-def]
    return new_profile("e1", features(c, None), 0)


def test_vetoes_name_the_field() -> None:
    base = _event(claim("a1"))
    s, reasons = score(features(claim("a2", location=KURSK), None), base)
    assert s == 0.0 and reasons[0].field == "place" and "RUS" in reasons[0].detail
    s, reasons = score(features(claim("a2", kind=ClaimKind.PROTEST), None), base)
    assert s == 0.0 and reasons[0].field == "kind"


def test_country_wide_place_matches_only_at_country_level() -> None:
    f = features(claim("a2", location=UKRAINE), None)
    assert f.place is None and f.admin1 is None and f.country == "UKR"
    _, reasons = score(f, _event(claim("a1")))
    assert [r.detail for r in reasons if r.field == "place"] == ["country=UKR"]


def test_unknown_place_and_actors_earn_a_quarter_and_do_not_link_alone() -> None:
    f = features(claim("a2", location=None, actors=(), victims=()), None)
    s, reasons = score(f, _event(claim("a1")))
    by = {r.field: r for r in reasons}
    assert by["place"].detail == "place unknown" and round(by["place"].weight, 3) == 0.075
    assert by["actors"].detail == "actors unknown" and round(by["actors"].weight, 4) == 0.0375
    assert 0 < s < 0.6


def test_windows_by_precision() -> None:
    pub = date(2024, 7, 10)
    d = date(2024, 7, 8).toordinal()
    assert claim_window(claim("a", day="2024-07-08"), pub) == (d - 1, d + 1)
    assert claim_window(claim("a", day=None), pub) == (pub.toordinal() - 14, pub.toordinal())
    assert claim_window(claim("a", day=None), None) is None
    month = claim("a", day="2024-07-01", precision="month")
    assert claim_window(month, pub) == (
        date(2024, 7, 1).toordinal() - 3,
        date(2024, 7, 1).toordinal() + 3,
    )


def test_open_upper_bound_overlaps_any_higher_figure() -> None:
    f = features(claim("a2", killed=(27, None)), None)
    assert f.killed == (27, OPEN)
    _, reasons = score(f, _event(claim("a1", killed=33)))
    assert [r.detail for r in reasons if r.field == "counts"] == ["killed 27+ overlaps 33"]


def test_kinds_that_co_occur_earn_nearly_all_the_kind_points() -> None:
    assert kind_share("attack", frozenset({"casualties"})) == 0.9
    assert kind_share("territorial_change", frozenset({"armed_clash"})) == 0.9
    assert kind_share("attack", frozenset({"armed_clash"})) == 0.5
    assert kind_share("attack", frozenset({"armed_clash", "attack"})) == 1.0
    for pair in KIND_AFFINITY:
        a, b = sorted(pair)
        assert kind_group(ClaimKind(a)) == kind_group(ClaimKind(b)), pair
    # a battle and the ground it changed are compared at all (one group)
    terr = features(claim("a2", kind=ClaimKind.TERRITORIAL_CHANGE), None)
    s, _ = score(terr, _event(claim("a1", kind=ClaimKind.ARMED_CLASH)))
    assert s > 0


def test_places_nest_and_agree_at_the_coarser_level() -> None:
    country_event = _event(claim("a1", location=RUSSIA))
    _, reasons = score(features(claim("a2", location=KURSK), None), country_event)
    place = next(r for r in reasons if r.field == "place")
    assert place.detail == "country=RUS, RUS/kursk oblast inside"
    assert round(place.weight, 3) == round(0.30 * PLACE_SHARES["country"], 3)
    # a region's own GeoNames id is not a town in it: a town in Kursk Oblast agrees at admin1
    region = _event(claim("a1", location=KURSK))
    town = replace(KURSK, name="Sudzha", geonames_id=484907, precision="point")
    _, reasons = score(features(claim("a2", location=town), None), region)
    assert [r.detail for r in reasons if r.field == "place"] == ["admin1=RUS/kursk oblast"]


def test_differing_tolls_are_not_held_against_a_link() -> None:
    event = _event(claim("a1", killed=8))
    far, _ = score(features(claim("a2", killed=300), None), event)
    none, _ = score(features(claim("a2"), None), event)
    assert far == none
    _, reasons = score(features(claim("a2", killed=300), None), event)
    counts = next(r for r in reasons if r.field == "counts")
    assert counts.weight == 0 and "not held against" in counts.detail


def test_windows_end_at_publication_and_precise_accounts_narrow_an_event() -> None:
    pub = date(2024, 7, 8)
    d = pub.toordinal()
    assert claim_window(claim("a", day="2024-07-08"), pub) == (d - 1, d)
    vague = new_profile("e1", features(claim("a1", day=None), pub), 0)
    assert (vague.start, vague.end) == (d - 14, d)
    narrowed = absorb(vague, features(claim("a2", day="2024-07-06"), pub))
    assert (narrowed.start, narrowed.end) == (d - 3, d - 1)
    kept = absorb(narrowed, features(claim("a3", day=None), pub))
    assert (kept.start, kept.end) == (d - 3, d - 1)


def _vec(*xs: float):  # type: ignore[no-untyped-def]
    import numpy as np

    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_wording_is_evidence_for_a_link_never_against_it() -> None:
    """Another language's or the other side's wording (cosine near 0) costs nothing: the text
    points count as available only as far as they are earned; like wording adds to the score.
    A vaguer window still scores lower (its agreement on time says less)."""
    event = new_profile("e1", features(claim("a1"), None, _vec(1, 0)), 0)
    unlike, reasons = score(features(claim("a2", actors=()), None, _vec(0, 1)), event)
    text = next(r for r in reasons if r.field == "text")
    assert text.weight == 0
    without, _ = score(features(claim("a2", actors=()), None, None), event)
    assert unlike == without >= 0.6
    like, _ = score(features(claim("a2", actors=()), None, _vec(1, 0.1)), event)
    assert like > unlike
    vague = claim("a2", actors=(), precision="month")
    s, _ = score(features(vague, None, _vec(0, 1)), event)
    assert s < unlike
