"""One sentence's attributions put together (``nlp/attribution.py`` finds them): the cues that
report at all (:func:`reporting`), nested sources and hearsay adverbs (:func:`combine`),
intermediaries (:func:`add_via`), and a sentence that continues the last indirect speech by a
reported-mood form (:func:`mood`)."""

from __future__ import annotations

import dataclasses

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_source import Finder, inside, trim
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Match, Token
from fogofwar.packs import CueEntry, LanguagePack

__all__ = ["MOOD_WINDOW", "add_via", "combine", "mood", "reporting"]

MOOD_WINDOW = 4  # sentences a reported-mood continuation may run on
_SPEAKING_BODIES = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.INTELLIGENCE,
        SourceKind.NGO_IO,
        SourceKind.MEDIA,
    }
)
_CITERS = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.INTELLIGENCE,
        SourceKind.NGO_IO,
        SourceKind.EXPERT,
    }
)


def reporting(
    cues: list[Match[CueEntry]], pack: LanguagePack, toks: tuple[Token, ...], sent: Sentence
) -> list[Match[CueEntry]]:
    """The cues that report: a cue inside a negated report of harm ("о пострадавших не
    сообщается", "Opfer wurden nicht gemeldet", the pack's ``[numbers] unreported``) names no
    source — it says that nothing was reported (an explicit zero, annotating-claims)."""
    if not cues or not pack.unreported.size:
        return cues
    spans = [(u.start, u.end) for u in pack.unreported.find(toks, sent.tok_start, sent.tok_end)]
    return [m for m in cues if not any(a < m.end and m.start < b for a, b in spans)]


def mood(
    doc: Doc, f: Finder, sent: Sentence, si: int, last: tuple[int, AttributionMention] | None
) -> AttributionMention | None:
    """Sentence ``si`` continuing indirect speech by a reported-mood form: the report of
    ``last`` (the last indirect attribution, :data:`MOOD_WINDOW` sentences back at most, same
    paragraph), else the speaker the sentence right before names without a reporting cue
    (:func:`_named_before`: "Der Generalstab hat eine Bilanz veröffentlicht. Demnach …")."""
    toks = doc.tokens
    hit = any(
        toks[k].lower in f.lex.reported_mood
        and not any(inside(Span(toks[k].start, toks[k].end), q) for q in f.quotes)
        for k in range(sent.tok_start, sent.tok_end)
    )
    question = doc.text[sent.span.start : sent.span.end].rstrip().endswith("?")
    content = trim(doc, sent.span.start, sent.span.end) if hit and not question else None
    if content is None:
        return None
    if last is not None:
        li, prev = last
        if si - li <= MOOD_WINDOW and doc.sentences[li].paragraph == sent.paragraph:
            return dataclasses.replace(prev, content=content, cue=None, cue_text=None)
        if si - li <= 1:
            return None  # the report right before lies across a paragraph break
    return _named_before(doc, f, sent, si, content)


def _named_before(
    doc: Doc, f: Finder, sent: Sentence, si: int, content: Span
) -> AttributionMention | None:
    """The speaker of reported-mood sentence ``si`` when no attribution leads to it: the
    person the sentence right before (same paragraph) names, else the first body with a
    source kind there — who published the figures ("Genauere Angaben machte der Leiter des
    Präsidentenbüros, Andrij Jermak. Freigelassen wurden demnach …")."""
    if si == 0:
        return None
    prev = doc.sentences[si - 1]
    if prev.heading or prev.paragraph != sent.paragraph:
        return None
    inside_prev = [
        e
        for e in doc.entities
        if inside(e.span, prev.span) and not any(inside(e.span, q) for q in f.quotes)
    ]
    persons = [e for e in inside_prev if e.category == "person"]
    bodies = [
        e
        for e in inside_prev
        if e.category in {"source", "actor"} and e.source_kind in _SPEAKING_BODIES
    ]
    e = persons[-1] if persons else (bodies[0] if bodies else None)
    if e is None:
        return None
    span, name, kind = f.of_entity(e)
    return AttributionMention(content, span, None, False, name, kind, Certainty.CLAIMED)


def combine(typed: list[tuple[str, AttributionMention]]) -> list[AttributionMention]:
    """One sentence's attributions: a nested source ("A, citing B, said …") becomes source B via
    A, unless B is anonymous and A no outlet ("Amnesty, citing medical sources"): A speaks; a
    hearsay adverb next to
    another attribution only lowers that one's certainty."""
    via = [a for t, a in typed if t == "via"]
    adverbs = [a for t, a in typed if t == "adverb"]
    main = [a for t, a in typed if t not in {"via", "adverb"}]
    out: list[AttributionMention] = []
    for a in main:
        if (
            via
            and via[0].source_kind == SourceKind.UNNAMED
            and a.source_name
            and a.source_kind in _CITERS
        ):
            via.pop(0)  # "Citing medical sources, Amnesty said": a body (not an outlet, which
            # only carries) that cites anonymous sources is the identifiable speaker
        elif via:
            inner = via.pop(0)
            outer = a.source_name
            if outer and inner.cue_text and inner.cue_text in outer:
                # "Reuters со ссылкой на источники": the outlet ends at the nested cue
                outer = outer.split(inner.cue_text)[0].strip(" ,") or None
            chain = (*a.via, outer) if outer else a.via
            a = dataclasses.replace(inner, content=a.content, via=chain, certainty=a.certainty)
        if adverbs and a.certainty in {Certainty.CLAIMED, Certainty.ASSERTED}:
            a = dataclasses.replace(a, certainty=Certainty.REPORTED)
        out.append(a)
    out.extend(via)
    if not out and adverbs:
        out.append(adverbs[0])
    return out


def add_via(a: AttributionMention, vias: list[str]) -> AttributionMention:
    """``a`` with the intermediaries ``vias`` it does not name yet."""
    new = tuple(dict.fromkeys(v for v in vias if v not in a.via))
    return dataclasses.replace(a, via=(*a.via, *new)) if new else a
