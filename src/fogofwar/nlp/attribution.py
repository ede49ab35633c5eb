"""Attribution: who says what, with which words, how firmly.

* Direct quotes: :mod:`fogofwar.nlp.attribution_quotes` (content includes the marks; quotes
  joined across "“A,” she said. “B.”" and across paragraphs; speaker next to the cue).
* Indirect speech from the pack's cue table: ``verb`` cues ("X sagte, dass …", "…, sagte X",
  "X said …"), ``prep`` cues with the source after them ("laut X", "according to X",
  "по словам X"), ``post`` cues with the source before them ("X zufolge"), ``adverb`` cues with
  no source ("reportedly", "Berichten zufolge", "якобы" → unnamed, reported), ``via`` cues for
  nested sources ("A, citing B" → source B via A). The content runs from the complementizer
  ("that", "dass", "что", "що" — kept in the span) or the cue to the sentence end, or from the
  sentence start to the comma before a trailing cue ("…, officials said"). A ``prep`` cue inside
  its clause ("wurden nach Angaben des Gouverneurs drei Menschen verletzt", "In Kyiv, according
  to the mayor, three were killed"), with an event verb after its source, takes only the noun
  phrase as source and the whole sentence as content.
* Reported mood (``[attribution] reported_mood``: German Konjunktiv "sei", "habe"; "мол",
  "мовляв"): the next sentences of the paragraph without a cue of their own that hold such a
  form continue the last indirect attribution, with the same source.
* Sources: :mod:`fogofwar.nlp.attribution_source` (the phrase next to the cue, full noun
  phrases, pronouns resolved to the last named person). An unnamed source makes the certainty
  ``reported``.
* Chains and modified speakers: :mod:`fogofwar.nlp.attribution_chain` ("CONTENT, a mercenary
  fighting on the Russian side said …, media outlets reported" → source the mercenary, via the
  outlets and the medium).
* Media intermediaries ("in sozialen Medien", "on Telegram") add to ``via`` of the sentence's
  attributions, or — when the sentence names no source of its own ("Diese in sozialen Medien
  geteilten Informationen …") — of attributions in the previous ``MEDIA_WINDOW`` sentences of
  the same section.
"""

from __future__ import annotations

import bisect
import dataclasses

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_chain import chain, modified_subject
from fogofwar.nlp.attribution_colon import before_colon, colon_source
from fogofwar.nlp.attribution_combine import add_via, combine, mood, reporting
from fogofwar.nlp.attribution_entities import mention
from fogofwar.nlp.attribution_gapped import gapped_prep, prep_tail
from fogofwar.nlp.attribution_opinion import opinion_prep
from fogofwar.nlp.attribution_passive import passive_agent
from fogofwar.nlp.attribution_quotes import find_quotes, quote_attributions
from fogofwar.nlp.attribution_source import Finder, Source, inside, trim
from fogofwar.nlp.attribution_speaker import (
    MAX_PHRASE_WORDS,
    bare_denial,
    headline_clause_end,
    headline_tail,
    lone_lower,
    own_subject,
    past_medium,
    positional_speaker,
)
from fogofwar.nlp.attribution_subjects import verb_subject
from fogofwar.nlp.attribution_visuals import visual_source
from fogofwar.nlp.doc import AttributionMention, Doc, Resources, Sentence
from fogofwar.nlp.matcher import Match, Token, norm
from fogofwar.nlp.pipeline import stage
from fogofwar.nlp.separable import separable_cues
from fogofwar.nlp.source_documents import relative_report
from fogofwar.packs import CueEntry, LanguagePack

__all__ = ["MEDIA_WINDOW", "attribution", "find_quotes"]

MEDIA_WINDOW = 3
_MAX_SOURCE_GAP = 8
_MAX_TAIL_SOURCE = 16  # "…, according to early results of exit polls conducted for …"
_COMP_LOOKAHEAD = 8
_CLOSING = frozenset('“”"»«‘’›')
_OPENING = frozenset('„“"«»‚‘‹')
_MAX_TAIL_WORDS = 4  # words after a sentence-final cue ("…, sagte der Sprecher am Montag.")


