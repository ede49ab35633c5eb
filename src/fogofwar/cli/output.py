"""Rendering for the CLI: JSONL when piped, fitted tables and marked text on a terminal.

Tables come from :func:`fogofwar.cli.tables.fit_table`: one line per row at any width, ids
shortened to unique prefixes (``ids`` maps a full id to the prefix to show) and never cut.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from fogofwar.cli.extracting import emit_jsonl
from fogofwar.cli.tables import Col, fit_table, one_line

if TYPE_CHECKING:
    from fogofwar.claim import Claim
    from fogofwar.model import Article, Rejected
    from fogofwar.services import RejectionCount

__all__ = [
    "article_header",
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

HEADLINE_NOTE = "* the claim is in the headline"


def is_piped() -> bool:
    """True when stdout is not a terminal (then listings print JSONL)."""
    return not sys.stdout.isatty()


def _short(text: str | None, width: int = 60) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _id(ids: Mapping[str, str] | None, full: str) -> str:
    return (ids or {}).get(full, full)


def articles_table(
    articles: Sequence[Article],
    *,
    width: int,
    wide: bool = False,
    ids: Mapping[str, str] | None = None,
    title: str = "Articles",
) -> Table:
    """A table of articles: id, language, date, publisher, words, status, title (source and url
    wide). An article without a title (a Telegram post) shows the start of its text."""
    cols = [
        Col("id", keep=True),
        Col("lang", keep=True),
        Col("published", cap=16, drop=3),
        Col("publisher", cap=18, drop=4),
        Col("words", keep=True, justify="right", drop=2),
        Col("status", cap=8, drop=1),
        Col("title", flex=True),
        Col("source", wide_only=True),
        Col("url", wide_only=True),
    ]
    rows = [
        [
            _id(ids, a.id),
            a.language,
            _when(a),
            a.publisher or "",
            str(a.word_count),
            a.read_status.value,
            a.title or _short(a.text, 80),
            a.source,
            a.url or "",
        ]
        for a in articles
    ]
    return fit_table(cols, rows, width=width, wide=wide, title=title)


def _when(article: Article) -> str:
    """The publication day, with the time and its UTC offset when known."""
    day = article.published.isoformat() if article.published else ""
    if article.published_at is not None:
        moment = article.published_at
        return f"{day or moment.date().isoformat()} {moment.strftime('%H:%M')}{_offset(moment)}"
    return day


def _offset(moment: datetime) -> str:
    offset = moment.utcoffset()
    if not offset:
        return "Z"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def rejections_table(
    rows: Sequence[Rejected], *, width: int, wide: bool = False, title: str = "Rejected inputs"
) -> Table:
    """A table of rejections: input, stage, reason, the publication date found before the
    rejection (dropped first on a narrow terminal), message."""
    cols = [
        Col("input", flex=True),
        Col("stage", cap=10, drop=1),
        Col("reason", cap=22),
        Col("date", cap=10, drop=2),
        Col("message", flex=True),
    ]
    cells = [
        [
            r.input,
            r.stage,
            r.reason.value,
            r.published.isoformat() if r.published else "",
            r.message,
        ]
        for r in rows
    ]
    return fit_table(cols, cells, width=width, wide=wide, title=title)


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
        if low == high or high is None:
            rng = f"{low}" if high is not None else f"{low}+"
        else:
            rng = f"≤{high}" if low is None else f"{low}–{high}"
        parts.append(f"{name} {rng}")
    return ", ".join(parts)


def _source_text(claim: Claim) -> str:
    """The source's name (its kind when unnamed), and who passed it on."""
    text = claim.source.name or f"({claim.source.kind.value})"
    if claim.source.via:
        text += " via " + ", ".join(claim.source.via)
    return text


def claims_table(
    claims: Sequence[Claim],
    *,
    width: int,
    wide: bool = False,
    ids: Mapping[str, str] | None = None,
    title: str = "Claims",
    numbered: bool = False,
) -> Table:
    """A table of claims: id, kind, counts, place, source, certainty (actors, cue, article wide).

    ``numbered`` adds a ``#`` column, the numbers :func:`marked_text` puts in the text.
    """
    cols = [
        *([Col("#", keep=True, justify="right")] if numbered else []),
        Col("id", keep=True),
        Col("kind", cap=12),
        Col("counts", cap=12, drop=2),
        Col("where", cap=12, drop=3),
        Col("source", flex=True),
        Col("certainty", cap=10, drop=1),
        Col("source kind", wide_only=True),
        Col("quote", wide_only=True),
        Col("actors", wide_only=True),
        Col("cue", wide_only=True),
        Col("article", wide_only=True),
    ]
    rows: list[list[str | Text]] = []
    for n, c in enumerate(claims, 1):
        actors = "; ".join(f"{a.normalized or a.name} ({a.role})" for a in c.actors)
        where = (c.location.normalized or c.location.name) if c.location else ""
        kind = c.kind.value + ("*" if c.in_headline else "")
        rows.append(
            [
                *([str(n)] if numbered else []),
                _id(ids, c.claim_id),
                Text(kind, style=_KIND_STYLES.get(c.kind.value, "")),
                _counts_text(c),
                where or "",
                _source_text(c),
                c.certainty.value,
                c.source.kind.value,
                "quote" if c.quote else "",
                actors,
                c.cue.text if c.cue else "",
                _id(ids, c.article_id),
            ]
        )
    table = fit_table(cols, rows, width=width, wide=wide, title=title)
    if any(c.in_headline for c in claims):
        table.caption = HEADLINE_NOTE
    return table


