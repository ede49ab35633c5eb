"""Sources that point back: a statement, or a role named without its holder.

Two kinds of source phrase name no one by themselves and are resolved against the rest of the
text once every attribution is known (after forward attribution):

* **a statement** — "the statement said", "heißt es in der Mitteilung", "йдеться у
  повідомленні", "говорится в сообщении": the speaker of the last named attribution before it
  (within :data:`STATEMENT_WINDOW` characters) speaks. The pack's ``[attribution] statements``
  lists the nouns (word prefixes).
* **a role** — "the regional governor said", "— добавил мэр", "El gobernador regional, Vitali
  Kim, dijo": the person the text names with the same role word (the nearest before, else the
  first within the next :data:`ROLE_AHEAD` characters), or the name in apposition right after
  the role phrase. The person's name replaces the role phrase; the kind stays the
  attribution's unless that was a guess (``witness``/``unnamed``).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Certainty, SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_officials import official_kind
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.nlp.source_documents import document_source, told_before
from fogofwar.nlp.source_names import source_name
from fogofwar.packs import LanguagePack

__all__ = [
    "BODY_KINDS",
    "FORCE_TO_PERSON",
    "GUESSED",
    "ROLE_AHEAD",
    "ROLE_BACK",
    "STATEMENT_WINDOW",
    "STEM",
    "Words",
    "body_anaphor",
    "last_before",
    "names_person",
    "resolve_references",
    "unelided",
]

STATEMENT_WINDOW = 1200  # chars back from a statement's cue to the speaker it belongs to
ROLE_AHEAD = 400  # chars after a role phrase where its holder may be named ("…, the governor
# said. Governor X said …")
ROLE_BACK = 800  # chars back from a bare role to the named speaker it continues
_BARE_ROLE_WORDS = 2
_MAX_APPOSITION = 8  # words of an apposition after a source's name
BODY_KINDS = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.MILITARY,
        SourceKind.INTELLIGENCE,
        SourceKind.NGO_IO,
        SourceKind.MEDIA,
        SourceKind.EXPERT,
    }
)
_BODIES = frozenset({SourceKind.GOVERNMENT, SourceKind.MILITARY, SourceKind.NGO_IO})
FORCE_TO_PERSON = 60  # chars from a bare force word to the person named after it
_STATEMENT_REACH = 30  # chars after a source-less cue searched for a statement noun
_APPOSITION_GAP = 3  # chars between a role phrase and a name in apposition (", ")
STEM = 5
_MAX_NAME_WORDS = 3
_MAX_ROLE_TAIL = 4  # lower-case words after a role phrase before its apposition
GUESSED = frozenset({SourceKind.WITNESS, SourceKind.UNNAMED})


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
        elif stems and _statement(words, stems, a):
            a = _speaker_before(words, stems, a, [*out, *atts[len(out) :]])
        elif a.source is not None:
            a = _person_after_force(doc, a)
            a = _apposition_kind(pack, words, a)
            a = _role_holder(doc, pack, words, a, out)
            a = _spokesperson_of(doc, words, a, out)
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
        gap = doc.text[src.end : e.span.start]
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


def last_before(before: Sequence[AttributionMention], src: Span) -> AttributionMention | None:
    """The attribution whose source ends last before ``src`` starts."""
    prior = [b for b in before if b.source is not None and b.source.end <= src.start]
    return max(prior, key=lambda b: b.source.end if b.source is not None else 0, default=None)


def names_person(doc: Doc, span: Span) -> bool:
    """A person entity overlaps ``span``."""
    return any(
        e.category == "person" and e.span.start < span.end and span.start < e.span.end
        for e in doc.entities
    )


def _spokesperson_of(
    doc: Doc, words: Words, a: AttributionMention, before: Sequence[AttributionMention]
) -> AttributionMention:
    """ "La Défense civile de Gaza a fait état de onze morts. … Le porte-parole a indiqué": a
    spokesperson named without a body or a person speaks for the body (not a person) that was
    the source of the last attribution before, within :data:`ROLE_BACK` characters."""
    src = a.source
    stems = lexicon(doc.lang).spokesperson_words
    name = (a.source_name or "").lower().split()  # the span may be a pronoun ("a-t-il")
    if src is None or not stems or not name or len(name) > _BARE_ROLE_WORDS:
        return a
    if not any(w.startswith(stems) for w in name):
        return a
    if names_person(doc, src):
        return a
    b = last_before(before, src)
    if b is None or b.source is None:
        return a
    if (
        names_person(doc, b.source)
        or src.start - b.source.end > ROLE_BACK
        or b.source_kind in GUESSED | {SourceKind.AUTHOR}
    ):
        return a
    return dataclasses.replace(a, source_kind=b.source_kind, kind_settled=True)


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
    if not name or len(name) > _BARE_ROLE_WORDS or not name[-1].startswith(stems):
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
            named.append((b.source.end, b.source_name, b.source_kind))
    if not named:
        return a
    _, body, kind = max(named, key=lambda n: n[0])
    if unelided(body.lower()).startswith(stems):
        return a
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


def unelided(word: str) -> str:
    """A word without an elided article before it ("l'ong" -> "ong", "dell’onu" -> "onu")."""
    return word.rsplit("'", 1)[-1].rsplit("’", 1)[-1]


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


class Words:
    """Word tokens of a document by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.start for t in doc.tokens]

    def within(self, span: Span) -> list[int]:
        toks = self.doc.tokens
        k = bisect.bisect_left(self.starts, span.start)
        out = []
        while k < len(toks) and toks[k].end <= span.end:
            if toks[k].is_word:
                out.append(k)
            k += 1
        return out


