"""Rendering for the CLI: JSONL when piped, rich tables and marked text on a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from fogofwar.claim import Claim
from fogofwar.model import Article, Rejected
from fogofwar.records import rejected_record
from fogofwar.services import RejectionCount

__all__ = [
    "articles_table",
    "claims_table",
    "emit_jsonl",
    "is_piped",
    "marked_text",
    "rejections_table",
]

_KIND_STYLES = {
    "attack": "bold red",
    "armed_clash": "red",
    "casualties": "bold magenta",
    "deployment": "cyan",
    "arrest": "yellow",
    "desertion": "bright_yellow",
    "territorial_change": "green",
    "diplomacy": "blue",
    "statement": "bright_blue",
    "protest": "bright_green",
    "other": "white",
}


def is_piped() -> bool:
    """True when stdout is not a terminal (then commands print JSONL)."""
    return not sys.stdout.isatty()


def emit_jsonl(records: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object per line to stdout; return how many."""
    n = 0
    out = sys.stdout
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += 1
    out.flush()
    return n


def _short(text: str | None, width: int = 60) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def articles_table(articles: Sequence[Article], title: str = "Articles") -> Table:
    """A table of articles: id, language, date, words, status, title."""
    table = Table(title=title, show_lines=False)
    for col in ("id", "lang", "published", "words", "status", "title"):
        table.add_column(col, overflow="fold")
    for a in articles:
        table.add_row(
            a.id,
            a.language,
            a.published.isoformat() if a.published else "",
            str(a.word_count),
            a.read_status.value,
            _short(a.title),
        )
    return table


def rejections_table(rows: Sequence[Rejected], title: str = "Rejected inputs") -> Table:
    """A table of rejections: input, stage, reason, message."""
    table = Table(title=title)
    for col in ("input", "stage", "reason", "message"):
        table.add_column(col, overflow="fold")
    for r in rows:
        rec = rejected_record(r)
        table.add_row(_short(rec["input"], 50), rec["stage"], rec["reason"], rec["message"])
    return table


def rejection_summary_table(counts: Sequence[RejectionCount]) -> Table:
    """Rejections per reason and stage: inputs, times rejected (re-runs count again)."""
    table = Table(title="Rejections by reason")
    for col in ("reason", "stage", "inputs", "times"):
        table.add_column(col, justify="right" if col in ("inputs", "times") else "left")
    for c in counts:
        table.add_row(c.reason.value, c.stage, str(c.inputs), str(c.times))
    table.add_row(
        "total", "", str(sum(c.inputs for c in counts)), str(sum(c.times for c in counts))
    )
    return table


def _counts_text(claim: Claim) -> str:
    parts = []
    for name, rec in claim.counts.to_record().items():
        low, high = rec["low"], rec["high"]
        rng = f"{low}" if low == high else f"{low if low is not None else ''}..{high or ''}"
        parts.append(f"{name} {rng}")
    return ", ".join(parts)


def claims_table(claims: Sequence[Claim], title: str = "Claims") -> Table:
    """A table of claims: kind, counts, actors, place, source, certainty, words."""
    table = Table(title=title, show_lines=True)
    for col in ("kind", "counts", "actors", "where", "source", "certainty", "claim"):
        table.add_column(col, overflow="fold")
    for c in claims:
        actors = "; ".join(f"{a.normalized or a.name} ({a.role})" for a in c.actors)
        where = c.location.normalized or c.location.name if c.location else ""
        source = f"{c.source.name or '—'} [{c.source.kind.value}]"
        if c.source.via:
            source += " via " + ", ".join(c.source.via)
        kind = c.kind.value + (" (headline)" if c.in_headline else "")
        table.add_row(
            Text(kind, style=_KIND_STYLES.get(c.kind.value, "")),
            _counts_text(c),
            actors,
            where or "",
            source,
            c.certainty.value + (" (quote)" if c.quote else ""),
            _short(c.cue.text if c.cue else "", 30),
        )
    return table


def marked_text(article: Article, claims: Sequence[Claim]) -> Text:
    """The article body with each claim's span highlighted and numbered."""
    text = Text(article.text)
    body_claims = [c for c in claims if not c.in_headline and c.span is not None]
    for i, c in enumerate(sorted(body_claims, key=lambda c: c.span.start if c.span else 0), 1):
        assert c.span is not None
        text.stylize(f"underline {_KIND_STYLES.get(c.kind.value, '')}", c.span.start, c.span.end)
        if c.cue is not None and c.cue.span is not None:
            text.stylize("bold", c.cue.span.start, c.cue.span.end)
        if c.source.span is not None:
            text.stylize("italic", c.source.span.start, c.source.span.end)
        text.append(f"\n[{i}] {c.kind.value}: {_short(c.span.slice(article.text), 80)}")
    return text
