"""Lineage: order of first appearance, citations, how the account changed."""

from __future__ import annotations

from events_factories import KURSK, UKRAINE, claim, meta
from fogofwar.claim import Certainty, ClaimKind, SourceKind
from fogofwar.events.lineage import lineage, main_claim, victim_group
from fogofwar.events.model import Event


def test_lineage_orders_by_publication_and_records_changes() -> None:
    first = claim(
        "a1",
        kind=ClaimKind.CASUALTIES,
        killed=8,
        qualifier="including officers",
        victims=("people",),
        source="a mercenary",
        source_kind=SourceKind.COMBATANT,
        via=("social media",),
        certainty=Certainty.CLAIMED,
        location=KURSK,
    )
    second = claim(
        "a2",
        kind=ClaimKind.CASUALTIES,
        killed=8,
        victims=("officers",),
        source=None,
        source_kind=SourceKind.AUTHOR,
        location=UKRAINE,
    )
    repost = claim(
        "a3",
        kind=ClaimKind.CASUALTIES,
        killed=8,
        victims=("officers",),
        source=None,
        source_kind=SourceKind.AUTHOR,
        location=UKRAINE,
    )
    metas = {
        "a1": meta("a1", "2024-10-20", "first.example"),
        "a2": meta("a2", "2024-10-24", "second.example", dup_group="a2"),
        "a3": meta("a3", "2024-10-25", "copy.example", dup_group="a2"),
    }
    claims = {c.claim_id: c for c in (repost, second, first)}
    lin = lineage(Event("e1", tuple(sorted(claims))), claims, metas)
    assert [a.article_id for a in lin.appearances] == ["a1", "a2", "a3"]
    assert lin.appearances[2].repost_of == "a2"
    assert lin.appearances[1].sources == ("second.example",)
    hows = {(c.citing, c.cited, c.how) for c in lin.citations}
    assert ("first.example", "a mercenary", "source") in hows
    assert ("first.example", "social media", "via") in hows
    assert ("copy.example", "second.example", "repost") in hows
    changed = {(c.field, c.before, c.after) for c in lin.changes}
    assert ("victims", "people (including officers)", "officers") in changed
    assert ("certainty", "claimed", "asserted") in changed
    assert ("place", "Kursk Oblast, Kursk Oblast, RUS", "Ukraine, UKR") in changed
    assert all(c.article_id == "a2" for c in lin.changes)  # the repost changes nothing


def test_main_claim_prefers_body_claim_with_figures() -> None:
    head = claim("a1", 0, killed=3, headline=True)
    plain = claim("a1", 1)
    counted = claim("a1", 2, killed=3)
    assert main_claim([head, plain, counted]) == counted
    assert main_claim([head]) is None
    assert victim_group(plain) == "civilians"


def _tg(article_id: str, published: str, channel: str, text: str = "", fwd: str | None = None):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(
        meta(article_id, published, f"@{channel}", text=text), channel=channel, forwarded_from=fwd
    )


def test_telegram_forwards_mentions_and_outlets_citing_a_channel_find_the_first_post() -> None:
    post = claim("p1", killed=3, source=None, source_kind=SourceKind.AUTHOR)
    forward = claim("p2", killed=3, source=None, source_kind=SourceKind.AUTHOR)
    retold = claim("n1", killed=3, source=None, source_kind=SourceKind.AUTHOR)
    outlet = claim("n2", killed=3, source="@frontline_watch", source_kind=SourceKind.SOCIAL_MEDIA)
    metas = {
        "p1": _tg("p1", "2024-07-08", "frontline_watch"),
        "p2": _tg("p2", "2024-07-08", "other_chan", fwd="frontline_watch"),
        "n1": meta("n1", "2024-07-09", "paper.example", text="As @frontline_watch reported, ..."),
        "n2": meta("n2", "2024-07-10", "wire.example"),
    }
    claims = {c.claim_id: c for c in (post, forward, retold, outlet)}
    lin = lineage(Event("e1", tuple(sorted(claims))), claims, metas)
    edges = {(c.article_id, c.cited, c.how, c.cited_article) for c in lin.citations}
    assert ("p2", "@frontline_watch", "forward", "p1") in edges
    assert ("n1", "@frontline_watch", "via", "p1") in edges
    assert ("n2", "@frontline_watch", "source", "p1") in edges
    assert lin.first_reporter == "p1"


def test_an_article_citing_a_stored_outlet_links_to_its_earlier_account() -> None:
    first = claim("r1", killed=5, source=None, source_kind=SourceKind.AUTHOR)
    citing = claim("k1", killed=5, source="Reuters", source_kind=SourceKind.MEDIA)
    metas = {
        "r1": meta("r1", "2024-07-08", "reuters.com"),
        "k1": meta("k1", "2024-07-09", "kp.example"),
    }
    claims = {c.claim_id: c for c in (first, citing)}
    lin = lineage(Event("e1", tuple(sorted(claims))), claims, metas)
    assert ("k1", "Reuters", "source", "r1") in {
        (c.article_id, c.cited, c.how, c.cited_article) for c in lin.citations
    }
    # an outlet never cites an account published after it
    later = {"r1": meta("r1", "2024-07-10", "reuters.com"), "k1": metas["k1"]}
    lin = lineage(Event("e1", tuple(sorted(claims))), claims, later)
    assert all(c.cited_article is None for c in lin.citations)


def test_channel_registry_is_data_and_unknown_channels_are_social_media() -> None:
    from fogofwar.events.channels import lookup, mentions

    assert lookup("@mod_russia").source_kind is SourceKind.MILITARY
    assert lookup("MOD_RUSSIA").country == "RUS"
    assert lookup("some_new_channel").source_kind is SourceKind.SOCIAL_MEDIA
    assert mentions("as @rybar reported; see t.me/wargonzo/123 and mail a@b.c") == [
        "rybar",
        "wargonzo",
    ]


def test_telegram_posts_are_read_from_url_publisher_and_metadata() -> None:
    import dataclasses

    from fogofwar.events.model import ArticleMeta
    from fogofwar.model import Article

    post = Article.create(source="export.json", text="Text.", url="https://t.me/rybar/123")
    m = ArticleMeta.from_article(post)
    assert (m.channel, m.outlet, m.forwarded_from) == ("rybar", "@rybar", None)

    base = Article.create(source="export.json", text="Text.")
    fwd = dataclasses.replace(base, publisher="@chan_a", forwarded_from="t.me/chan_b")
    m = ArticleMeta.from_article(fwd)
    assert (m.channel, m.outlet, m.forwarded_from) == ("chan_a", "@chan_a", "chan_b")
