"""Keyset cursors for the store's paged listings: opaque tokens that name the last row seen.

A page after a cursor is ``WHERE key < cursor ORDER BY key DESC LIMIT n`` (or ``>`` for the
claims' storage order), so pages never shift when rows are added, and a deep page costs what the
first one does (an index seek, not an ``OFFSET`` scan).

Tokens are URL-safe base64 of a small JSON list; anything else raises ``ValueError``.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import sqlalchemy as sa

__all__ = ["decode", "decode_cursor", "encode", "encode_cursor", "newest_first_after"]


def encode(*parts: str | int | None) -> str:
    """An opaque cursor holding ``parts``."""
    raw = json.dumps(list(parts), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, kinds: tuple[type, ...]) -> list[Any]:
    """The parts of ``cursor``, checked against ``kinds`` (a part may also be ``None``);
    ``ValueError`` for anything that is not a cursor this store made."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        parts = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (UnicodeError, ValueError, binascii.Error):
        raise ValueError(f"cursor {cursor[:40]!r} is not valid: use the one a page gave") from None
    ok = isinstance(parts, list) and len(parts) == len(kinds)
    if ok:
        ok = all(
            p is None or (isinstance(p, k) and not isinstance(p, bool))
            for p, k in zip(parts, kinds, strict=True)
        )
    if not ok:
        raise ValueError(f"cursor {cursor[:40]!r} is not valid: use the one a page gave")
    out: list[Any] = parts
    return out


def newest_first_after(
    when: sa.ColumnElement[Any], pk: sa.ColumnElement[Any], last_when: str | None, last_pk: int
) -> sa.ColumnElement[bool]:
    """Rows after ``(last_when, last_pk)`` in the order ``when DESC NULLS LAST, pk DESC``."""
    if last_when is None:
        return sa.and_(when.is_(None), pk < last_pk)
    return sa.or_(
        when.is_(None),
        when < last_when,
        sa.and_(when == last_when, pk < last_pk),
    )


decode_cursor = decode  # the names the services layer exports
encode_cursor = encode
