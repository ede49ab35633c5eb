"""The shape of a source's name taken from the text, as an analyst writes it down.

* :func:`trimmed` — a noun phrase: no adverbs or auxiliaries at its ends, no weekday with its
  preposition, no preposition opening it;
* :func:`with_acronym` — a body the text defines as "Long form (ACR)" is named with both;
* :func:`with_name_after` — a head noun whose registry name follows it ("der Nachrichtenagentur
  | Wafa") is named with it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import Doc
from fogofwar.packs.files import read_table

__all__ = ["trimmed", "with_acronym", "with_name_after"]


_HEAD_WORDS = 2  # "der Nachrichtenagentur", "the agency": a head noun before the name


def with_name_after(doc: Doc, src: Span, name: str) -> str:
    """A head noun whose name follows it outside the source phrase ("der Nachrichtenagentur |
    Wafa", "l'agence | Tasnim", "агентство | ТАСС"): the noun and the registry actor's name,
    as the text writes them."""
    words = src.slice(doc.text)
    if len(words.split()) > _HEAD_WORDS or name.casefold() not in words.casefold():
        return name  # a longer phrase, or a name resolved elsewhere ("Zivilschutz" … "Agentur")
    for e in doc.entities:
        if e.category == "actor" and e.normalized and e.span.start > src.end:
            # a name ("Wafa", "ТАСС"), not a nationality and a noun ("російський військовий")
            if doc.text[src.end : e.span.start].strip() == "" and e.surface[:1].isupper():
                return f"{name} {e.surface}"
            break
    return name


def trimmed(lang: str, name: str) -> str:
    """A name taken from the source phrase without the adverbs and auxiliaries at its ends
    (pack ``name_junk``: "Раньше аналитики" → "аналитики", "jury was" → "jury"), a weekday
    with its preposition ("Ryanair від вівторка", "Ірландська авіакомпанія в п'ятницю"; pack
    ``[dates] weekdays``) and a one- or two-letter preposition opening it ("У компанії" →
    "компанії"): a source's name is a noun phrase. A name that is only such words stays."""
    junk = lexicon(lang).name_junk
    words = name.split()
    days = _weekday_stems(lang)
    lo, hi = 0, len(words)

    def day(k: int) -> bool:
        w = words[k].casefold().strip(",").replace("ʼ", "'").replace("’", "'")
        return any(w.startswith(d) for d in days)

    def preposition(k: int) -> bool:
        return len(words[k]) <= _PREPOSITION and words[k].isalpha() and words[k].islower()

    while lo < hi - 1:
        if preposition(lo) and lo + 1 < hi - 1 and day(lo + 1):
            lo += 2  # "у четвер | лоукостер"
        elif words[lo].casefold().strip(",") in junk or day(lo):
            lo += 1
        else:
            break
    while hi - 1 > lo and (words[hi - 1].casefold().strip(",") in junk or day(hi - 1)):
        hi -= 1
        if hi - 1 > lo and preposition(hi - 1):
            hi -= 1  # the weekday's preposition: "в | п'ятницю", "від | вівторка"
    opening = hi - lo > 1 and len(words[lo]) <= _OPENING and words[lo].isalpha()
    if opening and (words[lo].islower() or words[lo + 1][:1].islower()):
        lo += 1  # "в авиакомпании", "У компанії" (not "У РФ": a name follows)
    return name if (lo, hi) == (0, len(words)) else " ".join(words[lo:hi]).strip(" ,")


_PREPOSITION = 3  # letters of a preposition before a weekday ("в", "у", "від", "on")
_OPENING = 2  # letters of a preposition or article opening a name ("в", "у", "le", "el")
_WEEKDAY_STEM = 5  # letters of a weekday that its inflected forms share ("вівторок"/"вівторка")


@lru_cache(maxsize=16)
def _weekday_stems(lang: str) -> tuple[str, ...]:
    """The stems of the weekday names of ``lang`` (pack ``[dates] weekdays``)."""
    table = read_table(lang, "pack").get("dates", {})
    rows = table.get("weekdays", []) if isinstance(table, dict) else []
    forms = {str(f).casefold().replace("ʼ", "'") for row in rows for f in row}
    return tuple(sorted({f[:_WEEKDAY_STEM] for f in forms if len(f) >= _WEEKDAY_STEM}))


_ACRONYM = re.compile(r"\(([^\W\d_]{2,8})\)")
_LONG_WORDS = 4  # words a long form may hold beyond its acronym's letters
_LINK_LETTERS = 3  # a lower-case word inside a long form ("de", "a", "la", "of")


def with_acronym(doc: Doc, src: Span, name: str) -> str:
    """A body the text defines with its acronym ("Servicio Federal de Seguridad (FSB)",
    "Médecins sans frontières (MSF)") is named with both, as an analyst writes it: the
    long form as the source with the acronym after it, or the acronym as the source with the
    long form the text gave it before."""
    text = doc.text
    after = _ACRONYM.match(text, src.end + 1 if text[src.end : src.end + 1] == " " else src.end)
    if after is not None and after.group(1)[:1].isupper() and "(" not in name:
        return f"{name} ({after.group(1)})" if _long_of(name, after.group(1)) else name
    if name.isupper() and 2 <= len(name) <= 8:
        for m in re.finditer(rf"\(({re.escape(name)})\)", text[: src.end + 1]):
            long = _long_before(doc, m.start(), name)
            if long is not None:
                return f"{long} ({name})"
    return name


def _long_of(long: str, acronym: str) -> bool:
    """``long`` can be the long form of ``acronym``: it opens with the acronym's first letter
    and has no more words than the acronym has letters plus a few articles."""
    words = long.split()
    return (
        bool(words)
        and words[0][:1].casefold() == acronym[:1].casefold()
        and (len(words) <= len(acronym) + _LONG_WORDS)
    )


def _long_before(doc: Doc, paren: int, acronym: str) -> str | None:
    """The long form right before "(ACRONYM)" at ``paren``: from the farthest capitalised word
    (no function word: "Die", "La") over capitalised words and short lower-case links ("el
    Servicio Federal de Seguridad (FSB)"), or from the farthest capitalised word opening with
    the acronym's letter ("Médecins sans frontières (MSF)"), whichever starts earlier."""
    text = doc.text
    words = re.findall(r"[^\s,;:.()]+", text[max(0, paren - 160) : paren].split(",")[-1])
    words = words[-(len(acronym) + _LONG_WORDS) :]
    lex = lexicon(doc.lang)
    start = None
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w[:1].isupper() and w.casefold() not in lex.function_words:
            start = i
        elif not (w.islower() and (len(w) <= _LINK_LETTERS or w in lex.np_links)):
            break
    # "Служба безпеки України (СБУ)", "Médecins sans frontières (MSF)": the farther start
    # opening with the acronym's letter
    initial = next(
        (i for i, w in enumerate(words) if w[:1] == acronym[:1] and w[:1].isupper()), None
    )
    starts = [i for i in (start, initial) if i is not None]
    return " ".join(words[min(starts) :]) if starts else None
