"""Run the Typer app, mapping exceptions to one-line errors and exit codes.

Error lines say what went wrong and what to do, never an exception class name; ``--debug``
(anywhere on the command line) adds the traceback. Typer and rich load only when needed, so the
quick start path (:mod:`fogofwar.cli.quick`) shares :func:`guarded` without paying for them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from fogofwar.errors import FogOfWarError, InputError

if TYPE_CHECKING:
    import typer
    from rich.console import Console

__all__ = ["EXIT_ERROR", "EXIT_INTERNAL", "error_text", "guarded", "run_app", "wants_debug"]

EXIT_ERROR = 1
EXIT_INTERNAL = 2


def error_text(exc: BaseException) -> str:
    """The message of ``exc`` for a person: its text (or, when it has none, a plain phrase)."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f" {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = str(exc).strip()
    return text or "an unexpected error with no message"


def wants_debug(argv: list[str]) -> bool:
    """``--debug`` among the options (before a ``--`` that ends them)."""
    return "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def guarded(call: Callable[[], int | None], debug: bool) -> int:
    """Run ``call``; return its exit code, or the code of the error it raised (printed as one
    line on stderr, with the traceback when ``debug``)."""
    try:
        code = call()
    except SystemExit as exc:
        status = exc.code
        return status if isinstance(status, int) else (0 if status is None else EXIT_ERROR)
    except (FogOfWarError, OSError) as exc:
        err = _stderr()
        if debug:
            err.print_exception()
        what = f" ({exc.reason.value})" if isinstance(exc, InputError) else ""
        err.print(f"[bold red]Error[/]{what}: ", markup=True, end="")
        err.print(error_text(exc), markup=False)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _stderr().print("Interrupted: what was committed before stays stored; re-run to resume.")
        return 130
    except Exception as exc:
        err = _stderr()
        if debug:
            err.print_exception()
        err.print("[bold red]Internal error[/]: ", markup=True, end="")
        err.print(
            f"{error_text(exc)} (a bug in fogofwar: re-run with --debug for the traceback and "
            "report it)",
            markup=False,
        )
        return EXIT_INTERNAL
    return code or 0


def run_app(app: typer.Typer, argv: list[str]) -> int:
    """Run ``app`` on ``argv``; return the process exit code."""

    def call() -> None:
        import typer

        from fogofwar.cli.options import accept_everywhere

        command = accept_everywhere(typer.main.get_command(app))
        # Click prints usage errors itself and leaves through SystemExit; our errors pass through.
        command.main(args=argv, prog_name="fogofwar", standalone_mode=True)

    return guarded(call, wants_debug(argv))


if __name__ == "__main__":  # pragma: no cover
    from fogofwar.cli.app import app as _app

    sys.exit(run_app(_app, sys.argv[1:]))
