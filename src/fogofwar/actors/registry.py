"""Actor registry: states' forces, governments, intelligence services, armed groups, IOs.

The shipped registry lives in ``data/actors.toml`` (format: ``data/README.md``); a user file
named by the ``FOGOFWAR_ACTORS`` environment variable is merged over it. :class:`ActorRegistry`
finds, in text of any supported language (de, en, es, fr, it, ru, uk):

- registry actors by their aliases, inflected forms included ("ЦАХАЛа", "Hisbollah-Miliz");
- nationality adjective + generic institution noun ("nordkoreanische Truppen",
  "южнокорейская разведка"), noun + adjective ("l'armée russe") and noun + country ("войска
  КНДР") as synthesized actors, linked to the registry entry when there is one ("South Korean
  intelligence" → NIS);
- civilians ("Zivilisten", "мирные жители");
- persons: registry figures and role word + name shape (``find_persons``, see ``persons.py``).

Compiled lexicons are built lazily on first use and shared; reading is thread-safe.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from fogofwar.actors.compiled import Compiled
from fogofwar.actors.entries import ActorEntry, ActorMatch, PersonMatch
from fogofwar.caches import parse_toml
from fogofwar.claim import SourceKind
from fogofwar.packs.files import available_languages

__all__ = ["DATA_DIR", "ENV_VAR", "ActorEntry", "ActorMatch", "ActorRegistry", "PersonMatch"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ENV_VAR = "FOGOFWAR_ACTORS"


def _entry_from(raw: dict[str, Any], *, person: bool) -> ActorEntry:
    pairs = [(lang, str(a)) for lang in available_languages() for a in raw.get(lang, ())]
    aliases = [a for _, a in pairs]
    sk = raw.get("source_kind")
    return ActorEntry(
        id=str(raw["id"]),
        name=str(raw["name"]),
        kind="person" if person else str(raw.get("kind", "other")),
        country=raw.get("country") or None,
        source_kind=SourceKind(sk) if sk else None,
        aliases=tuple(dict.fromkeys(aliases)),
        lang_aliases=tuple(pairs),
        generic=tuple(raw.get("generic", ())),
        role=raw.get("role") if person else None,
    )


def _read_toml(path: Path) -> tuple[list[ActorEntry], list[ActorEntry]]:
    data = parse_toml(path.read_text(encoding="utf-8"))
    actors = [_entry_from(r, person=False) for r in data.get("actor", ())]
    persons = [_entry_from(r, person=True) for r in data.get("person", ())]
    return actors, persons


def _merge(base: list[ActorEntry], extra: list[ActorEntry]) -> list[ActorEntry]:
    by_id = {e.id: e for e in base}
    for e in extra:
        by_id[e.id] = e
    return list(by_id.values())


_LOAD_CACHE: dict[tuple[str, str], ActorRegistry] = {}
_LOAD_LOCK = threading.Lock()


class ActorRegistry:
    """Loaded once, passed to the reader; thread-safe for reading."""

    def __init__(
        self,
        entries: tuple[ActorEntry, ...] = (),
        persons: tuple[ActorEntry, ...] = (),
        data_dir: Path = DATA_DIR,
    ) -> None:
        self.entries = entries
        self.persons = persons
        self._nationalities: dict[tuple[str, str], str | None] = {}  # asked per force noun
        self.data_dir = data_dir
        self._compiled: Compiled | None = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path | None = None) -> ActorRegistry:
        """Load the shipped registry (or ``path``), merged with ``$FOGOFWAR_ACTORS`` if set.

        Entries of the extra file replace shipped entries with the same ``id``. Loading the same
        files again returns the same (immutable) registry.
        """
        src = path or DATA_DIR / "actors.toml"
        extra = os.environ.get(ENV_VAR, "")
        key = (str(src), extra)
        with _LOAD_LOCK:
            cached = _LOAD_CACHE.get(key)
            if cached is not None:
                return cached
            actors, persons = _read_toml(src)
            if extra:
                more_actors, more_persons = _read_toml(Path(extra))
                actors = _merge(actors, more_actors)
                persons = _merge(persons, more_persons)
            reg = cls(tuple(actors), tuple(persons))
            _LOAD_CACHE[key] = reg
            return reg

    def get(self, actor_id: str) -> ActorEntry | None:
        """The registry actor or person with this ``id``."""
        for e in self.entries:
            if e.id == actor_id:
                return e
        for e in self.persons:
            if e.id == actor_id:
                return e
        return None

    def compiled(self) -> Compiled:
        """The lexicons, compiled on first use (every language with a pack)."""
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = Compiled(self.entries, self.persons, self.data_dir)
        return self._compiled

    def nationality(self, word: str, lang: str) -> str | None:
        """ISO3 for a nationality adjective or demonym in any inflected form, else ``None``.

        "südkoreanische", "южнокорейской", "північнокорейських", "Russen", "North Korean",
        "Ukrainians" → KOR, KOR, PRK, RUS, PRK, UKR. Ambiguous words ("koreanisch") → ``None``.
        """
        return self.compiled().nationality(word, lang)

    def country_actor(self, word: str, lang: str) -> ActorEntry | None:
        """The government of a country named by ``word`` (any inflected form), else ``None``.

        For the reader: a country name that is the subject of a speech or act verb ("Israel
        said", "Россия заявила", "Україна отримала") stands for its government — the registry
        entry answering for (country, government), or a synthesized ``<iso3>-government``.
        "Israel" → isr-government, "Эстонии" → est-government, "Kyiv" → ``None`` (a city).
        """
        return self.compiled().country_actor(word, lang)

    def find(self, text: str, lang: str) -> tuple[ActorMatch, ...]:
        """Every actor mentioned in ``text``, inflected forms included, by position.

        Registry aliases, "nationality adjective (+ adjectives) + institution noun", "noun +
        country" and civilians. Matches do not overlap, except that in "russische und
        nordkoreanische Truppen" both countries get a match (the first spans the whole phrase).
        """
        return self.compiled().find(text, lang)

    def find_persons(self, text: str, lang: str) -> tuple[PersonMatch, ...]:
        """Named persons in ``text`` with their role words, by position."""
        from fogofwar.actors.persons import find_persons

        return find_persons(self.compiled(), text, lang)
