"""Named past wars as dates (annotating-claims: long-past history is no claim).

"Das Dorf wurde im Zweiten Weltkrieg fast vollständig zerstört", "the village was razed during
the Second World War", "durante la Segunda Guerra Mundial", "під час Другої світової", "were
murdered in the Holocaust": a clause set in a named war or era of the past tells history as
surely as one set "in 1943". The pack's
``[eras]`` maps each such name to the year the war ended; :func:`era_years` gives those years
for :func:`~fogofwar.nlp.nonfacts.long_past`, except after a "since" word ("the worst attack
since the Second World War", "seit dem Zweiten Weltkrieg", "з часів Другої світової"), which
runs from the war to now.
"""

from __future__ import annotations

from fogofwar.nlp.doc import Clause, Doc
from fogofwar.packs import LanguagePack

__all__ = ["era_years"]


def era_years(doc: Doc, pack: LanguagePack, clause: Clause, window: int) -> list[int | None]:
    """The end years of the named past wars in the clause (None for one that follows a
    "since" word of the pack within ``window`` words before it in the clause)."""
    toks = doc.tokens
    out: list[int | None] = []
    for m in pack.eras.find(toks, clause.tok_start, clause.tok_end):
        before = [j for j in range(m.start - 1, clause.tok_start - 1, -1) if toks[j].is_word]
        since = any(toks[j].lower in pack.since for j in before[:window])
        out.append(None if since else m.payload)
    return out