# who cites anonymous sources and still speaks itself; an outlet (or a speaker not yet typed)
# only relays them
def _content_after(
    doc: Doc, toks: tuple[Token, ...], k: int, sent: Sentence, pack: LanguagePack
) -> Span | None:
    """Content from token ``k`` to the sentence end (a leading complementizer stays in); in a
    headline, to a spaced dash that opens its next clause ("Moskau meldet Einnahme von Soledar
    - Kiew dementiert")."""
    while k < sent.tok_end and toks[k].text in {",", ":"}:
        k += 1
    if k >= sent.tok_end:
        return None
    return trim(doc, toks[k].start, headline_clause_end(doc, sent, k))


def _indirect(
    doc: Doc, f: Finder, sent: Sentence, m: Match[CueEntry], pack: LanguagePack
) -> AttributionMention | None:
    toks = doc.tokens
    cue = Span(toks[m.start].start, toks[m.end - 1].end)
    entry = m.payload
    lo, hi = sent.tok_start, sent.tok_end
    content: Span | None
    src: tuple[Span, str, SourceKind] | None = None
    if entry.type == "adverb":
        if m.end - m.start == 1 and toks[m.start].lower != norm(m.pattern).rstrip("*"):
            return None  # an inflected hedge is attributive: "zwei mutmaßliche Saboteure"
        content = trim(doc, sent.span.start, sent.span.end)
        if content is None:
            return None
        # "offenbar", "apparently": the writer hedges; "Berichten zufolge": unnamed reports
        hedge = norm(cue.slice(doc.text)) in f.lex.author_hedges
        return AttributionMention(
            content,
            None,
            cue,
            False,
            None,
            SourceKind.AUTHOR if hedge else SourceKind.UNNAMED,
            entry.certainty,
            cue_text=cue.slice(doc.text),
        )
    if entry.type in {"prep", "via"}:
        if not f.tail_prep_ok(toks, m.start, m.end, hi):
            return None
        relative = relative_report(doc, f, sent, m, cue, pack)
        if relative is not None:
            return relative
        # source right after the cue, up to the next comma (to the sentence end after content)
        at_start = trim(doc, sent.span.start, cue.start) is None
        gap = _MAX_SOURCE_GAP if entry.type == "via" else _MAX_TAIL_SOURCE
        j = m.end
        while j < hi and toks[j].text not in {",", ";", ":"} and j - m.end < gap:
            j += 1
        if j == m.end:
            return None
        src = own_subject(f, sent, m.end) or f.source_near(
            cue, Span(cue.end, toks[j - 1].end), None
        )
        delimited = j < hi and toks[j].text in {",", ";", ":"}
        whole = trim(doc, toks[m.end].start, toks[j - 1].end)
        np_stop = f.np_end(toks, m.end, j)
        goes_on = m.end < np_stop < j and _verbal_rest(f, toks, np_stop, j, pack)
        if goes_on:
            # "Nach Angaben der SOHR wurden bei den Kämpfen 255 Menschen getötet, …": the
            # phrase ends where the clause goes on, not at the comma
            whole = trim(doc, toks[m.end].start, toks[np_stop - 1].end)
        inner = None if at_start or delimited else _mid_clause(f, toks, m, j, hi, pack)
        if at_start and not delimited:
            # "Laut Axios wurden Truppen verlegt": the phrase right after the cue, not a
            # source noun further on
            near = f.next_to(toks, m.start, m.end, m.end, j, after=True)
            if near is not None and near[0].start == toks[m.end].start:
                inner = near
        cut = _tok_after(toks, src[0].end, hi) if src is not None else j
        # the clause's verb may stand past the phrase's reach ("Nach Angaben der … Behörde sind
        # bei israelischen Angriffen im Gazastreifen binnen 24 Stunden 61 Menschen getötet")
        ends = j if delimited else next((i for i in range(j, hi) if toks[i].text in ",;:"), hi)
        if inner is not None:
            src = inner
        elif src is not None and src[0].start > cue.end and _verbal_event(toks, cut, ends, pack):
            # "sind nach Darstellung der von der Hamas kontrollierten Gesundheitsbehörde … 187
            # Menschen getötet worden": the phrase up to its head, the last entity before the
            # event goes on
            verb = min(
                (x.start for x in pack.triggers.find(toks, cut, ends) if not x.payload.nominal),
                default=ends,
            )
            end_tok = min(verb, np_stop) if np_stop > m.end else verb
            region = Span(cue.end, toks[end_tok - 1].end if end_tok > m.end else src[0].end)
            heads = [
                e
                for e in f.entities
                if inside(e.span, region)
                and e.category != "pronoun"
                and (e.source_kind is not None or e.normalized is not None)
            ]
            head = max(heads, key=lambda e: e.span.start) if heads else None
            end = head.span.end if head is not None else src[0].end
            head_kind = f.kind(head) if head is not None else src[2]
            phrase = Span(toks[m.end].start, end)
            if head is None and goes_on and src[0].start >= toks[np_stop].start:
                # "Nach Angaben der SOHR wurden … 255 Menschen getötet": the entity found lies
                # past the phrase after the cue; that phrase is the source, its kind a guess
                phrase = Span(toks[m.end].start, toks[np_stop - 1].end)
                head_kind = f.fallback_kind(
                    phrase, f.noun_kind(m.end, np_stop) or SourceKind.UNNAMED
                )
                if head_kind == SourceKind.UNNAMED:
                    f.guessed.add(phrase)
            src = (phrase, f.strip(phrase), head_kind)
        elif (delimited or (j == hi and not at_start)) and whole is not None:
            # "according to the regional governor, …" / "…, according to a new poll.": the
            # whole phrase is the source
            kind = src[2] if src is not None else f.noun_kind(m.end, j)
            if kind is not None:
                src = (whole, f.strip(whole), kind)
            elif (
                _words(toks, m.end, j) <= MAX_PHRASE_WORDS
                and not lone_lower(toks, m.end, j)
                and not _verbal_event(toks, m.end, j, pack)
            ):
                # a phrase no lexicon knows ("según la Sala de Respuesta de Emergencia local"):
                # the source by its position; the claim stage types it
                src = (whole, f.strip(whole), SourceKind.UNNAMED)
                f.guessed.add(whole)
        if src is None:
            cap = f.capitalized_near(toks, m.end - 1, 1, m.end, j)
            if cap is None:
                return None
            src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.MEDIA))
        goes_on = goes_on and whole is not None and src[0] == whole
        first = j if delimited and not goes_on else _tok_after(toks, src[0].end, hi)
        if at_start:
            content = _content_after(doc, toks, first, sent, pack)
        elif goes_on or _verbal_event(toks, first, hi, pack):
            # "wurden nach Angaben des Gouverneurs drei Menschen verletzt", "In Kyiv, according
            # to the mayor, three people were killed": the event goes on after the source
            content = trim(doc, sent.span.start, sent.span.end)
        else:
            content = trim(doc, sent.span.start, cue.start)
    elif entry.type == "post":
        src = f.source_near(cue, Span(sent.span.start, cue.start), None)
        if src is None:
            cap = f.capitalized_near(toks, m.start, -1, lo, m.start)
            if cap is None:
                return None
            src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.MEDIA))
        rest = _content_after(doc, toks, m.end, sent, pack)
        content = rest if rest is not None else trim(doc, sent.span.start, src[0].start)
    else:  # verb
        content, src = _verb(doc, f, sent, m, pack)
        if content is None and src is not None and entry.certainty == Certainty.DENIED:
            content = bare_denial(doc, sent, src[0], cue)
    if content is None or src is None:
        return None
    kind = src[2]
    known = src[0] not in f.guessed
    certainty = Certainty.REPORTED if kind == SourceKind.UNNAMED and known else entry.certainty
    if entry.certainty in {Certainty.DENIED, Certainty.CONFIRMED}:
        certainty = entry.certainty
    text = content.slice(doc.text)
    quoted = (
        text[:1] in _OPENING
        and text[-1:] in _CLOSING
        and not any(c in _OPENING for c in text[1:-1])
    )
    return mention(
        content,
        src,
        cue,
        certainty,
        cue_text=cue.slice(doc.text),
        found_by="lexicon" if known else "position",
        direct=quoted,
        kind=kind,
    )


