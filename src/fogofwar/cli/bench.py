"""``fogofwar bench …``: speed and memory figures (printed, never asserted)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from fogofwar import services

if TYPE_CHECKING:
    from fogofwar.benchmarks import BenchResult

__all__ = ["bench_app"]

bench_app = typer.Typer(help="Measure speed and memory (figures, never asserts).")


def _print_bench(results: list[BenchResult]) -> None:
    console = Console(highlight=False)
    table = Table(title="fogofwar bench")
    for col in (
        "bench",
        "items",
        "seconds",
        "items/s",
        "words/s",
        "peak RSS MiB",
        "cores",
        "extra",
    ):
        table.add_column(col, overflow="fold")
    for r in results:
        table.add_row(
            r.name,
            str(r.items),
            f"{r.seconds:.2f}",
            f"{r.items_per_s:.1f}",
            f"{r.words_per_s:.0f}",
            f"{r.peak_rss_mib:.0f}",
            str(r.cores),
            ", ".join(f"{k}={v}" for k, v in r.extra),
        )
    console.print(table)


@bench_app.command("ingest")
def bench_ingest(
    n: Annotated[int, typer.Option("-n", help="Documents to read.")] = 200,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=2, help="Pooled run's processes (default: every core)."),
    ] = None,
) -> None:
    """Pages/s for reading N documents: in-process, then `fogofwar extract` single-process and
    pooled (fresh processes, start-up included)."""
    from fogofwar.benchmarks.ingest_bench import bench_extract
    from fogofwar.benchmarks.ingest_bench import bench_ingest as run
    from fogofwar.readers.pool import default_jobs

    shared = services.shared_dir()
    data = shared if shared.exists() else None
    pooled = jobs or max(2, default_jobs())
    _print_bench([run(n, data), *bench_extract(n, data, (1, pooled))])


@bench_app.command("startup")
def bench_startup_cmd(
    runs: Annotated[int, typer.Option("-n", help="Timed runs per command.")] = 3,
) -> None:
    """Seconds from launch to first output (and CPU seconds) of --help, extract, read, claims."""
    from fogofwar.benchmarks.startup_bench import bench_startup, load_average

    console = Console(highlight=False)
    table = Table(title="fogofwar bench startup (fresh process each run; medians)")
    for col in ("command", "first output s", "exit s", "CPU s", "runs"):
        table.add_column(col, justify="left" if col == "command" else "right", no_wrap=True)
    for f in bench_startup(runs):
        table.add_row(
            f.label, f"{f.first_output_s:.2f}", f"{f.exit_s:.2f}", f"{f.cpu_s:.2f}", str(f.runs)
        )
    console.print(table)
    console.print(
        f"load average {load_average()}: wall times grow with the load, CPU times much less."
    )


@bench_app.command("read")
def bench_read(
    n: Annotated[int, typer.Option("-n", help="Articles to read.")] = 200,
    places_overhead: Annotated[
        bool,
        typer.Option("--places-overhead", help="Also run without the gazetteer and compare."),
    ] = False,
    engine: Annotated[
        str | None,
        typer.Option("--engine", help="pool | inline | ray: read on an engine, compare workers."),
    ] = None,
    workers: Annotated[
        str, typer.Option("--workers", help="With --engine: worker counts, e.g. 1,2.")
    ] = "1,2",
    address: Annotated[str | None, typer.Option("--address", help="Ray address.")] = None,
) -> None:
    """Claim-reader throughput on ~500-word articles, and peak RSS; with ``--engine``,
    articles/s per worker count and the speed-up (same as ``bench engines``)."""
    if engine is not None:
        from fogofwar.cli.ops import bench_engines

        bench_engines(n, engine, workers, address)
        return
    from fogofwar.benchmarks import peak_rss_mib
    from fogofwar.benchmarks.read_bench import bench_read as run

    results: list[BenchResult] = []
    if places_overhead:
        from fogofwar.actors import ActorRegistry
        from fogofwar.geo import Gazetteer
        from fogofwar.nlp.doc import NoPlaces
        from fogofwar.packs import load_packs
        from fogofwar.reader import Reader

        without = Reader(load_packs(), ActorRegistry.load(), NoPlaces())
        without.warm_up()
        base = run(n, without)
        results.append(replace(base, name="read (no places)"))
        rss_before = peak_rss_mib()
        with_places = Reader(load_packs(), ActorRegistry.load(), Gazetteer.open())
        with_places.warm_up()
        full = run(n, with_places)
        overhead = (full.seconds - base.seconds) / base.seconds * 100 if base.seconds else 0.0
        gaz_mib = max(0.0, full.peak_rss_mib - rss_before)
        results.append(
            replace(
                full,
                extra=(
                    *full.extra,
                    ("places_overhead_pct", f"{overhead:.0f}"),
                    ("gazetteer_rss_mib", f"{gaz_mib:.0f}"),
                ),
            )
        )
    else:
        results.append(run(n))
    _print_bench(results)


@bench_app.command("actors")
def bench_actors(n: Annotated[int, typer.Option("-n", help="Articles to scan.")] = 40) -> None:
    """Words/s of the actor lexicon per language (a figure, never an assert)."""
    from fogofwar.benchmarks.actors_bench import bench_actors as run

    _print_bench(run(n))


@bench_app.command("link")
def bench_link(
    sizes: Annotated[str, typer.Option("--sizes", help="Comma-separated store sizes.")] = (
        "10000,100000,1000000"
    ),
) -> None:
    """Time to link one new article into stores of growing size."""
    from fogofwar.benchmarks.link_bench import bench_link as run

    _print_bench(list(run(tuple(int(s) for s in sizes.split(",")))))


@bench_app.command("api")
def bench_api(
    ctx: typer.Context,
    clients: Annotated[int, typer.Option("--clients", help="Concurrent clients.")] = 200,
    seconds: Annotated[float, typer.Option("--seconds", help="How long (bounded).")] = 30.0,
    think: Annotated[
        float,
        typer.Option("--think", help="Mean pause of a client between requests (s); 0: none."),
    ] = 0.0,
    workers: Annotated[int, typer.Option("--workers", help="Server processes.")] = 2,
    threads: Annotated[int, typer.Option("--threads", help="Threads per process.")] = 16,
    generate: Annotated[
        int,
        typer.Option("--generate", help="Use a synthetic store of this many claims (0: --db)."),
    ] = 0,
    ingest: Annotated[bool, typer.Option("--ingest/--no-ingest", help="Ingest meanwhile.")] = True,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="The server's response cache.")
    ] = True,
) -> None:
    """Load-test the web API on loopback: clients over every read endpoint (streams included)
    while an ingest runs; requests/s, p50/p95/p99, errors. Stops by itself."""
    import asyncio
    import secrets

    from fogofwar.benchmarks import api_bench
    from fogofwar.cli.app import settings

    console = Console(highlight=False)
    db = settings(ctx).db
    if generate:
        db = str(_synthetic_store(generate, console))
    console.print(f"store {Path(db).name}: queries alone (no HTTP)")
    for line in api_bench.bench_store_queries(db):
        console.print("  " + line)
    token = secrets.token_urlsafe(24) if ingest else None
    with api_bench.running_server(
        db, workers=workers, threads=threads, token=token, cache=cache
    ) as base:
        result = asyncio.run(
            api_bench.run_load(base, clients=clients, seconds=seconds, think=think, token=token)
        )
    console.print(
        f"HTTP load on {base} ({workers} processes × {threads} threads, think {think} s, "
        f"cache {'on' if cache else 'off'})"
    )
    for line in result.lines():
        console.print("  " + line)


def _synthetic_store(n_claims: int, console: Console) -> Path:
    """A synthetic store of ``n_claims`` claims under the cache folder (built once, reused)."""
    from fogofwar.geo import default_index_path

    path = default_index_path().parent / f"bench-api-{n_claims}.db"
    if path.exists():
        return path
    from fogofwar.benchmarks.api_bench import build_synthetic

    console.print(f"building {path.name} ({n_claims} claims; minutes for a million) …")
    build_synthetic(str(path), n_claims)
    return path
