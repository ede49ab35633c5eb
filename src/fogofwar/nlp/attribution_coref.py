"""Sources that point back: a pronoun, a statement, a role or a generic body noun.

Source phrases that name no one by themselves are resolved against the rest of the text once
every attribution is known (after forward attribution): :func:`resolve_references` runs the
resolvers in order —

* **a pronoun** ("he said", "за його словами"): the speaker named before it, as resolved;
* **a statement** ("the statement said", "йдеться у повідомленні"):
  :mod:`fogofwar.nlp.attribution_statements`;
* **a role** named without its holder ("the regional governor said", "le porte-parole"):
  :mod:`fogofwar.nlp.attribution_roles`;
* **a body** named by a generic noun ("the group said", "L'organisation affirme"):
  :func:`body_anaphor`; a force word before the person who heads it, a kind guessed from an
  apposition, an impersonal place ("В Москве заявили"), a military official.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_officials import official_kind
from fogofwar.nlp.attribution_refs import (
    BARE_ROLE_WORDS,
    BODY_KINDS,
    FORCE_TO_PERSON,
    GUESSED,
    ROLE_BACK,
    Words,
    last_before,
    names_person,
    unelided,
)
from fogofwar.nlp.attribution_roles import role_holder, spokesperson_of
from fogofwar.nlp.attribution_statements import speaker_after, speaker_before, statement
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.nlp.source_documents import document_source, told_before
from fogofwar.nlp.source_names import source_name
from fogofwar.packs import LanguagePack

__all__ = ["body_anaphor", "resolve_references"]

_MAX_APPOSITION = 8  # words of an apposition after a source's name
_ABBREVIATION = re.compile(r"\s*\([^()\s]{2,12}\)")  # "(ОВА)", "(UNRWA)" after a body's name
_BODIES = frozenset({SourceKind.GOVERNMENT, SourceKind.MILITARY, SourceKind.NGO_IO})


def resolve_references(
    doc: Doc, pack: LanguagePack, atts: Sequence[AttributionMention]
) -> list[AttributionMention]:
    """``atts`` with statement and role sources named after who they point to."""
    words = Words(doc)
    stems = lexicon(doc.lang).statements
    out: list[AttributionMention] = []
    resolved: dict[str, AttributionMention] = {}  # a named source's words -> as resolved
    for a in atts:
        back = a.source is not None and a.source_name and _refers_back(doc, a.source)
        b = resolved.get(a.source_name) if back and a.source_name else None
        if b is not None:
            # "he said", "за його словами": named after a speaker before them, now as resolved
            name = source_name(doc, b) or a.source_name  # the person the earlier phrase names
            out.append(dataclasses.replace(a, source_name=name, source_kind=b.source_kind))
            continue
        named = a.source_name
        issued = document_source(doc, a, words.within(a.source) if a.source else [], pack)
        if issued is not a:  # "заявление местного комитета": the body named with the document
            a = body_anaphor(doc, issued, out)  # "в заявлении группировки": the group before
        elif stems and statement(words, stems, a):
            a = speaker_after(words, pack.determiners, a) or speaker_before(
                words, stems, a, [*out, *atts[len(out) :]]
            )
        elif a.source is not None:
            a = _person_after_force(doc, a)
            a = _apposition_kind(pack, words, a)
            a = role_holder(doc, pack, words, a, out)
            a = spokesperson_of(doc, words, a, out)
            a = document_source(doc, a, words.within(a.source) if a.source else [], pack)
            a = told_before(doc, a, out)
            a = body_anaphor(doc, a, out)
            a = _impersonal_place(doc, words, a)
            a = _military_official(pack, words, a)
        if named and a.source is not None and not _refers_back(doc, a.source):
            resolved[named] = a
        out.append(a)
    return out


def _refers_back(doc: Doc, src: Span) -> bool:
    """The source words are only a pronoun or possessive ("he", "його"): a speaker before."""
    lex = lexicon(doc.lang)
    word = src.slice(doc.text).strip().lower()
    return word in lex.pronouns or word in lex.possessives


def _person_after_force(doc: Doc, a: AttributionMention) -> AttributionMention:
    """ "повідомляє очільник обласної військової адміністрації Сергій Лисак": a bare force
    word ("військової") or the body's noun ("адміністрації") taken for the speaker yields to the
    person the same phrase names a few words later (no punctuation between)."""
    src = a.source
    if src is None:
        return a
    bare = any(
        (
            (e.category == "actor" and e.normalized is None and e.source_kind is None)
            or (e.category == "source" and e.source_kind in _BODIES)  # the body they head
        )
        and e.span.start <= src.start
        and src.end <= e.span.end
        for e in doc.entities
    )
    if not bare:
        return a
    for e in doc.entities:
        if e.category != "person" or e.span.start < src.end:
            continue
        # "глава областной военной администрации (ОВА) Олег Синегубов": an abbreviation in
        # brackets belongs to the body's name
        gap = _ABBREVIATION.sub(" ", doc.text[src.end : e.span.start])
        if len(gap) > FORCE_TO_PERSON or any(ch in gap for ch in '.,;:!?«»"“”()—–\n'):
            break
        if a.content.start <= e.span.start < a.content.end:
            break
        kind = e.source_kind or a.source_kind
        return dataclasses.replace(
            a, source=e.span, source_name=e.normalized or e.surface, source_kind=kind
        )
    return a


def _apposition_kind(pack: LanguagePack, words: Words, a: AttributionMention) -> AttributionMention:
    """ "according to OVD-Info, an independent protest monitoring group": a name whose kind was
    a guess takes the kind of the source or role noun in the apposition right after it."""
    src = a.source
    if src is None or a.source_kind not in GUESSED:
        return a
    toks = words.doc.tokens
    k = bisect.bisect_left(words.starts, src.end)
    if k >= len(toks) or toks[k].text != ",":
        return a
    for j in range(k + 1, min(len(toks), k + 1 + _MAX_APPOSITION)):
        t = toks[j]
        if not t.is_word:
            break
        hit = pack.sources.match_at(toks, j, j + 1) or pack.roles.match_at(toks, j, j + 1)
        if hit is not None and hit.payload not in GUESSED:
            return dataclasses.replace(a, source_kind=hit.payload, found_by="lexicon")
    return a


def body_anaphor(
    doc: Doc, a: AttributionMention, before: Sequence[AttributionMention]
) -> AttributionMention:
    """ "Amnesty International … L'organisation affirme …", "the group said": a body named by a
    generic noun (pack ``body_anaphors``) is the last body named before it within
    :data:`ROLE_BACK` characters — a registry body, or the body of the last attribution."""
    src = a.source
    stems = lexicon(doc.lang).body_anaphors
    if src is None or not stems or names_person(doc, src):
        return a
    name = [unelided(w) for w in (a.source_name or "").lower().split()]
    if not name or len(name) > BARE_ROLE_WORDS or not name[-1].startswith(stems):
        return a
    named: list[tuple[int, str, SourceKind]] = [  # the body as the text names it (claims-v1)
        (e.span.end, _fullest(doc, e, src), e.source_kind)
        for e in doc.entities
        if e.span.end <= src.start
        and src.start - e.span.end <= ROLE_BACK
        and e.category in {"actor", "source"}
        and e.source_kind in BODY_KINDS
        and e.surface[:1].isupper()
        and not unelided(e.surface.lower()).startswith(stems)
    ]
    b = last_before(before, src)
    if b is not None and b.source is not None and b.source_name and b.source_name[:1].isupper():
        typed = b.source_kind in GUESSED | BODY_KINDS  # a guess is typed later, where named
        near = src.start - b.source.end <= ROLE_BACK
        if typed and near and not names_person(doc, b.source):
            # a body its own report names ("… teilte mit, die Hisbollah habe …") is its topic:
            # the reporting body is the one meant
            named = [n for n in named if not b.content.start <= n[0] <= b.content.end]
            named.append((b.source.end, b.source_name, b.source_kind))
    if a.source_kind in BODY_KINDS:
        # "the monitor", "la mission": a noun that types its body speaks for the last body
        # of that kind, not for a force named in between
        named = [n for n in named if n[2] == a.source_kind] or named
    if not named:
        return a
    _, body, kind = max(named, key=lambda n: n[0])
    if len(body.split()) <= len(name) and unelided(body.lower()).startswith(stems):
        return a  # the anaphor itself, not a fuller name ("el Observatorio Sirio …")
    settled = kind not in GUESSED
    return dataclasses.replace(a, source_name=body, source_kind=kind, kind_settled=settled)


def _fullest(doc: Doc, e: EntityMention, before: Span) -> str:
    """The longest surface form the text gives body ``e`` before ``before`` ("Médecins sans
    frontières" for a later "MSF"): its name as the text writes it, not the registry's."""
    if e.normalized is None:
        return e.surface
    same = [
        o.surface
        for o in doc.entities
        if o.normalized == e.normalized and o.span.end <= before.start
    ]
    return max(same, key=len, default=e.surface)


def _impersonal_place(doc: Doc, words: Words, a: AttributionMention) -> AttributionMention:
    """ "У Росії поскаржилися …", "В Москве заявили …": a place right after a locative
    preposition (pack ``impersonal_places``) taken for the speaker is an unnamed source there —
    kind ``unnamed``, the words with their preposition as its name, certainty ``reported``."""
    src = a.source
    preps = lexicon(doc.lang).impersonal_places
    if src is None or not preps or a.source_kind != SourceKind.GOVERNMENT:
        return a
    if not any(p.span.start <= src.start and src.end <= p.span.end for p in doc.places):
        return a
    if any(  # "В Кремле опровергли": a body the registry knows speaks as itself
        e.category == "actor" and e.normalized and e.span.start < src.end and src.start < e.span.end
        for e in doc.entities
    ):
        return a
    k = bisect.bisect_left(words.starts, src.start)
    if k == 0 or doc.tokens[k - 1].lower not in preps:
        return a
    prep = doc.tokens[k - 1]
    certainty = Certainty.REPORTED if a.certainty == Certainty.CLAIMED else a.certainty
    return dataclasses.replace(
        a,
        source=Span(prep.start, src.end),
        source_name=doc.text[prep.start : src.end],
        source_kind=SourceKind.UNNAMED,
        certainty=certainty,
        kind_settled=True,
    )


def _military_official(
    pack: LanguagePack, words: Words, a: AttributionMention
) -> AttributionMention:
    if a.source is None:
        return a
    kind = official_kind(words.doc, pack, a.source, a.source_kind)
    return a if kind == a.source_kind else dataclasses.replace(a, source_kind=kind)
