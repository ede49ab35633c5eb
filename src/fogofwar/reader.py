"""The claim reader's public entry point.

A :class:`Reader` holds everything loaded once (language packs, actor registry, gazetteer) and
turns an :class:`Article` into a :class:`ReadResult`: its claims (claims-v1) and the attributions
found along the way. The body and the title are read by the same staged pipeline
(:mod:`fogofwar.nlp.stages`); the title's claims carry ``in_headline=True`` and spans into the
title string.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from fogofwar import PIPELINE_VERSION
from fogofwar.actors import ActorRegistry
from fogofwar.caches import install_lemma_cache
from fogofwar.claim import Certainty, Claim, SourceKind
from fogofwar.detect import ClauseModel
from fogofwar.geo import Gazetteer
from fogofwar.model import Article, ReadStatus, Span
from fogofwar.nlp.caveats import caveat_headline
from fogofwar.nlp.doc import (
    ActorSource,
    ClauseScorer,
    Doc,
    NoActors,
    NoPlaces,
    PlaceSource,
    Resources,
    SourcePicker,
)
from fogofwar.nlp.pipeline import Pipeline
from fogofwar.nlp.source_choice import SourceChooser
from fogofwar.nlp.stages import DEFAULT_PIPELINE
from fogofwar.packs import LanguagePack, load_packs

__all__ = ["GC_THRESHOLDS", "SECTION_CHARS", "Attribution", "ReadResult", "Reader", "sections"]

#: Bodies longer than this are read in sections of at most this many characters, cut at a
#: paragraph break (else a line break, a sentence end, a space), so reading time grows with the
#: length of the text, not faster; reported speech across a cut is not joined.
SECTION_CHARS = 20_000
# characters of the body a headline's places are resolved with (the lead names the places)
HEADLINE_CONTEXT = 2_000
_CUTS = ("\n\n", "\n", ". ", "! ", "? ", "。", " ")
#: The garbage collector's thresholds once a reader is warmed up (:meth:`Reader.warm_up`):
#: young objects collected every 20,000 allocations, not 700.
GC_THRESHOLDS = (20_000, 20, 20)


def sections(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` ranges covering ``text`` in order, each at most ``limit`` long (cut at
    the latest paragraph break, line break, sentence end or space in its second half)."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        end = start + limit
        for cut in _CUTS:
            at = text.rfind(cut, start + limit // 2, end)
            if at != -1:
                end = at + len(cut)
                break
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


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

    def __init__(
        self,
        packs: Mapping[str, LanguagePack],
        actors: ActorSource,
        gazetteer: PlaceSource,
        stages: Sequence[str] = DEFAULT_PIPELINE,
        model: ClauseScorer | None = None,
        sources: SourcePicker | None = None,
    ) -> None:
        install_lemma_cache()  # lemma dictionaries from the prebuilt cache (fogofwar.caches)
        self.resources = Resources(packs, actors, gazetteer, PIPELINE_VERSION, model, sources)
        self.pipeline = Pipeline(stages)

    @classmethod
    def default(cls, *, model: bool = True, sources: bool = True) -> Reader:
        """A reader with the shipped language packs, actor registry, gazetteer and (unless
        ``model=False``: rules only, as training needs) the shipped clause model and source
        choice (unless ``sources=False``: the rules pick every source)."""
        scorer = ClauseModel.shipped() if model else None
        chooser = SourceChooser.shipped() if model and sources else None
        reader = cls(
            load_packs(), ActorRegistry.load(), Gazetteer.open(), model=scorer, sources=chooser
        )
        reader.warm_up()
        return reader

    def warm_up(self) -> None:
        """Load everything that loads lazily (lemma dictionaries, lexicons) by reading one
        sentence per language, so the first real article is not slow. Then collect and
        :func:`gc.freeze` the process's objects: whatever the caller holds at that moment is
        never collected again (call it before loading large data meant to be freed later).
        Young objects are then collected less often (:data:`GC_THRESHOLDS`, process-wide)."""
        for lang in self.languages:
            self.analyze("Test.", lang)
        model = self.resources.model
        if model is not None:  # the model's lazy parts (the embedding model)
            model.source_kinds([("Test", "…")])
        # what is loaded now lives as long as the reader: out of the garbage collector's
        # sight, so its full passes while reading walk only the articles' objects (~10% of
        # the reading time), not the lexicons, registry and gazetteer again and again
        gc.collect()
        gc.freeze()
        # reading allocates many short-lived objects, few of them in cycles: a young
        # collection every 700 allocations walks the same live document again and again
        # (~4% of the reading time); cycles are still collected, a little later
        gc.set_threshold(*GC_THRESHOLDS)

    @classmethod
    def offline(cls) -> Reader:
        """A reader with the language packs only: no actor registry, no gazetteer.

        Actors are kept by surface form from the packs' force nouns; claims carry no location.
        Useful for tests and for reading when the registry or gazetteer is unavailable.
        """
        reader = cls(
            load_packs(),
            NoActors(),
            NoPlaces(),
            model=ClauseModel.shipped(),
            sources=SourceChooser.shipped(),
        )
        reader.warm_up()
        return reader

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages this reader reads (one pack each)."""
        return tuple(sorted(self.resources.packs))

    def analyze(
        self,
        text: str,
        lang: str,
        *,
        published: date | None = None,
        headline: bool = False,
        doc_id: str = "-",
        context: str = "",
    ) -> Doc:
        """Run the pipeline on a bare text and return the full :class:`Doc` (for debugging);
        ``context`` is text read with it for place context only (a headline's article)."""
        doc = Doc(doc_id, text, lang, published, headline, context=context)
        return self.pipeline(doc, self.resources)

    def read(self, article: Article) -> ReadResult:
        """Read every claim in ``article`` (its body and its headline)."""
        lang = article.language
        if lang not in self.resources.packs:
            return ReadResult(
                article.id,
                lang,
                ReadStatus.NOT_READ,
                reason=f"no language pack for {lang!r}; packs: {', '.join(self.languages)}",
            )
        parts = [self._section(article, lang, start, end) for start, end in sections(article.text)]
        claims = [c for doc in parts for c in doc.claims]
        title = article.title or article.headline
        if title and title.strip():
            head = self.analyze(
                title[:SECTION_CHARS],
                lang,
                published=article.published,
                headline=True,
                doc_id=article.id,
                context=article.text[:HEADLINE_CONTEXT],
            )
            claims = caveat_headline(head.claims, claims) + claims
        attributions = tuple(
            Attribution(
                a.content,
                a.source,
                a.cue,
                a.direct,
                a.source_name,
                a.source_kind,
                a.certainty,
                a.via,
            )
            for doc in parts
            for a in doc.attributions
        )
        return ReadResult(
            article.id,
            lang,
            ReadStatus.READ,
            tuple(claims),
            attributions,
            tuple(s.span for doc in parts for s in doc.sentences),
        )

    def _section(self, article: Article, lang: str, start: int, end: int) -> Doc:
        """Read ``article.text[start:end]`` with offsets into the whole text (what comes before
        the section is blanked to spaces, so every span and claim id is the article's)."""
        text = article.text
        if start > 0 or end < len(text):
            text = " " * start + text[start:end]
        return self.analyze(text, lang, published=article.published, doc_id=article.id)

    def read_text(
        self, text: str, lang: str, *, published: date | None = None, title: str | None = None
    ) -> ReadResult:
        """Read a bare text (evaluation, ``fogofwar places``-style debugging)."""
        article = Article.create(
            source="<text>", text=text, title=title, language=lang, published=published
        )
        return self.read(article)
