"""Telegram channels as sources and carriers: the channel registry and channel mentions.

A post read from a Telegram export is an article whose outlet is its channel (``@username``,
from ``ArticleMeta.channel``). The shipped registry (``data/channels.toml``, extendable with a
file named by ``$FOGOFWAR_CHANNELS``) says who runs a channel, its country and the source kind
a post on it implies (``mod_russia`` → the Russian Ministry of Defence, ``military``); a
channel it does not list is ``social_media``, run by nobody it knows.

:func:`mentions` finds channels a text names: ``@username`` handles and ``t.me/username`` links.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fogofwar.claim import SourceKind

__all__ = ["CHANNELS_ENV", "Channel", "channel_of_url", "lookup", "mentions"]

CHANNELS_ENV = "FOGOFWAR_CHANNELS"
_DATA = Path(__file__).resolve().parents[1] / "data" / "channels.toml"
_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z][A-Za-z0-9_]{3,31})\b")
_LINK = re.compile(r"\bt\.me/(?:s/)?([A-Za-z][A-Za-z0-9_]{3,31})\b")


@dataclass(frozen=True, slots=True)
class Channel:
    """A Telegram channel and what the registry knows of it."""

    username: str
    operator: str | None = None
    country: str | None = None
    source_kind: SourceKind = SourceKind.SOCIAL_MEDIA

    @property
    def label(self) -> str:
        """``@username``."""
        return f"@{self.username}"


def _read(path: Path) -> dict[str, Channel]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    out = {}
    for raw in data.get("channel", ()):
        name = str(raw["username"]).lstrip("@")
        kind = raw.get("source_kind")
        out[name.lower()] = Channel(
            name,
            raw.get("operator") or None,
            raw.get("country") or None,
            SourceKind(kind) if kind else SourceKind.SOCIAL_MEDIA,
        )
    return out


@lru_cache(maxsize=4)
def _registry(extra: str) -> dict[str, Channel]:
    known = _read(_DATA)
    if extra:
        known.update(_read(Path(extra)))
    return known


def lookup(username: str) -> Channel:
    """The registry's channel for ``username`` (with or without "@"); unknown → social media."""
    name = username.strip().lstrip("@")
    found = _registry(os.environ.get(CHANNELS_ENV, "")).get(name.lower())
    return found if found is not None else Channel(name)


def mentions(text: str) -> list[str]:
    """Usernames a text names, in order, each once: "@rybar", "t.me/mod_russia/123"."""
    found = [m.group(1) for m in _HANDLE.finditer(text)]
    found += [m.group(1) for m in _LINK.finditer(text)]
    return list(dict.fromkeys(found))


def channel_of_url(url: str | None) -> str | None:
    """The channel of a post URL ("https://t.me/rybar/1234" → "rybar"), else ``None``."""
    if not url:
        return None
    m = _LINK.search(url)
    return m.group(1) if m and ("t.me/" in url) else None
