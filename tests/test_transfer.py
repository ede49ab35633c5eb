"""The compact pickling of reading results (pool workers → the parent) gives back equal,
frozen objects of the same classes, and leaves classes it does not handle to pickle."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass

import pytest

from fogofwar.benchmarks.read_bench import make_articles
from fogofwar.model import ReasonCode
from fogofwar.reader import Reader
from fogofwar.services import transfer
from fogofwar.services.engines import ReadLimits, guarded_read, reject_outcome


@dataclass(frozen=True, slots=True)
class _Base:
    a: int


@dataclass(frozen=True, slots=True)
class _Child(_Base):  # its parent's slot lives on the parent: pickled as usual
    b: str


@dataclass(frozen=True)
class _NoSlots:
    a: int


@dataclass(slots=True)
class _Mutable:
    a: list[int]


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.default()


def test_read_results_round_trip_equal(reader: Reader) -> None:
    for article in make_articles(12):
        outcome = guarded_read(reader, article, ReadLimits())
        sent = (outcome.result, outcome.rejection)
        back = transfer.loads(transfer.dumps(sent))
        assert back == sent
        assert repr(back) == repr(sent)
        assert outcome.result is not None and outcome.result.claims
        claim = back[0].claims[0]
        assert type(claim) is type(outcome.result.claims[0])
        with pytest.raises(dataclasses.FrozenInstanceError):
            claim.kind = claim.kind  # type: ignore[misc]


def test_rejections_round_trip() -> None:
    article = make_articles(1)[0]
    rejected = reject_outcome(article, ReasonCode.TIMEOUT, "took too long")
    assert transfer.loads(transfer.dumps((None, rejected.rejection))) == (None, rejected.rejection)


@pytest.mark.parametrize(
    "value",
    [_Child(1, "x"), _NoSlots(2), _Mutable([1, 2]), (_Base(3), [_Base(4)], {"k": _Base(5)})],
    ids=["inherited-slots", "no-slots", "mutable-slots", "nested"],
)
def test_other_classes_round_trip(value: object) -> None:
    back = transfer.loads(transfer.dumps(value))
    assert back == value
    assert back == pickle.loads(pickle.dumps(value))
