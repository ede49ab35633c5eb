"""The global options (``--db``, ``--quiet``, ``--debug``), defined once and accepted anywhere.

They are declared a single time, on the app's callback (:func:`global_options`). The CLI entry
point then copies those parameters onto every command and sub-group
(:func:`accept_everywhere`), so ``fogofwar --db my.db ingest x.txt`` and
``fogofwar ingest x.txt --db my.db`` mean the same. The values end up in one :class:`Settings`
on the root Typer context (``ctx.obj``); commands read it with :func:`settings`.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from fogofwar.services import Store

__all__ = ["PANEL", "Settings", "accept_everywhere", "global_options", "open_db", "settings"]

PANEL = "Global options (before or after the command)"


@dataclass(frozen=True, slots=True)
class Settings:
    """Global options of one invocation, kept on the Typer context (``ctx.obj``)."""

    db: str = "fogofwar.db"
    quiet: bool = False
    debug: bool = False


def settings(ctx: typer.Context) -> Settings:
    """The global options of this invocation (set by the app callback on the root context)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def open_db(ctx: typer.Context) -> Store:
    """Open the store the global ``--db`` names (through the services layer)."""
    from fogofwar import services

    return services.open_store(settings(ctx).db)


def global_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="SQLite file or database URL (env FOGOFWAR_DB; default ./fogofwar.db).",
            show_default=False,
            rich_help_panel=PANEL,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bars.", rich_help_panel=PANEL)
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks on errors.", rich_help_panel=PANEL)
    ] = False,
) -> None:
    """Read news about armed conflict into a sourced record of claims and events."""
    ctx.obj = Settings(
        db=db or os.environ.get("FOGOFWAR_DB") or "fogofwar.db", quiet=quiet, debug=debug
    )


def _record(ctx: typer.Context, param: Any, value: Any) -> None:
    """A global option given after the command: update the root's :class:`Settings`."""
    if value is None or value is False or param.name is None:
        return
    root = ctx.find_root()
    current = root.obj if isinstance(root.obj, Settings) else Settings()
    root.obj = replace(current, **{param.name: value})


def accept_everywhere(root: Any) -> Any:
    """Copy the root's global options onto every command and group below it (in place).

    ``root`` is the Click command Typer builds (``typer.main.get_command``); groups are told by
    their ``commands`` mapping (Typer ships its own copy of Click, so no isinstance checks).
    """
    shared = [p for p in root.params if p.name in {"db", "quiet", "debug"}]

    def visit(cmd: Any) -> None:
        names = {p.name for p in cmd.params}
        for param in shared:
            if param.name not in names:
                clone = copy.copy(param)
                clone.expose_value = False
                clone.callback = _record
                cmd.params.append(clone)
        for sub in getattr(cmd, "commands", {}).values():
            visit(sub)

    for sub in getattr(root, "commands", {}).values():
        visit(sub)
    return root
