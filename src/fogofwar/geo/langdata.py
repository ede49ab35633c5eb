"""Language data for toponym recognition, read from each language pack's ``geo.toml``
(``packs/<lang>/geo.toml``) and ``data/nationalities.toml`` (demonym adjectives)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from fogofwar.caches import parse_toml
from fogofwar.geo.text import fold
from fogofwar.packs.files import available_languages, read_table

__all__ = ["REGION_MARK", "LangPack", "geo_tables", "lang_pack"]

MEMO_MAX = 100_000  # entries of a pack's memo before it starts afresh


@dataclass(frozen=True, slots=True)
class LangPack:
    """Everything language-specific the recogniser uses."""

    lang: str
    endings: tuple[tuple[str, str], ...]
    place_preps: frozenset[str]
    region_before: frozenset[str]
    region_after: frozenset[str]
    speech_verbs: tuple[str, ...]
    metonyms: tuple[tuple[str, str], ...]  # (folded phrase, place it stands for)
    skip_initial: frozenset[str]
    connectors: frozenset[str]  # lower-case words inside names ("de", "am", "of")
    articles: frozenset[str]  # articles/determiners: "das Essen" is no place
    not_alone: frozenset[str]  # never a place on their own ("West", "Süden")
    demonyms: dict[str, str | None]  # folded adjective form -> ISO3 (None: ambiguous)
    common_check: bool  # check common words at every position, not only at sentence start
    skeleton: bool  # try cross-transcription keys when no exact key hits
    given_names: frozenset[str] = frozenset()  # common first names ("peter"): weak evidence
    first_names: frozenset[str] = frozenset()  # every census first name: before a surname
    name_places: frozenset[str] = frozenset()  # places that are first names ("jordan", "sydney")
    surnames: frozenset[str] = frozenset()  # frequent census surnames, less ``name_heads``
    all_first_names: frozenset[str] = frozenset()  # census first names, common words too ("bill")
    byline_words: frozenset[str] = frozenset()  # "By": the capitalised words after name a writer
    placed_after: frozenset[str] = frozenset()  # "downtown", "city of": a place follows
    resident_endings: tuple[tuple[str, str], ...] = ()  # ("ans", "a"): "Iowans" are of Iowa
    caps_words: frozenset[str] = frozenset()  # ordinary words in all-caps text ("US" in "JOIN US")
    abbreviations: bool = False  # region abbreviations ("Calif.", "N.S.W.") are read
    proper_lemmas: bool = False  # a capitalised dictionary lemma marks a proper noun (not German)
    region_plurals: tuple[tuple[str, str], ...] = ()  # ("counties", "County"): a list of names
    party_letters: frozenset[str] = frozenset()  # "D", "R": "Boggs, D-Braxton" names a home
    school_words: frozenset[str] = frozenset()  # "Franklin Elementary" names a person
    border_words: frozenset[str] = frozenset()  # "the New York border": the state, not the city
    region_border_words: frozenset[str] = frozenset()  # "the Georgia state line": the state
    disease_words: frozenset[str] = frozenset()  # "virus": "West Nile virus" is no place
    place_nouns: frozenset[str] = frozenset()  # "police", "man": "the Concord Police" is a place
    person_preps: frozenset[str] = frozenset()  # place preps a person takes too ("to Taylor")
    feature_after: frozenset[str] = frozenset()  # "Street", "River": a feature named before it
    feature_before: frozenset[str] = frozenset()  # "Lake", "Mount": a feature named after it
    swaps: tuple[tuple[str, str], ...] = ()  # ("x", "ks"), ("j", "kh"): press spellings
    name_abbreviations: tuple[tuple[str, str], ...] = ()  # ("st.", "saint"): a word of a name
    located_in: frozenset[str] = frozenset()  # "in", "near": "X Hospital in Y" lies in Y
    month_abbreviations: frozenset[str] = frozenset()  # "Jan." in "Jan. 30": a date
    local_nouns: frozenset[str] = frozenset()  # "officials": after a demonym, a local body
    river_banks: tuple[str, ...] = ()  # "bank of the", "берега" (as written: "Bank of Canada"
    # is a bank): the river named after it
    # memos (not part of the pack's value): word -> variants; phrase -> keys (recogniser's)
    _vmemo: dict[str, tuple[tuple[str, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    key_memo: dict[tuple[str, ...], tuple[tuple[str, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _by_last: dict[str, tuple[tuple[str, str], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def variants(self, word: str) -> list[tuple[str, bool]]:
        """``word`` (lower case) and the forms its case endings may come from; True = changed."""
        hit = self._vmemo.get(word)
        if hit is None:
            if len(self._vmemo) >= MEMO_MAX:
                self._vmemo.clear()
            hit = self._vmemo[word] = tuple(self._variants(word))
        return list(hit)

    def _endings_for(self, last: str) -> tuple[tuple[str, str], ...]:
        """The endings ``word`` ending in ``last`` may carry, in :attr:`endings` order."""
        got = self._by_last.get(last)
        if got is None:
            got = tuple(p for p in self.endings if not p[0] or p[0][-1] == last)
            self._by_last[last] = got
        return got

    def _variants(self, word: str) -> list[tuple[str, bool]]:
        out = [(word, False)]
        seen = {word}
        for suffix, repl in self._endings_for(word[-1:]):
            stem = len(word) - len(suffix)
            # a stem of 2+ letters, or a whole irregular word form ("розі" -> "ріг")
            if word.endswith(suffix) and (stem >= 2 or len(suffix) >= 4):
                form = word[: len(word) - len(suffix)] + repl
                if form not in seen:
                    seen.add(form)
                    out.append((form, True))
        swapped = word
        for a, b in self.swaps:  # the press's spellings of Cyrillic letters ("Alexandrovka",
            swapped = swapped.replace(a, b)  # "Jersón", "Lyssytchansk") as the systems write them
        if swapped != word and swapped not in seen:
            out.append((swapped, True))
        return out


def _text(name: str) -> str:
    return (resources.files("fogofwar") / "data" / name).read_text(encoding="utf-8")


def _declension(table: dict[str, object]) -> list[tuple[str, str]]:
    """Endings pairs of a ``[<lang>.declension]`` table: class = [nominative, [oblique...]]."""
    out: list[tuple[str, str]] = []
    for spec in table.values():
        assert isinstance(spec, list) and len(spec) == 2, f"bad declension class {spec!r}"
        lemma, forms = spec[0], spec[1]
        out.extend((str(form), str(lemma)) for form in forms)
    return out


@cache
def _given_names(langs: tuple[str, ...]) -> frozenset[str]:
    """Common first names of ``roles.toml`` (``[given_names]``), lower case."""
    table = parse_toml(_text("roles.toml")).get("given_names", {})
    return frozenset(str(n).casefold() for code in langs for n in table.get(code, []))


@cache
def _census_first_names() -> frozenset[str]:
    """First names of the US census (the ``names`` package's ``dist.*.first``), lower case,
    without those that are common words ("Summer", "Bill") or function words of the pack."""
    from fogofwar.geo.lexicon import is_common

    return frozenset(n for n, _ in _census_first_ranks() if not is_common(n, "en"))


_FIRST_NAMES = 1000  # the census first names this frequent, of each sex ("Bill", "Mark")


@cache
def _census_all_first_names() -> frozenset[str]:
    """The ``_FIRST_NAMES`` most frequent first names of each sex of the US census, lower case,
    common words too ("Bill", "Mark")."""
    return frozenset(n for n, rank in _census_first_ranks() if rank <= _FIRST_NAMES)


@cache
def _census_first_ranks() -> tuple[tuple[str, int], ...]:
    """(first name, rank in its sex's list) of the US census, lower case, three letters or
    more."""
    try:
        root = resources.files("names")
        lines = [
            line.split()
            for name in ("dist.male.first", "dist.female.first")
            for line in (root / name).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (ModuleNotFoundError, FileNotFoundError):
        return ()
    return tuple((row[0].casefold(), int(row[3])) for row in lines if len(row[0]) > 2)


_SURNAMES = 5000  # the census surnames this frequent ("Walker", "Bach") name persons


@cache
def _census_surnames() -> frozenset[str]:
    """The ``_SURNAMES`` most frequent surnames of the US census (the ``names`` package's
    ``dist.all.last``), lower case."""
    try:
        text = (resources.files("names") / "dist.all.last").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    lines = [line for line in text.splitlines() if line.strip()][:_SURNAMES]
    return frozenset(line.split()[0].casefold() for line in lines if len(line.split()[0]) > 2)


def _flag(table: dict[str, object], key: str, default: bool) -> bool:
    value = table.get(key, [default])
    return bool(value[-1]) if isinstance(value, list) and value else default


def _demonyms(langs: tuple[str, ...]) -> dict[str, str | None]:
    table = parse_toml(_text("nationalities.toml"))
    endings = table["endings"]
    out: dict[str, str | None] = {}
    for code, entry in table.items():
        if not (len(code) == 3 and code.isupper()) or not isinstance(entry, dict):
            continue  # [endings], [ambiguous], [names] (country names, no demonyms)
        for lang in langs:
            for stem in entry.get(lang, []):
                for end in endings.get(f"{lang}_adj", [""]):
                    out[fold(stem + end)] = code
    for lang in langs:
        for stem in table.get("ambiguous", {}).get(lang, []):
            for end in endings.get(f"{lang}_adj", [""]):
                out[fold(stem + end)] = None
    extra = parse_toml(_text("geo/demonyms.toml"))
    for lang in langs:
        ends = endings.get(f"{lang}_adj", [""])
        people = ("", "s") if lang == "en" else ("",)
        for code, stems in extra.get(lang, {}).get("countries", {}).items():
            for stem in stems:
                for end in ends:
                    for form in (stem + end, _plural(stem + end) if people[-1] else ""):
                        if form:
                            out.setdefault(fold(form), code)
        for stem, region in extra.get(lang, {}).get("regions", {}).items():
            for end in ends:  # adjectives only: "Europeans" are people, not a place's modifier
                out.setdefault(fold(stem + end), REGION_MARK + region)
    return out


REGION_MARK = "@"  # a demonym value naming a continent or region ("@Europe"), not a country


def _plural(adjective: str) -> str:
    """English people noun of an adjective ("malaysian" -> "malaysians"); "" when the
    adjective is its own plural ("portuguese", "swiss")."""
    if adjective.endswith(("s", "sh", "ch", "ese")):
        return ""
    return adjective + "s"


def geo_tables() -> dict[str, dict[str, object]]:
    """``geo.toml`` of every language pack that has one, by language."""
    tables = {code: read_table(code, "geo") for code in available_languages()}
    return {code: t for code, t in tables.items() if t}


@cache
def lang_pack(lang: str | None) -> LangPack:
    """The pack of ``lang``; a language without ``geo.toml`` (or ``None``) gets the union of
    every pack's geo data."""
    raw = geo_tables()
    langs = (lang,) if lang in raw else tuple(raw)
    merged: dict[str, list[object]] = {}
    declined: list[tuple[str, str]] = []
    for code in langs:
        for key, value in raw[code].items():
            if key == "declension":
                assert isinstance(value, dict), "[declension] must be a table"
                declined.extend(_declension(value))
            else:
                assert isinstance(value, list), f"geo.toml '{key}' must be a list"
                merged.setdefault(key, []).extend(value)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in merged.get(key, []))

    explicit = [(str(p[0]), str(p[1])) for p in merged["endings"]]  # type: ignore[index]
    # longest suffix first, so that the likeliest stems come early in a phrase's key list
    endings = tuple(sorted(dict.fromkeys(explicit + declined), key=lambda p: -len(p[0])))
    metonyms = tuple((fold(str(p[0])), str(p[1])) for p in merged["metonyms"])  # type: ignore[index]
    return LangPack(
        lang=lang or "",
        endings=endings,
        place_preps=words("place_preps"),
        region_before=words("region_before"),
        region_after=words("region_after"),
        speech_verbs=tuple(sorted(str(w).casefold() for w in merged["speech_verbs"])),
        metonyms=metonyms,
        skip_initial=words("skip_initial"),
        connectors=words("connectors"),
        articles=words("articles"),
        not_alone=words("not_alone"),
        demonyms=_demonyms(langs),
        common_check=any(_flag(raw[code], "common_anywhere", False) for code in langs),
        skeleton=bool(merged.get("cross_script", [True])[-1]),
        given_names=_given_names(langs),
        first_names=_census_first_names() - words("skip_initial") if "en" in langs else frozenset(),
        name_places=words("name_places"),
        surnames=(
            _census_surnames() - words("name_heads") - words("skip_initial")  # "Friday"
            if "en" in langs
            else frozenset()
        ),
        byline_words=words("byline_words"),
        placed_after=words("placed_after"),
        resident_endings=tuple(
            (str(p[0]), str(p[1]))
            for p in merged.get("resident_endings", [])
            if isinstance(p, list)
        ),
        all_first_names=_census_all_first_names() if "en" in langs else frozenset(),
        caps_words=words("caps_words"),
        abbreviations=any(_flag(raw[code], "region_abbreviations", False) for code in langs),
        proper_lemmas=all(_flag(raw[code], "proper_lemmas", False) for code in langs),
        person_preps=words("person_preps"),
        place_nouns=words("place_nouns"),
        disease_words=words("disease_words"),
        school_words=words("school_words"),
        border_words=words("border_words"),
        region_border_words=words("region_border_words"),
        region_plurals=tuple(
            (str(p[0]).casefold(), str(p[1]))
            for p in merged.get("region_plurals", [])
            if isinstance(p, list)
        ),
        party_letters=frozenset(str(w) for w in merged.get("party_letters", [])),
        feature_after=words("feature_after"),
        feature_before=words("feature_before"),
        river_banks=tuple(sorted(str(w) for w in merged.get("river_banks", []))),
        local_nouns=words("local_nouns"),
        swaps=tuple((str(p[0]), str(p[1])) for p in merged.get("swaps", []) if isinstance(p, list)),
        located_in=words("located_in"),
        month_abbreviations=words("month_abbreviations"),
        name_abbreviations=tuple(
            (str(p[0]).casefold(), str(p[1]).casefold())
            for p in merged.get("name_abbreviations", [])
            if isinstance(p, list)
        ),
    )
