"""Attribution named after the facts, in a sentence of its own.

News often states the facts first and the source in the next sentence: "Bei dem Angriff wurden
drei Menschen getötet. Das teilte das Innenministerium mit.", "Про це повідомило МВС.",
"Об этом сообщил губернатор …", "C'est ce qu'a annoncé le ministère.". Such a sentence is
short, reports no event and no figure of its own, and holds a reporting verb with a source;
what it reports is the text before it. This stage (``attribution_forward.v1``, after
``attribution.v1``) turns it into an attribution whose content is the preceding sentences of
the paragraph (at most :data:`BACK`, back to the last sentence that has a source of its own),
and drops the degenerate attribution the sentence-level reader made of it (content "Das",
"mit"). Only general signals are used — sentence length, figures, event words, cue types — so
every language with a pack gets it.
"""

from __future__ import annotations

import bisect
import dataclasses

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution import find_quotes
from fogofwar.nlp.attribution_bodies import speakers_bodies
from fogofwar.nlp.attribution_coref import resolve_references
from fogofwar.nlp.attribution_gapped import prep_tail
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_source import Finder, inside
from fogofwar.nlp.doc import AttributionMention, Doc, Quantity, Resources, Sentence
from fogofwar.nlp.matcher import norm, token_starts
from fogofwar.nlp.pipeline import stage
from fogofwar.packs import LanguagePack

__all__ = ["BACK", "MAX_WORDS", "attribution_forward"]

BACK = 3  # sentences a postposed source sentence may cover
MAX_WORDS = 16  # longer sentences say something of their own (unless the cue opens them)
LEAD_WORDS = 3
_DEGENERATE = 2  # content words an attribution needs to be more than an anaphor


def _words(doc: Doc, span: Span) -> int:
    toks = doc.tokens
    lo = bisect.bisect_left(_starts(doc), span.start)
    n = 0
    while lo < len(toks) and toks[lo].start < span.end:
        n += toks[lo].is_word
        lo += 1
    return n


def _starts(doc: Doc) -> list[int]:
    return token_starts(doc.tokens)  # shared, read only


def _opens_with(doc: Doc, sent: Sentence, c_start: int, c_end: int, stop: int) -> bool:
    """A long sentence is still only a source when its cue opens it and nothing it says
    follows ("This was stated by President … in an interview for …"): the cue among its first
    :data:`LEAD_WORDS` words and no complementizer or colon after it before ``stop`` (the next
    cue, which reports something of its own: "Lo ha riferito il governatore, precisando che
    …")."""
    toks = doc.tokens
    if sum(1 for t in toks[sent.tok_start : c_start] if t.is_word) > LEAD_WORDS:
        return False
    return not _says_more(doc, c_end, stop)


def _says_more(doc: Doc, c_end: int, stop: int, anaphor: bool = False) -> bool:
    """A complementizer or colon between the cue's end and ``stop``: the cue reports words
    after it. When an ``anaphor`` before the cue is what it reports ("Así lo …", "Lo ha …"),
    a complementizer after a comma opens a relative clause on the speaker instead ("Así lo
    denunció la Red de Médicos, que acusó a …", "Lo ha denunciato il Governo, che …")."""
    comps = lexicon(doc.lang).complementizers
    toks = doc.tokens
    return any(
        t.text == ":" or (t.lower in comps and not (anaphor and toks[k - 1].text == ","))
        for k, t in enumerate(toks[c_end:stop], start=c_end)
    )


def _told_this(doc: Doc, sent: Sentence, c_end: int, stop: int) -> bool:
    """The sentence opens with an anaphor for what came before ("Про це …", "Об этом …",
    pack ``told_this``) and says nothing after its cue (no complementizer or colon)."""
    phrases = lexicon(doc.lang).told_this
    if not phrases:
        return False
    text = doc.text[sent.span.start : sent.span.end].lstrip()
    # the opening words only, as long as the longest phrase and up to a space (norm maps
    # each character alone, and no context lower() reads runs past a space): the same start
    cut = text.find(" ", max(map(len, phrases)))
    if not norm(text if cut < 0 else text[:cut]).startswith(phrases):
        return False
    return not _says_more(doc, c_end, stop, anaphor=True)


def _told_after(doc: Doc, c_end: int, stop: int) -> bool:
    """An anaphor object right after the cue ("Prokudin said this in a post on Telegram",
    "Der Sprecher teilte dies mit", "сообщил об этом губернатор", pack ``told_objects``) and
    nothing said after it (no complementizer or colon)."""
    objects = lexicon(doc.lang).told_objects
    toks = doc.tokens
    if not objects or c_end >= len(toks):
        return False
    one = toks[c_end].lower
    two = f"{one} {toks[c_end + 1].lower}" if c_end + 1 < len(toks) else one
    if one not in objects and two not in objects:
        return False
    return not _says_more(doc, c_end, stop, anaphor=True)


