"""Background dated before the reported events: the author's voice, not a continued report.

"Last month a missile strike on the city's market killed seven people", "Bereits im vergangenen
Monat hatte …", "В прошлом месяце …", "Dal 2017 il conflitto …": an unattributed clause after a
source's report that places itself before the events reported is background the author adds
(annotating-claims: "New facts or background in the indicative are the author's"), so it does
not inherit the source. The pack's ``[attribution] earlier_times`` lists the time phrases
(lower-case regular expressions).
"""

from __future__ import annotations

import re
from functools import lru_cache

from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.matcher import norm

__all__ = ["dated_earlier"]


@lru_cache(maxsize=16)
def _pattern(lang: str) -> re.Pattern[str] | None:
    times = lexicon(lang).earlier_times
    return re.compile("|".join(f"(?:{t})" for t in times)) if times else None


def dated_earlier(lang: str, clause: str) -> bool:
    """The clause's words place it before the reported events (a time phrase of the pack)."""
    pattern = _pattern(lang)
    return pattern is not None and pattern.search(norm(clause)) is not None
