"""Capitals and cities of a million: does each one's own name resolve to it?

For every city of the gazetteer that is a national capital or has 1,000,000+ inhabitants, a
sentence per pack language names it by its GeoNames name after a place preposition; the check
counts the cities whose mention does not come back as that city. ``--context`` puts a US
context before it (a Maryland town and state), where another place's other name used to win
("Jerusalem" -> Funkstown, Md.). ``-v`` lists the failures.

    PYTHONPATH=src python scripts/own_names.py            # seven languages, no context
    PYTHONPATH=src python scripts/own_names.py --context  # English, with a US context
"""

from __future__ import annotations

import argparse

from fogofwar.geo import Gazetteer

SENTENCES = {
    "en": "Fighting was reported in {}.",
    "de": "Kämpfe wurden aus {} gemeldet.",
    "fr": "Des combats ont eu lieu à {}.",
    "es": "Hubo combates en {}.",
    "it": "Ci sono stati combattimenti a {}.",
    "ru": "Бои шли в {}.",
    "uk": "Бої точилися в {}.",
}
CONTEXT = "Officials in Hagerstown, Maryland, said fighting was reported in {}."


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--context", action="store_true")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    gaz = Gazetteer.open()
    rows = (
        gaz._index._con()
        .execute(
            "SELECT gid, name, cc, pop FROM entities"
            " WHERE kind = 'city' AND (capital = 1 OR pop >= 1000000)"
        )
        .fetchall()
    )
    sentences = {"en": CONTEXT} if args.context else SENTENCES
    for lang, template in sentences.items():
        bad = []
        for gid, name, cc, pop in rows:
            text = template.format(name)
            start = template.index("{}")
            end = start + len(name)
            found = [m for m in gaz.find(text, lang) if m.span.start <= start and end <= m.span.end]
            loc = found[0].location if found else None
            if loc is None or loc.geonames_id != gid:
                bad.append((name, cc, pop, None if loc is None else (loc.normalized, loc.country)))
        print(lang, len(bad), "of", len(rows), flush=True)
        if args.v:
            for row in bad:
                print("  ", *row)


if __name__ == "__main__":
    main()
