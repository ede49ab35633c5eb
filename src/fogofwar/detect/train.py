"""``fogofwar train claims``: rebuild the clause model from the project's own annotations.

Data (all shipped with the package, so a fresh clone rebuilds the same file):

* ``training/data/<lang>.jsonl`` — labelled training sentences (see its README);
* ``evaluation/passages/dev/<lang>.toml`` — the *dev* half of the passage gold, when
  ``include_dev`` (then the dev figures of ``fogofwar eval claims`` are in-sample; the held-out
  half is never read here).

Each text is read by the rule pipeline (a :class:`~fogofwar.reader.Reader` without a model);
every main clause (:func:`~fogofwar.nlp.clause_view.clause_views`) is labelled by the gold
claim whose evidence it overlaps most (``none`` when it overlaps none), and two multinomial
logistic regressions (scikit-learn, fixed seed) are fitted: kind over every clause, certainty
over the claim clauses. scikit-learn is needed only here (extra ``train``); reading uses numpy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from fogofwar.detect.encoder import Embedder, context_window
from fogofwar.detect.model import (
    NONE,
    WEIGHTS,
    Features,
    features,
    save_model,
    source_features,
)
from fogofwar.errors import ConfigError
from fogofwar.model import Span
from fogofwar.nlp.clause_view import CONTEXT_NAMES, LEXICAL_NAMES, ClauseView, clause_views
from fogofwar.training import PASSAGES

if TYPE_CHECKING:
    from fogofwar.reader import Reader

__all__ = [
    "Design",
    "Example",
    "TrainReport",
    "data_digest",
    "design",
    "fit_heads",
    "group_of",
    "load_examples",
    "source_examples",
    "train_claims",
    "training_dir",
]

DIM = 1 << 15
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)(\w{3,})")
SEED = 13


@dataclass(frozen=True, slots=True)
class _Gold:
    span: Span
    kind: str
    certainty: str
    source_kind: str = "author"
    source: Span | None = None  # where the source's name stands in the text


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text: body or headline, with its gold claims' evidence spans."""

    lang: str
    text: str
    headline: bool
    claims: tuple[_Gold, ...]
    origin: str


@dataclass(frozen=True, slots=True)
class TrainReport:
    """What was trained on and how well it fits (cross-validated accuracy on clauses)."""

    path: Path
    examples: int
    clauses: int
    by_lang: tuple[tuple[str, int], ...]
    kind_counts: tuple[tuple[str, int], ...]
    cv_kind_accuracy: float
    cv_certainty_accuracy: float
    cv_source_accuracy: float
    sources: int
    data_hash: str


def training_dir() -> Path:
    """The shipped training sentences (``training/data/``)."""
    return Path(__file__).resolve().parents[1] / "training" / "data"


def _span(text: str, evidence: str, occurrence: int = 1) -> Span | None:
    start = -1
    for _ in range(max(1, occurrence)):
        start = text.find(evidence, start + 1)
        if start < 0:
            return None
    return Span(start, start + len(evidence))


def _jsonl_examples(folder: Path) -> Iterator[Example]:
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path.name}:{n}: not JSON ({exc})") from exc
            text = str(row["text"])
            golds = []
            for c in row.get("claims", []):
                span = _span(text, str(c["evidence"]))
                if span is None:
                    raise ConfigError(f"{path.name}:{n}: evidence not in text")
                name = c.get("source_name")
                golds.append(
                    _Gold(
                        span,
                        str(c["kind"]),
                        str(c["certainty"]),
                        str(c.get("source_kind", "author")),
                        _span(text, str(name)) if name else None,
                    )
                )
            yield Example(
                str(row.get("lang", path.stem)),
                text,
                bool(row.get("headline", False)),
                tuple(golds),
                f"{path.name}:{n}",
            )


def passage_examples(split: str = "dev", folder: Path | None = None) -> Iterator[Example]:
    """The passages of ``split`` (from ``folder``, default the evaluation passages) as
    examples, headline and body apart."""
    from fogofwar.evaluation.passages import load_passages

    for p in load_passages(split, folder=folder):
        for head, text in ((False, p.text), (True, p.title)):
            if text is None:
                continue
            golds = tuple(
                _Gold(
                    c.span,
                    c.kind.value,
                    c.certainty.value,
                    c.source_kind.value,
                    _span(text, c.source_name) if c.source_name else None,
                )
                for c in p.claims
                if c.in_headline == head
            )
            suffix = ":title" if head else ""
            yield Example(p.lang, text, head, golds, f"passages/{split}/{p.id}{suffix}")