def _statement(words: Words, stems: tuple[str, ...], a: AttributionMention) -> bool:
    """The source is a statement: the head of its phrase, or (no phrase) a word just after the
    cue, is a statement noun."""
    if a.cue is None:
        return False
    toks = words.doc.tokens
    if a.source is not None:
        ks = words.within(a.source)[-1:]
    else:
        end = min(len(words.doc.text), a.cue.end + _STATEMENT_REACH)
        ks = words.within(Span(a.cue.start, end))
    return any(toks[k].lower.startswith(stems) for k in ks)


def _speaker_before(
    words: Words, stems: tuple[str, ...], a: AttributionMention, atts: Sequence[AttributionMention]
) -> AttributionMention:
    cue = a.cue
    if cue is None:
        return a
    before = [
        b
        for b in atts
        if b.source is not None
        and b.cue is not None
        and b.source_name is not None
        and b.source_kind not in {SourceKind.UNNAMED, SourceKind.AUTHOR}
        and b.cue.start < cue.start
        and cue.start - b.cue.end <= STATEMENT_WINDOW
        and not _statement(words, stems, b)
    ]
    certainty = Certainty.CLAIMED if a.certainty == Certainty.REPORTED else a.certainty
    if not before:  # "Про обстріл повідомив голова ОВА X. «…», – йдеться у повідомленні"
        person = _person_before(words.doc, cue)
        if person is None:
            return a
        kind = person.source_kind or a.source_kind
        name = person.normalized or person.surface
        return dataclasses.replace(a, source_name=name, source_kind=kind, certainty=certainty)
    b = max(before, key=lambda b: b.cue.start if b.cue is not None else 0)
    return dataclasses.replace(
        a,
        source=a.source or b.source,
        source_name=source_name(words.doc, b) or b.source_name,
        source_kind=b.source_kind,
        certainty=certainty,
    )


def _person_before(doc: Doc, cue: Span) -> EntityMention | None:
    """The last person with a known role named at most :data:`STATEMENT_WINDOW` characters
    before ``cue``."""
    persons = [
        e
        for e in doc.entities
        if e.category == "person"
        and e.source_kind is not None
        and e.span.end <= cue.start
        and cue.start - e.span.end <= STATEMENT_WINDOW
    ]
    return max(persons, key=lambda e: e.span.start) if persons else None


def _role_stems(pack: LanguagePack, words: Words, span: Span) -> set[str]:
    toks = words.doc.tokens
    return {
        toks[k].lower[:STEM]
        for k in words.within(span)
        if pack.roles.match_at(toks, k, k + 1) is not None
    }