def _verbal_rest(f: Finder, toks: tuple[Token, ...], k: int, j: int, pack: LanguagePack) -> bool:
    """The words from token ``k`` to ``j`` go on with the clause: an event verb, or a
    lower-case word where nouns are capitalised ("wurden", "vollzogen")."""
    return _verbal_event(toks, k, j, pack) or (
        f.np_caps and any(t.is_word and not t.is_capitalized for t in toks[k:j])
    )


def _mid_clause(
    f: Finder, toks: tuple[Token, ...], m: Match[CueEntry], j: int, hi: int, pack: LanguagePack
) -> Source | None:
    """The source of a prepositional cue inside its clause ("wurden nach Angaben des
    Gouverneurs drei Menschen verletzt", "were according to officials killed"): only the noun
    phrase after the cue, when an event verb follows it before the next comma."""
    src = f.next_to(toks, m.start, m.end, m.end, j, after=True)
    if src is None:
        return None
    if m.start > 0 and toks[m.start - 1].text in {",", "(", "—", "–", ";"}:
        return None  # "…, according to a report on the attack": a tail, not inside
    k = _tok_after(toks, src[0].end, hi)
    return src if _verbal_event(toks, k, j, pack) else None


def _verbal_event(toks: tuple[Token, ...], lo: int, hi: int, pack: LanguagePack) -> bool:
    """True when an event verb (not a noun: "… on the attack") stands in ``[lo, hi)``."""
    return any(not m.payload.nominal for m in pack.triggers.find(toks, lo, hi))


