"""Name shape at token level for the person finder: name runs, blocks, bare names.

A name is one to three capitalised words joined by spaces or a hyphen (initials with a full
stop count: "Meredith H. Shade"). Words that are countries, nationality adjectives, registry
actors, organisation words (``[org_words]``), quoted titles or — in Russian/Ukrainian text —
places and common nouns by morphology (:mod:`fogofwar.actors.shape`) block a name. Without a role
word, a name is taken before or after a speech verb ("Peter Koch sagte", "Иванов заявил") and
as "first name + surname" (Russian/Ukrainian by morphology, German/English from a list of given
names).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import simplemma

from fogofwar.actors.lexicons import LangLexicons
from fogofwar.actors.match import Tokens, is_cyrillic
from fogofwar.actors.shape import (
    BAD,
    FIRST,
    NAME,
    OTHER,
    PLACE,
    cyrillic_agree,
    cyrillic_class,
    cyrillic_name_ok,
    cyrillic_person,
)

if TYPE_CHECKING:
    from fogofwar.actors.compiled import Compiled

__all__ = [
    "MAX_NAME",
    "NAME_GAP_RE",
    "NAME_RE",
    "SENTENCE_END",
    "blocked",
    "common_word",
    "first_names_before",
    "full_names",
    "initial",
    "last_two_words",
    "name_joined",
    "name_run",
    "name_span",
    "name_token",
    "run_start",
    "speaker_names",
    "word_surname",
]

NAME_RE = re.compile(
    r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][a-zß-öø-ÿа-яёіїєґ'’ʼ]+(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"  # "McCain"
)
# Between two words of one name: spaces or one hyphen ("Римский-Корсаков"); after an initial, a
# full stop ("Meredith H. Shade"). Quotes, dashes and line breaks end a name.
NAME_GAP_RE = re.compile(r"[ \t\u00a0]{1,3}|[-‐]")
_INITIAL_GAP_RE = re.compile(r"\.[ \t\u00a0]{0,2}")
_INITIAL_RE = re.compile(r"[A-ZА-ЯЁІЇЄҐ]")
_OPEN_QUOTES = '«„“"‚‹'
_CLOSE_QUOTES = '»“”"‘’›'
SENTENCE_END = ".:;!?()[]\n"
_HYPHENS = ("-", "‐")
MAX_NAME = 3
_MAX_GAP = 5


def name_token(c: Compiled, lx: LangLexicons, toks: Tokens, k: int) -> bool:
    """A capitalised word that may be part of a person's name in text of ``lx.lang``."""
    surface = toks.surfaces[k]
    low = toks.lows[k]
    if not NAME_RE.fullmatch(surface) or low in lx.stop:
        return False
    if is_cyrillic(surface) != lx.cyrillic_names:
        return False
    if lx.roles.match_at(toks, k) is not None:
        return False
    if lx.cyrillic_names:
        cls = cyrillic_class(low, lx.lang)
        if cls == FIRST:
            return True
        if cls in (BAD, PLACE):
            return False
    return not c.shapes[lx.lang].is_org(low)


def _surname_after_first(c: Compiled, lx: LangLexicons, toks: Tokens, k: int) -> bool:
    """A Cyrillic surname that is also a common word, right after a first name ("Бриг")."""
    if not lx.cyrillic_names or k == 0 or not name_joined(toks, k - 1):
        return False
    surface = toks.surfaces[k]
    if not NAME_RE.fullmatch(surface) or not is_cyrillic(surface) or toks.lows[k] in lx.stop:
        return False
    if cyrillic_class(toks.lows[k - 1], lx.lang) != FIRST:
        return False
    if cyrillic_class(toks.lows[k], lx.lang) not in (BAD, PLACE):  # "Бриг", "Ливанов"
        return False
    if c.shapes[lx.lang].is_org(toks.lows[k]) or lx.countries.match_at(toks, k) is not None:
        return False
    return c.registry_for(lx.lang).match_at(toks, k) is None


def word_surname(c: Compiled, lx: LangLexicons, toks: Tokens, k: int) -> bool:
    """A Cyrillic name that starts with a common word, then a surname-like word ("Ван Тао")."""
    if not lx.cyrillic_names or k + 1 >= len(toks) or not name_joined(toks, k):
        return False
    surface, low = toks.surfaces[k], toks.lows[k]
    if not NAME_RE.fullmatch(surface) or not is_cyrillic(surface) or low in lx.stop:
        return False
    cls, nxt = cyrillic_class(low, lx.lang), cyrillic_class(toks.lows[k + 1], lx.lang)
    if not (cls == BAD and nxt in (NAME, OTHER)) and not (cls == PLACE and nxt == OTHER):
        return False  # "Ван Тао" (Van is also a lake), not "Москвы Юрия Лужкова"
    if c.shapes[lx.lang].is_org(low) or lx.countries.match_at(toks, k) is not None:
        return False
    if c.registry_for(lx.lang).match_at(toks, k) is not None:
        return False
    return name_token(c, lx, toks, k + 1)


