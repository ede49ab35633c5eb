"""The quick start path: ``fogofwar extract`` and ``fogofwar read`` without building Typer.

Typer builds every command's parameters (and validates values through pydantic) before it runs
one: a few hundred milliseconds that ``extract`` and ``read``, the commands people run on one
file to see what is read, should not pay. :func:`quick_run` recognises the plain forms of
those command lines (their own options, the global ones before or after the command,
``--opt=value``, ``--``) and runs :func:`fogofwar.cli.extracting.run_extract` or
:func:`fogofwar.cli.reading.run_read` directly. Anything else (``--help``, an unknown or
malformed option, no input, another command) returns ``None`` and the full Typer app handles
it, so help, usage errors and their wording stay Typer's. ``FOGOFWAR_NO_QUICK=1`` turns the
quick path off.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import Any

__all__ = ["QuickArgs", "parse_quick", "quick_run"]

# option → (keyword of the command's run function, kind): flag, str, list, jobs, seconds
_GLOBAL = {"--db": ("", "str"), "--quiet": ("", "flag"), "-q": ("", "flag")}
_GLOBAL |= {"--debug": ("debug", "flag")}
_COMMON = {
    "--format": ("fmt", "str"),
    "-f": ("fmt", "str"),
    "--wide": ("wide", "flag"),
    "-w": ("wide", "flag"),
    "--allow-private": ("allow_private", "flag"),
    "--field": ("fields", "list"),
    "--jobs": ("jobs", "jobs"),
    "-j": ("jobs", "jobs"),
}
_COMMANDS: dict[str, dict[str, tuple[str, str]]] = {
    "extract": _COMMON,
    "read": _COMMON
    | {
        "--allow-host": ("allow_hosts", "list"),
        "--engine": ("engine", "str"),
        "--address": ("address", "str"),
        "--timeout": ("timeout", "seconds"),
    },
}


@dataclass(slots=True)
class QuickArgs:
    """A plain ``extract`` or ``read`` command line, parsed."""

    command: str
    inputs: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    debug: bool = False


def _value(kind: str, text: str) -> Any:
    """The option value Typer would give, or ``None`` when Typer would refuse it."""
    if kind == "jobs":
        return int(text) if text.isascii() and text.isdigit() and int(text) >= 1 else None
    if kind == "seconds":
        try:
            seconds = float(text)
        except ValueError:
            return None
        return seconds if math.isfinite(seconds) and seconds >= 0.1 else None
    return text


def parse_quick(argv: list[str]) -> QuickArgs | None:
    """``argv`` as a plain ``extract`` / ``read`` command line, or ``None``."""
    args: QuickArgs | None = None
    debug = False
    i, n = 0, len(argv)
    while i < n:
        token = argv[i]
        i += 1
        if token == "--":
            if args is None:
                return None
            args.inputs.extend(argv[i:])
            break
        if token.startswith("-") and token != "-":
            name, eq, inline = token.partition("=")
            spec = _GLOBAL.get(name) or (_COMMANDS[args.command].get(name) if args else None)
            if spec is None or (eq and (spec[1] == "flag" or not name.startswith("--"))):
                return None  # unknown, --flag=value or -x=value: Typer explains
            key, kind = spec
            if kind == "flag":
                if key == "debug":
                    debug = True
                elif key and args is not None:
                    args.options[key] = True
                continue
            if eq:
                text = inline
            elif i < n:
                text, i = argv[i], i + 1
            else:
                return None
            value = _value(kind, text)
            if value is None:
                return None
            if not key or args is None:
                continue  # --db: extract and read store nothing
            if kind == "list":
                args.options.setdefault(key, []).append(value)
            else:
                args.options[key] = value
        elif args is None:
            if token not in _COMMANDS:
                return None
            args = QuickArgs(token)
        else:
            args.inputs.append(token)
    if args is None or not args.inputs:
        return None
    args.debug = debug
    return args


def quick_run(argv: list[str]) -> int | None:
    """Run ``argv`` when it is a plain ``extract`` or ``read`` command line and return the exit
    code; ``None`` otherwise (the caller then runs the Typer app)."""
    if os.environ.get("FOGOFWAR_NO_QUICK"):
        return None
    args = parse_quick(argv)
    if args is None:
        return None
    from fogofwar.cli.run import guarded

    def call() -> int:
        if args.command == "extract":
            from fogofwar.cli.extracting import run_extract

            return run_extract(args.inputs, **args.options)
        from fogofwar.cli.reading import run_read

        return run_read(args.inputs, **args.options)

    return guarded(call, args.debug)
