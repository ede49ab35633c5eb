"""Trainers of the learned parts and the annotations written for them.

:data:`PASSAGES` holds the multi-sentence training passages (``passages/train/<lang>.toml``,
in the evaluation-passage format), used by the clause model and the source choice alike.
"""

from pathlib import Path

__all__ = ["PASSAGES"]

#: the multi-sentence training passages (``train/<lang>.toml``, evaluation-passage format)
PASSAGES = Path(__file__).with_name("passages")
