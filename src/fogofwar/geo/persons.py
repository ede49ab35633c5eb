"""Person-name guards of the recogniser: all-capital words, first names and surnames.

* "JOIN US FOR": a short word ending a run of capitals is an ordinary word, not an acronym.
* "Michael Jordan ... Jordan said": a word written after a common first name, or a town
  dropped as part of a name ("Ben Barr", "Meredith Jones"), names the person when it comes
  back alone.
* "Noma said ... said Noma": a small town's name the text uses for a speaker names the person
  at every mention, before and after.
* "Peter" (Perth): a town hit on a common first name is weak, kept only with its country or
  region named close by (:func:`vouched`).
"""

from __future__ import annotations

from itertools import pairwise

from fogofwar.geo.langdata import LangPack
from fogofwar.geo.tokens import Hit, Token, is_known, region_after

__all__ = [
    "after_initial",
    "byline",
    "caps_word",
    "given_name",
    "in_context",
    "initial_next",
    "named_before",
    "named_person",
    "place_prep",
    "small_town",
    "surname",
    "surname_next",
    "surnames",
    "title_before_name",
    "vouched",
]

_BIG = 100_000  # a town this big names itself more often than a person


def caps_word(tokens: list[Token], k: int, pack: LangPack) -> bool:
    """Token ``k`` ends a run of all-capital words ("JOIN US", "TELL US FOR"), so it is an
    ordinary word, not an acronym."""
    prev = tokens[k - 1] if k > 0 else None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if prev is None or not (prev.glued or tokens[k].glued) or not prev.text.isupper():
        return False
    if len(prev.text) == 1 and prev.sent_start:
        return False  # "A US serviceman": the article, not a run of capitals
    return nxt is None or not nxt.text.isupper() or nxt.text.casefold() in pack.skip_initial


_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "gov", "sen", "rep", "gen", "col", "capt", "lt", "sgt",
     "prof", "rev", "president", "governor", "senator", "mayor", "judge", "sheriff", "deputy",
     "officer", "trooper", "detective", "chief", "commissioner", "councilman", "councilwoman",
     "councillor", "chairman", "chairwoman", "superintendent", "coach", "pastor", "father",
     "attorney", "representative", "delegate", "secretary", "minister", "ambassador", "sergeant",
     "lieutenant", "captain", "principal", "director", "spokesman", "spokeswoman", "dean"}
)  # fmt: skip


def surnames(tokens: list[Token], pack: LangPack) -> frozenset[str]:
    """Words written right after a common first name ("Michael Jordan" -> "Jordan") or a title
    ("Ms. Odell", "Gov. Charlie Crist" -> "Odell", "Charlie", "Crist"): alone, they name the
    person."""
    out = {
        b.text
        for k, (a, b) in enumerate(pairwise(tokens))
        if not _street_after(tokens, k + 2, pack)  # "Old Alton Edwardsville Road"
        and a.cap and b.cap and b.glued and not b.hyphen and not b.text.isupper()
        and (a.text.casefold() in pack.given_names
             or (a.text.casefold() in pack.all_first_names  # "Bill Carlow", "Chad Walker"
                 and a.text.casefold() not in pack.skip_initial
                 and not a.sent_start))
    }  # fmt: skip
    if pack.lang in ("en", ""):
        for k, (t, b) in enumerate(pairwise(tokens)):
            if not (t.cap and t.text.casefold() in _TITLES and _name_word(b)):
                continue
            if b.start - t.end > 2:  # "Ms. Odell": the title, its dot, a space
                continue
            out.add(b.text)
            c = tokens[k + 2] if k + 2 < len(tokens) else None
            if c is not None and c.glued and _name_word(c):  # "Gov. Charlie Crist"
                out.add(c.text)
    return frozenset(out)


def _street_after(tokens: list[Token], k: int, pack: LangPack) -> bool:
    """Token ``k`` is a street's or feature's word ("Road", "St."): the words before it name
    the street."""
    return k < len(tokens) and tokens[k].glued and tokens[k].text.casefold() in pack.feature_after


def _name_word(t: Token) -> bool:
    return t.cap and not t.text.isupper() and len(t.text) > 1


