"""Reading on Ray (optional extra ``ray``): one actor per worker, each holding its own reader.

Local Ray when no address is given, else the cluster at ``address`` (``ray://host:10001`` or
``auto``). Results stream back in input order with at most ``2 × workers`` articles in flight,
so the single writer (ingest) sets the pace. Every article is read inside
:func:`~fogofwar.services.engines.guarded_read` on its actor.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fogofwar.errors import ConfigError
from fogofwar.model import Article, ReasonCode
from fogofwar.reader import Reader
from fogofwar.services.engines import (
    ReadLimits,
    ReadOutcome,
    default_jobs,
    guarded_read,
    reject_outcome,
)

__all__ = ["RayEngine", "ray_available"]


def ray_available() -> str | None:
    """Ray's version, or ``None`` when it is not installed."""
    try:
        import ray
    except ImportError:
        return None
    return str(ray.__version__)


class _ReaderActor:
    """Holds one reader on a Ray worker."""

    def __init__(self, factory: Callable[[], Reader], limits: ReadLimits) -> None:
        self.reader = factory()
        self.limits = limits

    def read(self, article: Article) -> ReadOutcome:
        """Read one article inside its guard."""
        return guarded_read(self.reader, article, self.limits)


class RayEngine:
    """Reads on ``workers`` Ray actors (default: the CPUs of this machine)."""

    def __init__(
        self,
        factory: Callable[[], Reader],
        *,
        workers: int | None = None,
        limits: ReadLimits | None = None,
        address: str | None = None,
    ) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ConfigError(
                "--engine ray needs Ray: pip install 'fogofwar[ray]' (or use --engine pool)"
            ) from exc
        self._ray: Any = ray
        if not ray.is_initialized():
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        self.n = workers or default_jobs()
        actor: Any = ray.remote(num_cpus=1)(_ReaderActor)
        self._actors: list[Any] = [
            actor.remote(factory, limits or ReadLimits()) for _ in range(self.n)
        ]

    @property
    def workers(self) -> int:
        """The number of reading actors."""
        return self.n

    def map(self, articles: Iterable[Article]) -> Iterator[ReadOutcome]:
        """Outcomes in input order, round-robin over the actors, bounded read-ahead."""
        flight: deque[tuple[Article, Any]] = deque()
        for i, article in enumerate(articles):
            flight.append((article, self._actors[i % self.n].read.remote(article)))
            if len(flight) >= 2 * self.n:
                yield self._get(*flight.popleft())
        while flight:
            yield self._get(*flight.popleft())

    def _get(self, article: Article, ref: Any) -> ReadOutcome:
        try:
            out: ReadOutcome = self._ray.get(ref)
        except Exception as exc:  # the actor died (node lost, out of memory)
            return reject_outcome(
                article, ReasonCode.READ_FAILED, f"the Ray worker failed ({type(exc).__name__})"
            )
        return out

    def close(self) -> None:
        """Release the actors (the Ray runtime stays up for the process)."""
        for a in self._actors:
            self._ray.kill(a)
        self._actors = []
