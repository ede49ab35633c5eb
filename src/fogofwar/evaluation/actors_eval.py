"""The ``actors`` suite: persons, organisations and places found on general NER sets, per language.

Gold comes from four general-purpose NER sets read in place from ``<shared>/datasets`` (see
:mod:`fogofwar.evaluation.ner_sets` for formats and label mapping):

============  ====  ================================================  =====================
dataset       lang  source                                            fixed sample
============  ====  ================================================  =====================
germeval_de   de    GermEval 2014 dev (CC BY 4.0)                     first 2,200 sentences
factrueval_ru ru    factRuEval-2016 devset + testset (MIT)            first 254 documents
ner_uk        uk    NER-UK 2.0 training split, split-file order       first 391 documents
wikigold_en   en    wikigold (CC BY 4.0)                              first 1,696 sentences
============  ====  ================================================  =====================

The default sample is every unit of each set; ``limit`` caps each set at its first ``limit``
units (sentences or documents); the whole default run, BSNLP included, takes ~20 s on
2 cores.

What is compared, per document:

* ``per`` — gold ``PER`` against the name spans of :meth:`ActorRegistry.find_persons`;
* ``org`` — gold ``ORG`` against :meth:`ActorRegistry.find` matches whose entry is an
  organisation, government, armed group or state force (``civilians``/``other`` are left out);
* ``loc`` — gold ``LOC`` against :meth:`Gazetteer.find` mentions that are not demonyms
  (metonymic ones — "Kyiv said" — count: NER gold labels them LOC too).

A prediction wholly inside a span the loader marks as ignored for its field (GermEval
``*part``/``*deriv``; in the flat sets NER-UK and wikigold, a gold span of another label) and
touching no gold span of its field is not scored.

Scores: ``precision``/``recall``/``f1`` with **exact** span match (same start and end), and
``overlap_precision``/``overlap_recall``/``overlap_f1`` where a prediction matches a gold span of
the same field sharing at least one character (see :mod:`fogofwar.evaluation.span_scoring`).

Cross-lingual check (BSNLP ru/uk, dataset ``bsnlp_ru_uk``, fields ``xling_per``/``xling_org``/
``xling_loc``): the documents are not translations of each other, so the check is per entity.
For every gold entity (cross-lingual id, per topic) annotated in both the Russian and the
Ukrainian documents, each language's link is the most frequent id our finders give to spans
overlapping an occurrence of one of its annotated surface forms — ``find_persons`` (registry
person id; unlinked names give none) for PER, ``find`` (any kind) for ORG, the gazetteer
(GeoNames id, else normalised name) for LOC. ``linked_both`` is the share of these entities
linked in both languages; ``agreement`` the share of those whose two links are the same id.

Floors (``floors/actors.json``) sit below the measured values by ~0.02, or by a quarter of the
value when that is smaller, and by at least two items' worth (2/n) where n is small; an F1 floor
is the F1 of its precision and recall floors.

These sets are **out of domain**: fogofwar's finders target conflict actors (registry forces,
governments, armed groups, "nationality + institution" phrases, names next to role words), not
every company, band or private person, so recall on generic PER/ORG is low by design. The suite
is a per-language comparison and a regression gate, not a NER benchmark.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fogofwar.actors import ActorRegistry
from fogofwar.evaluation.ner_sets import (
    BsnlpDoc,
    NerDoc,
    NerSpan,
    load_bsnlp,
    load_factrueval,
    load_germeval,
    load_ner_uk,
    load_wikigold,
)
from fogofwar.evaluation.report import EvalReport, Metric
from fogofwar.evaluation.span_scoring import GoldSpan, PRCounts, match_spans, overlaps
from fogofwar.geo import Gazetteer
from fogofwar.model import Span

__all__ = [
    "DATASETS",
    "FIELDS",
    "ORG_KINDS",
    "DatasetSpec",
    "evaluate_actors",
    "score_crosslingual",
    "score_dataset",
]

ORG_KINDS = frozenset({"organization", "government", "armed_group", "state_forces"})
FIELDS = {"per": "PER", "org": "ORG", "loc": "LOC"}  # field -> gold label


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """One gold set: its name in metric keys, language, loader and what a unit is."""

    name: str
    lang: str
    load: Callable[[Path, int | None], list[NerDoc]]
    unit: str  # "sentences" | "documents"


DATASETS = (
    DatasetSpec("germeval_de", "de", load_germeval, "sentences"),
    DatasetSpec("factrueval_ru", "ru", load_factrueval, "documents"),
    DatasetSpec("ner_uk", "uk", load_ner_uk, "documents"),
    DatasetSpec("wikigold_en", "en", load_wikigold, "sentences"),
)

_NOTE = (
    "out of domain: general {lang} NER gold ({what}); fogofwar finds conflict actors "
    "(registry entries, nationality + institution, names with role words), so recall on "
    "generic entities is low by design; a per-language comparison and regression gate"
)
_WHAT = {
    "per": "all persons",
    "org": "all organisations incl. companies, clubs, bands",
    "loc": "all locations",
}


def _predictions(
    text: str, lang: str, registry: ActorRegistry, gazetteer: Gazetteer
) -> dict[str, list[Span]]:
    """Predicted spans per field for one text."""
    return {
        "per": [p.span for p in registry.find_persons(text, lang)],
        "org": [m.span for m in registry.find(text, lang) if m.entry.kind in ORG_KINDS],
        "loc": [m.span for m in gazetteer.find(text, lang) if not m.is_demonym],
    }


def score_dataset(
    docs: Sequence[NerDoc], lang: str, registry: ActorRegistry, gazetteer: Gazetteer
) -> dict[tuple[str, bool], PRCounts]:
    """Counts per (field, overlap?) summed over ``docs``."""
    totals = {(f, soft): PRCounts() for f in FIELDS for soft in (False, True)}
    for doc in docs:
        pred = _predictions(doc.text, lang, registry, gazetteer)
        for field, label in FIELDS.items():
            gold = [GoldSpan.of(s.start, s.end) for s in doc.spans if s.label == label]
            ignore = [s for s in doc.ignore if s.label == label]
            scored = [p for p in pred[field] if not _ignored(p, gold, ignore)]
            for soft in (False, True):
                totals[field, soft] += match_spans(gold, scored, soft=soft)
    return totals


def _ignored(pred: Span, gold: Sequence[GoldSpan], ignore: Sequence[NerSpan]) -> bool:
    """Inside an ignored span and touching no gold span of its field: not scored."""
    inside = any(s.start <= pred.start and pred.end <= s.end for s in ignore)
    return inside and not any(overlaps(g.extent, pred) for g in gold)


def _metrics(spec: DatasetSpec, totals: dict[tuple[str, bool], PRCounts]) -> list[Metric]:
    out: list[Metric] = []
    for field in FIELDS:
        note = _NOTE.format(lang=spec.lang, what=_WHAT[field])
        for soft in (False, True):
            c = totals[field, soft]
            prefix = "overlap_" if soft else ""
            for metric, value, n in (
                ("precision", c.precision, c.n_pred),
                ("recall", c.recall, c.n_gold),
                ("f1", c.f1, c.n_gold),
            ):
                out.append(Metric(spec.name, field, prefix + metric, round(value, 4), n,
                                  in_domain=False, note=note))  # fmt: skip
    return out


_XLING = {"PER": "xling_per", "ORG": "xling_org", "LOC": "xling_loc"}
_XLING_NOTE = (
    "ru/uk BSNLP news (not parallel): entities annotated in both languages, linked by our "
    "finders in each; out of domain for PER/ORG beyond well-known figures and institutions"
)


def _links(
    doc: BsnlpDoc, registry: ActorRegistry, gazetteer: Gazetteer
) -> dict[str, list[tuple[Span, str]]]:
    """Linked predictions per gold label: (span, id) pairs."""
    per = [(p.span, p.entry.id) for p in registry.find_persons(doc.text, doc.lang) if p.entry]
    org = [(m.span, m.entry.id) for m in registry.find(doc.text, doc.lang)]
    loc = [
        (m.span, str(m.location.geonames_id or m.location.normalized))
        for m in gazetteer.find(doc.text, doc.lang)
        if m.location is not None and not m.is_demonym
    ]
    return {"PER": per, "ORG": org, "LOC": loc}


def _occurrences(text: str, mention: str) -> list[Span]:
    out: list[Span] = []
    i = text.find(mention)
    while i >= 0 and mention:
        out.append(Span(i, i + len(mention)))
        i = text.find(mention, i + 1)
    return out


def _entity_links(
    docs: Sequence[BsnlpDoc], registry: ActorRegistry, gazetteer: Gazetteer
) -> dict[tuple[str, str, str], Counter[str]]:
    """(topic, label, cross id) -> ids our finders gave to its mentions (all documents)."""
    out: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for doc in docs:
        links = _links(doc, registry, gazetteer)
        for e in doc.entities:
            if e.label not in _XLING:
                continue
            key = (doc.topic, e.label, e.xid)
            out[key].update(())  # annotated, even when nothing links it
            for occ in _occurrences(doc.text, e.mention):
                out[key].update(i for span, i in links[e.label] if overlaps(span, occ))
    return out


def score_crosslingual(
    ru: Sequence[BsnlpDoc], uk: Sequence[BsnlpDoc], registry: ActorRegistry, gazetteer: Gazetteer
) -> dict[str, tuple[int, int, int]]:
    """Per label: (entities in both languages, linked in both, same link in both)."""
    a, b = _entity_links(ru, registry, gazetteer), _entity_links(uk, registry, gazetteer)
    out: dict[str, tuple[int, int, int]] = {}
    for label in _XLING:
        keys = [k for k in a if k[1] == label and k in b]
        linked = [k for k in keys if a[k] and b[k]]
        same = sum(a[k].most_common(1)[0][0] == b[k].most_common(1)[0][0] for k in linked)
        out[label] = (len(keys), len(linked), same)
    return out


def _xling_metrics(counts: dict[str, tuple[int, int, int]]) -> list[Metric]:
    out: list[Metric] = []
    for label, (both, linked, same) in counts.items():
        field = _XLING[label]
        out += [
            Metric("bsnlp_ru_uk", field, "linked_both", round(linked / both if both else 0.0, 4),
                   both, note=_XLING_NOTE),
            Metric("bsnlp_ru_uk", field, "agreement", round(same / linked if linked else 0.0, 4),
                   linked, note=_XLING_NOTE),
        ]  # fmt: skip
    return out


def evaluate_actors(
    shared: Path,
    limit: int | None = None,
    registry: ActorRegistry | None = None,
    gazetteer: Gazetteer | None = None,
) -> EvalReport:
    """Run the ``actors`` suite on the first ``limit`` units of each set (all: ``None``)."""
    reg = registry if registry is not None else ActorRegistry.load()
    gaz = gazetteer if gazetteer is not None else Gazetteer.open()
    metrics: list[Metric] = []
    notes: list[str] = []
    for spec in DATASETS:
        docs = spec.load(shared, limit)
        n_gold = {
            f: sum(s.label == lab for d in docs for s in d.spans) for f, lab in FIELDS.items()
        }
        notes.append(
            f"{spec.name} ({spec.lang}): {len(docs)} {spec.unit}; gold "
            + ", ".join(f"{f}={n}" for f, n in n_gold.items())
        )
        metrics += _metrics(spec, score_dataset(docs, spec.lang, reg, gaz))
    ru, uk = load_bsnlp(shared, "ru", limit), load_bsnlp(shared, "uk", limit)
    notes.append(f"bsnlp_ru_uk: {len(ru)} ru + {len(uk)} uk documents (paired topics)")
    metrics += _xling_metrics(score_crosslingual(ru, uk, reg, gaz))
    notes.append(
        "exact: same start and end; overlap_*: shares a character with a gold span of the field"
    )
    notes.append("sample per set: " + ("all units" if limit is None else f"first {limit} units"))
    return EvalReport("actors", tuple(metrics), tuple(notes))
