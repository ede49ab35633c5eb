"""The ``fogofwar`` command line: a thin Typer shell over :mod:`fogofwar.services`.

Errors become one line on stderr and a non-zero exit code; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys

from fogofwar.cli.app import app
from fogofwar.cli.run import run_app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    sys.exit(run_app(app, sys.argv[1:]))
