"""Tests for fogofwar.readers.fetch: SSRF guard, redirects, size cap, timeouts.

Traffic goes only to a local server on 127.0.0.1 (with allow_private_addresses=True) or to an
httpx MockTransport; the guard itself is tested on addresses alone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from fogofwar.errors import FetchError, ForbiddenAddress, InputError
from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers import ReadOptions, read_inputs
from fogofwar.readers.fetch import check_address, check_url, fetch

PAGE = (
    "<html><head><title>Local test page</title></head><body><article>"
    + "<p>Officials said at least four people were injured in the overnight strike on the city, "
    "and several buildings were damaged according to the regional administration.</p>"
    * 4
    + "</article></body></html>"
).encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"x" * 5000, "text/plain")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, "text/html")
        else:
            self._send(404, b"missing", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


PRIVATE = ReadOptions(allow_private_addresses=True, fetch_timeout=5.0)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
    ],
)
def test_forbidden_addresses(address: str) -> None:
    with pytest.raises(ForbiddenAddress):
        check_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_public_addresses_allowed(address: str) -> None:
    check_address(address)


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("http://127.0.0.1/x", ForbiddenAddress),
        ("http://[::1]:8080/", ForbiddenAddress),
        ("http://169.254.169.254/latest/meta-data/", ForbiddenAddress),
        ("http://10.0.0.5/", ForbiddenAddress),
        ("file:///etc/passwd", InputError),
        ("ftp://example.org/", InputError),
        ("http:///nohost", FetchError),
    ],
)
def test_check_url_refuses(url: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        check_url(url, allow_private=False)


def test_redirect_to_private_address_is_rechecked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://127.0.0.1/admin"})

    with pytest.raises(ForbiddenAddress):
        fetch("http://93.184.216.34/", ReadOptions(), transport=httpx.MockTransport(handler))


def test_private_url_rejected_in_batch() -> None:
    [result] = list(read_inputs(["http://127.0.0.1:9/article"]))
    assert isinstance(result, Rejected) and result.reason is ReasonCode.FORBIDDEN_ADDRESS


def test_fetch_local_page(server: str) -> None:
    [article] = list(read_inputs([f"{server}/redirect"], options=PRIVATE))
    assert isinstance(article, Article)
    assert article.title == "Local test page"
    assert article.url == f"{server}/page"
    assert article.source_format == "html"


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/big", ReadOptions(allow_private_addresses=True, max_bytes=1000), ReasonCode.TOO_LARGE),
        ("/missing", PRIVATE, ReasonCode.NOT_FOUND),
        (
            "/slow",
            ReadOptions(allow_private_addresses=True, fetch_timeout=0.3),
            ReasonCode.FETCH_FAILED,
        ),
    ],
)
def test_fetch_failures(server: str, path: str, options: ReadOptions, reason: ReasonCode) -> None:
    [result] = list(read_inputs([server + path], options=options))
    assert isinstance(result, Rejected)
    assert result.reason is reason
    assert server + path in result.message


def test_connection_refused_is_fetch_failed() -> None:
    [result] = list(read_inputs(["http://127.0.0.1:9/"], options=PRIVATE))
    assert isinstance(result, Rejected) and result.reason is ReasonCode.FETCH_FAILED
