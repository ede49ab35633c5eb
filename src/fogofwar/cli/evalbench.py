"""``fogofwar eval …`` and ``fogofwar train …``: print figures; ``--check`` gates on floors.

The ``fogofwar bench …`` commands live in :mod:`fogofwar.cli.bench`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from fogofwar import services

if TYPE_CHECKING:
    from fogofwar.evaluation.report import EvalReport

__all__ = ["eval_app", "train_app"]

eval_app = typer.Typer(help="Score the pipeline on gold data sets in ../shared/datasets.")

LIMIT = Annotated[int | None, typer.Option("--limit", "-n", help="Items per data set.")]
CHECK = Annotated[bool, typer.Option("--check", help="Exit 1 when a score is below its floor.")]


def _print_report(report: EvalReport, check: bool) -> None:
    console = Console(highlight=False)
    table = Table(title=f"fogofwar eval {report.suite}")
    for col in ("dataset", "field", "metric", "value", "n", "in-domain", "note"):
        table.add_column(col, overflow="fold")
    for m in report.metrics:
        table.add_row(
            m.dataset,
            m.field,
            m.metric,
            f"{m.value:.3f}" if not m.metric.endswith("_km") else f"{m.value:.1f}",
            str(m.n),
            "yes" if m.in_domain else "",
            m.note,
        )
    console.print(table)
    for note in report.notes:
        console.print(f"• {note}")
    if check:
        from fogofwar.evaluation.report import check_floors

        breaches = check_floors(report)
        for b in breaches:
            got = "missing" if b.value is None else f"{b.value:.3f}"
            console.print(f"[red]below floor[/] {b.key}: {got} < {b.floor:.3f}")
        if breaches:
            raise typer.Exit(1)
        console.print("[green]all scores at or above their floors[/]")


@eval_app.command("ingest")
def eval_ingest(
    limit: LIMIT = None,
    check: CHECK = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes (default: every core).")
    ] = None,
) -> None:
    """Body, title, author and date extraction (trafilatura_eval, htmldate_eval; in-domain)."""
    from fogofwar.evaluation.ingest_eval import evaluate_ingest

    report = evaluate_ingest(services.shared_dir(), limit=limit, jobs=jobs)
    _print_report(report, check)
    _print_anchors(report)


def _print_anchors(report: EvalReport) -> None:
    """fogofwar against trafilatura and htmldate on the same pages, per set and half."""
    table = Table(
        title="HTML reading: fogofwar vs the anchors, same pages, same run",
        caption="trafilatura: precision mode, body F1; htmldate: original date, exact day",
    )
    for col in ("set", "body F1", "trafilatura", "date", "htmldate"):
        table.add_column(col, justify="left" if col == "set" else "right", no_wrap=True)
    names = sorted({m.dataset for m in report.metrics}, key=lambda d: (d.split(":")[0], d))
    for name in names:
        cells = [
            report.value(f"{name}/{key}")
            for key in ("body/f1", "body@trafilatura/f1", "date/accuracy", "date@htmldate/accuracy")
        ]
        table.add_row(name, *("–" if v is None else f"{v:.3f}" for v in cells))
    Console(highlight=False).print(table)


_PASSAGE_COLUMNS = (
    ("claims/recall", "recall"),
    ("claims/precision", "prec."),
    ("kind/accuracy", "kind"),
    ("certainty/accuracy", "cert."),
    ("source/f1", "source"),
    ("killed/accuracy", "killed"),
    ("full/f1", "full"),
)


def _print_passages(report: EvalReport) -> None:
    """The claim reader's headline table: one row per passage split and language."""
    rows = sorted({m.dataset for m in report.metrics if m.dataset.startswith("passages_")})
    if not rows:
        return
    table = Table(
        title="Claims on real reporting (passage gold; held-out never tuned on)",
        caption="source: F1 of kind + name; full: F1 of claims right in kind, certainty, "
        "source and killed count",
    )
    table.add_column("set", no_wrap=True)
    table.add_column("gold", justify="right", no_wrap=True)
    for _, label in _PASSAGE_COLUMNS:
        table.add_column(label, justify="right", no_wrap=True)
    for ds in rows:
        n = next((m.n for m in report.metrics if m.key == f"{ds}/claims/recall"), 0)
        cells = [report.value(f"{ds}/{key}") for key, _ in _PASSAGE_COLUMNS]
        split, _, lang = ds.removeprefix("passages_").partition("_")
        label = f"{split} {lang or 'all'}"
        table.add_row(label, str(n), *("–" if v is None else f"{v:.2f}" for v in cells))
    Console(highlight=False).print(table)