def load_examples(
    folder: Path | None = None, include_dev: bool = True, passages: Path | None = None
) -> list[Example]:
    """Every training example: the JSONL sentences, the training passages in ``passages``
    (when given) and (optionally) the dev passages."""
    from fogofwar.evaluation.passages import TRAIN_SPLIT

    out = list(_jsonl_examples(folder or training_dir()))
    if passages is not None:
        out += list(passage_examples(TRAIN_SPLIT, passages))
    if include_dev:
        out += list(passage_examples())
    return out


def _label(view: ClauseView, golds: Sequence[_Gold]) -> _Gold | None:
    """The gold claim the clause belongs to: largest overlap, at least a third of the clause
    or half of the evidence."""
    best: tuple[float, _Gold] | None = None
    c = view.clause.span
    for g in golds:
        ov = min(c.end, g.span.end) - max(c.start, g.span.start)
        if ov <= 0:
            continue
        share = max(ov / max(1, c.end - c.start), ov / max(1, g.span.end - g.span.start))
        if share >= 0.34 and (best is None or share > best[0]):
            best = (share, g)
    return best[1] if best else None


def _views(
    reader: Reader, examples: Sequence[Example]
) -> list[tuple[ClauseView, str, str, str, str]]:
    """``(view, kind, certainty, lang, sourced)`` labels for every main clause of every
    example (``sourced``: "yes" when its gold claim has a source other than the author)."""
    out: list[tuple[ClauseView, str, str, str, str]] = []
    for ex in examples:
        if ex.lang not in reader.resources.packs:
            continue
        doc = reader.analyze(ex.text, ex.lang, headline=ex.headline, doc_id=ex.origin)
        for view in clause_views(doc, reader.resources):
            g = _label(view, ex.claims)
            label = g.kind if g else NONE
            sourced = "yes" if g is not None and g.source_kind != "author" else "no"
            out.append((view, label, g.certainty if g else "", ex.lang, sourced))
    return out


def source_examples(examples: Sequence[Example]) -> list[tuple[tuple[str, str], str]]:
    """``((name, context), label)`` of every named, non-author gold source (its kind) and of
    capitalised sentence-initial words that no gold source name anywhere uses ("Згодом",
    "Meanwhile", "Станом": ``none``)."""
    return [(phrase, label) for phrase, label, _ in _indexed_sources(examples)]


def _indexed_sources(examples: Sequence[Example]) -> list[tuple[tuple[str, str], str, int]]:
    """:func:`source_examples`, each with the index of its example."""
    out = _source_examples(examples)
    in_names = {w.casefold() for (name, _), _, _ in out for w in name.split()}
    for i, ex in enumerate(examples):
        for m in _SENTENCE_START.finditer(ex.text):
            word = m.group(1)
            if not word[:1].isupper() or word.casefold() in in_names:
                continue
            out.append(((word, context_window(ex.text, m.start(1), m.end(1))), NONE, i))
    return out


def _source_examples(examples: Sequence[Example]) -> list[tuple[tuple[str, str], str, int]]:
    """``((name, context), source kind, example index)`` of every named, non-author gold
    source."""
    out: list[tuple[tuple[str, str], str, int]] = []
    seen: set[tuple[str, int, int]] = set()
    for i, ex in enumerate(examples):
        for g in ex.claims:
            if g.source is None or g.source_kind == "author":
                continue
            key = (ex.origin, g.source.start, g.source.end)
            if key in seen:
                continue
            seen.add(key)
            name = g.source.slice(ex.text)
            ctx = context_window(ex.text, g.source.start, g.source.end)
            out.append(((name, ctx), g.source_kind, i))
    return out


def _design(f: Features, dim: int) -> Any:
    from scipy import sparse

    rows, cols, vals = [], [], []
    for r, ids in enumerate(f.ngrams):
        if ids.size:
            rows.extend([r] * ids.size)
            cols.extend(ids.tolist())
            vals.extend([1.0 / float(np.sqrt(ids.size))] * ids.size)
    grams = sparse.csr_matrix((vals, (rows, cols)), shape=(len(f.ngrams), dim), dtype=np.float32)
    parts = [sparse.csr_matrix(f.lexical)]
    if f.dense is not None:
        parts.append(sparse.csr_matrix(f.dense))
    parts.append(grams)
    return sparse.hstack(parts, format="csr")


