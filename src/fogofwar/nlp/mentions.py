"""Actors, persons, source nouns and places mentioned in a document.

The actor registry and the gazetteer come first; pack tables fill in what they do not know:

* persons: a pack role noun followed by one to three capitalised words ("der Söldner X Y") →
  a person whose source kind is the role's; a later bare surname (the last word of an earlier
  full name) refers to that person (surname coreference).
* actors: a pack force noun ("Truppen", "soldiers", "военные") with an optional nationality
  adjective before it, kept by surface form when the registry has no entry.
* source nouns: "Quellen", "sources", "источники", "Geheimdienst" … with their source kind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import cast

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_officials import official_kind
from fogofwar.nlp.compounds import compound_role, compound_sources
from fogofwar.nlp.doc import ActorSource, Doc, EntityMention, Resources
from fogofwar.nlp.matcher import Match, Token, norm
from fogofwar.nlp.pipeline import stage
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import pack_meta

__all__ = ["ROLE_SOURCE_KIND", "entities", "places"]

#: PersonMatch roles (language-independent codes) → who they are as a source.
ROLE_SOURCE_KIND: dict[str, SourceKind] = {
    "combatant": SourceKind.COMBATANT,
    "official": SourceKind.GOVERNMENT,
    "military_officer": SourceKind.MILITARY,
    "expert": SourceKind.EXPERT,
    "journalist": SourceKind.MEDIA,
    "witness": SourceKind.WITNESS,
    "blogger": SourceKind.SOCIAL_MEDIA,
}
_MAX_NAME_WORDS = 3
_COMPLEMENT_CHARS = 60  # how far a role's complement may reach after a name-first apposition


def _nationality_fn(registry: ActorSource) -> Callable[[str, str], str | None] | None:
    fn = getattr(registry, "nationality", None)
    return cast(Callable[[str, str], "str | None"], fn) if callable(fn) else None


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)


def _is_name_word(tok: Token, pack: LanguagePack) -> bool:
    return (
        tok.is_capitalized
        and not (len(tok.text) > 1 and tok.text.isupper())  # an abbreviation ("ОСУВ", "SBU")
        and tok.text.isalpha() is not False
        and tok.lower not in pack.determiners
        and pack.forces.match_at((tok,), 0, 1) is None
        and pack.roles.match_at((tok,), 0, 1) is None
        and pack.sources.match_at((tok,), 0, 1) is None
    )


def _fallback_persons(doc: Doc, pack: LanguagePack, taken: list[Span]) -> list[EntityMention]:
    toks = doc.tokens
    out: list[EntityMention] = []
    for m in pack.roles.find(toks):
        j = m.end
        while j < len(toks) and j - m.end < _MAX_NAME_WORDS and _is_name_word(toks[j], pack):
            j += 1
        if j - m.end < 1 or (j - m.end == 1 and j < len(toks) and toks[j].text == "."):
            continue
        span = Span(toks[m.end].start, toks[j - 1].end)
        if _overlaps(span, taken):
            continue
        role_span = Span(toks[m.start].start, toks[m.end - 1].end)
        out.append(
            EntityMention(
                span, span.slice(doc.text), "person", source_kind=m.payload, role_span=role_span
            )
        )
    return out


def _role_before(p: EntityMention) -> Span | None:
    """The role phrase of a person named after it ("le porte-parole … X"), else ``None``."""
    r = p.role_span
    return r if r is not None and r.end < p.span.start else None


def _inside(span: Span, outer: Span) -> bool:
    """``span`` lies within ``outer``."""
    return outer.start <= span.start and span.end <= outer.end


def _complement_kind(
    doc: Doc, pack: LanguagePack, role: Span | None, name: Span
) -> SourceKind | None:
    """The source kind of a pack source noun between a spokesperson's role word and name ("le
    porte-parole de la Défense civile, X" → ngo_io): the body the spokesperson speaks for."""
    if role is None:
        return None
    if role.end < name.start:
        gap = Span(role.end, name.start)
    else:  # "X, porte-parole de la Défense civile": the words after the role, in the clause
        tail = doc.text[role.end : role.end + _COMPLEMENT_CHARS]
        cut = min((tail.find(ch) for ch in ",.;:!?\n" if ch in tail), default=len(tail))
        gap = Span(role.end, role.end + cut)
    for m in pack.sources.find(doc.tokens):
        span = Span(doc.tokens[m.start].start, doc.tokens[m.end - 1].end)
        if _inside(span, gap):
            return m.payload
    return None


