"""Progress-bar columns (loaded only when a command draws a bar)."""

from __future__ import annotations

from rich.progress import ProgressColumn, Task
from rich.text import Text

__all__ = ["RateColumn"]


class RateColumn(ProgressColumn):
    """Items per second, shown as "…/s" until rich has measured a speed (first frames)."""

    def render(self, task: Task) -> Text:
        """Render the task's rate; ``task.speed`` is ``None`` until two updates are seen."""
        speed = task.speed
        return Text("   …/s" if speed is None else f"{speed:>6.1f}/s", style="progress.data.speed")
