"""Readers for the general NER sets of the ``actors`` suite, all read in place from ``<shared>``.

Every reader yields :class:`NerDoc` — a text with character-offset gold spans labelled ``PER``,
``ORG`` or ``LOC`` (other types are dropped) — in a fixed file order, so ``limit`` always takes
the same sample:

* **GermEval 2014** (de, ``datasets/germeval2014_ner_de/NER-de-dev.tsv``): one doc per sentence,
  tokens joined by single spaces. Both nesting levels (outer and inner column) are kept, but only
  the base types ``PER``/``ORG``/``LOC``; ``*deriv`` ("deutsche") and ``*part`` ("EU-Staaten")
  are not gold but *ignored* for their base type: a prediction wholly inside one ("US" in
  "US-Präsident") is neither a hit nor a false alarm.
* **factRuEval-2016** (ru, ``datasets/factrueval2016_ru/{devset,testset}``): one doc per
  ``.txt``; mentions from ``.objects`` — ``Person`` → PER, ``Org`` → ORG, ``Location`` and
  ``LocOrg`` → LOC — spanning from the first to the last character of their ``.spans``. Mentions
  made only of ``geo_adj`` spans ("подмосковного") are dropped: they are demonym adjectives.
* **NER-UK 2.0** (uk, ``datasets/ner_uk_v2/data``): one doc per brat ``.txt`` in the order of
  ``dev-test-split.txt`` (only the files present are read: the training split);
  ``PERS`` → PER, ``ORG``, ``LOC``.
* **wikigold** (en, ``datasets/train/en_ner_extra_ccby/wikigold``, CC BY 4.0, IOB1): one doc per
  sentence, detokenised lightly (no space before ``, . ; : ! ? ) %`` and ``'s``, none after
  ``(``), so the finders see ordinary text.

**BSNLP** (ru/uk, ``datasets/bsnlp_ru_uk/<topic>/{raw,annotated}/<lang>``): document-level
entity lists without offsets, each entity with a cross-lingual id; :func:`load_bsnlp` pairs each
``annotated/*.out`` with the ``raw/*.txt`` of the same stem (topics whose names do not pair —
ec, trump — or that have no annotation are skipped) and drops the four header lines (id, lang,
date, url) of the raw text, keeping title and body.

NER-UK and wikigold are *flat* (no nested entities): there, a prediction lying wholly inside a
gold span of another label ("України" in the ORG "Збройні Сили України") is ignored rather than
counted as a false alarm, as the annotators could not have marked it. GermEval and factRuEval
annotate nesting, so nothing is ignored there beyond the ``*part``/``*deriv`` spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LABELS",
    "BsnlpDoc",
    "BsnlpEntity",
    "NerDoc",
    "NerSpan",
    "detokenize",
    "load_bsnlp",
    "load_factrueval",
    "load_germeval",
    "load_ner_uk",
    "load_wikigold",
]

LABELS = ("PER", "ORG", "LOC")

_FACTRU = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
_NER_UK = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
_BRAT = re.compile(r"^(T\d+)\s+(\S+)\s+(\d+\s+\d+(?:;\d+\s+\d+)*)(?:\t(.*))?$")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't"})
_NO_SPACE_AFTER = frozenset({"("})


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A gold entity: ``text[start:end]`` is its surface, ``label`` one of :data:`LABELS`."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class NerDoc:
    """A sentence or document with its gold spans (sorted by start)."""

    doc_id: str
    text: str
    spans: tuple[NerSpan, ...]
    ignore: tuple[NerSpan, ...] = ()  # a prediction of this label wholly inside is not scored

    def surface(self, span: NerSpan) -> str:
        """The annotated text of ``span``."""
        return self.text[span.start : span.end]


def detokenize(tokens: Sequence[str], *, light: bool = False) -> tuple[str, list[int]]:
    """Join ``tokens`` into text; return it and each token's start offset.

    Plain joining puts one space between tokens; ``light=True`` drops the space before closing
    punctuation and after an opening parenthesis.
    """
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    prev = ""
    for i, tok in enumerate(tokens):
        if i and not (light and (tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER)):
            parts.append(" ")
            pos += 1
        starts.append(pos)
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), starts


def _bio_spans(
    tags: Sequence[str], starts: Sequence[int], tokens: Sequence[str], keep: dict[str, str]
) -> list[NerSpan]:
    """Spans of a BIO/IOB1 tag column (an ``I-`` of a new type also opens a span)."""
    out: list[NerSpan] = []
    cur: tuple[int, int, str] | None = None  # first token, last token, raw type
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if cur is not None and (not kind or tag.startswith("B-") or kind != cur[2]):
            first, last, raw = cur
            if raw in keep:
                out.append(NerSpan(starts[first], starts[last] + len(tokens[last]), keep[raw]))
            cur = None
        if kind:
            cur = (cur[0] if cur is not None else i, i, kind)
    return out


def _germeval_sentences(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    source = ""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            source = line.split("\t")[1] if "\t" in line else line
        elif not line.strip():
            if rows:
                yield source, rows
            rows = []
        else:
            rows.append(line.split("\t"))
    if rows:
        yield source, rows


def load_germeval(shared: Path, limit: int | None = None) -> list[NerDoc]:
    """The first ``limit`` sentences (all: ``None``) of GermEval 2014 dev."""
    path = shared / "datasets" / "germeval2014_ner_de" / "NER-de-dev.tsv"
    keep = {label: label for label in LABELS}
    partial = {label + suffix: label for label in LABELS for suffix in ("part", "deriv")}
    docs: list[NerDoc] = []
    for n, (source, rows) in enumerate(_germeval_sentences(path)):
        if limit is not None and n >= limit:
            break
        tokens = [r[1] for r in rows]
        text, starts = detokenize(tokens)
        spans: list[NerSpan] = []
        ignore: list[NerSpan] = []
        for col in (2, 3):
            tags = [r[col] for r in rows]
            spans += _bio_spans(tags, starts, tokens, keep)
            ignore += _bio_spans(tags, starts, tokens, partial)
        docs.append(NerDoc(f"{n + 1}:{source}", text, _sorted(spans), _sorted(ignore)))
    return docs


def _flat_ignore(spans: Sequence[NerSpan]) -> tuple[NerSpan, ...]:
    """For flat sets: inside a gold span, predictions of the other labels are not scored."""
    return _sorted(
        [NerSpan(s.start, s.end, other) for s in spans for other in LABELS if other != s.label]
    )


def _sorted(spans: list[NerSpan]) -> tuple[NerSpan, ...]:
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end, s.label)))


def _factru_doc(base: Path) -> NerDoc:
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    spans: dict[str, tuple[str, int, int]] = {}  # id -> (type, start, end)
    for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        f = line.split("#")[0].split()
        if len(f) >= 4:
            spans[f[0]] = (f[1], int(f[2]), int(f[2]) + int(f[3]))
    gold: list[NerSpan] = []
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        f = line.split("#")[0].split()
        if len(f) < 3 or f[1] not in _FACTRU:
            continue
        parts = [spans[s] for s in f[2:] if s in spans]
        if not parts or all(t == "geo_adj" for t, _, _ in parts):
            continue
        gold.append(NerSpan(min(p[1] for p in parts), max(p[2] for p in parts), _FACTRU[f[1]]))
    return NerDoc(base.name, text, _sorted(gold))


def load_factrueval(shared: Path, limit: int | None = None) -> list[NerDoc]:
    """The first ``limit`` documents of factRuEval-2016 devset then testset (by book number)."""
    root = shared / "datasets" / "factrueval2016_ru"
    bases: list[Path] = []
    for part in ("devset", "testset"):
        found = [p.with_suffix("") for p in (root / part).glob("*.objects")]
        bases += sorted(found, key=lambda p: int(p.name.split("_")[-1]))
    return [_factru_doc(b) for b in bases[:limit]]


def _brat(path: Path, keep: dict[str, str]) -> list[NerSpan]:
    out: list[NerSpan] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _BRAT.match(line)
        if m is None or m.group(2) not in keep:
            continue
        offsets = [int(x) for frag in m.group(3).split(";") for x in frag.split()]
        out.append(NerSpan(min(offsets), max(offsets), keep[m.group(2)]))
    return out


def load_ner_uk(shared: Path, limit: int | None = None) -> list[NerDoc]:
    """The first ``limit`` NER-UK 2.0 documents present, in ``dev-test-split.txt`` order."""
    data = shared / "datasets" / "ner_uk_v2" / "data"
    where = {p.stem: p for p in data.glob("*/*.txt")}
    names = [
        w for w in (data / "dev-test-split.txt").read_text(encoding="utf-8").split() if w in where
    ]
    docs: list[NerDoc] = []
    for name in names[:limit]:
        txt = where[name]
        spans = _sorted(_brat(txt.with_suffix(".ann"), _NER_UK))
        docs.append(NerDoc(f"{txt.parent.name}/{name}", txt.read_text(encoding="utf-8"),
                           spans, _flat_ignore(spans)))  # fmt: skip
    return docs


def load_wikigold(shared: Path, limit: int | None = None) -> list[NerDoc]:
    """The first ``limit`` sentences of wikigold (``-DOCSTART-`` lines skipped)."""
    path = (shared / "datasets" / "train" / "en_ner_extra_ccby" / "wikigold" / "CONLL-format"
            / "data" / "wikigold.conll.txt")  # fmt: skip
    keep = {label: label for label in LABELS}
    docs: list[NerDoc] = []
    rows: list[tuple[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in [*lines, ""]:
        if limit is not None and len(docs) >= limit:
            break
        if line.strip() and not line.startswith("-DOCSTART-"):
            tok, _, tag = line.rpartition(" ")
            rows.append((tok, tag))
            continue
        if rows:
            tokens = [t for t, _ in rows]
            text, starts = detokenize(tokens, light=True)
            spans = _sorted(_bio_spans([t for _, t in rows], starts, tokens, keep))
            docs.append(NerDoc(str(len(docs) + 1), text, spans, _flat_ignore(spans)))
            rows = []
    return docs


@dataclass(frozen=True, slots=True)
class BsnlpEntity:
    """One line of a BSNLP ``.out`` list: a surface form, its base form, label and cross id."""

    mention: str
    base: str
    label: str  # PER | ORG | LOC | PRO | EVT (as annotated)
    xid: str  # cross-lingual id, e.g. "PER-Pavlo-Klimkin"


@dataclass(frozen=True, slots=True)
class BsnlpDoc:
    """A BSNLP news text and its (offset-less) entity list."""

    topic: str
    lang: str
    doc_id: str
    text: str
    entities: tuple[BsnlpEntity, ...]


def _bsnlp_entities(path: Path) -> tuple[BsnlpEntity, ...]:
    out: list[BsnlpEntity] = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        if len(f) == 4 and f[0].strip():
            out.append(BsnlpEntity(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()))
    return tuple(out)


def load_bsnlp(shared: Path, lang: str, limit: int | None = None) -> list[BsnlpDoc]:
    """Paired BSNLP documents of ``lang``, the first ``limit`` of each topic (sorted by stem)."""
    root = shared / "datasets" / "bsnlp_ru_uk"
    docs: list[BsnlpDoc] = []
    for topic in sorted(p.name for p in root.iterdir() if p.is_dir()):
        ann = root / topic / "annotated" / lang
        raw = root / topic / "raw" / lang
        if not ann.is_dir() or not raw.is_dir():
            continue
        stems = sorted(p.stem for p in ann.glob("*.out") if (raw / f"{p.stem}.txt").is_file())
        for stem in stems[:limit]:
            text = (raw / f"{stem}.txt").read_text(encoding="utf-8").split("\n", 4)[-1]
            docs.append(BsnlpDoc(topic, lang, stem, text, _bsnlp_entities(ann / f"{stem}.out")))
    return docs