def _person_key(p: EntityMention) -> str:
    words = (p.normalized or p.surface).split()
    return norm(words[-1])[:5] if words else ""


def _share_kinds(persons: list[EntityMention]) -> list[EntityMention]:
    """A person's role named once holds for the whole text ("the governor Oleh Syniehubov" …
    "Syniehubov wrote"): mentions without a kind, or typed witness, take the kind of another
    mention of the same surname (an official's role before a witness's)."""
    kinds: dict[str, SourceKind] = {}
    roled: dict[str, SourceKind] = {}  # kinds read from a role word ("Bürgermeister X")
    for p in sorted(persons, key=lambda p: p.span.start):
        if p.source_kind is not None:
            kinds.setdefault(_person_key(p), p.source_kind)
            if p.role_span is not None and p.source_kind != SourceKind.WITNESS:
                roled.setdefault(_person_key(p), p.source_kind)

    def shared(p: EntityMention) -> SourceKind | None:
        key = _person_key(p)
        if p.source_kind is None:
            return kinds.get(key)
        if p.source_kind == SourceKind.WITNESS:
            return roled.get(key)  # "sagte Tkatschenko" after "Bürgermeister Oleh Tkatschenko"
        return None

    return [dataclasses.replace(p, source_kind=k) if (k := shared(p)) else p for p in persons]


def _surnames(doc: Doc, persons: list[EntityMention], taken: list[Span]) -> list[EntityMention]:
    """Bare surnames after a full mention refer to that person."""
    by_last: dict[str, EntityMention] = {}
    for p in persons:
        parts = p.surface.split()
        if len(parts) > 1:
            by_last.setdefault(parts[-1], p)
    out: list[EntityMention] = []
    for tok in doc.tokens:
        full = by_last.get(tok.text)
        if full is None or tok.start < full.span.end:
            continue
        span = Span(tok.start, tok.end)
        if _overlaps(span, taken):
            continue
        out.append(
            dataclasses.replace(
                full,
                span=span,
                surface=tok.text,
                normalized=full.normalized or full.surface,
                role_span=None,
            )
        )
    return out


def _adjective_start(
    toks: tuple[Token, ...],
    i: int,
    pack: LanguagePack,
    nat: Callable[[str, str], str | None] | None,
) -> tuple[int, str | None]:
    """Extend a noun at token ``i`` leftwards over one nationality adjective."""
    if i == 0:
        return i, None
    prev = toks[i - 1]
    country = nat(prev.text, pack.lang) if nat is not None else None
    if country is not None or (pack.nationality is not None and pack.nationality.match(prev.text)):
        return i - 1, country
    return i, None


def _verb_cue(
    toks: tuple[Token, ...], start: int, end: int, pattern: str, pack: LanguagePack
) -> bool:
    """A one-word source noun matched only by lemma or prefix that is a reporting verb
    ("reported" ~ "report", "berichteten" ~ "berichten"): the verb, not a source."""
    if end - start != 1 or toks[start].lower == norm(pattern):
        return False
    cue = pack.cues.match_at(toks, start, end)
    return cue is not None and cue.payload.type == "verb"


