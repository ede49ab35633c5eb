"""Run the Typer app, mapping exceptions to one-line errors and exit codes."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from fogofwar.errors import FogOfWarError, InputError

__all__ = ["EXIT_ERROR", "EXIT_INTERNAL", "run_app"]

EXIT_ERROR = 1
EXIT_INTERNAL = 2


def run_app(app: typer.Typer, argv: list[str]) -> int:
    """Run ``app`` on ``argv``; return the process exit code."""
    debug = "--debug" in argv
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        # Typer prints usage errors itself and leaves through SystemExit; our errors pass through.
        app(args=argv, prog_name="fogofwar", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    except (FogOfWarError, OSError) as exc:
        if debug:
            err.print_exception()
        what = exc.reason.value if isinstance(exc, InputError) else type(exc).__name__
        err.print(f"[bold red]Error[/] ({what}): {exc}", markup=True)
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.print("Interrupted: what was committed before stays stored; re-run to resume.")
        return 130
    except Exception as exc:
        if debug:
            err.print_exception()
        err.print(
            f"[bold red]Internal error[/]: {type(exc).__name__}: {exc} "
            "(re-run with --debug for the traceback and report it)",
            markup=True,
        )
        return EXIT_INTERNAL
    return 0


if __name__ == "__main__":  # pragma: no cover
    from fogofwar.cli.app import app as _app

    sys.exit(run_app(_app, sys.argv[1:]))
