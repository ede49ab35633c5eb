"""What kind of source an attribution names (claims-v1 kinds): the actor registry's kind for a
speaker it knows, the pack's for a role or source noun, else the clause model's source head.

* :func:`known_kind` — the registry's or the generic nouns' kind of an entity in the phrase;
* :func:`type_all` — the source head's answers for every attribution of a document, in one batch;
* :func:`source_kind` — an attribution's kind, and whether its words name a source at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from fogofwar.claim import SourceKind
from fogofwar.detect.encoder import context_window
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.attribution_officials import official_kind, spokesperson_kind
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention, Resources
from fogofwar.nlp.matcher import token_starts
from fogofwar.nlp.source_choice import ENTITY
from fogofwar.nlp.source_names import named_person, role_person
from fogofwar.nlp.source_titles import (
    civil_title_kind,
    masthead,
    official_report_kind,
    party_kind,
    witness_body_kind,
)

__all__ = [
    "NOT_A_SOURCE",
    "SOURCE",
    "anonymous",
    "body_title_kind",
    "known_kind",
    "member_kind",
    "source_kind",
    "type_all",
]

#: the source head's probability that overrides the lexicon's kind of a source
SOURCE = 0.5
_LINK_WORDS = 3  # words between a report noun and the body that issued it ("de la")
_ARTICLE = 3  # letters of an article between them ("the", "la", "der")
#: the source head's probability that a lone capitalised word names no source at all
NOT_A_SOURCE = 0.6


_CHANNELS = frozenset({SourceKind.SOCIAL_MEDIA, SourceKind.MEDIA})


def _channel(doc: Doc, span: Span, kind: SourceKind | None) -> bool:
    """An outlet or channel governed by a preposition ("в Telegram", "у своєму телеграм-каналі",
    "on X"): where the words were said."""
    if kind not in _CHANNELS:
        return False
    k = bisect.bisect_left(doc.tokens, span.start, key=lambda t: t.start)
    words = lexicon(doc.lang).function_words
    for j in range(k - 1, max(-1, k - 3), -1):  # the preposition, or it and a possessive
        low = doc.tokens[j].lower
        if low in words:
            return True
        if not doc.tokens[j].is_word:
            return False
    return False


def known_kind(doc: Doc, src: Span) -> SourceKind | None:
    """The source kind the actor registry or the generic nouns give an entity in the source
    phrase ("Verteidigungsministerium" → military), the longest such entity's; a named body
    before an unnamed report noun ("UN report")."""
    known = [
        e
        for e in doc.entities
        if e.source_kind is not None and e.span.start < src.end and src.start < e.span.end
    ]
    # "в своем Telegram-канале губернатор": the channel is where the words were said, not who
    known = [e for e in known if not _channel(doc, e.span, e.source_kind)]
    if not known:
        return None
    # "UN report": a body named right before a report noun is who reports (not "reports on
    # social media", where the body after the noun is where the report was seen)
    reports = [e for e in known if e.source_kind == SourceKind.UNNAMED]
    named = [
        e
        for e in known
        if e.source_kind != SourceKind.UNNAMED
        and (
            (
                any(e.span.end <= r.span.start for r in reports)
                and not any(r.span.end <= e.span.start for r in reports)
            )
            or any(_report_of(doc, r.span, e.span) for r in reports)
        )
    ]
    pool = named or known
    appositive = [
        e
        for e in pool
        if e.normalized is not None
        and any(
            g.normalized is None
            and g.span.end <= e.span.start
            and not doc.text[g.span.end : e.span.start].strip()
            for g in pool
        )
    ]
    if appositive:  # "die Seesicherheitsbehörde UKMTO": the name says which body the noun is
        return appositive[0].source_kind
    return max(pool, key=lambda e: e.span.end - e.span.start).source_kind


_ELIDED = re.compile(r"^\w{1,4}['’ʼ]$")


def _report_of(doc: Doc, report: Span, body: Span) -> bool:
    """ "un rapport de l'ONU", "a report by the UN mission", "Bericht der Vereinten Nationen":
    the body joined to the report noun after it by a linking word (pack ``np_links``, "by")
    and articles is who reports."""
    if body.start < report.end:
        return False
    links = lexicon(doc.lang).np_links | {"by", "par", "por", "da", "von"}
    words = doc.text[report.end : body.start].split()
    if not words:  # the link glued to the body ("rapporto dell'Onu")
        head = doc.text[body.start : body.end].split("'")[0].split("’")[0].casefold()
        return head in {"dell", "dall", "d", "de"} and body.start > report.end
    if len(words) > _LINK_WORDS:
        return False
    first = words[0].casefold()
    rest = [w for w in words[1:] if not _ELIDED.match(w)]
    elided = _ELIDED.match(first) is not None and first[:-1] in {"de", "dell", "dall", "d"}
    return (first in links or elided) and all(len(w) <= _ARTICLE for w in rest)


def _role_noun(doc: Doc, res: Resources, src: Span) -> bool:
    """A pack role noun in the source phrase ("наемник", "spokesman"): its kind is the pack's."""
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, src.start), bisect.bisect_left(starts, src.end)
    return bool(res.packs[doc.lang].roles.find(toks, lo, hi))


