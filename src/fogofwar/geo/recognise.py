"""Toponym recognition: capitalised word n-grams and region phrases looked up in the index.

Rules (data in ``data/geo/lang.toml``):

* A candidate starts at a capitalised word (Latin or Cyrillic) or a region word ("Region",
  "oblast"); it grows over capitalised words, connectors ("de", "am", "-") and region words,
  up to five words, and the longest n-gram with a gazetteer hit wins.
* Each word is tried as written and with its case ending undone ("Курской" -> "курская",
  "Покровську" -> "покровськ", "Сумами" -> "суми", "Kursks" -> "kursk"; endings and
  declension classes in ``lang.toml``). A cross-script skeleton key is the
  fallback when no exact key hits ("Pokrowsk" -> "Покровськ").
* Guards for single-word hits (acronyms, common words, given names, persons, short
  words): :mod:`.guards`.
* Region abbreviations (English): "Calif.", "Ont.", "N.S.W." wherever written with their dots,
  postal codes ("IL") right after "<place>, " (:mod:`.abbrev`).
* A pack's name abbreviation ("St.", "Mt.") only shortens a word of a longer name: with the
  capitalised words after it, looked up in full, it names a town of 10,000+ or a region ("St.
  Louis", "St. Gallen"); else it and the next word are a saint's name ("St. Mary's church",
  "St. Patrick's Day"), no place; alone it is none either.
* Directions named by a town's adjective ("на Покровському напрямку") are that town
  (:mod:`.areas`).
* A name of a country and a region before a school's word ("Georgia Tech") is the region
  (:mod:`.institutions`).
* A name before a border's word ("the New York border") is the area, not a town (:mod:`.borders`).
* A model after its make ("Dodge Durango") and a make after a model year ("a 1991 Honda") name
  a car, in every mention (:mod:`.vehicles`).
* Demonym adjectives ("russische", "Russian", "украинских", "European") are returned as
  demonyms (of a country, or of a continent or region: ``data/geo/demonyms.toml``).
* Metonymy: a place directly followed by a speech verb ("Kyiv said", "Moskau erklärte") or a
  metonym ("Kreml", "White House") is flagged.
"""

from __future__ import annotations

from fogofwar.geo.abbrev import qualified_words
from fogofwar.geo.areas import area_adjectives
from fogofwar.geo.borders import border_areas
from fogofwar.geo.groups import firm_name, opens_group, wire_credit
from fogofwar.geo.guards import cyrillic_guard, keep
from fogofwar.geo.index import Candidate, PlaceIndex
from fogofwar.geo.institutions import school_regions
from fogofwar.geo.keys import keys as _keys
from fogofwar.geo.keys import lookup
from fogofwar.geo.langdata import LangPack
from fogofwar.geo.lexicon import is_common
from fogofwar.geo.lists import listed_towns
from fogofwar.geo.marked import abbreviation_hit, marked_hits, names_no_place, placed_words
from fogofwar.geo.name_openers import abbreviated_name, article_name, shortened
from fogofwar.geo.persons import (
    given_name,
    named_before,
    named_person,
    place_prep,
    small_town,
    surname,
    surnames,
    title_before_name,
    vouched,
)
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import Hit, Token, region_after, tokenize
from fogofwar.geo.vehicles import vehicle_words

__all__ = ["Hit", "Token", "lookup", "recognise", "tokenize"]

_MAX_N = 5
# English contracted verbs after a word (not the possessive 's: "Kyiv's")
_CONTRACTIONS = (*(a + e for a in "'’" for e in ("ll", "ve", "re", "d", "m")), "n't", "n’t")


def _plural_acronym(word: str) -> bool:
    """Capitals and a plural s ("NGOs", "IDPs", "MPs")."""
    return len(word) >= 3 and word.endswith("s") and word[:-1].isupper() and word[:-1].isalpha()


def _speech_after(tokens: list[Token], j: int, pack: LangPack) -> bool:
    """A speech verb right after the place ("Kyiv said", "Москва заявила"): the place speaks.
    Not after a comma ("… Belgorod and Kursk, local officials said"): the place ends the
    reported words and the speaker follows the verb."""
    if j >= len(tokens) or (not tokens[j].glued and tokens[j].start - tokens[j - 1].end > 1):
        return False
    nxt = tokens[j].text.casefold()
    two = nxt + " " + tokens[j + 1].text.casefold() if j + 1 < len(tokens) else nxt
    return nxt.startswith(pack.speech_verbs) or two.startswith(pack.speech_verbs)


def _multi_demonym(
    tokens: list[Token], i: int, pack: LangPack, index: PlaceIndex
) -> tuple[int, str] | None:
    """A demonym of two or three capitalised words starting at token ``i`` ("Sri Lankan",
    "Middle Eastern"): its last token and what it names; not a place's name ("New Zealand")."""
    for n in (3, 2):
        words = tokens[i : i + n]
        if len(words) < n or not all(t.glued and t.cap for t in words[1:]):
            continue
        dem = pack.demonyms.get(fold(" ".join(t.text for t in words)))
        if dem is not None and not index.lookup(fold(" ".join(t.text for t in words))):
            if _opens_name(tokens, i, n, index):
                return None  # "Central African Republic": the country, not its people
            return i + n - 1, dem
    return None


