"""The in-memory chain the demo uses: dedup, linking, lineage, flags, figures, records."""

from __future__ import annotations

from events_factories import KURSK, UKRAINE, claim, meta
from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.events.decisions import split
from fogofwar.events.model import FlagCode
from fogofwar.events.pipeline import events_for_articles

BODY = (
    "A fighter on the front said in a video shared online that eight people died in one day, "
    "among them senior officers, after the unit had been moved to the border region. Officials "
    "did not comment. The unit had been deployed weeks earlier, according to intelligence."
)
TROOPS = (("foreign troops", "actor", "PRK"),)


def _claims():  # type: ignore[no-untyped-def]
    deployed = claim(
        "a1",
        0,
        kind=ClaimKind.DEPLOYMENT,
        location=KURSK,
        day=None,
        actors=TROOPS,
        victims=(),
        source="intelligence service",
        source_kind=SourceKind.INTELLIGENCE,
    )
    losses = claim(
        "a1",
        1,
        kind=ClaimKind.CASUALTIES,
        location=UKRAINE,
        day=None,
        actors=TROOPS,
        victims=("people",),
        killed=8,
        qualifier="including senior officers",
        source="a fighter",
        source_kind=SourceKind.COMBATANT,
        via=("social media",),
        certainty=Certainty.CLAIMED,
    )
    headline = claim(
        "a1",
        2,
        kind=ClaimKind.CASUALTIES,
        location=KURSK,
        day=None,
        actors=TROOPS,
        victims=("officers",),
        killed=8,
        headline=True,
        source=None,
        source_kind=SourceKind.AUTHOR,
    )
    copy = [
        claim(
            "a2",
            1,
            kind=ClaimKind.CASUALTIES,
            location=UKRAINE,
            day=None,
            actors=TROOPS,
            victims=("people",),
            killed=8,
            qualifier="including senior officers",
            source="a fighter",
            source_kind=SourceKind.COMBATANT,
            via=("social media",),
            certainty=Certainty.CLAIMED,
        )
    ]
    return [deployed, losses, headline, *copy]


def _metas():  # type: ignore[no-untyped-def]
    return [
        meta("a1", "2024-10-24", "first.example", BODY, "Eight officers fell in one day"),
        meta("a2", "2024-10-25", "copy.example", "Reposted. " + BODY, "Officers fell"),
    ]


def test_careful_reader_flags_come_out_of_the_chain() -> None:
    report = events_for_articles(_metas(), _claims())
    assert [g.article_ids for g in report.groups] == [("a1", "a2")]
    codes = {f.code for f in report.flags}
    assert {
        FlagCode.HEADLINE_OVERSTATES,
        FlagCode.PLACE_INCONSISTENT,
        FlagCode.SINGLE_SOURCE,
        FlagCode.WEAK_SOURCES,
    } <= codes
    losses = report.event_of("a1-b1")
    assert losses is not None and report.event_of("a2-b1") == losses  # the repost joins it
    assert report.event_of("a1-b0") != losses  # deployment is another kind group
    rec = next(r for r in report.records if r.event_id == losses)
    assert (rec.killed_low, rec.killed_high, rec.killed_best) == (8, 8, 8)
    assert rec.sources == ("a fighter",) and "single_source" in rec.flags
    # the headline flag carries the headline's event and reaches that event's record
    head = next(f for f in report.flags if f.code is FlagCode.HEADLINE_OVERSTATES)
    assert head.event_id == report.event_of("a1-h2")
    headed = next(r for r in report.records if r.event_id == head.event_id)
    assert "headline_overstates" in headed.flags
    fig = next(x for x in report.reconciliations if x.event_id == losses).get("killed")
    assert fig is not None and len(fig.figures) == 1  # the copy counts once
    lin = next(x for x in report.lineages if x.event_id == losses)
    assert [a.article_id for a in lin.appearances] == ["a1", "a2"]
    assert lin.appearances[1].repost_of == "a1"
    assert {f.code for f in report.flags_of(losses)} >= {FlagCode.HEADLINE_OVERSTATES}


def test_chain_is_deterministic_and_applies_decisions() -> None:
    first = events_for_articles(_metas(), _claims())
    again = events_for_articles(list(reversed(_metas())), list(reversed(_claims())))
    assert first.events == again.events and first.records == again.records
    losses = first.event_of("a1-b1")
    assert losses is not None
    split_run = events_for_articles(_metas(), _claims(), decisions=[split(losses, ["a2-b1"])])
    assert split_run.event_of("a2-b1") != split_run.event_of("a1-b1")


def test_outlet_labels_are_hosts_sections_or_file_stems_never_bylines() -> None:
    from dataclasses import replace

    from fogofwar.events.model import ArticleMeta
    from fogofwar.model import Article

    base = Article.create(source="/data/news/de_kiew.txt", text="Text.", title="T")
    assert ArticleMeta.from_article(base).outlet == "de_kiew"
    assert ArticleMeta.from_article(replace(base, source="feed.jsonl#3")).outlet == "feed"
    assert ArticleMeta.from_article(replace(base, section="Welt")).outlet == "Welt"
    by = replace(base, section="Welt", authors=("P. Z.",))
    assert ArticleMeta.from_article(by).outlet == "Welt"  # a byline is never the outlet
    assert ArticleMeta.from_article(replace(base, authors=("P. Z.",))).outlet == "de_kiew"
    web = replace(by, source="https://www.example.org/a/b")
    assert ArticleMeta.from_article(web).outlet == "example.org"
    assert ArticleMeta.from_article(replace(base, url="https://wire.example/x")).outlet == (
        "wire.example"
    )
    # A publisher wins: two Telegram channels are two outlets, not one "t.me".
    post = replace(base, url="https://t.me/c/1874203951/2", publisher="Вартові Півдня")
    assert ArticleMeta.from_article(post).outlet == "Вартові Півдня"
