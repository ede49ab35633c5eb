"""The ``fogofwar`` command line: a thin Typer shell over :mod:`fogofwar.services`.

Errors become one line on stderr and a non-zero exit code; ``--debug`` shows the traceback.
The Typer app (``fogofwar.cli.app``, the object) is built on first use: plain
``fogofwar extract`` and ``fogofwar read`` command lines run without it (:mod:`fogofwar.cli.quick`).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fogofwar.cli.app import app

__all__ = ["app", "main"]


class _Package(types.ModuleType):
    """This package, whose ``app`` attribute stays the Typer app.

    Importing the submodule ``fogofwar.cli.app`` makes Python set the package's ``app``
    attribute to that module; it is the Typer object inside it that ``from fogofwar.cli import
    app`` has always given, so that is what is kept.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "app" and isinstance(value, types.ModuleType):
            value = value.app
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name == "app":
        from fogofwar.cli.app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    argv = sys.argv[1:]
    from fogofwar.cli.quick import quick_run

    code = quick_run(argv)
    if code is None:
        from fogofwar.cli.app import app
        from fogofwar.cli.run import run_app

        code = run_app(app, argv)
    sys.exit(code)
