"""Operations: ``doctor``, and the reliability benchmarks ``bench crash``, ``bench scale``,
``bench fuzz``, ``bench engines``, ``bench writer`` and ``bench growth``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fogofwar import services

__all__ = ["register"]


def doctor(ctx: typer.Context) -> None:
    """Check packages, models, the gazetteer index, the database and its migrations, and the
    reading engines; say what to fix. Exits 1 when a required check fails."""
    from fogofwar.cli.app import settings

    checks = services.doctor(settings(ctx).db)
    table = Table(title="fogofwar doctor")
    for col in ("check", "", "found", "to fix"):
        table.add_column(col, overflow="fold")
    for c in checks:
        mark = "[green]ok[/]" if c.ok else ("[yellow]--[/]" if c.optional else "[red]FAIL[/]")
        table.add_row(c.name, mark, c.found, c.fix)
    Console().print(table)
    if any(not c.ok and not c.optional for c in checks):
        raise typer.Exit(1)


def bench_crash(
    kills: Annotated[int, typer.Option("--kills", help="SIGKILLs to make.")] = 50,
    inputs: Annotated[int, typer.Option("--inputs", help="Input files.")] = 300,
    ngram: Annotated[bool, typer.Option("--ngram", help="Link with n-grams (faster).")] = False,
    state: Annotated[
        Path | None, typer.Option("--state", help="Folder kept between runs: resumable.")
    ] = None,
) -> None:
    """Kill ingest at random points, resume, compare with an uninterrupted run."""
    from fogofwar.benchmarks.crash_bench import crash_test
    from fogofwar.events.embedding import NgramEmbedder

    console = Console(stderr=True)
    report = crash_test(
        kills,
        inputs,
        embedder=NgramEmbedder() if ngram else None,
        state=state,
        say=console.print,
    )
    typer.echo(json.dumps({k: getattr(report, k) for k in report.__dataclass_fields__}))
    if not report.ok:
        raise typer.Exit(1)


def bench_scale() -> None:
    """Seconds per 100k characters at 50k, 200k and 1M characters (and a 1M single line)."""
    from fogofwar.benchmarks.scale_bench import bench_scale as run

    table = Table(title="reading time against length")
    for col in ("document", "characters", "seconds", "s / 100k chars", "claims"):
        table.add_column(col, justify="right")
    for label, n, seconds, claims in run():
        table.add_row(label, str(n), f"{seconds:.2f}", f"{seconds / n * 100_000:.2f}", str(claims))
    Console().print(table)


def bench_fuzz(
    n: Annotated[int, typer.Option("-n", help="Inputs to try.")] = 5000,
    seed: Annotated[int, typer.Option("--seed")] = 1,
) -> None:
    """Mutated and random inputs through every reader: inputs tried, rejections per reason,
    and failures (an exception escaping, or the catch-all ``internal`` reason)."""
    from fogofwar.benchmarks.fuzz_bench import fuzz

    report = fuzz(n, seed)
    typer.echo(json.dumps(report.summary(), indent=1))
    if report.failures:
        raise typer.Exit(1)


def bench_engines(
    n: Annotated[int, typer.Option("-n", help="Articles to read.")] = 200,
    engine: Annotated[str, typer.Option("--engine", help="pool | inline | ray")] = "pool",
    workers: Annotated[
        str, typer.Option("--workers", help="Worker counts to compare, e.g. 1,2.")
    ] = "1,2",
    address: Annotated[str | None, typer.Option("--address", help="Ray address.")] = None,
) -> None:
    """Articles/s of the bench corpus with each worker count on one engine, and the
    speed-up over the first."""
    from fogofwar.benchmarks.engines_bench import ENGINE_COLUMNS
    from fogofwar.benchmarks.engines_bench import bench_engines as run

    table = Table(title=f"reading on {engine}")
    for col in ENGINE_COLUMNS:
        table.add_column(col, justify="right")
    for row in run(n, engine, [int(w) for w in workers.split(",")], address):
        table.add_row(*row)
    console = Console()
    console.width = max(console.width, 120)  # eleven columns
    console.print(table)


def bench_writer(
    n: Annotated[int, typer.Option("-n", help="Articles to ingest.")] = 200,
    url: Annotated[
        str | None, typer.Option("--url", help="Empty database to write to (default: temp).")
    ] = None,
    days: Annotated[int, typer.Option("--days", help="Spread publication over N days.")] = 1,
) -> None:
    """Seconds per article of ingest reading inline, and of the single writer alone (reading
    replayed): the ceiling in articles/s that no number of reading workers can pass."""
    from fogofwar.benchmarks.engines_bench import bench_writer as run

    f = run(n, url, days)
    table = Table(title=f"the single writer ({f.articles} articles; per article)")
    for col in ("", "inline (read + write)", "read", "writer", "writer ceiling, articles/s"):
        table.add_column(col, justify="right")
    table.add_row("wall s", f"{f.inline_s:.4f}", f"{f.read_s:.4f}", f"{f.writer_s:.4f}", "")
    table.add_row(
        "CPU s",
        f"{f.inline_cpu:.4f}",
        f"{f.read_cpu:.4f}",
        f"{f.writer_cpu:.4f}",
        f"{f.writer_ceiling:.0f}",
    )
    Console().print(table)


def bench_growth(
    sizes: Annotated[
        str, typer.Option("--sizes", help="Stored articles before ingest, e.g. 200,2000.")
    ] = "200,2000,20000",
    new: Annotated[int, typer.Option("--new", help="New articles ingested at each size.")] = 40,
) -> None:
    """Ingest seconds per new article (and linking's share) as the store grows."""
    from fogofwar.benchmarks.growth_bench import bench_growth as run

    table = Table(title="ingest time per new article against store size")
    for col in (
        "stored articles",
        "new",
        "ingest s",
        "of it linking",
        "ingest CPU s",
        "linking CPU s",
    ):
        table.add_column(col, justify="right")
    for r in run([int(s) for s in sizes.split(",")], new):
        table.add_row(
            str(r.stored),
            str(r.new),
            f"{r.ingest_s:.4f}",
            f"{r.link_s:.4f}",
            f"{r.ingest_cpu:.4f}",
            f"{r.link_cpu:.4f}",
        )
    Console().print(table)


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    """Attach ``doctor`` to the app and the reliability benchmarks to ``bench``."""
    app.command()(doctor)
    bench_app.command("crash")(bench_crash)
    bench_app.command("scale")(bench_scale)
    bench_app.command("fuzz")(bench_fuzz)
    bench_app.command("engines")(bench_engines)
    bench_app.command("growth")(bench_growth)
    bench_app.command("writer")(bench_writer)
