"""The claim reader's public entry point.

INTERFACE STUB (owned by the claim-reader engineer). A :class:`Reader` holds everything loaded
once (language packs, actor registry, gazetteer) and turns an :class:`Article` into a
:class:`ReadResult`: its claims (claims-v1) and the attributions found along the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fogofwar.claim import Certainty, Claim, SourceKind
from fogofwar.model import Article, ReadStatus, Span

__all__ = ["Attribution", "ReadResult", "Reader"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reported-speech relation: who (source) says what (content) with which words (cue)."""

    content: Span
    source: Span | None
    cue: Span | None
    direct: bool  # direct quotation
    source_name: str | None = None
    source_kind: SourceKind = SourceKind.AUTHOR
    certainty: Certainty = Certainty.ASSERTED
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What the reader found in one article."""

    article_id: str
    lang: str
    status: ReadStatus
    claims: tuple[Claim, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sentences: tuple[Span, ...] = ()
    reason: str | None = None  # why status is NOT_READ


class Reader:
    """Reads claims out of articles; build once with :meth:`default`, reuse for every article."""

    @classmethod
    def default(cls) -> Reader:
        """A reader with the shipped language packs, actor registry and gazetteer."""
        return cls()

    def read(self, article: Article) -> ReadResult:
        """Read every claim in ``article`` (its body and its headline)."""
        return ReadResult(article.id, article.language, ReadStatus.NOT_READ, reason="not built yet")

    def read_text(
        self, text: str, lang: str, *, published: date | None = None, title: str | None = None
    ) -> ReadResult:
        """Read a bare text (evaluation, ``fogofwar places``-style debugging)."""
        article = Article.create(
            source="<text>", text=text, title=title, language=lang, published=published
        )
        return self.read(article)
