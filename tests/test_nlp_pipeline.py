"""Stage registration and chain checking."""

from __future__ import annotations

import pytest

from fogofwar.nlp.pipeline import Pipeline, PipelineError
from fogofwar.nlp.stages import DEFAULT_PIPELINE


def test_default_pipeline_chains() -> None:
    names = [row[0] for row in Pipeline(DEFAULT_PIPELINE).analyze()]
    assert names == list(DEFAULT_PIPELINE)


def test_broken_chain_names_the_missing_field() -> None:
    with pytest.raises(PipelineError, match=r"requires .*attributions"):
        Pipeline(["segment.v1", "claims.v1"])


def test_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(PipelineError, match=r"segment\.v1"):
        Pipeline(["nope.v9"])


@pytest.mark.parametrize("name", DEFAULT_PIPELINE)
def test_every_stage_is_versioned(name: str) -> None:
    assert name.rsplit(".", 1)[1].startswith("v")
