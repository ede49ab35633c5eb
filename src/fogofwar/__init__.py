"""fogofwar: a sourced record of claims and events from news about armed conflict."""

from __future__ import annotations

__version__ = "0.1.0"
PIPELINE_VERSION = "reader-0.1"

__all__ = ["PIPELINE_VERSION", "__version__"]
