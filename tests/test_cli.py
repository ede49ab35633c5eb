"""The CLI end to end, on real SQLite files: one line per error, JSONL when piped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fogofwar.cli import app
from fogofwar.cli.run import run_app


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_app(app, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "t.db")


GOOD_EN = (
    "Drone strike hits fuel depot\n\nJane Roe\n\n12 March 2024\n\n"
    "At least three people were wounded when a drone struck a fuel depot overnight, "
    "the regional governor said on Tuesday. Firefighters worked through the night.\n\n"
    "The ministry of defence said air defences shot down twelve drones.\n"
)


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    files = {
        "good": d / "good.txt",
        "empty": d / "empty.txt",
        "binary": d / "blob.bin",
        "bad_json": d / "mixed.jsonl",
        "broken_html": d / "broken.html",
        "latin1": d / "latin1.txt",
    }
    files["good"].write_text(GOOD_EN, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 40)
    files["bad_json"].write_text(
        json.dumps({"title": "Strike on depot", "text": "A strike was reported. " * 20})
        + "\n{not json\n"
        + json.dumps({"title": "Talks resume", "text": "Delegations met on Monday. " * 20})
        + "\n",
        encoding="utf-8",
    )
    files["broken_html"].write_bytes(b"<html><body><div><p>\x00\x00<<<</span")
    files["latin1"].write_bytes(
        "Angriff auf Stadt\n\nDie Behörden meldeten am Montag schwere Schäden an Gebäuden "
        "und Straßen. Mehrere Menschen wurden verletzt, hieß es.\n".encode("latin-1")
    )
    return files


def test_extract_prints_jsonl_articles(
    capsys: pytest.CaptureFixture[str], batch: dict[str, Path]
) -> None:
    code, out, _ = run(capsys, "extract", str(batch["good"]), "--format", "jsonl")
    assert code == 0
    (rec,) = jsonl(out)
    assert rec["title"] == "Drone strike hits fuel depot"
    assert rec["language"] == "en"
    assert str(rec["text"]).startswith("At least three people")


def test_ingest_batch_stores_good_inputs_and_rejections(
    capsys: pytest.CaptureFixture[str], batch: dict[str, Path], db: str
) -> None:
    code, _, err = run(capsys, "--db", db, "--quiet", "ingest", str(batch["good"].parent))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "articles")
    titles = {r["title"] for r in jsonl(out)}
    assert {"Drone strike hits fuel depot", "Strike on depot", "Talks resume"} <= titles
    latin = [r for r in jsonl(out) if r["language"] == "de"]
    assert latin, "Latin-1 German text must be decoded, not rejected"
    code, out, _ = run(capsys, "--db", db, "rejects")
    reasons = {r["reason"] for r in jsonl(out)}
    assert {"empty", "binary", "malformed_json"} <= reasons
    assert reasons & {"malformed_html", "no_text", "binary"}


def test_ingest_is_idempotent(
    capsys: pytest.CaptureFixture[str], batch: dict[str, Path], db: str
) -> None:
    run(capsys, "--db", db, "-q", "ingest", str(batch["good"]))
    code, _, err = run(capsys, "--db", db, "-q", "ingest", str(batch["good"]))
    assert code == 0
    assert "0 new, 1 already stored" in err
    _, out, _ = run(capsys, "--db", db, "articles")
    assert len(jsonl(out)) == 1


def test_show_raw_is_the_stored_body(
    capsys: pytest.CaptureFixture[str], batch: dict[str, Path], db: str
) -> None:
    run(capsys, "--db", db, "-q", "ingest", str(batch["good"]))
    _, out, _ = run(capsys, "--db", db, "articles")
    (rec,) = jsonl(out)
    code, text, _ = run(capsys, "--db", db, "show", str(rec["id"]), "--raw")
    assert code == 0
    assert text.startswith("At least three people") and "Jane Roe" not in text


def test_private_url_is_rejected_not_fetched(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, _ = run(capsys, "--db", db, "-q", "ingest", "http://127.0.0.1:9/x", "http://10.1.2.3/")
    assert code == 0
    _, out, _ = run(capsys, "--db", db, "rejects")
    assert [r["reason"] for r in jsonl(out)] == ["forbidden_address", "forbidden_address"]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["show", "nope"], "no article"),
        (["articles", "--since", "yesterday"], "YYYY-MM-DD"),
        (["extract", "x", "--format", "xml"], "unknown --format"),
        (["claims", "--kind", "casualty"], "did you mean casualties? use one of armed_clash"),
        (["claims", "--certainty", "sure"], "use one of"),
        (["events", "--kind", "fight"], "use one of armed_clash"),
        (["events", "--flag", "nope"], "unknown flag 'nope': use one of headline_overstates"),
        (["events", "--country", "Atlantis"], "unknown country 'Atlantis'"),
        (["flags", "--code", "nope"], "use one of headline_overstates"),
        (["claims", "--format", "xml"], "use one of table, jsonl"),
        (["events", "--published-before", "soon"], "YYYY-MM-DD"),
    ],
)
def test_errors_are_one_line_with_nonzero_exit(
    capsys: pytest.CaptureFixture[str], db: str, argv: list[str], needle: str
) -> None:
    code, _, err = run(capsys, "--db", db, *argv)
    assert code != 0
    assert needle in " ".join(err.split())
    assert "Traceback" not in err
    assert not re.search(r"\b[A-Z][A-Za-z]*(Error|Exception)\b", err), err  # no class names


def test_missing_file_is_a_rejection_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 1
    (rec,) = jsonl(out)
    assert rec["rejected"]["reason"] == "not_found"  # type: ignore[index]


def test_rejected_page_shows_its_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    """A page with a date in its markup and no article text: the rejection carries the date
    in ``extract``'s JSON, in the store and in the rejections table."""
    page = tmp_path / "app.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Live</title>"
        '<meta property="article:published_time" content="2025-04-17T08:30:00+00:00">'
        '</head><body><div id="app"></div></body></html>',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", str(page), "--format", "jsonl")
    (rec,) = jsonl(out)
    assert code == 1 and rec["rejected"] == rec["rejected"] | {  # type: ignore[operator]
        "reason": "no_text",
        "published": "2025-04-17",
    }
    run(capsys, "--db", db, "-q", "ingest", str(page))
    _, out, _ = run(capsys, "--db", db, "rejects")
    assert [(r["reason"], r["published"]) for r in jsonl(out)] == [("no_text", "2025-04-17")]
    _, out, _ = run(capsys, "--db", db, "rejects", "--format", "table", "--wide")
    assert "2025-04-17" in out


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [["bench", "ingest", "-n", "5"], ["bench", "read", "-n", "3"], ["bench", "actors", "-n", "4"]],
)
def test_bench_prints_figures(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "items/s" in out and "peak RSS" in out
