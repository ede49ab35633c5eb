"""Boilerplate lines left in an extracted article body: related links, promos, credits.

Extractors keep the blocks that sit inside the article container; publishers put "Read also",
newsletter boxes and photo credits there too. Two kinds of short line are recognised by their
first words, in the project's languages and the other common European ones:

* a *section end* ("Related articles", "Lesen Sie auch:", "Читайте также") in the last part of
  the body: the article ends before it, everything after is dropped;
* a *credit* ("© 2020 …", "Foto: …", "Quelle: …"): that line alone is dropped.

Only short lines count, and a line that is a sentence ("Related talks stalled again.") is text.
"""

from __future__ import annotations

import re

__all__ = ["trim_boilerplate"]

_SECTION_END = re.compile(
    r"^\W*(?:related(?: articles| posts| stories| content| news)?|read (?:more|also|next)"
    r"|see also|more (?:from|on|about)\b|you (?:may|might) also like|recommended"
    r"|newsletter|subscribe|sign up|share (?:this|on)|follow us|tags?\b|topics?\b"
    r"|lesen sie (?:auch|mehr)|mehr zum thema|weitere (?:artikel|beiträge|themen|informationen"
    r"|meldungen|nachrichten)|auch interessant|das könnte sie auch interessieren|schon gelesen"
    r"|zum weiterlesen|verwandte (?:artikel|themen)|schlagwörter|themen\b"
    r"|notas relacionadas|noticias relacionadas|lee también|lea también|te puede interesar"
    r"|puedes ver|vea también|mira\b|leia também|leia mais|veja também|lire aussi"
    r"|à lire aussi|sur le même sujet|leggi anche|czytaj (?:też|także|więcej)"
    r"|zobacz (?:też|także)|читайте (?:также|еще|ещё|також)|дивіться також|по теме"
    r"|схожі новини|похожие новости|новини по темі)\b"
    # the cue alone, the cue and a colon (a list or a headline follows), or a few more words
    # without a full stop ("Mehr zum Thema Corona"), never a sentence
    r"(?:\s*:.*|(?:\s+[^\s.]+){0,6}\s*[?!…»>]*)\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\W*(?:©|\(c\)\s|copyright\b|all rights reserved|alle rechte vorbehalten"
    r"|(?:foto|fotos|photo|photos|bild|bilder|titelbild|beitragsbild|image|credits?"
    r"|crédits? photos?|quelle|source|fuente|źródło|фото|джерело|источник)\s*:)",
    re.IGNORECASE,
)
# A section end counts only in the last part of the body (after this share of its lines).
_TAIL_START = 0.7
_MAX_CUE_CHARS = 80
_MAX_CREDIT_CHARS = 160


def trim_boilerplate(body: str) -> str:
    """``body`` (paragraphs separated by blank lines) without trailing sections and credits."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    tail = max(1, int(len(paragraphs) * _TAIL_START))
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        if i >= tail and len(para) <= _MAX_CUE_CHARS and _SECTION_END.match(para):
            break
        if len(para) <= _MAX_CREDIT_CHARS and _CREDIT.match(para):
            continue
        kept.append(para)
    return "\n\n".join(kept)
