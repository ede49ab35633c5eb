"""Guards for single-word toponym hits, read by :mod:`.recognise`: a hit is kept only when
the word is not rather an acronym, a common word, a first name or a person's name.

* Acronyms of up to four capitals ("UN", "FDA") are places only as official names of
  countries and regions ("US", "ДНР").
* Words that never name a place alone ("West", "Süden", "Запад") are dropped (``not_alone``).
* Common words: a single-word hit that is a known common word of the text's language
  (simplemma's dictionary; German nouns, "Reading", "King") counts only with a place-like left
  neighbour ("in", "bei", "near", "в", "під"…) or as a country/region, or when the place has
  100,000+ inhabitants (1,000,000+ at sentence start) and is not preceded by an article; a
  preposition fused with an article ("im", "am", listed as articles) does not count, nor does a
  cross-script match. So "mit Mut", "im Sommer", "Das Essen" and "Reading the report" are not
  places, "in Mut" is.
* Common words need more with a preposition: a town of 10,000+ ("von Bord" is not Bords), and a
  common word matched only after undoing an ending needs a preposition and 100,000+ ("vielen
  Ländern" is not Lander). Latin words of up to three letters ("Mio") name towns under 15,000
  only after a place preposition.
* Given names (``[given_names]`` of ``data/roles.toml``): a single-word town hit on "Peter"
  (Perth) needs a place preposition and 100,000+ inhabitants, or its country or region named
  within four words.
* Person guard: a single-word city hit right after an unknown capitalised word ("George
  Washington") is dropped. A place before a capitalised word is kept: "Fargo Police", "Minnesota
  Department" name the place (GeoWebNews' literal modifiers).
* A dictionary proper noun (capitalised lemma, languages with ``proper_lemmas``) naming a
  region or a town of 100,000+ stays a place after an article ("an Ohio man").
* A small country or region (under 1,000,000) whose name is a common word of the text's
  language does not open a sentence alone ("Réunion de crise", "Reunión en Kiev": a meeting).
* Well-known persons (:mod:`.famous`): a single word before the surname of a person of the
  actor registry is a first name ("Vladimir Putin", "Владимира Путина").
* Persons (:mod:`.persons`): a place that is also a first name before a capitalised word
  ("Jordan Peterson"); a word after a common first name, or a town dropped as part of a name,
  names the person when it comes back alone; "US" ending a run of capitals ("JOIN US") and
  "Us" are no country; an all-capital dateline ("KYIV, Ukraine") is a place. A town under
  100,000 after a middle initial ("Gino D. Bassett"), before a speech verb ("Nelson says"),
  or named only by another name of its ("Haydn" for Hayden) is a person; so is a common first
  name before a capitalised word ("George Bush"). Words joined by a hyphen ("Fargo-Moorhead")
  are no first name and surname. A first name before a frequent surname that ends the name
  ("Chad Walker", "Teresa Bach"; not "Georgia Power": ``name_heads``) or before a middle
  initial ("Victoria N. Pearson"), a country after a frequent first name that is also a word
  ("Bill Holland"), and the words after a byline ("By Chad Klimack") are persons.
"""

from __future__ import annotations

from fogofwar.geo.famous import before_famous_surname, famous_alone
from fogofwar.geo.langdata import LangPack, lang_pack
from fogofwar.geo.lexicon import CYRILLIC_CC, is_common, is_cyrillic, morph_class
from fogofwar.geo.marked import dateline as caps_dateline
from fogofwar.geo.marked import headed
from fogofwar.geo.persons import (
    after_initial,
    byline,
    caps_word,
    initial_next,
    place_prep,
    surname_next,
)
from fogofwar.geo.text import fold
from fogofwar.geo.tokens import Hit, Token, is_known, region_after

__all__ = ["cyrillic_guard", "keep"]

_TOWN = 15_000
_SMALL = 10_000
_BIG = 100_000
_HUGE = 1_000_000


