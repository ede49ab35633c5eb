"""Person finder: registry figures, and role word + name shape in any supported language.

A person is found when a role word from ``roles.toml`` ("Söldner", "spokesman", "министр",
"речник"; German compounds such as "Kremlsprecher" too) stands next to a capitalised name of one
to three tokens:

- after the role, possibly across a short genitive or organisation phrase and one comma
  ("Sprecher des Kremls, Dmitri Peskow", "министр обороны России Андрей Белоусов"; French,
  Spanish, Italian: the role's complement, "le porte-parole de l'armée ukrainienne, X");
- before it, as an apposition ("X Y, ein Sprecher des…", "X, a spokesman for…").

A nationality adjective just before the role word gives the country ("der chinesische Söldner
…"; after it in French, Spanish and Italian: "le président ukrainien"). Because every German
noun is capitalised, a German name must contain at least one word the German lexicon
(simplemma) does not know, or start with a listed given name. Registry figures
(``[[person]]`` in ``actors.toml``) are found by their aliases and lend their country and role.
Names without a role word — next to a speech verb, or "first name + surname" — and what makes a
word a name word are in :mod:`fogofwar.actors.names`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fogofwar.actors.entries import ActorEntry, PersonMatch
from fogofwar.actors.lexicons import LangLexicons
from fogofwar.actors.match import Tokens, tokenize
from fogofwar.actors.names import (
    SENTENCE_END,
    blocked,
    common_word,
    first_names_before,
    full_names,
    initial,
    last_two_words,
    name_run,
    name_span,
    name_token,
    run_start,
    speaker_names,
    word_surname,
)
from fogofwar.actors.shape import is_verb
from fogofwar.claim import SourceKind
from fogofwar.model import Span

if TYPE_CHECKING:
    from fogofwar.actors.compiled import Compiled

__all__ = ["find_persons"]

_MAX_GAP = 5
_MAX_COMPLEMENT = 8  # "le porte-parole du ministère russe des Affaires étrangères, X"


def _after_preposition(
    c: Compiled, lx: LangLexicons, toks: Tokens, k: int
) -> tuple[int, int] | None:
    """Read "Minister of Finance (Anton) Siluanov": skip the organisation's common words."""
    end = name_run(c, lx, toks, k, longest=6)
    if end == k:
        return None
    if lx.cyrillic_names or lx.compounds:
        start = last_two_words(toks, k, end)
        return (start, end) if start > k else None
    start = k
    while start < end and (common_word(lx, toks.lows[start]) or initial(toks, start)):
        start += 1
    if start == end and lx.gap_complement:
        return None  # common words only: "de la Media Luna Roja" names a body
    if start in (k, end):  # nothing skipped: "of Kyiv Vitali Klitschko" → last two
        start = last_two_words(toks, k, end)
        return (start, end) if start > k else None
    if end - start > 2:
        start = last_two_words(toks, start, end)
    return start, end


_ABBREVIATION = 4  # letters of an abbreviated title ("Gen.", "Col.", "Capt.")


def _abbreviated(toks: Tokens, k: int) -> bool:
    """The stop before token ``k`` closes the abbreviated title before it ("Gen. | Juan
    Amaya"), not a sentence: a short capitalised word, a full stop and a capitalised word."""
    prev = toks.surfaces[k - 1] if k > 0 else ""
    return (
        toks.gap(k - 1).strip() == "."
        and 2 <= len(prev) <= _ABBREVIATION
        and prev[:1].isupper()
        and prev[1:].islower()
        and toks.surfaces[k][:1].isupper()
    )


_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")  # a dash between words, not a hyphen


