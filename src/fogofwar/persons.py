"""Person finder: registry figures, and role word + name shape in any supported language.

A person is found when a role word from ``roles.toml`` ("Söldner", "spokesman", "министр",
"речник"; German compounds such as "Kremlsprecher" too) stands next to a capitalised name of one
to three tokens:

- after the role, possibly across a short genitive or organisation phrase and one comma
  ("Sprecher des Kremls, Dmitri Peskow", "министр обороны России Андрей Белоусов");
- before it, as an apposition ("X Y, ein Sprecher des…", "X, a spokesman for…").

A nationality adjective just before the role word gives the country ("der chinesische Söldner
…"). Because every German noun is capitalised, a German name must contain at least one word the
German lexicon (simplemma) does not know. Registry figures (``[[person]]`` in ``actors.toml``)
are found by their aliases and lend their country and role.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import simplemma

from fogofwar.actor_match import LangLexicons, Tokens, is_cyrillic, tokenize
from fogofwar.actors import ActorEntry, PersonMatch
from fogofwar.claim import SourceKind
from fogofwar.model import Span

if TYPE_CHECKING:
    from fogofwar.actors import Compiled

__all__ = ["find_persons"]

_NAME_RE = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][a-zß-öø-ÿа-яёіїєґ'’ʼ]+")
_MAX_NAME = 3
_MAX_GAP = 5
_LEMMA_LANGS = frozenset({"en", "ru", "uk"})


def _name_token(lx: LangLexicons, toks: Tokens, k: int) -> bool:
    surface = toks.surfaces[k]
    if not _NAME_RE.fullmatch(surface) or toks.lows[k] in lx.stop:
        return False
    if is_cyrillic(surface) != lx.cyrillic_names:
        return False
    return lx.roles.match_at(toks, k) is None


def _blocked(c: Compiled, lx: LangLexicons, toks: Tokens, k: int) -> int:
    """End of a capitalised non-name phrase at ``k`` (country, registry actor, adjective)."""
    for lexicon in (lx.countries, lx.adjectives, lx.people):
        m = lexicon.match_at(toks, k)
        if m is not None:
            return m[0]
    g = c.generic_at(toks, k, lx)
    if g is not None:
        return g[0]
    m2 = c.registry_for(lx.lang).match_at(toks, k)
    if m2 is not None:
        return m2[0]
    surface = toks.surfaces[k]
    if len(surface) >= 2 and surface.isupper():
        return k + 1
    return 0


def _known_de(word: str) -> bool:
    """A German word, or a compound ending in one ("Reichsbankpräsident", "Fallinformationen")."""
    return simplemma.is_known(word, lang="de") or _compound_de(word)


def _compound_de(word: str) -> bool:
    """A German compound whose head is a known noun (not itself in the lexicon)."""
    for p in range(3, len(word) - 3):
        tail = word[p:].capitalize()
        if len(tail) >= 5 and simplemma.is_known(tail, lang="de"):
            return True
        if p >= 4 and simplemma.is_known(word[:p], lang="de") and simplemma.is_known(tail, "de"):
            return True
    return False


def _name_run(
    c: Compiled,
    lx: LangLexicons,
    toks: Tokens,
    k: int,
    *,
    strong: bool = False,
    longest: int = _MAX_NAME,
) -> int:
    """End token of a 1–3 token name starting at ``k``, or ``k`` when there is none.

    German names need a word the German lexicon does not know, or (``strong``: the apposition
    pattern) at least two words. A one-word name must not be a known word of the language
    ("Republic", "Yes").
    """
    n = len(toks)
    end = k
    while end < n and end - k < longest:
        if end > k and not toks.joined(end - 1):
            break
        if _name_token(lx, toks, end) and not _blocked(c, lx, toks, end):
            end += 1
            continue
        low = toks.lows[end]
        particle = end > k and low in lx.particles and end + 1 < n and toks.joined(end)
        if particle and _name_token(lx, toks, end + 1):
            end += 2
            continue
        break
    if end > k and lx.lang == "de":
        known = [_known_de(toks.surfaces[t]) for t in range(k, end)]
        if any(_compound_de(toks.surfaces[t]) for t in range(k, end)):
            return k  # "Polizeichef von Kandahar"
        if all(simplemma.is_known(toks.lows[t], lang="en") for t in range(k, end)):
            return k  # "Public License": English words, not a name
        if all(known) and not (strong and end - k >= 2):
            return k
        if all(known):
            return end
        while end > k and known[end - k - 1]:  # "Yuzhang Armee" → drop a trailing known noun
            end -= 1
    elif end - k == 1 and lx.lang in _LEMMA_LANGS and simplemma.is_known(toks.lows[k], lx.lang):
        return k
    return end


def _name_after(c: Compiled, lx: LangLexicons, toks: Tokens, j: int) -> tuple[int, int] | None:
    """A name after a role word ending at token ``j``, across a short genitive phrase."""
    n = len(toks)
    k = j
    commas = 0
    prep = article = False
    while k < n and k - j <= _MAX_GAP:
        gap = toks.gap(k - 1)
        if "," in gap:
            commas += 1
        if commas > 1 or any(ch in gap for ch in ".:;!?()[]\n"):
            return None
        surface, low = toks.surfaces[k], toks.lows[k]
        if _name_token(lx, toks, k):
            blocked = _blocked(c, lx, toks, k)
            if not blocked:
                if prep:  # "Minister of Finance Anton Siluanov": the name is the last two words
                    end = _name_run(c, lx, toks, k, longest=6)
                    start = _last_two_words(toks, k, end)
                    return (start, end) if start > k else None
                end = _name_run(c, lx, toks, k)
                if end == k and (lx.gap_lowercase or lx.gap_capitalised):
                    k += 1  # a known capitalised word: "Белгородской (области)"
                    continue
                if end > k and _place_noun(lx, toks, end):  # "Курской области"
                    k = end + 1
                    continue
                return (k, end) if end > k else None
            k = blocked
            prep = False  # the organisation after "of" is read: "President of Kyrgyzstan X Y"
            continue
        if surface[:1].isupper():
            blocked = _blocked(c, lx, toks, k)
            if blocked:
                k = blocked
                prep = False
                continue
            if not lx.gap_capitalised:
                return None
            k += 1  # German noun inside the genitive phrase
            continue
        prep = prep or low in lx.gap_prepositions
        # an adjective only inside a phrase opened by an article: "des russischen …", not the
        # verb in "… Söldner enthüllte Yuzhang"
        modifier = article and lx.is_modifier(low, surface)
        if low in lx.stop or modifier or lx.gap_lowercase:
            article = article or low in lx.stop
            k += 1
            continue
        return None
    return None


def _last_two_words(toks: Tokens, k: int, end: int) -> int:
    """Start of the last two words of tokens ``[k, end)``, hyphenated parts counting as one."""
    start = end - 1
    words = 1
    while start > k:
        if toks.gap(start - 1) in ("-", "‐"):
            start -= 1
        elif words < 2:
            start -= 1
            words += 1
        else:
            break
    return start


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
        if low in lx.stop or lx.is_modifier(low, surface) or lx.adjectives.match_at(toks, k):
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
    start = end
    while start > 0 and end - start < _MAX_NAME and _name_token(lx, toks, start - 1):
        if start < end and not toks.joined(start - 1):
            break
        start -= 1
    if start == end:
        return None
    fixed = _name_run(c, lx, toks, start, strong=True)
    return (start, fixed) if fixed == end else None


def _role_at(lx: LangLexicons, toks: Tokens, i: int) -> tuple[int, int] | None:
    m = lx.roles.match_at(toks, i)
    if m is not None:
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


def _org_near(
    c: Compiled, lx: LangLexicons, toks: Tokens, i: int, j: int, stop: int
) -> tuple[SourceKind | None, str | None]:
    """Source kind and country of the organisation a role word belongs to.

    Looks at a registry actor ending right before the role word ("Kremlin spokesman") and at the
    words after it up to ``stop`` (the name, or four words), within the sentence.
    """
    for k in range(i - 1, max(-1, i - 5), -1):
        if not toks.joined(k):
            break
        m = c.registry_for(lx.lang).match_at(toks, k)
        if m is not None and m[0] == i:
            e = c.entries[m[1]]
            return e.source_kind, e.country
    for k in range(j, min(len(toks), stop, j + 4)):
        if any(ch in toks.gap(k - 1) for ch in ".:;!?\n"):
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
            country = c.country_after(toks, g[0], lx)  # "Минобороны Польши"
            return SourceKind(c.categories[g[1]].source_kind), country[1] if country else None
    return None, None


def find_persons(c: Compiled, text: str, lang: str) -> tuple[PersonMatch, ...]:
    """Named persons in ``text`` with their role words, by position (see module docstring)."""
    toks = tokenize(text)
    lx = c.lex(lang)
    known: dict[tuple[int, int], ActorEntry] = {
        (i, j): c.persons[idx] for i, j, idx in c.persons_for(lang).scan(toks)
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
        if name is not None:
            source = SourceKind(rdef.source_kind)
            stop = name[0] if name[0] >= j else len(toks)
            org_source, org_country = _org_near(c, lx, toks, i, j, stop)
            if rdef.inherit and org_source is not None:
                source = org_source
            entry = next((e for (a, b), e in known.items() if a < name[1] and name[0] < b), None)
            country = (
                _country_before(lx, toks, i) or (entry.country if entry else None) or org_country
            )
            found[name] = _match(toks, name, rdef.role, (i, j), country, source, entry)
        i = j
    for (a, b), entry in known.items():
        if any(a < e and s < b for s, e in found):
            continue
        sk = entry.source_kind
        found[(a, b)] = _match(toks, (a, b), entry.role, None, entry.country, sk, entry)
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
