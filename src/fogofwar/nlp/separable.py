"""Separable reporting verbs with their particle at the clause's end.

German main clauses split a verb from its particle: "Die Armee gab am Abend bekannt, dass …",
"Der Kreml wies die Vorwürfe zurück". The pack lists such cues as two words ("gab bekannt",
"wies zurück"); this finds the pair when words stand between them — the finite verb and the
last word before the clause ends (a comma, colon, semicolon or sentence end) — and returns a
match on the verb alone, so that the verb stands for the cue as an adjacent one would.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from fogofwar.nlp.doc import Doc, Sentence
from fogofwar.nlp.matcher import Match, Token
from fogofwar.packs import CueEntry, LanguagePack, Trigger
from fogofwar.packs.files import pack_meta

__all__ = ["separable_cues", "separable_triggers"]

_CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "—", "–"})
_MAX_GAP = 12  # words between the verb and its particle


def separable_cues(doc: Doc, pack: LanguagePack, sent: Sentence) -> list[Match[CueEntry]]:
    """Gapped two-word verb cues of ``sent`` (none where the pack lists no such cue)."""
    if not pack_meta(doc.lang).get("separable_verbs"):
        return []
    toks = doc.tokens
    out: list[Match[CueEntry]] = []
    for i, last in _gapped_pairs(toks, sent.tok_start, sent.tok_end):
        m = pack.cues.match_at((toks[i], toks[last]), 0, 2)
        if m is not None and m.end == 2 and m.payload.type == "verb":
            out.append(Match(i, i + 1, m.payload, m.pattern))
    return out


def separable_triggers(doc: Doc, pack: LanguagePack, lo: int, hi: int) -> list[Match[Trigger]]:
    """Gapped two-word event words of tokens ``[lo, hi)`` (a clause): "Kiew machte Moskau für
    den Angriff verantwortlich", "Moskau weist die Vorwürfe zurück" — the verb and the last
    word before the clause ends, matched on the verb alone (none where the pack lists no
    separable verbs)."""
    if not pack_meta(doc.lang).get("separable_verbs"):
        return []
    toks = doc.tokens
    out: list[Match[Trigger]] = []
    for i, last in _gapped_pairs(toks, lo, hi):
        m = pack.triggers.match_at((toks[i], toks[last]), 0, 2)
        if m is not None and m.end == 2:
            out.append(Match(i, i + 1, m.payload, m.pattern))
    return out


def _gapped_pairs(toks: Sequence[Token], lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """``(verb, particle)`` token pairs of ``[lo, hi)``: every word and the last word before
    the clause ends (or :data:`_MAX_GAP` tokens on), with at least one word between."""
    for i in range(lo, hi):
        if not toks[i].is_word:
            continue
        j = i + 1
        while j < hi and toks[j].text not in _CLAUSE_END and j - i <= _MAX_GAP:
            j += 1
        last = j - 1
        if last - i >= 2 and toks[last].is_word:
            yield i, last