def _without(x: Any, names: Sequence[str]) -> Any:
    """``x`` with the lexical columns ``names`` zeroed (their weights then stay zero)."""
    mask = np.ones(x.shape[1], dtype=np.float32)
    mask[[LEXICAL_NAMES.index(n) for n in names]] = 0.0
    return x.multiply(mask[None, :]).tocsr()


def _fit(x: Any, y: Any, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(x, list(y))
    return model


def _cv_accuracy(x: Any, y: Sequence[str], c: float, folds: int = 4) -> float:
    idx = np.arange(len(y))
    rng = np.random.default_rng(SEED)
    rng.shuffle(idx)
    right = 0
    ys = np.asarray(y)
    for k in range(folds):
        test = idx[k::folds]
        train = np.setdiff1d(idx, test)
        if len(set(ys[train])) < 2:
            continue
        m = _fit(x[train], ys[train], c)
        right += int((m.predict(x[test]) == ys[test]).sum())
    return right / max(1, len(y))


def _split(model: Any, n_lex: int, dense_dim: int) -> tuple[Any, ...]:
    coef = model.coef_.astype(np.float32)
    if coef.shape[0] == 1:  # binary: sklearn keeps one row
        coef = np.vstack([-coef, coef])
        bias = np.asarray([-model.intercept_[0], model.intercept_[0]], dtype=np.float32)
    else:
        bias = model.intercept_.astype(np.float32)
    lex = coef[:, :n_lex].T
    dense = coef[:, n_lex : n_lex + dense_dim].T if dense_dim else None
    grams = coef[:, n_lex + dense_dim :].T
    return tuple(str(c) for c in model.classes_), lex, dense, grams, bias


@dataclass(frozen=True, slots=True)
class Design:
    """Every training clause and source phrase, read by the rules and featurised once, so
    that several models (the shipped one, the cross-fitted ones of the source choice) can be
    fitted on subsets of the same rows."""

    examples: tuple[Example, ...]
    labelled: tuple[tuple[ClauseView, str, str, str, str], ...]
    row_example: Any  # example index of every clause row
    x: Any  # clause design (every feature)
    plain: Any  # clause design without the context features
    source_labels: tuple[str, ...]
    source_example: Any  # example index of every source phrase
    xs: Any  # source-phrase design
    dense_dim: int  # embedding columns of the clause heads
    source_dim: int  # embedding columns of the source head


def group_of(ex: Example) -> str:
    """The unit examples are held out by: a passage (body and headline together) or a
    training sentence."""
    return ex.origin.removesuffix(":title")


def design(
    reader: Reader,
    examples: Sequence[Example],
    *,
    use_embeddings: bool = True,
    clause_embeddings: bool = False,
) -> Design:
    """Read ``examples`` with ``reader`` (rules only) and build the clause and source designs."""
    labelled: list[tuple[ClauseView, str, str, str, str]] = []
    row_example: list[int] = []
    for i, ex in enumerate(examples):
        rows = _views(reader, [ex])
        labelled += rows
        row_example += [i] * len(rows)
    if not labelled:
        raise ConfigError("no training clauses: is training/data/ empty?")
    embedder = Embedder(threads=2) if use_embeddings else None
    views = [row[0] for row in labelled]
    x = _design(features(views, DIM, embedder if clause_embeddings else None), DIM)
    sources = _indexed_sources(examples)
    xs = _design(source_features([p for p, _, _ in sources], DIM, embedder), DIM)
    return Design(
        tuple(examples),
        tuple(labelled),
        np.asarray(row_example, dtype=np.int64),
        x,
        # the context features (background, aftermath, restatement …) speak to whether a
        # clause is a claim, not to its certainty or whether it continues a source: the other
        # heads do without them
        _without(x, CONTEXT_NAMES),
        tuple(k for _, k, _ in sources),
        np.asarray([i for _, _, i in sources], dtype=np.int64),
        xs,
        Embedder.dim if use_embeddings and clause_embeddings else 0,
        Embedder.dim if use_embeddings else 0,
    )


Heads = dict[str, tuple[tuple[str, ...], Any, Any, Any, Any]]


def fit_heads(
    d: Design, keep: Any = None, *, c_kind: float = 4.0, c_certainty: float = 2.0
) -> Heads:
    """Fit the four heads (kind, certainty, continuation, source kind) on the rows of the
    examples ``keep`` marks (a boolean array over ``d.examples``; default every one)."""
    if keep is None:
        keep = np.ones(len(d.examples), dtype=bool)
    rows = np.flatnonzero(keep[d.row_example])
    kinds = np.asarray([d.labelled[i][1] for i in rows])
    kind_model = _fit(d.x[rows], kinds, c_kind)
    claim_rows = [i for i in rows if d.labelled[i][1] != NONE]
    open_rows = [
        i for i in claim_rows if d.labelled[i][0].attribution is None or d.labelled[i][0].inherited
    ]
    sourced_model = _fit(d.plain[open_rows], [d.labelled[i][4] for i in open_rows], c_certainty)
    cert_model = _fit(d.plain[claim_rows], [d.labelled[i][2] for i in claim_rows], c_certainty)
    src_rows = np.flatnonzero(keep[d.source_example])
    source_model = _fit(d.xs[src_rows], [d.source_labels[i] for i in src_rows], c_kind)
    n_lex = len(LEXICAL_NAMES)
    return {
        "kind": _split(kind_model, n_lex, d.dense_dim),
        "certainty": _split(cert_model, n_lex, d.dense_dim),
        "source": _split(source_model, 0, d.source_dim),
        "sourced": _split(sourced_model, n_lex, d.dense_dim),
    }


def data_digest(examples: Sequence[Example]) -> str:
    """SHA-256 of the examples' origins and texts (what a model file was trained on)."""
    digest = hashlib.sha256()
    for ex in examples:
        digest.update(ex.origin.encode() + ex.text.encode())
    return digest.hexdigest()


def train_claims(
    reader: Reader,
    out: Path | None = None,
    *,
    include_dev: bool = True,
    use_embeddings: bool = True,
    clause_embeddings: bool = False,
    c_kind: float = 4.0,
    c_certainty: float = 2.0,
    cross_validate: bool = True,
    passages: Path | None = PASSAGES,
) -> TrainReport:
    """Fit the clause model on the shipped annotations and write it to ``out`` (default: the
    shipped :data:`~fogofwar.detect.model.WEIGHTS`). ``reader`` must run the rules only.
    Embeddings go to the source head (a few names per document); ``clause_embeddings`` also
    gives them to the clause heads (slightly better, several times slower to read).
    ``passages``: the folder of training passages (default the shipped ones; None leaves
    them out)."""
    examples = load_examples(include_dev=include_dev, passages=passages)
    d = design(reader, examples, use_embeddings=use_embeddings, clause_embeddings=clause_embeddings)
    digest = data_digest(examples)
    meta = {
        "trained_on": sorted({ex.origin.split(":")[0] for ex in examples}),
        "examples": len(examples),
        "clauses": len(d.labelled),
        "seed": SEED,
        "c_kind": c_kind,
        "c_certainty": c_certainty,
        "embeddings": "use-multilingual-v3" if use_embeddings else None,
        "clause_embeddings": clause_embeddings and use_embeddings,
        "include_dev": include_dev,
        "data_sha256": digest,
    }
    path = out or WEIGHTS
    save_model(path, fit_heads(d, c_kind=c_kind, c_certainty=c_certainty), DIM, meta)
    kinds = [row[1] for row in d.labelled]
    claim_rows = [i for i, row in enumerate(d.labelled) if row[1] != NONE]
    certs = [d.labelled[i][2] for i in claim_rows]
    cv = cross_validate
    cv_k = _cv_accuracy(d.x, kinds, c_kind) if cv else float("nan")
    cv_c = _cv_accuracy(d.plain[claim_rows], certs, c_certainty) if cv else float("nan")
    cv_s = _cv_accuracy(d.xs, list(d.source_labels), c_kind) if cv else float("nan")
    return TrainReport(
        path,
        len(examples),
        len(d.labelled),
        tuple(sorted(Counter(row[3] for row in d.labelled).items())),
        tuple(sorted(Counter(kinds).items())),
        cv_k,
        cv_c,
        cv_s,
        len(d.source_labels),
        digest,
    )
