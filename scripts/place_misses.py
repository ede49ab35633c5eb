"""Places error analysis on the DEV halves only (never the held-out ones).

Prints the dev-half figures of ``fogofwar eval places`` (toponym F1, Acc@161 km end to end and
with gold spans) per dataset and, with ``--misses``, every dev gold span resolved more than
161 km from its gold point, with its context, plus the end-to-end false positives and misses.

    PYTHONPATH=src python scripts/place_misses.py                 # dev figures
    PYTHONPATH=src python scripts/place_misses.py lgl --misses    # one set, every miss
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fogofwar.evaluation.places_eval import (
    _ADJECTIVES,
    _end_to_end,
    _gold_spans,
    _km,
    _modifier,
    _Tally,
    half,
    load_dataset,
)
from fogofwar.geo import Gazetteer

SETS = ("geowebnews", "lgl", "geovirus")


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def _misses(name: str, docs: list, gaz: Gazetteer) -> None:  # type: ignore[type-arg]
    for doc in docs:
        spans = [(g.start, g.end) for g in doc.toponyms]
        for g, m in zip(doc.toponyms, gaz.resolve(doc.text, spans, "en"), strict=True):
            if g.lat is None or g.lon is None:
                continue
            loc = m.location
            err = (
                _km(g.lat, g.lon, loc.lat, loc.lon)
                if loc is not None and loc.lat is not None and loc.lon is not None
                else float("inf")
            )
            if err > 161:
                got = "-" if loc is None else f"{loc.normalized}/{loc.admin1}/{loc.country}"
                print(f"GOLD {name} {doc.doc_id} {err:7.0f}km got={got} gold=({g.lat:.2f},"
                      f"{g.lon:.2f}) :: {_context(doc.text, g.start, g.end)}")  # fmt: skip
        pred = [
            m
            for m in gaz.find(doc.text, "en")
            if not m.is_demonym or (name in _ADJECTIVES and _modifier(doc.text, m))
        ]
        for m in pred:
            if not any(g.start < m.span.end and m.span.start < g.end for g in doc.toponyms):
                loc = m.location
                got = "-" if loc is None else f"{loc.normalized}/{loc.country}"
                print(f"FP   {name} {doc.doc_id} got={got} :: "
                      f"{_context(doc.text, m.span.start, m.span.end)}")  # fmt: skip
        for g in doc.toponyms:
            if not any(g.start < m.span.end and m.span.start < g.end for m in pred):
                print(f"FN   {name} {doc.doc_id} :: {_context(doc.text, g.start, g.end)}")


def main() -> None:
    """Dev-half figures, and the misses with ``--misses``."""
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    args = ap.parse_args()
    gaz = Gazetteer.open()
    for name in args.sets:
        docs = [d for d in load_dataset(args.shared, name) if half(name, d.doc_id) == "dev"]
        e2e, gold = _Tally(), _Tally()
        for doc in docs:
            e2e.add(_end_to_end(doc, gaz, name in _ADJECTIVES))
            gold.add(_gold_spans(doc, gaz))
        p = e2e.tp / max(1, e2e.tp + e2e.fp)
        r = e2e.tp / max(1, e2e.tp + e2e.fn)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name}.dev  P {p:.3f} R {r:.3f} F1 {f:.3f}  e2e acc161 "
              f"{e2e.within / max(1, e2e.geo_n):.3f}  gold-spans acc161 "
              f"{gold.within / max(1, gold.geo_n):.3f} (n={gold.geo_n})")  # fmt: skip
        if args.misses:
            _misses(name, docs, gaz)


if __name__ == "__main__":
    main()