_Query = tuple[str, str, bool]  # a source's words, their context, "some source is meant"
_Typed = dict[_Query, tuple[SourceKind | None, float]]


def _query(doc: Doc, res: Resources, att: AttributionMention) -> _Query | None:
    """What the model's source head is asked about ``att``, or None when the registry, the
    pack or the text settles its kind (the early answers of :func:`_typed_source`)."""
    src = att.source
    if res.model is None or src is None or att.source_kind == SourceKind.AUTHOR:
        return None
    if att.kind_settled or att.found_by == ENTITY:
        return None
    known = known_kind(doc, src)
    if known is not None and (known != SourceKind.UNNAMED or att.found_by == "lexicon"):
        return None
    if _role_noun(doc, res, src):
        return None
    ctx = context_window(doc.text, src.start, src.end)
    return src.slice(doc.text), ctx, att.found_by == "headline"


def type_all(doc: Doc, res: Resources) -> _Typed:
    """The source head's answers for every attribution of ``doc`` that needs one, in one
    batch per kind of question (the source choice weighs many candidates per clause)."""
    if res.model is None:
        return {}
    queries = {q for a in doc.attributions if (q := _query(doc, res, a)) is not None}
    out: _Typed = {}
    for some in (False, True):
        batch = sorted(q for q in queries if q[2] == some)
        if batch:
            found = res.model.source_kinds([(w, c) for w, c, _ in batch], some=some)
            out.update(zip(batch, found, strict=True))
    return out


def source_kind(
    doc: Doc, res: Resources, att: AttributionMention, typed: _Typed | None = None
) -> tuple[SourceKind | None, bool]:
    """:func:`_typed_source`, with a bare role or epithet typed as the person the text
    introduced with it (:func:`~fogofwar.nlp.source_names.role_person`) and an official named
    with a military word read as military
    (:func:`~fogofwar.nlp.attribution_officials.official_kind`)."""
    kind, is_source = _typed_source(doc, res, att, typed or {})
    if kind is not None and att.source is not None and not att.kind_settled:
        # "a civil society leader, X": the person the phrase names, typed by their role and
        # the body it names; "the head of state", "the governor": the person the text
        # introduced with that office
        person = named_person(doc, att.source)
        if person is None or person.role_span is None:
            person = role_person(doc, att.source)
        if person is not None and person.role_span is not None and person.source_kind is not None:
            kind = person.source_kind
    if kind is not None and att.source is not None:
        if not _named_body(doc, att.source):
            kind = official_kind(doc, res.packs[doc.lang], att.source, kind)
        kind = spokesperson_kind(doc, res.packs[doc.lang], att.source, kind)
        kind = civil_title_kind(doc, att.source, kind)
        kind = witness_body_kind(doc, att.source, kind)
        if not att.kind_settled:
            kind = member_kind(doc, att.source, kind)
            kind = body_title_kind(doc, res, att.source, kind)
        if not att.kind_settled:
            kind = official_report_kind(doc, att.source, kind)
            kind = party_kind(doc, att.source, kind)
        if not att.kind_settled and anonymous(doc, res, att.source):
            kind = SourceKind.UNNAMED
        elif not att.kind_settled and _blogger(doc, res, att.source):
            kind = SourceKind.SOCIAL_MEDIA
        elif not att.kind_settled and (
            _outlet(doc, res, att.source)
            or masthead(doc, att.source)
            or _outlet_of_body(doc, res, att.source)
        ):
            kind = SourceKind.MEDIA
    return kind, is_source


_ARTICLE_OR_MARK = re.compile(r"[\W_]*(?:\w{1,3}['’]?[\W_]*)?")  # an article, marks around a name


