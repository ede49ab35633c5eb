"""Who a named person speaks for: the body their role phrase names.

"керівник відомства Василь Грицак", "UN human rights chief Volker Turk", "речник Управління СБУ
Владислав Абдула", "очільниця місії Даніель Белль": the person speaks with the kind of the body
named in the words right before their name (claims-v1 types the speaker by whom they speak
for), not the role word's default ("spokesman" → government) nor a guess (``witness``). A
generic noun for a body ("відомства", "the agency") is the body named last before it; a later
bare surname ("Грицак додав") keeps the kind the person was given.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_coref import body_anaphor
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_refs import (
    BODY_KINDS,
    FORCE_TO_PERSON,
    GUESSED,
    ROLE_BACK,
    STEM,
    Words,
    last_before,
    names_person,
    unelided,
)
from fogofwar.nlp.doc import AttributionMention, Doc
from fogofwar.packs import LanguagePack

__all__ = ["speakers_bodies"]


def speakers_bodies(
    doc: Doc, pack: LanguagePack, atts: Sequence[AttributionMention]
) -> list[AttributionMention]:
    """``atts`` with every named person typed by the body their role phrase names, and every
    official or spokesperson of an armed, security or international body by that body."""
    words = Words(doc)
    out: list[AttributionMention] = []
    for a in atts:
        a = _body_of_role(doc, words, a, out)
        a = _named_spokesperson(doc, words, a, out)
        a = _official_of(doc, pack, words, a, out)
        out.append(_same_head(doc, a, pack))
    return out


_SAME_HEAD_BACK = 800  # chars back to the fuller name of a body named again by its head noun
_BARE_WORDS = 2
_FULLER = 3  # letters a fuller name of a body has beyond its bare head noun


def _same_head(doc: Doc, a: AttributionMention, pack: LanguagePack) -> AttributionMention:
    """ "Russia's defence ministry said … The ministry added …", "Verteidigungsministerium …
    das Ministerium": a body named again by its head noun alone is the body named before with
    that noun in a fuller name, and has its kind (not the bare noun's: "ministry" →
    government)."""
    src = a.source
    if src is None or a.kind_settled or names_person(doc, src):
        return a
    bare = [unelided(w.lower()) for w in src.slice(doc.text).split()]
    bare = [w for w in bare if w.isalpha()]
    if not bare or len(bare) > _BARE_WORDS:
        return a
    head = bare[-1]
    if len(head) < STEM:
        return a
    last = [t for t in doc.tokens if src.start <= t.start and t.end <= src.end and t.is_word]
    if not last or pack.sources.match_at((last[-1],), 0, 1) is None:
        return a  # "Policía israelí": the last word is no body noun (the head comes first)
    best: tuple[int, SourceKind] | None = None
    for e in doc.entities:
        if e.category not in {"actor", "source"} or e.source_kind not in BODY_KINDS:
            continue
        if e.span.end > src.start or src.start - e.span.end > _SAME_HEAD_BACK:
            continue
        words = [unelided(w.lower()) for w in e.surface.split()]
        fuller = len(e.surface) > len(head) + _FULLER  # more than the head noun itself
        same = any(
            w[:STEM] == head[:STEM] or (len(w) > len(head) and w.endswith(head)) for w in words
        )
        if fuller and same and (best is None or e.span.end > best[0]):
            best = (e.span.end, e.source_kind)
    # a compound naming the body inside another phrase ("der Sprecher des
    # Verteidigungsministeriums … das Ministerium"): the pack's source noun's kind
    for t in doc.tokens:
        if t.end > src.start:
            break
        if src.start - t.end > _SAME_HEAD_BACK or len(t.lower) <= len(head) + _FULLER:
            continue
        if head[:STEM] not in t.lower or t.lower.startswith(head[:STEM]):
            continue
        hit = pack.sources.match_at((t,), 0, 1)
        if hit is not None and hit.payload in BODY_KINDS and (best is None or t.end > best[0]):
            best = (t.end, hit.payload)
    if best is None or best[1] == a.source_kind:
        return a
    return dataclasses.replace(a, source_kind=best[1], kind_settled=True)


def _named_spokesperson(
    doc: Doc, words: Words, a: AttributionMention, before: Sequence[AttributionMention]
) -> AttributionMention:
    """ "…, the Pentagon said. Deputy press secretary Laura Whitcomb told reporters …": a person
    named with a spokesperson's role and no body in the phrase speaks for the body that was the
    source of the last attribution before (within :data:`ROLE_BACK` characters), with its
    kind — not the role word's default."""
    src = a.source
    stems = lexicon(doc.lang).spokesperson_words
    if src is None or not stems or a.kind_settled or not names_person(doc, src):
        return a
    first = min(
        (e.span.start for e in doc.entities if e.category == "person" and _inside(e.span, src)),
        default=src.start,
    )
    role = [words.doc.tokens[k].lower for k in words.within(Span(src.start, first))]
    if not any(w.startswith(stems) for w in role):
        return a
    if any(  # "Kremlin spokesman Dmitry Peskov": the phrase names its body
        e.category in {"actor", "source"} and e.span.start < first and src.start < e.span.end
        for e in doc.entities
    ):
        return a
    b = last_before(before, src)
    if b is None or b.source is None or names_person(doc, b.source):
        return a
    if src.start - b.source.end > ROLE_BACK or b.source_kind not in BODY_KINDS:
        return a
    return dataclasses.replace(a, source_kind=b.source_kind, kind_settled=True)


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _official_of(
    doc: Doc,
    pack: LanguagePack,
    words: Words,
    a: AttributionMention,
    before: Sequence[AttributionMention],
) -> AttributionMention:
    """ "Sprecher der TNLA", "un responsable du Hamas", "un portavoz de las FAR", "a Hamas
    official": a role word whose default is a government voice (the pack's role words and
    ``[attribution] officials``), naming an armed, security or international body in its
    phrase, speaks as that body (claims-v1: the spokespeople of armed groups are military) —
    not a ministry run by one ("the Hamas-run health ministry": a body noun, not a role)."""
    src = a.source
    if src is None or a.kind_settled:
        return a
    toks = doc.tokens
    idx = words.within(src)
    officials = lexicon(doc.lang).officials
    roles = [
        k
        for k in idx
        if (officials and toks[k].lower.startswith(officials))
        or (
            (hit := pack.roles.match_at(toks, k, k + 1)) is not None
            and hit.payload == SourceKind.GOVERNMENT
        )
    ]
    if not roles or len(idx) > _ROLE_PHRASE:
        return a
    role = Span(toks[roles[0]].start, toks[roles[0]].end)
    found = [
        f for f in _bodies_in(doc, src, before, pack) if not f[0].start <= role.start < f[0].end
    ]
    kinds = {f[1] for f in found}
    if len(kinds) != 1 or not kinds <= _OVER_GOVERNMENT:
        return a
    kind = kinds.pop()
    if a.source_kind not in GUESSED | {SourceKind.GOVERNMENT, kind}:
        return a
    return dataclasses.replace(a, source_kind=kind, kind_settled=True)