def _stop(doc: Doc, atts: list[AttributionMention], sent: Sentence, c_end: int, stop: int) -> int:
    """Where the source-only part of a sentence ends at the latest: a semicolon or the cue of
    another attribution the sentence holds ("Про це повідомила обсерваторія; за її даними,
    …": what follows is that report's own)."""
    toks = doc.tokens
    starts = _starts(doc)
    marks = [k for k in range(c_end, stop) if toks[k].text == ";"]
    marks += [
        k
        for a in atts
        if a.cue is not None
        and inside(a.cue, sent.span)
        and c_end < (k := bisect.bisect_left(starts, a.cue.start)) < stop
    ]
    return min([stop, *marks])


def _sourced(doc: Doc, atts: list[AttributionMention], sent: Sentence) -> bool:
    return any(
        a.source is not None and a.content.start < sent.span.end and sent.span.start < a.content.end
        for a in atts
    )


def _degenerate(doc: Doc, pack: LanguagePack, a: AttributionMention) -> bool:
    """Content that is no more than an anaphor ("Об этом"), or the rest of the speaker's own
    phrase ("глава региона" before the name): few words, or words touching the source with
    no event word or figure in them."""
    if _words(doc, a.content) <= _DEGENERATE:
        return True
    src, cue = a.source, a.cue
    inner = [s for s in (src, cue) if s is not None and inside(s, a.content)]
    if inner and _words(doc, a.content) - sum(_words(doc, s) for s in inner) <= _DEGENERATE:
        return True  # "со ссылкой на местные СМИ": only the nested cue and its source
    if src is None or cue is None or a.content.start < cue.end:
        return False  # only the speaker's words after the cue: "сообщил глава [региона X]"
    touching = 0 <= src.start - a.content.end <= 1 or 0 <= a.content.start - src.end <= 1
    if not touching:
        return False
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, a.content.start), bisect.bisect_left(starts, a.content.end)
    if any(lo <= q.tok_start < hi for q in doc.quantities):
        return False
    return not pack.triggers.find(toks, lo, hi)


def _counts_speakers(doc: Doc, pack: LanguagePack, q: Quantity) -> bool:
    """A figure that counts the speakers, not victims: a source or role noun, or a source
    the finder knows, right after it ("zwei Sicherheitsquellen", "due fonti della sicurezza",
    "несколько источников")."""
    toks, k = doc.tokens, q.tok_end
    if k >= len(toks):
        return False
    if pack.sources.match_at(toks, k, k + 1) or pack.roles.match_at(toks, k, k + 1):
        return True
    return any(e.category == "source" and e.span.start == toks[k].start for e in doc.entities)


def _reports_after(a: AttributionMention) -> bool:
    """The attribution's content follows its cue: a report of its own, not a relay of the
    words before it."""
    return a.cue is not None and a.content.start >= a.cue.end


def _speaker_in_content(
    doc: Doc, a: AttributionMention, own: list[tuple[int, AttributionMention]]
) -> AttributionMention:
    """ "Про це після розмови з генералом Марком Міллі повідомив головнокомандувач ЗСУ Валерій
    Залужний": the degenerate content the sentence reader gave the cue (the words after it) is
    the subject of an inverted source-after sentence — the person named there speaks, not the
    one before the cue."""
    old = own[0][1]
    if old.cue is None or old.source is None or old.source.start >= old.cue.start:
        return a
    person = next(
        (
            e
            for e in doc.entities
            if e.category == "person"
            and old.content.start <= e.span.start
            and e.span.end <= old.content.end
        ),
        None,
    )
    if person is None:
        return a
    return dataclasses.replace(
        a,
        source=person.span,
        source_name=person.normalized or person.surface,
        source_kind=person.source_kind or a.source_kind,
        kind_settled=False,
    )


