"""Typer commands. Each is a thin wrapper over a function in :mod:`fogofwar.services`.

The global options (``--db``, ``--quiet``, ``--debug``) are defined once in
:mod:`fogofwar.cli.options` and accepted before or after the command; commands read them with
:func:`settings` and open the store with :func:`open_db`.

Imports of the pipeline, the store and the events code happen inside the commands, so
``fogofwar --help`` and ``fogofwar extract`` start without loading what they do not use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from fogofwar import services
from fogofwar.cli.options import Settings, global_options, open_db, settings
from fogofwar.cli.params import FORMAT, LIMIT, WIDE, choose, listing_format, parse_date
from fogofwar.cli.tables import print_table

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from fogofwar.claim import Claim
    from fogofwar.readers import ReadOptions

__all__ = ["Settings", "app", "open_db", "settings"]

app = typer.Typer(
    name="fogofwar",
    help="Read news about armed conflict into a sourced record of claims and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.callback()(global_options)


def stderr() -> Console:
    """A console on stderr (notes, summaries, progress)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def stdout() -> Console:
    """A console on stdout (tables)."""
    from rich.console import Console

    return Console(highlight=False)


def announce_cut(shown: int, limit: int, what: str, more: bool) -> None:
    """Say on stderr that a listing stopped at ``--limit`` (only when more rows exist)."""
    if more:
        stderr().print(
            f"[dim]Showing the first {shown} {what} (--limit {limit}); "
            "raise --limit or use --offset for more.[/]"
        )


def _progress(quiet: bool) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from fogofwar.cli.progress import RateColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=stderr(),
        transient=False,
        disable=quiet,
    )


def _options(
    allow_private: bool, fields: list[str] | None = None, allow_hosts: list[str] | None = None
) -> ReadOptions:
    from fogofwar.cli.extracting import read_options

    return read_options(allow_private, fields, allow_hosts)


INPUTS = Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")]
ALLOW_PRIVATE = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching loopback/private addresses (unsafe)."),
]
FIELDS = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="Which JSON key or CSV column holds a field, NAME=KEY (text=body, "
        "publisher=source.name, published=date); repeatable. Names: title, text, authors, "
        "published, url, language, section, publisher.",
        show_default=False,
    ),
]
ALLOW_HOSTS = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-host",
        help="A private host name, address or CIDR network that may be fetched (repeatable).",
    ),
]
JOBS = Annotated[
    int | None,
    typer.Option("--jobs", "-j", help="Reading processes (default: the machine's CPUs).", min=1),
]
ENGINE = Annotated[
    str, typer.Option("--engine", help="Where claims are read: pool | inline | ray.")
]
ADDRESS = Annotated[
    str | None,
    typer.Option("--address", help="Ray cluster address (ray://host:10001); local Ray if unset."),
]
TIMEOUT = Annotated[
    float, typer.Option("--timeout", help="Seconds one article may take to read.", min=0.1)
]


def _engine(
    engine: str, jobs: int | None, address: str | None, timeout: float, inputs: list[str]
) -> services.ReadEngine:
    from fogofwar.cli.reading import make_read_engine

    return make_read_engine(engine, jobs, address, timeout, inputs)


@app.command()
def ingest(
    ctx: typer.Context,
    inputs: INPUTS,
    no_claims: Annotated[bool, typer.Option("--no-claims", help="Store articles only.")] = False,
    allow_private: ALLOW_PRIVATE = False,
    field: FIELDS = None,
    allow_host: ALLOW_HOSTS = None,
    jobs: JOBS = None,
    engine: ENGINE = "pool",
    address: ADDRESS = None,
    timeout: TIMEOUT = 120.0,
) -> None:
    """Read inputs, store new articles, rejections and their claims (one writer; claims read
    by a process pool sized to the machine, or on Ray)."""
    read_options = _options(allow_private, field, allow_host)
    reader = None if no_claims else _engine(engine, jobs, address, timeout, inputs)
    total = services.count_inputs(inputs)
    opts = settings(ctx)
    try:
        with open_db(ctx) as store, _progress(opts.quiet) as bar:
            task = bar.add_task("ingesting", total=total)

            def tick(done: int, label: str) -> None:
                bar.update(task, completed=done, description=label[:40])

            summary = services.ingest(inputs, store, reader, options=read_options, progress=tick)
    finally:
        if reader is not None:
            reader.close()
    stderr().print(
        f"{summary.inserted} new, {summary.existing} already stored, {summary.rejected} rejected, "
        f"{summary.claims} claims ({summary.not_read} articles not read) "
        f"in {summary.seconds:.1f}s → {opts.db}"
    )
    if summary.rejected:
        stderr().print("See why with: fogofwar rejects")


