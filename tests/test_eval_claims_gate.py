"""The claims eval gate: CI fails when a claims metric drops below ``floors/claims.json``.

Runs :func:`evaluate_claims` with its CI defaults (``DEFAULT_LIMITS``) over the shared sets.
After a reader improvement, record new floors with ``suggest_floors`` (0.02 below measured).
"""

from __future__ import annotations

import json

import pytest

from fogofwar.evaluation.claims_eval import evaluate_claims
from fogofwar.evaluation.report import check_floors, floors_path
from fogofwar.services import shared_dir

SHARED = shared_dir()


def test_floors_file_is_well_formed() -> None:
    floors = json.loads(floors_path("claims").read_text(encoding="utf-8"))
    assert floors, "floors/claims.json is empty"
    for key, value in floors.items():
        assert key.count("/") == 2 and 0.0 <= value <= 1.0, key


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "datasets").is_dir(), reason=f"no shared data at {SHARED}")
def test_claims_metrics_hold_their_floors() -> None:
    report = evaluate_claims(SHARED)
    breaches = check_floors(report)
    assert breaches == (), "\n".join(f"{b.key}: {b.value} < {b.floor}" for b in breaches)
