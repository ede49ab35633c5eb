"""Option types shared by several commands; value checks (errors that say what to type
instead) live in :mod:`fogofwar.cli.choices` and are re-exported here."""

from __future__ import annotations

from typing import Annotated

import typer

from fogofwar.cli.choices import choose, parse_date

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


def listing_format(value: str | None, piped: bool) -> str:
    """``--format`` of a listing: ``table`` or ``jsonl`` (default: by where stdout goes)."""
    if value is None:
        return "jsonl" if piped else "table"
    fmt = choose(value, ("table", "jsonl"), "--format")
    assert fmt is not None
    return fmt
