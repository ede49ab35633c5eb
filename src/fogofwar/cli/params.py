"""Option values shared by several commands; errors say what to type instead.

Every check raises :class:`~fogofwar.errors.ConfigError` with the valid values (and the
closest one when the value looks like a typo), so ``fogofwar claims --kind casualty`` answers
"unknown --kind 'casualty': did you mean casualties? Use one of …" instead of an empty table.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date
from typing import Annotated

import typer

from fogofwar.errors import ConfigError

__all__ = [
    "FORMAT",
    "LIMIT",
    "WIDE",
    "choose",
    "listing_format",
    "parse_date",
]

FORMAT = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table or jsonl [default: table on a terminal, jsonl when piped].",
        show_default=False,
    ),
]
WIDE = Annotated[
    bool,
    typer.Option("--wide", "-w", help="Every column, full values (lines may pass the screen)."),
]
LIMIT = Annotated[
    int, typer.Option("--limit", "-n", help="Show at most this many (a cut is said on stderr).")
]


def parse_date(value: str | None, option: str) -> date | None:
    """``YYYY-MM-DD`` → date; ``None`` stays ``None``; anything else is a ConfigError."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date: use YYYY-MM-DD") from None


def choose(value: str | None, valid: Iterable[str], option: str) -> str | None:
    """``value`` when it is one of ``valid`` (case-insensitive); ``None`` stays ``None``."""
    if value is None:
        return None
    options = list(valid)
    for v in options:
        if v.lower() == value.strip().lower():
            return v
    close = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.6)
    hint = f" did you mean {close[0]}?" if close else ""
    raise ConfigError(f"unknown {option} {value!r}:{hint} use one of {', '.join(options)}")


def listing_format(value: str | None, piped: bool) -> str:
    """``--format`` of a listing: ``table`` or ``jsonl`` (default: by where stdout goes)."""
    if value is None:
        return "jsonl" if piped else "table"
    fmt = choose(value, ("table", "jsonl"), "--format")
    assert fmt is not None
    return fmt
