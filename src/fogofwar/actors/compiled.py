"""Compiled lexicons of one actor registry: aliases, countries, roles and generic nouns per
language, built once from the registry and the packs, then read-only."""

from __future__ import annotations

import threading
import tomllib
from functools import cache
from pathlib import Path

from fogofwar.actors.entries import ActorEntry, ActorMatch
from fogofwar.actors.lexicons import (
    GenericCategory,
    LangLexicons,
    RoleDef,
    build_lang_lexicons,
    elided_forms,
    generic_categories,
    role_defs,
)
from fogofwar.actors.match import (
    Lexicon,
    Tokens,
    alias_pattern,
    person_alias_pattern,
    split_words,
    tokenize,
)
from fogofwar.actors.shape import NameShape
from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.packs.files import available_languages, pack_meta

__all__ = ["Compiled"]

_MEMO_MAX = 100_000  # words whose nationality is remembered per registry; cleared when full


def _country_names(codes: list[str]) -> dict[str, dict[str, list[str]]]:
    """Country names per language from babel (ISO3 → names), every country pycountry knows.

    ``codes`` (the countries of ``nationalities.toml``) come first; the rest keep country
    names out of person names ("Turkmenistan") and serve "noun + country".
    """
    import pycountry
    from babel import Locale

    langs = available_languages()
    out: dict[str, dict[str, list[str]]] = {lang: {} for lang in langs}
    locales = {lang: Locale(lang).territories for lang in langs}
    every = [*codes, *(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes)]
    for iso3 in every:
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None:
            continue
        for lang in langs:
            name = locales[lang].get(country.alpha_2)
            if name:
                out[lang].setdefault(iso3, []).append(name)
    return out


