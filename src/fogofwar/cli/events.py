"""``events``, ``event`` and ``flags`` commands: thin shells over :mod:`fogofwar.services`.

Listings print JSONL when piped (events-v1 records, flags with their spans); on a terminal they
print tables, and ``event ID`` prints the claims by source, the lineage as a tree, the reconciled
figures and the flags.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from fogofwar import services
from fogofwar.cli import output
from fogofwar.cli.params import parse_date
from fogofwar.errors import ConfigError
from fogofwar.events.model import Flag
from fogofwar.events.record import EventRecord

__all__ = [
    "events_app",
    "events_table",
    "export_events_cmd",
    "flags_table",
    "parse_as_of",
    "print_events_overview",
    "register",
]

events_app = typer.Typer(
    help="List events (filtered), or merge and split them.", invoke_without_command=True
)

AS_OF = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Show the record as it stood then: YYYY-MM-DD (end of day, UTC) or ISO."
    ),
]


def parse_as_of(value: str | None) -> datetime | None:
    """``--as-of``: a date means the end of that day (UTC); a naive datetime is UTC."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time.max, tzinfo=UTC)
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--as-of {value!r} is not a date: use YYYY-MM-DD or ISO 8601") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _killed(r: EventRecord) -> str:
    if r.killed_low is None and r.killed_high is None:
        return ""
    rng = f"{r.killed_low}" if r.killed_low == r.killed_high else f"{r.killed_low}–{r.killed_high}"
    return f"{rng} (best {r.killed_best if r.killed_best is not None else '—'})"


def events_table(records: Sequence[EventRecord], title: str = "Events") -> Table:
    """A table of events: id, dates, kind, place, killed, articles, sources, flags."""
    table = Table(title=title, show_lines=True)
    for col in ("event", "when", "kind", "where", "killed", "articles", "sources", "flags"):
        table.add_column(col, overflow="fold")
    for r in records:
        when = r.date_start or ""
        if r.date_end and r.date_end != r.date_start:
            when += f" … {r.date_end}"
        where = ", ".join(dict.fromkeys(p for p in (r.location, r.country) if p))
        table.add_row(
            r.event_id,
            when,
            r.kind,
            where,
            _killed(r),
            str(len(r.article_ids)),
            "; ".join(r.sources),
            ", ".join(r.flags),
        )
    return table


def flags_table(flags: Sequence[Flag], title: str = "Flags") -> Table:
    """A table of flags: code, reason, event, article, claims."""
    table = Table(title=title)
    for col in ("flag", "reason", "event", "article", "claims"):
        table.add_column(col, overflow="fold")
    for f in flags:
        arts = f.article_id or ", ".join(sorted({s.article_id for s in f.spans}))
        table.add_row(
            f.code.value,
            f.reason,
            f.event_id or "",
            arts,
            ", ".join(s.claim_id + (" (headline)" if s.in_headline else "") for s in f.spans),
        )
    return table


@events_app.callback()
def events(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", help="casualties, attack …")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO 3166 alpha-3 (RUS) or place name.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before YYYY-MM-DD.")] = None,
    flag: Annotated[
        str | None, typer.Option("--flag", help="Only events with this flag code.")
    ] = None,
    as_of: AS_OF = None,
) -> None:
    """List stored events, newest first (events-v1 JSONL when piped)."""
    if ctx.invoked_subcommand is not None:
        return
    from fogofwar.cli.app import open_db

    with open_db(ctx) as store:
        rows = services.list_events(
            store,
            kind=kind,
            country=country,
            since=parse_date(since, "--since"),
            until=parse_date(until, "--until"),
            flag=flag,
            as_of=parse_as_of(as_of),
        )
    if output.is_piped():
        output.emit_jsonl(r.to_record() for r in rows)
    else:
        Console(highlight=False).print(events_table(rows))


@events_app.command("merge")
def merge_cmd(
    ctx: typer.Context,
    event_a: Annotated[str, typer.Argument(help="The event that survives.")],
    event_b: Annotated[str, typer.Argument(help="The event that joins it.")],
    note: Annotated[str, typer.Option("--note", help="Why (kept with the decision).")] = "",
) -> None:
    """Record that two events are one (re-applied by every later link)."""
    from fogofwar.cli.app import open_db

    with open_db(ctx) as store:
        kept = services.merge_events(store, event_a, event_b, note=note)
    Console(stderr=True).print(f"merged into {kept}")


@events_app.command("split")
def split_cmd(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="The event to split.")],
    claim_ids: Annotated[list[str], typer.Argument(help="Claims that describe another event.")],
    note: Annotated[str, typer.Option("--note", help="Why (kept with the decision).")] = "",
) -> None:
    """Move claims of an event into a new event (re-applied by every later link)."""
    from fogofwar.cli.app import open_db

    with open_db(ctx) as store:
        new_id = services.split_event(store, event_id, claim_ids, note=note)
    typer.echo(new_id)