def surname(tokens: list[Token], hit: Hit, pack: LangPack) -> bool:
    """A single-word town dropped as part of a person's name, right after a capitalised
    name-like word ("Ben Barr") or before one ("Meredith Jones"): its later bare uses name the
    person too."""
    if hit.phrase or hit.first != hit.last:
        return False
    if any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return hit.first > 0 and _after_first_name(tokens[hit.first - 1], tokens[hit.first], pack)
    nxt = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    if (
        nxt is not None
        and nxt.glued
        and nxt.cap
        and not nxt.text.isupper()
        and not region_after(nxt.text.casefold(), pack)
        and not is_known(nxt.text, pack.lang)
    ):
        return True  # "Meredith Jones": a first name, later "Meredith" alone
    if hit.first == 0:
        return False
    prev, tok = tokens[hit.first - 1], tokens[hit.first]
    low = prev.text.casefold()
    return after_initial(tokens, hit.first) or (
        tok.glued
        and prev.cap
        and not prev.text.isupper()
        and low not in pack.skip_initial
        and low not in pack.not_alone
        and (not is_known(prev.text, pack.lang) or low in pack.first_names)  # "Rafael Gomez"
    )


def _after_first_name(prev: Token, tok: Token, pack: LangPack) -> bool:
    """``tok`` right after a first name ("Bill Holland", "Chad Walker"; not "Will Georgia")."""
    low = prev.text.casefold()
    return (
        tok.glued
        and not tok.hyphen
        and _name_word(prev)
        and low not in pack.skip_initial
        and (low in pack.all_first_names or low in pack.given_names or low in pack.first_names)
    )


def after_initial(tokens: list[Token], i: int) -> bool:
    """Word ``i`` follows a first name and a middle initial ("Gino D. Bassett", "Johnathan J.
    Dunbar"): a surname."""
    if i < 2:
        return False
    initial, first = tokens[i - 1], tokens[i - 2]
    return (
        len(initial.text) == 1
        and initial.text.isupper()
        and tokens[i].start - initial.end <= 2  # "D. Bassett"
        and first.cap
        and not first.text.isupper()
        and initial.start - first.end <= 2
    )


