"""Fetching URLs with httpx behind an SSRF guard and a streaming size cap.

Every hop (the first URL and each redirect) is checked: the scheme must be http or https and
every address the host resolves to must be public, unless ``allow_private_addresses``.
httpx exceptions are mapped to :class:`FetchError` here, at the boundary.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from fogofwar.errors import FetchError, ForbiddenAddress, InputError
from fogofwar.model import ReasonCode
from fogofwar.readers.options import ReadOptions

__all__ = ["Fetched", "check_address", "check_url", "fetch"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_GONE = frozenset({404, 410})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded body with the final URL and its declared content type."""

    url: str
    content: bytes
    content_type: str


def check_address(address: IPAddress | str) -> None:
    """Raise :class:`ForbiddenAddress` unless ``address`` is a public unicast address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            check_address(mapped)
    forbidden = (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )
    if forbidden:
        raise ForbiddenAddress(
            f"refusing to contact {ip}: it is a loopback, private, link-local, multicast, "
            "reserved or unspecified address; pass allow_private_addresses=True (or "
            "--allow-private) only if you trust this network target"
        )


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc}); check the URL") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, *, allow_private: bool) -> None:
    """Raise unless ``url`` is http(s) and its host resolves only to allowed addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(
            ReasonCode.UNSUPPORTED_FORMAT,
            f"{url}: only http and https URLs can be fetched, not {parts.scheme or 'none'!r}",
            stage="fetch",
        )
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the URL has no host name; check it")
    if allow_private:
        return
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = [str(literal)] if literal is not None else _resolve(host, parts.port or 443)
    for address in addresses:
        try:
            check_address(address.split("%")[0])
        except ForbiddenAddress as exc:
            raise ForbiddenAddress(f"{url}: {exc}") from exc


def _download(client: httpx.Client, url: str, options: ReadOptions) -> httpx.Response | Fetched:
    with client.stream("GET", url) as response:
        if response.status_code in _REDIRECTS:
            return response
        if response.status_code in _GONE:
            raise InputError(
                ReasonCode.NOT_FOUND,
                f"{url}: the server answered {response.status_code} (not found); check the URL",
                stage="fetch",
            )
        if response.status_code >= 400:
            raise FetchError(
                f"{url}: the server answered HTTP {response.status_code}; try again later"
            )
        declared = response.headers.get("content-length", "")
        if declared.isdecimal() and (len(declared) > 18 or int(declared) > options.max_bytes):
            raise _too_large(url, options)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > options.max_bytes:
                raise _too_large(url, options)
            chunks.append(chunk)
        return Fetched(
            str(response.url), b"".join(chunks), response.headers.get("content-type", "")
        )


def _too_large(url: str, options: ReadOptions) -> InputError:
    return InputError(
        ReasonCode.TOO_LARGE,
        f"{url}: the response is larger than the limit of {options.max_bytes} bytes; "
        "raise max_bytes if this page is really an article",
        stage="fetch",
    )


def fetch(url: str, options: ReadOptions, transport: httpx.BaseTransport | None = None) -> Fetched:
    """Download ``url`` following up to ``max_redirects`` redirects, each one re-checked."""
    timeout = httpx.Timeout(options.fetch_timeout)
    headers = {"User-Agent": options.user_agent}
    current = url
    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=False, headers=headers, transport=transport
        ) as client:
            for _ in range(options.max_redirects + 1):
                check_url(current, allow_private=options.allow_private_addresses)
                result = _download(client, current, options)
                if isinstance(result, Fetched):
                    return result
                location = result.headers.get("location")
                if not location:
                    raise FetchError(f"{current}: redirect without a Location header")
                current = urljoin(current, location)
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"{current}: timed out after {options.fetch_timeout} s ({type(exc).__name__}); "
            "try again or raise fetch_timeout"
        ) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{current}: the download failed ({type(exc).__name__}: {exc})") from exc
    raise FetchError(f"{url}: more than {options.max_redirects} redirects; giving up")
