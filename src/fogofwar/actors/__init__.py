"""Actors: the registry of states, forces, groups and figures, and finding them in text.

* :mod:`.entries` — what is found (:class:`ActorEntry`, :class:`ActorMatch`, :class:`PersonMatch`);
* :mod:`.registry` — :class:`ActorRegistry`: the shipped registry (``data/actors.toml``, plus
  ``$FOGOFWAR_ACTORS``), compiled per language;
* :mod:`.match` — words, lexicons and matching of registry aliases and generic nouns;
* :mod:`.persons`, :mod:`.names`, :mod:`.shape` — named persons: role words, name runs, the
  shape of names and organisations (pymorphy3 for Cyrillic).

The modules import in one direction (entries ← match ← shape ← names ← persons ← registry):
no import cycle.
"""

from fogofwar.actors.entries import ActorEntry, ActorMatch, PersonMatch
from fogofwar.actors.registry import DATA_DIR, ENV_VAR, ActorRegistry

__all__ = ["DATA_DIR", "ENV_VAR", "ActorEntry", "ActorMatch", "ActorRegistry", "PersonMatch"]
