"""Tables that fit the terminal: one line per row, ids whole, long fields cut with an ellipsis.

A :class:`Col` says how a column behaves when space is short: ``keep`` columns (ids, numbers)
are never cut, ``flex`` columns share what is left, the rest keep their natural width up to
``cap``. When even that does not fit, the columns with the highest ``drop`` rank go first.
``wide=True`` shows every column, wrapping at word boundaries instead of cutting, at its natural
width (the terminal may then wrap long lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["Cell", "Col", "fit_table", "one_line", "print_table"]

Cell = str | Text

#: Width of the gap between two columns: a space of padding and the (blank) separator.
_GAP = 2


@dataclass(frozen=True, slots=True)
class Col:
    """One column of a fitted table."""

    name: str
    keep: bool = False  # never cut (ids, counts, dates)
    flex: bool = False  # shares the width left over (titles, names)
    cap: int = 24  # widest a non-flex column grows before it is cut
    drop: int = 0  # dropped first when the terminal is too narrow (0 = never)
    wide_only: bool = False  # shown only with --wide
    justify: str = "left"
    least: int = 8  # narrowest a flex column may become before a column is dropped


def one_line(value: str | None) -> str:
    """``value`` with every run of whitespace (newlines too) as one space."""
    return " ".join((value or "").split())


def _length(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else Text(cell).cell_len


def _widths(cols: Sequence[Col], rows: Sequence[Sequence[Cell]], width: int) -> list[int] | None:
    natural = [max([len(c.name), *(_length(r[i]) for r in rows)]) for i, c in enumerate(cols)]
    fixed = [
        n if (c.keep or c.flex) else min(n, max(c.cap, len(c.name)))
        for c, n in zip(cols, natural, strict=True)
    ]
    room = width - _GAP * (len(cols) - 1)
    flex = [i for i, c in enumerate(cols) if c.flex]
    need = sum(fixed[i] for i, c in enumerate(cols) if not c.flex)
    need += sum(min(fixed[i], cols[i].least) for i in flex)
    if need > room:
        return None
    left = room - sum(fixed[i] for i, c in enumerate(cols) if not c.flex)
    want = sum(fixed[i] for i in flex)
    out = list(fixed)
    if want > left:  # each flex column gets its minimum, then a share of the rest by its want
        base = {i: min(fixed[i], cols[i].least) for i in flex}
        spare = left - sum(base.values())
        extra = {i: fixed[i] - base[i] for i in flex}
        total = sum(extra.values()) or 1
        for i in flex:
            out[i] = base[i] + spare * extra[i] // total
        spare = left - sum(out[i] for i in flex)
        for i in sorted(flex, key=lambda i: -extra[i]):  # rounding leftovers
            if spare <= 0:
                break
            grow = min(spare, fixed[i] - out[i])
            out[i] += grow
            spare -= grow
    return out


def fit_table(
    cols: Sequence[Col],
    rows: Sequence[Sequence[Cell]],
    *,
    width: int,
    wide: bool = False,
    title: str | None = None,
) -> Table:
    """A rich table of ``rows`` fitted to ``width`` columns of terminal (see module doc)."""
    chosen = [i for i, c in enumerate(cols) if wide or not c.wide_only]
    if not wide and rows:  # a column empty in every row only takes room
        chosen = [i for i in chosen if any(_length(r[i]) for r in rows)]
    if wide:
        table = Table(
            title=Text(title) if title else None,
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            padding=(0, 1, 0, 0),
        )
        for i in chosen:
            c = cols[i]
            table.add_column(c.name, no_wrap=True, justify=c.justify)  # type: ignore[arg-type]
        for r in rows:
            table.add_row(
                *(r[i] if isinstance(r[i], Text) else Text(one_line(str(r[i]))) for i in chosen)
            )
        return table
    flat: list[list[Cell]] = [
        [r[i] if isinstance(r[i], Text) else Text(one_line(str(r[i]))) for i in chosen]
        for r in rows
    ]
    picked = [cols[i] for i in chosen]
    widths = _widths(picked, flat, width)
    while widths is None and any(c.drop for c in picked):
        worst = max(range(len(picked)), key=lambda k: picked[k].drop)
        del picked[worst]
        for r in flat:
            del r[worst]
        widths = _widths(picked, flat, width)
    table = Table(
        title=Text(title) if title else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=False,
        padding=(0, 1, 0, 0),
    )
    for c, w in zip(picked, widths or [0] * len(picked), strict=True):
        table.add_column(
            c.name,
            width=w or None,
            no_wrap=True,
            overflow="ellipsis",
            justify=c.justify,  # type: ignore[arg-type]
            header_style="bold",
        )
    for r in flat:
        table.add_row(*r)
    return table


def print_table(console: Console, table: Table) -> None:
    """Print ``table``; a ``--wide`` table (or any wider than the screen) at its full width,
    leaving long lines to the terminal instead of cutting or folding the values."""
    from rich.measure import Measurement

    unbounded = console.options.update_width(1_000_000)
    natural = Measurement.get(console, unbounded, table).maximum
    if natural <= console.width:
        console.print(table)
        return
    screen = console.width
    console.width = natural  # rich never prints wider than the console, so widen it meanwhile
    try:
        console.print(table, crop=False)
    finally:
        console.width = screen
