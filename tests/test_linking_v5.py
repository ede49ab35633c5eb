"""Linking from the reader's claims (session 14): the ``dev4`` collection, written and frozen
before the linker ran on it, and the general causes of missed links found on it."""

from __future__ import annotations

from collections import Counter

from fogofwar.evaluation.events_eval import load_articles, load_gold, splits_of


def test_dev4_collection_is_complete_multilingual_and_apart_from_the_others() -> None:
    articles = load_articles(collection="dev4")
    gold = load_gold(articles, "dev4")
    ids = [a.id for a in articles]
    assert len(ids) == len(set(ids)) >= 12
    assert len({a.url for a in articles}) == len(articles)
    assert all(a.url and ".example/" in a.url for a in articles)
    langs = Counter(a.language for a in articles)
    assert all(langs[lang] >= 3 for lang in ("de", "en", "ru", "uk")), langs
    assert sorted(g.claim.article_id for g in gold) == sorted(ids)
    events = Counter(g.event for g in gold)
    assert len(events) >= 4 and all(n >= 2 for n in events.values())
    # every event is told in at least two languages
    for event in events:
        assert len({g.claim.lang for g in gold if g.event == event}) >= 2
    assert splits_of("dev4") == ("dev",)
    others = ("events", "dev2", "dev3", "heldout2")
    assert not set(events) & {g.event for c in others for g in load_gold(collection=c)}
    # apart from every other collection in substance too (checked mechanically, never read):
    # no shared headline, no shared event day
    days = {g.claim.time.start for g in gold if g.claim.time and g.claim.time.start}
    for name in others:
        other = load_articles(collection=name)
        assert not {a.title for a in articles} & {a.title for a in other}, name
        other_gold = load_gold(other, name)
        assert not days & {g.claim.time.start for g in other_gold if g.claim.time}, name