def _verb(
    doc: Doc, f: Finder, sent: Sentence, m: Match[CueEntry], pack: LanguagePack
) -> tuple[Span | None, Source | None]:
    """Content and source of a verb cue: "X said (that) …", "…, X said", "…, said X"; a
    passive cue with its agent ("… was confirmed by the ministry")."""
    passive = passive_agent(doc, f, sent, m.start, m.end)
    if passive is not None:
        return passive
    toks = doc.tokens
    cue = Span(toks[m.start].start, toks[m.end - 1].end)
    lo, hi = sent.tok_start, sent.tok_end
    comp = _complementizer(toks, m.end, hi, pack, f.lex.complementizers)
    comma = _comma_before(toks, m.start, lo)
    tail = prep_tail(f, toks, m.end, hi) if comma is not None and comma == m.start - 1 else None
    if tail is not None and comma is not None:  # "…, повідомили в Генштабі"
        return _upto_comma(doc, toks, sent, comma), tail
    src, pause = verb_subject(f, toks, m.start, m.end, lo, hi)
    appos = f.appositive(toks, m.start, lo) if src is None else None
    if appos is not None:
        src = appos
    elif src is None:
        modified = modified_subject(f, toks, m.start, m.end, lo, hi)
        if modified is not None:
            src = modified[1]
            comma = modified[0] if modified[0] >= 0 else comma
    if src is None:
        src = positional_speaker(f, pack, sent, m.start, m.end, comp)
    if src is None and pause is not None:
        # a finite cue after a relative clause ("Die Gruppe, die sich auf Quellen stützt,
        # meldete"): the subject before the relative clause speaks
        src = f.clause_opener(toks, lo, pause, relative=True)
    before = src if src is not None and src[0].end <= cue.start else None
    after = src if src is not None and src[0].start >= cue.end else None
    if appos is not None and src is appos:
        comma = _comma_before(toks, _tok_after(toks, appos[0].start, hi), lo)
    content: Span | None
    if comp is not None:
        if src is None:
            src = f.source_near(cue, Span(sent.span.start, toks[comp].start), None)
        content = _content_after(doc, toks, comp, sent, pack)
    elif comma is not None and (
        (before is not None and before[0].start >= toks[comma].end)
        or (after is not None and _words(toks, m.end, hi) <= _MAX_TAIL_WORDS + 3)
    ):
        content = _upto_comma(doc, toks, sent, comma)
    else:
        if src is None:
            src = f.source_near(cue, sent.span, None, speakers_only=True)
        k2 = m.end
        if src is not None and src[0].start >= cue.end:
            k2 = max(k2, _tok_after(toks, src[0].end, hi))
        content = _content_after(doc, toks, k2, sent, pack)
        if src is not None and src[0].start >= cue.end and comma is not None:
            content = _upto_comma(doc, toks, sent, comma)
    if src is None:
        cap = (
            f.capitalized_near(toks, m.start, -1, lo, m.start)
            or f.capitalized_near(toks, m.end - 1, 1, m.end, hi)
            or f.capitalized_near(toks, lo - 1, 1, lo, m.start)
        )
        if cap is not None:
            # a capitalised word no lexicon knows: its kind is a guess the model makes
            src = (cap, cap.slice(doc.text), f.fallback_kind(cap, SourceKind.UNNAMED))
            f.guessed.add(cap)
    return content, src