@stage(
    "attribution_forward.v1",
    requires=["tokens", "sentences", "quantities", "entities", "attributions"],
    provides=["attributions"],
)
def attribution_forward(doc: Doc, res: Resources) -> Doc:
    """Attribute the facts before a short source-only sentence to that sentence's source."""
    pack = res.packs[doc.lang]
    toks = doc.tokens
    atts = list(doc.attributions)
    finder: Finder | None = None
    added: list[AttributionMention] = []
    dropped: set[int] = set()
    for si, sent in enumerate(doc.sentences):
        if si == 0 or sent.heading:
            continue
        lo, hi = sent.tok_start, sent.tok_end
        found_cues = pack.cues.find(toks, lo, hi)
        cues = [m for m in found_cues if m.payload.type in {"verb", "post"}]
        if not cues and _told_this(doc, sent, hi, hi):
            # "Об этом сообщается на сайте Минобороны", "Про це повідомляється на сайті ОВА":
            # an impersonal passive after the anaphor, the body named after it speaks
            cues = [m for m in found_cues if m.payload.type == "adverb"][:1]
        if not cues:
            continue
        cue = cues[0]
        # up to a second cue: what follows it is that cue's own report ("…, precisando che …")
        # ("…, según el cual …": a prep cue opens a report of its own too)
        later = [m.start for m in pack.cues.find(toks, cue.end, hi) if m.payload.type != "via"]
        stop = min([*later, cues[1].start if len(cues) > 1 else hi])
        stop = _stop(doc, atts, sent, cue.end, stop)
        figures = [
            q
            for q in doc.quantities
            if lo <= q.tok_start < stop and not _counts_speakers(doc, pack, q)
        ]
        if any(q.toll for q in figures):
            continue
        told_after = _told_after(doc, cue.end, stop)  # the subject before the cue speaks
        opened = _told_this(doc, sent, cue.end, stop)  # "Lo hanno raccontato …", "Об этом …"
        told = opened or told_after
        events = pack.triggers.find(toks, lo, stop)
        if any(
            not m.payload.nominal
            and not (told and cue.start <= m.start < cue.end)
            and not (opened and m.start >= cue.end)  # the speaker's own modifier: "Lo hanno
            for m in events  # raccontato alcuni abitanti fuggiti nella foresta"
        ):
            continue  # an event of its own (after an anaphor the cue is none: "Lo ha denunciato")
        lead = _opens_with(doc, sent, cue.start, cue.end, stop) or told
        if _words(doc, sent.span) > MAX_WORDS and not lead:
            continue
        cue_span = Span(toks[cue.start].start, toks[cue.end - 1].end)
        own = [
            (i, a)
            for i, a in enumerate(atts)
            if a.cue is not None and inside(a.cue, sent.span) and a.source is not None
        ]
        degenerate = all(_degenerate(doc, pack, a) for _, a in own)
        if not degenerate and (not lead or figures):
            # the sentence's own attribution has real content, a date among it ("розповів
            # про ситуацію станом на 8 квітня"); a date beside an anaphor's cue ("Про це
            # написав у середу, 3 вересня, …") is no content
            continue
        # the facts: earlier sentences of the paragraph without a source of their own
        first = si
        for back in range(si - 1, max(-1, si - 1 - BACK), -1):
            prev = doc.sentences[back]
            if prev.heading or _sourced(doc, atts, prev):
                break
            # "Про це …" opening a paragraph: the whole paragraph before it
            within = told and prev.paragraph == doc.sentences[si - 1].paragraph
            if prev.paragraph != sent.paragraph and back != si - 1 and not within:
                break
            first = back
            if prev.paragraph != sent.paragraph and not told:
                break
        if first == si:
            continue
        content = Span(doc.sentences[first].span.start, doc.sentences[si - 1].span.end)
        if own and degenerate:
            i, a = own[0]
            dropped.add(i)
            added.append(_speaker_in_content(doc, dataclasses.replace(a, content=content), own))
            continue
        # "stated by X in an interview for …": X speaks; a later cue's own report after it
        # stays ("…, precisando che …"), a relay of the sentence ("…, передає Reuters") goes
        dropped.update(i for i, a in own if a.cue == cue_span or not _reports_after(a))
        if finder is None:
            finder = Finder(doc, pack, find_quotes(doc.text))
        fd = finder
        speaker = next(
            (
                e
                for e in sorted(
                    doc.entities,
                    key=lambda e: (
                        fd.carrier(e),
                        (e.span.start < cue_span.end) != told_after,
                        e.category != "person",  # the official, not the body they head
                        len(e.surface.split()) < 2,  # a full name, not a word read as one
                        e.span.start,
                    ),
                )
                if inside(e.span, sent.span)
                and (stop >= hi or e.span.end <= toks[stop].start)  # not in the next report
                and e.category in {"actor", "person", "source"}
                and not inside(e.span, cue_span)
            ),
            None,
        )
        if speaker is not None:
            src_span, name, kind = finder.of_entity(speaker)
        else:  # "Así lo denunció la Red de Médicos de Sudán": after an anaphor's cue, the
            # phrase after it (inverted, or a passive's agent: "This was reported by …")
            found = finder.next_to(toks, cue.start, cue.end, lo, stop, True) if told else None
            if found is None and told:  # "Про це повідомили в Сирійському центрі …, передає AFP"
                found = prep_tail(finder, toks, cue.end, stop)
            if found is None:
                continue
            src_span, name, kind = found
        added.append(
            AttributionMention(
                content,
                src_span,
                cue_span,
                False,
                name,
                kind,
                Certainty.CLAIMED if cue.payload.type == "adverb" else cue.payload.certainty,
                cue_text=cue_span.slice(doc.text),
            )
        )
    # the writer's own hedge inside facts a named source reports ("por, supuestamente, alterar
    # el orden público. Así lo indicó la Policía"): the source speaks
    dropped.update(
        i
        for i, a in enumerate(atts)
        if a.source is None
        and a.source_kind == SourceKind.AUTHOR
        and any(b.source is not None and inside(a.content, b.content) for b in added)
    )
    kept = [a for i, a in enumerate(atts) if i not in dropped] + added
    kept.sort(key=lambda a: (a.content.start, a.content.end))
    kept = speakers_bodies(doc, pack, resolve_references(doc, pack, kept))
    return dataclasses.replace(doc, attributions=tuple(kept))
