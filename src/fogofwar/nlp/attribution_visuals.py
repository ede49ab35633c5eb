"""Pictures as a source: "Videos circulating on social media appear to show …", "Im Internet
verbreitete Bilder zeigen …", "Satellite images published by the company Maxar show …",
"Спутниковые снимки, опубликованные изданием «Агентство», показывают …".

A sentence whose subject is a picture noun (``[attribution] visuals``, word prefixes, within
its first :data:`_HEAD_WORDS` words) with a showing verb after it (``show_verbs``) reports what
the pictures show. Who speaks:

* the publisher the subject names after an agent word (``visual_agents``: "by", "von",
  "dal", "опубликованные") — a capitalised name or a known entity, a media outlet unless the
  entity's kind says otherwise;
* else, when the subject places the pictures on social media (the pack's ``media`` phrases:
  "on social media", "im Internet", "en redes sociales"), the pictures themselves, as
  ``social_media`` (claims-v1);
* else no one: the author describes pictures the outlet saw.

The content runs from the verb to the sentence end.
"""

from __future__ import annotations

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_source import Finder
from fogofwar.nlp.doc import AttributionMention, Doc, Sentence
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack

__all__ = ["visual_source"]

_HEAD_WORDS = 4  # words before the picture noun ("Satellite images", "Im Internet verbreitete")
_MAX_SUBJECT = 20  # tokens from the sentence start to the showing verb
_AGENT_GAP = 3  # lower-case words between an agent word and the publisher's name
_QUOTES = frozenset('«»„“”"‘’')


def visual_source(
    doc: Doc, f: Finder, pack: LanguagePack, sent: Sentence
) -> AttributionMention | None:
    """The attribution of a sentence whose pictures show what it reports, or ``None``."""
    lex = lexicon(doc.lang)
    if not lex.visuals or not lex.show_verbs:
        return None
    toks = doc.tokens
    lo, hi = sent.tok_start, sent.tok_end
    verb = next(
        (k for k in range(lo + 1, min(hi, lo + _MAX_SUBJECT)) if toks[k].lower in lex.show_verbs),
        None,
    )
    if verb is None or verb + 1 >= hi:
        return None
    words = [k for k in range(lo, verb) if toks[k].is_word]
    head = next(
        (k for k in words[:_HEAD_WORDS] if toks[k].lower.startswith(lex.visuals)),
        None,
    )
    if head is None or any(toks[k].text in {";", ":"} for k in range(lo, verb)):
        return None
    cue = Span(toks[verb].start, toks[verb].end)
    # to the end of the verb's clause ("…, zugleich ist die Rede von …" is another report)
    end = min(
        (c.span.end for c in doc.clauses if c.span.start <= toks[verb].start < c.span.end),
        default=sent.span.end,
    )
    content = Span(toks[verb].start, min(end, sent.span.end))
    while content.end > content.start and doc.text[content.end - 1] in ". \n":
        content = Span(content.start, content.end - 1)
    agent = _agent(doc, f, lex.visual_agents, lo, verb)
    if agent is not None:
        span, kind = agent
        return AttributionMention(
            content,
            span,
            cue,
            False,
            span.slice(doc.text).strip("«»„“”\"' "),
            kind,
            Certainty.CLAIMED,
            found_by="position" if kind == SourceKind.MEDIA else "lexicon",
        )
    media = [m for m in pack.media.find(toks, lo, verb)]
    if not media:
        return None
    # the pictures and where they are ("Videos circulating on social media"), not what follows
    last = max(head, max(m.end for m in media) - 1)
    phrase = Span(toks[lo].start, toks[last].end)
    return AttributionMention(
        content,
        phrase,
        cue,
        False,
        phrase.slice(doc.text).strip(" ,"),
        SourceKind.SOCIAL_MEDIA,
        Certainty.CLAIMED,
        kind_settled=True,
    )


def _agent(
    doc: Doc, f: Finder, agents: frozenset[str], lo: int, verb: int
) -> tuple[Span, SourceKind] | None:
    """The publisher named after an agent word in the subject, with its kind."""
    toks = doc.tokens
    for k in range(lo, verb):
        if toks[k].lower not in agents:
            continue
        j = k + 1
        while j < verb and j - k <= _AGENT_GAP and not _name_start(toks[j]):
            if toks[j].text in {",", ";"}:
                break
            j += 1
        if j >= verb or not _name_start(toks[j]):
            continue
        end = j
        while end < verb and (_name_start(toks[end]) or toks[end].text in _QUOTES):
            end += 1
        span = Span(toks[j].start, toks[end - 1].end)
        e = f.entity_at(toks[j])
        kind = e.source_kind if e is not None and e.source_kind is not None else SourceKind.MEDIA
        return span, kind
    return None


def _name_start(tok: Token) -> bool:
    return (tok.is_word and tok.text[:1].isupper()) or tok.text in _QUOTES