def _name_after(c: Compiled, lx: LangLexicons, toks: Tokens, j: int) -> tuple[int, int] | None:
    """A name after a role word ending at token ``j``, across a short genitive phrase.

    French, Spanish and Italian (``complement``): the role's complement may hold lower-case
    words after a preposition and nationality adjectives ("le porte-parole de l'armée
    ukrainienne, X"; "il ministro russo degli Esteri X"); a capitalised place or organisation
    inside it is skipped ("el alcalde de Járkov, X"), and a comma closes it.
    """
    n = len(toks)
    k = j
    commas = 0
    prep = article = inside = False
    shape = c.shapes[lx.lang]
    longest = _MAX_COMPLEMENT if lx.gap_complement else _MAX_GAP
    while k < n and k - j <= longest:
        gap = toks.gap(k - 1)
        if "," in gap:
            commas += 1
            if lx.gap_complement:
                prep = inside = False
        if commas > 1 or (
            any(ch in gap for ch in SENTENCE_END) and not (k == j and _abbreviated(toks, k))
        ):
            return None
        if _DASH.fullmatch(gap):
            return None  # "…, погиб мирный житель – Синегубов": a dash sets off the source
        surface, low = toks.surfaces[k], toks.lows[k]
        org = not lx.cyrillic_names and surface[:1].isupper() and shape.is_org(low)
        if org and not prep and not inside:
            return None  # the role word is part of a name: "Major League", "General Assembly"
        if word_surname(c, lx, toks, k):
            end = name_run(c, lx, toks, k + 1)
            return (k, end) if end > k + 1 else None
        if name_token(c, lx, toks, k):
            skip = blocked(c, lx, toks, k)
            if not skip:
                if prep:
                    named = _after_preposition(c, lx, toks, k)
                    if named is not None or not lx.gap_complement:
                        return named
                    k = max(name_run(c, lx, toks, k, longest=6), k + 1)  # "de Járkov, X"
                    prep = False
                    continue
                span = name_span(c, lx, toks, k)
                if span is None and (lx.gap_lowercase or lx.gap_capitalised):
                    k += 1  # a known capitalised word: "Белгородской (области)"
                    continue
                if span is not None and _place_noun(lx, toks, span[1]):  # "Курской области"
                    k = span[1] + 1
                    continue
                return span
            k = skip
            prep = False  # the organisation after "of" is read: "President of Kyrgyzstan X Y"
            continue
        if surface[:1].isupper():
            skip = blocked(c, lx, toks, k)
            if skip:
                k = skip
                prep = False
                continue
            if not lx.gap_capitalised and not (inside and lx.gap_complement):
                return None
            k += 1  # German noun inside the genitive phrase; "des Affaires (étrangères)"
            continue
        if lx.cyrillic_names and is_verb(low, lx.lang):
            return None  # a verb ends the role phrase: "командир заявил …"
        if low in lx.gap_breakers:
            return None  # "le porte-parole a déclaré que …"
        if low in lx.gap_prepositions:
            prep = inside = True
        elif lx.gap_complement and low not in lx.stop:
            prep = False  # a common word after the preposition: "de la région (X)"
            inside = inside or _elided_preposition(lx, low)  # "de l'armée", "dell'esercito"
        # an adjective only inside a phrase opened by an article: "des russischen …", not the
        # verb in "… Söldner enthüllte Petrenko"
        modifier = article and lx.is_modifier(low, surface)
        # "il capo (dell'amministrazione)", "la jefa adjunta", "le président ukrainien", "le
        # conseiller présidentiel": adjectives follow the role word
        adjective = low in lx.modifiers or lx.adjectives.match_at(toks, k) is not None
        adjective = adjective or (not inside and lx.is_modifier(low, surface))
        complement = lx.gap_complement and (inside or adjective)
        if low in lx.stop or modifier or lx.gap_lowercase or complement:
            article = article or low in lx.stop
            k += 1
            continue
        return None
    return None


def _elided_preposition(lx: LangLexicons, low: str) -> bool:
    """A word glued to an elided article or preposition ("l'armée", "dell'esercito")."""
    for sep in ("'", "’"):
        head, found, rest = low.partition(sep)
        if found and rest and head + "'" in lx.elisions:
            return True
    return False


def _place_noun(lx: LangLexicons, toks: Tokens, k: int) -> bool:
    """Token ``k`` is a place noun right after the previous token ("… области", "… ОВА")."""
    if k >= len(toks) or not toks.joined(k - 1):
        return False
    return toks.lows[k].startswith(lx.place_nouns) if lx.place_nouns else False


