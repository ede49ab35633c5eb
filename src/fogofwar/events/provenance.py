"""Which stored article an account cites: the lineage edges behind ``Citation.cited_article``.

An article that names an outlet ("according to Reuters", "Укрінформ повідомляє") — as a claim's
source or intermediary, or anywhere in its text when that outlet's account is stored — or a channel
("as @rybar reported", a ``t.me`` link, or a forward) is tied to that outlet's or channel's
stored account of the same event — the latest one published no later than the citing article
(the same event: the content agrees; no later: a report follows what it reports). A source
that runs a channel also matches the channel's posts (the defence ministry and its
``mod_russia`` post). Following these edges back from the earliest account finds the first
reporter (:func:`trace_back`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from fogofwar.events.channels import mentions
from fogofwar.events.model import ArticleMeta
from fogofwar.events.sources import channel_source
from fogofwar.geo.text import skeleton

__all__ = ["StoredAccounts", "outlet_key", "trace_back"]

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_MIN_OUTLET = 5  # shorter outlet keys ("bbc", "rt") are too easily a word of the text
_GENERIC = frozenset({"www", "m", "news", "en", "ru", "ua", "de", "com", "co", "org", "net", "gov"})


def outlet_key(outlet: str) -> str:
    """A comparable key of an outlet label: a channel's username, else the distinctive label
    of its host ("www.reuters.com" → "reuters", "pravda.com.ua" → "pravda")."""
    if outlet.startswith("@"):
        return outlet[1:].lower()
    labels = [x for x in outlet.lower().split(".")[:-1] if x not in _GENERIC] or [outlet.lower()]
    return skeleton(max(labels, key=len)) or max(labels, key=len)


def _name_key(name: str) -> str:
    if name.startswith("@"):
        return name[1:].lower()
    return skeleton(name.replace(" ", "")) or name.lower()


class StoredAccounts:
    """The accounts of one event, to resolve what an account cites."""

    def __init__(self, article_ids: Sequence[str], metas: Mapping[str, ArticleMeta]) -> None:
        self.ids = list(article_ids)
        self.metas = metas

    def _day(self, aid: str) -> date:
        meta = self.metas.get(aid)
        return meta.published if meta and meta.published else date.max

    def _latest(self, citing: str, wanted: Iterable[str]) -> str | None:
        limit = self._day(citing)
        ok = [a for a in wanted if a != citing and self._day(a) <= limit]
        return max(ok, key=lambda a: (self._day(a), self.ids.index(a))) if ok else None

    def find(self, name: str, source_key: str | None, citing: str) -> str | None:
        """The stored account ``name`` (an outlet, a channel, or the source a channel speaks
        for) stands for, as cited by article ``citing``; else ``None``."""
        key = _name_key(name)
        found = []
        for aid in self.ids:
            meta = self.metas.get(aid)
            if meta is None:
                continue
            own = outlet_key(meta.outlet)
            named = bool(own) and (own == key or (len(own) >= 5 and own in key))
            runs = bool(meta.channel and source_key)
            if named or (runs and channel_source(meta.channel or "").key == source_key):
                found.append(aid)
        return self._latest(citing, found)

    def outlet_links(self, citing: str) -> list[tuple[str, str, str | None]]:
        """``(name, "via", cited_article)`` for each other stored outlet of the event that
        article ``citing`` names in its text ("rapporte le site Frontline Wire", "wie die
        Kyiv Post berichtete"), whether or not the reader made it a claim's source."""
        meta = self.metas.get(citing)
        if meta is None:
            return []
        keys: dict[str, list[str]] = {}
        for aid in self.ids:
            other = self.metas.get(aid)
            own = outlet_key(other.outlet) if other else ""
            if other and aid != citing and len(own) >= _MIN_OUTLET and other.outlet != meta.outlet:
                keys.setdefault(own, []).append(aid)
        if not keys:
            return []
        words = _WORD.findall(f"{meta.title}\n{meta.text}")
        out: list[tuple[str, str, str | None]] = []
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                surface = " ".join(words[i : i + n])
                key = _name_key(surface)
                if key in keys and all(name != surface for name, _, _ in out):
                    cited = self._latest(citing, keys.pop(key))
                    if cited is not None:
                        out.append((surface, "via", cited))
        return out

    def channel_links(self, citing: str) -> list[tuple[str, str, str | None]]:
        """``(cited, how, cited_article)`` for the channels article ``citing`` forwards or
        names ("as @channel reported", a t.me link): ``forward`` and ``via`` edges."""
        meta = self.metas.get(citing)
        if meta is None:
            return []
        out: list[tuple[str, str, str | None]] = []
        if meta.forwarded_from:
            name = f"@{meta.forwarded_from}"
            out.append((name, "forward", self.find(name, None, citing)))
        own = (meta.channel or "").lower()
        for username in mentions(f"{meta.title}\n{meta.text}"):
            if username.lower() in (own, (meta.forwarded_from or "").lower()):
                continue
            name = f"@{username}"
            out.append((name, "via", self.find(name, None, citing)))
        return out


def trace_back(first: str | None, edges: Iterable[tuple[str, str | None]]) -> str | None:
    """Follow ``(article, cited_article)`` edges back from ``first`` to the account it rests
    on (the first reporter); ``first`` itself when it cites no stored account."""
    cites: dict[str, str] = {}
    for aid, cited in edges:
        if cited is not None and aid not in cites:
            cites[aid] = cited
    seen: set[str] = set()
    node = first
    while node is not None and node in cites and node not in seen:
        seen.add(node)
        node = cites[node]
    return node
