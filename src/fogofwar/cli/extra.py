"""``export``, ``demo``, ``places``, ``serve`` and ``gazetteer`` commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fogofwar import services
from fogofwar.cli.options import open_db, settings
from fogofwar.cli.tables import print_table
from fogofwar.errors import ConfigError

__all__ = ["register"]

gazetteer_app = typer.Typer(help="Build or inspect the offline gazetteer index.")


def export(
    ctx: typer.Context,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="claims-jsonl | claims-parquet | events-jsonl | acled-csv | ucdp-csv"
            " | plover-json | geojson | parquet",
        ),
    ] = "claims-jsonl",
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Events as fogofwar had stored them then (ingest time, YYYY-MM-DD)."
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only what happened on or after (YYYY-MM-DD).")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only this country (ISO3) or place name.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind (attack, armed_clash, ...).")
    ] = None,
) -> None:
    """Export the stored record (claims with their provenance, or the events in an event
    format), optionally filtered by date, country and kind."""
    from rich.console import Console

    from fogofwar.cli.params import parse_date

    day = parse_date(since, "--since")
    if not format.startswith("claims-"):
        from fogofwar.cli.events import export_events_cmd

        where = services.EventFilter(kind=kind, country=country, since=day)
        export_events_cmd(ctx, format, out, as_of, where)
        return
    with open_db(ctx) as store:
        if format == "claims-parquet":
            if out is None and sys.stdout.isatty():
                raise ConfigError("claims-parquet is binary: write it to a file with -o FILE")
            target = out if out is not None else sys.stdout.buffer
            n = services.export_claims(store, target, format, since=day, country=country, kind=kind)
        else:
            stream = out.open("w", encoding="utf-8") if out else sys.stdout
            try:
                n = services.export_claims(
                    store, stream, format, since=day, country=country, kind=kind
                )
            finally:
                if out:
                    stream.close()
    Console(stderr=True).print(f"{n} claims exported")


def demo(ctx: typer.Context) -> None:
    """Ingest the bundled example articles (and the seed when ../shared is there); show results."""
    from rich.console import Console

    from fogofwar.cli import output
    from fogofwar.examples import example_paths
    from fogofwar.reader import Reader

    paths = [str(p) for p in example_paths()]
    seed = services.shared_dir() / "examples" / "seed" / "article.txt"
    if seed.exists():
        paths.append(str(seed))
    console = Console(highlight=False)
    console.print(f"Reading {len(paths)} example inputs into {settings(ctx).db} …")
    reader = Reader.default()
    with open_db(ctx) as store:
        summary = services.ingest(paths, store, reader)
        stored = services.list_articles(store, limit=1000)
        every = {a.id: services.article_claims(store, a.id) for a in stored}
        ids = services.short_ids(
            store, [*every, *(c.claim_id for cs in every.values() for c in cs)]
        )
        width = console.width
        print_table(
            console, output.articles_table(stored, width=width, ids=ids, title="Articles found")
        )
        for article in stored:
            claims = every[article.id]
            if claims:
                title = f"{ids.get(article.id, article.id)}: {article.title or ''}"
                print_table(console, output.claims_table(claims, width=width, ids=ids, title=title))
        from fogofwar.cli.events import print_events_overview

        print_events_overview(console, store)
    console.print(
        f"{summary.inserted} new articles, {summary.existing} already stored, "
        f"{summary.rejected} rejected, {summary.claims} claims. "
        "Next: fogofwar claims · fogofwar events · fogofwar event ID · fogofwar export"
    )


def places(
    text: Annotated[str, typer.Argument(help="A snippet to resolve.")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language code; default: detected from the text.")
    ] = None,
) -> None:
    """Find and resolve the places in a snippet (for debugging)."""
    from fogofwar.cli import output
    from fogofwar.geo import resolve_snippet

    mentions = resolve_snippet(text, lang)
    output.emit_jsonl(
        {
            "surface": m.surface,
            "span": m.span.to_json(),
            "location": m.location.to_record() if m.location else None,
            "demonym": m.is_demonym,
            "metonymy": m.is_metonymy,
            "feature": m.is_feature,
        }
        for m in mentions
    )


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes.")] = 1,
    threads: Annotated[
        int | None,
        typer.Option(
            "--threads",
            min=1,
            max=256,
            help="Worker threads per process; the database pool is sized to it "
            "[env FOGOFWAR_WEB_THREADS, default 16].",
        ),
    ] = None,
) -> None:
    """Serve the store over HTTP: the map and pages at /, the JSON API under /api, its docs at
    /docs. Settings: the web variables in the README."""
    import os

    import uvicorn
    from rich.console import Console

    from fogofwar.web import create_app
    from fogofwar.web.config import WebConfig

    db = settings(ctx).db
    if threads is not None:
        os.environ["FOGOFWAR_WEB_THREADS"] = str(threads)
    config = WebConfig.from_env()  # fail now, in one line, on a bad setting
    with open_db(ctx) as store:  # … and when the database cannot be opened
        n = services.count_articles(store)
    Console(stderr=True).print(
        f"Serving {db} ({n} articles) at http://{host}:{port}/ — map /map, API docs /docs; "
        f"{workers} process(es) × {config.threads} threads (Ctrl-C stops)"
    )
    if workers == 1:
        uvicorn.run(create_app(db, config), host=host, port=port, timeout_keep_alive=30)
        return
    os.environ["FOGOFWAR_DB"] = db
    uvicorn.run(
        "fogofwar.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        timeout_keep_alive=30,
    )


@gazetteer_app.command("build")
def gazetteer_build(
    out: Annotated[Path | None, typer.Option("--output", "-o", help="Index file.")] = None,
) -> None:
    """Build the gazetteer index from packaged data (reproducible)."""
    from rich.console import Console

    from fogofwar.geo import build_gazetteer, default_index_path

    stats = build_gazetteer(out or default_index_path())
    Console().print(stats)


def register(app: typer.Typer) -> None:
    """Attach these commands to the main app."""
    app.command()(export)
    app.command()(demo)
    app.command()(places)
    app.command()(serve)
    app.add_typer(gazetteer_app, name="gazetteer")
