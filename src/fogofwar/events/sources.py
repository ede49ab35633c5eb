"""Who stands behind a claim, as evidence: identity, identifiability, weakness, firmness.

Two articles citing the same ministry are one source, in any language or spelling: a source
name is resolved against the actor registry (``data/actors.toml``, extendable through
``$FOGOFWAR_ACTORS``), so "Russian defence ministry", "Минобороны РФ", "Міноборони Росії" and
"das russische Verteidigungsministerium" are one source, labelled by the registry's name.
Names the registry does not know are keyed by a cross-script spelling key. Reposts of one wire
story are one source; an article's own voice is its outlet; a byline (the article's author) is
never a source: a claim "sourced" to its own journalist is the outlet's own voice. Keys are
stable strings so stages can count distinct sources without passing dicts around.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from fogofwar.claim import Certainty, Claim, SourceKind
from fogofwar.events.channels import lookup
from fogofwar.events.model import ArticleMeta
from fogofwar.geo.text import fold, skeleton

if TYPE_CHECKING:
    from fogofwar.actors import ActorRegistry
    from fogofwar.actors.entries import ActorEntry

__all__ = [
    "CERTAINTY_RANK",
    "SOCIAL_VIA",
    "Source",
    "channel_source",
    "is_weak",
    "resolve_source",
    "source_of",
    "unify_name_keys",
]

# Firmest first; ``denied`` is a contrary claim, not a weaker one, and is left out.
CERTAINTY_RANK: dict[Certainty, int] = {
    Certainty.CONFIRMED: 0,
    Certainty.ASSERTED: 1,
    Certainty.CLAIMED: 2,
    Certainty.REPORTED: 3,
    Certainty.UNVERIFIED: 4,
    Certainty.HYPOTHETICAL: 5,
}

# Intermediaries that make a claim social-media hearsay when they appear in ``source.via``
# (the reader's surface forms, lower-cased, in the four languages).
SOCIAL_VIA = frozenset(
    {
        "social media",
        "soziale medien",
        "sozialen medien",
        "соцсети",
        "социальные сети",
        "соцмережі",
        "соціальні мережі",
        "telegram",
        "телеграм",
        "x",
        "twitter",
        "facebook",
        "tiktok",
        "youtube",
        "vk",
    }
)


@dataclass(frozen=True, slots=True)
class Source:
    """A claim's source as evidence."""

    key: str  # equal keys = the same source
    label: str  # for people: the name, or the outlet for the article's own voice
    kind: SourceKind
    identifiable: bool  # ACLED's "credible": a named source or an outlet's own voice
    country: str | None = None  # the registry actor's country, when resolved


@dataclass(frozen=True, slots=True)
class Entity:
    """A registry actor a source name resolves to."""

    actor_id: str
    name: str  # the registry's canonical name
    country: str | None
    source_kind: SourceKind | None


_ARTICLES = re.compile(r"^(the|der|die|das|des|dem|den)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(\w[\w .-]*?)['’]s\s+(.+)$")
_COVER = 0.6  # a registry match must cover this share of the name
_OFFICES = Path(__file__).resolve().parents[1] / "data" / "source_offices.toml"


def _variants(name: str) -> list[str]:
    base = _ARTICLES.sub("", " ".join(name.replace("’", "'").split()))
    out = [base]
    if base.isascii():
        out.append(" ".join(w[:1].upper() + w[1:] for w in base.split()))
    m = _POSSESSIVE.match(base)
    if m:  # "Russia's defence ministry" -> "defence ministry of Russia"
        out.append(f"{m.group(2)} of {m.group(1)}")
    return out


@lru_cache(maxsize=16384)
def resolve_source(name: str, lang: str) -> Entity | None:
    """The registry actor a source name stands for ("Минобороны РФ" -> Russian Ministry of
    Defence), when one registry match covers most of the name; else the registry figure the name
    is ("Ігор Клименко" -> Ihor Klymenko), or the office that figure speaks for
    (``data/source_offices.toml``: the interior minister is the interior ministry); else
    ``None``."""
    from fogofwar.actors import ActorRegistry

    registry = ActorRegistry.load()
    own = lang or "en"  # the registry reads languages it has no aliases for as any language
    found = _registry_actor(registry, name, own)
    if found is not None:
        return found
    person = _registry_person(registry, name, own)
    if person is None:
        return None
    office = registry.get(_offices().get(person.id, ""))  # the office they speak for
    if office is not None:
        return Entity(office.id, office.name, office.country, office.source_kind)
    return Entity(person.id, person.name, person.country, person.source_kind)


def _registry_person(registry: ActorRegistry, name: str, own: str) -> ActorEntry | None:
    """The registry figure ``name`` names: found by the person finder (aliases, a role word
    before the name), else by the cross-script spelling key of an alias ("Ihor Klimenko",
    "Ігор Клименко" and "Ihor Klymenko" share one key)."""
    for code in dict.fromkeys((own, "en")):
        for p in registry.find_persons(name, code):
            start = min(p.span.start, p.role_span.start if p.role_span else p.span.start)
            if p.entry is not None and p.span.end - start >= _COVER * len(name.strip()):
                return p.entry
    return _person_keys(registry).get(skeleton(name) or "")


