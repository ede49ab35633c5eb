"""What the resolvers of sources that point back share: the document's word tokens by offset,
the windows they look back and ahead, the source kinds that are only a guess, and the last
attribution before a source."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.doc import AttributionMention, Doc

__all__ = [
    "BARE_ROLE_WORDS",
    "BODY_KINDS",
    "FORCE_TO_PERSON",
    "GUESSED",
    "ROLE_AHEAD",
    "ROLE_BACK",
    "STATEMENT_WINDOW",
    "STEM",
    "Words",
    "last_before",
    "names_person",
    "unelided",
]

STATEMENT_WINDOW = 1200  # chars back from a statement's cue to the speaker it belongs to
ROLE_AHEAD = 400  # chars after a role phrase where its holder may be named ("…, the governor
# said. Governor X said …")
ROLE_BACK = 800  # chars back from a bare role to the named speaker it continues
BARE_ROLE_WORDS = 2  # words of a role named without its holder ("the governor")
BODY_KINDS = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.INTELLIGENCE,
        SourceKind.NGO_IO,
        SourceKind.MEDIA,
        SourceKind.EXPERT,
    }
)
FORCE_TO_PERSON = 60  # chars from a bare force word to the person named after it
STEM = 5
GUESSED = frozenset({SourceKind.WITNESS, SourceKind.UNNAMED})


class Words:
    """Word tokens of a document by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]

    def within(self, span: Span) -> list[int]:
        toks = self.doc.tokens
        k = bisect.bisect_left(self.starts, span.start)
        out = []
        while k < len(toks) and toks[k].end <= span.end:
            if toks[k].is_word:
                out.append(k)
            k += 1
        return out


def last_before(before: Sequence[AttributionMention], src: Span) -> AttributionMention | None:
    """The attribution whose source ends last before ``src`` starts."""
    prior = [b for b in before if b.source is not None and b.source.end <= src.start]
    return max(prior, key=lambda b: b.source.end if b.source is not None else 0, default=None)


def names_person(doc: Doc, span: Span) -> bool:
    """A person entity overlaps ``span``."""
    return any(
        e.category == "person" and e.span.start < span.end and span.start < e.span.end
        for e in doc.entities
    )


def unelided(word: str) -> str:
    """A word without an elided article before it ("l'ong" -> "ong", "dell’onu" -> "onu")."""
    return word.rsplit("'", 1)[-1].rsplit("’", 1)[-1]
