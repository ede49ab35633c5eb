"""Typer commands. Each is a thin wrapper over a function in :mod:`fogofwar.services`.

The global options (``--db``, ``--quiet``, ``--debug``) become a :class:`Settings` on the Typer
context (``ctx.obj``); commands read it with :func:`settings` and open the store with
:func:`open_db`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from fogofwar import services
from fogofwar.claim import Claim
from fogofwar.cli import output
from fogofwar.cli.params import parse_date
from fogofwar.errors import ConfigError
from fogofwar.model import Article, Rejected
from fogofwar.reader import Reader
from fogofwar.readers import ReadOptions
from fogofwar.records import article_record, rejected_record

__all__ = ["Settings", "app", "open_db", "settings"]

app = typer.Typer(
    name="fogofwar",
    help="Read news about armed conflict into a sourced record of claims and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


def open_db(ctx: typer.Context) -> services.Store:
    """Open the store the global ``--db`` names (through the services layer)."""
    return services.open_store(settings(ctx).db)


@app.callback()
def _main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="SQLite file or database URL [env FOGOFWAR_DB].", show_default=False
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    ctx.obj = Settings(
        db=db or os.environ.get("FOGOFWAR_DB") or "fogofwar.db", quiet=quiet, debug=debug
    )


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _stdout() -> Console:
    return Console(highlight=False)


class RateColumn(ProgressColumn):
    """Items per second, shown as "…/s" until rich has measured a speed (first frames)."""

    def render(self, task: Task) -> Text:
        """Render the task's rate; ``task.speed`` is ``None`` until two updates are seen."""
        speed = task.speed
        return Text("   …/s" if speed is None else f"{speed:>6.1f}/s", style="progress.data.speed")


def _progress(total: int | None, quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_stderr(),
        transient=False,
        disable=quiet,
    )


def _options(allow_private: bool, allow_hosts: list[str] | None = None) -> ReadOptions:
    return ReadOptions(
        allow_private_addresses=allow_private, allowed_hosts=tuple(allow_hosts or ())
    )


INPUTS = Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")]
ALLOW_PRIVATE = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching loopback/private addresses (unsafe)."),
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


#: Below this many input files, the default pool reads in this process (starting workers that
#: each load a reader costs more than it saves); an explicit --jobs always starts them.
POOL_FROM_FILES = 10


def _engine(
    engine: str, jobs: int | None, address: str | None, timeout: float, inputs: list[str]
) -> services.ReadEngine:
    if engine == "pool" and jobs is None:
        total = services.count_inputs(inputs)
        if total is not None and total < POOL_FROM_FILES:
            jobs = 1
    return services.make_engine(
        engine,
        factory=Reader.default,
        jobs=jobs,
        limits=services.ReadLimits(seconds=timeout),
        address=address,
    )


@app.command()
def ingest(
    ctx: typer.Context,
    inputs: INPUTS,
    no_claims: Annotated[bool, typer.Option("--no-claims", help="Store articles only.")] = False,
    allow_private: ALLOW_PRIVATE = False,
    allow_host: ALLOW_HOSTS = None,
    jobs: JOBS = None,
    engine: ENGINE = "pool",
    address: ADDRESS = None,
    timeout: TIMEOUT = 120.0,
) -> None:
    """Read inputs, store new articles, rejections and their claims (one writer; claims read
    by a process pool sized to the machine, or on Ray)."""
    reader = None if no_claims else _engine(engine, jobs, address, timeout, inputs)
    total = services.count_inputs(inputs)
    opts = settings(ctx)
    try:
        with open_db(ctx) as store, _progress(total, opts.quiet) as bar:
            task = bar.add_task("ingesting", total=total)

            def tick(done: int, label: str) -> None:
                bar.update(task, completed=done, description=label[:40])

            summary = services.ingest(
                inputs, store, reader, options=_options(allow_private, allow_host), progress=tick
            )
    finally:
        if reader is not None:
            reader.close()
    _stderr().print(
        f"{summary.inserted} new, {summary.existing} already stored, {summary.rejected} rejected, "
        f"{summary.claims} claims ({summary.not_read} articles not read) "
        f"in {summary.seconds:.1f}s → {opts.db}"
    )
    if summary.rejected:
        _stderr().print("See why with: fogofwar rejects")


@app.command()
def extract(
    inputs: INPUTS,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl | table")] = "jsonl",
    allow_private: ALLOW_PRIVATE = False,
) -> None:
    """Read inputs and print the articles found, without storing them."""
    items = list(services.extract(inputs, _options(allow_private)))
    articles = [a for a in items if isinstance(a, Article)]
    rejected = [r for r in items if isinstance(r, Rejected)]
    if format == "jsonl":
        output.emit_jsonl(
            article_record(i) if isinstance(i, Article) else {"rejected": rejected_record(i)}
            for i in items
        )
    elif format == "table":
        _stdout().print(output.articles_table(articles))
        if rejected:
            _stdout().print(output.rejections_table(rejected))
    else:
        raise ConfigError(f"unknown --format {format!r}: use jsonl or table")
    if rejected and not articles:
        raise typer.Exit(1)


