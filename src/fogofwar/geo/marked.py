"""Places the text marks by its form rather than by their name alone.

* A town before a noun of its people or bodies ("the Concord Police", "a Paris man",
  ``place_nouns``) and an all-capital dateline ("CHARLESTON, W.Va. --") are places whatever
  the common-word and person guards say (:func:`headed`, :func:`dateline`).
* A name right before a disease word ("West Nile virus", "Marburg virus", "Rift Valley
  fever", ``disease_words``) names the disease, not a place (:func:`names_disease`).
* A one-word town before a school word ("Franklin Elementary", ``school_words``) names a
  person the school is named after (:func:`names_school`).
* A list of names the text calls counties ("Cooke, Grayson and Love counties", "from Ellsworth
  to Riley counties", "the counties of Douglas, Lancaster and Sarpy", "three counties: Douglas,
  Lancaster and Sarpy"; ``[plural, singular]`` pairs in ``region_plurals``) names counties:
  each name is looked up with the singular word ("Love County"), so "Love" is neither a word
  nor a person here.
* A region abbreviation ("Calif.", "N.S.W.", "IL" after "Springfield, ":
  :func:`abbreviation_hit`, data in :mod:`.abbrev`).
* A name after a river's bank ("the left bank of the Dnipro", "левого берега Днепра", "am
  Ufer des Dnipro", ``river_banks``, as written) is the river: only a river, sea or lake of
  the name, else an area, else no place (the city of Dnipro is not on the Kherson front)
  (:func:`on_river_bank`).
* A party letter and a hyphen after a comma or parenthesis ("Brent Boggs, D-Braxton", "(R-Elbow
  Lake)", ``party_letters``) give a legislator's home: a town or county of that name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from fogofwar.geo.abbrev import abbreviation_at
from fogofwar.geo.index import Candidate, PlaceIndex
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import Hit, Token

__all__ = [
    "abbreviation_hit",
    "dateline",
    "headed",
    "marked_hits",
    "names_no_place",
    "on_river_bank",
    "placed_words",
]

_LIST_MAX = 8  # names in one "A, B and C counties" list
_JOINERS = frozenset({"and", "or", "&"})
_RANGE = frozenset({"to", "through"})  # "from Ellsworth to Riley counties"
_OPENERS = frozenset({"of", "including", "like"})  # "the counties of Douglas and Sarpy"
_LEADS = frozenset(':—–-”“"')  # "three counties — Douglas, Lancaster and Sarpy"

Finder = Callable[[list[str]], tuple[Candidate, ...]]


def on_river_bank(text: str, hits: list[Hit], pack: LangPack) -> list[Hit]:
    """``hits`` with a name after a river's bank reduced to the waters of that name (else to
    the areas: "у берега Крыма"), or left out when it names only towns ("on the left bank of
    the Dnipro" is no town of Dnipro)."""
    if not pack.river_banks:
        return hits
    out = []
    for h in hits:
        before = text[max(0, h.start - 40) : h.start].rstrip()
        if h.demonym is None and any(
            before.endswith(b) and (len(before) == len(b) or not before[-len(b) - 1].isalnum())
            for b in pack.river_banks
        ):
            waters = tuple(c for c in h.cands if c.place.kind == "region")
            areas = tuple(c for c in h.cands if c.place.kind not in ("city", "admin2"))
            if waters or areas:  # the coast of an area stays the area ("берега Крыма")
                out.append(replace(h, cands=waters or areas))
            continue
        out.append(h)
    return out


def headed(tok: Token, nxt: Token | None, prev: Token | None, pack: LangPack) -> bool:
    """A town's name before a noun of the people or bodies of a place ("the Concord Police",
    "Hurricane police"), not the end of a longer name ("a Meadow Grove man" is not Grove, "Greg
    Taylor police" not Taylor)."""
    return (
        nxt is not None
        and nxt.glued
        and not nxt.hyphen
        and nxt.text.casefold().rstrip(".") in pack.place_nouns
        and not (prev is not None and tok.glued and prev.cap)  # "a Meadow Grove man"
    )


def placed_words(tokens: list[Token], pack: LangPack) -> frozenset[str]:
    """Capitalised words (lower case) the text writes somewhere as a place: after a place
    preposition no person takes ("in Mansfield", not "according to Taylor"), after a word that
    only places take (``placed_after``: "downtown Edwardsville", "the City of Edwardsville"),
    before a noun of
    a place's people or bodies ("Mansfield residents"), or as an all-capital dateline
    ("MANSFIELD —"). Its other mentions are the place too, not a person's name."""
    out: set[str] = set()
    for k, tok in enumerate(tokens):
        if not tok.cap or len(tok.text) < 3:
            continue
        prev = tokens[k - 1] if k > 0 else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        low = prev.text.casefold() if prev is not None else ""
        two = " ".join(t.text.casefold() for t in tokens[max(0, k - 2) : k])
        if (
            (prev is not None and tok.glued and not tok.sent_start and low in pack.place_preps
             and low not in pack.person_preps and low not in pack.articles)
            or (tok.glued and (low in pack.placed_after or two in pack.placed_after))
            or headed(tok, nxt, prev, pack)
            or (tok.sent_start and tok.text.isupper() and len(tok.text) >= 5
                and (nxt is None or not nxt.glued))
        ):  # fmt: skip
            out.add(tok.text.casefold())
    return frozenset(out)


def dateline(tokens: list[Token], hit: Hit) -> bool:
    """An all-capital word of five letters or more opening a sentence before a comma or a
    dash ("CHARLESTON, W.Va. --", "MANSFIELD —"): a dateline, which names a place."""
    tok = tokens[hit.first]
    if not (tok.sent_start and tok.text.isupper() and len(tok.text) >= 5):
        return False
    nxt = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    return nxt is None or not nxt.glued


def names_no_place(text: str, tokens: list[Token], hit: Hit, pack: LangPack) -> bool:
    """A name that here names a disease, a school, a currency or a date, not a place ("West
    Nile virus", "Franklin Elementary", "US$460", "Jan. 30")."""
    return (
        names_disease(tokens, hit.last, pack)
        or names_school(tokens, hit, pack)
        or text.startswith("$", hit.end)
        or names_month(text, tokens, hit, pack)
    )


_DAY_AFTER = re.compile(r"\.\s?\d")  # "Jan. 30", "Aug.12"
_DAY_BEFORE = re.compile(r"\d\.?\s$")  # "30 янв.", "5. Aug."


def names_month(text: str, tokens: list[Token], hit: Hit, pack: LangPack) -> bool:
    """A month written short with its dot next to a day's number ("Jan. 30", "5. Aug. 2024",
    "30 янв."): a date ("Jan" is no Dschang, "Aug" no Aug)."""
    if hit.first != hit.last or tokens[hit.first].text.casefold() not in pack.month_abbreviations:
        return False
    if not text.startswith(".", hit.end):
        return False
    return bool(_DAY_AFTER.match(text, hit.end)) or bool(
        _DAY_BEFORE.search(text[max(0, hit.start - 4) : hit.start])
    )


def names_disease(tokens: list[Token], last: int, pack: LangPack) -> bool:
    """The name ending at token ``last`` is followed by a disease word ("Nile" in "West Nile
    virus")."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return nxt is not None and nxt.glued and nxt.text.casefold() in pack.disease_words


def names_school(tokens: list[Token], hit: Hit, pack: LangPack) -> bool:
    """A one-word town before a school word ("Franklin Elementary", "Graham Middle School"):
    a school named after a person, more often than after a town elsewhere."""
    if hit.first != hit.last or any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return False
    nxt = tokens[hit.last + 1 : hit.last + 3]
    if not nxt or not nxt[0].glued:
        return False
    one = nxt[0].text.casefold()
    two = " ".join(t.text.casefold() for t in nxt) if len(nxt) == 2 and nxt[1].glued else ""
    return one in pack.school_words or two in pack.school_words


def marked_hits(text: str, tokens: list[Token], pack: LangPack, find: Finder) -> dict[int, Hit]:
    """Hits by the token they start at: the names of county lists and party-home notes."""
    out: dict[int, Hit] = {}
    if pack.region_plurals:
        plurals = dict(pack.region_plurals)
        for k, tok in enumerate(tokens):
            singular = plurals.get(tok.text.casefold())
            if singular is not None:
                found = _listed(text, tokens, k, singular, find) if k > 0 else []
                for hit in found or _listed_after(text, tokens, k, singular, find):
                    out[hit.first] = hit
    if pack.party_letters:
        for k, tok in enumerate(tokens[:-1]):
            if tok.text in pack.party_letters:
                home = _party_home(text, tokens, k, find)
                if home is not None:
                    out[home.first] = home
    return out


def _listed(text: str, tokens: list[Token], k: int, singular: str, find: Finder) -> list[Hit]:
    """The names before token ``k`` ("counties") joined by commas and "and"/"or", when they
    are two or more and each is a county of that name."""
    out: list[Hit] = []
    j = k - 1  # the last token of the name read next
    while j >= 0 and len(out) < _LIST_MAX:
        tok = tokens[j]
        if not tok.cap or tok.text.casefold() in _JOINERS:
            break
        first = j - 1 if j > 0 and tokens[j - 1].cap and _inside(text, tokens, j) else j
        cands = _counties(find, [t.text for t in tokens[first : j + 1]], singular)
        if not cands and first < j:  # "Van Buren", else the one word
            first, cands = j, _counties(find, [tok.text], singular)
        if not cands:
            break
        out.append(Hit(first, j, tokens[first].start, tok.end, cands, False, phrase=True))
        if first == 0:
            break
        p = first - 1
        low = tokens[p].text.casefold()
        if low in _JOINERS or (
            low in _RANGE and len(out) == 1 and _from_before(tokens, p - 1)
        ):  # "from Ellsworth to Riley counties"
            p -= 1
        elif "," not in text[tokens[p].end : tokens[first].start]:
            break
        j = p
    return out if len(out) > 1 else []


def _from_before(tokens: list[Token], j: int) -> bool:
    """ "from" right before the capitalised name ending at token ``j``."""
    while j > 0 and tokens[j].cap:
        j -= 1
    return tokens[j].text.casefold() == "from"


def _listed_after(text: str, tokens: list[Token], k: int, singular: str, find: Finder) -> list[Hit]:
    """The names right after token ``k`` ("counties"), after "of" or a colon or dash, joined
    by commas and "and"/"or", when they are two or more and each is a county of that name
    ("the counties of Douglas, Lancaster and Sarpy")."""
    out: list[Hit] = []
    j = k + 1
    if j < len(tokens) and tokens[j].text.casefold() in _OPENERS:
        j += 1
    elif j < len(tokens) and not set(text[tokens[k].end : tokens[j].start].strip()) <= _LEADS:
        return []
    while j < len(tokens) and len(out) < _LIST_MAX:
        if not tokens[j].cap or tokens[j].text.casefold() in _JOINERS:
            break
        last = (
            j + 1
            if j + 1 < len(tokens) and tokens[j + 1].cap and _inside(text, tokens, j + 1)
            else j
        )
        cands = _counties(find, [t.text for t in tokens[j : last + 1]], singular)
        if not cands and last > j:  # "Van Buren", else the one word
            last, cands = j, _counties(find, [tokens[j].text], singular)
        if not cands:
            break
        out.append(Hit(j, last, tokens[j].start, tokens[last].end, cands, False, phrase=True))
        n = last + 1
        if n >= len(tokens):
            break
        gap = text[tokens[last].end : tokens[n].start]
        if tokens[n].text.casefold() in _JOINERS and gap.strip() in ("", ","):
            n += 1
        elif gap.strip() != ",":
            break
        j = n
    return out if len(out) > 1 else []


def _counties(find: Finder, words: list[str], singular: str) -> tuple[Candidate, ...]:
    return tuple(c for c in find([*words, singular]) if c.place.kind == "admin2")


def _inside(text: str, tokens: list[Token], j: int) -> bool:
    """Token ``j`` continues the name begun by token ``j - 1`` (only spaces between, no
    joiner)."""
    prev = tokens[j - 1]
    return text[prev.end : tokens[j].start].strip() == "" and prev.text.casefold() not in _JOINERS


def _party_home(text: str, tokens: list[Token], k: int, find: Finder) -> Hit | None:
    """ "D-Braxton" after a comma or an opening parenthesis: the town or county named; a
    state by its name or its abbreviation ("(R-Texas)", "(D-Mo.)")."""
    before = text[: tokens[k].start].rstrip()
    nxt = tokens[k + 1]
    if not before.endswith((",", "(")) or not nxt.hyphen or not nxt.cap:
        return None
    ab = abbreviation_at(text, nxt.start, True)
    if ab is not None:  # "(D-Mo.)", "(R-Calif.)": a member of Congress's state
        state = tuple(
            c for c in find([ab.region]) if c.place.kind == "admin1" and c.place.cc == ab.cc
        )
        end = max(j for j in range(k + 1, len(tokens)) if tokens[j].start < ab.end)
        if state:
            return Hit(k + 1, end, nxt.start, ab.end, state, False, phrase=True)
    last = k + 1
    if (
        last + 1 < len(tokens)
        and tokens[last + 1].cap
        and text[tokens[last].end : tokens[last + 1].start] == " "
    ):
        last += 1  # "R-Elbow Lake"
    for end in range(last, k, -1):
        words = [t.text for t in tokens[k + 1 : end + 1]]
        found = find(words)
        # "(R-Texas)": a state by its own name; "D-Braxton": a town or county
        cands = tuple(c for c in found if c.place.kind == "admin1" and c.how == 0) or tuple(
            c for c in (*found, *find([*words, "County"])) if c.place.kind in ("city", "admin2")
        )
        if cands:
            return Hit(k + 1, end, tokens[k + 1].start, tokens[end].end, cands, False, phrase=True)
    return None


def abbreviation_hit(
    text: str, tokens: list[Token], i: int, hits: list[Hit], index: PlaceIndex
) -> Hit | None:
    """A region abbreviation at token ``i`` ("Calif.", "N.S.W.", "IL" after "Springfield, ")."""
    tok = tokens[i]
    after = bool(hits) and hits[-1].last == i - 1 and text[hits[-1].end : tok.start].strip() == ","
    ab = abbreviation_at(text, tok.start, after)
    if ab is None:
        return None
    cands = tuple(
        c for c in index.lookup(fold(ab.region)) if c.place.kind == "admin1" and c.place.cc == ab.cc
    )
    last = max(k for k in range(i, len(tokens)) if tokens[k].start < ab.end)
    return Hit(i, last, tok.start, ab.end, cands, False, phrase=True) if cands else None
