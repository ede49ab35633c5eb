"""List the publication-date misses of the ``tune`` (dev) half of the ingest gold sets.

For each dev page with a gold date: gold, ours, htmldate's own answer, and the date candidates
the page offers (where our date could have come from). Writes JSON lines; prints the misses.
Held-out pages are never read. Usage::

    PYTHONPATH=src python scripts/date_misses.py [OUT.jsonl] [--all]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import htmldate
import lxml.html

from fogofwar.evaluation.ingest_eval import EvalPage, half_of, iter_pages, read_page
from fogofwar.readers.pool import ordered_map

_URL_DAY = re.compile(r"/(20\d\d|19\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:/|[^\d]|$)")
_DATEISH = re.compile(r"date|time|publish|created|modified|updated", re.I)


def _candidates(html: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        tree = lxml.html.fromstring(html.encode("utf-8", "surrogatepass"))
    except Exception:
        return out
    metas = []
    for m in tree.iter("meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop") or ""
        if _DATEISH.search(key) and m.get("content"):
            metas.append((key, m.get("content")[:40]))
    out["meta"] = metas[:12]
    ld = []
    for s in tree.iterfind('.//script[@type="application/ld+json"]'):
        for k, v in re.findall(r'"(date\w*|uploadDate)"\s*:\s*"([^"]{6,40})"', s.text or ""):
            ld.append((k, v))
    out["jsonld"] = ld[:8]
    times = []
    for t in tree.iter("time"):
        inart = any(a.tag == "article" for a in t.iterancestors())
        times.append((t.get("datetime") or "", " ".join(t.text_content().split())[:40], inart))
    out["time"] = times[:6]
    canon = tree.find('.//link[@rel="canonical"]')
    og = tree.find('.//meta[@property="og:url"]')
    url = (canon.get("href") if canon is not None else None) or (
        og.get("content") if og is not None else None
    )
    out["url"] = url
    m = _URL_DAY.search(url or "")
    out["url_day"] = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
    return out


def _one(job: tuple[str, EvalPage]) -> dict[str, Any]:
    dataset, page = job
    name = page.path.name.removesuffix(".gz")
    art, html, published = read_page(page)
    try:
        hd = htmldate.find_date(html, original_date=True) or ""
    except Exception:
        hd = ""
    try:
        hd_latest = htmldate.find_date(html, original_date=False) or ""
    except Exception:
        hd_latest = ""
    return {
        "set": dataset,
        "file": name,
        "page_url": page.url,
        "gold": page.gold.get("date"),
        "ours": published.isoformat() if published else "",
        "rejected": art is None,
        "htmldate": hd,
        "htmldate_latest": hd_latest,
        **_candidates(html),
    }


def main() -> None:
    """Dump dev-half date records and print the misses."""
    out = Path(
        sys.argv[1]
        if len(sys.argv) > 1 and not sys.argv[1].startswith("-")
        else "/tmp/date_misses.jsonl"
    )
    shared = Path("../shared") if Path("../shared").is_dir() else Path("/work/shared")
    jobs = [
        (d, p)
        for d in ("htmldate_eval", "trafilatura_eval")
        for p in iter_pages(shared, d)
        if "date" in p.gold and half_of(p.path.name.removesuffix(".gz")) == "tune"
    ]
    rows = list(ordered_map(_one, jobs, jobs=2, on_error=lambda j, e: {"error": str(e)}))
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for d in ("htmldate_eval", "trafilatura_eval"):
        rs = [r for r in rows if r.get("set") == d]
        ok = sum(r["ours"] == r["gold"] for r in rs)
        hd = sum(r["htmldate"] == r["gold"] for r in rs)
        print(f"{d}: dev {len(rs)} pages, ours {ok / len(rs):.3f}, htmldate {hd / len(rs):.3f}")
    if "--all" in sys.argv:
        for r in rows:
            if r.get("ours") != r.get("gold"):
                print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