@stage("entities.v1", requires=["tokens", "sentences"], provides=["entities"])
def entities(doc: Doc, res: Resources) -> Doc:
    """Find actors, persons and source nouns (registry first, pack fallbacks after)."""
    pack = res.packs[doc.lang]
    toks = doc.tokens
    found: list[EntityMention] = []
    for a in res.actors.find(doc.text, doc.lang):
        e = a.entry
        found.append(
            EntityMention(a.span, a.surface, "actor", e.name, e.country, e.kind, e.source_kind)
        )
    persons: list[EntityMention] = []
    for p in res.actors.find_persons(doc.text, doc.lang):
        if p.role_span is not None and any(
            _inside(p.role_span, a.span) and _inside(p.span, a.span) for a in found
        ):
            continue  # "Doctors Without Borders": the role word is part of a body's name
        kind = p.source_kind or (ROLE_SOURCE_KIND.get(p.role) if p.role else None)
        if p.role == "spokesperson" and kind == SourceKind.GOVERNMENT:
            kind = _complement_kind(doc, pack, p.role_span, p.span) or kind
        if p.role == "spokesperson" and kind == SourceKind.COMBATANT:
            kind = SourceKind.MILITARY  # an armed group's spokesperson is its official voice
        if kind is not None and p.role_span is not None:  # "su portavoz militar, X"
            kind = official_kind(doc, pack, p.role_span, kind)
        persons.append(
            EntityMention(p.span, p.name, "person", p.name, p.country, "person", kind, p.role_span)
        )
    # an actor inside a role phrase ("il portavoce del ministero della Difesa russo, X") is
    # the person's affiliation: the person speaks, not the actor
    gaps = [Span(r.end, p.span.start) for p in persons if (r := _role_before(p)) is not None]
    found = [a for a in found if not any(_inside(a.span, g) for g in gaps)]
    taken = [m.span for m in found + persons]
    persons += _fallback_persons(doc, pack, taken)
    taken += [p.span for p in persons] + [p.role_span for p in persons if p.role_span]
    if pack_meta(doc.lang).get("compound_nouns"):  # before surnames: they copy the full kind
        persons = [compound_role(doc, pack, p) for p in persons]
    persons += _surnames(doc, persons, taken)
    found += _share_kinds(persons)
    taken = [m.span for m in found] + [p.role_span for p in persons if p.role_span]
    nat = _nationality_fn(res.actors)
    # the longer phrase wins ("défense civile" is a source, not "civile" civilians)
    cands: list[tuple[Match[str] | Match[SourceKind], str]]
    cands = [(m, "actor") for m in pack.forces.find(toks)]
    cands += [(m, "source") for m in pack.sources.find(toks)]
    cands.sort(key=lambda c: (c[0].start - c[0].end, c[1] != "actor", c[0].start))
    for m, category in cands:
        if category == "source" and _verb_cue(toks, m.start, m.end, m.pattern, pack):
            continue
        start, country = _adjective_start(toks, m.start, pack, nat)
        span = Span(toks[start].start, toks[m.end - 1].end)
        if _overlaps(span, taken):
            continue
        taken.append(span)
        as_source = pack.sources.match_at(toks, m.start, m.end)
        kind = as_source.payload if as_source is not None else None
        found.append(
            EntityMention(
                span,
                span.slice(doc.text),
                category,
                None,
                country,
                str(m.payload) if category == "actor" else None,
                kind,
            )
        )
    if pack_meta(doc.lang).get("compound_nouns"):
        found += compound_sources(doc, pack, taken)
    found.sort(key=lambda m: m.span.start)
    return dataclasses.replace(doc, entities=tuple(found))


@stage("places.v1", requires=["tokens"], provides=["places"])
def places(doc: Doc, res: Resources) -> Doc:
    """Place mentions from the gazetteer (demonyms and metonymy kept, flagged). Streets and
    natural features ("Clinton Street") are left out: the gazetteer locates them only at the
    town the text is about, which is no place of their own for a claim. A headline's places
    are resolved with the start of its article (``doc.context``) as context: "Красноармейск"
    alone is the Saratov town, with the body's "Донецкой области" Pokrovsk."""
    if doc.context:
        end = len(doc.text)
        joined = res.gazetteer.find(f"{doc.text}\n\n{doc.context}", doc.lang, until=end)
        found = tuple(m for m in joined if m.span.end <= end)
    else:
        found = res.gazetteer.find(doc.text, doc.lang)
    return dataclasses.replace(doc, places=tuple(m for m in found if not m.is_feature))
