"""The entries of a language pack (triggers, cues, dates, senses) and the readers that turn
one table of a ``pack.toml`` into them, each validating what it reads (:mod:`fogofwar.packs`
assembles a :class:`~fogofwar.packs.LanguagePack` from them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fogofwar.claim import COUNT_FIELDS, Certainty, ClaimKind
from fogofwar.errors import ConfigError
from fogofwar.nlp.matcher import PhraseMatcher, norm

CUE_TYPES = ("verb", "prep", "post", "adverb", "via", "verification")
BOUND_KINDS = ("at_least", "more_than", "up_to", "fewer_than", "approx")
DATE_KINDS = ("offset", "recent", "overnight", "night_before", "last_week")
ROLE_MARKERS = ("ally", "target", "actor", "victim")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word: the claim kind it signals, a finer subtype, and the count it feeds."""

    kind: ClaimKind
    subtype: str | None
    count: str | None  # killed | injured | arrested | missing | displaced
    nominal: bool  # a noun: needs a light verb, a casualty verb or a headline to make a claim
    #: words one of which must stand in the same clause ("exchanged" needs "prisoners")
    context: PhraseMatcher[None] | None = field(default=None, compare=False)
    #: damage as evidence of an event ("houses were damaged"): a clause with only such words
    #: elaborates an event told before rather than telling a new one (``nlp/elaborate.py``)
    evidence: bool = False
    #: a word that calls a report untrue ("a lie", "фейк", "Falschmeldung"): a statement
    #: whose clause holds one denies what it speaks of (``nlp/sourced_certainty.py``)
    untruth: bool = False


@dataclass(frozen=True, slots=True)
class CueEntry:
    """A reporting expression: how it links source and content, and how firm it is."""

    type: str  # verb | prep | post | adverb | via | verification
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class CompoundCue:
    """A prep cue whose noun can head a compound: "nach Polizeiangaben" (``before``: the marker
    word precedes) or "Polizeiangaben zufolge" (it follows); made from the pack's cues."""

    marker: str
    head: str
    before: bool
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class DateCue:
    """A relative time expression: ``kind`` plus a value (days back, weekday, month)."""

    kind: str  # offset | recent | overnight | night_before | last_week | weekday | month
    value: int = 0


@dataclass(frozen=True, slots=True)
class Sense:
    """Another sense of some event words (``[senses.<name>]`` of a pack): the event words it
    concerns (``words``; every event word when the pack lists none) and the neighbours that
    fix it (``cues``)."""

    name: str
    words: PhraseMatcher[None] | None
    cues: PhraseMatcher[None]


def _sense(name: str, table: Mapping[str, Any], where: str) -> Sense:
    words = _flat(table, "words", where) if table.get("words") else None
    return Sense(name, words, _flat(table, "cues", where))


def _words(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings; fix the pack file")
    return value


def _normed(table: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    """A list of single words, normalised as the matcher compares them."""
    return frozenset(norm(w) for w in _words(table, key, where))


def _flat(table: Mapping[str, Any], key: str, where: str) -> PhraseMatcher[None]:
    return PhraseMatcher((w, None) for w in _words(table, key, where))


def _eras(table: Mapping[str, Any], where: str) -> PhraseMatcher[int]:
    if not all(isinstance(v, int) for v in table.values()):
        raise ConfigError(f"{where}: [eras] maps a phrase to the year the era ended")
    return PhraseMatcher((str(w), int(y)) for w, y in table.items())


def _enum_map(table: Mapping[str, Any], where: str, enum: type[Any]) -> list[tuple[str, Any]]:
    out = []
    for word, value in table.items():
        try:
            out.append((word, enum(value)))
        except ValueError as exc:
            raise ConfigError(f"{where}: {word!r} has unknown value {value!r}") from exc
    return out


def _choice(table: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = table.get(key)
    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' is {value!r}; use one of {', '.join(allowed)}")
    return str(value)


def _triggers(rows: list[dict[str, Any]], where: str) -> PhraseMatcher[Trigger]:
    entries: list[tuple[str, Trigger]] = []
    for i, row in enumerate(rows):
        at = f"{where} triggers[{i}]"
        try:
            kind = ClaimKind(row["kind"])
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{at}: 'kind' must be one of the claim kinds") from exc
        count = row.get("count")
        if count is not None and count not in COUNT_FIELDS:
            raise ConfigError(f"{at}: 'count' is {count!r}; use one of {', '.join(COUNT_FIELDS)}")
        context = _words(row, "context", at)
        trig = Trigger(
            kind,
            row.get("subtype"),
            count,
            bool(row.get("nominal", False)),
            PhraseMatcher((w, None) for w in context) if context else None,
            bool(row.get("evidence", False)),
            bool(row.get("untruth", False)),
        )
        entries.extend((w, trig) for w in _words(row, "words", at))
    return PhraseMatcher(entries)


def _cues(rows: list[dict[str, Any]], where: str) -> PhraseMatcher[CueEntry]:
    entries: list[tuple[str, CueEntry]] = []
    for i, row in enumerate(rows):
        at = f"{where} cues[{i}]"
        ctype = _choice(row, "type", CUE_TYPES, at)
        try:
            certainty = Certainty(row["certainty"])
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{at}: 'certainty' must be one of the certainty levels") from exc
        entries.extend((w, CueEntry(ctype, certainty)) for w in _words(row, "words", at))
    return PhraseMatcher(entries)


def _compound_cues(rows: list[dict[str, Any]], where: str) -> tuple[CompoundCue, ...]:
    """Two-word prep cues of plain words ("nach angaben") and, with their nouns, one-word post
    cues ("zufolge"): the markers of compound cues."""
    preps: list[tuple[str, str, Certainty]] = []
    posts: list[tuple[str, Certainty]] = []
    for i, row in enumerate(rows):
        words = [w for w in _words(row, "words", f"{where} cues[{i}]") if "*" not in w]
        certainty = Certainty(row["certainty"])
        if row.get("type") == "prep":
            preps += [(a, b, certainty) for a, b in (w.split() for w in words if w.count(" ") == 1)]
        elif row.get("type") == "post":
            posts += [(w, certainty) for w in words if " " not in w]
    out = [CompoundCue(norm(a), norm(b), True, c) for a, b, c in preps]
    out += [CompoundCue(norm(p), norm(b), False, c) for p, c in posts for _, b, _ in preps]
    return tuple(dict.fromkeys(out))


def _dates(table: Mapping[str, Any], where: str) -> PhraseMatcher[DateCue]:
    entries: list[tuple[str, DateCue]] = []
    for word, days in table.get("offset", {}).items():
        entries.append((word, DateCue("offset", int(days))))
    for kind in ("recent", "overnight", "night_before", "last_week"):
        entries.extend((w, DateCue(kind)) for w in _words(table, kind, where))
    weekdays = table.get("weekdays", [])
    months = table.get("months", [])
    if len(weekdays) != 7 or len(months) != 12:
        raise ConfigError(f"{where}: [dates] needs 7 weekday lists and 12 month lists")
    for i, forms in enumerate(weekdays):
        entries.extend((w, DateCue("weekday", i)) for w in forms)
    for i, forms in enumerate(months):
        entries.extend((w, DateCue("month", i + 1)) for w in forms)
    return PhraseMatcher(entries)


def _vague(table: Mapping[str, Any]) -> PhraseMatcher[tuple[int | None, int | None]]:
    entries: list[tuple[str, tuple[int | None, int | None]]] = []
    for word, rng in table.items():
        entries.append((word, (rng.get("low"), rng.get("high"))))
    return PhraseMatcher(entries)