_ROLE_PHRASE = 8  # tokens before a person's name where the body they speak for may stand
_POSSESSIVE = re.compile(r"['’]s$")
_ROLE_STOPS = frozenset(".;:!?\n()")
#: kinds a body in a person's role phrase gives over a role word's default (``government``)
_OVER_GOVERNMENT = frozenset({SourceKind.MILITARY, SourceKind.INTELLIGENCE, SourceKind.NGO_IO})


def _body_of_role(
    doc: Doc,
    words: Words,
    a: AttributionMention,
    before: Sequence[AttributionMention],
) -> AttributionMention:
    """ "керівник відомства Василь Грицак", "UN human rights chief Volker Turk", "речник ОСУВ
    «Хортиця» Віктор Трегубов", "UNHCR-Sprecher William Spindler": a person speaks for the
    body their role phrase names right before the name (no sentence stop between): the body's
    kind, not the role word's default, nor a guess. A generic noun for a body ("відомства",
    "the agency") is the body named last before it (``body_anaphor``)."""
    src = a.source
    if src is None or a.kind_settled:
        return a
    name = _person_named(doc, src)
    if name is None:
        return a
    toks = doc.tokens
    k = bisect.bisect_left(words.starts, name.start)
    lo = k
    while lo > 0 and k - lo < _ROLE_PHRASE:
        t = toks[lo - 1]
        if t.text in _ROLE_STOPS or (a.cue is not None and t.start < a.cue.end <= name.start):
            break
        if a.cue is None and t.start < src.start:  # a report carried on: its source's words
            break
        if t.text == "," and lo < k:  # an apposition's comma ends the role phrase before it
            break
        lo -= 1
    phrase = Span(toks[lo].start, name.start) if lo < k else None
    found = _bodies_in(doc, phrase, before) if phrase is not None else []
    if not found:  # "Грицак додав" after "керівник відомства Василь Грицак": one speaker
        same = _same_person(doc, name, before)
        if same is not None and a.source_kind in GUESSED:
            return dataclasses.replace(a, source_kind=same, kind_settled=True)
        return a
    kind = max(found, key=lambda f: f[0].end)[1]
    if a.source_kind in GUESSED or kind in _OVER_GOVERNMENT or kind == a.source_kind:
        return dataclasses.replace(a, source_kind=kind, kind_settled=True)
    return a


