"""Headline colons as attribution cues: "Selenskyj: Russland greift …" (the name before the
colon speaks) and "FACTS: SOURCE CUE …" (the source after the colon speaks for the facts before
it too). Split from :mod:`fogofwar.nlp.attribution`.
"""

from __future__ import annotations

import dataclasses
import re

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_entities import mention
from fogofwar.nlp.attribution_source import Finder, inside, trim
from fogofwar.nlp.attribution_speaker import country_rubric
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Token

__all__ = ["before_colon", "colon_source"]

_MAX_COLON_NAME = 4
_MIN_COLON_WORDS = 3
_MIN_BODY_NAME = 4  # letters of a one-word headline name looked up in the body


def _words(toks: tuple[Token, ...], start: int, stop: int) -> int:
    return sum(1 for t in toks[start:stop] if t.is_word)


def _named_in_body(doc: Doc, tok: Token) -> bool:
    """A headline's one word before its colon that the article's body names too ("Собянин:
    …" over "Мэр Москвы Сергей Собянин сообщил …", "Dabanga: …" over "как сообщает Dabanga"),
    and no place: the speaker the body quotes, not a rubric ("Sabotagepläne: …")."""
    if not doc.headline or not doc.context or len(tok.text) < _MIN_BODY_NAME:
        return False
    if any(p.span.start <= tok.start < p.span.end for p in doc.places):
        return False
    stem = tok.text[: max(_MIN_BODY_NAME, len(tok.text) - 2)]  # "Собянин" / "Собянина"
    # the body must name it in its text, not as the same rubric again ("UPDATE: …")
    return any(not m.group(1) for m in re.finditer(re.escape(stem) + r"\w*\s*(:?)", doc.context))


def before_colon(
    doc: Doc, sent: Sentence, here: list[AttributionMention]
) -> list[AttributionMention]:
    """A headline "FACTS: SOURCE CUE …" ("ЗСУ звільнили село: у Генштабі заявили про успіх"):
    the source after the colon speaks for the facts before it too."""
    toks = doc.tokens
    colon = next(
        (t for t in toks[sent.tok_start : sent.tok_end] if t.text in {":", "–", "—"}), None
    )
    if colon is None:
        return []
    facts = trim(doc, sent.span.start, colon.start)
    for a in here:
        if a.source is None or a.cue is None or a.cue.start < colon.end or facts is None:
            continue
        if a.content.start < colon.start:
            return []
        return [dataclasses.replace(a, content=facts)]
    return []


def colon_source(doc: Doc, f: Finder, sent: Sentence) -> AttributionMention | None:
    """Headline style "Kasich: ‘We are going …’", "Selenskyj: Russland greift …": a name (an
    entity, or two to four name words) and a colon open the sentence."""
    toks = doc.tokens
    lo, hi = sent.tok_start, sent.tok_end
    c = next(
        (k for k in range(lo + 1, min(hi, lo + _MAX_COLON_NAME + 1)) if toks[k].text == ":"), None
    )
    if c is None or _words(toks, c + 1, hi) < _MIN_COLON_WORDS:
        return None
    strong = any(f.strong(toks, k) for k in range(lo, c))
    # a role phrase may hold articles and links between its nouns ("Le gouverneur de Kherson",
    # "Gouverneur von Cherson") when a role or source noun is among them
    linked = strong and f.strong(toks, lo if toks[lo].lower not in f.pack.determiners else lo + 1)
    names = all(
        f.name_word(toks, k)
        or f.strong(toks, k)
        or (linked and (toks[k].lower in f.lex.np_links or toks[k].lower in f.pack.determiners))
        for k in range(lo, c)
    )
    # a headline's one-word place or name ("Russland: 5 Tote …", "Федоров: …") speaks
    placed = (
        doc.headline
        and c - lo == 1
        and f.lex.colon_place_speaks
        and f.fallback_kind(Span(toks[lo].start, toks[lo].end), SourceKind.UNNAMED)
        == SourceKind.GOVERNMENT
    )
    if not names or not (strong or placed or c - lo >= 2 or _named_in_body(doc, toks[lo])):
        return None
    if not strong and f.pack.triggers.find(toks, lo, c):
        return None  # "Обстрел Белгорода: погибли 25 человек": an event names the topic
    head = Span(toks[lo].start, toks[c - 1].end)
    content = trim(doc, toks[c].end, sent.span.end)
    if content is None or f.quoted(head) or (doc.headline and country_rubric(doc, head)):
        return None
    e = next((x for x in f.entities if inside(x.span, head) and x.category != "pronoun"), None)
    if e is not None:
        src = f.of_entity(e, head)
        if src[2] == SourceKind.MEDIA and not doc.headline:
            return None  # "AFP: …" opening a body is the agency's credit line, no speaker
    else:  # a name no lexicon knows: the model types it (a place speaks for its government)
        src = (head, f.strip(head), f.fallback_kind(head, SourceKind.WITNESS))
        f.guessed.add(head)
    cue = Span(toks[c].start, toks[c].end)
    found_by = "lexicon" if e is not None else "headline"
    return mention(content, src, cue, Certainty.CLAIMED, cue_text=":", found_by=found_by)
