"""Who a detainee is: a description of a person already arrested, not a new arrest.

annotating-claims counts the arrest, not the portrait of the arrested. After an arrest, a
clause that opens with the detainee ("Задержанный оказался сторонником …", "Затриманий є
мешканцем …", "The suspect is a supporter of …", "Der Festgenommene ist ein 35-jähriger …")
and goes on with a verb of being tells who that person is; the clause model, seeing the
detainee word, may read another arrest in it. :func:`detainee_profile` finds such a clause
by the pack's ``[text] detainee_nouns`` (nouns for a person detained or suspected, with their
determiner where the tokens fuse it: "l'arrestato") and ``[text] identity_verbs`` ("является",
"оказался", "є", "is", "ist", "es", "est", "è"). A clause that also holds an arrest word of
the pack ("The suspect was arrested in …") tells the arrest itself and stays.
"""

from __future__ import annotations

from functools import lru_cache

from fogofwar.claim import ClaimKind
from fogofwar.nlp.clause_view import ClauseView
from fogofwar.nlp.doc import Doc
from fogofwar.nlp.matcher import PhraseMatcher
from fogofwar.packs.files import read_table

__all__ = ["IDENTITY_GAP", "SUBJECT_WORDS", "detainee_profile"]

#: the first words of a clause where its subject, the detainee noun, stands ("Der
#: Festgenommene", "По данным ФСБ, задержанный")
SUBJECT_WORDS = 4
#: words after the detainee noun within which the verb of being follows
IDENTITY_GAP = 2


@lru_cache(maxsize=32)
def _words(lang: str, key: str) -> PhraseMatcher[None]:
    text = read_table(lang, "pack").get("text", {})
    words = text.get(key, []) if isinstance(text, dict) else []
    return PhraseMatcher((str(w), None) for w in words)


def detainee_profile(doc: Doc, view: ClauseView, kind: ClaimKind) -> bool:
    """An arrest claim whose clause opens with a detainee noun of the pack followed by a
    verb of being, with no arrest word besides that noun: it describes the detainee."""
    if kind != ClaimKind.ARREST:
        return False
    c = view.clause
    toks = doc.tokens
    words = [k for k in range(c.tok_start, c.tok_end) if toks[k].is_word]
    nouns, verbs = _words(doc.lang, "detainee_nouns"), _words(doc.lang, "identity_verbs")
    for i, k in enumerate(words[:SUBJECT_WORDS]):
        m = nouns.match_at(toks, k, c.tok_end)
        if m is None:
            continue
        if any(
            e.payload.kind == ClaimKind.ARREST and not m.start <= e.start < m.end
            for e in view.every
        ):
            return False  # "The suspect was arrested in …": the arrest itself
        after = [j for j in words[i + 1 :] if j >= m.end][:IDENTITY_GAP]
        return any(verbs.match_at(toks, j, c.tok_end) is not None for j in after)
    return False
