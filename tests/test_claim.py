"""claims-v1 records: the contract's JSON shape round-trips exactly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fogofwar.claim import (
    SCHEMA,
    ActorRef,
    Certainty,
    Claim,
    ClaimKind,
    Count,
    Counts,
    Cue,
    Location,
    SourceKind,
    SourceRef,
    TimeRef,
    claim_id_for,
)
from fogofwar.model import Span

spans = st.builds(
    lambda a, b: Span(min(a, b), max(a, b)),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)
opt_spans = st.none() | spans
names = st.text(min_size=1, max_size=40)
bounds = st.none() | st.integers(0, 100_000)
counts = st.builds(
    Counts,
    killed=st.none() | st.builds(Count, bounds, bounds, opt_spans, st.none() | names),
    injured=st.none() | st.builds(Count, bounds, bounds, opt_spans),
    arrested=st.none() | st.builds(Count, bounds, bounds, opt_spans),
)
claims = st.builds(
    Claim,
    claim_id=st.text(min_size=1, max_size=16),
    article_id=st.text(min_size=1, max_size=16),
    lang=st.sampled_from(["de", "en", "ru", "uk"]),
    span=opt_spans,
    kind=st.sampled_from(list(ClaimKind)),
    source=st.builds(
        SourceRef,
        kind=st.sampled_from(list(SourceKind)),
        name=st.none() | names,
        via=st.lists(names, max_size=2).map(tuple),
        span=opt_spans,
    ),
    certainty=st.sampled_from(list(Certainty)),
    in_headline=st.booleans(),
    subtype=st.none() | names,
    acled=st.none() | st.tuples(names, names),
    plover=st.none() | st.sampled_from(["ASSAULT", "MOBILIZE", "COERCE"]),
    actors=st.lists(
        st.builds(
            ActorRef,
            name=names,
            role=st.sampled_from(["actor", "target", "victim", "affected", "ally"]),
            normalized=st.none() | names,
            country=st.none() | st.sampled_from(["RUS", "UKR", "PRK"]),
            kind=st.none() | st.sampled_from(["state_forces", "person"]),
            span=opt_spans,
        ),
        max_size=3,
    ).map(tuple),
    location=st.none()
    | st.builds(
        Location,
        name=names,
        span=opt_spans,
        geonames_id=st.none() | st.integers(1, 10**8),
        country=st.none() | st.just("RUS"),
        lat=st.none() | st.floats(-90, 90),
        lon=st.none() | st.floats(-180, 180),
        precision=st.none() | st.sampled_from(["point", "admin1", "country"]),
    ),
    time=st.none()
    | st.builds(
        TimeRef,
        start=st.none() | st.just("2024-10-20"),
        end=st.none() | st.just("2024-10-24"),
        precision=st.sampled_from(["day", "before_publication"]),
        span=opt_spans,
    ),
    counts=counts,
    cue=st.none() | st.builds(Cue, names, opt_spans),
    quote=st.booleans(),
)


@given(claims)
def test_record_round_trips_through_json(claim: Claim) -> None:
    record = json.loads(json.dumps(claim.to_record()))
    assert Claim.from_record(record) == claim


REQUIRED = [
    "schema", "claim_id", "article_id", "lang", "span", "in_headline", "kind", "subtype",
    "acled", "plover", "actors", "location", "time", "counts", "source", "cue", "certainty",
    "quote",
]  # fmt: skip


@given(claims)
def test_record_has_every_contract_field(claim: Claim) -> None:
    record = claim.to_record()
    assert record["schema"] == SCHEMA
    assert set(REQUIRED) <= set(record)
    assert set(record["source"]) >= {"name", "kind", "via", "span"}
    for count in record["counts"].values():
        assert set(count) >= {"low", "high", "span"}


def test_counts_only_lists_stated_figures() -> None:
    counts = Counts(killed=Count(8, 8, Span(3, 8)))
    assert counts.to_record() == {"killed": {"low": 8, "high": 8, "span": {"start": 3, "end": 8}}}


def test_from_record_refuses_other_schema() -> None:
    with pytest.raises(ValueError, match="claims-v1"):
        Claim.from_record({"schema": "claims-v0"})


def test_claim_id_is_stable_and_discriminating() -> None:
    a = claim_id_for("a1", "reader-0.1", Span(1, 5), "attack", False)
    assert a == claim_id_for("a1", "reader-0.1", Span(1, 5), "attack", False)
    assert a != claim_id_for("a1", "reader-0.1", Span(1, 5), "attack", True)
    assert a != claim_id_for("a1", "reader-0.1", Span(1, 6), "attack", False)