@app.command()
def extract(
    inputs: INPUTS,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "jsonl",
    wide: WIDE = False,
    allow_private: ALLOW_PRIVATE = False,
    field: FIELDS = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes reading in parallel (default: every core; 1 = serial). "
            "Output keeps input order.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read inputs and print the articles found, without storing them."""
    from fogofwar.cli.extracting import run_extract

    code = run_extract(
        inputs, fmt=format, wide=wide, allow_private=allow_private, fields=field, jobs=jobs
    )
    if code:
        raise typer.Exit(code)


@app.command("read")
def read_cmd(
    inputs: INPUTS,
    format: Annotated[
        str, typer.Option("--format", "-f", help="claims-jsonl or table.")
    ] = "claims-jsonl",
    wide: WIDE = False,
    allow_private: ALLOW_PRIVATE = False,
    field: FIELDS = None,
    allow_host: ALLOW_HOSTS = None,
    jobs: JOBS = None,
    engine: ENGINE = "pool",
    address: ADDRESS = None,
    timeout: TIMEOUT = 120.0,
) -> None:
    """Read inputs and print their claims, without storing anything."""
    from fogofwar.cli.reading import run_read

    run_read(
        inputs,
        fmt=format,
        wide=wide,
        allow_private=allow_private,
        fields=field,
        allow_hosts=allow_host,
        jobs=jobs,
        engine=engine,
        address=address,
        timeout=timeout,
    )


@app.command()
def articles(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search", "-s", help="Full-text query; finds inflected forms (Angriff → Angriffe)."
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="ISO 639-1 code.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after YYYY-MM-DD.")
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option("--publisher", "-p", help="Publisher (outlet, channel) contains this."),
    ] = None,
    limit: LIMIT = 50,
    offset: Annotated[int, typer.Option("--offset")] = 0,
    format: FORMAT = None,
    wide: WIDE = False,
) -> None:
    """List stored articles (a table on a terminal, JSONL when piped)."""
    from fogofwar.cli import output
    from fogofwar.records import article_record

    since_date = parse_date(since, "--since")
    fmt = listing_format(format, output.is_piped())
    with open_db(ctx) as store:
        rows = services.list_articles(
            store,
            search=search,
            lang=lang,
            since=since_date,
            publisher=publisher,
            limit=limit + 1,
            offset=offset,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        ids = services.short_ids(store, [a.id for a in rows]) if fmt == "table" else {}
    if fmt == "jsonl":
        output.emit_jsonl(article_record(a, with_text=False) for a in rows)
    else:
        console = stdout()
        print_table(console, output.articles_table(rows, width=console.width, wide=wide, ids=ids))
    announce_cut(len(rows), limit, "articles", more)


@app.command()
def show(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    text: Annotated[
        bool, typer.Option("--text", help="The body with its claims marked, and a legend.")
    ] = False,
    raw: Annotated[bool, typer.Option("--raw", help="The stored body text only.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The article as JSON.")] = False,
    wide: WIDE = False,
) -> None:
    """Show one stored article: its facts, the body with claims marked, and the claims."""
    from rich.text import Text

    from fogofwar.cli import output
    from fogofwar.records import article_record, claim_export_record

    with open_db(ctx) as store:
        article = services.get_article(store, article_id)
        claims = services.article_claims(store, article.id)
        ids = services.short_ids(store, [article.id, *(c.claim_id for c in claims)])
    if raw:
        typer.echo(article.text, nl=False)
        return
    if as_json:
        rec = article_record(article)
        rec["claims"] = [claim_export_record(c, article) for c in claims]
        output.emit_jsonl([rec])
        return
    console = stdout()
    color = console.is_terminal and not console.no_color
    if not text:
        console.rule(Text(article.title or article.id))
        console.print(output.article_header(article, len(claims), width=console.width, ids=ids))
        console.print()
    console.print(output.marked_text(article, claims, color=color))
    if claims:
        console.print()
        print_table(
            console,
            output.claims_table(claims, width=console.width, wide=wide, ids=ids, numbered=True),
        )


@app.command()
def rejects(
    ctx: typer.Context,
    limit: LIMIT = 100,
    format: FORMAT = None,
    wide: WIDE = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Counts per reason and stage instead.")
    ] = False,
) -> None:
    """List stored rejections with their reasons (``internal``: an unknown reader failure,
    please report it)."""
    from fogofwar.cli import output
    from fogofwar.records import rejected_record

    fmt = listing_format(format, output.is_piped())
    if summary:
        with open_db(ctx) as store:
            counts = services.summarize_rejections(store)
        if fmt == "jsonl":
            output.emit_jsonl(
                {"reason": c.reason.value, "stage": c.stage, "inputs": c.inputs, "times": c.times}
                for c in counts
            )
        else:
            stdout().print(output.rejection_summary_table(counts))
        return
    with open_db(ctx) as store:
        rows = services.list_rejections(store, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    if fmt == "jsonl":
        output.emit_jsonl(rejected_record(r.rejected) for r in rows)
    else:
        console = stdout()
        print_table(
            console,
            output.rejections_table([r.rejected for r in rows], width=console.width, wide=wide),
        )
    announce_cut(len(rows), limit, "rejections", more)


@app.command()
def claims(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option("--kind", help="attack, casualties, arrest … (see errors).")
    ] = None,
    source_kind: Annotated[
        str | None, typer.Option("--source-kind", help="official, military, combatant …")
    ] = None,
    certainty: Annotated[
        str | None, typer.Option("--certainty", help="asserted, claimed, confirmed …")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="ISO 639-1 code.")] = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Article id (or a unique prefix).")
    ] = None,
    limit: LIMIT = 100,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many first.")] = 0,
    format: FORMAT = None,
    wide: WIDE = False,
) -> None:
    """List stored claims, filtered (a table on a terminal, claims-v1 JSONL when piped)."""
    from fogofwar.claim import Certainty, ClaimKind, SourceKind
    from fogofwar.cli import output

    fmt = listing_format(format, output.is_piped())
    kind = choose(kind, [k.value for k in ClaimKind], "--kind")
    source_kind = choose(source_kind, [k.value for k in SourceKind], "--source-kind")
    certainty = choose(certainty, [k.value for k in Certainty], "--certainty")
    with open_db(ctx) as store:
        article_id = services.resolve_article(store, article) if article else None
        where = services.ClaimFilter(kind, source_kind, certainty, lang, article_id)
        rows: list[Claim] = services.list_claims(store, where, limit=limit + 1, offset=offset)
        more = len(rows) > limit
        rows = rows[:limit]
        ids = (
            services.short_ids(store, [i for c in rows for i in (c.claim_id, c.article_id)])
            if fmt == "table"
            else {}
        )
        records = list(services.claim_records(store, rows)) if fmt == "jsonl" else []
    if fmt == "jsonl":
        output.emit_jsonl(records)
    else:
        console = stdout()
        print_table(console, output.claims_table(rows, width=console.width, wide=wide, ids=ids))
    announce_cut(len(rows), limit, "claims", more)


def _register_more() -> None:
    from fogofwar.cli import bench, evalbench, events, extra, ops

    app.add_typer(evalbench.eval_app, name="eval")
    app.add_typer(bench.bench_app, name="bench")
    app.add_typer(evalbench.train_app, name="train")
    extra.register(app)
    events.register(app)
    ops.register(app, bench.bench_app)


_register_more()
