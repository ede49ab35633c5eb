"""Checking option values without Typer: the valid values named in every error.

Every check raises :class:`~fogofwar.errors.ConfigError` with the valid values (and the
closest one when the value looks like a typo), so ``fogofwar claims --kind casualty`` answers
"unknown --kind 'casualty': did you mean casualties? Use one of …" instead of an empty table.
Kept free of Typer and rich so the quick start path (:mod:`fogofwar.cli.quick`) can use it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date

from fogofwar.errors import ConfigError

__all__ = ["choose", "parse_date"]


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
