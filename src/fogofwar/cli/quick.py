"""The quick start path: ``fogofwar extract`` without building the Typer app.

Typer builds every command's parameters (and validates values through pydantic) before it runs
one; for ``extract``, the command people run on one file to see what is read, that is most of
the start-up. :func:`quick_extract` recognises the plain forms of an ``extract`` command line
(its own options, the global ones before or after the command, ``--opt=value``, ``--``) and
runs :func:`fogofwar.cli.extracting.run_extract` directly. Anything else (``--help``, an
unknown or malformed option, no input) returns ``None`` and the full Typer app handles it, so
help, usage errors and their wording stay Typer's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["ExtractArgs", "parse_extract", "quick_extract"]

# option → (name, takes a value)
_GLOBAL = {"--db": ("db", True), "--quiet": ("quiet", False), "-q": ("quiet", False)}
_GLOBAL |= {"--debug": ("debug", False)}
_EXTRACT = {
    "--format": ("format", True),
    "-f": ("format", True),
    "--wide": ("wide", False),
    "-w": ("wide", False),
    "--allow-private": ("allow_private", False),
    "--field": ("field", True),
    "--jobs": ("jobs", True),
    "-j": ("jobs", True),
}


@dataclass(slots=True)
class ExtractArgs:
    """An ``extract`` command line, parsed."""

    inputs: list[str] = field(default_factory=list)
    format: str = "jsonl"
    wide: bool = False
    allow_private: bool = False
    fields: list[str] = field(default_factory=list)
    jobs: int | None = None
    debug: bool = False


def _set(args: ExtractArgs, name: str, value: str | None) -> bool:
    """Store one option; False when the value is not one Typer would accept."""
    if name == "format" and value is not None:
        args.format = value
    elif name == "field" and value is not None:
        args.fields.append(value)
    elif name == "jobs" and value is not None:
        if not value.isascii() or not value.isdigit() or int(value) < 1:
            return False
        args.jobs = int(value)
    elif name in ("wide", "allow_private", "debug"):
        setattr(args, name, True)
    return True  # --db and --quiet: extract neither stores nor draws a bar


def parse_extract(argv: list[str]) -> ExtractArgs | None:
    """``argv`` as an ``extract`` command line, or ``None`` when it is not a plain one."""
    args = ExtractArgs()
    i, n = 0, len(argv)
    command_seen = False
    while i < n:
        token = argv[i]
        i += 1
        if token == "--":
            if not command_seen:
                return None
            args.inputs.extend(argv[i:])
            break
        if token.startswith("-") and token != "-":
            name, eq, inline = token.partition("=")
            spec = _GLOBAL.get(name) or (_EXTRACT.get(name) if command_seen else None)
            if spec is None or (eq and not spec[1]) or (eq and not name.startswith("--")):
                return None  # unknown, --flag=value or -x=value: Typer explains
            key, takes_value = spec
            value: str | None = None
            if takes_value:
                if eq:
                    value = inline
                elif i < n:
                    value, i = argv[i], i + 1
                else:
                    return None
            if not _set(args, key, value):
                return None
        elif not command_seen:
            if token != "extract":
                return None
            command_seen = True
        else:
            args.inputs.append(token)
    return args if command_seen and args.inputs else None


def quick_extract(argv: list[str]) -> int | None:
    """Run ``extract`` for ``argv`` and return its exit code, or ``None`` when ``argv`` is not
    a plain ``extract`` command line (the caller then runs the Typer app)."""
    if os.environ.get("FOGOFWAR_NO_QUICK"):
        return None
    args = parse_extract(argv)
    if args is None:
        return None
    from fogofwar.cli.extracting import run_extract
    from fogofwar.cli.run import guarded

    def call() -> int:
        return run_extract(
            args.inputs,
            fmt=args.format,
            wide=args.wide,
            allow_private=args.allow_private,
            fields=args.fields,
            jobs=args.jobs,
        )

    return guarded(call, args.debug)