def _person_named(doc: Doc, src: Span) -> Span | None:
    """The person a source phrase names: a person found in it or right after it (the phrase
    is their role: "речник Управління СБУ Владислав Абдула"), else the run of two or more
    capitalised words that ends it ("очільниця місії Даніель Белль")."""
    stop = doc.text.find(".", src.end)
    named: list[Span] = []
    for e in doc.entities:
        if e.category != "person" or e.span.end <= src.start:
            continue
        inside = e.span.start < src.end
        gap = doc.text[src.end : e.span.start]
        after = not inside and len(gap) <= FORCE_TO_PERSON and (stop < 0 or e.span.start < stop)
        if inside or (after and not any(ch in gap for ch in ".;:!?()\n")):
            named.append(e.span)
    full = [n for n in named if len(n.slice(doc.text).split()) >= 2]  # not a lone word
    if full or named:  # taken for a name ("Управління")
        return (full or named)[0]
    run: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", src.slice(doc.text)):
        w = m.group().strip("\"'«»„“”,")
        at = Span(src.start + m.start(), src.start + m.end())
        if w[:1].isupper() and w[1:2].islower() and not _named_thing(doc, at):
            run.append((at.start, at.end))
        else:
            run = []
    if len(run) >= 2 and run[-1][1] >= src.end - 1:
        return Span(run[0][0], run[-1][1])
    if len(run) == 1 and run[0][1] >= src.end - 1:  # a bare surname of a person named in full
        word = doc.text[run[0][0] : run[0][1]].casefold()[:STEM]
        for e in doc.entities:
            parts = e.surface.casefold().split()
            if e.category == "person" and len(parts) >= 2 and parts[-1][:STEM] == word:
                return Span(*run[0])
    return None


def _named_thing(doc: Doc, span: Span) -> bool:
    """A place, a body or a source noun overlaps ``span`` ("Міноборони України" is no one's
    name)."""
    return any(p.span.start < span.end and span.start < p.span.end for p in doc.places) or any(
        e.category in {"actor", "source"} and e.span.start < span.end and span.start < e.span.end
        for e in doc.entities
    )


def _same_person(doc: Doc, name: Span, before: Sequence[AttributionMention]) -> SourceKind | None:
    """The kind of an earlier source naming the same person (their surname's stem), when it
    was no guess; else the kind the text gave the person where it named them with a role
    ("Kiper wrote" … "governor Oleh Kiper")."""
    last = name.slice(doc.text).split()[-1].casefold()[:STEM]
    for b in reversed(before):
        if b.source is None or b.source.end > name.start or b.source_kind in GUESSED:
            continue
        words = (b.source_name or "").casefold().split()
        if names_person(doc, b.source) and any(w[:STEM] == last for w in words):
            return b.source_kind
    for e in doc.entities:  # named in full before or after ("…," Kiper wrote. … governor
        # Oleh Kiper said): one speaker has one kind in a text
        if e.category != "person" or e.span == name or e.source_kind in GUESSED:
            continue
        words = e.surface.casefold().split()
        if e.source_kind is not None and len(words) >= 2 and words[-1][:STEM] == last:
            return e.source_kind
    return None


def _force_kind(doc: Doc, pack: LanguagePack, span: Span) -> SourceKind | None:
    """The pack's source kind of a force noun ("armée" → military), by its words."""
    toks = doc.tokens
    k = bisect.bisect_left(toks, span.start, key=lambda t: t.start)
    while k < len(toks) and toks[k].end <= span.end:
        hit = pack.sources.match_at(toks, k, k + 1)
        if hit is not None:
            return hit.payload
        k += 1
    return None


def _bodies_in(
    doc: Doc,
    phrase: Span,
    before: Sequence[AttributionMention],
    forces: LanguagePack | None = None,
) -> list[tuple[Span, SourceKind]]:
    """Bodies named inside ``phrase``: registry actors and source nouns that are bodies, and
    generic body nouns resolved to the body named before; a shorter one inside a longer one
    gives way ("військової" in "військової адміністрації"). With ``forces`` (a pack) a force
    noun the pack's source nouns type ("l'armée", "the police") is a body too."""
    found: list[tuple[Span, SourceKind]] = []
    spokes = lexicon(doc.lang).spokesperson_words
    for e in doc.entities:
        if e.category not in {"actor", "source"}:
            continue
        if not (phrase.start <= e.span.start and e.span.end <= phrase.end):
            continue
        kind = e.source_kind
        bare = e.category == "actor" and e.normalized is None
        if bare:  # a bare force word ("військової"), a body only when asked for
            kind = _force_kind(doc, forces, e.span) if forces is not None else None
        if kind not in BODY_KINDS:
            continue
        head = e.surface.lower().replace("-", " ").split()[-1:]
        if e.category == "source" and spokes and head and head[0].startswith(spokes):
            continue  # a role word ("UNHCR-Sprecher"), not the body
        found.append((e.span, kind))
    stems = lexicon(doc.lang).body_anaphors
    if stems:
        for t in doc.tokens:
            if not (phrase.start <= t.start and t.end <= phrase.end) or not t.is_word:
                continue
            word = _POSSESSIVE.sub("", t.text)  # "the agency's spokesman"
            if unelided(word.lower()).startswith(stems):
                anaphor = AttributionMention(
                    Span(t.start, t.end),
                    Span(t.start, t.end),
                    None,
                    False,
                    word,
                    SourceKind.WITNESS,
                    Certainty.CLAIMED,
                )
                body = body_anaphor(doc, anaphor, before)
                if body is not anaphor and body.source_kind in BODY_KINDS:
                    found.append((Span(t.start, t.end), body.source_kind))
    return [
        f
        for f in found
        if not any(
            g is not f and g[0].start <= f[0].start and f[0].end <= g[0].end and g[0] != f[0]
            for g in found
        )
    ]