def name_joined(toks: Tokens, i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` may be two words of one name."""
    gap = toks.gap(i)
    if NAME_GAP_RE.fullmatch(gap):
        return True
    return bool(_INITIAL_RE.fullmatch(toks.surfaces[i]) and _INITIAL_GAP_RE.fullmatch(gap))


def initial(toks: Tokens, k: int) -> bool:
    """Token ``k`` is an initial followed by a full stop ("H." in "Meredith H. Shade")."""
    return (
        k + 1 < len(toks)
        and bool(_INITIAL_RE.fullmatch(toks.surfaces[k]))
        and bool(_INITIAL_GAP_RE.fullmatch(toks.gap(k)))
    )


def _quoted_end(toks: Tokens, k: int) -> int:
    """After a quoted title opening at token ``k`` (« Яблоко », "Bild"): the token after it."""
    if k == 0:
        return 0
    before = toks.gap(k - 1).rstrip()
    quote = before[-1:]
    if not quote or quote not in _OPEN_QUOTES:
        return 0
    if quote == '"' and len(before) >= 2 and not before[-2].isspace():
        return 0  # '," ' closes a quotation
    for j in range(k, min(len(toks), k + 6)):
        gap = toks.gap(j) if j + 1 < len(toks) else ""
        if gap.lstrip()[:1] in _CLOSE_QUOTES and gap.strip():
            return j + 1
        if any(ch in gap for ch in SENTENCE_END):
            return 0
    return 0


def blocked(c: Compiled, lx: LangLexicons, toks: Tokens, k: int) -> int:
    """End of a capitalised non-name phrase at ``k`` (country, registry actor, adjective,
    organisation word, Russian/Ukrainian place or common noun, quoted title)."""
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
    quoted = _quoted_end(toks, k)
    if quoted:
        return quoted
    surface = toks.surfaces[k]
    if len(surface) >= 2 and surface.isupper():
        return k + 1
    if c.shapes[lx.lang].is_org(toks.lows[k]):
        return k + 1
    cyr = lx.cyrillic_names and is_cyrillic(surface) and surface[:1].isupper()
    if cyr and cyrillic_class(toks.lows[k], lx.lang) in (BAD, PLACE):
        return k + 1
    return 0


def _known(word: str, lang: str) -> bool:
    """A word of a compounding language, or a compound ending in one ("Reichsbankpräsident")."""
    return simplemma.is_known(word, lang=lang) or _compound(word, lang)


def _compound(word: str, lang: str) -> bool:
    """A compound whose head is a known noun (not itself in the lexicon)."""
    for p in range(3, len(word) - 3):
        tail = word[p:].capitalize()
        if len(tail) >= 5 and simplemma.is_known(tail, lang=lang):
            return True
        if p >= 4 and simplemma.is_known(word[:p], lang=lang) and simplemma.is_known(tail, lang):
            return True
    return False


def name_run(
    c: Compiled,
    lx: LangLexicons,
    toks: Tokens,
    k: int,
    *,
    strong: bool = False,
    longest: int = MAX_NAME,
) -> int:
    """End token of a 1–3 token name starting at ``k``, or ``k`` when there is none.

    German names need a word the German lexicon does not know, or (``strong``: the apposition
    pattern) at least two words. A one-word name must not be a known word of the language
    ("Republic", "Yes"). A German/English run followed by an organisation word is part of the
    organisation's name ("Max Planck Institute"). Initials count as words ("Meredith H. Shade").
    """
    n = len(toks)
    end = k
    words = 0
    while end < n and words < longest:
        if end > k and not name_joined(toks, end - 1):
            break
        if initial(toks, end) and end + 1 < n and name_token(c, lx, toks, end + 1):
            end += 1  # the initial; the word after it is read next
            continue
        if name_token(c, lx, toks, end) and not blocked(c, lx, toks, end):
            end += 1
            words += 1
            continue
        if end > k and _surname_after_first(c, lx, toks, end):
            end += 1
            words += 1
            continue
        low = toks.lows[end]
        particle = end > k and low in lx.particles and end + 1 < n and name_joined(toks, end)
        if particle and name_token(c, lx, toks, end + 1):
            end += 2
            words += 1
            continue
        break
    if end == k:
        return k
    org_after = end < n and name_joined(toks, end - 1) and c.shapes[lx.lang].is_org(toks.lows[end])
    if org_after and not lx.cyrillic_names:
        return k  # "Max Planck Institute", "Major League Baseball"
    if lx.cyrillic_names:
        lows = toks.lows[k:end]
        while lows and not cyrillic_name_ok(lows, lx.lang):
            lows = lows[:-1]
        return k + len(lows) if len(lows) != 1 or not common_word(lx, lows[0]) else k
    if lx.compounds:
        known = [_known(toks.surfaces[t], lx.lang) for t in range(k, end)]
        if any(_compound(toks.surfaces[t], lx.lang) for t in range(k, end)):
            return k  # "Polizeichef von Kandahar"
        if all(simplemma.is_known(toks.lows[t], lang="en") for t in range(k, end)):
            return k  # "Public License": English words, not a name
        given = words >= 2 and toks.lows[k] in c.given_names[lx.lang]  # "Peter Koch"
        if all(known) and not (strong and words >= 2) and not given:
            return k
        if all(known):
            return end
        while end > k and known[end - k - 1]:  # "Petrenko Armee" → drop a trailing known noun
            end -= 1
    elif words == 1 and end - k == 1 and common_word(lx, toks.lows[k]):
        return k
    return end


def common_word(lx: LangLexicons, low: str) -> bool:
    """A word of the language's lexicon (simplemma), for one-word names."""
    if not lx.lemma_names or not simplemma.is_known(low, lx.lang):
        return False
    if lx.cyrillic_names:  # a surname the lexicon also knows ("Мельник") stays a name
        return cyrillic_class(low, lx.lang) not in (FIRST, NAME)
    return True


def name_span(
    c: Compiled, lx: LangLexicons, toks: Tokens, k: int, *, strong: bool = False
) -> tuple[int, int] | None:
    """The name starting at ``k`` as (start, end) tokens: one person in Cyrillic runs."""
    end = name_run(c, lx, toks, k, strong=strong)
    if end == k:
        return None
    if (k > 0 and toks.gap(k - 1) in _HYPHENS) or (
        end < len(toks) and toks.gap(end - 1) in _HYPHENS
    ):
        return None  # part of a hyphenated word: "Санкт(-Петербург)", "Su-(Ai-Nee)"
    if lx.cyrillic_names and end - k >= 2:
        a, b = cyrillic_person(toks.lows[k:end], lx.lang)
        return k + a, k + b
    return k, end


def last_two_words(toks: Tokens, k: int, end: int) -> int:
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


def run_start(c: Compiled, lx: LangLexicons, toks: Tokens, end: int) -> int:
    """Start of the (up to three-word) name run ending at token ``end``."""
    start = end
    words = 0
    while start > 0 and words < MAX_NAME:
        if start < end and not name_joined(toks, start - 1):
            break
        if start < end and initial(toks, start - 1):
            start -= 1
            continue
        if not name_token(c, lx, toks, start - 1):
            break
        start -= 1
        words += 1
    return start


def first_names_before(lx: LangLexicons, toks: Tokens, i: int) -> int:
    """Start of a registry figure's name widened over Russian/Ukrainian first names before the
    matched surname ("Реджеп Эрдоган" when the registry knows "Эрдоган")."""
    if not lx.cyrillic_names:
        return i
    start = i
    while start > 0 and i - start < 2 and name_joined(toks, start - 1):
        surface = toks.surfaces[start - 1]
        if not NAME_RE.fullmatch(surface) or not is_cyrillic(surface):
            break
        if cyrillic_class(toks.lows[start - 1], lx.lang) != FIRST:
            break
        start -= 1
    return start


def speaker_names(c: Compiled, lx: LangLexicons, toks: Tokens) -> list[tuple[int, int]]:
    """Names without a role word, right before a speech verb ("Peter Koch sagte", "Иванов
    заявил") or right after one at the end of a clause (", said John Smith.")."""
    verbs = c.speech_verbs.get(lx.lang)
    if not verbs:
        return []
    out: list[tuple[int, int]] = []
    n = len(toks)
    for v in range(n):
        if toks.lows[v] not in verbs:
            continue
        end = v
        aux = v > 1 and toks.lows[v - 1] in lx.speech_auxiliaries
        if aux and NAME_GAP_RE.fullmatch(toks.gap(v - 1)):
            end = v - 1  # "Oleh Kiper a déclaré", "Zelenski ha dicho"
        if end > 0 and NAME_GAP_RE.fullmatch(toks.gap(end - 1)):
            start = run_start(c, lx, toks, end)
            if start < end and _bare_name(c, lx, toks, start, end):
                out.append((start, end))
                continue
        if v + 1 < n and NAME_GAP_RE.fullmatch(toks.gap(v)):
            span = name_span(c, lx, toks, v + 1)
            if span is None or span[0] != v + 1:
                continue
            after = toks.gap(span[1] - 1) if span[1] < n else "."
            if any(ch in after for ch in ".,;:!?\n") and _bare_name(c, lx, toks, *span):
                out.append(span)
    return out


def full_names(c: Compiled, lx: LangLexicons, toks: Tokens) -> list[tuple[int, int]]:
    """Read "first name + surname" with no role word: Russian/Ukrainian by morphology ("Павел
    Дуров": the surname must agree in case and gender), German/English with a listed given
    name ("Peter Koch")."""
    find = _first_surname if lx.cyrillic_names else _given_surname
    out: list[tuple[int, int]] = []
    n = len(toks)
    t = 0
    while t < n - 1:
        end = find(c, lx, toks, t)
        if end:
            out.append((t, end))
            t = end
        else:
            t += 1
    return out


def _first_surname(c: Compiled, lx: LangLexicons, toks: Tokens, t: int) -> int:
    """End of "first name (+ patronymic) + surname" starting at token ``t``, else 0."""
    n = len(toks)
    if not _cyr_word(lx, toks, t) or cyrillic_class(toks.lows[t], lx.lang) != FIRST:
        return 0
    if t > 0 and name_joined(toks, t - 1) and name_token(c, lx, toks, t - 1):
        return 0  # inside a longer run: left to the role-word reading
    s = t + 1
    if (
        s < n - 1
        and name_joined(toks, t)
        and _cyr_word(lx, toks, s)
        and cyrillic_class(toks.lows[s], lx.lang) == FIRST
    ):
        s += 1  # a patronymic: "Иван Иванович Иванов"
    if s >= n or not name_joined(toks, s - 1) or not _cyr_word(lx, toks, s):
        return 0
    if cyrillic_class(toks.lows[s], lx.lang) != NAME or not name_token(c, lx, toks, s):
        return 0
    if not cyrillic_agree(toks.lows[t], toks.lows[s], lx.lang):
        return 0
    if s + 1 < n and name_joined(toks, s) and name_token(c, lx, toks, s + 1):
        return 0  # a longer capitalised run
    if any(blocked(c, lx, toks, k) for k in range(t, s + 1)):
        return 0
    return s + 1


def _given_surname(c: Compiled, lx: LangLexicons, toks: Tokens, t: int) -> int:
    """End of "listed given name + one or two name words" starting at token ``t``, else 0."""
    given = c.given_names.get(lx.lang)
    if not given or toks.lows[t] not in given or not toks.surfaces[t][:1].isupper():
        return 0
    if t > 0 and name_joined(toks, t - 1) and name_token(c, lx, toks, t - 1):
        return 0  # inside a longer run
    if not name_joined(toks, t) or not name_token(c, lx, toks, t + 1):
        return 0
    span = name_span(c, lx, toks, t)
    if span is None or span[0] != t or span[1] - t < 2:
        return 0
    end = span[1]
    more = end < len(toks) and name_joined(toks, end - 1)
    if more and (name_token(c, lx, toks, end) or toks.lows[end] in lx.particles):
        return 0  # longer than three words: "Carl Heinrich Georg von Heyden"
    if any(blocked(c, lx, toks, k) for k in range(t, end)):
        return 0
    return end


def _cyr_word(lx: LangLexicons, toks: Tokens, k: int) -> bool:
    surface = toks.surfaces[k]
    return bool(NAME_RE.fullmatch(surface)) and is_cyrillic(surface) and toks.lows[k] not in lx.stop


def _bare_name(c: Compiled, lx: LangLexicons, toks: Tokens, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are a person's name with no role word to vouch for it."""
    if start > 0 and name_joined(toks, start - 1) and name_token(c, lx, toks, start - 1):
        return False  # part of a longer capitalised run
    if any(blocked(c, lx, toks, t) for t in range(start, end)):
        return False
    if lx.cyrillic_names:
        return cyrillic_name_ok(toks.lows[start:end], lx.lang, bare=True)
    words = [t for t in range(start, end) if not initial(toks, t)]
    if len(words) < 2 or name_run(c, lx, toks, start) != end:
        return False
    return not all(common_word(lx, toks.lows[t]) for t in words)