def _name_before(c: Compiled, lx: LangLexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    """A name before "…, (a/der) (adjectives) ROLE": the apposition pattern."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 4 and "," not in toks.gap(k):
        low, surface = toks.lows[k], toks.surfaces[k]
        if low in lx.gap_breakers:
            return None  # a verb before the role: "…, ha dichiarato il portavoce"
        # French/Spanish/Italian adjectives follow the noun: a participle before the role
        # belongs to a verb ("ha dichiarato ancora il portavoce")
        modifier = not lx.gap_complement and lx.is_modifier(low, surface)
        if low in lx.stop or modifier or lx.adjectives.match_at(toks, k):
            k -= 1
            steps += 1
            continue
        if c.registry_for(lx.lang).match_at(toks, k) is not None:  # "X, the Kremlin spokesman"
            k -= 1
            steps += 1
            continue
        return None
    if k < 0 or "," not in toks.gap(k):
        return None
    if any(ch in toks.gap(k) for ch in ".:;!?\n"):
        return None
    end = k + 1
    start = run_start(c, lx, toks, end)
    if start == end:
        return None
    span = name_span(c, lx, toks, start, strong=True)
    return span if span is not None and span[1] == end else None


def _role_at(lx: LangLexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    m = lx.roles.match_at(toks, i)
    if m is not None:
        if lx.gap_complement and m[0] < len(toks) and toks.gap(m[0] - 1) in ("-", "‐"):
            return None  # part of a hyphenated noun: "chef-lieu" is no chief
        return m
    if lx.role_heads:
        idx = lx.head(lx.role_heads, toks.lows[i])
        if idx is not None:
            return i + 1, idx
    return None


def _country_before(lx: LangLexicons, toks: Tokens, i: int) -> str | None:
    """The nationality adjective among the (up to three) words before a role word."""
    k = i - 1
    while k >= 0 and i - k <= 3 and toks.joined(k):
        for start in (k, k - 1):
            if start < 0:
                continue
            m = lx.adjectives.match_at(toks, start)
            if m is not None and m[0] == k + 1:
                return m[1] or None
        k -= 1
    return None


def _country_after(lx: LangLexicons, toks: Tokens, j: int) -> str | None:
    """French/Spanish/Italian: the nationality adjective right after a role word ("le
    président ukrainien", "il ministro russo")."""
    m = lx.adjective_after_noun(toks, j) if j < len(toks) else None
    return m[1] if m is not None else None


def _org_near(
    c: Compiled, lx: LangLexicons, toks: Tokens, i: int, j: int, stop: int
) -> tuple[SourceKind | None, str | None]:
    """Source kind and country of the organisation a role word belongs to.

    Looks at a registry actor ending right before the role word ("Kremlin spokesman") and at the
    words after it up to ``stop`` (the name, or four words), within the title's phrase (no
    comma).
    """
    for k in range(i - 1, max(-1, i - 5), -1):
        # a dash sets a dateline off ("ІНТЕРФАКС-УКРАЇНА – Голова ОВА X"): the agency is no body
        # of the title's
        if not toks.joined(k) or any(d in toks.gap(k) for d in "–—"):
            break
        m = c.registry_for(lx.lang).match_at(toks, k)
        if m is not None and m[0] == i:
            e = c.entries[m[1]]
            if e.source_kind == SourceKind.SOCIAL_MEDIA:
                break  # "у Telegram речник …": the channel, not the speaker's body
            return e.source_kind, e.country
        g = c.generic_at(toks, k, lx)
        if g is not None and g[0] == i:  # "a civil society leader", "militia leader"
            return SourceKind(c.categories[g[1]].source_kind), None
    for k in range(j, min(len(toks), stop, j + 4)):
        # within the title's phrase: "X, the Ukrainian president, said the army …" names no
        # body of the president's
        if any(ch in toks.gap(k - 1) for ch in ".:;!?,\n"):
            break
        m = c.registry_for(lx.lang).match_at(toks, k)
        if m is not None:
            e = c.entries[m[1]]
            return e.source_kind, e.country
        adj = lx.adjectives.match_at(toks, k)
        if adj is not None and adj[1]:  # "des polnischen Verteidigungsministeriums"
            noun = c.noun_after_adjective(toks, adj[0], lx) if adj[0] < len(toks) else None
            if noun is not None:
                return SourceKind(c.categories[noun[1]].source_kind), adj[1]
        g = c.generic_at(toks, k, lx)
        if g is not None:
            country = c.country_after(toks, g[0], lx) or lx.adjective_after_noun(toks, g[0])
            return SourceKind(c.categories[g[1]].source_kind), country[1] if country else None
    return None, None


def find_persons(c: Compiled, text: str, lang: str) -> tuple[PersonMatch, ...]:
    """Named persons in ``text`` with their role words, by position (see module docstring)."""
    toks = tokenize(text)
    lx = c.lex(lang)
    known: dict[tuple[int, int], ActorEntry] = {
        (first_names_before(lx, toks, i), j): c.persons[idx]
        for i, j, idx in c.persons_for(lang).scan(toks)
    }
    found: dict[tuple[int, int], PersonMatch] = {}
    n = len(toks)
    i = 0
    while i < n:
        role = _role_at(lx, toks, i)
        if role is None:
            i += 1
            continue
        j, idx = role
        rdef = c.role_defs[idx]
        name = _name_after(c, lx, toks, j) or _name_before(c, lx, toks, i)
        if name is not None and lx.gap_complement and name in found:
            name = None  # the head comes first: "il capo dell'amministrazione militare, X"
        if name is not None:
            source = SourceKind(rdef.source_kind) if rdef.source_kind else None
            stop = name[0] if name[0] >= j else len(toks)
            org_source, org_country = _org_near(c, lx, toks, i, j, stop)
            # a channel next to the role ("у Telegram керівник ОВА X") is where the words
            # were said, not the body the person heads or speaks for
            if rdef.inherit and org_source not in (None, SourceKind.SOCIAL_MEDIA):
                # the head or spokesperson of an armed group speaks for it (claims-v1: military),
                # not as a fighter for himself
                source = SourceKind.MILITARY if org_source == SourceKind.COMBATANT else org_source
            if source is None:  # a role with no kind of its own heads no body named here
                i = j
                continue
            entry = next((e for (a, b), e in known.items() if a < name[1] and name[0] < b), None)
            country = (
                _country_before(lx, toks, i)
                or _country_after(lx, toks, j)
                or (entry.country if entry else None)
                or org_country
            )
            found[name] = _match(toks, name, rdef.role, (i, j), country, source, entry)
        i = j
    for (a, b), entry in known.items():
        if any(a < e and s < b for s, e in found):
            continue
        sk = entry.source_kind
        found[(a, b)] = _match(toks, (a, b), entry.role, None, entry.country, sk, entry)
    for a, b in [*speaker_names(c, lx, toks), *full_names(c, lx, toks)]:
        if not any(a < e and s < b for s, e in found):
            found[(a, b)] = _match(toks, (a, b), None, None, None, None, None)
    return tuple(found[k] for k in sorted(found))


def _match(
    toks: Tokens,
    name: tuple[int, int],
    role: str | None,
    role_toks: tuple[int, int] | None,
    country: str | None,
    source: SourceKind | None,
    entry: ActorEntry | None,
) -> PersonMatch:
    s, e = toks.starts[name[0]], toks.ends[name[1] - 1]
    if toks.text.endswith(("'s", "’s"), s, e) and e - s > 2:
        e -= 2  # "Arthur Farrell's book": the name without the possessive
    role_span = None
    if role_toks is not None:
        role_span = Span(toks.starts[role_toks[0]], toks.ends[role_toks[1] - 1])
    return PersonMatch(
        span=Span(s, e),
        name=toks.text[s:e],
        role=role,
        role_span=role_span,
        country=country,
        source_kind=source,
        entry=entry,
    )