@events_app.command("link")
def link_cmd(ctx: typer.Context) -> None:
    """Link stored articles whose claims were never linked (after an interrupted ingest)."""
    from fogofwar.cli.app import open_db

    with open_db(ctx) as store:
        s = services.link_pending(store)
    Console(stderr=True).print(
        f"{s.articles} articles, {s.claims} claims linked, {s.new_events} new events,"
        f" {s.versions} event versions"
    )


def event(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    as_of: AS_OF = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the event as JSON.")] = False,
) -> None:
    """Show one event: claims by source, lineage, reconciled counts, flags."""
    from fogofwar.cli.app import open_db

    with open_db(ctx) as store:
        detail = services.event_detail(store, event_id, as_of=parse_as_of(as_of))
    if as_json or output.is_piped():
        output.emit_jsonl([services.detail_record(detail)])
        return
    _print_detail(Console(highlight=False), detail)


def _print_detail(console: Console, d: services.EventDetail) -> None:
    r = d.record
    console.rule(f"{r.event_id} · {r.kind} · v{r.version}")
    console.print(r.notes)
    for label, claims in d.by_source:
        console.print(output.claims_table(claims, title=f"Claims by {label}"))
    tree = Tree(f"Lineage of {r.event_id}")
    for a in d.lineage.appearances:
        pub = a.published.isoformat() if a.published else "undated"
        node = tree.add(
            f"{pub} {a.outlet} [{a.article_id}]"
            + (f" (repost of {a.repost_of})" if a.repost_of else "")
        )
        for c in d.lineage.citations:
            if c.article_id == a.article_id:
                node.add(f"cites {c.cited} ({c.how})")
        for ch in d.lineage.changes:
            if ch.article_id == a.article_id:
                node.add(f"[yellow]changed {ch.field}: {ch.before} → {ch.after}[/]")
    console.print(tree)
    figs = Table(title="Reconciled counts")
    for col in ("field", "low", "high", "best", "best source", "figures"):
        figs.add_column(col, overflow="fold")
    for f in d.reconciliation.figures:
        each = "; ".join(
            f"{s.source}: {s.value}"
            + (" (superseded)" if s.superseded else "" if s.counted else " (not counted)")
            for s in f.figures
        )
        figs.add_row(
            f"{f.field} {f.group}" + (" [red](disagree)[/]" if f.disagreement else ""),
            str(f.low),
            str(f.high),
            str(f.best),
            f.best_source or "",
            each,
        )
    console.print(figs)
    console.print(flags_table(d.flags))


def flags(
    ctx: typer.Context,
    code: Annotated[str | None, typer.Option("--code", help="Only this flag code.")] = None,
    article: Annotated[str | None, typer.Option("--article", help="Only this article.")] = None,
    as_of: AS_OF = None,
) -> None:
    """List what a careful reader would flag, with reasons and the claims it rests on."""
    from fogofwar.cli.app import open_db

    with open_db(ctx) as store:
        rows = services.list_flags(store, code=code, article_id=article, as_of=parse_as_of(as_of))
    if output.is_piped():
        output.emit_jsonl(services.flag_record(f) for f in rows)
    else:
        Console(highlight=False).print(flags_table(rows))


def export_events_cmd(
    ctx: typer.Context,
    fmt: str,
    out: Path | None,
    as_of: str | None,
    *,
    since: date | None = None,
    country: str | None = None,
    kind: str | None = None,
) -> None:
    """``fogofwar export --format EVENT-FORMAT``: write the event records to ``out`` or stdout."""
    from fogofwar.cli.app import open_db
    from fogofwar.events.exports import BINARY_FORMATS, FORMATS

    if fmt not in FORMATS:
        raise ConfigError(
            f"unknown export format {fmt!r}: use claims-jsonl or one of {', '.join(FORMATS)}"
        )
    when = parse_as_of(as_of)
    filters: dict[str, Any] = {"since": since, "country": country, "kind": kind}
    with open_db(ctx) as store:
        if out is not None:
            n = services.export(store, fmt, out, as_of=when, **filters)
        elif fmt in BINARY_FORMATS:
            if sys.stdout.isatty():
                raise ConfigError(f"{fmt} is binary: write it to a file with -o FILE")
            n = services.export(store, fmt, sys.stdout.buffer, as_of=when, **filters)
        else:
            n = services.export(store, fmt, sys.stdout, as_of=when, **filters)
            sys.stdout.flush()
    Console(stderr=True).print(f"{n} events exported ({fmt})")


def print_events_overview(console: Console, store: services.Store) -> None:
    """The demo's tail: every stored event, then the flags a careful reader raises."""
    records = services.list_events(store)
    console.print(events_table(records, title="Events linked across articles"))
    console.print(flags_table(services.list_flags(store), title="What a careful reader flags"))


def register(app: typer.Typer) -> None:
    """Attach these commands to the main app."""
    app.add_typer(events_app, name="events")
    app.command()(event)
    app.command()(flags)
