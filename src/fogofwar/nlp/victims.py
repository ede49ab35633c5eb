"""Victims named without a figure, counted by grammatical number (languages with a morphology
analyser: the pack's ``[meta] morphology``, Russian and Ukrainian).

claims-v1 counts one named or singular victim as 1 and sums groups. Where no numeral stands,
the nouns themselves say how many: "є загиблий" (a dead one), "о гибели жителя" (of the death
of a resident), "второй жертвой стал автомобилист", "погибли мужчина и женщина" (2). A
casualty word that is itself a singular person noun counts 1; otherwise the singular animate
nouns right after it (or, when none follows, right before it) are counted, coordinated ones
summed; any plural animate noun there means the text gives no number.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from fogofwar.actors.shape import analyser
from fogofwar.nlp.matcher import Match, Token, norm
from fogofwar.nlp.segment import tokenize
from fogofwar.packs import LanguagePack
from fogofwar.packs.files import pack_meta

__all__ = [
    "WINDOW",
    "coordinated",
    "listed_before",
    "named_victims",
    "person_word",
    "singular_victims",
    "surface",
]

Bounds = tuple[int | None, int | None]
Skip = Callable[[int], bool]

WINDOW = 4  # tokens after (or before) the casualty word searched for its victims
_MAX_GROUP = 3
_JOIN = frozenset({"и", "і", "й", "та", ","})
_AGE = frozenset({"-", "‐", "–"})
_SING, _PLUR, _OTHER = "sing", "plur", ""
_PLURAL = -1  # a group that opens with a plural person noun


@lru_cache(maxsize=16)
def _morph(lang: str) -> Any:
    name = pack_meta(lang).get("morphology")
    return analyser(str(name)) if name else None


@lru_cache(maxsize=100_000)
def _person_number(low: str, lang: str) -> str:
    """``sing``/``plur`` of the likeliest parse of ``low`` that is a person noun (animate noun,
    or a substantivised adjective or participle); ``""`` when none is, or when a likelier parse
    is something else."""
    morph = _morph(lang)
    if morph is None:
        return _OTHER
    numbers: list[str] = []
    nominative: list[str] = []  # the victim of "погибли …"/"постраждали …" is a subject
    parses = morph.parse(low)
    if any(p.tag.POS == "NPRO" for p in parses):
        return _OTHER  # a pronoun ("усі", "все"), even when a rare surname reads the same
    for p in parses:
        tag = p.tag
        grams = tag.grammemes
        person = (tag.POS == "NOUN" and "anim" in grams) or (
            tag.POS in {"ADJF", "PRTF"} and ("Subx" in grams or "anim" in grams)
        )
        number = tag.number or ("sing" if tag.gender else None)  # the uk dictionary marks
        if person and number:  # singular by gender only
            numbers.append(number)
            if "nomn" in grams:
                nominative.append(number)
        elif p.score > 0.5 and not numbers:  # a likelier person reading came first
            return _OTHER  # mostly something else ("гибели" is an event noun)
    if nominative:  # "жителі": a plural subject, not the locative singular
        return nominative[0]
    return numbers[0] if numbers else _OTHER  # the dictionary's likeliest person reading


@lru_cache(maxsize=100_000)
def _person_reading(low: str, lang: str) -> str:
    """``sing``/``plur`` of any parse of ``low`` that is a person (animate noun, adjective or
    participle), however unlikely ("военного": first a neuter genitive adjective); ``""``."""
    morph = _morph(lang)
    if morph is None:
        return _OTHER
    parses = morph.parse(low)
    if any(p.tag.POS == "NPRO" for p in parses):
        return _OTHER
    for p in parses:
        grams = p.tag.grammemes
        if p.tag.POS in {"NOUN", "ADJF", "PRTF"} and "anim" in grams:
            return str(p.tag.number or ("sing" if p.tag.gender else "")) or _OTHER
    return _OTHER


@lru_cache(maxsize=100_000)
def noun_animacy(low: str, lang: str) -> str:
    """``"anim"`` or ``"inan"`` when the likeliest parse of ``low`` is a noun (by the pack's
    morphology analyser; ``"anim"`` when any noun reading is animate), ``"adj"`` when it is an
    adjective or participle, else ``""`` (no analyser, or another part of speech first)."""
    morph = _morph(lang)
    if morph is None:
        return ""
    parses = morph.parse(low)
    if not parses:
        return ""
    if parses[0].tag.POS in {"ADJF", "PRTF"}:
        return "adj"
    if parses[0].tag.POS != "NOUN":
        return ""
    if "anim" in parses[0].tag.grammemes or any(
        p.tag.POS == "NOUN" and "anim" in p.tag.grammemes for p in parses
    ):
        return "anim"  # "политика": politics first, a politician too
    return "inan"


def person_word(tok: Token, lang: str) -> bool:
    """Token ``tok`` is itself a person noun (by the analyser: "задержанный", "погибший")."""
    return str(_person_number(tok.lower, lang)) in (_SING, _PLUR)


def _alone(toks: tuple[Token, ...], k: int) -> bool:
    """Token ``k`` ends its noun phrase: punctuation, a joiner or the text's end follows (an
    adjective there stands for its noun: "вбили військового.", "убили военного и …")."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not nxt.is_word or nxt.lower in _JOIN