@lru_cache(maxsize=4)
def _person_keys(registry: ActorRegistry) -> dict[str, ActorEntry]:
    keys: dict[str, list[ActorEntry]] = {}
    for e in registry.persons:
        for alias in {e.name, *e.aliases}:
            key = skeleton(alias)
            if key and " " in key and e not in keys.get(key, []):
                keys.setdefault(key, []).append(e)
    return {k: v[0] for k, v in keys.items() if len(v) == 1}  # a key two figures share names none


@lru_cache(maxsize=1)
def _offices() -> dict[str, str]:
    with _OFFICES.open("rb") as fh:
        return dict(tomllib.load(fh).get("offices", {}))


def _registry_actor(registry: ActorRegistry, name: str, own: str) -> Entity | None:
    # then English: names are often given in English in any article (a wire's rendering, a
    # reader's or annotator's normalised name: "Ministry of Internal Affairs of Ukraine")
    for code in dict.fromkeys((own, "en")):
        for text in _variants(name):
            for m in registry.find(text, code):
                leading = m.span.start == 0  # "ukrainischen Innenministeriums zufolge …"
                if m.entry.synthesized or (len(m.surface) < _COVER * len(text) and not leading):
                    continue
                e = m.entry
                return Entity(e.id, e.name, e.country, e.source_kind)
    return None


def _byline(name: str, meta: ArticleMeta | None) -> bool:
    if meta is None or not meta.authors:
        return False
    key = fold(name)
    return any(key == fold(a) or key == fold(a).split(" ")[-1] for a in meta.authors)


def source_of(claim: Claim, meta: ArticleMeta | None) -> Source:
    """The source behind ``claim`` in the article ``meta``."""
    src = claim.source
    evidence = meta.evidence_id if meta else claim.article_id
    outlet = meta.outlet if meta else claim.article_id
    if src.name is not None and _byline(src.name, meta):
        return Source(f"outlet:{evidence}", outlet, SourceKind.AUTHOR, True)
    if src.kind is SourceKind.UNNAMED or (src.name is None and src.kind is not SourceKind.AUTHOR):
        return Source(f"unnamed:{evidence}", src.name or "unnamed sources", src.kind, False)
    if src.name is None:
        if meta is not None and meta.channel:  # a channel's post speaks for who runs it
            return channel_source(meta.channel)
        return Source(f"outlet:{evidence}", outlet, src.kind, True)
    if src.name.startswith("@"):
        return channel_source(src.name)
    entity = resolve_source(src.name, claim.lang)
    if entity is not None:
        kind = entity.source_kind or src.kind
        return Source(f"actor:{entity.actor_id}", entity.name, kind, True, entity.country)
    key = skeleton(src.name) or fold(src.name)
    return Source("name:" + key, src.name, src.kind, True)


def channel_source(username: str) -> Source:
    """A Telegram channel as a source: the registry actor that runs it when the registry
    knows one (a post on the ministry's channel is the ministry speaking), else the channel."""
    ch = lookup(username)
    if ch.operator:
        entity = resolve_source(ch.operator, "en")
        if entity is not None:
            return Source(
                f"actor:{entity.actor_id}", entity.name, ch.source_kind, True, entity.country
            )
    return Source(
        f"channel:{ch.username.lower()}", ch.operator or ch.label, ch.source_kind, True, ch.country
    )


def is_weak(claim: Claim) -> bool:
    """True for unnamed or social-media sourcing (also when relayed via social media)."""
    if claim.source.kind in (SourceKind.UNNAMED, SourceKind.SOCIAL_MEDIA):
        return True
    return any(v.strip().lower() in SOCIAL_VIA for v in claim.source.via)


def _near(a: str, b: str) -> bool:
    """Equal, or one letter apart (substituted, added or dropped) in words of 5+ letters."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if a + "a" == b or b + "a" == a:  # Petrov / Petrova: two people
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


def _given(a: str, b: str) -> bool:
    """Russian and Ukrainian forms of one given name (Сергей / Сергій, Александр / Олександр)
    share their first three letters once a leading a/o is made one."""
    fa, fb = ("o" + a[1:] if a[:1] == "a" else a), ("o" + b[1:] if b[:1] == "a" else b)
    return fa[:3] == fb[:3]


def unify_name_keys(keys: Iterable[str]) -> dict[str, str]:
    """Within one event, name keys of one person spelt apart (``name:serhei lisak`` and
    ``name:serhi lisak``; ``name:Halid al aiser`` and ``name:Halid al aisar``) mapped to one:
    the same number of words, the same or one-letter-apart surname and middle words, given
    names that are forms of one name. Other keys map to themselves."""
    out = {k: k for k in keys}
    names = sorted(k for k in out if k.startswith("name:"))
    for i, a in enumerate(names):
        if out[a] != a:
            continue
        wa = a[5:].split()
        for b in names[i + 1 :]:
            wb = b[5:].split()
            if len(wa) < 2 or len(wa) != len(wb) or out[b] != b:
                continue
            rest = zip(wa[1:], wb[1:], strict=True)
            if _given(wa[0], wb[0]) and all(_near(x, y) for x, y in rest):
                out[b] = a
    return out
