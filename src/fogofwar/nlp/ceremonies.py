"""Funerals and remembrance (annotating-claims: "funerals and ceremonies" are no claims).

"Thousands attended the funeral of the three soldiers killed in the ambush", "Am Sonntag
gedachten Hunderte Menschen der Opfer des Angriffs", "У Києві вшанували пам'ять загиблих
унаслідок ракетного удару": the clause tells an act of mourning, and the attack it names is
the reason for it, told (or not) elsewhere. A clause holding a word of the pack's
``[ceremonies] words`` gives no claim (:func:`ceremony`). The list holds acts of attending,
honouring and remembering only ("attended the funeral", "paid tribute", "почтили память"),
not the bare nouns: "an air strike hit a funeral in Sanaa" is an attack on mourners.
"""

from __future__ import annotations

from fogofwar.nlp.doc import Clause, Doc
from fogofwar.packs import LanguagePack

__all__ = ["ceremony"]


def ceremony(doc: Doc, pack: LanguagePack, clause: Clause) -> bool:
    """The clause holds an act of mourning or remembrance of the pack."""
    return pack.ceremonies.any_in(doc.tokens, clause.tok_start, clause.tok_end)
