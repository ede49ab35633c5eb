"""The claim reader's stages: pure ``(Doc, Resources) -> Doc`` functions with declared data flow.

``segment.v1`` (tokens, paragraphs, sentences) → ``clauses.v1`` → ``dates.v1`` →
``quantities.v1`` → ``entities.v1`` (actors, persons, source nouns) → ``places.v1`` →
``attribution.v1`` → ``claims.v1``. See :mod:`fogofwar.nlp.stages` for the default order and
``fogofwar/packs/README.md`` for the language data every stage reads.
"""
