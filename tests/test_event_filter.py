"""``EventFilter``: the one value the CLI, the web API and the services filter events with."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from datetime import date

import pytest

from fogofwar import services
from fogofwar.errors import ConfigError
from fogofwar.events.model import FlagCode
from fogofwar.events.protocol import EventFilter, EventQuery


def test_services_export_the_same_filter() -> None:
    assert services.EventFilter is EventFilter


@pytest.mark.parametrize("flag", [c.value for c in FlagCode])
def test_every_flag_code_is_accepted(flag: str) -> None:
    assert EventFilter(flag=flag).flag == flag


@pytest.mark.parametrize("flag", ["nonsense", "Single_Source", ""])
def test_an_unknown_flag_is_a_clear_error(flag: str) -> None:
    with pytest.raises(ConfigError, match="unknown flag"):
        EventFilter(flag=flag)


def test_query_keeps_every_field_and_adds_paging() -> None:
    where = EventFilter(
        kind="attack", country="UKR", since=date(2024, 7, 1), until=date(2024, 7, 31),
        flag="single_source", article="ab12",
    )  # fmt: skip
    q = where.query(before=("2024-07-08", "e1"), id_prefix="e")
    assert isinstance(q, EventQuery) and isinstance(q, EventFilter)
    for f in fields(EventFilter):
        assert getattr(q, f.name) == getattr(where, f.name)
    assert (q.before, q.id_prefix) == (("2024-07-08", "e1"), "e")
    assert EventFilter().query() == EventQuery()


def test_the_filter_is_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        EventFilter().kind = "attack"  # type: ignore[misc]
