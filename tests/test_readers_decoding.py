"""Tests for fogofwar.readers.decoding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fogofwar.errors import InputError
from fogofwar.model import ReasonCode
from fogofwar.readers.decoding import decode_bytes

GERMAN = "Die Soldaten wurden in die Region Kursk entsandt. Größere Verluste gemeldet, heißt es."
RUSSIAN = "Несколько северокорейских солдат были задержаны после неудачной попытки побега."
UKRAINIAN = "За даними джерел, щонайменше п'ятеро людей загинули внаслідок удару по Харкову."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (GERMAN, "latin-1"),
        (GERMAN, "cp1252"),
        (RUSSIAN, "cp1251"),
        (UKRAINIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (UKRAINIAN, "koi8-u"),
        (GERMAN, "utf-16"),
        (RUSSIAN, "utf-8-sig"),
    ],
)
def test_legacy_encodings_decode_right(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), source="t") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", ReasonCode.EMPTY),
        (b"   \n\t\r\n  ", ReasonCode.EMPTY),
        (b"\xef\xbb\xbf   ", ReasonCode.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ReasonCode.BINARY),
        (bytes(range(1, 9)) * 40, ReasonCode.BINARY),
        (b"abc\x00def", ReasonCode.BINARY),
        (b"\x81\x8d\x8f\x90\x9d" * 30, ReasonCode.BAD_ENCODING),
    ],
)
def test_bad_bytes_rejected(data: bytes, reason: ReasonCode) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, source="bad.txt")
    assert info.value.reason == reason
    assert "bad.txt" in str(info.value)


def test_newlines_normalised_and_nfc() -> None:
    decomposed = "Gro\u0308\u00dfe\r\nzweite\rdritte"
    assert decode_bytes(decomposed.encode("utf-8"), source="t") == "Größe\nzweite\ndritte"


@given(st.binary(max_size=400))
def test_never_raises_anything_but_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, source="fuzz")
    except InputError as exc:
        assert exc.reason in {ReasonCode.EMPTY, ReasonCode.BINARY, ReasonCode.BAD_ENCODING}
    else:
        assert text.strip()
        assert "\r" not in text
