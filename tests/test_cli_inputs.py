"""The CLI on the inputs analysts have: Telegram exports and CSV tables into a fresh SQLite db,
``articles --publisher``, ``--field`` mappings, and the publisher on every exported claim."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from fogofwar.cli import app
from fogofwar.cli.run import run_app

INPUTS = Path(str(files("fogofwar.examples").joinpath("inputs")))
TELEGRAM = INPUTS / "telegram_result.json"
REPORTS = INPUTS / "reports.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_app(app, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "inputs.db")


def test_ingest_telegram_and_csv_then_filter_by_publisher(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(
        capsys, "--db", db, "--quiet", "ingest", "--no-claims", str(TELEGRAM), str(REPORTS)
    )
    assert code == 0, err
    assert "12 new" in err and "8 rejected" in err
    code, out, _ = run(capsys, "--db", db, "articles", "--publisher", "вартові")
    rows = jsonl(out)
    assert len(rows) == 6 and {r["publisher"] for r in rows} == {"Вартові Півдня"}
    assert all(str(r["url"]).startswith("https://t.me/c/1874203951/") for r in rows)
    assert all(str(r["published_at"]).endswith("+03:00") for r in rows)
    forwarded = [r for r in rows if r.get("forwarded_from")]
    assert [r["forwarded_from"] for r in forwarded] == ["Центр протидії дезінформації"]
    code, out, _ = run(capsys, "--db", db, "articles", "--publisher", "Example Wire")
    assert [r["url"] for r in jsonl(out)] == ["https://example.org/kyiv-region/debris"]
    code, out, _ = run(capsys, "--db", db, "rejects")
    csv_lines = sorted(
        str(r["input"]).rsplit(":", 1)[1] for r in jsonl(out) if ".csv:" in str(r["input"])
    )
    assert csv_lines == ["6", "7", "8"]


def test_field_option_maps_json_keys(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        json.dumps({"headline_text": "Port hit", "story": "A drone hit the port.", "site": "W"})
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 1 and jsonl(out)[0]["rejected"]["reason"] == "no_text"
    code, out, err = run(
        capsys,
        "extract",
        str(path),
        "--field",
        "text=story",
        "--field",
        "title=headline_text",
        "--field",
        "publisher=site",
    )
    assert code == 0, err
    [record] = jsonl(out)
    assert (record["title"], record["text"], record["publisher"]) == (
        "Port hit",
        "A drone hit the port.",
        "W",
    )
    code, _, err = run(capsys, "extract", str(path), "--field", "body=story")
    assert code != 0 and "unknown field 'body'" in err and "Traceback" not in err


def test_exported_claims_carry_the_publisher(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--db", db, "--quiet", "ingest", str(TELEGRAM))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "export")
    claims = jsonl(out)
    assert claims, "the bundled posts make claims"
    articles = {r["id"]: r for r in jsonl(run(capsys, "--db", db, "articles")[1])}
    for claim in claims:
        assert claim["schema"] == "claims-v1"
        assert claim["publisher"] == articles[str(claim["article_id"])]["publisher"]
    code, out, _ = run(capsys, "--db", db, "claims")
    assert {c["publisher"] for c in jsonl(out)} <= {"Вартові Півдня", "Сводки Приграничья"}