# countries whose towns the news spells in several transliterations ("Artemovsk", "Nikolaev")
_WAR_CC = frozenset({"UA", "RU", "BY"})


def cyrillic_guard(tokens: list[Token], hit: Hit, pack: LangPack) -> Hit | None:
    """Stricter candidates for a single Cyrillic word naming only towns and districts.

    Outside the countries with Cyrillic names (:data:`CYRILLIC_CC`) a town needs a Cyrillic
    name of its own (no cross-script match) and 15,000+ inhabitants or a place preposition
    before it, unless it has 100,000+; a common word or a person's name needs both a
    preposition and 100,000+ ("Силах" is not Sealy, Texas; "Купер" is not Cooper). At home, a
    common word needs a preposition ("в Щасті") or 10,000+ inhabitants, a first name a
    preposition or a million. Words of two letters and mixed-case acronyms ("ПрАТ") are no
    towns.
    """
    tok = tokens[hit.first]
    if hit.phrase or hit.first != hit.last or not is_cyrillic(tok.text):
        return hit
    if any(c.place.kind not in ("city", "admin2") for c in hit.cands):
        return hit
    word = tok.text
    if len(word) <= 2 or (not word.isupper() and any(ch.isupper() for ch in word[1:])):
        return None  # "Он", "ПрАТ"
    prev = tokens[hit.first - 1] if hit.first > 0 else None
    prep = prev is not None and not tok.sent_start and prev.text.casefold() in pack.place_preps
    kind = morph_class(word, pack.lang)
    name = kind == "name"
    common = kind == "function" or (kind != "place" and is_common(word, pack.lang))
    kept = []
    for c in hit.cands:
        pop = c.place.population
        if c.place.cc in CYRILLIC_CC:
            # "Миколаїв" is also "Mykola's": a town of 15,000+ under its own name stays one
            own = c.how == 0 and not hit.changed and pop >= _TOWN
            ok = (not name or prep or own or pop >= _HUGE) and (not common or prep or pop >= _SMALL)
        elif name or common:
            ok = prep and c.how < 2 and pop >= _BIG
        else:
            ok = (c.how < 2 and (prep or pop >= _TOWN)) or pop >= _BIG
        if ok:
            kept.append(c)
    if not kept:
        return None
    if len(kept) == len(hit.cands):
        return hit
    return Hit(hit.first, hit.last, hit.start, hit.end, tuple(kept), hit.changed,
               metonymy=hit.metonymy, phrase=hit.phrase)  # fmt: skip


# German titles and role nouns written before a name, also as the end of a compound
# ("Außenminister", "Regierungssprecher", "Genosse Stalin", "Oberst Ollendorf")
_DE_TITLES = (
    "präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "sprecher",
    "sprecherin", "bürgermeister", "bürgermeisterin", "gouverneur", "gouverneurin", "general",
    "oberst", "major", "hauptmann", "leutnant", "kommandeur", "genosse", "genossin", "herr",
    "frau", "miss", "mister", "papst", "könig", "königin", "prinz", "prinzessin", "kaiser",
    "graf", "gräfin", "professor", "professorin", "pfarrer", "bischof", "kardinal", "trainer",
    "stürmer", "torwart", "spieler", "sänger", "sängerin", "autor", "autorin", "regisseur",
    "schriftsteller", "journalist", "journalistin", "abgeordneter", "abgeordnete", "chef",
    "chefin", "direktor", "direktorin", "leiter", "leiterin", "botschafter", "senator",
    "anwalt", "anwältin", "richter", "richterin", "arzt", "ärztin", "psychologe", "kollege",
    "kollegin", "bruder", "schwester", "vater", "mutter", "sohn", "tochter", "onkel", "tante",
)  # fmt: skip


