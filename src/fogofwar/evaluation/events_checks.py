"""Reconciliation checks: the event layer's figures and flags against a collection's expectations.

:func:`evaluate_reconciliation` links a collection (on its hand-built gold claims, or the whole
chain on the reader's claims), takes for each gold event with ``[[event]]`` expectations
(:mod:`fogofwar.evaluation.events_expected`) the predicted event holding most of its articles'
main claims, and scores, under ``<dataset>/reconcile_<field>/*``:

* ``figures`` — share of the expected ``low`` / ``best`` / ``high`` numbers (per victim group
  and field) the event's reconciliation states exactly;
* ``superseded`` — share of the expected superseded figures listed as superseded;
* ``flags_raised`` — share of the expected flags the event carries;
* ``flags_withheld`` — share of the ``not_flags`` the event does not carry;
* ``headlines`` — share of the articles listed under ``headline_overstates`` whose headline is
  flagged as overstating, and of those under ``headline_fine`` whose headline is not;
* ``citations`` — share of the expected citation edges (citing article → cited stored article)
  the event layer's lineage draws.

Victim groups: ``civilians`` is the reconciliation's ``civilians`` group, else ``people`` (a
toll that names no group); ``children`` is ``civilians/children``; ``combatants:<side>`` is the
reconciliation's fighters group (``combatants/<side>``; sides are named differently by the
gold and the registry, so any top-level fighters group of the event stands for it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from fogofwar.claim import Claim
from fogofwar.evaluation.events_eval import (
    align,
    dataset_name,
    load_articles,
    load_gold,
)
from fogofwar.evaluation.events_expected import EventExpectation, ExpectedCount, load_expectations
from fogofwar.evaluation.report import EvalReport, Metric
from fogofwar.events.embedding import Embedder
from fogofwar.events.model import FlagCode
from fogofwar.events.pipeline import EventsReport, events_for_articles
from fogofwar.events.reconcile import Figure
from fogofwar.reader import Reader

__all__ = ["evaluate_reconciliation", "figure_for"]


def figure_for(figures: Sequence[Figure], expected: ExpectedCount) -> Figure | None:
    """The reconciled figure standing for one expected victim group and field."""
    mine = [f for f in figures if f.field == expected.field]
    by_group = {f.group: f for f in mine}
    if expected.group == "civilians":
        return by_group.get("civilians") or by_group.get("people")
    if expected.group == "children":
        return by_group.get("civilians/children")
    if expected.group.startswith("combatants:"):
        fighters = [
            f for f in mine if f.group.startswith("combatants/") and f.group.count("/") == 1
        ]
        return fighters[0] if fighters else None
    return by_group.get(expected.group)


def _event_of(report: EventsReport, claim_ids: Sequence[str]) -> str | None:
    events = Counter(e for e in (report.event_of(c) for c in claim_ids) if e)
    return events.most_common(1)[0][0] if events else None


def _score(
    report: EventsReport, expectations: Sequence[EventExpectation], main: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    """(hits, expected) per check over all expectations."""
    checks = ("figures", "superseded", "flags_raised", "flags_withheld", "headlines", "citations")
    tally = {k: [0, 0] for k in checks}

    def count(check: str, hit: bool) -> None:
        tally[check][0] += int(hit)
        tally[check][1] += 1

    overstating = {
        aid
        for f in report.flags
        if f.code is FlagCode.HEADLINE_OVERSTATES
        for aid in {f.article_id, *(s.article_id for s in f.spans)}
        if aid
    }
    edges = {
        (c.article_id, c.cited_article)
        for lin in report.lineages
        for c in lin.citations
        if c.cited_article
    }
    claims_of: dict[str, list[str]] = {}
    for claim_id, event in main.items():
        claims_of.setdefault(event, []).append(claim_id)
    recs = {r.event_id: r for r in report.reconciliations}
    for exp in expectations:
        claim_ids = claims_of.get(exp.event, [])
        eid = _event_of(report, claim_ids)
        rec = recs.get(eid) if eid else None
        figures = rec.figures if rec else ()
        codes = {str(f.code) for f in (report.flags_of(eid) if eid else ())}
        for c in exp.counts:
            fig = figure_for(figures, c)
            got = (fig.low, fig.best, fig.high) if fig else (None, None, None)
            for want, have in zip((c.low, c.best, c.high), got, strict=True):
                if want is not None:
                    count("figures", have == want)
            listed = fig.figures if fig else ()
            stale = {f.low if f.low is not None else f.high for f in listed if f.superseded_by}
            for v in c.superseded:
                count("superseded", v in stale)
        for flag in exp.flags:
            count("flags_raised", flag in codes)
        for flag in exp.not_flags:
            count("flags_withheld", flag not in codes)
        for aid in exp.headline_overstates:
            count("headlines", aid in overstating)
        for aid in exp.headline_fine:
            count("headlines", aid not in overstating)
        for edge in exp.citations:
            count("citations", edge in edges)
    return {k: (v[0], v[1]) for k, v in tally.items()}


def evaluate_reconciliation(
    collection: str = "dev2", embedder: Embedder | None = None, reader: Reader | None = None
) -> EvalReport:
    """Reconciliation and flag checks of a collection's expected events: on the gold claims
    (``reconcile_gold_claims``) and, given a reader, on the whole chain (``reconcile_reader``)."""
    articles = load_articles(collection=collection)
    golds = load_gold(articles, collection)
    expectations = load_expectations(collection)
    dataset = dataset_name(None, collection)
    runs: list[tuple[str, list[Claim], dict[str, str]]] = [
        (
            "reconcile_gold_claims",
            [g.claim for g in golds],
            {g.claim.claim_id: g.event for g in golds},
        )
    ]
    if reader is not None:
        read = {a.id: tuple(reader.read(a).claims) for a in articles}
        main: dict[str, str] = {}
        for g in golds:
            chosen = align(g.claim, read[g.claim.article_id])
            if chosen is not None:
                main[chosen.claim_id] = g.event
        runs.append(("reconcile_reader", [c for cs in read.values() for c in cs], main))
    metrics: list[Metric] = []
    for field, claims, main_of in runs:
        report = events_for_articles(articles, claims, embedder=embedder)
        for check, (hits, n) in _score(report, expectations, main_of).items():
            value = round(hits / n, 4) if n else 1.0
            metrics.append(Metric(dataset, field, check, value, n, True, f"{hits}/{n}"))
    return EvalReport(
        "events", tuple(metrics), (f"{dataset}: {len(expectations)} expected events",)
    )
