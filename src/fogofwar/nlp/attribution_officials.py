"""Which kind an official speaks as when their phrase names a military word.

:func:`official_kind` — "a senior military official", "responsable militaire", "des
responsables sécuritaires", "Військовий чиновник" speak as military; the head of a civil body
("military administration") does not, nor a source noun ("a security source"); a phrase that
names an intelligence service speaks as intelligence.
"""

from __future__ import annotations

import bisect

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack

__all__ = ["official_kind", "spokesperson_kind"]

# kinds an official's phrase may carry before its military word is read
_OFFICIAL_GUESS = frozenset(
    {SourceKind.GOVERNMENT, SourceKind.WITNESS, SourceKind.UNNAMED, SourceKind.COMBATANT}
)


def official_kind(doc: Doc, pack: LanguagePack, src: Span, kind: SourceKind) -> SourceKind:
    """ "a senior military official", "responsable militaire", "Військовий чиновник": an
    official named with a military or security word (pack ``military_words``) speaks as
    military — not a source or report noun ("a security source" stays unnamed), nor the head
    of a civil body ("military administration", pack ``civil_bodies``)."""
    lex = lexicon(doc.lang)
    if kind not in _OFFICIAL_GUESS or not lex.military_words:
        return kind
    if any(  # "Sprecher des Militärgeheimdienstes": an intelligence service's, not the army's
        e.source_kind == SourceKind.INTELLIGENCE and src.start <= e.span.start < src.end
        for e in doc.entities
    ):
        return SourceKind.INTELLIGENCE
    k = bisect.bisect_left(doc.tokens, src.start, key=lambda t: t.start)
    toks = []
    while k < len(doc.tokens) and doc.tokens[k].end <= src.end:
        if doc.tokens[k].is_word:
            toks.append(doc.tokens[k])
        k += 1
    after = _postposed(doc, pack, k) if toks and toks[-1].text[:1].islower() else []
    if not any(t.lower.startswith(lex.military_words) for t in toks + after[:_POSTPOSED]):
        return kind
    # an elided article or preposition glued on does not hide the body ("dell'amministrazione",
    # "голова обласної військової адміністрації")
    bare = [t.lower.replace("’", "'").replace("ʼ", "'").rsplit("'", 1)[-1] for t in toks + after]
    if lex.civil_bodies and any(w.startswith(lex.civil_bodies) for w in bare):
        return kind
    for t in toks:
        hit = pack.sources.match_at((t,), 0, 1)
        if hit is not None and hit.payload == SourceKind.UNNAMED:
            return kind
    return SourceKind.MILITARY


_POSTPOSED = 2  # adjectives after a source noun ("des responsables sécuritaires")
_POSTPOSED_BODY = 4  # words after it where the civil body they qualify may stand


def _postposed(doc: Doc, pack: LanguagePack, k: int) -> list[Token]:
    """The lower-case words right after a source phrase ending before token ``k``, up to a
    cue or punctuation: adjectives that follow their noun ("responsables sécuritaires",
    "funcionarios militares")."""
    out: list[Token] = []
    toks = doc.tokens
    while k < len(toks) and len(out) < _POSTPOSED_BODY:
        t = toks[k]
        if not t.is_word or not t.text[:1].islower() or pack.cues.match_at(toks, k, len(toks)):
            break
        out.append(t)
        k += 1
    return out


_ARMED = frozenset({SourceKind.COMBATANT, SourceKind.MILITARY})


def spokesperson_kind(doc: Doc, pack: LanguagePack, src: Span, kind: SourceKind) -> SourceKind:
    """ "a spokesman for the rebel group", "il portavoce dei ribelli", "речник повстанців": a
    spokesperson (pack ``spokesperson_words``) speaks as the body their phrase names after the
    role word, and an armed group's spokesperson is its official voice — military (claims-v1)."""
    words = lexicon(doc.lang).spokesperson_words
    if not words:
        return kind
    k = bisect.bisect_left(doc.tokens, src.start, key=lambda t: t.start)
    toks = doc.tokens
    role = None
    while k < len(toks) and toks[k].end <= src.end:
        if role is None and toks[k].lower.startswith(words):
            role = k
        elif role is not None and toks[k].is_word:
            one = (toks[k],)
            hit = pack.sources.match_at(one, 0, 1) or pack.roles.match_at(one, 0, 1)
            force = pack.forces.match_at(one, 0, 1)
            if (hit is not None and hit.payload in _ARMED) or (
                force is not None and force.payload == "armed_group"
            ):
                return SourceKind.MILITARY
        k += 1
    return kind
