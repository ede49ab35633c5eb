"""The services layer on real SQLite: ingest is idempotent, resumable, and stores claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar import services
from fogofwar.model import Article, ReadStatus
from fogofwar.reader import Reader
from fogofwar.store import ClaimFilter, open_store

TEXT = (
    "Angriff auf Depot\n\nMax Muster\n\n12.03.2024\n\n"
    "Bei einem Drohnenangriff auf ein Treibstofflager wurden nach Angaben des Gouverneurs "
    "mindestens drei Menschen verletzt.\n\n"
    "Das Verteidigungsministerium erklärte, die Luftabwehr habe zwölf Drohnen abgeschossen.\n"
)


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "depot.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_ingest_stores_articles_and_claims(tmp_path: Path, source: Path, reader: Reader) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        summary = services.ingest([str(source)], store, reader)
        assert (summary.inserted, summary.existing, summary.rejected) == (1, 0, 0)
        (article,) = store.list_articles(limit=10)
        assert article.read_status is ReadStatus.READ
        claims = store.list_claims(ClaimFilter(article_id=article.id))
        assert summary.claims == len(claims) > 0
        injured = [c.counts.injured for c in claims if c.counts.injured is not None]
        assert injured and injured[0].low == 3 and injured[0].high is None


def test_reingest_changes_nothing(tmp_path: Path, source: Path, reader: Reader) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        services.ingest([str(source)], store, reader)
        before = store.list_claims()
        again = services.ingest([str(source)], store, reader)
        assert (again.inserted, again.existing, again.claims) == (0, 1, 0)
        assert store.list_claims() == before


def test_ingest_resumes_an_article_stored_but_not_read(
    tmp_path: Path, source: Path, reader: Reader
) -> None:
    """A run that died after committing articles but before reading them is completed."""
    (article,) = [a for a in services.extract([str(source)]) if isinstance(a, Article)]
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_articles([article])
        assert store.list_claims() == []
        summary = services.ingest([str(source)], store, reader)
        assert summary.existing == 1 and summary.claims > 0
        stored = store.get_article(article.id)
        assert stored is not None and stored.read_status is ReadStatus.READ


def test_unreadable_language_is_stored_as_not_read(tmp_path: Path, reader: Reader) -> None:
    path = tmp_path / "pt.txt"
    path.write_text(
        "Ataque a um depósito\n\nTrês pessoas ficaram feridas num ataque de drone contra um "
        "depósito de combustível, disse o governador regional na terça-feira à noite.\n",
        encoding="utf-8",
    )
    with open_store(str(tmp_path / "s.db")) as store:
        summary = services.ingest([str(path)], store, reader)
        assert (summary.inserted, summary.not_read, summary.claims) == (1, 1, 0)
        (article,) = store.list_articles(limit=10)
        assert article.read_status is ReadStatus.NOT_READ


def test_count_inputs_walks_directories(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / ".hidden").write_text("x")
    (tmp_path / "y.txt").write_text("y")
    assert services.count_inputs([str(tmp_path)]) == 2
    assert services.count_inputs(["-"]) is None


@pytest.mark.parametrize("sweep", [True, False])
def test_an_upload_links_its_own_articles_and_sweeps_only_when_asked(
    tmp_path: Path, source: Path, reader: Reader, sweep: bool
) -> None:
    """Claims a killed run left unlinked are linked by the end-of-ingest pass; an upload with
    ``sweep=False`` (the server's: its background sweeper does that pass) links only its own."""
    from fogofwar import PIPELINE_VERSION

    with open_store(str(tmp_path / "s.db")) as store:
        services.ingest([str(source)], store, reader, link_events=False)  # a run killed early
        assert store.unlinked_articles(PIPELINE_VERSION)
        other = TEXT.replace("drei", "vier").replace("Depot", "Lager").encode()
        services.ingest_bytes(other, store, reader, source="up.text", fmt="text", sweep=sweep)
        left = store.unlinked_articles(PIPELINE_VERSION)
        assert len(left) == (0 if sweep else 1)
