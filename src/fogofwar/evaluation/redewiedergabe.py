"""Corpus REDEWIEDERGABE, news part (``redewiedergabe_de/tsv_news/``): loader and scorer.

German press 1840–1919, CC BY-NC-SA 4.0: used to measure only, never shipped. Each ``.tsv`` is
one sample, one token per line, with a header row and the columns ``tok normtok lemma pos rfpos
sentstart stwr frame speaker intexpr note`` (see the set's ``column_based_text_format.md``).

``stwr`` holds ``-`` or ``|``-separated annotations, one per nesting level, each
``type.medium.id[.nonfact][.border=…][.prag][.metaph]``; ``type`` is ``direct``, ``indirect``,
``freeIndirect``, ``reported`` or an ambiguity such as ``indirect_freeIndirect``. The format
document joins ambiguous values with ``_``; the files themselves join them with a space
(``indirect freeIndirect.speech writing``): the parser accepts both.
``speaker`` is ``-`` or ``speaker.ID[_ID…]``.

The loader rebuilds a plain text from the tokens (one space between tokens, none before closing
punctuation or after opening brackets/quotes) and records each token's character span in it.
Gold per token:

* **direct** — some level has type ``direct`` and a medium of speech or writing;
* **indirect** — some level has a type containing ``indirect`` (not ``freeIndirect`` alone)
  and a medium of speech or writing (thought representation is not a claim source);
* **speaker** — the ``speaker`` column is set.

Predictions: a token is direct (indirect) when it overlaps the content span of an attribution
with ``direct`` True (False); it is a speaker token when it overlaps an attribution's source.
Scores are token-level P/R/F1 summed over all samples.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fogofwar.evaluation.report import Metric
from fogofwar.evaluation.span_scoring import PRCounts, tokens_covered
from fogofwar.model import Span
from fogofwar.reader import ReadResult

__all__ = [
    "FIELDS",
    "RwgSample",
    "RwgToken",
    "heldout_half",
    "load_redewiedergabe",
    "parse_stwr",
    "parse_tsv",
    "score_redewiedergabe",
]

DATASET = "rwg"
FIELDS = ("direct", "indirect", "speaker")
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}»“’'\"")
_NO_SPACE_AFTER = frozenset("([{«„‚")
_CLAIM_MEDIA = frozenset({"speech", "writing"})
_ALTERNATIVES = re.compile(r"[_ ]")


@dataclass(frozen=True, slots=True)
class RwgToken:
    """One token, where it sits in the rebuilt text, and its gold labels."""

    text: str
    span: Span
    direct: bool
    indirect: bool
    speaker: bool


@dataclass(frozen=True, slots=True)
class RwgSample:
    """One sample: rebuilt text and its tokens."""

    name: str
    text: str
    tokens: tuple[RwgToken, ...]

    def gold(self, field: str) -> frozenset[int]:
        """Indices of the tokens labelled ``field`` (one of :data:`FIELDS`)."""
        return frozenset(i for i, t in enumerate(self.tokens) if getattr(t, field))


def parse_stwr(value: str) -> tuple[bool, bool]:
    """``(direct, indirect)`` for one ``stwr`` cell, counting speech/writing media only."""
    direct = indirect = False
    if value in ("", "-"):
        return False, False
    for level in value.split("|"):
        parts = level.split(".")
        if len(parts) < 2:
            continue
        types = set(_ALTERNATIVES.split(parts[0]))
        media = set(_ALTERNATIVES.split(parts[1]))
        if not media & _CLAIM_MEDIA:
            continue
        direct = direct or "direct" in types
        indirect = indirect or "indirect" in types
    return direct, indirect


def parse_tsv(name: str, content: str) -> RwgSample:
    """Parse one sample file's text (header row first) into a :class:`RwgSample`."""
    lines = content.splitlines()
    header = lines[0].split("\t")
    col = {c: i for i, c in enumerate(header)}
    pieces: list[str] = []
    tokens: list[RwgToken] = []
    pos = 0
    prev = ""
    for line in lines[1:]:
        if not line:
            continue
        cells = line.split("\t")
        tok = cells[col["tok"]]
        if pieces and not (tok[:1] in _NO_SPACE_BEFORE or prev[-1:] in _NO_SPACE_AFTER):
            pieces.append(" ")
            pos += 1
        direct, indirect = parse_stwr(cells[col["stwr"]])
        speaker = cells[col["speaker"]] not in ("", "-")
        tokens.append(RwgToken(tok, Span(pos, pos + len(tok)), direct, indirect, speaker))
        pieces.append(tok)
        pos += len(tok)
        prev = tok
    return RwgSample(name, "".join(pieces), tuple(tokens))


def heldout_half(samples: Sequence[RwgSample]) -> tuple[list[int], list[int]]:
    """Indices of the tuning half (even positions in file-name order) and the held-out half
    (odd positions): rules are tuned on the first only, the second measures generalisation."""
    return list(range(0, len(samples), 2)), list(range(1, len(samples), 2))


def load_redewiedergabe(folder: Path, limit: int | None = None) -> tuple[RwgSample, ...]:
    """Load the news samples of ``folder/tsv_news`` (file names sorted), at most ``limit``."""
    files = sorted((folder / "tsv_news").glob("*.tsv"))
    if limit is not None:
        files = files[:limit]
    return tuple(parse_tsv(f.stem, f.read_text(encoding="utf-8")) for f in files)


def _predicted(sample: RwgSample, result: ReadResult, field: str) -> frozenset[int]:
    spans: list[Span] = []
    for a in result.attributions:
        if field == "speaker":
            if a.source is not None:
                spans.append(a.source)
        elif a.direct == (field == "direct"):
            spans.append(a.content)
    return tokens_covered([t.span for t in sample.tokens], spans)


def score_redewiedergabe(
    samples: Sequence[RwgSample], results: Sequence[ReadResult], dataset: str = DATASET
) -> tuple[Metric, ...]:
    """Token-level P/R/F1 for direct speech, indirect speech and speaker tokens.

    ``dataset`` names the metric keys (``rwg`` for all samples, ``rwg_heldout`` for a half).
    """
    metrics: list[Metric] = []
    n_tokens = sum(len(s.tokens) for s in samples)
    note = f"{len(samples)} samples, {n_tokens} tokens"
    for field in FIELDS:
        total = PRCounts()
        for sample, res in zip(samples, results, strict=True):
            gold = sample.gold(field)
            pred = _predicted(sample, res, field)
            hit = len(gold & pred)
            total = total + PRCounts(hit, len(pred), hit, len(gold))
        metrics += [
            Metric(dataset, field, "precision", total.precision, total.n_pred, note=note),
            Metric(dataset, field, "recall", total.recall, total.n_gold, note=note),
            Metric(dataset, field, "f1", total.f1, total.n_gold, note=note),
        ]
    return tuple(metrics)
