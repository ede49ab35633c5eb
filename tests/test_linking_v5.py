"""Linking from the reader's claims (session 14): the ``dev4`` collection, written and frozen
before the linker ran on it, and the general causes of missed links found on it."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from events_factories import claim, meta, written_collection
from fogofwar.claim import Claim, ClaimKind, Location, TimeRef
from fogofwar.evaluation.events_eval import load_articles, load_gold, splits_of
from fogofwar.events.scoring import ClaimFeatures, absorb, features, new_profile, score
from fogofwar.model import Span

_WRITTEN = ("events", "dev2", "dev3", "dev4", "dev5", "dev6", "heldout2")


@pytest.mark.parametrize(
    ("name", "least", "per_language"), [("dev4", 12, 3), ("dev5", 9, 2), ("dev6", 14, 3)]
)
def test_blind_collection_is_complete_multilingual_and_apart_from_the_others(
    name: str, least: int, per_language: int
) -> None:
    articles = load_articles(collection=name)
    gold, _ = written_collection(name, articles=least, per_language=per_language)
    events = Counter(g.event for g in gold)
    assert len(events) >= 3 and all(n >= 2 for n in events.values())
    # every event is told in at least two languages
    for event in events:
        assert len({g.claim.lang for g in gold if g.event == event}) >= 2
    assert splits_of(name) == ("dev",)
    others = [c for c in _WRITTEN if c != name]
    assert not set(events) & {g.event for c in others for g in load_gold(collection=c)}
    # apart from every other collection in substance too (checked mechanically, never read):
    # no shared headline, no shared event day
    days = {g.claim.time.start for g in gold if g.claim.time and g.claim.time.start}
    for other_name in others:
        other = load_articles(collection=other_name)
        assert not {a.title for a in articles} & {a.title for a in other}, other_name
        other_gold = load_gold(other, other_name)
        assert not days & {g.claim.time.start for g in other_gold if g.claim.time}, other_name


# ---- places: a district is not the towns of its region outside it -------------------------

DNIPRO = Location(
    "Dnipro", normalized="Dnipro", geonames_id=709930, country="UKR",
    admin1="Dnipropetrovsk Oblast", lat=48.47, lon=35.04, precision="point",
)  # fmt: skip
SYNELNYKOVE = Location(
    "Synelnykove", normalized="Synelnykove", geonames_id=693796, country="UKR",
    admin1="Dnipropetrovsk Oblast", lat=48.32, lon=35.53, precision="point",
)  # fmt: skip
SYNELNYKOVE_RAION = Location(
    "Synelnykove district", normalized="Synelnykivskyi Raion", country="UKR",
    admin1="Dnipropetrovsk Oblast", admin2="Synelnykivskyi Raion", lat=48.32, lon=35.53,
    precision="admin2",
)  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer_index() -> None:
    """Districts come from the gazetteer's index: build it when a fresh checkout has none."""
    from fogofwar.geo import Gazetteer

    Gazetteer.open()


@pytest.mark.usefixtures("gazetteer_index")
def test_a_town_lies_in_the_district_of_the_nearest_centre_of_its_region() -> None:
    from fogofwar.geo.districts import district_key, district_of

    assert district_of("UKR", "Dnipropetrovsk Oblast", 48.47, 35.04) == "Dniprovskyi Raion"
    assert district_key(SYNELNYKOVE) == district_key(SYNELNYKOVE_RAION)
    assert district_key(DNIPRO) != district_key(SYNELNYKOVE_RAION)
    region = replace(SYNELNYKOVE, precision="admin1", geonames_id=709929)
    assert district_key(region) is None  # a region has no district
    assert district_of("UKR", "Nowhere Oblast", 48.0, 35.0) is None


@pytest.mark.usefixtures("gazetteer_index")
def test_a_district_beside_the_events_town_with_another_toll_is_another_strike() -> None:
    """Two strikes on one morning in one oblast: the city (2 killed) and a district of the
    same oblast (6 killed) are side by side, like two towns; a toll three times higher vetoes."""
    pub = date(2024, 4, 19)
    city = new_profile("e1", features(claim("a1", location=DNIPRO, killed=2), pub), 0)
    district = features(claim("a2", location=SYNELNYKOVE_RAION, killed=6), pub)
    s, reasons = score(district, city)
    assert s == 0.0 and "other district" in reasons[0].detail
    # without a toll it still only earns the share of two towns of one region
    _, reasons = score(features(claim("a3", location=SYNELNYKOVE_RAION), pub), city)
    assert next(r for r in reasons if r.field == "place").detail.endswith("other district")
    # the district's own centre agrees at the region's share, as before
    centre = new_profile("e2", features(claim("a4", location=SYNELNYKOVE, killed=5), pub), 0)
    s, reasons = score(district, centre)
    assert s > 0.6 and next(r for r in reasons if r.field == "place").detail.endswith("oblast")


