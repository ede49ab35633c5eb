"""fogofwar's exception tree. Foreign exceptions are mapped to these at the I/O boundary.

    FogOfWarError
    ├── InputError            bad input: each carries a ReasonCode (stored as a rejection)
    │   ├── FetchError        a URL could not be fetched (timeouts, HTTP errors, size cap)
    │   └── ForbiddenAddress  a URL points at a loopback/private/link-local address
    ├── StoreError            the database could not be opened, migrated or written
    ├── ConfigError           a setting is missing or invalid
    ├── NotFoundError         an id (article, event, claim) names nothing stored
    │   └── AmbiguousIdError  an id prefix names several (also a StoreError)
    └── EvalError             an evaluation set is missing or malformed

Every message says what failed, why, and what to do.
"""

from __future__ import annotations

from datetime import date

from fogofwar.model import ReasonCode

__all__ = [
    "AmbiguousIdError",
    "ConfigError",
    "EvalError",
    "FetchError",
    "FogOfWarError",
    "ForbiddenAddress",
    "InputError",
    "NotFoundError",
    "StoreError",
]


class FogOfWarError(Exception):
    """Base of every error fogofwar raises on purpose."""


class InputError(FogOfWarError):
    """An input cannot become an article. ``reason`` is the stored rejection code;
    ``published`` the publication date the reader had already found, if any (a page whose body
    is rejected keeps its date)."""

    def __init__(
        self,
        reason: ReasonCode,
        message: str,
        *,
        stage: str = "read",
        published: date | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.stage = stage
        self.published = published


class FetchError(InputError):
    """A URL could not be fetched."""

    def __init__(self, message: str) -> None:
        super().__init__(ReasonCode.FETCH_FAILED, message, stage="fetch")


class ForbiddenAddress(InputError):
    """A URL resolves to an address fogofwar refuses to contact (SSRF guard)."""

    def __init__(self, message: str) -> None:
        super().__init__(ReasonCode.FORBIDDEN_ADDRESS, message, stage="fetch")


class StoreError(FogOfWarError):
    """The store could not be opened, migrated, read or written."""


class ConfigError(FogOfWarError):
    """A setting is missing or invalid."""


class NotFoundError(FogOfWarError):
    """An id names nothing stored (or, as a prefix, more than one thing). The CLI prints it
    as one line; the web API answers 404 with its one error body."""


class AmbiguousIdError(NotFoundError, StoreError):
    """An id prefix names several stored things: "not found" for the person asking (a 404 from
    the API), and still a :class:`StoreError` for code that catches those."""


class EvalError(FogOfWarError):
    """An evaluation data set is missing or malformed."""
