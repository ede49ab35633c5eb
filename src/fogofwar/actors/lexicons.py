"""The per-language lexicons the actor and person finders share, built from the packs' tables.

Countries, nationality adjectives, demonyms, generic institution nouns and role words are turned
into :class:`~fogofwar.actors.match.Lexicon` phrases with each language's endings and elisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from fogofwar.actors.match import (
    Lexicon,
    Tokens,
    WordPattern,
    country_pattern,
    is_cyrillic,
    split_words,
    stem_pattern,
)
from fogofwar.packs.files import pack_meta

__all__ = [
    "GenericCategory",
    "LangLexicons",
    "RoleDef",
    "build_lang_lexicons",
    "elided_forms",
    "generic_categories",
    "role_defs",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class GenericCategory:
    """A generic institution noun class from ``roles.toml`` ("forces", "intelligence", ...)."""

    name: str
    kind: str
    source_kind: str
    label: str
    id: str


@dataclass(frozen=True, slots=True)
class RoleDef:
    """A person role class from ``roles.toml`` ("combatant", "official", ...); ``source_kind``
    empty: the role says nothing of it unless it inherits an organisation's ("head")."""

    role: str
    source_kind: str
    inherit: bool = False


@dataclass(slots=True)
class LangLexicons:
    """Everything language-specific the actor and person finders need, for one language."""

    lang: str
    adjectives: Lexicon[str]  # nationality adjective → ISO3 ("" = ambiguous)
    people: Lexicon[str]  # demonym → ISO3
    countries: Lexicon[str]  # country name (inflected) → ISO3
    generic: Lexicon[str]  # institution noun → category name
    generic_heads: dict[str, str]  # full compound-head form → category (German)
    roles: Lexicon[int]  # role word → index into ``role_defs``
    role_heads: dict[str, int]
    modifier_endings: tuple[str, ...]
    modifiers: frozenset[str]
    conjunctions: frozenset[str]
    connectors: Lexicon[bool]
    stop: frozenset[str]
    place_nouns: tuple[str, ...] = ()
    gap_lowercase: bool = False
    gap_capitalised: bool = False
    gap_prepositions: frozenset[str] = frozenset()
    cyrillic_names: bool = False
    particles: frozenset[str] = frozenset()
    compounds: bool = False  # capitalised common nouns that compound (German): pack [meta]
    lemma_names: bool = False  # simplemma's lemmas tell names from common words: pack [meta]
    adjective_after: bool = False  # nationality adjectives follow the noun ("l'armée russe")
    gap_complement: bool = False  # lower-case words after a preposition ("de la région")
    gap_breakers: frozenset[str] = frozenset()  # words that end a role phrase ("qui", "ha")
    speech_auxiliaries: frozenset[str] = frozenset()  # "a" in "Kiper a déclaré"
    elisions: frozenset[str] = frozenset()  # elided articles/prepositions ("l'", "dell'")

    def head(self, heads: dict[str, T], low: str) -> T | None:
        """Category of a compound whose head is a listed noun ("elitetruppen" → forces)."""
        for p in range(3, len(low) - 3):
            hit = heads.get(low[p:])
            if hit is not None:
                return hit
        return None

    def adjective_after_noun(self, toks: Tokens, j: int) -> tuple[int, str] | None:
        """French/Spanish/Italian: (end, ISO3) of a nationality adjective after a noun ending at
        ``j``, across up to two modifiers ("l'armée russe", "le forze armate russe")."""
        k = j
        while self.adjective_after and k < len(toks) and k - j <= 2 and toks.joined(k - 1):
            m = self.adjectives.match_at(toks, k)
            if m is not None:
                return m if m[1] else None
            if not self.is_modifier(toks.lows[k], toks.surfaces[k]):
                return None
            k += 1
        return None

    def is_modifier(self, low: str, surface: str) -> bool:
        """A lower-case adjective-like word that may stand before a generic noun."""
        if not surface[:1].islower():
            return False
        if low in self.modifiers:
            return True
        return len(low) > 3 and low.endswith(self.modifier_endings)


def _phrase(text: str, endings: Sequence[str], *, caps_short: bool = False) -> list[WordPattern]:
    words = split_words(text)
    out = []
    for k, w in enumerate(words):
        last = k == len(words) - 1
        caps = caps_short and len(w) <= 3 and not is_cyrillic(w)
        out.append(stem_pattern(w, endings if last or is_cyrillic(w) else [""], caps=caps))
        if caps:
            out[-1] = WordPattern(w.lower(), frozenset(endings), caps=w.upper())
    return out


def elided_forms(text: str, prefixes: Sequence[str]) -> list[str]:
    """``text`` and its forms with an elided article or preposition glued on ("l'armée",
    "dell'esercito") when it starts with a vowel or h (both apostrophes)."""
    if not prefixes or text[:1].lower() not in _ELIDING:
        return [text]
    out = [text]
    for prefix in prefixes:
        out += [prefix + text, prefix.replace("'", "’") + text]
    return out


_ELIDING = frozenset("aeiouyhàâäéèêëîïíìôöóòûüúù")