def _role_holder(
    doc: Doc,
    pack: LanguagePack,
    words: Words,
    a: AttributionMention,
    before: Sequence[AttributionMention],
) -> AttributionMention:
    src = a.source
    if src is None:
        return a
    persons = [e for e in doc.entities if e.category == "person"]
    if any(e.span.start < src.end and src.start < e.span.end for e in persons):
        return a  # the phrase names its person already
    roles = _role_stems(pack, words, src)
    if not roles:
        return a
    holder = _apposition(doc, persons, src) or _same_role(pack, words, persons, roles, src)
    if holder is None:
        bare = _bare_apposition(doc, words, src)
        if bare is not None:
            return dataclasses.replace(a, source_name=bare)
        last = _last_person_speaker(words, persons, before, a)
        return a if last is None else dataclasses.replace(a, source_name=_titled(a, last))
    name = holder.normalized or holder.surface
    own = holder.role_span is not None and holder.role_span.start <= src.start < holder.span.end
    if not own and _apposition(doc, persons, src) is None:  # named elsewhere: the role words
        name = _titled(a, name)  # stay in front
    kind = a.source_kind
    if kind in GUESSED and holder.source_kind is not None:
        kind = holder.source_kind
    elif holder.source_kind not in (None, kind) and _spokes(doc.lang, roles):
        # "le porte-parole" after "le porte-parole de la Défense civile, X": X's body
        return dataclasses.replace(
            a, source_name=name, source_kind=holder.source_kind, kind_settled=True
        )
    return dataclasses.replace(a, source_name=name, source_kind=kind)


def _spokes(lang: str, roles: set[str]) -> bool:
    """Some of the role stems are a spokesperson's (pack ``spokesperson_words``)."""
    stems = lexicon(lang).spokesperson_words
    return any(r.startswith(stems) or any(w.startswith(r) for w in stems) for r in roles)


def _titled(a: AttributionMention, name: str) -> str:
    """ "губернатор Вячеслав Гладков": the role words the text uses here, then the holder's
    name found elsewhere — both identify the source."""
    role = a.source_name
    if not role or name.casefold() in role.casefold():
        return name
    return f"{role} {name}"


def _last_person_speaker(
    words: Words,
    persons: list[EntityMention],
    before: Sequence[AttributionMention],
    a: AttributionMention,
) -> str | None:
    """ "… said regional head Vyacheslav Gladkov. «…», the governor added": a bare role
    (at most :data:`_BARE_ROLE_WORDS` words) continues the last speaker before it when that
    speaker is a named person of the same source kind within :data:`ROLE_BACK` characters."""
    src = a.source
    if src is None or a.source_kind in GUESSED or len(words.within(src)) > _BARE_ROLE_WORDS:
        return None
    b = last_before(before, src)
    if b is None or b.source is None:
        return None
    if (
        b.source_kind != a.source_kind
        or b.source_name is None
        or src.start - b.source.end > ROLE_BACK
        or not any(b.source_name in {e.normalized, e.surface} for e in persons)
    ):
        return None
    return b.source_name


def _apposition(doc: Doc, persons: list[EntityMention], src: Span) -> EntityMention | None:
    """ "El gobernador regional, Vitali Kim, dijo": a name right after the role phrase; or the
    person the finder read with the phrase's role word across its complement ("le gouverneur
    de la région de Dnipropetrovsk, Serhiy Lysak")."""
    for e in persons:
        gap = doc.text[src.end : e.span.start]
        if 0 < len(gap) <= _APPOSITION_GAP and gap.strip() in {",", "", "—", "–"}:
            return e
    for e in persons:
        role = e.role_span
        if role is not None and src.start <= role.start < src.end <= e.span.start:
            return e
    return None


def _bare_apposition(doc: Doc, words: Words, src: Span) -> str | None:
    """ "the regional governor, Vitali Kim, said", "… ha riferito il governatore, Oleksandr
    Starukh.": two or three capitalised words set off by a comma right after the role phrase
    (and closed by punctuation), when no person finder knew the name."""
    toks = doc.tokens
    k = bisect.bisect_left(words.starts, src.end)
    stop = k + _MAX_ROLE_TAIL  # "il governatore della regione, …": the role's own tail
    while k < min(stop, len(toks)) and toks[k].text[:1].islower():
        k += 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    j = k + 1
    while j < len(toks) and j - k <= _MAX_NAME_WORDS and toks[j].text[:1].isupper():
        j += 1
    if not 2 <= j - k - 1 <= _MAX_NAME_WORDS or j >= len(toks) or toks[j].text not in ",.;":
        return None
    return doc.text[toks[k + 1].start : toks[j - 1].end]


def _same_role(
    pack: LanguagePack,
    words: Words,
    persons: list[EntityMention],
    roles: set[str],
    src: Span,
) -> EntityMention | None:
    """The person named with the same role word: the nearest before, else the first soon after."""
    holders = [
        e
        for e in persons
        if e.role_span is not None and roles & _role_stems(pack, words, e.role_span)
    ]
    before = [e for e in holders if e.span.end <= src.start]
    if before:
        return before[-1]
    after = [e for e in holders if 0 <= e.span.start - src.end <= ROLE_AHEAD]
    return after[0] if after else None