def surname_next(tokens: list[Token], last: int, pack: LangPack) -> bool:
    """A frequent surname right after word ``last`` ends a name there ("Chad Walker said",
    "Teresa Bach, a supervisor"): not a word of a body's or building's name (``name_heads``,
    left out of ``pack.surnames``: "Georgia Power"), and no capitalised word follows ("Bristol
    Myers Squibb")."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is None or not nxt.glued or nxt.hyphen or not _name_word(nxt):
        return False
    if nxt.text.casefold() not in pack.surnames or region_after(nxt.text.casefold(), pack):
        return False
    after = tokens[last + 2] if last + 2 < len(tokens) else None
    return after is None or not (after.glued and after.cap and not after.sent_start)


def initial_next(tokens: list[Token], last: int) -> bool:
    """Word ``last`` is a first name before a middle initial and a surname ("Victoria N.
    Pearson", "Milton J. Little")."""
    if last + 2 >= len(tokens):
        return False
    initial, name = tokens[last + 1], tokens[last + 2]
    return (
        initial.glued  # not "to Victoria. A warning": a sentence ends
        and _name_word(name)  # not "Washington, D. C."
        and after_initial(tokens, last + 2)
    )


def byline(tokens: list[Token], i: int, pack: LangPack) -> bool:
    """Word ``i`` follows a byline word opening a sentence or line and comes before another
    capitalised word: the writer's name ("By Chad Klimack", "BY CHAD KLIMACK")."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    return (
        prev.sent_start
        and prev.text.casefold() in pack.byline_words
        and tokens[i].cap
        and nxt.glued
        and nxt.cap
    )


def small_town(hit: Hit) -> bool:
    """A single word naming only towns and districts under 100,000, none a capital."""
    return (
        not hit.phrase
        and hit.first == hit.last
        and all(
            c.place.kind in ("city", "admin2") and c.place.population < _BIG and not c.place.capital
            for c in hit.cands
        )
    )


def named_person(tokens: list[Token], hit: Hit, names: set[str], pack: LangPack) -> bool:
    """A small town's name the text also used for a person ("Noma said"), without a place
    preposition before it here."""
    if hit.demonym is not None or tokens[hit.first].text not in names or not small_town(hit):
        return False
    prev = tokens[hit.first - 1] if hit.first > 0 else None
    return prev is None or prev.text.casefold() not in pack.place_preps


def given_name(tokens: list[Token], hit: Hit, pack: LangPack, before: Hit | None) -> bool:
    """A single-word town hit on a common first name ("Peter" -> Perth) with no strong evidence
    (a place preposition and 100,000+ inhabitants, or its country/region right before it)."""
    if hit.phrase or hit.demonym is not None:
        return False
    tok = tokens[hit.first]
    if tok.text.casefold() not in pack.given_names:
        return False
    if any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return False
    prev = tokens[hit.first - 1] if hit.first > 0 else None
    low = prev.text.casefold() if prev is not None else ""
    prep = low in pack.place_preps and low not in pack.articles
    if prep and max(c.place.population for c in hit.cands) >= _BIG:
        return False
    return not (before is not None and in_context(hit, before))


def in_context(hit: Hit, other: Hit) -> bool:
    """``other`` names a country or first-level region holding a candidate of ``hit``."""
    return any(
        o.place.kind in ("country", "admin1")
        and c.place.cc == o.place.cc
        and (o.place.kind == "country" or c.place.admin1 == o.place.admin1)
        for o in other.cands
        for c in hit.cands
    )


_CONTEXT = 4  # words between a weak hit and the country/region that vouches for it


def vouched(hits: list[Hit]) -> list[Hit]:
    """Weak hits kept only with their country or region named close by ("Peter, Australia")."""
    return [
        h
        for h in hits
        if not h.weak
        or any(
            o is not h
            and not o.weak
            and (0 < o.first - h.last <= _CONTEXT or 0 < h.first - o.last <= _CONTEXT)
            and in_context(h, o)
            for o in hits
        )
    ]


def named_before(tokens: list[Token], hit: Hit, names: set[str], pack: LangPack) -> bool:
    """A town's name written alone before the text gives it as a person's surname ("Hyles
    unseats Turner" in a headline, "Judge Haywood Turner" below), with no place preposition."""
    if hit.phrase or hit.first != hit.last or hit.demonym is not None:
        return False
    tok = tokens[hit.first]
    if tok.text not in names or any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return False
    return not place_prep(tokens[hit.first - 1] if hit.first > 0 else None, tok, pack)


def place_prep(prev: Token | None, tok: Token, pack: LangPack) -> bool:
    """A place preposition before ``tok`` that a person's name does not take as well
    ("in Denton", not "according to Taylor", "the vote to Turner's")."""
    return (
        prev is not None
        and not tok.sent_start
        and prev.text.casefold() in pack.place_preps
        and prev.text.casefold() not in pack.person_preps
    )


# titles the press abbreviates before a name, singular and plural ("Sen.", "Sens.", "Del.")
_TITLE_ABBREVIATIONS = frozenset(
    {"sen", "sens", "rep", "reps", "del", "dels", "gov", "govs", "gen", "gens", "lt", "col",
     "capt", "sgt", "adm", "maj", "cpl", "pvt", "supt", "insp", "det", "cmdr", "atty"}
)  # fmt: skip


def title_before_name(text: str, tokens: list[Token], i: int, pack: LangPack) -> bool:
    """Word ``i`` is an abbreviated title with its dot before a capitalised name, not after a
    place and a comma ("Sens. Jon Tester", "Del. Ann Lee"; not "Dover, Del. The council")."""
    if pack.lang not in ("en", "") or i + 1 >= len(tokens):
        return False
    tok, nxt = tokens[i], tokens[i + 1]
    return (
        tok.text.casefold() in _TITLE_ABBREVIATIONS
        and text[tok.end : nxt.start] == ". "
        and nxt.cap
        and not nxt.text.isupper()
        and text[max(0, tok.start - 2) : tok.start] != ", "
    )
