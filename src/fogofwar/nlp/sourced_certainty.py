"""The certainty a claim gets from the source it finally has (claims-v1, annotating-claims
"Source and certainty").

The clause model and the rules give a certainty before the source is settled; once it is:

* ``claimed``, ``confirmed`` and ``denied`` need someone saying it: without a source the rules'
  certainty stands;
* an ``unnamed`` source ("sources said", "Berichten zufolge", "как сообщалось") is hearsay:
  a firm certainty becomes ``reported`` — unless the source words name a statement ("в
  заявлении группировки", "la nota", "comunicado del CI": someone's own words, whoever the text
  failed to name) or the attribution has neither cue nor source words (a report carried on
  whose speaker was lost);
* a source that is only media named without an outlet ("local media", "örtliche Medien",
  "местные СМИ"; the pack's ``generic_media``) is hearsay too (annotating-claims: "media
  reported" without a named outlet → ``reported``);
* an accusation that lays a charge ("The U.S. military accused the Houthis of firing …",
  "Министр обвинил Киев в подготовке провокаций") is claimed by its speaker, not asserted
  like a criticism or a condemnation;
* a statement whose clause holds its own denial verb ("В ХАМАС эти обвинения отвергли",
  "Das Büro wies das zurück") is ``denied``; so is a claimed event its clause negates ("had
  not established control", "не захватили");
* a ``confirmed`` reading needs a confirming verb of its own (the attribution's, the rules'
  or one in the clause), not a neighbour clause's ("X reconoció …, aunque los vecinos
  afirman que …");
* a source named after a dash ("Ukrainian strike hits Kherson administration - authorities",
  "Окупанти продовжують обстрілювати Донеччину — голова ОВА") claims the facts before it,
  whatever the model reads in the bare facts (not a performative act, which its speaker
  asserts).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from fogofwar.claim import Certainty, Claim, ClaimKind, SourceKind
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.caveats import FINAL_NEGATION
from fogofwar.nlp.doc import AttributionMention, Clause, Doc
from fogofwar.nlp.matcher import norm
from fogofwar.nlp.segment import tokenize
from fogofwar.nlp.separable import separable_cues
from fogofwar.packs import LanguagePack

__all__ = ["dash_tail", "generic_media", "hearsay", "media_hearsay", "settle"]

_NEEDS_SOURCE = frozenset({Certainty.CLAIMED, Certainty.CONFIRMED, Certainty.DENIED})
_FIRM = frozenset({Certainty.ASSERTED, Certainty.CLAIMED, Certainty.CONFIRMED})
_DENIABLE = _FIRM | {Certainty.DENIED}  # a denial's own verb needs no source found yet
_UNTRUE = _DENIABLE | {Certainty.REPORTED}  # a report its clause calls untrue is denied
_ACTS = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})
_HEDGEABLE = frozenset({Certainty.ASSERTED, Certainty.CLAIMED})
_OPENER_GAP = 3  # tokens between a denial verb and the clause it opens ("заперечує , що")
_REPORT_GAP = 6  # tokens between the report noun and its clause ("Москвы в том , что")
_DASHES = frozenset("-–—")
_STRIP = ".,:;«»\"'()"


def dash_tail(doc: Doc, att: AttributionMention | None) -> bool:
    """``att`` names its source after a dash (its cue is the dash)."""
    if att is None or att.cue is None or att.source is None:
        return False
    return att.cue.slice(doc.text).strip() in _DASHES


def generic_media(doc: Doc, pack: LanguagePack, att: AttributionMention) -> bool:
    """``att``'s source words are media without an outlet: a ``generic_media`` phrase and,
    besides it, only words in lower case (or the phrase's first word: "Local media",
    "Örtliche Medien"), no name ("Palestinian Prisoners' Media Office" is one)."""
    src = att.source
    if src is None:
        return False
    toks = doc.tokens
    lo = bisect.bisect_left([t.start for t in toks], src.start)
    hi = lo
    while hi < len(toks) and toks[hi].end <= src.end:
        hi += 1
    found = pack.generic_media.find(toks, lo, hi)
    if not found:
        return False
    inside = {k for m in found for k in range(m.start, m.end)}
    return all(
        k in inside or k == lo or not doc.text[toks[k].start : toks[k].end][:1].isupper()
        for k in range(lo, hi)
    )


def hearsay(doc: Doc, att: AttributionMention) -> bool:
    """An ``unnamed`` attribution is hearsay: not when its source words name a statement (the
    pack's ``[attribution] statements``), nor when it has neither cue nor source words."""
    if att.source is None:
        return att.cue is not None
    stems = lexicon(doc.lang).statements
    if not stems:
        return True
    words = att.source.slice(doc.text).casefold().split()
    return not any(w.strip(_STRIP).startswith(stems) for w in words)


def _confirms(
    doc: Doc, pack: LanguagePack, att: AttributionMention, rule: Certainty, clause: Clause | None
) -> bool:
    """A confirmation has a verb of its own: the attribution's, the rules' or one in the clause
    ("I can confirm it happened"), not a neighbour clause's ("X reconoció …, aunque los vecinos
    afirman que …")."""
    if Certainty.CONFIRMED in (rule, att.certainty):
        return True
    if clause is None:
        return False
    found = pack.cues.find(doc.tokens, clause.tok_start, clause.tok_end)
    return any(m.payload.certainty == Certainty.CONFIRMED for m in found)


def _denies(doc: Doc, pack: LanguagePack, clause: Clause | None) -> bool:
    """The clause holds a denial verb (a pack cue of certainty ``denied``) or a word calling a
    report untrue (a trigger marked ``untruth``: "a lie", "фейк"), not negated."""
    if clause is None:
        return False
    toks = doc.tokens
    lo, hi = clause.tok_start, clause.tok_end
    gapped = separable_cues(doc, pack, doc.sentences[clause.sentence])  # "wies das zurück"
    for m in [*pack.cues.find(toks, lo, hi), *(g for g in gapped if lo <= g.start < hi)]:
        if m.payload.certainty != Certainty.DENIED:
            continue
        if not pack.negations.find(toks, max(lo, m.start - 2), m.start):
            return True
    return _untrue(doc, pack, clause)  # "Песков назвал публикации «уткой»"


def _denial_marks(doc: Doc, pack: LanguagePack, clause: Clause) -> list[int]:
    """Token indices of the clause's denial words: denial cues (separable ones included),
    denial triggers and words calling a report untrue."""
    toks, lo, hi = doc.tokens, clause.tok_start, clause.tok_end
    gapped = separable_cues(doc, pack, doc.sentences[clause.sentence])
    marks = [
        m.start
        for m in [*pack.cues.find(toks, lo, hi), *(g for g in gapped if lo <= g.start < hi)]
        if m.payload.certainty == Certainty.DENIED
    ]
    return marks + [
        t.start
        for t in pack.triggers.find(toks, lo, hi)
        if t.payload.subtype == "denial" or t.payload.untruth
    ]


def _unsaid(doc: Doc, pack: LanguagePack, clause: Clause | None) -> bool:
    """Nothing in the clause denies: no denial word and no negation ("Управление ООН выразило
    глубокую обеспокоенность" is no denial, whatever the clause model reads)."""
    if clause is None:
        return False
    if _denial_marks(doc, pack, clause):
        return False
    toks, lo = doc.tokens, clause.tok_start
    start = doc.sentences[clause.sentence].tok_start
    # a denial verb opening the clause: "Керівництво Росії заперечує, що …"
    before = [
        m.end for m in pack.cues.find(toks, start, lo) if m.payload.certainty == Certainty.DENIED
    ] + [
        t.end
        for t in pack.triggers.find(toks, start, lo)
        if t.payload.subtype == "denial" or t.payload.untruth
    ]
    if any(lo - end <= _OPENER_GAP for end in before):
        return False
    # a denial verb whose object is the report the clause tells: "отверг обвинения Москвы в
    # том, что …", "rejected the accusation that …" (pack report_nouns between verb and clause)
    for end in before:
        nouns = pack.report_nouns.find(toks, end, lo)
        if nouns and lo - max(n.end for n in nouns) <= _REPORT_GAP:
            return False
    return not pack.negations.find(toks, lo, clause.tok_end)


def _denial_negated(doc: Doc, pack: LanguagePack, clause: Clause | None) -> bool:
    """The clause's denial words are all negated ("did not deny the shelling", "This is not
    denied", "n'a pas démenti", "не опроверг", "Der Kreml dementierte den Bericht nicht"): no
    one denies anything. A negation stands a few words before the denial word, or, where the
    negation closes the clause (:data:`~fogofwar.nlp.caveats.FINAL_NEGATION`), last."""
    if clause is None:
        return False
    toks, lo, hi = doc.tokens, clause.tok_start, clause.tok_end
    marks = _denial_marks(doc, pack, clause)
    if not marks:
        return False
    if doc.lang in FINAL_NEGATION:
        last = hi - 1
        while last > lo and not toks[last].is_word:
            last -= 1
        if pack.negations.find(toks, last, last + 1):
            return True
    return all(
        any(
            toks[m.end].lower not in _NOT_NEGATING if m.end < len(toks) else True
            for m in pack.negations.find(toks, max(lo, k - 3), k)
        )
        for k in marks
    )


#: words after a negation that make it no negation ("не раз опровергали": more than once;
#: "not only", "nicht nur", "non seulement", "не только")
_NOT_NEGATING = frozenset(
    {
        "раз",
        "только",
        "лише",
        "тільки",
        "один",
        "одна",
        "однажды",
        "only",
        "nur",
        "seulement",
        "solo",
        "sólo",
        "soltanto",
        "solamente",
    }
)


def _told_here(doc: Doc, att: AttributionMention, clause: Clause | None) -> bool:
    """``att``'s cue stands in the clause's sentence: the source tells this sentence (a hedge
    there distances the author from that source's claim, which stays the source's)."""
    if clause is None or att.cue is None:
        return True
    sent = doc.sentences[clause.sentence].span
    return sent.start <= att.cue.start < sent.end


def _hedged(doc: Doc, pack: LanguagePack, clause: Clause | None) -> bool:
    """The clause holds a hedge of the writer's own voice ("offenbar", "apparently", "al
    parecer", "якобы": the pack's ``[attribution] author_hedges``): a sentence that carries on
    a source's report but hedges in the author's voice is hearsay (annotating-claims)."""
    if clause is None:
        return False
    hedges = lexicon(doc.lang).author_hedges
    found = pack.cues.find(doc.tokens, clause.tok_start, clause.tok_end)
    return any(
        m.payload.type == "adverb"
        and norm(doc.text[doc.tokens[m.start].start : doc.tokens[m.end - 1].end]) in hedges
        for m in found
    )


def _untrue(doc: Doc, pack: LanguagePack, clause: Clause | None) -> bool:
    """The clause calls a report untrue: a pack trigger marked ``untruth`` ("a lie", "фейк",
    "Falschmeldung") not negated ("это не фейк")."""
    if clause is None:
        return False
    toks, lo, hi = doc.tokens, clause.tok_start, clause.tok_end
    untrue = [t for t in pack.triggers.find(toks, lo, hi) if t.payload.untruth]
    return any(
        not pack.negations.find(toks, max(lo, t.start - 2), t.start)
        and not (t.start > lo and toks[t.start - 1].lower in _WITHOUT)  # "Без фейків"
        for t in untrue
    )


_WITHOUT = frozenset({"without", "ohne", "sans", "sin", "senza", "без"})


_NEGATABLE = frozenset(
    {ClaimKind.ATTACK, ClaimKind.ARMED_CLASH, ClaimKind.TERRITORIAL_CHANGE, ClaimKind.DEPLOYMENT}
)


def _negated_event(
    doc: Doc, pack: LanguagePack, clause: Clause | None, kind: ClaimKind | None = None
) -> bool:
    """The clause's event word is negated right before it ("had not established control",
    "ne pas avoir ouvert le feu", "non avanzano"): its speaker denies the event. When words of
    the claim's own kind stand in the clause, those are the event ("ne pas avoir ouvert le
    feu sur les soldats de la paix": the attack, not the peacekeepers' deployment)."""
    if clause is None:
        return False
    toks, lo, hi = doc.tokens, clause.tok_start, clause.tok_end
    events = [m for m in pack.triggers.find(toks, lo, hi) if m.payload.kind in _NEGATABLE]
    own = [m for m in events if m.payload.kind == kind]
    events = own or events
    if not events:
        return False
    return all(pack.negations.find(toks, max(lo, m.start - 3), m.start) for m in events)


def settle(
    doc: Doc,
    pack: LanguagePack,
    att: AttributionMention | None,
    source_kind: SourceKind | None,
    performative: bool,
    charge: bool,
    cert: Certainty,
    rule_cert: Certainty,
    clause: Clause | None = None,
    kind: ClaimKind | None = None,
) -> Certainty:
    """The certainty of a claim with source ``att`` (of kind ``source_kind``), given the
    certainty read so far (``cert``) and the rules' (``rule_cert``); ``performative``: the
    claim is a speech act its speaker performs (a statement, a diplomatic act); ``charge``: the
    act is an accusation that lays a charge ("accused … of", "обвинил … в") and has a speaker:
    content its speaker claims (annotating-claims: motive, accusation, explanation →
    ``claimed``); ``clause``: the claim's clause, where a ``confirmed`` reading finds its
    verb and a denial its own; ``kind``: the claim's kind — a statement whose clause
    denies ("В ХАМАС эти обвинения отвергли", "Das Büro wies das zurück") is ``denied``, not
    asserted as a performative act (annotating-claims: deny → ``denied``)."""
    if cert == Certainty.DENIED and _unsaid(doc, pack, clause):
        # a denial read by the model or carried over from the report before, with no word of
        # denial or negation in the clause: the rules' reading, else the plain one
        firm = Certainty.CLAIMED if att is not None else Certainty.ASSERTED
        cert = rule_cert if rule_cert != Certainty.DENIED else firm
    if cert == Certainty.DENIED and _denial_negated(doc, pack, clause):
        cert = Certainty.CLAIMED if att is not None else Certainty.ASSERTED  # "did not deny"
        return cert
    if cert == Certainty.ASSERTED and performative and charge:
        return Certainty.CLAIMED
    if kind == ClaimKind.STATEMENT and cert in _DENIABLE and _denies(doc, pack, clause):
        return Certainty.DENIED
    if kind is not None and kind not in _ACTS and cert in _UNTRUE and _untrue(doc, pack, clause):
        return Certainty.DENIED  # "інформація про те, що росіяни взяли село, є фейком"
    if att is None:
        return rule_cert if cert in _NEEDS_SOURCE else cert
    if cert == Certainty.CLAIMED and _negated_event(doc, pack, clause, kind):
        return Certainty.DENIED  # "said it had lost no aircraft", "assured not to have fired"
    if cert == Certainty.CONFIRMED and not _confirms(doc, pack, att, rule_cert, clause):
        return rule_cert
    if source_kind == SourceKind.UNNAMED and cert in _FIRM:
        return Certainty.REPORTED if hearsay(doc, att) else cert
    if source_kind == SourceKind.MEDIA and cert in _FIRM and generic_media(doc, pack, att):
        return Certainty.REPORTED
    if cert == Certainty.ASSERTED and not performative and dash_tail(doc, att):
        return Certainty.CLAIMED
    if cert in _HEDGEABLE and not _told_here(doc, att, clause) and _hedged(doc, pack, clause):
        return Certainty.REPORTED  # "Die Miliz hat … offenbar viele Menschen getötet"
    return cert


def media_hearsay(doc: Doc, pack: LanguagePack, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with those whose final source is media named without an outlet ("местные
    СМИ", "local media", "Palestinian media": the pack's ``generic_media`` and, besides it,
    only words in lower case or a first word) made ``reported`` when firm (annotating-claims:
    "media reported" without a named outlet → ``reported``), however the text reached that
    source (a statement "говорится в сообщении" relaying "со ссылкой на местные СМИ")."""
    out = []
    for c in claims:
        name = c.source.name
        if c.source.kind == SourceKind.MEDIA and name and c.certainty in _FIRM:
            toks = tokenize(name, doc.lang)
            found = pack.generic_media.find(toks, 0, len(toks))
            inside = {k for m in found for k in range(m.start, m.end)}
            if found and all(
                k in inside or k == 0 or not toks[k].text[:1].isupper() for k in range(len(toks))
            ):
                c = dataclasses.replace(c, certainty=Certainty.REPORTED)
        out.append(c)
    return out
