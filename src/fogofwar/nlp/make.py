"""``make_doc``: a :class:`Doc` prepared up to one stage, so each stage can be tested alone.

>>> doc = make_doc("Das teilte das Innenministerium mit.", "de", before="attribution_forward.v1")
>>> forward = registered("attribution_forward.v1").fn(doc, resources)

The document runs through the default pipeline's stages *before* ``before`` (or all of them
when ``before`` is ``None``), with the given resources (default: the offline reader's packs,
no registry, no gazetteer, the shipped clause model).
"""

from __future__ import annotations

from datetime import date

from fogofwar.nlp.doc import Doc, Resources
from fogofwar.nlp.pipeline import Pipeline, PipelineError
from fogofwar.nlp.stages import DEFAULT_PIPELINE

__all__ = ["make_doc", "offline_resources"]


def offline_resources() -> Resources:
    """The offline reader's resources (packs, the shipped clause model; no registry or places)."""
    from fogofwar.reader import Reader

    return Reader.offline().resources


def make_doc(
    text: str,
    lang: str,
    *,
    before: str | None = None,
    resources: Resources | None = None,
    published: date | None = None,
    headline: bool = False,
) -> Doc:
    """``text`` analysed by the default stages that come before ``before``."""
    names = list(DEFAULT_PIPELINE)
    if before is not None:
        if before not in names:
            raise PipelineError(f"{before!r} is not a default stage; stages: {', '.join(names)}")
        names = names[: names.index(before)]
    res = resources or offline_resources()
    doc = Doc("-", text, lang, published, headline)
    return Pipeline(names)(doc, res) if names else doc
