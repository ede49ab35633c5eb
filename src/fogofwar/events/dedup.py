"""Near-duplicate detection: reposts and wire copies of one story, grouped so they count once.

MinHash (datasketch) over word shingles of the body, indexed in an LSH so adding an article
costs one query, not a rescan. Each article keeps its own metadata; only its evidence identity
(:attr:`ArticleMeta.evidence_id`) is shared within a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from fogofwar.events.model import ArticleGroup, ArticleMeta

__all__ = ["DedupIndex", "find_duplicates", "shingles", "with_groups"]

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 4) -> set[str]:
    """Word ``size``-grams of ``text`` (lower-cased); short texts fall back to single words."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=4096)
def _minhash(text: str, num_perm: int) -> MinHash:
    """The body's MinHash (never mutated after; cached: linking checks each new article
    against its event-mates, whose signatures would otherwise be recomputed every time)."""
    mh = MinHash(num_perm=num_perm, seed=1)
    for sh in sorted(shingles(text)):
        mh.update(sh.encode("utf-8"))
    return mh


def _order(meta: ArticleMeta) -> tuple[date, str]:
    return (meta.published or date.max, meta.article_id)


@lru_cache(maxsize=16)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The LSH bands and rows datasketch picks for ``threshold`` (it integrates numerically on
    every index it builds: 0.1 s each; the answer depends only on these two numbers)."""
    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


class DedupIndex:
    """Incremental near-duplicate index; add articles in publication order."""

    def __init__(self, threshold: float = 0.6, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(threshold, num_perm))
        self._hashes: dict[str, MinHash] = {}
        self._group_of: dict[str, str] = {}
        self._sim: dict[str, float] = {}

    def add(self, meta: ArticleMeta) -> str:
        """Index ``meta``'s body and return its group id (its own id when it is no copy)."""
        if meta.article_id in self._group_of:
            return self._group_of[meta.article_id]
        mh = _minhash(meta.text, self.num_perm)
        best: tuple[float, str] | None = None
        for other in sorted(self._lsh.query(mh)):
            sim = float(mh.jaccard(self._hashes[other]))
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, other)
        group = self._group_of[best[1]] if best else meta.article_id
        if best:
            self._sim[meta.article_id] = best[0]
        self._lsh.insert(meta.article_id, mh)
        self._hashes[meta.article_id] = mh
        self._group_of[meta.article_id] = group
        return group

    def groups(self) -> tuple[ArticleGroup, ...]:
        """Every group of two or more articles, representative first, sorted by group id."""
        members: dict[str, list[str]] = {}
        for aid, gid in self._group_of.items():
            members.setdefault(gid, []).append(aid)
        out = []
        for gid in sorted(members):
            ids = members[gid]
            if len(ids) < 2:
                continue
            rest = sorted(i for i in ids if i != gid)
            sim = min(self._sim.get(i, 1.0) for i in rest)
            out.append(ArticleGroup(gid, (gid, *rest), round(sim, 3)))
        return tuple(out)


def find_duplicates(
    articles: Iterable[ArticleMeta], threshold: float = 0.6, num_perm: int = 128
) -> tuple[ArticleGroup, ...]:
    """Group near-duplicate articles (estimated Jaccard of word 4-grams >= ``threshold``)."""
    index = DedupIndex(threshold, num_perm)
    for meta in sorted(articles, key=_order):
        index.add(meta)
    return index.groups()


def with_groups(
    articles: Sequence[ArticleMeta], groups: Sequence[ArticleGroup]
) -> tuple[ArticleMeta, ...]:
    """``articles`` with :attr:`ArticleMeta.dup_group` set from ``groups``."""
    group_of = {aid: g.group_id for g in groups for aid in g.article_ids}
    return tuple(replace(a, dup_group=group_of.get(a.article_id)) for a in articles)