def _forms(stems: Iterable[str], endings: Sequence[str]) -> list[str]:
    return [s + e for s in stems for e in endings if e != "*"]


def build_lang_lexicons(
    lang: str, nat: dict[str, Any], roles: dict[str, Any], country_names: dict[str, list[str]]
) -> LangLexicons:
    """Compile one language's lexicons from the parsed ``nationalities.toml``/``roles.toml``."""
    ends = nat["endings"]
    adj_end = ends.get(f"{lang}_adj", [""])
    noun_end = ends.get(f"{lang}_noun", [""])
    # plural people nouns made from the adjective stem ("Ukrainian" + "s"), where a language does
    people_from_adj = ends.get(f"{lang}_adj_people", ())
    compounds = bool(pack_meta(lang).get("capitalised_nouns"))
    adjectives: Lexicon[str] = Lexicon()
    people: Lexicon[str] = Lexicon()
    for iso, row in nat.items():
        if iso in ("endings", "names"):
            continue
        code = "" if iso == "ambiguous" else iso
        for stem in row.get(lang, ()):
            adjectives.add(_phrase(stem, adj_end, caps_short=True), code)
        for stem in row.get(f"{lang}_people", ()):
            people.add(_phrase(stem, noun_end), code)
        for stem in row.get(lang, ()) if people_from_adj else ():
            people.add(_phrase(stem, people_from_adj), code)
    countries: Lexicon[str] = Lexicon()
    country_end = frozenset(ends.get("country_cyrillic", ()))
    elision = tuple(roles.get("elision", {}).get(lang, ()))
    for iso, names in country_names.items():
        for name in names:
            for form in elided_forms(name, elision):  # "l'Ukraine", "dell'Ucraina"
                words = [country_pattern(w, country_end) for w in split_words(form)]
                countries.add(words, iso)
    r_end = roles["endings"].get(lang, [""])
    generic: Lexicon[str] = Lexicon()
    generic_heads: dict[str, str] = {}
    for cat, row in roles["generic"].items():
        for stem in row.get(lang, ()):
            for form in elided_forms(stem, elision):
                generic.add(_phrase(form, r_end), cat)
        if compounds:
            generic_heads.update(dict.fromkeys(_forms(row.get("de_heads", ()), r_end), cat))
    role_lex: Lexicon[int] = Lexicon()
    role_heads: dict[str, int] = {}
    for idx, row in enumerate(roles["role"]):
        for stem in row.get(lang, ()):
            for form in elided_forms(stem, elision):
                role_lex.add(_phrase(form, r_end), idx)
            if compounds and " " not in stem and len(stem) >= 6:
                role_heads.update(dict.fromkeys(_forms([stem], r_end), idx))
    mods = roles["modifiers"]
    gap = roles.get("name_gap", {})
    connectors: Lexicon[bool] = Lexicon()
    for c in roles["connectors"].get(lang, ()):
        connectors.add([WordPattern(w.lower(), frozenset({""})) for w in split_words(c)], True)
    return LangLexicons(
        lang=lang,
        adjectives=adjectives,
        people=people,
        countries=countries,
        generic=generic,
        generic_heads=generic_heads,
        roles=role_lex,
        role_heads=role_heads,
        modifier_endings=tuple(mods.get(f"{lang}_endings", ())),
        modifiers=frozenset(mods.get(lang, ())),
        conjunctions=frozenset(mods.get("and", ())),
        connectors=connectors,
        stop=frozenset(roles["stop"].get(lang, ())),
        place_nouns=tuple(roles.get("place_nouns", {}).get(lang, ())),
        gap_lowercase=bool(gap.get("lowercase", {}).get(lang, False)),
        gap_capitalised=bool(gap.get("capitalised", {}).get(lang, False)),
        gap_prepositions=frozenset(gap.get("prepositions", {}).get(lang, ())),
        cyrillic_names=gap.get("script", {}).get(lang) == "cyrillic",
        particles=frozenset(gap.get("particles", ())),
        compounds=compounds,
        lemma_names=bool(pack_meta(lang).get("lemma_names")),
        adjective_after=bool(roles.get("word_order", {}).get("adjective_after", {}).get(lang)),
        gap_complement=bool(gap.get("complement", {}).get(lang, False)),
        gap_breakers=frozenset(
            [*gap.get("breakers", {}).get(lang, ()), *roles.get("speech_verbs", {}).get(lang, ())]
        ),
        speech_auxiliaries=frozenset(roles.get("speech_auxiliaries", {}).get(lang, ())),
        elisions=frozenset(elision),
    )


def role_defs(roles: dict[str, Any]) -> tuple[RoleDef, ...]:
    """The person role classes of ``roles.toml``, in file order."""
    return tuple(
        RoleDef(str(r["role"]), str(r.get("source_kind", "")), bool(r.get("inherit", False)))
        for r in roles["role"]
    )


def generic_categories(roles: dict[str, Any]) -> dict[str, GenericCategory]:
    """The generic noun classes of ``roles.toml`` by name."""
    return {
        name: GenericCategory(name, row["kind"], row["source_kind"], row["label"], row["id"])
        for name, row in roles["generic"].items()
    }