@lru_cache(maxsize=100_000)
def _adjectival(low: str, lang: str) -> bool:
    """``low`` is a person only as an adjective or participle ("ракетного" agrees with an
    animate accusative, "раненого" may stand alone): no animate noun reading."""
    morph = _morph(lang)
    return morph is not None and not any(
        p.tag.POS == "NOUN" and "anim" in p.tag.grammemes for p in morph.parse(low)
    )


def _modifier(toks: tuple[Token, ...], k: int, lang: str) -> bool:
    """Token ``k`` is an adjective or participle before the noun it qualifies ("командира
    ракетного подразделения", "раненого бойца"): the noun after it decides."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        nxt is not None
        and nxt.is_word
        and nxt.lower not in _JOIN
        and _adjectival(toks[k].lower, lang)
    )


def _group(
    toks: tuple[Token, ...],
    ks: range,
    lang: str,
    skip: Callable[[Token], bool] | None = None,
    first_by: int | None = None,
) -> int | None:
    """Singular person nouns joined by "и"/"та"/commas in token indexes ``ks``, counted;
    ``_PLURAL`` when a plural person noun comes first (the text gives no number). With
    ``first_by``, the first person noun must come before that index; the group it opens may
    run past it ("жертвами обстрілу стали чоловік і жінка")."""
    n, joined = 0, True
    for k in ks:
        if first_by is not None and not n and k >= first_by:
            break
        t = toks[k]
        if t.text in _AGE or t.text.isdecimal():
            continue  # an age before the noun: "67-річну жінку"
        if not t.is_word and t.text not in _JOIN:
            break
        if t.lower in _JOIN:
            joined = True
            continue
        if skip is not None and skip(t):
            continue  # "командира и его заместителя": a possessive inside the group
        number = _person_number(t.lower, lang)
        if not number and _alone(toks, k):  # "убили военного.": the adjective is the noun
            number = _person_reading(t.lower, lang)
        if number and _modifier(toks, k, lang):
            continue
        if number == _PLUR:
            return _PLURAL if not n else None
        if number == _SING:
            if n and not joined:
                continue  # the same person: a title and a name, "президента Івана Петренка"
            n, joined = n + 1, False
            if n > _MAX_GROUP:
                return None
        elif n:
            break  # the group has ended
    return n or None


def _numeral(tok: Token, lang: str) -> bool:
    """Token ``tok`` is a figure: digits or a word the analyser reads first as a numeral."""
    if tok.text.isdecimal():
        return True
    parses = _morph(lang).parse(tok.lower)
    return bool(parses) and parses[0].tag.POS == "NUMR"


def singular_victims(
    toks: tuple[Token, ...],
    trigger: int,
    lo: int,
    hi: int,
    lang: str,
    determiners: Callable[[Token], bool] | None = None,
) -> int | None:
    """How many victims the nouns around the casualty word at ``trigger`` name, when no
    figure does (``None``: no analyser, no person noun, or a plural)."""
    if _morph(lang) is None:
        return None
    own = _person_number(toks[trigger].lower, lang)
    if own == _SING:
        return 1
    if own == _PLUR:
        return None
    after = _group(toks, range(trigger + 1, hi), lang, determiners, trigger + 1 + WINDOW)
    if after == _PLURAL:
        return None  # "погибли бойцы …": plural victims, no number
    if after is not None:
        return after
    back = range(max(lo, trigger - WINDOW), trigger)
    first = next((k for k in back if _person_number(toks[k].lower, lang)), None)
    if first is not None and first > lo and _numeral(toks[first - 1], lang):
        return None  # "Двенадцать человек были … ранены": a figure counts them
    n = None if first is None else _group(toks, range(first, trigger), lang, determiners)
    return None if n == _PLURAL else n


def surface(toks: tuple[Token, ...], m: Match[Any]) -> bool:
    """The match's tokens are its pattern's own forms (a ``*`` word matches by prefix), not
    other forms reached through the lemma ("des" → "un", "поранені" → "поранений")."""
    words = norm(m.pattern).split()  # "d'un" as the token's "dʼun"
    if len(words) != m.end - m.start:
        return False
    for w, t in zip(words, toks[m.start : m.end], strict=True):
        low = norm(t.text)
        if not (low.startswith(w[:-1]) if w.endswith("*") else low == w):
            return False
    return True


# -- languages without a morphology analyser: one person named by a word for one ----------
_BACK = 7  # words between a named victim and the casualty word after it ("was", "è poi",
# German verb-final "wurden bei dem Angriff auf das Dorf getötet"); punctuation stops the search
_LINK = 4  # words between two coordinated victims ("una mujer de 38 años y su padre")
_ADJ_TOKENS = 6  # tokens between the word for one and its noun ("a 45-year-old man")


def _one_before(toks: tuple[Token, ...], k: int, lo: int, pack: LanguagePack) -> int | None:
    """Start of the word for one ending right before token ``k`` or a few tokens before it
    (adjectives, an age: "a young man", "eine 72-jährige Frau"), or None."""
    for j in range(k, max(lo, k - _ADJ_TOKENS) - 1, -1):
        for s in range(max(lo, j - 2), j):
            m = pack.one.match_at(toks, s, j) or pack.definite.match_at(toks, s, j)
            if m is not None and m.end == j and surface(toks, m):
                return s
        if j < k and not (toks[j].is_word or toks[j].text in "-‐–"):
            break
    return None


def _person_at(toks: tuple[Token, ...], k: int, hi: int, pack: LanguagePack) -> int | None:
    """End of a singular person noun starting at ``k`` ("man", "Soldat", "persona"), in one of
    its listed forms (a plural reached through the lemma is no single victim)."""
    m = pack.persons.match_at(toks, k, hi)
    return None if m is None or not surface(toks, m) else m.end


def _person_after(toks: tuple[Token, ...], k: int, hi: int, pack: LanguagePack) -> int | None:
    """End of the person noun a word for one ending at ``k`` introduces: a few adjectives or an
    age between ("a 9-year-old boy", "un jeune soldat"), no punctuation."""
    for j in range(k, min(hi, k + _ADJ_TOKENS + 1)):
        end = _person_at(toks, j, hi, pack)
        if end is not None:
            return end
        if not (toks[j].is_word or toks[j].text in "-‐–"):
            return None
    return None


def _bounded(toks: tuple[Token, ...], start: int, lo: int, pack: LanguagePack, n: int) -> Bounds:
    """``n`` people, under a bound word right before them ("almeno una donna" → 1..null)."""
    for s in range(max(lo, start - 3), start):
        m = pack.bounds.match_at(toks, s, start)
        if m is not None and m.end == start:
            if m.payload == "at_least":
                return n, None
            if m.payload == "more_than":
                return n + 1, None
            if m.payload in ("up_to", "fewer_than"):
                return None, n
    return n, n


def _np_back(
    toks: tuple[Token, ...], end: int, lo: int, pack: LanguagePack, skip: Skip
) -> int | None:
    """Start of "one + person" ending at most ``_BACK`` words before ``end``; None if none."""
    for k in range(end - 1, max(lo, end - 1 - _BACK) - 1, -1):
        if not toks[k].is_word or skip(k) or pack.joiners.match_at(toks, k, end) is not None:
            return None  # no victim across punctuation or a joined clause ("… and others")
        trig = pack.triggers.match_at(toks, k, end)
        if trig is not None and trig.payload.count is not None:
            return None  # another casualty word's victims
        if (
            pack.groups.match_at(toks, k, end) is not None
            and pack.persons.match_at(toks, k, end) is None
        ):
            return None  # a plural group noun is nearer: no single victim
        if _person_at(toks, k, end, pack) is not None:
            return _one_before(toks, k, lo, pack)
    return None


def named_victims(
    toks: tuple[Token, ...],
    trigger: int,
    lo: int,
    hi: int,
    pack: LanguagePack,
    skip: Skip,
    reach: int = 0,
) -> Bounds | None:
    """How many victims the casualty word at ``trigger`` has when no figure does, in packs
    with ``[numbers] one``/``persons`` words: a word for one right before it ("another
    injured", "un herido"); else people named each by a word for one, before it ("a man and a
    woman were killed", "Una persona è poi morta") or after it ("killed a civilian", "los
    fallecidos son una mujer … y su padre"), summed; a bound word before the first counts
    ("almeno una donna" → 1..null); else a bare singular person noun (:func:`_bare`).
    ``skip(k)``: token ``k`` is no victim (a speaker)."""
    if not pack.one.size or not pack.persons.size:
        return None
    for s in range(max(lo, trigger - 2), trigger):
        m = pack.one.match_at(toks, s, trigger)
        if m is not None and m.end == trigger and surface(toks, m) and not skip(s):
            return _bounded(toks, s, lo, pack, 1)
    first = _np_back(toks, trigger, lo, pack, skip)
    if first is None:  # the subject before a singular verb ("Eine Frau wurde … getötet")
        for v in pack.singular.find(toks, lo, trigger):
            between = range(v.end, trigger)
            if any(pack.joiners.match_at(toks, k, trigger) for k in between) or any(
                (t := pack.triggers.match_at(toks, k, trigger)) and t.payload.count for k in between
            ):
                continue  # "A soldier was killed and others were wounded"
            first = _np_back(toks, v.start, lo, pack, skip)
            if first is not None:
                break
    if first is not None:
        n, start = 1, first
        while start - 1 > lo and pack.joiners.match_at(toks, start - 1, start) is not None:
            prev = _np_back(toks, start - 1, lo, pack, skip)
            if prev is None:
                break
            n, start = n + 1, prev
        return _bounded(toks, start, lo, pack, n)
    after = _named_after(toks, trigger, hi, pack, skip)
    if after is not None:
        return after
    if reach and trigger + 1 < hi and not skip(trigger + 1):  # headline: "Drone Kills Man"
        end = _person_at(toks, trigger + 1, hi, pack)
        if end is not None and toks[trigger + 1].lemma.lower() == toks[trigger + 1].lower:
            return 1, 1
    return (1, 1) if _bare(toks, trigger, lo, pack, skip, reach) else None


def _bare(
    toks: tuple[Token, ...], trigger: int, lo: int, pack: LanguagePack, skip: Skip, reach: int
) -> bool:
    """A singular person noun with no article right before the casualty word ("Hamas
    commander killed"), or (``reach`` > 0, headlines) up to ``reach`` words before it with no
    other person or group noun between ("Kommandant bei Drohnenangriff getötet"). The noun's
    own form must be the listed singular (not a plural reached through its lemma)."""
    for k in range(trigger - 1, max(lo, trigger - 1 - reach) - 1, -1):
        if not toks[k].is_word or skip(k):
            return False
        word = toks[k]
        if "-" in word.lower:  # a compound's head: "Hamas-Kommandant", "Hezbollah-commander"
            word = tokenize(word.text.rsplit("-", 1)[1], pack.lang)[0]
        m = pack.persons.match_at((word,), 0, 1)
        if m is not None:  # a base form: not "Soldaten" (lemma "Soldat"), listed for "einen …"
            return word.lower == m.pattern and word.lemma.lower() == word.lower
        if pack.groups.match_at(toks, k, trigger) is not None:
            return False
    return False


def _named_after(
    toks: tuple[Token, ...], trigger: int, hi: int, pack: LanguagePack, skip: Skip
) -> Bounds | None:
    n, k, start = 0, trigger + 1, None
    limit = trigger + 1 + 2  # the first victim: at most two words after the casualty word
    while k < min(hi, limit):
        one = pack.one.match_at(toks, k, hi) or pack.definite.match_at(toks, k, hi)
        if one is None or not surface(toks, one) or skip(k):
            if not toks[k].is_word:
                break
            k += 1
            continue
        person = _person_after(toks, one.end, hi, pack)
        if person is None:
            break
        n, start = n + 1, start if start is not None else k
        k, limit = person, person + _LINK
        while k < min(hi, limit) and pack.joiners.match_at(toks, k, hi) is None:
            k += 1
        if k >= min(hi, limit):
            break
        k, limit = k + 1, k + 3
    return (n, n) if n else None


def coordinated(
    toks: tuple[Token, ...], k: int, hi: int, pack: LanguagePack, lang: str, skip: Skip
) -> int | None:
    """How many people named without a figure start at token ``k``, right after a joiner that
    follows a counted group ("two soldiers and *a civilian*", "двое военных и *мирный
    житель*"): by the pack's words for one, or by grammatical number; None when none is."""
    if pack.one.size and pack.persons.size:
        found = _named_after(toks, k - 1, hi, pack, skip)
        return None if found is None else found[0]
    n = _group(toks, range(k, min(hi, k + WINDOW)), lang)
    return None if n is None or n == _PLURAL else n


def _person(toks: tuple[Token, ...], j: int, pack: LanguagePack, listed: bool = False) -> bool:
    """Token ``j`` is a singular person noun (by the analyser), not an adjective before one;
    ``listed`` (right before a joiner of the list): by any of its readings ("*мати* та двоє
    дітей", first read as the verb "to have")."""
    low = toks[j].lower
    number = _person_number(low, pack.lang) or (_person_reading(low, pack.lang) if listed else "")
    return number == _SING and not _modifier(toks, j, pack.lang)


def _listed_by_number(
    toks: tuple[Token, ...], start: int, lo: int, pack: LanguagePack, skip: Skip
) -> tuple[int, int]:
    """:func:`listed_before` by grammatical number (packs with a morphology analyser): singular
    person nouns each right before a comma or a joiner that precedes the counted group, or one
    word before it ("погибли мать, трое детей и …", "загинули командир роти і двоє бійців")."""
    n, k = 0, start
    if k - 2 > lo and pack.one.match_at(toks, k - 1, k) is not None:
        k -= 1  # "жінка та *її* двоє дітей": a possessive before the figure
    while k - 2 > lo and (
        toks[k - 1].text == "," or pack.joiners.match_at(toks, k - 1, k) is not None
    ):
        j = next(  # "командир роти і двоє бійців": a genitive after the person noun
            (
                j
                for j in (k - 2, k - 3)
                if j > lo and toks[j].is_word and _person(toks, j, pack, listed=j == k - 2)
            ),
            None,
        )
        if j is None or skip(j) or not all(toks[i].is_word for i in range(j, k - 1)):
            break
        n, k = n + 1, j
    return (n, k) if n else (0, start)


def listed_before(
    toks: tuple[Token, ...], start: int, lo: int, pack: LanguagePack, skip: Skip
) -> tuple[int, int]:
    """How many people named each by a word for one are listed right before a counted group
    starting at token ``start`` ("a man, his wife and *five children*", "dos mujeres, un
    anciano, un niño y *cuatro talibanes*", "di un soldato e di *quattro volontari*"): a
    joiner or a comma (and a repeated ``part_of`` preposition) before the group, then one
    person ("a man", "un anciano"), and so on back; with the token where the list reached
    (``start`` when no one is listed)."""
    if not pack.one.size or not pack.persons.size:
        return _listed_by_number(toks, start, lo, pack, skip)
    n, k = 0, start
    if k - 2 > lo and pack.part_of.match_at(toks, k - 1, k) is not None:
        k -= 1  # "la morte di un soldato e *di* quattro volontari": the repeated preposition
    elif k - 2 > lo and pack.one.match_at(toks, k - 1, k) is not None:
        k -= 1  # "a woman and *her* two children": a possessive before the figure
    while k - 1 > lo and (
        toks[k - 1].text == "," or pack.joiners.match_at(toks, k - 1, k) is not None
    ):
        first = _np_back(toks, k - 1, lo, pack, skip)
        if first is None:
            break
        n, k = n + 1, first
    return (n, k) if n else (0, start)
