"""Field-by-field scoring: vetoes, unknowns, windows, open bounds."""

from __future__ import annotations

from datetime import date

from events_factories import KURSK, UKRAINE, claim
from fogofwar.claim import ClaimKind
from fogofwar.events.scoring import OPEN, claim_window, features, new_profile, score


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