def test_a_headline_toll_widens_no_toll_its_body_stated() -> None:
    """ "Missiles hit Dnipro and a nearby district, killing eight": the headline adds up two
    strikes; the body said two for Dnipro, and the event keeps two."""
    pub = date(2024, 4, 19)
    city = new_profile("e1", features(claim("a1", location=DNIPRO, killed=2), pub), 0)
    grown = absorb(city, features(claim("a1", 1, location=DNIPRO, killed=8, headline=True), pub))
    assert grown.killed == (2, 2)
    later = absorb(grown, features(claim("a2", location=DNIPRO, killed=3), pub))
    assert later.killed == (2, 3)  # a body's toll still widens it


@pytest.mark.usefixtures("gazetteer_index")
def test_a_profile_keeps_its_districts_in_the_store_and_reads_older_ones(store_url: str) -> None:
    from fogofwar.store import open_store
    from fogofwar.store.link_index import profile_row
    from test_store_contract import _store_at

    pub = date(2024, 4, 19)
    event = new_profile("e1", features(claim("a1", location=SYNELNYKOVE_RAION), pub), 0)
    assert event.districts
    old = new_profile("e0", features(claim("a0", location=DNIPRO), pub), 0)
    row = profile_row(old)
    del row["districts"]
    _store_at(store_url, "0012_profile_languages", "event_profiles", row)
    with open_store(store_url) as store:
        store.events.index.put([event])
        back = store.events.index.get("e1")
        assert back is not None and back.districts == event.districts
        legacy = store.events.index.get("e0")
        assert legacy is not None and legacy.districts == frozenset()


# ---- launch sites in every pack language ----------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "launch"),
    [
        ("The bombs were dropped from jets in ", " airspace.", True),
        ("Бомбы сбрасывались с самолётов из ", " области.", True),
        ("Бомби скинули з літаків з ", " області.", True),
        ("Les bombes ont été larguées depuis ", ".", True),
        ("Las bombas fueron arrojadas desde ", ".", True),
        ("Le bombe sono state sganciate dal ", ".", True),
        ("Die Drohnen seien aus der Region ", " gestartet worden.", True),
        ("Ракеты выпущены с кораблей в ", " море.", True),
        # bombs dropped OVER a place hit it: that place is the event's
        ("КАБ скинули з літака над ", ".", False),
        ("Бомбы сбросили на ", ".", False),
        ("Bombs were dropped over ", ".", False),
        ("Die Bomben trafen ", " am Morgen.", False),
        ("A plane was shot down over ", ".", False),
        # aircraft "over" a place: where they were, or the target? ambiguous, left to the place
        ("Die Bomben seien von Kampfjets über der russischen ", " abgeworfen worden.", False),
    ],
)
def test_launch_sites_are_read_in_every_pack_language(
    before: str, after: str, launch: bool
) -> None:
    from fogofwar.events.context import launch_site

    name = "Belgorod"
    text = before + name + after
    loc = Location(name, span=Span(len(before), len(before) + len(name)), country="RUS",
                   admin1="Belgorod Oblast", precision="admin1")  # fmt: skip
    c = claim("a1", location=loc, span=(0, len(text)))
    assert launch_site(c, meta("a1", text=text)) is launch


def test_a_headline_joins_its_bodys_event_rather_than_a_look_alike_elsewhere() -> None:
    """An unplaced, undated headline ("Toll rises to ten") fits an earlier strike elsewhere
    about as well as its own body's event; it restates its body, so it joins the body's."""
    from fogofwar.events.blocking import MemoryLinkIndex
    from fogofwar.events.linking import link_articles

    kramatorsk = Location(
        "Kramatorsk", normalized="Kramatorsk", geonames_id=704508, country="UKR",
        admin1="Donetsk Oblast", lat=48.73, lon=37.57, precision="point",
    )  # fmt: skip
    lviv = Location(
        "Lviv", normalized="Lviv", geonames_id=702550, country="UKR", admin1="Lviv Oblast",
        lat=49.84, lon=24.02, precision="point",
    )  # fmt: skip
    first = claim("a1", location=kramatorsk, day="2023-06-27", killed=10)
    body = claim("a2", location=lviv, day="2023-07-06", kind=ClaimKind.CASUALTIES, actors=())
    head = claim("a2", 1, location=None, day=None, killed=10, headline=True)
    metas = [meta("a1", published="2023-06-28"), meta("a2", published="2023-07-07")]
    out = link_articles(metas, {"a1": [first], "a2": [body, head]}, MemoryLinkIndex())
    second = out[1]
    assert second.event_of(head.claim_id) == second.event_of(body.claim_id)
    assert second.event_of(head.claim_id) != out[0].event_of(first.claim_id)


