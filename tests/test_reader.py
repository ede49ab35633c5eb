"""The reader end to end: the founding article (shared seed) and the public API."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from fogofwar.claim import Certainty, Claim, ClaimKind, SourceKind
from fogofwar.model import ReadStatus
from fogofwar.reader import Reader, ReadResult

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed" / "article.txt"
SEED_BODY_LINE = 13  # the dump's metadata block ends before line 13


def _split_dump(path: Path) -> tuple[str, str]:
    """Title (line 1) and body (line 13 on) of the seed's plain-text dump."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[0], "\n".join(lines[SEED_BODY_LINE - 1 :])


@dataclass(frozen=True)
class Expect:
    """What one claim of the seed README must look like."""

    kind: ClaimKind
    span_has: str
    source_kind: SourceKind
    certainty: Certainty
    count: tuple[str, int, int] | None = None
    quote: bool = False
    headline: bool = False
    via: str | None = None
    qualifier: bool = False

    def matches(self, c: Claim, title: str, body: str) -> bool:
        assert c.span is not None
        text = title if c.in_headline else body
        if (c.kind, c.in_headline) != (self.kind, self.headline):
            return False
        if self.span_has not in c.span.slice(text):
            return False
        if (c.source.kind, c.certainty, c.quote) != (self.source_kind, self.certainty, self.quote):
            return False
        if self.via is not None and self.via not in c.source.via:
            return False
        if self.count is not None:
            field, low, high = self.count
            count = getattr(c.counts, field)
            if count is None or (count.low, count.high) != (low, high):
                return False
            if self.qualifier and not count.qualifier:
                return False
        return True


SEED_CLAIMS = {
    "headline": Expect(
        ClaimKind.CASUALTIES,
        "gefallen",
        SourceKind.AUTHOR,
        Certainty.ASSERTED,
        ("killed", 8, 8),
        headline=True,
    ),
    "C1": Expect(ClaimKind.DEPLOYMENT, "ausgebildet", SourceKind.INTELLIGENCE, Certainty.CONFIRMED),
    "C3": Expect(
        ClaimKind.CASUALTIES,
        "gestorben",
        SourceKind.COMBATANT,
        Certainty.CLAIMED,
        ("killed", 8, 8),
        quote=True,
        via="social media",
        qualifier=True,
    ),
    "C4": Expect(ClaimKind.DESERTION, "Fluchtversuche", SourceKind.UNNAMED, Certainty.REPORTED),
    "C5": Expect(
        ClaimKind.ARREST, "festgenommen", SourceKind.UNNAMED, Certainty.REPORTED, ("arrested", 3, 9)
    ),
    "C6": Expect(ClaimKind.DEPLOYMENT, "geschickt", SourceKind.UNNAMED, Certainty.REPORTED),
}


@pytest.fixture(scope="module", params=["offline", "default"])
def seed(request: pytest.FixtureRequest) -> tuple[str, str, ReadResult]:
    if not SEED.exists():
        pytest.skip("needs ../shared (the seed article)")
    reader = Reader.offline() if request.param == "offline" else Reader.default()
    title, body = _split_dump(SEED)
    return title, body, reader.read_text(body, "de", published=date(2024, 10, 24), title=title)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(SEED_CLAIMS))
def test_seed_claim(seed: tuple[str, str, ReadResult], name: str) -> None:
    title, body, res = seed
    expect = SEED_CLAIMS[name]
    assert any(expect.matches(c, title, body) for c in res.claims), name


@pytest.mark.shared
def test_seed_quote_speaker_is_the_full_name(seed: tuple[str, str, ReadResult]) -> None:
    _, body, res = seed
    quoted = [c for c in res.claims if c.quote]
    assert quoted
    src = quoted[0].source
    assert src.name is not None and len(src.name.split()) >= 2
    assert src.span is not None and src.span.slice(body) in src.name


@pytest.mark.shared
def test_seed_analysis_paragraphs_yield_no_claims(seed: tuple[str, str, ReadResult]) -> None:
    _, body, res = seed
    closing = body.rstrip().rsplit("\n\n", 3)[1:]
    start = body.index(closing[0])
    assert len(closing) == 3
    assert not [c for c in res.claims if not c.in_headline and c.span and c.span.start >= start]


@pytest.mark.shared
def test_seed_spans_slice_inside(seed: tuple[str, str, ReadResult]) -> None:
    title, body, res = seed
    for c in res.claims:
        text = title if c.in_headline else body
        assert c.span is not None and 0 <= c.span.start < c.span.end <= len(text)
        assert c.span.slice(text) == c.span.slice(text).strip()
    for a in res.attributions:
        assert 0 <= a.content.start < a.content.end <= len(body)


def test_other_language_is_not_read() -> None:
    res = Reader.offline().read_text("Wojska zostały rozmieszczone.", "pl")
    assert res.status == ReadStatus.NOT_READ
    assert res.reason and "pl" in res.reason
    assert res.claims == ()


def test_read_status_and_sentences() -> None:
    res = Reader.offline().read_text("Troops were deployed. Five soldiers died.", "en")
    assert res.status == ReadStatus.READ
    assert len(res.sentences) == 2
    assert [c.kind for c in res.claims] == [ClaimKind.DEPLOYMENT, ClaimKind.CASUALTIES]


def test_records_round_trip() -> None:
    res = Reader.offline().read_text(
        "Russian shelling killed five civilians yesterday.", "en", published=date(2024, 10, 24)
    )
    for c in res.claims:
        assert Claim.from_record(c.to_record()) == c