def _german_noun(word: str) -> bool:
    """A German dictionary word, or a compound ending in one of at least four letters
    ("Donauhafen", "Großstadt"), that is neither a title or role noun before a name
    ("Außenminister", "Oberst") nor a first name (the English lists are the widest:
    "Carlos", "Percy"): German capitalises every noun, so such a word names no person."""
    low = word.casefold()
    stems = (low, low.removesuffix("en"), low.removesuffix("n"), low.removesuffix("s"))
    if any(w.endswith(_DE_TITLES) for w in stems) or low in lang_pack("en").all_first_names:
        return False
    if is_known(word, "de"):
        return True
    return any(is_known(word[k:].capitalize(), "de") for k in range(3, len(word) - 3))


def keep(
    tokens: list[Token], hit: Hit, pack: LangPack, before: Hit | None, names: frozenset[str],
    placed: frozenset[str] = frozenset(),
) -> bool:  # fmt: skip
    """Acronym, common-word and person-name guards for single-word hits; ``names`` are the
    surnames the text gave with a first name ("Jordan" after "Michael Jordan"); ``placed``
    the words (lower case) the text writes elsewhere as a place (:func:`placed_words`), which
    the first-name and surname guards leave alone."""
    if hit.phrase or hit.demonym is not None:
        return True
    if famous_alone(tokens, hit) and tokens[hit.first].text.casefold() not in placed:
        return False  # "for Abbas", "Abbas said": a listed person, not Abba (Central Africa)
    kinds = {c.place.kind for c in hit.cands}
    tok = tokens[hit.first]
    low = tok.text.casefold()
    prev = tokens[hit.first - 1] if hit.first > 0 else None
    nxt = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    prep = prev is not None and not tok.sent_start and prev.text.casefold() in pack.place_preps
    if low in pack.not_alone or (tok.text in names and not place_prep(prev, tok, pack)):
        return False
    if any(low == a for a, _ in pack.name_abbreviations):
        return False  # "St." alone is no town (Sète by another name)
    if byline(tokens, hit.first, pack):
        return False  # "By Chad Klimack", "BY CHAD KLIMACK": the writer
    if before_famous_surname(tokens, hit):
        return False  # "Vladimir Putin", "Беньяміном Нетаньягу": a listed person's first name
    if (
        len(tok.text) <= 3
        and not tok.text.isupper()
        and any(
            c.place.kind in ("country", "admin1") and fold(c.place.name) != low for c in hit.cands
        )
    ):
        return False  # "Us" is no "US": a country's or region's short form is written in capitals
    if (
        not place_prep(prev, tok, pack)
        and _accents_only(tok.text, hit)
        and is_common(tok.text, pack.lang)
    ):
        return False  # "the grace of God" is no Göd: a dictionary word without the accents
    if headed(tok, nxt, prev, pack) or caps_dateline(tokens, hit):
        return True  # "the Concord Police", "a Meadow Grove man"; "CHARLESTON, W.Va. --"
    if tok.text.isupper() and len(tok.text.replace(".", "")) <= 4:  # "FDA", "UN": no places
        if low in pack.caps_words and caps_word(tokens, hit.first, pack):
            return False  # "JOIN US FOR": an ordinary word in all-capital text
        # "KYIV, Ukraine —": an all-capital dateline names a place of any kind
        dateline = tok.sent_start and nxt is not None and not nxt.glued and nxt.cap
        if not dateline:
            return any(c.place.kind not in ("city", "admin2") and c.how == 0 for c in hit.cands)
    nxt2 = tokens[hit.last + 2] if hit.last + 2 < len(tokens) else None
    nxt_word = (
        nxt is not None
        and nxt.glued
        and not nxt.hyphen  # "Fargo-Moorhead" names two towns, "Florence Pugh" one woman
        and nxt.cap
        and not nxt.text.isupper()
        and not region_after(nxt.text.casefold(), pack)
        and not is_known(nxt.text, pack.lang)
        # "Новомосковске Днепропетровской области": a town, then its region
        and not (nxt2 is not None and nxt2.glued and region_after(nxt2.text.casefold(), pack))
    )
    # "Chad Walker", "Teresa Bach": a frequent surname (no word of a body's name, "Georgia
    # Power") ending the name; "Victoria N. Pearson": a middle initial
    nxt_surname = surname_next(tokens, hit.last, pack) or initial_next(tokens, hit.last)
    if low in pack.name_places and (nxt_word or nxt_surname):
        return False  # "Jordan Peterson", "Sydney Sweeney": a first name
    if (
        nxt is not None
        and nxt.hyphen
        and nxt.start == tokens[hit.last].end + 1  # one hyphen: "WINONA -- The body" is a dateline
        and nxt.cap
        and not nxt.text.isupper()  # "Watertown-ML": a team of the town
        and is_common(nxt.text, pack.lang)
        and kinds <= {"city", "admin2"}
        and max(c.place.population for c in hit.cands) < _BIG
    ):
        return False  # "Wal-Mart", "Coca-Cola": a brand, not a town ("Fargo-Moorhead" stays)
    if (
        tok.sent_start
        and kinds <= {"country", "admin1", "admin2"}
        and max(c.place.population for c in hit.cands) < _HUGE
        and is_common(tok.text, pack.lang)
        and (nxt is None or not nxt.glued or not nxt.cap)
    ):
        return False  # "Réunion de crise …", "Reunión en Kiev": the word opening a sentence
    if kinds & {"country", "admin1"} and _person_name(tok, prev, nxt_word or nxt_surname, pack):
        return False  # "Bill Holland", "Lin-Manuel Miranda", "Chad Walker": a person
    if kinds & {"country", "continent", "region"}:
        return True
    if (
        not prep
        and not is_cyrillic(tok.text)  # Cyrillic texts name places by their other names
        and all(c.how > 0 for c in hit.cands)
        and max(c.place.population for c in hit.cands) < _HUGE
        and not any(c.place.cc in _WAR_CC for c in hit.cands)
    ):
        return False  # "Hamas" is no other name of Hama and Hamm, without "in" before it
    named = (
        low in pack.given_names
        and nxt is not None
        and nxt.glued
        and not nxt.hyphen
        and nxt.cap
        and not nxt.text.isupper()
        and not region_after(nxt.text.casefold(), pack)
    )
    towns = [c.place.population for c in hit.cands if c.place.kind in ("city", "admin2")]
    if named and max(towns, default=0) < _HUGE and low not in placed:
        return False  # "George Bush", "Vladimir Putin": a first name before a capitalised word
    if (
        low in pack.first_names
        and kinds <= {"city", "admin2"}
        and max(towns, default=0) < _SMALL
        and not prep
        and low not in placed
        and not (nxt is not None and not nxt.glued and not nxt.sent_start and nxt.cap)
    ):  # "their daughter, Hailey, was born": a first name rather than a hamlet, unless the
        # text places it ("in Hailey", "Hailey police") or a region may follow ("Hailey, Idaho")
        return False
    big_region = (
        before is not None
        and before.last == hit.first - 1
        and any(c.place.kind in ("country", "admin1") for c in before.cands)
    )
    # "George Washington", "Bruce Ivins": a capitalised word (not a region, not a preposition)
    # glued before a single-word place; "Florence Pugh": a capitalised word after it that is
    # not a common word ("Fargo Police" and "Minnesota Department" stay places; so do cities
    # of a million, more often named by organisations than by people: "Toronto Raptors")
    biggest = max(c.place.population for c in hit.cands)
    first_name = prev is not None and (
        prev.text.casefold() in pack.given_names
        or prev.text.casefold() in pack.first_names  # "Craig Kaser", opening a sentence
        or morph_class(prev.text, pack.lang) == "name"
        # "Jordan Henderson scored": a census first name that is also a word or a country's
        # name, opening a sentence before a town ("Will" and other function words are none)
        or (
            prev.text.casefold() in pack.all_first_names
            and prev.text.casefold() not in pack.skip_initial
        )
    )
    nxt_person = nxt_word or (
        nxt_surname and (low in pack.first_names or low in pack.given_names)
    )  # "Teresa Bach", "Milton J. Little"; not "Mansfield Law", "Newark Live Bait"
    person = nxt_person or (
        prev is not None
        and tok.glued
        and not tok.hyphen
        and prev.cap
        and not prep
        and not big_region
        and prev.text.casefold() not in pack.skip_initial
        and fold(prev.text) not in pack.demonyms
        and not (prev.sent_start and is_known(prev.text, pack.lang) and not first_name)
        # German capitalises every noun: "griffen Drohnen Odessa an" is no person
        and (pack.lang != "de" or first_name or not _german_noun(prev.text))
    )  # "Жители Лубен": a common word opening the sentence; "Андрій Черкас": a person
    if (
        person
        and kinds <= {"city", "admin2"}
        and (biggest < _HUGE or not nxt_person)
        and low not in placed  # "Mansfield OKs…" with "in Mansfield", "Mansfield residents"
    ):
        return False  # also before a speech verb: "Андрій Черкас заявив" is a person
    if (
        pack.proper_lemmas  # not German, whose nouns are all capitalised ("Stadt Essen")
        and prev is not None
        and tok.glued
        and not tok.hyphen
        and prev.cap
        and not prev.sent_start
        and kinds <= {"city", "admin2"}
        and biggest < _BIG
        and is_common(prev.text, pack.lang)
        and is_common(tok.text, pack.lang)
    ):  # "City Council", "Fire Station": a body's name of two common words, even after a
        # word that is a place preposition in lower case ("the city Kharkiv")
        return False
    if hit.metonymy and not prep and biggest < _BIG and not any(c.place.capital for c in hit.cands):
        return False  # "Nelson says": a small town or region does not speak, a person does
    if kinds <= {"city", "admin2"} and biggest < _BIG:
        if after_initial(tokens, hit.first):
            return False  # "Gino D. Bassett"
        if (
            not prep
            and all(c.how > 0 for c in hit.cands)
            and not any(c.place.cc in CYRILLIC_CC for c in hit.cands)
        ):  # "Haydn", "Levi": a small town's other name, alone, is rather a person's
            return False
    if hit.metonymy:
        return True
    article = prev is not None and prev.text.casefold() in pack.articles
    # "im Sommer", "am Ende": a preposition with an article names no town; nor does "of"
    # inside a name ("Chamber of Commerce", "Department of Human Services")
    town_prep = (
        prep
        and not article
        and not (_in_name(tokens, hit.first, pack.lang) and is_common(tok.text, pack.lang))
    )
    # "die Mio", "5 Mio. Euro": short Latin words name small towns only after "in"
    short = len(tok.text.rstrip(".")) <= 3 and not is_cyrillic(tok.text)
    if short and kinds <= {"city", "admin2"} and biggest < _TOWN and not town_prep:
        return False
    # "an Ohio man", "the Dublin post": a proper noun of the dictionary (capitalised lemma)
    # naming a region or a big town stays a place after an article
    proper = (
        (pack.proper_lemmas or is_cyrillic(tok.text))  # Cyrillic: common nouns are lower case
        and not hit.changed
        and not is_common(tok.text, pack.lang)
        and ("admin1" in kinds or biggest >= _BIG)
    ) or (  # "hit Debaltseve": a town of 10,000+ where the news spells names several ways,
        # under its official name, is no dictionary word
        not hit.changed
        and biggest >= _SMALL
        and all(c.how == 0 and c.place.cc in _WAR_CC for c in hit.cands)
        and not is_common(tok.text, pack.lang)
    )
    if (pack.common_check or tok.sent_start) and is_known(tok.text, pack.lang) and not proper:
        if all(c.how == 2 for c in hit.cands):  # "Liga" is not Riga by another spelling
            return False
        if all(c.how == 1 for c in hit.cands) and not town_prep and is_common(tok.text, pack.lang):
            return False  # "Part" (an old name of Perth), "Human" (Uman): the word
        if (
            prev is not None
            and tok.glued
            and prev.cap
            # "Region Kursk" names a region; "State University" names no town
            and (prev.text.casefold() not in pack.region_before or kinds <= {"city"})
            and not (prev.sent_start and prev.text.casefold() in pack.place_preps)  # "In Kiew …"
            and is_common(prev.text, pack.lang)
        ):
            return False  # "City Hall", "Detention Centre": a name made of common words
        if hit.changed:  # "vielen Ländern" is no Lander: an undone ending needs a big town
            return town_prep and biggest >= _BIG
        big = _HUGE if tok.sent_start else _BIG
        # "a Saskatoon police officer": a big town after an article, before a lower-case noun
        adjective = (
            article
            and not tok.sent_start
            and nxt is not None
            and nxt.glued
            and nxt.text[:1].islower()
            and nxt.text.casefold() not in pack.connectors
            and nxt.text.casefold() not in pack.place_preps
            and len(nxt.text) > 3
        )
        # "von Bord" is no hamlet: a preposition vouches for towns of 10,000+
        return (
            (town_prep and biggest >= _SMALL)
            or (article and "admin1" in kinds and _prep_before_article(tokens, hit.first, pack))
            or (biggest >= big and not article)
            or (adjective and max(towns, default=0) >= big)  # a town's, not "the Centre asked"
        )
    return True


