"""List the body-text misses of the ``tune`` (dev) half of trafilatura_eval.

For each dev page: the ``with`` snippets our body lacks and the ``without`` snippets it holds.
Writes JSON lines (our body text included) and prints precision, recall and F1. Held-out pages
are never read. Usage::

    PYTHONPATH=src python scripts/body_misses.py [OUT.jsonl]
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from fogofwar.evaluation.ingest_eval import EvalPage, half_of, iter_pages
from fogofwar.model import Article
from fogofwar.readers import read_bytes
from fogofwar.readers.pool import ordered_map


def _norm(text: str) -> str:
    return " ".join(text.split())


def _one(page: EvalPage) -> dict[str, Any]:
    logging.disable(logging.WARNING)
    name = page.path.name.removesuffix(".gz")
    results = read_bytes(page.html(), source=name, fmt="html")
    art = next((r for r in results if isinstance(r, Article)), None)
    body = _norm(art.text) if art else ""
    return {
        "file": name,
        "url": page.url,
        "missing": [s for s in page.gold.get("with", []) if _norm(s) not in body],
        "found": len([s for s in page.gold.get("with", []) if _norm(s) in body]),
        "extra": [s for s in page.gold.get("without", []) if _norm(s) in body],
        "chars": len(body),
        "text": art.text if art else "",
    }


def main() -> None:
    """Dump dev-half body records and print the figures."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/body_misses.jsonl")
    shared = Path("../shared") if Path("../shared").is_dir() else Path("/work/shared")
    pages = [
        p
        for p in iter_pages(shared, "trafilatura_eval")
        if half_of(p.path.name.removesuffix(".gz")) == "tune"
    ]
    rows = list(ordered_map(_one, pages, jobs=2, on_error=lambda p, e: {"error": str(e)}))
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    tp = sum(r.get("found", 0) for r in rows)
    fn = sum(len(r.get("missing", [])) for r in rows)
    fp = sum(len(r.get("extra", [])) for r in rows)
    p, rec = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * p * rec / (p + rec)
    print(f"dev {len(rows)} pages: precision {p:.3f} recall {rec:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