def article_header(
    article: Article, claims: int, *, width: int, ids: Mapping[str, str] | None = None
) -> Table:
    """The facts about a stored article as labelled lines (for ``show``)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True, overflow="ellipsis", max_width=max(20, width - 14))
    short = _id(ids, article.id)
    lines: list[tuple[str, str]] = [
        ("id", short + ("" if short == article.id else f"  ({article.id})"))
    ]
    if article.published:
        precision = article.published_precision.value if article.published_precision else ""
        precision = f" ({precision})" if precision else ""
        lines.append(("published", f"{article.published.isoformat()}{precision}"))
    elif article.captured_estimate:
        lines.append(("captured", f"{article.captured_estimate.isoformat()} (estimate)"))
    if article.relative_stamp:
        lines.append(("date line", article.relative_stamp))
    conf = (
        f" ({article.language_confidence:.2f})" if article.language_confidence is not None else ""
    )
    lines.append(("language", article.language + conf))
    if article.authors:
        lines.append(("by", ", ".join(article.authors)))
    if article.section:
        lines.append(("section", article.section))
    lines.append(("source", article.source))
    if article.url and article.url != article.source:
        lines.append(("url", article.url))
    status = article.read_status.value
    lines.append(("words", f"{article.word_count} · {status} · {claims} claims"))
    if article.ingested_at:
        lines.append(("stored", article.ingested_at.isoformat(timespec="seconds")))
    for label, value in lines:
        grid.add_row(label, one_line(value))
    return grid


def marked_text(article: Article, claims: Sequence[Claim], color: bool = True) -> Group:
    """The body with each body claim marked ``[n:…:n]`` (n = its row in the claims table),
    under a legend. Colour adds underline (claim), bold (cue) and italic (source) but is never
    needed to read the marks."""
    body = sorted(
        (c for c in claims if not c.in_headline and c.span is not None),
        key=lambda c: (c.span.start if c.span else 0, -(c.span.end if c.span else 0)),
    )
    number = {id(c): n for n, c in enumerate(claims, 1)}
    inserts: list[tuple[int, int, str]] = []  # (offset, order, marker)
    for c in body:
        assert c.span is not None
        n = number[id(c)]
        inserts.append((c.span.start, 1, f"[{n}:"))
        inserts.append((c.span.end, 0, f":{n}]"))
    inserts.sort(key=lambda t: (t[0], t[1]))
    out = Text()
    pos = 0
    for offset, _, marker in inserts:
        out.append(article.text[pos:offset])
        out.append(marker, style="bold reverse" if color else "")
        pos = offset
    out.append(article.text[pos:])
    if color:
        _style_spans(out, body, inserts)
    head = [c for c in claims if c.in_headline]
    legend = Text(
        "Claims are marked [n: … :n] in the text; n is the claim's # in the table below."
        + (" Colour: underlined claim, bold cue, italic source." if color else ""),
        style="dim" if color else "",
    )
    if head:
        nums = ", ".join(str(number[id(c)]) for c in head)
        legend.append(f" Claims in the headline (not marked): {nums}.")
    return Group(legend, Text(""), out)


def _style_spans(
    out: Text, claims: Sequence[Claim], inserts: Sequence[tuple[int, int, str]]
) -> None:
    """Underline each claim, bold its cue, italicise its source (offsets moved by the marks).

    Every mark at offset ``p`` is printed before the character at ``p``: a region starting at
    ``p`` begins after them, one ending at ``p`` ends before them.
    """
    marks = [(offset, len(marker)) for offset, _, marker in inserts]

    def start(p: int) -> int:
        return p + sum(n for o, n in marks if o <= p)

    def end(p: int) -> int:
        return p + sum(n for o, n in marks if o < p)

    for c in claims:
        assert c.span is not None
        style = f"underline {_KIND_STYLES.get(c.kind.value, '')}".strip()
        out.stylize(style, start(c.span.start), end(c.span.end))
        for span, look in ((c.cue.span if c.cue else None, "bold"), (c.source.span, "italic")):
            if span is not None:
                out.stylize(look, start(span.start), end(span.end))