def _in_name(tokens: list[Token], i: int, lang: str) -> bool:
    """Word ``i`` follows "of" after a capitalised common noun, inside the name of a body
    ("Chamber of Commerce", "Department of Human Services"; not "Tauber of Nelson")."""
    return (
        i >= 2
        and tokens[i - 1].text.casefold() == "of"
        and tokens[i - 2].cap
        and tokens[i - 1].glued
        and tokens[i].glued
        and is_common(tokens[i - 2].text, lang)
    )


def _person_name(tok: Token, prev: Token | None, nxt_word: bool, pack: LangPack) -> bool:
    """A country's or region's name as a person's: right after a first name ("Bill Holland",
    "Michael Jordan", "Lin-Manuel Miranda"), or itself a first name before a capitalised word
    that is no common word ("Chad Walker", "Israel Katz"; not "Georgia Tech")."""
    low = prev.text.casefold() if prev is not None else ""
    after_first = (
        prev is not None
        and tok.glued
        and not tok.hyphen
        and prev.cap
        and not prev.text.isupper()
        and (
            low in pack.given_names
            or low in pack.first_names
            # "Bill Holland": a first name that is also a word, not a function word opening a
            # sentence ("Will Georgia vote?")
            or (low in pack.all_first_names and low not in pack.skip_initial)
        )
    )
    return after_first or (nxt_word and tok.text.casefold() in pack.first_names)


def _accents_only(word: str, hit: Hit) -> bool:
    """Every candidate of a single word is a town under 100,000 whose own name is the word
    only once its accents are dropped ("God" for Göd, Hungary): a text writing the word
    without them means the word, unless a place preposition says otherwise."""
    low = word.casefold()
    return bool(hit.cands) and all(
        c.how == 0
        and c.place.kind in ("city", "admin2")
        and c.place.population < _BIG
        and c.place.name.casefold() != low
        and fold(c.place.name) == fold(word)
        for c in hit.cands
    )


def _prep_before_article(tokens: list[Token], i: int, pack: LangPack) -> bool:
    """A place preposition, then an article, right before word ``i`` ("in the Midlands",
    "across the Punjab"): a region the press names with its article."""
    return (
        i >= 2
        and tokens[i - 1].glued
        and tokens[i - 2].text.casefold() in pack.place_preps
        and tokens[i - 2].text.casefold() not in pack.person_preps
    )
