"""``fogofwar extract``: read inputs and print the articles found, without storing them.

This module is the command's body, shared by the Typer command (:mod:`fogofwar.cli.app`) and
the quick start path (:mod:`fogofwar.cli.quick`). It imports neither Typer nor rich (JSONL goes
straight to stdout; the table format loads rich when asked for), and the readers load only
the format modules the inputs need, so the first article prints soon after launch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fogofwar.errors import ConfigError

if TYPE_CHECKING:
    from fogofwar.model import Article, Rejected
    from fogofwar.readers import ReadOptions

__all__ = ["EXTRACT_FORMATS", "emit_jsonl", "extract_format", "read_options", "run_extract"]

EXTRACT_FORMATS = ("jsonl", "table")


def emit_jsonl(records: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object per line to stdout (flushed); return how many."""
    n = 0
    out = sys.stdout
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += 1
    out.flush()
    return n


def extract_format(value: str) -> str:
    """``--format`` of extract: ``jsonl`` or ``table`` (case-insensitive), else a ConfigError
    naming the valid ones (the same check as :func:`fogofwar.cli.params.choose`)."""
    from fogofwar.cli.choices import choose

    fmt = choose(value, EXTRACT_FORMATS, "--format")
    if fmt is None:  # pragma: no cover - choose returns None only for None
        raise ConfigError("--format needs a value: jsonl or table")
    return fmt


def read_options(
    allow_private: bool, fields: list[str] | None = None, allow_hosts: list[str] | None = None
) -> ReadOptions:
    """The reading options the command-line flags ask for."""
    from fogofwar.readers.options import ReadOptions, parse_field_overrides

    return ReadOptions(
        allow_private_addresses=allow_private,
        json_fields=parse_field_overrides(fields or []),
        allowed_hosts=tuple(allow_hosts or ()),
    )


def run_extract(
    inputs: list[str],
    *,
    fmt: str = "jsonl",
    wide: bool = False,
    allow_private: bool = False,
    fields: list[str] | None = None,
    jobs: int | None = None,
) -> int:
    """Read ``inputs`` and print their articles (JSONL streamed, or tables at the end);
    return the exit code: 1 when everything was rejected, else 0."""
    from fogofwar.model import Article
    from fogofwar.readers.pool import default_jobs
    from fogofwar.records import article_record, rejected_record
    from fogofwar.services.ingest import extract

    fmt = extract_format(fmt)
    options = read_options(allow_private, fields)
    workers = jobs if jobs is not None else default_jobs()
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for item in extract(inputs, options, jobs=workers):
        if isinstance(item, Article):
            articles.append(item)
        else:
            rejected.append(item)
        if fmt == "jsonl":  # stream: the first article prints as soon as it is read
            rec = (
                article_record(item)
                if isinstance(item, Article)
                else {"rejected": rejected_record(item)}
            )
            emit_jsonl([rec])
    if fmt == "table":
        from rich.console import Console

        from fogofwar.cli import output
        from fogofwar.cli.tables import print_table

        console = Console(highlight=False)
        print_table(console, output.articles_table(articles, width=console.width, wide=wide))
        if rejected:
            print_table(console, output.rejections_table(rejected, width=console.width, wide=wide))
    return 1 if rejected and not articles else 0
