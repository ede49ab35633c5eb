"""An author's caveat about a source holds for all that source's claims in the text.

claims-v1: "An author's caveat that a source's figures cannot be checked turns **all** that
source's claims in the passage to ``unverified``." A verification cue ("could not independently
verify", "nicht unabhängig überprüfen", "не удалось проверить") speaks of the source named in
its own sentence; else, when it speaks of the reports in general ("Die Angaben ließen sich nicht
überprüfen"), of every source named before it, and when it speaks of one report ("This toll
could not be verified"), of the last source named in the :data:`BACK` sentences before it; every
claim of that source (the same name, compared as :func:`same_name` does) becomes
``unverified``, except denials and hypotheticals, which say something else.

A caveat whose words name every side ("battlefield reports from either side", "обеих
сторон") holds for the claims of every named source. A caveat whose words name what cannot be
checked ("could not verify the footage on social
media", "no puede verificar las afirmaciones de la Defensa Civil") speaks of the sources those
words name, wherever they were named. The headline's claims of a caveated source are
unverified too (:func:`caveat_headline`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache

from fogofwar.claim import Certainty, Claim
from fogofwar.nlp.attribution_lex import AttributionLexicon, lexicon
from fogofwar.nlp.doc import AttributionMention, Doc
from fogofwar.nlp.matcher import Token
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import read_table

__all__ = ["BACK", "NEGATION_GAP", "ONE_REPORT", "apply_caveats", "caveat_headline", "same_name"]

BACK = 2  # sentences before a caveat where the source it speaks of may be named
NEGATION_GAP = 10  # words from a negation to the verification verb it negates
NEGATION_AFTER = 3  # words after it, where the pack allows ("проверить эти данные не удалось")
_STEM = 5
_INFINITIVE = ("ть", "ти", "тися", "ться", "чь")  # Russian and Ukrainian infinitive endings
_MODAL_LEN = 4  # a negator this long is a word of its own ("неможливо"), not a particle
_WORD = re.compile(r"\w+")
_TAIL_END = re.compile(r",(?!\d)|;")
_KEEP = frozenset({Certainty.DENIED, Certainty.HYPOTHETICAL, Certainty.UNVERIFIED})
#: languages whose main clause puts its negation last, after the verb it negates (the German
#: verb bracket: "Überprüfen lassen sich die Angaben nicht", "Bestätigt wurde das zunächst
#: nicht"): a negator closing the sentence negates a verification verb anywhere before it
FINAL_NEGATION = frozenset({"de"})


def same_name(a: str, b: str) -> bool:
    """One speaker named twice: equal names, or last words that agree on their first five
    letters ("Klitschko" ~ "Klitschkos") or where one ends the other ("Gesundheitsbehörde" ~
    "Behörde"), or the longer words of one are among the other's ("defence ministry" ~ "defence
    ministry in Moscow")."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    sa = {w[:_STEM] for w in a.split() if len(w) >= _STEM}
    sb = {w[:_STEM] for w in b.split() if len(w) >= _STEM}
    if sa and sb and (sa <= sb or sb <= sa):  # "defence ministry" ~ "defence ministry in Moscow"
        return True
    wa, wb = a.split()[-1:], b.split()[-1:]
    if not wa or not wb:
        return False
    x, y = wa[0].strip(".,«»\"'"), wb[0].strip(".,«»\"'")
    if min(len(x), len(y)) < _STEM:
        return False
    return x[:_STEM] == y[:_STEM] or x.endswith(y) or y.endswith(x)