@eval_app.command("claims")
def eval_claims(
    limit: LIMIT = None,
    check: CHECK = False,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="Only these sets (repeatable): seed, passages, plover, …"),
    ] = None,
) -> None:
    """Claims on real reporting (passage gold, per language), the seed, PLOVER, CASE-2021,
    PolNeAR, redewiedergabe and the project sentences."""
    from fogofwar.evaluation.claims_eval import SETS, evaluate_claims

    unknown = [s for s in sets or () if s not in SETS]
    if unknown:
        raise typer.BadParameter(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    report = evaluate_claims(services.shared_dir(), limit=limit, sets=sets or None)
    _print_report(report, check)
    _print_passages(report)


@eval_app.command("places")
def eval_places(limit: LIMIT = None, check: CHECK = False) -> None:
    """Toponym recognition and resolution (GeoWebNews, LGL, GeoVirus)."""
    from fogofwar.evaluation.places_eval import evaluate_places

    _print_report(evaluate_places(services.shared_dir(), limit=limit), check)


@eval_app.command("actors")
def eval_actors(limit: LIMIT = None, check: CHECK = False) -> None:
    """Persons, organisations and places per language on general NER sets (out of domain)."""
    from fogofwar.evaluation.actors_eval import evaluate_actors

    _print_report(evaluate_actors(services.shared_dir(), limit=limit), check)


@eval_app.command("events")
def eval_events(
    check: CHECK = False,
    collection: Annotated[
        str,
        typer.Option(
            "--collection",
            help="events (dev + heldout, gated by floors), heldout2 (frozen, never gated), "
            "dev2, dev3, dev4, dev5 or dev6 (tuning, in-sample, never gated).",
        ),
    ] = "events",
) -> None:
    """Cross-article event linking on the project's own multilingual collection."""
    from fogofwar.evaluation.events_eval import COLLECTIONS, evaluate_events
    from fogofwar.reader import Reader

    if collection not in COLLECTIONS:
        raise typer.BadParameter(f"unknown collection {collection!r}; use {', '.join(COLLECTIONS)}")
    if check and collection != "events":
        raise typer.BadParameter(f"{collection} has no floors: it is scored, never gated")
    _print_report(evaluate_events(Reader.default(), collection=collection), check)


train_app = typer.Typer(help="Rebuild the learned parts from the shipped annotations.")


@train_app.command("claims")
def train_claims_cmd(
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="Model file (default: the shipped one).")
    ] = None,
    no_dev: Annotated[
        bool, typer.Option("--no-dev", help="Leave the dev passages out (dev figures blind).")
    ] = False,
    no_embeddings: Annotated[
        bool, typer.Option("--no-embeddings", help="N-grams and lexical features only.")
    ] = False,
    clause_embeddings: Annotated[
        bool,
        typer.Option("--clause-embeddings", help="Embed every clause too (slower reading)."),
    ] = False,
    no_passages: Annotated[
        bool,
        typer.Option("--no-passages", help="Leave the training passages out (sentences only)."),
    ] = False,
    no_cv: Annotated[
        bool,
        typer.Option("--no-cv", help="Skip the 4-fold accuracy report (12 more fits: slow)."),
    ] = False,
) -> None:
    """Train the clause model (kind and certainty per clause); fixed seed, reproducible."""

    from fogofwar.detect.train import train_claims
    from fogofwar.reader import Reader
    from fogofwar.training import PASSAGES

    console = Console(highlight=False)
    reader = Reader.default(model=False)
    report = train_claims(
        reader,
        Path(out) if out else None,
        include_dev=not no_dev,
        use_embeddings=not no_embeddings,
        clause_embeddings=clause_embeddings,
        passages=None if no_passages else PASSAGES,
        cross_validate=not no_cv,
    )
    console.print(f"wrote {report.path} ({report.path.stat().st_size / 1e6:.1f} MB)")
    console.print(
        f"{report.examples} examples, {report.clauses} clauses; by language: "
        + ", ".join(f"{k} {v}" for k, v in report.by_lang)
    )
    console.print("labels: " + ", ".join(f"{k} {v}" for k, v in report.kind_counts))
    console.print(
        f"4-fold cross-validated clause accuracy: kind {report.cv_kind_accuracy:.3f}, "
        f"certainty {report.cv_certainty_accuracy:.3f}, "
        f"source kind {report.cv_source_accuracy:.3f} ({report.sources} named sources)"
    )


@train_app.command("sources")
def train_sources_cmd(
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="Weights file (default: the shipped one).")
    ] = None,
    no_dev: Annotated[
        bool, typer.Option("--no-dev", help="Leave the dev passages out (dev figures blind).")
    ] = False,
    in_sample: Annotated[
        bool,
        typer.Option(
            "--in-sample",
            help="Read the texts with the shipped clause model (which has seen them) instead "
            "of cross-fitted ones.",
        ),
    ] = False,
) -> None:
    """Train the source choice on cross-fitted clause-model outputs (5 folds); fixed seed."""

    from fogofwar.reader import Reader
    from fogofwar.training.sources import train_sources

    console = Console(highlight=False)
    reader = Reader.default(sources=False)
    report = train_sources(
        reader, Path(out) if out else None, include_dev=not no_dev, cross_fit=not in_sample
    )
    console.print(f"wrote {report.path}")
    console.print(
        f"{report.texts} texts, {report.decisions} clauses with a gold claim, "
        f"{report.learnable} with a right candidate"
        + ("" if report.cross_fitted else " (read by the in-sample clause model)")
    )
    console.print(
        f"right source: rules {report.rule_accuracy:.3f}, learned choice "
        f"{report.cv_accuracy:.3f} (5-fold cross-validated over texts; margin "
        f"{report.margin:g})"
    )


@train_app.command("cv")
def train_cv_cmd(
    recipe: Annotated[
        list[str] | None,
        typer.Option("--recipe", help="cross-fit | in-sample (source choice); default both."),
    ] = None,
) -> None:
    """Leave-passages-out cross-validation of the clause model and the source choice (slow)."""
    from fogofwar.reader import Reader
    from fogofwar.training.crossval import RECIPES, cross_validate

    console = Console(highlight=False)
    reader = Reader.default(sources=False)
    for cv in cross_validate(reader, tuple(recipe or RECIPES)):
        for split, metrics in cv.metrics:
            console.print(
                f"{cv.recipe:9} {split:5} "
                + " ".join(f"{m.field}/{m.metric}={m.value:.3f}" for m in metrics)
            )