class Compiled:
    """Compiled lexicons for one registry: built once, then read-only."""

    def __init__(
        self, entries: tuple[ActorEntry, ...], persons: tuple[ActorEntry, ...], data_dir: Path
    ) -> None:
        with (data_dir / "nationalities.toml").open("rb") as fh:
            nat = tomllib.load(fh)
        with (data_dir / "roles.toml").open("rb") as fh:
            roles = tomllib.load(fh)
        self.entries = entries
        self.persons = persons
        self._nationalities: dict[tuple[str, str], str | None] = {}  # asked per force noun
        codes = [k for k in nat if k.isupper() and len(k) == 3]
        self.display = {k: str(nat[k].get("name", k)) for k in codes}
        names = _country_names(codes)
        langs = available_languages()
        for lang in langs:
            for iso, extra in nat.get("names", {}).get(lang, {}).items():
                names[lang].setdefault(iso, []).extend(extra)
        self.langs: dict[str, LangLexicons] = {
            lang: build_lang_lexicons(lang, nat, roles, names[lang]) for lang in langs
        }
        self.categories: dict[str, GenericCategory] = generic_categories(roles)
        self.role_defs: tuple[RoleDef, ...] = role_defs(roles)
        self.shapes = {lang: NameShape.build(lang, roles.get("org_words", {})) for lang in langs}
        speech = roles.get("speech_verbs", {})
        self.speech_verbs = {
            lang: frozenset(map(str.lower, speech.get(lang, ()))) for lang in langs
        }
        given = roles.get("given_names", {})
        self.given_names = {lang: frozenset(map(str.lower, given.get(lang, ()))) for lang in langs}
        elide = roles.get("elision_names", {})
        self.registries = {
            lang: self._alias_lexicon(entries, lang, elisions=tuple(elide.get(lang, ())))
            for lang in langs
        }
        self.registry_any = self._alias_lexicon(entries, None)
        self.person_lexicons = {
            lang: self._alias_lexicon(persons, lang, person=True) for lang in langs
        }
        self.person_any = self._alias_lexicon(persons, None, person=True)
        self.links: dict[tuple[str, str], ActorEntry] = {}
        for e in entries:
            for cat in e.generic:
                if e.country:
                    self.links.setdefault((e.country, cat), e)
        self._synth: dict[tuple[str, str], ActorEntry] = {}
        self._synth_lock = threading.Lock()

    @staticmethod
    def _alias_lexicon(
        entries: tuple[ActorEntry, ...],
        lang: str | None,
        *,
        person: bool = False,
        elisions: tuple[str, ...] = (),
    ) -> Lexicon[int]:
        """Aliases of ``lang`` plus other languages' all-capital Latin acronyms ("IDF"); for
        persons, the names of every language written in the same script (an Italian text
        writes "Konashenkov" as the English one does)."""
        pattern = person_alias_pattern if person else alias_pattern
        script = pack_meta(lang).get("script") if lang is not None else None
        lex: Lexicon[int] = Lexicon()
        for idx, e in enumerate(entries):
            seen: set[str] = set()
            # an actor with no alias of a Latin-script language is written there as in English
            # ("Bellingcat", "Unicef", "Boko Haram" in a French or Italian text); not a
            # platform, which is where words are said ("escribió en Telegram"), not who says them
            own = any(alias_lang == lang for alias_lang, _ in e.lang_aliases)
            borrow = (
                not own
                and script == _script(_FALLBACK)
                and lang != _FALLBACK
                and e.source_kind != SourceKind.SOCIAL_MEDIA
            )
            for alias_lang, alias in e.lang_aliases:
                acronym = alias.isupper() and alias.isascii()
                shared = person and script is not None and _script(alias_lang) == script
                fallback = borrow and alias_lang == _FALLBACK
                if lang is None or alias_lang == lang or acronym or shared or fallback:
                    # "l'Onu", "dell'Unicef": an elided article glued to the name (fr, it);
                    # not to a two-letter acronym, which would read a word ("l'UN" ~ "l'un")
                    elide = not person and len(alias) > _SHORT_ACRONYM
                    for form in elided_forms(alias, elisions) if elide else [alias]:
                        if form not in seen:
                            seen.add(form)
                            lex.add([pattern(w) for w in split_words(form)], idx)
        return lex

    def registry_for(self, lang: str) -> Lexicon[int]:
        """Registry aliases to look for in text of ``lang``."""
        return self.registries.get(lang) or self.registry_any

    def persons_for(self, lang: str) -> Lexicon[int]:
        """Registry persons' aliases to look for in text of ``lang``."""
        return self.person_lexicons.get(lang) or self.person_any

    def lex(self, lang: str) -> LangLexicons:
        """The lexicons of ``lang`` (English for languages without their own)."""
        return self.langs.get(lang) or self.langs["en"]

    def nationality(self, word: str, lang: str) -> str | None:
        """ISO3 of a nationality adjective or demonym (the whole of ``word``)."""
        key = (word, lang)
        if key not in self._nationalities:
            if len(self._nationalities) >= _MEMO_MAX:
                self._nationalities.clear()
            self._nationalities[key] = self._nationality(word, lang)
        return self._nationalities[key]

    def _nationality(self, word: str, lang: str) -> str | None:
        toks = tokenize(word.strip())
        if not len(toks):
            return None
        order = [self.lex(lang)] + [v for k, v in self.langs.items() if k != lang]
        for lx in order:
            for lexicon in (lx.adjectives, lx.people):
                m = lexicon.match_at(toks, 0)
                if m is not None and m[0] == len(toks):
                    return m[1] or None
        return None

    def country_actor(self, word: str, lang: str) -> ActorEntry | None:
        """See :meth:`ActorRegistry.country_actor`."""
        toks = tokenize(word.strip())
        if not len(toks):
            return None
        m = self.lex(lang).countries.match_at(toks, 0)
        if m is None or m[0] != len(toks) or not m[1]:
            return None
        return self.generic_entry(m[1], "government")

    def generic_entry(self, country: str | None, category: str) -> ActorEntry:
        """Registry entry answering for (country, category), else a synthesized one."""
        if country:
            linked = self.links.get((country, category))
            if linked is not None:
                return linked
        key = (country or "", category)
        hit = self._synth.get(key)
        if hit is not None:
            return hit
        cat = self.categories[category]
        if country:
            adj = self.display.get(country, country)
            entry = ActorEntry(
                id=f"{country.lower()}-{cat.id}",
                name=f"{adj} {cat.label}",
                kind=cat.kind,
                country=country,
                source_kind=SourceKind(cat.source_kind),
                generic=(category,),
                synthesized=True,
            )
        else:
            entry = ActorEntry(
                id=cat.id,
                name=cat.label[:1].upper() + cat.label[1:],
                kind=cat.kind,
                source_kind=SourceKind(cat.source_kind),
                generic=(category,),
                synthesized=True,
            )
        with self._synth_lock:
            return self._synth.setdefault(key, entry)

    def generic_at(self, toks: Tokens, i: int, lx: LangLexicons) -> tuple[int, str] | None:
        """A generic noun (or German compound with a generic head) at token ``i``."""
        m = lx.generic.match_at(toks, i)
        if m is not None:
            return m
        if lx.generic_heads:
            cat = lx.head(lx.generic_heads, toks.lows[i])
            if cat is not None:
                return i + 1, cat
        return None

    def noun_after_adjective(
        self, toks: Tokens, j: int, lx: LangLexicons
    ) -> tuple[int, str] | None:
        """Generic noun after a nationality adjective ending at ``j``, across modifiers."""
        skipped = 0
        n = len(toks)
        k = j
        while k < n and skipped <= 3:
            if not toks.joined(k - 1):
                return None
            hit = self.generic_at(toks, k, lx)
            if hit is not None:
                # the last of several nouns is the head: "government forces" → forces
                while hit[0] < n and toks.joined(hit[0] - 1):
                    nxt = self.generic_at(toks, hit[0], lx)
                    if nxt is None:
                        break
                    hit = nxt
                return hit
            low, surface = toks.lows[k], toks.surfaces[k]
            if lx.is_modifier(low, surface) or low in lx.conjunctions:
                k += 1
                skipped += 1
                continue
            adj = lx.adjectives.match_at(toks, k)
            if adj is None:
                return None
            k = adj[0]
            skipped += 1
        return None

    def country_after(self, toks: Tokens, j: int, lx: LangLexicons) -> tuple[int, str] | None:
        """Country name after a noun ending at ``j`` ("войска КНДР", "Truppen aus Nordkorea")."""
        if j >= len(toks) or not toks.joined(j - 1):
            return None
        c = lx.connectors.match_at(toks, j)
        if c is not None:
            if c[0] >= len(toks) or not toks.joined(c[0] - 1):
                return None
            j = c[0]
        m = lx.countries.match_at(toks, j)
        return m if m is not None and m[1] else None

    def find(self, text: str, lang: str) -> tuple[ActorMatch, ...]:
        """See :meth:`ActorRegistry.find`."""
        toks = tokenize(text)
        lx = self.lex(lang)
        # (start token, end token, rank, entry, wide) — rank 0 registry, 1 synthesized
        cands: list[tuple[int, int, int, ActorEntry, bool]] = [
            (
                i,
                self._own_country_after(toks, j, self.entries[idx], lx),
                0,
                self.entries[idx],
                False,
            )
            for i, j, idx in self.registry_for(lang).scan(toks)
            if lang != "en" or not self._inside_name(toks, i, j, lx)
        ]
        n = len(toks)
        i = 0
        while i < n:
            adj = lx.adjectives.match_at(toks, i)
            if adj is not None:
                j, iso = adj
                hit = self.noun_after_adjective(toks, j, lx) if j < n else None
                if hit is not None and iso:
                    wide = any(toks.lows[k] in lx.conjunctions for k in range(j, hit[0]))
                    cands.append((i, hit[0], 1, self.generic_entry(iso, hit[1]), wide))
                i = j
                continue
            people = lx.people.match_at(toks, i)
            if people is not None and lx.countries.match_at(toks, i) is not None:
                people = None  # "Polen" is Poland, "Сербия" Serbia
            if people is not None and people[1]:  # "Palästinenser", "россияне"
                cands.append((i, people[0], 3, self.generic_entry(people[1], "people"), False))
                i = people[0]
                continue
            gen = self.generic_at(toks, i, lx)
            if gen is not None:
                j, cat = gen
                country = self.country_after(toks, j, lx) or lx.adjective_after_noun(toks, j)
                if country is not None:
                    cands.append((i, country[0], 1, self.generic_entry(country[1], cat), False))
                elif cat == "civilians":
                    cands.append((i, j, 2, self.generic_entry(None, cat), False))
                i = j
                continue
            i += 1
        return self._resolve(toks, cands)

    @staticmethod
    def _own_country_after(toks: Tokens, j: int, entry: ActorEntry, lx: LangLexicons) -> int:
        """Russian/Ukrainian: the end of "<actor> <its own country>" ("Верховної Ради України",
        "ДСНС України"), one name; else ``j``."""
        if not lx.cyrillic_names or not entry.country or j >= len(toks) or not toks.joined(j - 1):
            return j
        m = lx.countries.match_at(toks, j)
        return m[0] if m is not None and m[1] == entry.country else j

    def _inside_name(self, toks: Tokens, i: int, j: int, lx: LangLexicons) -> bool:
        """English: a registry alias inside a longer capitalised name ("Fiji Labour Party",
        "CBS Cable", "United States Congress") is not that actor — unless the line is written
        in title case ("Houthis Claim Attack on US Ship"), where every word is capitalised."""
        if _title_case(toks, i):
            return False
        for k, gap_at in ((i - 1, i - 1), (j, j - 1)):
            if k < 0 or k >= len(toks) or toks.gap(gap_at) not in (" ", "-"):
                continue
            surface, low = toks.surfaces[k], toks.lows[k]
            if not surface[:1].isupper() or low in lx.stop or surface.endswith(("'s", "’s")):
                continue
            if k == i - 1 and (k == 0 or any(ch in toks.gap(k - 1) for ch in ".!?\n")):
                continue  # sentence-initial word
            if lx.roles.match_at(toks, k) is not None or self.generic_at(toks, k, lx) is not None:
                continue  # "NATO Secretary General", "IDF soldiers"
            if any(lex.match_at(toks, k) for lex in (lx.adjectives, lx.people)):
                continue  # "Russian Defence Ministry" spelled outside the alias list
            return True
        return False

    @staticmethod
    def _resolve(
        toks: Tokens, cands: list[tuple[int, int, int, ActorEntry, bool]]
    ) -> tuple[ActorMatch, ...]:
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
        kept: list[tuple[int, int, int, ActorEntry, bool]] = []
        for c in cands:
            clash = False
            for k in kept:
                if c[0] < k[1] and k[0] < c[1]:
                    nested = k[4] and k[0] <= c[0] and c[1] <= k[1] and c[3].id != k[3].id
                    if not nested:
                        clash = True
                        break
            if not clash:
                kept.append(c)
        out = []
        for start, end, _rank, entry, _wide in kept:
            s, e = toks.starts[start], toks.ends[end - 1]
            out.append(ActorMatch(Span(s, e), toks.text[s:e], entry))
        return tuple(out)


_SHORT_ACRONYM = 2
_FALLBACK = "en"  # the language whose aliases stand in where an actor has none of its own


@cache
def _script(lang: str) -> str | None:
    """The script a pack writes ``lang`` in (``None`` for a language without a pack)."""
    value = pack_meta(lang).get("script")
    return str(value) if value is not None else None


_TITLE_WORD = 4  # letters of a word that title case capitalises (not "on", "as", "of", "the")
_TITLE_WORDS = 3  # such words a line needs to be read as written in title case


def _title_case(toks: Tokens, i: int) -> bool:
    """Token ``i`` stands in a line or sentence whose longer words are all capitalised (a
    headline in title case: "Houthis Claim Attack on US Ship as 'Initial Response'")."""
    lo = i
    while lo > 0 and not any(ch in toks.gap(lo - 1) for ch in ".!?\n"):
        lo -= 1
    hi = i
    while hi < len(toks) - 1 and not any(ch in toks.gap(hi) for ch in ".!?\n"):
        hi += 1
    words = [w for w in toks.surfaces[lo : hi + 1] if len(w) >= _TITLE_WORD and w.isalpha()]
    return len(words) >= _TITLE_WORDS and all(w[:1].isupper() for w in words)
