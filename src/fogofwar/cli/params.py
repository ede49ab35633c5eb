"""Parsing of option values shared by several commands; errors say what to type instead."""

from __future__ import annotations

from datetime import date

from fogofwar.errors import ConfigError

__all__ = ["parse_date"]


def parse_date(value: str | None, option: str) -> date | None:
    """``YYYY-MM-DD`` → date; ``None`` stays ``None``; anything else is a ConfigError."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r} is not a date: use YYYY-MM-DD") from None
