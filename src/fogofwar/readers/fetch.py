"""Fetching URLs with httpx behind an SSRF guard and a streaming size cap.

Every hop (the first URL and each redirect) is checked: the scheme must be http or https and
every address the host resolves to must be public, unless ``allow_private_addresses`` or the
host (or its address) is in ``allowed_hosts``. The connection then goes to the address that
was checked (pinned in the transport's network backend), never to a second resolution, so DNS
rebinding cannot swap in a private address; TLS still verifies the certificate for the host
name (SNI) and the Host header is the URL's. Environment proxies are not used. The size cap
counts decoded bytes (after ``Content-Encoding``). httpx exceptions are mapped to
:class:`FetchError` here, at the boundary.
"""

from __future__ import annotations

import ipaddress
import socket
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from fogofwar.errors import FetchError, ForbiddenAddress, InputError
from fogofwar.model import ReasonCode
from fogofwar.readers.options import ReadOptions

__all__ = ["Fetched", "PinnedBackend", "check_address", "check_url", "fetch"]

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


def _allowed(host: str, address: str, allowed: tuple[str, ...]) -> bool:
    """True when the host name or the address is on the allow-list (names, addresses, or
    networks in CIDR notation)."""
    if not allowed:
        return False
    ip = ipaddress.ip_address(address)
    for entry in allowed:
        if entry.lower() == host.lower():
            return True
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


class PinnedBackend(httpcore.SyncBackend):
    """Connects each host name only to the address that was checked for it."""

    def __init__(self) -> None:
        self.pins: dict[str, str] = {}

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Open the connection to the pinned address of ``host`` (refuse unchecked hosts)."""
        pinned = self.pins.get(host.lower())
        if pinned is None:
            raise httpcore.ConnectError(f"{host} was not checked before connecting")
        return super().connect_tcp(pinned, port, timeout, local_address, socket_options)


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc}); check the URL") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, *, allow_private: bool, allowed_hosts: tuple[str, ...] = ()) -> str:
    """Raise unless ``url`` is http(s) and its host resolves only to allowed addresses; return
    the address to connect to (the first one checked)."""
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
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = [str(literal)] if literal is not None else _resolve(host, parts.port or 443)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}; check the URL")
    for address in addresses:
        bare = address.split("%")[0]
        if allow_private or _allowed(host, bare, allowed_hosts):
            continue
        try:
            check_address(bare)
        except ForbiddenAddress as exc:
            raise ForbiddenAddress(f"{url}: {exc}") from exc
    return addresses[0]


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
        for chunk in _decoded(response, options.max_bytes):
            size += len(chunk)
            if size > options.max_bytes:
                raise _too_large(url, options)
            chunks.append(chunk)
        return Fetched(
            str(response.url), b"".join(chunks), response.headers.get("content-type", "")
        )


def _decoded(response: httpx.Response, limit: int) -> Iterator[bytes]:
    """The body, decoded: gzip and deflate here with a bounded output per step (a small
    compressed chunk cannot expand past ``limit`` in memory); other encodings by httpx."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        yield from response.iter_bytes()
        return
    inflate = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, detected
    try:
        for raw in response.iter_raw():
            data = raw
            while data:
                out = inflate.decompress(data, limit + 1)
                yield out
                data = inflate.unconsumed_tail
                if inflate.eof:
                    return
    except zlib.error as exc:
        raise FetchError(f"{response.url}: damaged {encoding} body ({exc})") from exc


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
    backend = PinnedBackend()
    if transport is None:
        transport = httpx.HTTPTransport(trust_env=False)
        transport._pool._network_backend = backend  # connect to the checked address only
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers=headers,
            transport=transport,
            trust_env=False,
        ) as client:
            for _ in range(options.max_redirects + 1):
                address = check_url(
                    current,
                    allow_private=options.allow_private_addresses,
                    allowed_hosts=options.allowed_hosts,
                )
                backend.pins[(urlsplit(current).hostname or "").lower()] = address
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
