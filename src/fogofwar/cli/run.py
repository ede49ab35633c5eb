"""Run the Typer app, mapping exceptions to one-line errors and exit codes.

Error lines say what went wrong and what to do, never an exception class name; ``--debug``
(anywhere on the command line) adds the traceback.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from fogofwar.cli.options import accept_everywhere
from fogofwar.errors import FogOfWarError, InputError

__all__ = ["EXIT_ERROR", "EXIT_INTERNAL", "error_text", "run_app"]

EXIT_ERROR = 1
EXIT_INTERNAL = 2


def error_text(exc: BaseException) -> str:
    """The message of ``exc`` for a person: its text (or, when it has none, a plain phrase)."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f" {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = str(exc).strip()
    return text or "an unexpected error with no message"


def run_app(app: typer.Typer, argv: list[str]) -> int:
    """Run ``app`` on ``argv``; return the process exit code."""
    debug = "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        command = accept_everywhere(typer.main.get_command(app))
        # Click prints usage errors itself and leaves through SystemExit; our errors pass through.
        command.main(args=argv, prog_name="fogofwar", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    except (FogOfWarError, OSError) as exc:
        if debug:
            err.print_exception()
        what = f" ({exc.reason.value})" if isinstance(exc, InputError) else ""
        err.print(f"[bold red]Error[/]{what}: ", markup=True, end="")
        err.print(error_text(exc), markup=False)
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.print("Interrupted: what was committed before stays stored; re-run to resume.")
        return 130
    except Exception as exc:
        if debug:
            err.print_exception()
        err.print("[bold red]Internal error[/]: ", markup=True, end="")
        err.print(
            f"{error_text(exc)} (a bug in fogofwar: re-run with --debug for the traceback and "
            "report it)",
            markup=False,
        )
        return EXIT_INTERNAL
    return 0


if __name__ == "__main__":  # pragma: no cover
    from fogofwar.cli.app import app as _app

    sys.exit(run_app(_app, sys.argv[1:]))
