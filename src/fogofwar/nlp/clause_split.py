"""Two predicates joined in one main clause are two clauses when they tell two claims.

"Rebels seized the base and took 50 soldiers prisoner", "Kämpfer hätten Häuser geplündert und
junge Männer verschleppt", "Бойовики напали на село і викрали фермерів": the segmenter
(``clauses.v1``) cuts sentences at punctuation and subordinators only, so such a sentence is
one main clause and gives one claim. Here a main clause is cut before a coordinator of the
pack (``[text] coordinators``: "and", "but", "и", "а", "mentre" …) when

* the part after it opens a new speech act — a reporting verb right after the coordinator
  ("… and added that", "… y aseguró que", "… и обвинили армию") — and the part before it
  carries an event verb or a cue of its own; or
* both parts carry event verbs of their own, of different event kinds (speech acts part at
  their cues only: "threatened to cut ties with A and B" is one act), and the later verb
  follows the coordinator closely, no comma between ("… between 1 March and 31 May,
  according to a report released …" is no predicate).

Never an event and its toll ("the strike killed four and injured nine" is one claim,
annotating-claims) nor a detail of kind ``other`` ("… and confiscated weapons").

A relative clause with an event verb and a reporting cue of its own is read as a main clause
too (:func:`promote_relatives`).

The parts go to the clause model one by one, like any other clause; adjacent parts that the
model reads as the same claim are joined again (``claims.v2``).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from fogofwar.claim import ClaimKind
from fogofwar.model import Span
from fogofwar.nlp.claims import ClaimBuilder
from fogofwar.nlp.doc import Clause, Doc
from fogofwar.nlp.matcher import norm
from fogofwar.nlp.salience import clause_kind
from fogofwar.packs.files import read_table

__all__ = ["split_coordinated"]

_CUE_REACH = 1  # lower-case words between the coordinator and a new speech act's cue ("also")
_VERB_REACH = 4  # words between the coordinator and the next predicate's event verb
_MIN_WORDS = 2  # words each part holds at least
_SPEECH = frozenset({ClaimKind.STATEMENT, ClaimKind.DIPLOMACY})


def _part(doc: Doc, clause: Clause, lo: int, hi: int) -> Clause:
    toks = doc.tokens
    return dataclasses.replace(
        clause, span=Span(toks[lo].start, toks[hi - 1].end), tok_start=lo, tok_end=hi
    )


def _words(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc.tokens[lo:hi] if t.is_word)


def _kind(doc: Doc, b: ClaimBuilder, part: Clause) -> ClaimKind | None:
    events = b.events(part)
    if not events:
        return None
    return clause_kind(doc, part, events, b.pack, b.every(part))[0]


def _verbal(b: ClaimBuilder, part: Clause) -> bool:
    """The part holds an event verb, not only event nouns."""
    return any(not m.payload.nominal for m in b.events(part))


def _predicate_next(doc: Doc, b: ClaimBuilder, part: Clause) -> bool:
    """The part's first event verb follows the coordinator closely — at most a short subject
    between, no comma ("… and abducted twelve farmers", "… y las RSF detuvieron a otros
    150"), not "… between 1 March and 31 May, according to a report released …" nor "…
    in A, B and other areas to decry the arrests"."""
    verbs = [m.start for m in b.events(part) if not m.payload.nominal]
    if not verbs:
        return False
    between = doc.tokens[part.tok_start + 1 : min(verbs)]
    return (
        not any(t.text == "," for t in between) and sum(t.is_word for t in between) <= _VERB_REACH
    )


def _opens_act(doc: Doc, b: ClaimBuilder, k: int, hi: int) -> bool:
    """A reporting verb follows the coordinator at ``k``, at most a few lower-case words
    ("also", "later", "then") between them: "… and added that", "… y aseguró que", "… и
    обвинили". Not a cue after a name, a figure or a comma ("… and Mykolaiv, the command
    said": the list goes on and its source follows)."""
    toks = doc.tokens
    for j in range(k + 1, min(hi, k + 2 + _CUE_REACH)):
        m = b.pack.cues.match_at(toks, j, hi)
        if m is not None:
            return m.payload.type == "verb"
        t = toks[j]
        if not t.is_word or not t.text.isalpha() or not t.text.islower():
            return False
    return False


def _cuts(doc: Doc, b: ClaimBuilder, clause: Clause) -> Clause | None:
    """The clause's first cut: its part before the first coordinator that begins a claim of
    its own (the rest is cut again by the caller), or ``None``."""
    toks, pack = doc.tokens, b.pack
    lo, hi = clause.tok_start, clause.tok_end
    for k in range(lo + 1, hi - 1):
        if toks[k].lower not in pack.coordinators or _joiner_phrase(doc, k, hi):
            continue
        if _words(doc, lo, k) < _MIN_WORDS or _words(doc, k + 1, hi) < _MIN_WORDS:
            continue
        left, right = _part(doc, clause, lo, k), _part(doc, clause, k, hi)
        k_left, k_right = _kind(doc, b, left), _kind(doc, b, right)
        if ClaimKind.CASUALTIES in {k_left, k_right} or ClaimKind.OTHER in {k_left, k_right}:
            continue  # "killed four and injured nine", "… and confiscated weapons": one claim
        if _opens_act(doc, b, k, hi):
            if _verbal(b, left) or pack.cues.find(toks, lo, k):
                return left
            continue
        if k_left is None or k_right is None or k_left == k_right:
            continue
        if k_left in _SPEECH or k_right in _SPEECH:
            # "dismissed reports that soldiers and militiamen had killed …" (a frame),
            # "threatened to cut ties with A and B": speech acts part at their own cues only
            continue
        if not (_verbal(b, left) and _verbal(b, right)) or not _predicate_next(doc, b, right):
            continue  # "attacks and arrests", "of 8 missiles and 56 drones, 49 were downed"
        return left
    return None


def _joiner_phrase(doc: Doc, k: int, hi: int) -> bool:
    """A joiner of several words starts at ``k`` ("а также", "as well as", "así como"): it
    adds an item to a list, no predicate."""
    toks = doc.tokens
    for phrase in _long_joiners(doc.lang):
        n = len(phrase)
        if k + n <= hi and tuple(t.lower for t in toks[k : k + n]) == phrase:
            return True
    return False


@lru_cache(maxsize=16)
def _long_joiners(lang: str) -> tuple[tuple[str, ...], ...]:
    numbers = read_table(lang, "pack").get("numbers", {})
    joiners = numbers.get("joiners", []) if isinstance(numbers, dict) else []
    return tuple(tuple(norm(w) for w in str(j).split()) for j in joiners if len(str(j).split()) > 1)


def split_coordinated(doc: Doc, b: ClaimBuilder) -> tuple[Clause, ...]:
    """``doc``'s clauses with every main clause cut where two coordinated predicates tell two
    claims (module rules); relative and qualifier clauses stay as they are."""
    out: list[Clause] = []
    for clause in doc.clauses:
        if clause.relative or clause.qualifier or doc.sentences[clause.sentence].heading:
            out.append(clause)
            continue
        rest = clause
        while (left := _cuts(doc, b, rest)) is not None:
            out.append(left)
            rest = _part(doc, rest, left.tok_end, rest.tok_end)
        out.append(rest)
    return tuple(out)


def promote_relatives(doc: Doc, b: ClaimBuilder, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """``clauses`` and, for each relative clause that tells an event with a verb of its own
    and a source of its own ("the depot, which according to the governor had been struck by
    drones", "снаряды, которые, по информации ДАН, прилетели с украинской стороны"), that
    clause after its pronoun as a main clause: a presupposed conflict fact is a claim
    (annotating-claims). Without a cue of its own a relative clause stays background (tried on
    all: dev and train precision fell by more than recall rose). The relative clause itself
    stays, so the main clause around it keeps its own events only."""
    out = list(clauses)
    for c in clauses:
        if not c.relative or c.tok_end - c.tok_start < _MIN_WORDS + 1:
            continue
        inner = _part(doc, dataclasses.replace(c, relative=False), c.tok_start + 1, c.tok_end)
        kind = _kind(doc, b, inner)
        if kind is None or kind in _SPEECH or kind == ClaimKind.OTHER or not _verbal(b, inner):
            continue
        if not b.pack.cues.find(doc.tokens, inner.tok_start, inner.tok_end):
            continue
        out.append(inner)
    return tuple(sorted(out, key=lambda c: (c.tok_start, -c.tok_end)))