# ---- time: a night names the morning after ---------------------------------------------------


def _night(article: str, morning: str, published: str) -> ClaimFeatures:
    day = date.fromisoformat(morning)
    c = claim(article, day=None, actors=())
    night = replace(c, time=TimeRef(str(day.fromordinal(day.toordinal() - 1)), morning, "day"))
    return features(night, date.fromisoformat(published))


def test_a_night_reported_that_morning_agrees_with_an_account_of_the_day_after_it() -> None:
    """'У ніч на 6 липня', published on the 6th, and 'Thursday's strike' (the 6th) published on
    the 7th name one day: full time points (before, the night read as the 5th, the next day)."""
    event = new_profile("e1", _night("a1", "2023-07-06", "2023-07-06"), 0)
    thursday = features(claim("a2", day="2023-07-06", actors=()), date(2023, 7, 7))
    _, reasons = score(thursday, event)
    time = next(r for r in reasons if r.field == "time")
    assert time.detail.startswith("overlap") and time.weight > 0
    # a report a day later of the same night names the same morning
    _, reasons = score(_night("a3", "2023-07-06", "2023-07-07"), event)
    assert next(r for r in reasons if r.field == "time").detail.startswith("overlap")


def test_strikes_on_one_city_on_consecutive_nights_stay_a_day_apart() -> None:
    event = new_profile("e1", _night("a1", "2023-07-06", "2023-07-06"), 0)
    _, reasons = score(_night("a2", "2023-07-07", "2023-07-07"), event)
    assert next(r for r in reasons if r.field == "time").detail == "next day"
    s, reasons = score(_night("a3", "2023-07-08", "2023-07-08"), event)
    assert s == 0.0 and reasons[0].detail.startswith("different days")


def _article_with(text: str, place: str, location: Location, lang: str) -> Claim:
    start = text.index(place)
    loc = replace(location, span=Span(start, start + len(place)))
    return replace(claim("a1", 1, location=loc, span=(0, len(text)), lang=lang), lang=lang)


def test_jets_over_another_country_are_the_launch_site_not_an_event() -> None:
    """ "Die Bomben seien von Kampfjets über der russischen Region Belgorod abgeworfen worden" in
    a report of a strike on Kharkiv: context of the Kharkiv event, no event in Russia; jets over
    the event's own country may be over the target, and keep their own event."""
    from fogofwar.events.blocking import MemoryLinkIndex
    from fogofwar.events.linking import link_articles

    kharkiv = Location(
        "Charkiw", normalized="Kharkiv", geonames_id=706483, country="UKR",
        admin1="Kharkiv Oblast", lat=49.98, lon=36.25, precision="point",
    )  # fmt: skip
    belgorod = Location(
        "Region Belgorod", normalized="Belgorod Oblast", geonames_id=578071, country="RUS",
        admin1="Belgorod Oblast", lat=50.75, lon=37.25, precision="admin1",
    )  # fmt: skip
    strike = claim("a1", location=kharkiv, day="2024-08-30", killed=7, lang="de")
    text = "Die Bomben seien von Kampfjets über der russischen Region Belgorod abgeworfen worden."
    jets = _article_with(text, "Region Belgorod", belgorod, "de")
    pub = "2024-08-31"
    out = link_articles([meta("a1", pub, text=text)], {"a1": [strike, jets]}, MemoryLinkIndex())
    decision = next(d for d in out[0].decisions if d.claim_id == jets.claim_id)
    assert decision.event_id == out[0].event_of(strike.claim_id)
    assert decision.reasons[0].field == "context"
    # jets over a place of the event's own country: no context, an event may be theirs
    izium = replace(belgorod, name="Region Charkiw", country="UKR", admin1="Kharkiv Oblast")
    text = "Die Bomben seien von Kampfjets über der Region Charkiw abgeworfen worden."
    own = _article_with(text, "Region Charkiw", izium, "de")
    out = link_articles([meta("a1", pub, text=text)], {"a1": [strike, own]}, MemoryLinkIndex())
    decision = next(d for d in out[0].decisions if d.claim_id == own.claim_id)
    assert not any(r.field == "context" for r in decision.reasons)
