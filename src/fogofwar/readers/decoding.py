"""Bytes to text: reject empty and binary input, guess legacy encodings, normalise.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly. Anything else is
handed to charset-normalizer restricted to the encodings news in de/en/ru/uk actually arrives in
(Windows-1252/1251, KOI8-R/U, Latin-1…); the candidate with the least "chaos" and the most
natural letter case wins. The result has ``\\n`` newlines and is NFC-normalised.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from fogofwar.errors import InputError
from fogofwar.model import ReasonCode

__all__ = ["decode_bytes", "decode_html", "normalise_text"]

# Encodings tried when the input is not UTF-8, in order of preference on ties.
_LEGACY_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "latin_1",
    "cp1250",
    "iso8859_15",
    "iso8859_5",
    "mac_cyrillic",
    "cp866",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _ALLOWED_CONTROLS)
_MAX_CONTROL_RATIO = 0.05
_MAX_CHAOS = 0.2
_SNIFF_BYTES = 65536
# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_HTML_HEAD_BYTES = 8192
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# A page that declares (or mostly is) UTF-8 but has a few broken bytes is still read, with
# U+FFFD for the broken ones, when at most this share of its characters is lost.
_MAX_REPLACED_RATIO = 0.01
_COMMON_PUNCTUATION = frozenset("„“”‚‘’«»‹›–—…·•°§")


def normalise_text(text: str) -> str:
    """Normalise newlines to ``\\n``, drop a leading BOM and apply NFC."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return unicodedata.normalize("NFC", text)


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_RATIO * len(head)


def _case_naturalness(text: str) -> float:
    """Share of lower-case letters: a wrong Cyrillic code page tends to produce capitals."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.islower()) / len(letters)


def _guess_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    results = from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS))
    candidates = [r for r in results if r.chaos <= _MAX_CHAOS]
    if not candidates:
        raise InputError(
            ReasonCode.BAD_ENCODING,
            f"{source}: the bytes are neither UTF-8 nor confidently a known legacy encoding "
            "(cp1252, cp1251, KOI8-R/U, Latin-1); re-save the file as UTF-8 and read it again",
        )
    best = min(candidates, key=lambda r: (round(r.chaos, 2), -_case_naturalness(str(r))))
    return str(best)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode ``data`` to normalised text or raise :class:`InputError`.

    Raises with EMPTY for empty or whitespace-only input, BINARY for NUL bytes or many control
    characters, BAD_ENCODING when the bytes are not UTF-8 and no legacy encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    ReasonCode.BAD_ENCODING,
                    f"{source}: starts with a {encoding} byte-order mark but does not decode as "
                    f"{encoding} ({exc.reason} at byte {exc.start}); re-save it as UTF-8",
                ) from exc
            return _check_empty(normalise_text(text), source)
    if not data.strip():
        raise InputError(ReasonCode.EMPTY, f"{source}: the input is empty; nothing to read")
    if _looks_binary(data):
        raise InputError(
            ReasonCode.BINARY,
            f"{source}: the input looks binary (NUL or control bytes), not text; "
            "pass a text, HTML, JSON, feed or WARC file",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess_legacy(data, source)
    return _check_empty(normalise_text(text), source)


def _check_empty(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(ReasonCode.EMPTY, f"{source}: the input is empty; nothing to read")
    return text


def _declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first bytes (``<meta charset>``), if Python knows it."""
    head = data[:_HTML_HEAD_BYTES]
    lower = head.lower()
    at = lower.find(b"charset")
    while at != -1:  # the regex only where "charset" is (a scan of the whole head is slow)
        start = lower.rfind(b"<meta", max(0, at - 210), at)
        if start != -1:
            m = _DECLARED_CHARSET.match(head, start)
            if m is not None:
                try:
                    return codecs.lookup(m.group(1).decode("ascii")).name
                except (LookupError, UnicodeDecodeError):
                    return None
        at = lower.find(b"charset", at + 7)
    return None


def decode_html(data: bytes, *, source: str) -> str:
    """Decode an HTML page: BOM, then the declared charset (unless the page is valid UTF-8
    that reads better), then UTF-8, then a guess.

    Legacy declarations are read as browsers do (``iso-8859-1`` and ``ascii`` mean
    Windows-1252). A page whose declared charset (or UTF-8) fits all but a handful of bytes is
    decoded with U+FFFD for those bytes instead of being rejected: browsers show such pages and
    the article text is intact. Raises :class:`InputError` like :func:`decode_bytes` otherwise.
    """
    declared = _declared_charset(data)
    declared = _WHATWG_ALIASES.get(declared, declared) if declared else None
    if (
        any(data.startswith(bom) for bom, _ in _BOMS)
        or declared is None
        or (declared != "utf-8" and _clearly_utf8(data, declared))
    ):
        declared = None
    elif not declared.startswith("utf-16") and not _looks_binary(data):
        text = data.decode(declared, errors="replace")
        if text.count("\ufffd") <= _MAX_REPLACED_RATIO * len(text):
            return _check_empty(normalise_text(text), source)
    try:
        return decode_bytes(data, source=source)
    except InputError as exc:
        if exc.reason is not ReasonCode.BAD_ENCODING:
            raise
        text = data.decode(declared or "utf-8", errors="replace")
        if text.count("\ufffd") > _MAX_REPLACED_RATIO * len(text):
            raise
        return _check_empty(normalise_text(text), source)


def _clearly_utf8(data: bytes, declared: str) -> bool:
    """Valid UTF-8 that reads more naturally than the declared charset: a page that declares
    another charset but is UTF-8 (a common misdeclaration: "GrÃ¼ÃŸe" read as Latin-1). A few
    legacy bytes can form valid UTF-8 by chance (cp1251 "Вє" is the bytes of UTF-8 "º"): then
    neither reading has stray symbols and the declaration is believed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if text.isascii():
        return True
    legacy = data.decode(declared, errors="replace")
    return _stray_symbols(legacy) > _stray_symbols(text)


def _stray_symbols(text: str) -> int:
    """Non-ASCII characters that are neither letters, marks, spaces nor common punctuation."""
    return sum(
        1
        for c in text
        if ord(c) > 127
        and c not in _COMMON_PUNCTUATION
        and unicodedata.category(c)[0] not in ("L", "M", "Z")
    )