@app.command("read")
def read_cmd(
    inputs: INPUTS,
    format: Annotated[
        str, typer.Option("--format", "-f", help="claims-jsonl | table")
    ] = "claims-jsonl",
    allow_private: ALLOW_PRIVATE = False,
    allow_host: ALLOW_HOSTS = None,
    jobs: JOBS = None,
    engine: ENGINE = "pool",
    address: ADDRESS = None,
    timeout: TIMEOUT = 120.0,
) -> None:
    """Read inputs and print their claims, without storing anything."""
    reader = _engine(engine, jobs, address, timeout, inputs)
    try:
        _print_read(services.read(inputs, reader, _options(allow_private, allow_host)), format)
    finally:
        reader.close()


def _print_read(
    items: Iterator[tuple[Article, services.ReadResult] | Rejected], format: str
) -> None:
    for item in items:
        if isinstance(item, Rejected):
            _stderr().print(f"rejected {item.input}: {item.reason.value}: {item.message}")
            continue
        article, result = item
        if format == "claims-jsonl":
            output.emit_jsonl(c.to_record() for c in result.claims)
        elif format == "table":
            title = (
                f"{article.id} [{article.language}, {result.status.value}] {article.title or ''}"
            )
            _stdout().print(output.claims_table(result.claims, title=title))
        else:
            raise ConfigError(f"unknown --format {format!r}: use claims-jsonl or table")


@app.command()
def articles(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Full-text query.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="ISO 639-1 code.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after YYYY-MM-DD.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 50,
    offset: Annotated[int, typer.Option("--offset")] = 0,
) -> None:
    """List stored articles (JSONL when piped)."""
    since_date = parse_date(since, "--since")
    with open_db(ctx) as store:
        rows = services.list_articles(
            store, search=search, lang=lang, since=since_date, limit=limit, offset=offset
        )
    if output.is_piped():
        output.emit_jsonl(article_record(a, with_text=False) for a in rows)
    else:
        _stdout().print(output.articles_table(rows))


@app.command()
def show(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    text: Annotated[bool, typer.Option("--text", help="Print the stored body text only.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the article as JSON.")] = False,
) -> None:
    """Show one stored article with its claims marked in the text."""
    with open_db(ctx) as store:
        article = services.get_article(store, article_id)
        claims = services.article_claims(store, article.id)
    if text:
        typer.echo(article.text, nl=False)
    elif as_json:
        rec = article_record(article)
        rec["claims"] = [c.to_record() for c in claims]
        output.emit_jsonl([rec])
    else:
        console = _stdout()
        console.rule(article.title or article.id)
        meta = article_record(article, with_text=False)
        console.print({k: v for k, v in meta.items() if v not in (None, [], "")})
        console.print(output.marked_text(article, claims))
        if claims:
            console.print(output.claims_table(claims))


@app.command()
def rejects(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 100,
    summary: Annotated[
        bool, typer.Option("--summary", help="Counts per reason and stage instead.")
    ] = False,
) -> None:
    """List stored rejections with their reasons (``internal``: an unknown reader failure,
    please report it)."""
    if summary:
        with open_db(ctx) as store:
            counts = services.summarize_rejections(store)
        if output.is_piped():
            output.emit_jsonl(
                {"reason": c.reason.value, "stage": c.stage, "inputs": c.inputs, "times": c.times}
                for c in counts
            )
        else:
            _stdout().print(output.rejection_summary_table(counts))
        return
    with open_db(ctx) as store:
        rows = services.list_rejections(store, limit=limit)
    if output.is_piped():
        output.emit_jsonl(rejected_record(r.rejected) for r in rows)
    else:
        _stdout().print(output.rejections_table([r.rejected for r in rows]))


@app.command()
def claims(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind")] = None,
    source_kind: Annotated[str | None, typer.Option("--source-kind")] = None,
    certainty: Annotated[str | None, typer.Option("--certainty")] = None,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
    article: Annotated[str | None, typer.Option("--article")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 100,
) -> None:
    """List stored claims, filtered (claims-v1 JSONL when piped)."""
    with open_db(ctx) as store:
        rows: list[Claim] = services.list_claims(
            store,
            kind=kind,
            source_kind=source_kind,
            certainty=certainty,
            lang=lang,
            article_id=article,
            limit=limit,
        )
    if output.is_piped():
        output.emit_jsonl(c.to_record() for c in rows)
    else:
        _stdout().print(output.claims_table(rows))


def _register_more() -> None:
    from fogofwar.cli import evalbench, events, extra, ops

    app.add_typer(evalbench.eval_app, name="eval")
    app.add_typer(evalbench.bench_app, name="bench")
    app.add_typer(evalbench.train_app, name="train")
    extra.register(app)
    events.register(app)
    ops.register(app, evalbench.bench_app)


_register_more()
