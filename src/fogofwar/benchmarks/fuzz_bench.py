"""A longer fuzz run over every reader (``fogofwar bench fuzz -n 20000``).

Inputs are the bundled example articles and one small seed per format (HTML, JSON, JSONL, RSS,
Atom, WARC, text), mutated: bytes flipped, cut, repeated, hostile pieces spliced in (control
characters, lone surrogates, 5,000-digit numbers, deep nesting, entity declarations, broken
encodings, gzip), plus random bytes. Each goes through :func:`~fogofwar.readers.read_bytes`
(sniffed and with every forced format). A failure is an exception escaping, or a rejection
with the catch-all ``internal`` reason (a bug hidden, not handled); both are listed.
"""

from __future__ import annotations

import gzip
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from fogofwar.model import ReasonCode, Rejected
from fogofwar.readers import ReadOptions
from fogofwar.readers.dispatch import FORMATS, read_bytes

__all__ = ["FuzzReport", "fuzz", "seeds"]

_SENT = "Officials said at least 12 people were killed in the attack on Kharkiv on Monday."
_SEEDS: dict[str, bytes] = {
    "page.html": (
        f"<html><head><title>Strike</title></head><body><article><p>{_SENT}</p>"
        f"<p>{_SENT}</p></article></body></html>"
    ).encode(),
    "doc.json": f'{{"title": "Strike", "text": "{_SENT}", "published": "2024-10-01"}}'.encode(),
    "docs.jsonl": (
        f'{{"title": "A", "text": "{_SENT}"}}\n{{"title": "B", "text": "{_SENT}"}}\n'
    ).encode(),
    "feed.rss": (
        f"<rss><channel><item><title>Strike</title><description>&lt;p&gt;{_SENT}&lt;/p&gt;"
        "</description><pubDate>Mon, 01 Oct 2024 10:00:00 GMT</pubDate></item></channel></rss>"
    ).encode(),
    "feed.atom": (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>S</title>'
        f'<content type="html">{_SENT}</content></entry></feed>'
    ).encode(),
    "dump.txt": f"Strike on Kharkiv\nBy A. Writer\n1 October 2024\n\n{_SENT} {_SENT}\n".encode(),
}
_HOSTILE = [
    b"\x00",
    b"\x01\x0b\x0c\x1f",
    b"\\ud800",
    b"\\udc00\\ud83d",
    b"\xed\xa0\x80",
    b"\xff\xfe",
    b"9" * 5000,
    b"1," + b"000," * 2000 + b"000",
    b"<div>" * 3000,
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>&b;",
    b"&#0;&#xD800;&#x110000;",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/",
    b'{"text": ' * 500,
    b"]]>",
    b"<?xml version='1.0' encoding='x-unknown'?>",
    b"\xef\xbb\xbf",
    b"<p>" + "\u202e\u0300\ufeff".encode() + b"</p>",
]


def _warc(payload: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: http://example.test/\r\nWARC-Date: 2024-10-01T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n"
    )
    return head + http + b"\r\n\r\n"


def seeds() -> dict[str, bytes]:
    """Seed inputs: one per format and the bundled example articles."""
    out = dict(_SEEDS)
    out["page.warc"] = _warc(_SEEDS["page.html"])
    try:
        folder = Path(str(resources.files("fogofwar.examples"))) / "articles"
        for path in sorted(folder.iterdir()):
            if path.is_file():
                out[path.name] = path.read_bytes()[:20_000]
    except (ModuleNotFoundError, OSError):
        pass
    return out


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[at:at] = rng.choice(_HOSTILE)
        elif op == 2:
            del buf[at : at + rng.randint(1, 64)]
        elif op == 3:
            buf = buf[: rng.randrange(len(buf) + 1)]
        elif op == 4:
            piece = bytes(buf[at : at + rng.randint(1, 200)])
            buf[at:at] = piece * rng.randint(2, 50)
        else:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
    out = bytes(buf)
    if rng.random() < 0.05:
        out = gzip.compress(out)
    return out


@dataclass(slots=True)
class FuzzReport:
    """Inputs tried, outcome counts, and failures (with the input's seed name and bytes)."""

    tried: int = 0
    articles: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, bytes]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary (failures shortened)."""
        return {
            "inputs_tried": self.tried,
            "articles": self.articles,
            "rejections": dict(self.reasons.most_common()),
            "failures": len(self.failures),
            "failure_examples": [
                {"seed": s, "error": e, "input": repr(d[:120])} for s, e, d in self.failures[:20]
            ],
            "seconds": round(self.seconds, 1),
        }


def fuzz(n: int = 5000, seed: int = 1, options: ReadOptions | None = None) -> FuzzReport:
    """Try ``n`` inputs; see the module docstring."""
    opts = options or ReadOptions(max_bytes=2_000_000)
    rng = random.Random(seed)
    pool = seeds()
    names = sorted(pool)
    report = FuzzReport()
    started = time.perf_counter()
    for _ in range(n):
        name = rng.choice(names)
        data = (
            bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
            if rng.random() < 0.05
            else _mutate(pool[name], rng)
        )
        fmt = rng.choice((None, None, *FORMATS))
        report.tried += 1
        try:
            out = read_bytes(data, source=name, fmt=fmt, options=opts)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            report.failures.append((name, f"{type(exc).__name__}: {exc}"[:300], data))
            continue
        for item in out:
            if isinstance(item, Rejected):
                report.reasons[item.reason.value] += 1
                if item.reason is ReasonCode.INTERNAL:
                    report.failures.append((name, item.message[:300], data))
            else:
                report.articles += 1
    report.seconds = time.perf_counter() - started
    return report


if __name__ == "__main__":
    import json
    import sys

    r = fuzz(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
    print(json.dumps(r.summary(), indent=1))