def _named_body(doc: Doc, src: Span) -> bool:
    """The source phrase is one registry body named in full, up to an article or a mark
    around it ("the Coordination Headquarters for the Treatment of Prisoners of War",
    "Координаційний штаб з питань поводження з військовополоненими"): the registry's kind
    stands, not the military kind a word inside the name ("prisoners of war") suggests. Not
    when an official is named ("a Somali military official": the person, not a body)."""
    lex = lexicon(doc.lang)
    nouns = lex.officials + lex.spokesperson_words
    if nouns and any(w.startswith(nouns) for w in src.slice(doc.text).casefold().split()):
        return False
    return any(
        src.start <= e.span.start
        and e.span.end <= src.end
        and _ARTICLE_OR_MARK.fullmatch(doc.text, src.start, e.span.start)
        and _ARTICLE_OR_MARK.fullmatch(doc.text, e.span.end, src.end)
        for e, _ in _registry_actors(doc)
    )


def _registry_actors(
    doc: Doc, bodies_only: bool = False
) -> Iterator[tuple[EntityMention, SourceKind]]:
    """The document's actors the registry names and types (``normalized`` and
    ``source_kind`` set), with that kind; with ``bodies_only``, not the civilians groups."""
    for e in doc.entities:
        if (
            e.category == "actor"
            and e.normalized is not None
            and e.source_kind is not None
            and not (bodies_only and e.actor_kind == "civilians")
        ):
            yield e, e.source_kind


def _outlet(doc: Doc, res: Resources, src: Span) -> bool:
    """The source phrase opens with an outlet noun of the pack (after at most an article) and
    a name follows it ("портал Фонтанка", "the news portal X", "il portale X"): the outlet
    speaks as media, whatever the model makes of a name it does not know."""
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, src.start), bisect.bisect_left(starts, src.end)
    if lo < hi and len(toks[lo].lower) <= _ARTICLE and hi - lo > 2:
        lo += 1  # "the", "il", "el", "das"
    hit = res.packs[doc.lang].sources.match_at(toks, lo, hi)
    if hit is None or hit.payload != SourceKind.MEDIA or hit.end >= hi:
        return False
    return toks[hit.end].is_capitalized  # a name follows, not "de la ONU" or "of the UN"


def _outlet_of_body(doc: Doc, res: Resources, src: Span) -> bool:
    """The source phrase's head is an outlet noun of the pack run by or named after a body it
    also names ("Islamic State-affiliated Aamaq news agency", "Hamas-run Al-Aqsa TV", "state
    television"): the outlet speaks as media (claims-v1: state-owned ones included), not as
    the body. The noun ends the phrase, or (Romance, Slavic) opens it."""
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, src.start), bisect.bisect_left(starts, src.end)
    while lo < hi and not toks[hi - 1].is_word:
        hi -= 1
    if hi - lo < 2 or any(
        e.category == "person" and e.span.start < src.end and src.start < e.span.end
        for e in doc.entities
    ):
        return False
    sources = res.packs[doc.lang].sources
    for k in range(lo, hi):
        hit = sources.match_at(toks, k, hi)
        if hit is not None and hit.payload == SourceKind.MEDIA and (hit.end == hi or k == lo):
            return not _channel(doc, Span(toks[k].start, toks[hit.end - 1].end), SourceKind.MEDIA)
    return False


def _blogger(doc: Doc, res: Resources, src: Span) -> bool:
    """The source phrase names bloggers or a channel ("российские военные блогеры", "blogger
    militari russi", "la chaîne Telegram X"): they speak as social media, not as the force
    they write about nor as the outlet the channel belongs to."""
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, src.start), bisect.bisect_left(starts, src.end)
    sources = res.packs[doc.lang].sources
    return any(
        (hit := sources.match_at(toks, k, hi)) is not None
        and hit.payload == SourceKind.SOCIAL_MEDIA
        for k in range(lo, hi)
    )


_ANONYMOUS_BEFORE = 2  # tokens before a source phrase where its anonymous noun may stand


def anonymous(doc: Doc, res: Resources, src: Span) -> bool:
    """The source phrase, or the words right before it ("джерело в | Службі безпеки"), names
    an anonymous source ("a military source", "fonti militari", "Sicherheitskreise"): unnamed
    (claims-v1), not the kind of the body it sits in — unless it also names witnesses ("fonti
    mediche e testimoni")."""
    lex = lexicon(doc.lang)
    if not lex.anonymous and not lex.anonymous_suffixes:
        return False
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, src.start), bisect.bisect_left(starts, src.end)
    sources = res.packs[doc.lang].sources
    for k in range(lo, hi):
        hit = sources.match_at(toks, k, k + 1)
        if hit is not None and hit.payload == SourceKind.WITNESS:
            return False
    first = lo
    while first > max(0, lo - _ANONYMOUS_BEFORE) and toks[first - 1].is_word:
        first -= 1  # the words right before, not across a comma ("Citing medical sources, Amnesty")
    for k in range(first, hi):
        w = toks[k].lower
        if w.startswith(lex.anonymous) or any(
            w.endswith(x) and len(w) > len(x) + 2 for x in lex.anonymous_suffixes
        ):
            return True
    return False


