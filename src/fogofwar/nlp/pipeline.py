"""Stage registry and pipeline: stages declare what they need and provide, checked up front.

A stage is a pure function ``(Doc, Resources) -> Doc`` registered under a versioned name with
:func:`stage`. :class:`Pipeline` checks, before running anything, that each stage's ``requires``
are provided by an earlier stage (like spaCy's ``analyze_pipes``) and raises
:class:`PipelineError` naming the missing piece otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fogofwar.errors import FogOfWarError
from fogofwar.nlp.doc import Doc, Resources

__all__ = ["Pipeline", "PipelineError", "Stage", "StageFn", "registered", "stage"]

StageFn = Callable[[Doc, Resources], Doc]

#: Fields of :class:`Doc` present before any stage runs.
BASE_FIELDS = frozenset({"text", "lang", "published", "headline"})


class PipelineError(FogOfWarError):
    """A pipeline's stages do not chain: a stage needs something no earlier stage provides."""


@dataclass(frozen=True, slots=True)
class Stage:
    """A registered stage: versioned name, the function, and its declared data flow."""

    name: str
    fn: StageFn
    requires: frozenset[str]
    provides: frozenset[str]


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str, *, requires: Sequence[str] = (), provides: Sequence[str]
) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as stage ``name`` (e.g. ``"sentences.v1"``) with its data flow."""

    def register(fn: StageFn) -> StageFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise PipelineError(f"stage {name!r} registered twice; bump its version instead")
        _REGISTRY[name] = Stage(name, fn, frozenset(requires), frozenset(provides))
        return fn

    return register


def registered(name: str) -> Stage:
    """The stage registered as ``name``; :class:`PipelineError` lists known names otherwise."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise PipelineError(f"unknown stage {name!r}; registered stages: {known}") from None


class Pipeline:
    """An ordered, checked chain of stages."""

    def __init__(self, names: Sequence[str]) -> None:
        self.stages = tuple(registered(n) for n in names)
        self.check()

    def check(self) -> None:
        """Raise :class:`PipelineError` if a stage requires a field no earlier stage provides."""
        have = set(BASE_FIELDS)
        for st in self.stages:
            missing = st.requires - have
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {', '.join(sorted(missing))}, which no earlier "
                    f"stage provides; add a stage that provides it before {st.name!r}"
                )
            have |= st.provides

    def analyze(self) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
        """``(name, requires, provides)`` per stage, for display."""
        return tuple(
            (s.name, tuple(sorted(s.requires)), tuple(sorted(s.provides))) for s in self.stages
        )

    def __call__(self, doc: Doc, res: Resources) -> Doc:
        """Run every stage in order."""
        for st in self.stages:
            doc = st.fn(doc, res)
        return doc
