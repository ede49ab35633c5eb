"""Latin spellings of Ukrainian and Russian place names by the systems the press uses.

The same settlement is written Миколаїв (Ukrainian), Николаев (Russian), Mykolaiv (Ukrainian
national standard, English press), Mykolayiv (BGN/PCGN 1965), Mykolajiw (German Duden-style from
Ukrainian), Nikolayev / Nikolaev (BGN/PCGN and simplified from Russian), Nikolajew (German from
Russian). :func:`latin_forms` gives every one of these for a Cyrillic name, so that the index
holds them as exact keys (the skeleton key, lossy, stays a fallback).

:func:`russian_form` gives the usual Russian form of a Ukrainian name for the regular cases
(suffixes -ськ, -івка, -не, -ове; letters і, ї, є, ґ): Кремінна -> Кременная is not regular
(і from e), so the Russian names that GeoNames lists stay the main source; this covers the
settlements that only the Ukrainian codifier names.

Systems (letters not listed are as in the Ukrainian national standard):

* ``uk_national`` — KMU resolution 55 (2010), :func:`fogofwar.geo.text.translit_uk`
* ``uk_bgn`` — BGN/PCGN 1965: є ye, ї yi, й y, ю yu, я ya everywhere
* ``uk_de`` — German (Duden): в w, ж sch, з s, и y, й j, х ch, ц z, ч tsch, ш sch, щ schtsch,
  є je, ї ji, ю ju, я ja, с between vowels ss
* ``ru_bgn`` — BGN/PCGN: е ye initially and after a vowel, ё yo, ы y, й y, ю yu, я ya, х kh
* ``ru_simple`` — BGN/PCGN with е always e and -ий/-ый as -y (Nikolaev, Khmelnitsky)
* ``ru_de`` — German (Duden): е je initially and after a vowel, ё jo, ж sch, з s, й i, в w,
  х ch, ц z, ч tsch, ш sch, щ schtsch, ы y, ю ju, я ja, с between vowels ss
* ``uk_sci``, ``ru_sci`` — the scholarly (Slavist) system, as the Czech, Polish-leaning and
  academic press write it: ж ž, х ch, ц c, ч č, ш š, щ šč, й j, є je, ї ji, ю ju, я ja
  (Ukrainian г h, и y; Russian г g, и i, ы y, ё ë): "Charkiv", "Vinnycja", "Kyjiv"; the
  index key drops the diacritics ("Zaporižžja" -> "zaporizzja")
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from fogofwar.geo.text import translit_uk

__all__ = [
    "SYSTEMS",
    "is_russian",
    "is_ukrainian",
    "latin_forms",
    "russian_adjective",
    "russian_form",
    "russian_forms",
    "transliterate",
    "ukrainian_regions",
]

_VOWELS = set("аеёиіїоуыэюяєАЕЁИІЇОУЫЭЮЯЄ")
_SOFT = set("ьъЬЪ'’ʼ")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ'’ʼ]")
_RU_ONLY = re.compile(r"[ыэёъЫЭЁЪ]")
_CYR = re.compile(r"[\u0400-\u04ff]")
# only the Russian and Ukrainian alphabets: Belarusian, Bulgarian, Serbian, Kazakh... spellings
# would give Latin forms nobody writes
_RU_UK = re.compile(r"[а-яёіїєґ'’ʼ\- ]+", re.IGNORECASE)

_COMMON = {
    "а": "a", "б": "b", "д": "d", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "т": "t", "у": "u", "ф": "f", "ь": "", "ъ": "", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_BGN = _COMMON | {
    "в": "v", "г": "h", "ґ": "g", "е": "e", "є": "ye", "ж": "zh", "з": "z", "и": "y", "і": "i",
    "ї": "yi", "й": "y", "с": "s", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ю": "yu", "я": "ya", "ы": "y", "э": "e", "ё": "e",
}  # fmt: skip
_UK_DE = _COMMON | {
    "в": "w", "г": "h", "ґ": "g", "е": "e", "є": "je", "ж": "sch", "з": "s", "и": "y", "і": "i",
    "ї": "ji", "й": "j", "с": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
    "ю": "ju", "я": "ja", "ы": "y", "э": "e", "ё": "jo",
}  # fmt: skip
_RU_BGN = _COMMON | {
    "в": "v", "г": "g", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "с": "s",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip
_RU_DE = _COMMON | {
    "в": "w", "г": "g", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i", "й": "i", "с": "s",
    "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ы": "y", "э": "e", "ю": "ju",
    "я": "ja", "і": "i", "ї": "ji", "є": "je", "ґ": "g",
}  # fmt: skip
_UK_SCI = _COMMON | {
    "в": "v", "г": "h", "ґ": "g", "е": "e", "є": "je", "ж": "ž", "з": "z", "и": "y", "і": "i",
    "ї": "ji", "й": "j", "с": "s", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
    "ю": "ju", "я": "ja", "ы": "y", "э": "e", "ё": "jo",
}  # fmt: skip
_RU_SCI = _COMMON | {
    "в": "v", "г": "g", "е": "e", "ё": "ë", "ж": "ž", "з": "z", "и": "i", "й": "j", "с": "s",
    "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "y", "э": "è", "ю": "ju",
    "я": "ja", "і": "i", "ї": "ji", "є": "je", "ґ": "g",
}  # fmt: skip


def _word(word: str, table: dict[str, str], e_after: str, ss: bool) -> str:
    """One word by ``table``; ``e_after`` is what е becomes initially and after a vowel or a
    soft/hard sign ("" to keep the table's); ``ss``: с between vowels is "ss" (German)."""
    out: list[str] = []
    for i, ch in enumerate(word):
        low = ch.lower()
        prev = word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        latin = table.get(low)
        if latin is None:
            out.append(ch)
            continue
        if low == "е" and e_after and (not prev or prev in _VOWELS or prev in _SOFT):
            latin = e_after
        elif low == "с" and ss and prev in _VOWELS and nxt in _VOWELS:
            latin = "ss"
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _by_words(name: str, fn: Callable[[str], str]) -> str:
    return re.sub(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", lambda m: fn(m.group()), name)


def _ru_simple(word: str) -> str:
    text = _word(word, _RU_BGN, "", False)
    for old, new in (("iy", "y"), ("yy", "y")):
        if text.endswith(old):
            text = text[: -len(old)] + new
    return text


SYSTEMS: dict[str, Callable[[str], str]] = {
    "uk_national": translit_uk,
    "uk_bgn": lambda w: _word(w, _UK_BGN, "", False),
    "uk_de": lambda w: _word(w, _UK_DE, "", True),
    "ru_bgn": lambda w: _word(w, _RU_BGN, "ye", False),
    "ru_simple": _ru_simple,
    "ru_de": lambda w: _word(w, _RU_DE, "je", True),
    "uk_sci": lambda w: _word(w, _UK_SCI, "", False),
    "ru_sci": lambda w: _word(w, _RU_SCI, "", False),
}


def transliterate(name: str, system: str) -> str:
    """``name`` in Latin by ``system`` (a key of :data:`SYSTEMS`), word by word."""
    fn = SYSTEMS[system]
    return fn(name) if system == "uk_national" else _by_words(name, fn)


def is_ukrainian(name: str) -> bool:
    """A letter only Ukrainian has (і, ї, є, ґ, apostrophe)."""
    return bool(_UK_ONLY.search(name))


def is_russian(name: str) -> bool:
    """A letter only Russian has (ы, э, ё, ъ)."""
    return bool(_RU_ONLY.search(name))


@lru_cache(maxsize=65536)
def latin_forms(name: str) -> tuple[str, ...]:
    """Every Latin spelling of a Cyrillic ``name`` by the systems fitting its language (both
    when its letters do not tell); empty for Latin names and other Cyrillic alphabets."""
    if not _RU_UK.fullmatch(name):
        return ()
    uk, ru = is_ukrainian(name), is_russian(name)
    systems = [
        s for s in SYSTEMS if (s.startswith("uk") and not ru) or (s.startswith("ru") and not uk)
    ]
    out = dict.fromkeys(transliterate(name, s) for s in systems)
    return tuple(f for f in out if f and not _CYR.search(f))


# Ukrainian -> Russian, regular correspondences only; suffixes first (whole-word ends)
_UK_RU_ENDS = (
    ("ськ", "ск"), ("цьк", "цк"), ("ське", "ское"), ("цьке", "цкое"), ("ський", "ский"),
    ("цький", "цкий"), ("іївка", "еевка"), ("ївка", "евка"), ("івка", "овка"),
    ("ове", "ово"), ("еве", "ево"), ("єве", "ево"), ("ине", "ино"), ("не", "ное"),
    ("на", "ная"), ("ці", "цы"), ("ів", "ов"),
)  # fmt: skip
_UK_RU_LETTERS = str.maketrans(
    {"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "ь", "’": "ь", "ʼ": "ь"}
)
# the apostrophe after a labial has no Russian letter ("П'ятихатки" -> "Пятихатки"); after
# other consonants it is "ь" ("Мар'їнка" -> "Марьинка")
_LABIAL_APOSTROPHE = re.compile(r"(?<=[бпвмф])['’ʼ]", re.IGNORECASE)
# ї after a vowel is Russian е ("Київ" -> "Киев", "Чугуївський" -> "Чугуевский")
_YI_AFTER_VOWEL = re.compile(r"(?<=[аеиіоуюяє])ї")


def russian_form(name: str) -> str:
    """The regular Russian form of a Ukrainian ``name`` ("Покровськ" -> "Покровск",
    "Новогродівка" -> "Новогродовка"); "" when ``name`` shows no Ukrainian trait."""
    low = name.casefold()
    if not _CYR.search(low) or is_russian(low):
        return ""
    words = low.split()
    out: list[str] = []
    for w in words:
        for old, new in _UK_RU_ENDS:
            if w.endswith(old) and len(w) > len(old) + 2:
                w = w[: -len(old)] + new
                break
        w = _YI_AFTER_VOWEL.sub("е", _LABIAL_APOSTROPHE.sub("", w))
        out.append(w.translate(_UK_RU_LETTERS))
    result = " ".join(out)
    return "" if result == low else result.title()


# Ukrainian -> Russian given-name stems at the start of a word, as settlements named after a
# person carry them: Олександрівка / Александровка, Олексіївка / Алексеевка, Миколаївка /
# Николаевка, Олешки / Алешки; Оленівка is Еленовка (after Олена / Елена) or Оленевка (after
# олень, a deer), so that stem gives a second form beside the regular one
_NAME_STEMS = (
    ("олександр", "александр", False),
    ("олекс", "алекс", False),
    ("микола", "никола", False),
    ("олешк", "алешк", False),
    ("олен", "елен", True),
)


def russian_forms(name: str) -> tuple[str, ...]:
    """The Russian forms of a Ukrainian ``name``: :func:`russian_form`, with a Ukrainian
    given-name stem at the start of a word in its Russian form ("Олександрівка" ->
    "Александровка", "Миколаївка" -> "Николаевка"), and both forms where the stem is also a
    common word ("Оленівка" -> "Оленовка", "Еленовка"); () when ``name`` shows no Ukrainian
    trait."""
    ru = russian_form(name)
    if not ru:
        return ()
    out = [ru]
    words = ru.casefold().split()
    for k, w in enumerate(words):
        for uk_stem, ru_stem, both in _NAME_STEMS:
            if w.startswith(uk_stem) and len(w) > len(uk_stem) + 2:
                changed = " ".join([*words[:k], ru_stem + w[len(uk_stem) :], *words[k + 1 :]])
                out = [*out, changed.title()] if both else [changed.title()]
                break
    return tuple(dict.fromkeys(out))


_HARD_FINAL = frozenset("бвгдзлмнпрстф")  # a town name taking -ский as it stands


def russian_adjective(town: str) -> str:
    """The Russian adjective of a Russian town name, regular cases only: a name that is an
    adjective stays ("Белгород-Днестровский"), -ск/-цк take -ий ("Купянск" -> "Купянский"),
    a hard consonant takes -ский ("Изюм" -> "Изюмский"); "" otherwise (Одесса, Запорожье)."""
    low = town.casefold()
    if not _CYR.search(low) or is_ukrainian(low) or " " in low:
        return ""
    if low.endswith(("ский", "цкий")):
        out = low
    elif low.endswith(("ск", "цк")):
        out = low + "ий"
    elif low[-1] in _HARD_FINAL:
        out = low + "ский"
    else:
        return ""
    return "-".join(w.capitalize() for w in out.split("-"))


# Russian -> Ukrainian region adjectives, regular cases ("Нижегородская" -> "Нижегородська",
# "Воронежская" -> "Воронезька", "Краснодарский" -> "Краснодарський")
_RU_UK_ADJ = (
    ("жская", "зька"), ("гская", "зька"), ("кская", "цька"), ("цкая", "цька"), ("ская", "ська"),
    ("жский", "зький"), ("гский", "зький"), ("цкий", "цький"), ("ский", "ський"),
)  # fmt: skip
_RU_UK_LETTERS = str.maketrans({"ы": "и", "э": "е", "ё": "ьо", "ъ": ""})
_REGION_WORDS = frozenset({"область", "край"})


def ukrainian_regions(name: str) -> tuple[str, ...]:
    """The Ukrainian forms of a Russian region name "<adjective> область|край" by regular
    correspondences ("Нижегородская область" -> "Нижегородська область"); Russian и is
    Ukrainian и or і, so both ("Кировська", "Кіровська"). Empty for other names."""
    words = name.casefold().split()
    if len(words) != 2 or words[1] not in _REGION_WORDS or not is_russian_region(words[0]):
        return ()
    adj = words[0]
    old, new = next(pair for pair in _RU_UK_ADJ if adj.endswith(pair[0]))
    stem = adj[: -len(old)].translate(_RU_UK_LETTERS)
    forms = dict.fromkeys((stem + new, stem.replace("и", "і") + new))
    return tuple(f"{a.capitalize()} {words[1]}" for a in forms)


def is_russian_region(adjective: str) -> bool:
    """A Russian region adjective ("нижегородская", "краснодарский"), lower case."""
    return (
        bool(_CYR.search(adjective))
        and not is_ukrainian(adjective)
        and adjective.endswith(("ская", "цкая", "ский", "цкий"))
    )
