"""The linker's blocking index in the database (``event_profiles`` + ``event_blocks``).

Same contract as :class:`~fogofwar.events.blocking.MemoryLinkIndex`; a candidate lookup is one
indexed query on the block keys, so its cost follows the size of the blocks, not of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from fogofwar.events.blocking import event_keys
from fogofwar.events.model import EventProfile
from fogofwar.events.text_evidence import LangEmbeddings
from fogofwar.store.event_tables import event_blocks, event_profiles
from fogofwar.store.unit import Unit

__all__ = ["SqlLinkIndex", "profile_row", "row_profile"]

_SEP = "\x1f"


def _join(values: Iterable[object]) -> str:
    return _SEP.join(sorted(str(v) for v in values))


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split(_SEP)) if text else frozenset()


def profile_row(p: EventProfile) -> dict[str, Any]:
    """The ``event_profiles`` row of a profile."""
    return {
        "event_id": p.event_id,
        "grp": p.group,
        "kinds": _join(p.kinds),
        "start_day": p.start,
        "end_day": p.end,
        "countries": _join(p.countries),
        "admin1s": _join(p.admin1s),
        "places": _join(p.places),
        "districts": _join(p.districts),
        "actors": _join(p.actors),
        "killed_low": p.killed[0] if p.killed else None,
        "killed_high": p.killed[1] if p.killed else None,
        "n_claims": p.n_claims,
        "embedding": p.embedding.astype(np.float32).tobytes() if p.embedding is not None else None,
        **_lang_columns(p.lang_embeddings),
    }


def _lang_columns(by_lang: LangEmbeddings) -> dict[str, Any]:
    if not by_lang:
        return {"langs": None, "lang_embeddings": None}
    return {
        "langs": _SEP.join(f"{code}:{n}" for code, n, _ in by_lang),
        "lang_embeddings": b"".join(m.astype(np.float32).tobytes() for _, _, m in by_lang),
    }


def _lang_embeddings(langs: str | None, blob: bytes | None) -> LangEmbeddings:
    """Inverse of :func:`_lang_columns` (empty for profiles stored without languages)."""
    if not langs or not blob:
        return ()
    heads = [part.rsplit(":", 1) for part in langs.split(_SEP)]
    vectors = np.frombuffer(blob, dtype=np.float32).reshape(len(heads), -1).copy()
    return tuple((code, int(n), vectors[i]) for i, (code, n) in enumerate(heads))


def row_profile(r: Any) -> EventProfile:
    """Inverse of :func:`profile_row`."""
    killed = (r.killed_low, r.killed_high) if r.killed_low is not None else None
    emb = np.frombuffer(r.embedding, dtype=np.float32).copy() if r.embedding else None
    return EventProfile(
        event_id=r.event_id,
        group=r.grp,
        kinds=_split(r.kinds),
        start=r.start_day,
        end=r.end_day,
        countries=_split(r.countries),
        admin1s=_split(r.admin1s),
        places=frozenset(int(x) for x in _split(r.places)),
        districts=_split(r.districts or ""),
        actors=_split(r.actors),
        killed=killed,
        n_claims=r.n_claims,
        embedding=emb,
        lang_embeddings=_lang_embeddings(r.langs, r.lang_embeddings),
    )


class SqlLinkIndex:
    """:class:`~fogofwar.events.blocking.LinkIndex` over a SQLAlchemy engine."""

    def __init__(self, engine: Engine, unit: Unit | None = None) -> None:
        self.engine = engine
        self.unit = unit or Unit(engine)

    def candidates(self, keys: Iterable[str]) -> list[EventProfile]:
        """Events filed under any of ``keys``, sorted by id."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        ids = sa.select(event_blocks.c.event_id).where(event_blocks.c.key.in_(wanted))
        query = (
            sa.select(event_profiles)
            .where(event_profiles.c.event_id.in_(ids))
            .order_by(event_profiles.c.event_id)
        )
        with self.unit.read() as conn:
            return [row_profile(r) for r in conn.execute(query)]

    def put(self, profiles: Iterable[EventProfile]) -> None:
        """Store new or grown profiles and re-file their block keys, in one transaction."""
        batch = list(profiles)
        if not batch:
            return
        with self.unit.write() as conn:
            self._delete(conn, [p.event_id for p in batch])
            self._insert(conn, batch)

    def bulk_load(self, profiles: Sequence[EventProfile]) -> None:
        """Insert profiles known to be new (benchmarks, rebuilds); no deletes."""
        with self.unit.write() as conn:
            self._insert(conn, profiles)

    def get(self, event_id: str) -> EventProfile | None:
        """One stored profile."""
        query = sa.select(event_profiles).where(event_profiles.c.event_id == event_id)
        with self.unit.read() as conn:
            row = conn.execute(query).first()
        return row_profile(row) if row is not None else None

    def remove(self, event_ids: Iterable[str]) -> None:
        """Drop events and their block entries."""
        ids = list(event_ids)
        with self.unit.write() as conn:
            self._delete(conn, ids)

    def __len__(self) -> int:
        with self.unit.read() as conn:
            n = conn.execute(sa.select(sa.func.count()).select_from(event_profiles)).scalar_one()
        return int(n)

    @staticmethod
    def _delete(conn: Connection, ids: list[str]) -> None:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            conn.execute(sa.delete(event_blocks).where(event_blocks.c.event_id.in_(chunk)))
            conn.execute(sa.delete(event_profiles).where(event_profiles.c.event_id.in_(chunk)))

    @staticmethod
    def _insert(conn: Connection, profiles: Sequence[EventProfile]) -> None:
        if not profiles:
            return
        conn.execute(sa.insert(event_profiles), [profile_row(p) for p in profiles])
        blocks = [{"key": k, "event_id": p.event_id} for p in profiles for k in event_keys(p)]
        conn.execute(sa.insert(event_blocks), blocks)
