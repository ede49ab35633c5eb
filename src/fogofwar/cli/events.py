"""``events``, ``event`` and ``flags`` commands: thin shells over :mod:`fogofwar.services`.

Listings print JSONL when piped (events-v1 records, flags with their spans); on a terminal they
print tables, and ``event ID`` prints the claims by source, the lineage as a tree, the reconciled
figures and the flags.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from fogofwar import services
from fogofwar.cli.options import open_db
from fogofwar.cli.params import FORMAT, LIMIT, WIDE, choose, listing_format, parse_date
from fogofwar.cli.tables import Col, fit_table, print_table
from fogofwar.errors import ConfigError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

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
        "--as-of",
        help="The record as fogofwar had it then, by INGEST time (when articles were stored): "
        "YYYY-MM-DD (end of day, UTC) or ISO. For article dates use --published-before.",
    ),
]


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


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
    return rng + (f" ({r.killed_best})" if r.killed_best not in (None, r.killed_low) else "")


def _span(start: str | None, end: str | None) -> str:
    """``2024-10-24…26`` for a range within a month, ``2024-10-30…11-02`` within a year."""
    if not start or not end or end == start:
        return start or end or ""
    if start[:7] == end[:7]:
        return f"{start}…{end[8:]}"
    if start[:4] == end[:4]:
        return f"{start}…{end[5:]}"
    return f"{start}…{end}"


def events_table(
    records: Sequence[EventRecord],
    *,
    width: int,
    wide: bool = False,
    ids: Mapping[str, str] | None = None,
    title: str = "Events",
) -> Table:
    """A table of events: id, dates, kind, place, killed, articles, sources, flags."""
    cols = [
        Col("event", keep=True),
        Col("when", keep=True),
        Col("kind", cap=12),
        Col("where", cap=14, drop=3),
        Col("killed", keep=True, drop=2),
        Col("arts", keep=True, justify="right", drop=4),
        Col("sources", flex=True, drop=5),
        Col("flags", flex=True, least=16),
    ]
    rows = []
    for r in records:
        when = _span(r.date_start, r.date_end)
        where = r.location or r.country or ""
        if wide and r.location and r.country:
            where = f"{r.location}, {r.country}"
        rows.append(
            [
                (ids or {}).get(r.event_id, r.event_id),
                when,
                r.kind,
                where,
                _killed(r),
                str(len(r.article_ids)),
                "; ".join(r.sources),
                ", ".join(r.flags),
            ]
        )
    return fit_table(cols, rows, width=width, wide=wide, title=title)


def flags_table(
    flags: Sequence[Flag],
    *,
    width: int,
    wide: bool = False,
    ids: Mapping[str, str] | None = None,
    title: str = "Flags",
) -> Table:
    """A table of flags: code, event, article, reason (the claims with --wide)."""
    short = ids or {}
    cols = [
        Col("flag", cap=22),
        Col("event", keep=True),
        Col("article", keep=True, drop=1),
        Col("reason", flex=True),
        Col("claims", wide_only=True),
    ]
    rows = []
    for f in flags:
        arts = [f.article_id] if f.article_id else sorted({s.article_id for s in f.spans})
        named = [short.get(a, a) for a in arts]
        if not wide and len(named) > 1:
            named = [f"{named[0]} +{len(named) - 1}"]
        rows.append(
            [
                f.code.value,
                short.get(f.event_id or "", f.event_id or ""),
                ", ".join(named),
                f.reason,
                ", ".join(
                    short.get(s.claim_id, s.claim_id) + (" (headline)" if s.in_headline else "")
                    for s in f.spans
                ),
            ]
        )
    return fit_table(cols, rows, width=width, wide=wide, title=title)


def _flag_ids(flags: Sequence[Flag]) -> list[str]:
    out: list[str] = []
    for f in flags:
        out += [x for x in (f.event_id, f.article_id) if x]
        out += [i for s in f.spans for i in (s.article_id, s.claim_id)]
    return out


def _kinds() -> list[str]:
    from fogofwar.claim import ClaimKind

    return [k.value for k in ClaimKind]


@events_app.callback()
def events(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", help="casualties, attack …")] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            help="UA, UKR, Ukraine, Украина, Україна … (ISO 3166 code or a name in de/en/ru/uk),"
            " or a place name as recorded.",
        ),
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before YYYY-MM-DD.")] = None,
    flag: Annotated[
        str | None, typer.Option("--flag", help="Only events with this flag code.")
    ] = None,
    as_of: AS_OF = None,
    published_before: Annotated[
        str | None,
        typer.Option(
            "--published-before",
            help="Only events first reported in an article published before YYYY-MM-DD.",
        ),
    ] = None,
    limit: LIMIT = 100,
    format: FORMAT = None,
    wide: WIDE = False,
) -> None:
    """List stored events, newest first (a table on a terminal, events-v1 JSONL when piped)."""
    if ctx.invoked_subcommand is not None:
        return
    from fogofwar.cli import output
    from fogofwar.cli.app import announce_cut

    fmt = listing_format(format, output.is_piped())
    code = services.country_code(country) if country else None
    where = services.EventFilter(
        kind=choose(kind, _kinds(), "--kind"),
        country=code or country,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        flag=flag,
    )
    with open_db(ctx) as store:
        rows = services.list_events(
            store,
            where,
            as_of=parse_as_of(as_of),
            published_before=parse_date(published_before, "--published-before"),
        )
        if country and code is None and not rows:
            raise ConfigError(
                f"unknown country {country!r}: use an ISO code (UA, UKR) or a country name in "
                "German, English, Russian or Ukrainian; as a place name it matches no stored "
                "event"
            )
        more = len(rows) > limit
        rows = rows[:limit]
        ids = services.short_ids(store, [r.event_id for r in rows]) if fmt == "table" else {}
    if fmt == "jsonl":
        output.emit_jsonl(r.to_record() for r in rows)
    else:
        console = _console()
        print_table(console, events_table(rows, width=console.width, wide=wide, ids=ids))
    announce_cut(len(rows), limit, "events", more)


@events_app.command("merge")
def merge_cmd(
    ctx: typer.Context,
    event_a: Annotated[str, typer.Argument(help="The event that survives.")],
    event_b: Annotated[str, typer.Argument(help="The event that joins it.")],
    note: Annotated[str, typer.Option("--note", help="Why (kept with the decision).")] = "",
) -> None:
    """Record that two events are one (re-applied by every later link)."""
    with open_db(ctx) as store:
        kept = services.merge_events(store, event_a, event_b, note=note)
    _err().print(f"merged into {kept}")


@events_app.command("split")
def split_cmd(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="The event to split.")],
    claim_ids: Annotated[list[str], typer.Argument(help="Claims that describe another event.")],
    note: Annotated[str, typer.Option("--note", help="Why (kept with the decision).")] = "",
) -> None:
    """Move claims of an event into a new event (re-applied by every later link)."""
    with open_db(ctx) as store:
        new_id = services.split_event(store, event_id, claim_ids, note=note)
    typer.echo(new_id)


@events_app.command("link")
def link_cmd(ctx: typer.Context) -> None:
    """Link stored articles whose claims were never linked (after an interrupted ingest)."""
    with open_db(ctx) as store:
        s = services.link_pending(store)
    _err().print(
        f"{s.articles} articles, {s.claims} claims linked, {s.new_events} new events,"
        f" {s.versions} event versions"
    )


def event(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    as_of: AS_OF = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the event as JSON.")] = False,
    wide: WIDE = False,
) -> None:
    """Show one event: claims by source, lineage, reconciled counts, flags."""
    from fogofwar.cli import output

    with open_db(ctx) as store:
        detail = services.event_detail(store, event_id, as_of=parse_as_of(as_of))
        ids = services.short_ids(
            store,
            [
                detail.record.event_id,
                *(i for c in detail.claims for i in (c.claim_id, c.article_id)),
                *(a.article_id for a in detail.lineage.appearances),
                *_flag_ids(detail.flags),
            ],
        )
    if as_json or output.is_piped():
        output.emit_jsonl([services.detail_record(detail)])
        return
    _print_detail(_console(), detail, ids, wide)


def _print_detail(
    console: Console, d: services.EventDetail, ids: Mapping[str, str], wide: bool
) -> None:
    from rich.text import Text
    from rich.tree import Tree

    from fogofwar.cli import output

    r = d.record
    short = ids.get(r.event_id, r.event_id)
    console.rule(Text(f"{short} · {r.kind} · v{r.version}"))
    console.print(r.notes, markup=False)
    for label, claims in d.by_source:
        print_table(
            console,
            output.claims_table(
                claims, title=f"Claims by {label}", width=console.width, wide=wide, ids=ids
            ),
        )
    tree = Tree(Text(f"Lineage of {short}"))
    for a in d.lineage.appearances:
        pub = a.published.isoformat() if a.published else "undated"
        node = tree.add(
            Text(
                f"{pub} {a.outlet} [{ids.get(a.article_id, a.article_id)}]"
                + (f" (repost of {ids.get(a.repost_of, a.repost_of)})" if a.repost_of else "")
            )
        )
        for c in d.lineage.citations:
            if c.article_id == a.article_id:
                node.add(Text(f"cites {c.cited} ({c.how})"))
        for ch in d.lineage.changes:
            if ch.article_id == a.article_id:
                node.add(Text(f"changed {ch.field}: {ch.before} → {ch.after}", style="yellow"))
    console.print(tree)
    cols = [
        Col("field", cap=20),
        Col("low", keep=True, justify="right"),
        Col("high", keep=True, justify="right"),
        Col("best", keep=True, justify="right"),
        Col("best source", flex=True, drop=1),
        Col("figures", flex=True),
    ]
    rows = []
    for f in d.reconciliation.figures:
        each = "; ".join(
            f"{s.source}: {s.value}"
            + (" (superseded)" if s.superseded else "" if s.counted else " (not counted)")
            for s in f.figures
        )
        rows.append(
            [
                f"{f.field} {f.group}" + (" (disagree)" if f.disagreement else ""),
                str(f.low),
                str(f.high),
                str(f.best),
                f.best_source or "",
                each,
            ]
        )
    figs: Table = fit_table(cols, rows, width=console.width, wide=wide, title="Reconciled counts")
    print_table(console, figs)
    print_table(console, flags_table(d.flags, width=console.width, wide=wide, ids=ids))


def _flag_codes() -> list[str]:
    from fogofwar.events.model import FlagCode

    return [c.value for c in FlagCode]


def flags(
    ctx: typer.Context,
    code: Annotated[str | None, typer.Option("--code", help="Only this flag code.")] = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Only this article (or an id prefix).")
    ] = None,
    as_of: AS_OF = None,
    format: FORMAT = None,
    wide: WIDE = False,
) -> None:
    """List what a careful reader would flag, with reasons and the claims it rests on."""
    from fogofwar.cli import output

    fmt = listing_format(format, output.is_piped())
    code = choose(code, _flag_codes(), "--code")
    with open_db(ctx) as store:
        article_id = services.resolve_article(store, article) if article else None
        rows = services.list_flags(
            store, code=code, article_id=article_id, as_of=parse_as_of(as_of)
        )
        ids = services.short_ids(store, _flag_ids(rows)) if fmt == "table" else {}
    if fmt == "jsonl":
        output.emit_jsonl(services.flag_record(f) for f in rows)
    else:
        console = _console()
        print_table(console, flags_table(rows, width=console.width, wide=wide, ids=ids))


def export_events_cmd(
    ctx: typer.Context,
    fmt: str,
    out: Path | None,
    as_of: str | None,
    where: services.EventFilter | None = None,
) -> None:
    """``fogofwar export --format EVENT-FORMAT``: write the event records matching ``where``
    to ``out`` or stdout."""
    from fogofwar.events.exports import BINARY_FORMATS, FORMATS

    if fmt not in FORMATS:
        raise ConfigError(
            f"unknown export format {fmt!r}: use claims-jsonl or one of {', '.join(FORMATS)}"
        )
    when = parse_as_of(as_of)
    with open_db(ctx) as store:
        if out is not None:
            n = services.export(store, fmt, out, where, as_of=when)
        elif fmt in BINARY_FORMATS:
            if sys.stdout.isatty():
                raise ConfigError(f"{fmt} is binary: write it to a file with -o FILE")
            n = services.export(store, fmt, sys.stdout.buffer, where, as_of=when)
        else:
            n = services.export(store, fmt, sys.stdout, where, as_of=when)
            sys.stdout.flush()
    _err().print(f"{n} events exported ({fmt})")


def print_events_overview(console: Console, store: services.Store) -> None:
    """The demo's tail: every stored event, then the flags a careful reader raises."""
    records = services.list_events(store)
    found = services.list_flags(store)
    ids = services.short_ids(store, [*(r.event_id for r in records), *_flag_ids(found)])
    print_table(
        console,
        events_table(records, width=console.width, ids=ids, title="Events linked across articles"),
    )
    print_table(
        console,
        flags_table(found, width=console.width, ids=ids, title="What a careful reader flags"),
    )


def register(app: typer.Typer) -> None:
    """Attach these commands to the main app."""
    app.add_typer(events_app, name="events")
    app.command()(event)
    app.command()(flags)