def _typed_source(
    doc: Doc, res: Resources, att: AttributionMention, typed: _Typed
) -> tuple[SourceKind | None, bool]:
    """``(kind, is a source)``: the registry's kind for a speaker it knows, else the model's
    when confident; ``is a source`` is False when the model is sure the words name no source
    at all (a sentence-initial adverb taken for a speaker)."""
    src = att.source
    if res.model is None or src is None or att.source_kind == SourceKind.AUTHOR:
        return att.source_kind, True
    if att.kind_settled:
        return att.source_kind, True
    known = known_kind(doc, src)
    if att.found_by == ENTITY:  # an entity offered to the source choice: no model call
        return known or att.source_kind, True
    if known is not None and (known != SourceKind.UNNAMED or att.found_by == "lexicon"):
        return (att.source_kind if known == SourceKind.UNNAMED else known), True
    if _role_noun(doc, res, src):
        return att.source_kind, True
    q = (src.slice(doc.text), context_window(doc.text, src.start, src.end))
    some = att.found_by == "headline"
    hit = typed.get((*q, some))
    found = (hit,) if hit is not None else res.model.source_kinds([q], some=some)
    if not found:
        return att.source_kind, True
    kind, p = found[0]
    if att.found_by != "lexicon":  # found by position: the model types it (or finds no source)
        if kind is None:
            return att.source_kind, p < NOT_A_SOURCE
        return (att.source_kind if kind == SourceKind.AUTHOR else kind), True
    if kind is None:  # a lone sentence-initial word may be an adverb taken for a speaker
        lone = len(src.slice(doc.text).split()) == 1
        first = not doc.text[max(0, src.start - 2) : src.start].strip(' \n"„“«')
        entity = any(
            e.span.start < src.end
            and src.start < e.span.end
            and (e.category == "source" or e.normalized)
            for e in doc.entities
        )
        junk = lone and first and not entity and att.source_kind != SourceKind.UNNAMED
        return att.source_kind, not (junk and p >= NOT_A_SOURCE)
    if p >= SOURCE and kind != SourceKind.AUTHOR:
        return kind, True
    return att.source_kind, True


_BEFORE_MEMBER = re.compile(r"(?:['’]s)?\s+$")  # "U.N. officials", "the UN's spokesman"


def member_kind(doc: Doc, src: Span, kind: SourceKind) -> SourceKind:
    """ "U.N. officials said", "a NATO spokesman said" when the source phrase holds only the
    member noun (pack ``officials`` or ``spokesperson_words``): the body named right before it
    is whom they speak for, so its registry kind, not the noun's government guess."""
    if kind not in {SourceKind.GOVERNMENT, SourceKind.UNNAMED}:
        return kind
    lex = lexicon(doc.lang)
    words = src.slice(doc.text).casefold().split()
    nouns = lex.officials + lex.spokesperson_words
    if not words or not nouns or not words[0].startswith(nouns):
        return kind
    for e, body_kind in _registry_actors(doc, bodies_only=True):
        if e.span.end <= src.start and _BEFORE_MEMBER.fullmatch(doc.text, e.span.end, src.start):
            return body_kind
    return kind


_MODIFIERS = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*)*\s+")  # "'s top", " special", " "


def body_title_kind(doc: Doc, res: Resources, src: Span, kind: SourceKind) -> SourceKind:
    """ "the UN special envoy", "the UN's top envoy": a person's title (pack role) right after
    a registry body in the source phrase, with only lower-case modifiers between them, speaks
    for that body — its kind, not the government guess of the title. A body noun after it
    ("the Hamas health ministry") is no title and keeps its own kind."""
    if kind != SourceKind.GOVERNMENT:
        return kind
    toks = doc.tokens
    starts = token_starts(toks)
    lo, hi = bisect.bisect_left(starts, src.start), bisect.bisect_left(starts, src.end)
    titles = [toks[m.start].start for m in res.packs[doc.lang].roles.find(toks, lo, hi)]
    for e, body_kind in _registry_actors(doc, bodies_only=True):
        if (
            src.start <= e.span.start
            and e.span.end <= src.end
            and any(_MODIFIERS.fullmatch(doc.text, e.span.end, t) for t in titles)
        ):
            return body_kind
    return kind