def _upto_comma(doc: Doc, toks: tuple[Token, ...], sent: Sentence, comma: int) -> Span | None:
    """Sentence start to the comma before a trailing cue; a closing quote mark right after
    the comma ("“…,” he said") stays in."""
    end = toks[comma].start
    if comma + 1 < len(toks) and toks[comma + 1].text in _CLOSING:
        end = toks[comma + 1].end
    return trim(doc, sent.span.start, end)


def _complementizer(
    toks: tuple[Token, ...], k: int, hi: int, pack: LanguagePack, comps: frozenset[str]
) -> int | None:
    """Index of "that/dass/что/що" within a few tokens after a verb cue ("told reporters on
    Monday that …"); other subordinators count only right after the cue."""
    for j in range(k, min(hi, k + _COMP_LOOKAHEAD)):
        low = toks[j].lower
        nxt = toks[j + 1].text if j + 1 < hi else ""
        first = j == k or (j == k + 1 and toks[k].text == ",")
        if (low in comps or (first and low in pack.subordinators)) and nxt not in {",", "."}:
            return j
        if toks[j].text == "," and (j == k or (j + 1 < hi and toks[j + 1].lower in comps)):
            continue  # "sagte, dass …", "sagte am Montag, dass …"
        if toks[j].text in {".", ";", ":", ",", "“", "„", "«", '"'}:
            return None
    return None


def _comma_before(toks: tuple[Token, ...], start: int, lo: int) -> int | None:
    """The nearest comma before a cue, within a few tokens ("…, local officials said.")."""
    for j in range(start - 1, max(lo, start - _MAX_SOURCE_GAP) - 1, -1):
        if toks[j].text == ",":
            return j if j > lo else None
    return None


def _beside(doc: Doc, cue: Span, content: Span) -> bool:
    """``cue`` stands in a sentence that ``content`` touches."""
    starts = [x.span.start for x in doc.sentences]
    k = bisect.bisect_right(starts, cue.start) - 1
    sent = doc.sentences[k].span if k >= 0 else cue
    return sent.start < content.end and content.start < sent.end


