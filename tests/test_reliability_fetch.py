"""SSRF (issue 12): the connection goes to the address that was checked, on every hop, and an
allow-list lets chosen private hosts through."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fogofwar.errors import ForbiddenAddress
from fogofwar.readers import fetch as fetch_mod
from fogofwar.readers.fetch import check_url, fetch
from fogofwar.readers.options import ReadOptions


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", f"http://second.test:{self.server.server_port}/page")
            self.end_headers()
            return
        body = f"<html><body><p>host={self.headers['Host']}</p></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()


def test_connection_uses_the_checked_address_on_every_hop(
    server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved: list[str] = []

    def resolve_once(host: str, port: int) -> list[str]:
        resolved.append(host)
        return ["127.0.0.1"]

    real = socket.getaddrinfo

    def no_second_lookup(host: str, *args: object, **kwargs: object) -> object:
        if host != "127.0.0.1":  # an address literal needs no lookup; a name would
            raise AssertionError(f"resolved again at connect time: {host!r}")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fetch_mod, "_resolve", resolve_once)
    monkeypatch.setattr(socket, "getaddrinfo", no_second_lookup)
    options = ReadOptions(allowed_hosts=("first.test", "second.test"))
    got = fetch(f"http://first.test:{server}/hop", options)
    assert resolved == ["first.test", "second.test"]
    assert got.content == f"<html><body><p>host=second.test:{server}</p></body></html>".encode()


def test_rebinding_to_a_private_address_is_refused_without_allow_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    monkeypatch.setattr(fetch_mod, "_resolve", lambda host, port: next(answers))
    assert check_url("http://rebind.test/", allow_private=False) == "93.184.216.34"
    with pytest.raises(ForbiddenAddress):
        check_url("http://rebind.test/", allow_private=False)


@pytest.mark.parametrize(
    ("allowed", "ok"),
    [
        (("intranet.test",), True),
        (("10.0.0.0/8",), True),
        (("10.1.2.3",), True),
        (("192.168.0.0/16",), False),
        (("other.test",), False),
        ((), False),
    ],
)
def test_allow_list_for_private_hosts(
    allowed: tuple[str, ...], ok: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch_mod, "_resolve", lambda host, port: ["10.1.2.3"])
    if ok:
        assert check_url("http://intranet.test/", allow_private=False, allowed_hosts=allowed)
    else:
        with pytest.raises(ForbiddenAddress):
            check_url("http://intranet.test/", allow_private=False, allowed_hosts=allowed)


def test_content_encoding_bomb_is_capped_after_decompression() -> None:
    import gzip

    import httpx

    from fogofwar.errors import InputError
    from fogofwar.model import ReasonCode

    bomb = gzip.compress(b"<p>" + b"0" * 20_000_000 + b"</p>")
    page = gzip.compress(b"<html><body><p>small page</p></body></html>")

    def answer(request: httpx.Request) -> httpx.Response:
        body = bomb if request.url.path == "/bomb" else page
        return httpx.Response(
            200,
            stream=httpx.ByteStream(body),
            headers={"Content-Encoding": "gzip", "Content-Type": "text/html"},
        )

    transport = httpx.MockTransport(answer)
    options = ReadOptions(max_bytes=1_000_000, allow_private_addresses=True)
    assert len(bomb) < options.max_bytes
    with pytest.raises(InputError) as caught:
        fetch("http://127.0.0.1/bomb", options, transport=transport)
    assert caught.value.reason is ReasonCode.TOO_LARGE
    got = fetch("http://127.0.0.1/page", options, transport=transport)
    assert got.content == b"<html><body><p>small page</p></body></html>"
