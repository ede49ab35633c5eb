"""List the dev (``tune``) pages of trafilatura_eval by body-text loss, beside trafilatura's own.

For each dev page: our true positives, misses (``with`` snippets our body lacks) and extras
(``without`` snippets it holds), the same for trafilatura in precision mode on the same bytes,
and the missing and extra text itself. Pages are printed worst first (misses + extras), then
the totals with precision, recall and F1 for both. Writes JSON lines (our body text included)
for a closer look. Held-out pages are never read. Usage::

    PYTHONPATH=src python scripts/body_misses.py [OUT.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from fogofwar.evaluation.ingest_eval import (
    EvalPage,
    _anchor,
    _trafilatura_text,
    half_of,
    iter_pages,
    read_page,
)
from fogofwar.readers.pool import ordered_map


def _norm(text: str) -> str:
    return " ".join(text.split())


def _counts(gold: dict[str, Any], text: str) -> dict[str, Any]:
    body = _norm(text)
    with_ = [s for s in gold.get("with", []) if _norm(s) in body]
    return {
        "tp": len(with_),
        "missing": [s for s in gold.get("with", []) if _norm(s) not in body],
        "extra": [s for s in gold.get("without", []) if _norm(s) in body],
    }


def _one(page: EvalPage) -> dict[str, Any]:
    article, html, _ = read_page(page)
    text = article.text if article else ""
    return {
        "file": page.path.name.removesuffix(".gz"),
        "url": page.url,
        "ours": _counts(page.gold, text),
        "trafilatura": _counts(page.gold, _anchor(_trafilatura_text, html)),
        "chars": len(text),
        "text": text,
    }


def _figures(rows: list[dict[str, Any]], who: str) -> str:
    tp = sum(r[who]["tp"] for r in rows)
    fn = sum(len(r[who]["missing"]) for r in rows)
    fp = sum(len(r[who]["extra"]) for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return f"{who}: tp {tp} fn {fn} fp {fp}  precision {p:.3f} recall {rec:.3f} F1 {f1:.3f}"


def _loss(row: dict[str, Any], who: str) -> int:
    return len(row[who]["missing"]) + len(row[who]["extra"])


def main() -> None:
    """Print the dev pages by loss and the totals; dump the records as JSON lines."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/body_misses.jsonl")
    shared = Path("../shared") if Path("../shared").is_dir() else Path("/work/shared")
    pages = [
        p
        for p in iter_pages(shared, "trafilatura_eval")
        if half_of(p.path.name.removesuffix(".gz")) == "tune"
    ]
    rows = list(ordered_map(_one, pages, jobs=2, on_error=lambda p, e: None))
    done = [r for r in rows if r is not None]
    with out.open("w", encoding="utf-8") as fh:
        for r in done:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in sorted(done, key=lambda r: -_loss(r, "ours")):
        if not _loss(r, "ours"):
            break
        ours, theirs = r["ours"], r["trafilatura"]
        print(
            f"{r['file']}  ours tp {ours['tp']} fn {len(ours['missing'])} fp "
            f"{len(ours['extra'])} | trafilatura tp {theirs['tp']} fn {len(theirs['missing'])} "
            f"fp {len(theirs['extra'])}"
        )
        for s in ours["missing"]:
            print(f"    missing: {s[:150]}")
        for s in ours["extra"]:
            print(f"    extra:   {s[:150]}")
    print(f"dev {len(done)} pages ({len(rows) - len(done)} failed)")
    print(_figures(done, "ours"))
    print(_figures(done, "trafilatura"))


if __name__ == "__main__":
    main()