def _opens_name(tokens: list[Token], i: int, n: int, index: PlaceIndex) -> bool:
    """The ``n`` words from token ``i`` and one or two capitalised words after them name a
    country or region ("Central African Republic")."""
    for extra in (1, 2):
        words = tokens[i : i + n + extra]
        if len(words) < n + extra or not all(t.glued and t.cap for t in words[n:]):
            return False
        found = index.lookup(fold(" ".join(t.text for t in words)))
        if any(c.place.kind not in ("city", "admin2") for c in found):
            return True
    return False


def _elided(word: str) -> bool:
    """A capitalised name behind an elided article ("d'Ivoire" in "Côte d'Ivoire")."""
    return len(word) > 2 and word[0] in "dl" and word[1] in "'’" and word[2].isupper()


def _generic(tokens: list[Token], i: int, cands: tuple[Candidate, ...], pack: LangPack) -> bool:
    """Word ``i`` alone is a region word (``region_before``: "Republic", "République",
    "Region") naming only towns, or anything only by another of its names, with no place
    preposition before it: the common noun of a name ("the Bolivarian Republic", "Banana
    Republic", "Lower Jubba Region"), not the town so named ("in Republic") nor a region
    called "Region" in some language (Maritime, Togo). A word of three letters or fewer
    in Latin letters glued to a capitalised word by a hyphen opens a longer name ("Al-Raqim",
    "El-Fasher"; Cyrillic names have their own guard),
    which is no place by its first word."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if len(tok.text) <= 3 and nxt is not None and nxt.hyphen and nxt.cap and tok.text.isascii():
        return all(c.place.kind in ("city", "admin2") for c in cands)
    return (
        tok.text.casefold() in pack.region_before
        and (
            all(c.place.kind in ("city", "admin2") for c in cands) or all(c.how > 0 for c in cands)
        )
        and not place_prep(tokens[i - 1] if i > 0 else None, tok, pack)
    )


def recognise(
    text: str, pack: LangPack, index: PlaceIndex, tokens: list[Token] | None = None
) -> list[Hit]:
    """Every toponym, demonym and metonym candidate in ``text``, in order (``tokens``: the
    text's :func:`tokenize`, when the caller has it already; read only)."""
    tokens = tokenize(text) if tokens is None else tokens
    metonyms = dict(pack.metonyms)
    placed = placed_words(tokens, pack) | qualified_words(text, tokens)
    names = {n for n in surnames(tokens, pack) if n.casefold() not in placed}
    speakers: set[str] = set()  # small towns' names the text uses for a speaker
    cars = vehicle_words(text, tokens)  # "Dodge Durango", "a 1991 Honda": no places
    hits: list[Hit] = []
    dropped: list[Hit] = []  # single-word towns the person guards dropped (town lists)
    marked = marked_hits(text, tokens, pack, lambda words: lookup(words, pack, index)[0])
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        low = tok.text.casefold()
        if i in marked:  # "Cooke, Grayson and Love counties", "Boggs, D-Braxton"
            hits.append(marked[i])
            i = marked[i].last + 1
            continue
        if low.endswith(_CONTRACTIONS):
            i += 1  # "She’ll", "They'd": a pronoun and a verb, not a place's other name
            continue
        if _plural_acronym(tok.text):
            i += 1  # "NGOs", "IDPs": an acronym's plural, not Ngo (Congo)
            continue
        if tok.cap and title_before_name(text, tokens, i, pack):
            i += 1  # "Sens. Jon Tester", "Del. Ann Lee": a title, not Sens or Delaware
            continue
        ab = (
            abbreviation_hit(text, tokens, i, hits, index)
            if pack.abbreviations and tok.cap
            else None
        )
        if ab is not None:
            hits.append(ab)
            i = ab.last + 1
            continue
        if (
            tok.cap
            and shortened(tokens, i, text, pack)
            and i + 1 < len(tokens)
            and tokens[i + 1].glued
        ):
            saint = abbreviated_name(text, tokens, i, pack, index)
            if saint is not None:  # "St. Louis", "St. Gallen", "Mt. Vernon"
                hits.append(saint)
                i = saint.last + 1
            else:  # "St. Mary's church", "St. Patrick's Day": a saint's name, no place
                i += 2
            continue
        named = (
            article_name(tokens, i, pack, index) if tok.cap and low in pack.skip_initial else None
        )
        if named is not None:  # "The Hague", "La Haye", "Los Ángeles", "Den Haag"
            hits.append(named)
            i = named.last + 1
            continue
        multi = _multi_demonym(tokens, i, pack, index) if tok.cap else None
        if multi is not None:  # "Sri Lankan", "Middle Eastern", "Latin American"
            upto, dem = multi
            hits.append(Hit(i, upto, tok.start, tokens[upto].end, (), False, demonym=dem))
            i = upto + 1
            continue
        demonym = pack.demonyms.get(fold(tok.text), "?")
        if len(tok.text) <= 3 and not tok.text.isupper():
            demonym = "?"  # "Us" is no "US"
        elif not tok.cap and low in pack.not_alone:
            demonym = "?"  # "western Iowa": a direction; "Western allies": the West
        startable = tok.cap and low not in pack.skip_initial
        if demonym == "?" and not (startable or low in pack.region_before):
            i += 1
            continue
        # the run this candidate may grow over
        run = [tok]
        for t in tokens[i + 1 : i + _MAX_N]:
            tl = t.text.casefold()
            if not t.glued or not (
                t.cap or tl in pack.connectors or region_after(tl, pack) or _elided(t.text)
            ):
                break
            run.append(t)
        found: Hit | None = None
        for n in range(len(run), 0, -1):
            last = run[n - 1]
            if not (last.cap or region_after(last.text.casefold(), pack) or _elided(last.text)):
                continue
            words = [t.text for t in run[:n]]
            target = next((metonyms[k] for k, _ in _keys(words, pack) if k in metonyms), None)
            if target is not None:
                cands = tuple(c for c in index.lookup(fold(target)) if c.place.kind == "city")
                found = Hit(i, i + n - 1, tok.start, last.end, cands, False, metonymy=True,
                            phrase=True)  # fmt: skip
                break
            if n == 1 and not startable:
                continue
            cands, changed = lookup(words, pack, index)
            if cands and n == 1 and _generic(tokens, i, cands, pack):
                continue  # "Bolivarian Republic", "Al-Raqim": the word, not Republic, Mo.
            if cands:
                phrase = n > 1 or any(w.casefold() in pack.region_before for w in words)
                found = Hit(i, i + n - 1, tok.start, last.end, cands, changed, phrase=phrase)
                break
        # a demonym, unless it opens a longer name ("Saudi Arabia") or is a country's
        # abbreviation ("US", "U.S.", "UK")
        abbrev = found is not None and any(
            c.place.kind == "country" and c.how == 0 and (tok.text.isupper() or found.last == i)
            for c in found.cands
        )  # "US", "UK"; "Philippines": a country's own name, not its people
        if demonym != "?" and (found is None or found.last == i) and not abbrev:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if not (low in pack.not_alone and nxt is not None and nxt.glued and nxt.cap):
                # "Western Pennsylvania": a part of the place that follows, not the West
                hits.append(Hit(i, i, tok.start, tok.end, (), False, demonym=demonym or ""))
            i += 1
            continue
        if found is not None and not found.metonymy:
            found = cyrillic_guard(tokens, found, pack)
        if found is None:
            i += 1
            continue
        if opens_group(tokens, found) or wire_credit(text, found):
            i = found.last + 1  # "Boko Haram", "Xinhua", "(Saba) -": a group or an outlet
            continue
        if found.first == found.last and firm_name(text, found):
            names.add(tok.text)  # "McPherson & Jacobsen LLC ... McPherson's tabulations"
            i = found.last + 1
            continue
        if names_no_place(text, tokens, found, pack) or (
            found.first == found.last and tok.text in cars and tok.text.casefold() not in placed
        ):  # "West Nile virus", "US$460", "a red Dodge Durango"
            i = found.last + 1
            continue
        if not found.metonymy and _speech_after(tokens, found.last + 1, pack):
            found = Hit(found.first, found.last, found.start, found.end, found.cands,
                        found.changed, metonymy=True, phrase=found.phrase)  # fmt: skip
        before = next((h for h in reversed(hits) if h.demonym is None), None)
        if keep(tokens, found, pack, before, frozenset(names), placed):
            if given_name(tokens, found, pack, before):
                found = Hit(found.first, found.last, found.start, found.end, found.cands,
                            found.changed, metonymy=found.metonymy, weak=True)  # fmt: skip
            hits.append(found)
        elif found.metonymy and small_town(found):
            speakers.add(tokens[found.first].text)  # "Noma said": Noma, before and after
        elif surname(tokens, found, pack) and tokens[found.first].text.casefold() not in placed:
            names.add(tokens[found.first].text)  # "Ben Barr ... Barr said": the person again
        elif (
            found.first == found.last
            and not found.metonymy
            and not is_common(tokens[found.first].text, pack.lang)
        ):
            dropped.append(found)
        i = found.last + 1
    # "through Monroe, Trenton and Seven Mile": dropped towns of a list after a preposition
    hits = listed_towns(text, hits, dropped, pack.place_preps)
    hits = area_adjectives(tokens, hits, pack.lang, index)  # "на Покровському напрямку"
    hits = school_regions(tokens, hits)  # "Georgia Tech": the US state's school
    hits = border_areas(text, hits, pack)  # "the New York border": the state
    return vouched(
        [
            h
            for h in hits
            if not named_person(tokens, h, speakers, pack)
            and not named_before(tokens, h, names, pack)
        ]
    )
