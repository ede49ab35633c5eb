"""``fogofwar read``: read inputs and print their claims, without storing anything.

The command's body, shared by the Typer command (:mod:`fogofwar.cli.app`) and the quick start
path (:mod:`fogofwar.cli.quick`); it imports neither Typer nor rich (claims-v1 JSONL goes
straight to stdout; tables and stderr notes load rich when there is one to print).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fogofwar.model import Article, Rejected
    from fogofwar.reader import ReadResult
    from fogofwar.services import ReadEngine

__all__ = ["POOL_FROM_FILES", "READ_FORMATS", "make_read_engine", "run_read"]

READ_FORMATS = ("claims-jsonl", "table")

#: Below this many input files, the default pool reads in this process (starting workers that
#: each load a reader costs more than it saves); an explicit --jobs always starts them.
POOL_FROM_FILES = 10


def make_read_engine(
    engine: str, jobs: int | None, address: str | None, timeout: float, inputs: list[str]
) -> ReadEngine:
    """The claim-reading engine the options ask for (see :data:`POOL_FROM_FILES`)."""
    from fogofwar.reader import Reader
    from fogofwar.services.engines import ReadLimits, make_engine
    from fogofwar.services.ingest import count_inputs

    if engine == "pool" and jobs is None:
        total = count_inputs(inputs)
        if total is not None and total < POOL_FROM_FILES:
            jobs = 1
    return make_engine(
        engine,
        factory=Reader.default,
        jobs=jobs,
        limits=ReadLimits(seconds=timeout),
        address=address,
    )


def run_read(
    inputs: list[str],
    *,
    fmt: str = "claims-jsonl",
    wide: bool = False,
    allow_private: bool = False,
    fields: list[str] | None = None,
    allow_hosts: list[str] | None = None,
    jobs: int | None = None,
    engine: str = "pool",
    address: str | None = None,
    timeout: float = 120.0,
) -> int:
    """Read ``inputs`` and print their claims; return the exit code (0)."""
    from fogofwar.cli.choices import choose
    from fogofwar.cli.extracting import read_options
    from fogofwar.services.ingest import read

    chosen = choose(fmt, READ_FORMATS, "--format") or "claims-jsonl"
    reader = make_read_engine(engine, jobs, address, timeout, inputs)
    try:
        items = read(inputs, reader, read_options(allow_private, fields, allow_hosts))
        print_read(items, chosen, wide)
    finally:
        reader.close()
    return 0


def print_read(
    items: Iterator[tuple[Article, ReadResult] | Rejected], fmt: str, wide: bool
) -> None:
    """Print each article's claims (JSONL or a table); rejections as notes on stderr."""
    from fogofwar.cli.extracting import emit_jsonl
    from fogofwar.model import Rejected
    from fogofwar.records import claim_export_record

    for item in items:
        if isinstance(item, Rejected):
            from rich.console import Console

            Console(stderr=True, highlight=False).print(
                f"rejected {item.input}: {item.reason.value}: {item.message}", markup=False
            )
            continue
        article, result = item
        if fmt == "claims-jsonl":
            emit_jsonl(claim_export_record(c, article) for c in result.claims)
        else:
            from rich.console import Console

            from fogofwar.cli import output
            from fogofwar.cli.tables import print_table

            title = (
                f"{article.id} [{article.language}, {result.status.value}] {article.title or ''}"
            )
            console = Console(highlight=False)
            print_table(
                console,
                output.claims_table(result.claims, title=title, width=console.width, wide=wide),
            )