def apply_caveats(doc: Doc, pack: LanguagePack, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with every claim of a caveated source made ``unverified``."""
    toks = doc.tokens
    caveats = [
        toks[m.start].start
        for s in doc.sentences
        for m in pack.cues.find(toks, s.tok_start, s.tok_end)
        if m.payload.type == "verification"
    ]
    caveats += _negated_checks(doc)
    if not caveats:
        return list(claims)
    starts = [s.span.start for s in doc.sentences]
    names: list[str] = []
    every = lexicon(doc.lang).verify_all
    for at in caveats:
        si = bisect.bisect_right(starts, at) - 1
        sentence = doc.sentences[si].span.slice(doc.text).casefold()
        if any(w in sentence for w in every):  # "reports from either side": every source's
            names += [c.source.name for c in claims if c.source.name]
            continue
        named = _named_in_object(doc, si, at)
        if not named and not _points_back(doc, si):  # "His death toll": the last speaker's
            named = _toll_sources(doc, si, at, claims)
        names += named or [a.source_name for a in _sources_of(doc, si, at) if a.source_name]
    return _unverify(claims, names)


#: words that make a caveat speak of the casualty figures ("The tolls could not be
#: independently confirmed", "Die Opferzahlen ließen sich nicht überprüfen", "no ha podido
#: verificar el balance"): lower-case word prefixes
TOLL_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("toll", "casualty figure", "death figure", "casualty count", "death count"),
    "de": ("opferzahl", "todeszahl", "totenzahl", "zahl der opfer", "zahl der toten", "bilanz"),
    "fr": ("bilan",),
    "es": ("balance", "cifra de muertos", "cifra de víctimas", "número de muertos"),
    "it": ("bilanci", "numero dei morti", "numero delle vittime"),
    "ru": ("число погибших", "число жертв", "данные о погибших", "данные о потерях"),
    "uk": ("кількість загиблих", "кількість жертв", "дані про загиблих", "дані про втрати"),
}


#: possessives that make a caveat speak of one speaker's report ("His death toll could not be
#: corroborated", "Son bilan", "Його дані"): the last source named before it (lower-case words)
POSSESSIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"his", "her", "its"}),
    "de": frozenset({"seine", "seiner", "seinen", "seines"}),
    "fr": frozenset({"son", "sa", "ses"}),
    "es": frozenset({"su", "sus"}),
    "it": frozenset({"suo", "sua", "suoi", "sue"}),
    "ru": frozenset({"его", "ее", "её"}),
    "uk": frozenset({"його", "її"}),
}
#: demonstratives that point a caveat back to the report just told ("These figures", "Ces
#: chiffres", "Эти данные"): not every source of a casualty figure (lower-case words)
DEMONSTRATIVES: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "these", "that", "those"}),
    "de": frozenset({"dieser", "dieses", "diesen", "diese", "solche"}),
    "fr": frozenset({"ce", "cet", "cette", "ces"}),
    "es": frozenset({"este", "esta", "ese", "esa", "estos", "estas", "esos", "esas"}),
    "it": frozenset({"questo", "questa", "quel", "quella", "questi", "queste"}),
    "ru": frozenset({"этот", "эта", "это", "эту", "этого", "этой", "эти", "этих"}),
    "uk": frozenset({"цей", "ця", "це", "цю", "цього", "цієї", "ці", "цих"}),
}


def _points_back(doc: Doc, si: int) -> bool:
    """The caveat's sentence points back to a report told before it (:data:`POSSESSIVES`,
    :data:`DEMONSTRATIVES`)."""
    words = {w.casefold() for w in _WORD.findall(doc.sentences[si].span.slice(doc.text))}
    lang = doc.lang
    return bool(
        words & (POSSESSIVES.get(lang, frozenset()) | DEMONSTRATIVES.get(lang, frozenset()))
    )


def _toll_sources(doc: Doc, si: int, at: int, claims: Sequence[Claim]) -> list[str]:
    """The sources of the casualty figures before a caveat that speaks of the tolls
    (:data:`TOLL_WORDS`): the names of the body's claims before it that count the killed or
    injured (the caveat doubts the figures, whoever gave the last word before it)."""
    sentence = doc.sentences[si].span.slice(doc.text).casefold()
    words = TOLL_WORDS.get(doc.lang, ())
    if not any(f" {w}" in f" {sentence}" for w in words):
        return []
    return [
        c.source.name
        for c in claims
        if c.source.name
        and not c.in_headline
        and c.span is not None
        and c.span.start < at
        and (c.counts.killed is not None or c.counts.injured is not None)
    ]


#: :func:`_negated_checks` of the last few documents: (tokens, sentences, language, offsets)
_CHECKS: list[tuple[object, object, str, tuple[int, ...]]] = []
_RECENT_CHECKS = 4


def _negated_checks(doc: Doc) -> tuple[int, ...]:
    """:func:`_find_negated_checks`, remembered for the last few documents (every clause's
    decision asks of its document's; the tokens and sentences kept, so their ids stay theirs)."""
    for toks, sents, lang, found in _CHECKS:
        if toks is doc.tokens and sents is doc.sentences and lang == doc.lang:
            return found
    found = tuple(_find_negated_checks(doc))
    _CHECKS[:] = [(doc.tokens, doc.sentences, doc.lang, found), *_CHECKS[: _RECENT_CHECKS - 1]]
    return found


def _find_negated_checks(doc: Doc) -> list[int]:
    """Offsets of verification verbs negated a few words before ("Reuters could not
    independently confirm", "prevented Reuters from … to verify", "не удалось проверить"):
    pack ``verify_words`` with a ``verify_negators`` word at most :data:`NEGATION_GAP` words
    before, in the same sentence and outside quotation marks; where the pack allows, a few
    words after it, anywhere after it when the verb opens the sentence ("Проверить эти данные
    пока не удалось"), or a predicative negator closing the sentence ("… неможливо")."""
    lex = lexicon(doc.lang)
    if not lex.verify_words or not lex.verify_negators:
        return []
    toks = doc.tokens
    out = []
    for s in doc.sentences:
        for k in range(s.tok_start, s.tok_end):
            t = toks[k]
            if not (t.lower.startswith(lex.verify_words) or t.lemma.startswith(lex.verify_words)):
                continue
            lo = max(s.tok_start, k - NEGATION_GAP)
            turns = [j for j in range(lo, k) if toks[j].lower in _contrastives(doc.lang)]
            lo = max([lo, *(j + 1 for j in turns)])  # "could not be corroborated, but … confirmed"
            hi = min(s.tok_end, k + 1 + NEGATION_AFTER) if lex.verify_negation_after else k
            if lex.verify_negation_after and _opens(toks, s.tok_start, k):
                hi = s.tok_end  # "Проверить эти данные пока не удалось": the whole sentence
            near = any(
                toks[j].lower in lex.verify_negators for j in (*range(lo, k), *range(k + 1, hi))
            )
            after = lex.verify_negation_after and _impossible(toks, k + 1, s.tok_end, lex)
            final = doc.lang in FINAL_NEGATION and _closes(toks, k + 1, s.tok_end, lex)
            if near or after or final:
                out.append(t.start)
    return out


def _turns(doc: Doc, start: int, end: int) -> bool:
    """A contrastive conjunction stands between offsets ``start`` and ``end``."""
    words = _contrastives(doc.lang)
    return any(t.lower in words for t in doc.tokens if start <= t.start < end)


@lru_cache(maxsize=16)
def _contrastives(lang: str) -> frozenset[str]:
    """The pack's contrastive conjunctions ("but", "aber", "но"; ``[text] contrastives``, one
    word each): a negation before one does not reach a verb after it."""
    words = read_table(lang, "pack").get("text", {}).get("contrastives", [])
    return frozenset(w.casefold() for w in words if isinstance(w, str) and " " not in w)


def _opens(toks: Sequence[Token], lo: int, k: int) -> bool:
    """Token ``k`` is an infinitive opening the sentence that starts at ``lo`` ("Перевірити ці
    дані поки що не вдалося"; not a finite "Підтвердили в ЗСУ, що … не …")."""
    return toks[k].lower.endswith(_INFINITIVE) and all(not toks[j].is_word for j in range(lo, k))


def _closes(toks: Sequence[Token], lo: int, hi: int, lex: AttributionLexicon) -> bool:
    """The last word in ``[lo, hi)`` is a negator ("… lassen sich nicht unabhängig
    überprüfen" has it before; "Unabhängig überprüfen lassen sich die Angaben nicht" last)."""
    k = hi - 1
    while k >= lo and not toks[k].is_word:
        k -= 1
    return k >= lo and toks[k].lower in lex.verify_negators


def _impossible(toks: Sequence[Token], lo: int, hi: int, lex: AttributionLexicon) -> bool:
    """A predicative negator ("неможливо", "невозможно", "нельзя": a word, not the particle
    "не") closes the sentence after the verification verb it governs, however far ("Перевірити
    слова полоненого незалежно неможливо")."""
    k = hi - 1
    while k >= lo and not toks[k].is_word:
        k -= 1
    return k >= lo and len(toks[k].lower) >= _MODAL_LEN and toks[k].lower in lex.verify_negators


#: words that make a caveat speak of one report, not of all the passage's sources ("This
#: toll could not be verified", "Ce bilan n'a pas pu être vérifié", "Il bilancio delle vittime
#: non ha potuto essere verificato", "цю інформацію не підтвердили"): demonstratives and
#: toll nouns (lower-case words)
ONE_REPORT: dict[str, frozenset[str]] = {
    "en": frozenset({"this", "toll", "figure", "tally"}),
    "de": frozenset({"dieser", "dieses", "diesen", "bilanz", "opferzahl", "zahl"}),
    "fr": frozenset({"ce", "cet", "cette", "bilan", "chiffre"}),
    "es": frozenset({"este", "esta", "ese", "esa", "balance", "cifra"}),
    "it": frozenset({"questo", "questa", "quel", "quella", "bilancio", "cifra"}),
    "ru": frozenset({"этот", "эта", "это", "эту", "этого", "этой"}),
    "uk": frozenset({"цей", "ця", "це", "цю", "цього", "цієї"}),
}


def _sources_of(doc: Doc, si: int, at: int) -> list[AttributionMention]:
    """The named attributions a caveat at offset ``at`` in sentence ``si`` speaks of: the one
    whose cue is nearest in its own sentence; for a caveat without a source of its own that
    speaks of the reports in general ("Die Angaben ließen sich nicht unabhängig überprüfen",
    "The reports could not be confirmed"), every source named before it in the passage; for
    one that speaks of one report (:data:`ONE_REPORT`: "This toll could not be verified"),
    the last source named in the :data:`BACK` sentences before it."""
    sent = doc.sentences[si].span
    named = [
        a
        for a in doc.attributions
        if a.source is not None
        and a.source_name
        and a.cue is not None
        and a.cue.start < sent.end
        and not a.cue.start <= at < a.cue.end  # "could not confirm the report": no speech cue
    ]
    here = [
        a
        for a in named
        if a.cue is not None
        and sent.start <= a.cue.start
        and not _turns(doc, at, a.cue.start)  # "…, but the commissioner confirmed": not his
    ]
    if here:
        return [min(here, key=lambda a: abs((a.cue.start if a.cue else 0) - at))]
    words = {w.casefold() for w in _WORD.findall(sent.slice(doc.text))}
    if not words & (ONE_REPORT.get(doc.lang, frozenset()) | POSSESSIVES.get(doc.lang, frozenset())):
        return named
    lo = doc.sentences[max(0, si - BACK)].span.start
    before = [a for a in named if a.cue is not None and lo <= a.cue.start < at]
    return [max(before, key=lambda a: a.cue.start if a.cue else 0)] if before else []


def _stems(text: str) -> set[str]:
    return {w.casefold()[:_STEM] for w in _WORD.findall(text) if len(w) >= _STEM}


def _named_in_object(doc: Doc, si: int, at: int) -> list[str]:
    """Names of the sources the caveat's own words name after its verification word ("the
    footage … on social media" → the social-media videos; "las afirmaciones de la Defensa
    Civil" → the Defensa Civil): attributions anywhere before the caveat's sentence end whose
    source phrase shares a word (on a five-letter stem) with those words, up to the first comma
    or semicolon ("the footage …, or to reach Russia's interior ministry": the ministry is
    not checked)."""
    sent = doc.sentences[si].span
    tail = _TAIL_END.split(doc.text[at : sent.end], maxsplit=1)[0]  # not ", or to reach …"
    words = _stems(tail) - _stems(doc.text[at : at + 1] + " ")
    if not words:
        return []
    out = []
    for a in doc.attributions:
        if a.source is None or not a.source_name or a.source.start >= sent.end:
            continue
        if a.cue is not None and a.cue.start <= at < a.cue.end:
            continue  # the caveat's own verb read as a speech cue
        if sent.start <= a.source.start and a.source.start >= at:
            continue  # a name after the verification word is what is checked, not a source
        if _stems(a.source.slice(doc.text)) & words:
            out.append(a.source_name)
    return out


def caveat_headline(head: Sequence[Claim], body: Sequence[Claim]) -> list[Claim]:
    """The headline's claims with those of a source the body caveats (its claims there are
    ``unverified`` by :func:`apply_caveats`) made ``unverified`` too: one source, one caveat.
    When the body caveats every source it names (its attributed claims are all unverified),
    the headline's attributed claims sum them up and are unverified whatever name they use
    ("…, rebels say" over "An ethnic rebel group said …; the reports could not be confirmed")."""
    named = [c for c in body if c.source.name]
    if named and all(c.certainty == Certainty.UNVERIFIED for c in named):
        return [
            dataclasses.replace(c, certainty=Certainty.UNVERIFIED)
            if c.source.name and c.certainty not in _KEEP
            else c
            for c in head
        ]
    caveated = [
        c.source.name for c in body if c.certainty == Certainty.UNVERIFIED and c.source.name
    ]
    return _unverify(head, caveated)


def _unverify(claims: Sequence[Claim], names: Sequence[str]) -> list[Claim]:
    """``claims`` with those of a source named in ``names`` made ``unverified`` (unless their
    certainty is one a caveat keeps)."""
    if not names:
        return list(claims)
    return [
        dataclasses.replace(c, certainty=Certainty.UNVERIFIED)
        if c.certainty not in _KEEP
        and c.source.name
        and any(same_name(c.source.name, n) for n in names)
        else c
        for c in claims
    ]


def negated_check_in(doc: Doc, start: int, end: int) -> bool:
    """A negated verification verb ("prevented Reuters from … to verify the toll", "could
    not be corroborated") stands in ``[start, end)``: the words there are a caveat."""
    return any(start <= at < end for at in _negated_checks(doc))
