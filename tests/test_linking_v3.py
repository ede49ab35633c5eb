"""Linking that generalises (session 12): wording compared within a language and only for a
link, time agreement weighed by how much a window says, named days side by side."""

from __future__ import annotations

from datetime import date

import numpy as np

from events_factories import claim
from fogofwar.events.scoring import absorb, features, new_profile, score
from fogofwar.events.text_evidence import add_embedding, text_evidence, text_share


def _vec(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    out: np.ndarray = v / np.linalg.norm(v)
    return out


def _text(reasons) -> str:  # type: ignore[no-untyped-def]
    return next(r.detail for r in reasons if r.field == "text")


def test_an_event_keeps_one_mean_embedding_per_language() -> None:
    by = add_embedding((), "uk", _vec(1, 0, 0))
    by = add_embedding(by, "de", _vec(0, 1, 0))
    by = add_embedding(by, "uk", _vec(0, 0, 1))
    assert [(code, n) for code, n, _ in by] == [("de", 1), ("uk", 2)]
    uk = dict((code, m) for code, _, m in by)["uk"]
    assert np.allclose(uk, _vec(1, 0, 1))
    assert add_embedding(by, None, _vec(1, 1, 1)) == by
    assert add_embedding(by, "en", None) == by


def test_a_claim_is_compared_with_its_own_language_first() -> None:
    by = add_embedding(add_embedding((), "uk", _vec(1, 0)), "en", _vec(0, 1))
    own = text_evidence(_vec(1, 0.05), "uk", by, None)
    assert own is not None and own.detail.startswith("uk cos=") and own.share > 0.9
    # no account in its language: the closest other language's
    other = text_evidence(_vec(0.1, 1), "ru", by, None)
    assert other is not None and other.detail.startswith("ru~en cos=")
    # an event stored without languages: its one mean embedding
    legacy = text_evidence(_vec(1, 0), "ru", (), _vec(1, 0))
    assert legacy is not None and legacy.share == 1.0
    assert text_evidence(None, "ru", by, None) is None
    assert text_share(0.2) == 0.0 and text_share(0.71) == 1.0


def test_accounts_in_two_languages_link_although_their_wording_shares_little() -> None:
    first = claim("a1", lang="uk")
    event = new_profile("e1", features(first, None, _vec(1, 0)), 0)
    other = claim("a2", lang="de", actors=())
    s, reasons = score(features(other, None, _vec(0, 1)), event)
    assert s >= 0.6 and "de~uk" in _text(reasons)
    assert next(r.weight for r in reasons if r.field == "text") == 0.0
    # a same-language claim with like wording scores higher still
    s_like, _ = score(features(claim("a3", lang="uk", actors=()), None, _vec(1, 0.1)), event)
    assert s_like > s
    grown = absorb(event, features(other, None, _vec(0, 1)))
    assert [code for code, _, _ in grown.lang_embeddings] == ["de", "uk"]


def test_an_undated_account_agrees_on_time_only_weakly() -> None:
    """Same town, day-precise event; an undated report (the fortnight before publication)
    earns the time points, but they weigh a fifth of a dated report's."""
    event = new_profile("e1", features(claim("a1", actors=(), victims=()), None), 0)
    pub = date(2024, 7, 9)
    dated = features(claim("a2", actors=(), victims=()), pub)
    undated = features(claim("a3", day=None, actors=(), victims=()), pub)
    s_dated, r_dated = score(dated, event)
    s_undated, r_undated = score(undated, event)
    t_dated = next(r.weight for r in r_dated if r.field == "time")
    t_undated = next(r.weight for r in r_undated if r.field == "time")
    assert t_undated < t_dated / 3
    assert s_undated < s_dated


def test_an_undated_account_weeks_after_the_event_is_held_against_in_full() -> None:
    event = new_profile("e1", features(claim("a1", actors=(), victims=()), None), 0)
    late = features(claim("a2", day=None, actors=(), victims=()), date(2024, 7, 30))
    s, reasons = score(late, event)
    time = next(r for r in reasons if r.field == "time")
    assert time.detail.startswith("gap=") and time.weight == 0.0
    soon = features(claim("a3", day=None, actors=(), victims=()), date(2024, 7, 9))
    recent, _ = score(soon, event)
    assert s < recent - 0.1


def test_named_days_side_by_side_earn_no_time_points() -> None:
    """'On Friday' and 'on Saturday': not vetoed (two days apart is), but no agreement; a
    night over two dates names both days and agrees with either."""
    friday = new_profile("e1", features(claim("a1", day="2025-05-23"), None), 0)
    s, reasons = score(features(claim("a2", day="2025-05-24"), None), friday)
    assert next(r.detail for r in reasons if r.field == "time") == "next day" and s > 0
    same, _ = score(features(claim("a3", day="2025-05-23"), None), friday)
    assert same > s


def test_the_store_keeps_an_events_languages_and_reads_older_profiles(store_url: str) -> None:
    """Per-language embeddings survive the database (SQLite and PostgreSQL); a profile stored
    before migration 0012 reads back without them and is compared by its one mean."""
    from fogofwar.store import open_store
    from fogofwar.store.link_index import profile_row

    first = features(claim("a1", lang="uk"), None, _vec(1, 0, 0))
    grown = absorb(
        new_profile("e1", first, 0), features(claim("a2", lang="de"), None, _vec(0, 1, 0))
    )
    old = new_profile("e0", features(claim("a0"), None, _vec(0, 0, 1)), 0)
    row = profile_row(old)
    del row["langs"], row["lang_embeddings"], row["districts"]  # columns of later migrations
    from test_store_contract import _store_at

    _store_at(store_url, "0011_rejection_dates", "event_profiles", row)
    with open_store(store_url) as store:
        index = store.events.index
        index.put([grown])
        back = index.get("e1")
        assert back is not None
        assert [(code, n) for code, n, _ in back.lang_embeddings] == [("de", 1), ("uk", 1)]
        pairs = zip(back.lang_embeddings, grown.lang_embeddings, strict=True)
        assert all(np.allclose(a[2], b[2]) for a, b in pairs)
        legacy = index.get("e0")
        assert legacy is not None and legacy.lang_embeddings == ()
        assert legacy.embedding is not None


def test_a_denial_made_as_a_statement_is_compared_with_what_it_denies() -> None:
    """'The government denies that the city fell': the reader makes a statement, denied; it is
    scored against the capture or strike it denies, where an ordinary statement is vetoed."""
    from fogofwar.claim import Certainty, ClaimKind

    event = new_profile("e1", features(claim("a1", kind=ClaimKind.TERRITORIAL_CHANGE), None), 0)
    denial = claim("a2", kind=ClaimKind.STATEMENT, certainty=Certainty.DENIED)
    s, reasons = score(features(denial, None), event)
    assert features(denial, None).group == "violence" and s >= 0.6
    plain = claim("a3", kind=ClaimKind.STATEMENT)
    s_plain, reasons = score(features(plain, None), event)
    assert s_plain == 0.0 and reasons[0].field == "kind"