def _words(toks: tuple[Token, ...], start: int, stop: int) -> int:
    return sum(1 for t in toks[start:stop] if t.is_word)


def _tok_after(toks: tuple[Token, ...], offset: int, hi: int) -> int:
    """Index of the first token starting at or after ``offset`` (at most ``hi``)."""
    return min(hi, bisect.bisect_left([t.start for t in toks[:hi]], offset))


@stage(
    "attribution.v1",
    requires=["tokens", "sentences", "clauses", "entities", "places"],
    provides=["attributions"],
)
def attribution(doc: Doc, res: Resources) -> Doc:
    """Find direct and indirect attributions with source, cue, certainty and intermediaries."""
    pack = res.packs[doc.lang]
    quotes = find_quotes(doc.text)
    f = Finder(doc, pack, quotes)
    toks = doc.tokens
    found = quote_attributions(doc, f, quotes, pack)
    # a cue a quote borrows from another sentence ("X aseguró que … . «…», dijo.") still
    # reports its own clause there; only a cue in the quote's own sentences is used up
    used = {a.cue for _, a in found if a.cue is not None and _beside(doc, a.cue, a.content)}
    last: tuple[int, AttributionMention] | None = None  # last indirect attribution
    last_heading = -1
    for si, sent in enumerate(doc.sentences):
        if sent.heading:
            last_heading = si
            continue
        typed: list[tuple[str, AttributionMention]] = []
        vias: list[str] = []
        cues = [
            m
            for m in [
                *pack.cues.find(toks, sent.tok_start, sent.tok_end),
                *separable_cues(doc, pack, sent),
            ]
            if m.payload.type != "verification"
            and not any(inside(Span(toks[m.start].start, toks[m.end - 1].end), q) for q in quotes)
            and Span(toks[m.start].start, toks[m.end - 1].end) not in used
        ]
        cues = reporting(cues, pack, toks, sent)
        f.excluded = []
        for m in sorted(cues, key=lambda m: m.payload.type != "via"):
            att = _indirect(doc, f, sent, m, pack)
            if att is not None:
                typed.append((m.payload.type, att))
                if m.payload.type == "via" and att.source is not None:
                    f.excluded.append(att.source)
        here = combine(typed)
        if doc.headline and here:
            here = here + before_colon(doc, sent, here)
        if not here:
            here = gapped_prep(doc, f, pack, sent)
        if not here:
            # "Videos circulating on social media show …", "Per l'esercito, …"
            shown = visual_source(doc, f, pack, sent) or opinion_prep(doc, f, sent)
            here = [shown] if shown is not None else []
        if not cues and not here:
            cont = mood(doc, f, sent, si, last)
            cont = cont or colon_source(doc, f, sent) or headline_tail(doc, f, pack, sent)
            here = [cont] if cont is not None else []
        if here and not here[-1].direct and here[-1].source is not None:
            last = (si, here[-1])
        elif cues:
            last = None
        media = list(pack.media.find(toks, sent.tok_start, sent.tok_end))
        for mm in media:
            vias.append(mm.payload)
        if vias:
            named = [a for a in here if a.source is not None]
            if named:
                here = [add_via(past_medium(doc, f, a, media), vias) for a in here]
            else:
                lo = max(last_heading + 1, si - MEDIA_WINDOW)
                window = Span(doc.sentences[lo].span.start, sent.span.start)
                found = [
                    (
                        i,
                        add_via(a, vias)
                        if a.source is not None and inside(a.content, window)
                        else a,
                    )
                    for i, a in found
                ]
        found.extend((si, a) for a in chain(here))
    sourced = [a.content for _, a in found if a.source is not None]
    found = [
        (i, a)
        for i, a in found
        if a.source is not None or not any(inside(a.content, c) for c in sourced)
    ]
    found.sort(key=lambda x: (x[1].content.start, x[1].content.end))
    return dataclasses.replace(doc, attributions=tuple(f.resolve([a for _, a in found])))
