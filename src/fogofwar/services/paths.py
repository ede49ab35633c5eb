"""Where things live outside the package: the read-only shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["shared_dir"]


def shared_dir() -> Path:
    """Where the read-only shared data lives: ``$FOGOFWAR_SHARED`` or ``<repo>/../shared``."""
    env = os.environ.get("FOGOFWAR_SHARED")
    if env:
        return Path(env)
    # src/fogofwar/services/paths.py → parents[3] is the repository
    return Path(__file__).resolve().parents[3].parent / "shared"
