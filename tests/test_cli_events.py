"""The events commands end to end on real SQLite files: JSONL when piped, one-line errors,
exports that load in pandas / json / DuckDB, merge and split, ``--as-of``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from fogofwar.cli import app
from fogofwar.cli.run import run_app
from fogofwar.events.exports_tables import ACLED_COLUMNS
from fogofwar.examples import example_paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_app(app, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def example(name: str) -> str:
    return str(next(p for p in example_paths() if p.name == name))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with two unrelated reports ingested one after the other (module-wide: the
    read-only tests share it; mutating tests copy it)."""
    db = str(tmp_path_factory.mktemp("cli") / "t.db")
    assert run_app(app, ["--db", db, "-q", "ingest", example("en_kyiv_hospital_strike.txt")]) == 0
    assert run_app(app, ["--db", db, "-q", "ingest", example("uk_chernihiv_udar.txt")]) == 0
    return db


@pytest.fixture
def db(filled: str, tmp_path: Path) -> str:
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(filled).read_bytes())
    return str(copy)


def test_events_lists_records_as_jsonl_and_filters(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", filled, "events")
    rows = jsonl(out)
    assert code == 0 and rows and all(r["schema"] == "events-v1" for r in rows)
    code, out, _ = run(capsys, "--db", filled, "events", "--country", "UKR", "--kind", "casualties")
    assert all(r["country"] == "UKR" and r["kind"] == "casualties" for r in jsonl(out))
    code, out, _ = run(
        capsys, "--db", filled, "events", "--since", "2024-07-01", "--until", "2024-07-31"
    )
    assert all("2024-07" in (r["date_start"] or "") for r in jsonl(out))
    code, out, _ = run(capsys, "--db", filled, "events", "--flag", "single_source")
    assert all("single_source" in r["flags"] for r in jsonl(out))


def test_event_shows_claims_lineage_figures_and_flags(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "--db", filled, "events")
    top = max(jsonl(out), key=lambda r: r["killed_high"] or 0)
    code, out, _ = run(capsys, "--db", filled, "event", top["event_id"][:8])
    (detail,) = jsonl(out)
    assert code == 0 and detail["event"]["event_id"] == top["event_id"]
    assert {c["claim_id"] for c in detail["claims"]} == set(top["claim_ids"])
    assert detail["lineage"]["appearances"] and detail["by_source"]
    killed = next(f for f in detail["reconciliation"]["figures"] if f["field"] == "killed")
    assert killed["low"] == top["killed_low"] and killed["best"] == top["killed_best"]
    assert {f["code"] for f in detail["flags"]} >= set(top["flags"]) - {"place_inconsistent"}
    code, out, _ = run(capsys, "--db", filled, "flags")
    assert code == 0 and all({"code", "reason", "spans"} <= set(f) for f in jsonl(out))


def test_exports_load_as_written(
    filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = len(jsonl(run(capsys, "--db", filled, "events")[1]))
    csv, geo, pq = tmp_path / "a.csv", tmp_path / "e.geojson", tmp_path / "e.parquet"
    for fmt, path in (("acled-csv", csv), ("geojson", geo), ("parquet", pq)):
        code, _, err = run(capsys, "--db", filled, "export", "--format", fmt, "-o", str(path))
        assert code == 0 and f"{n} events exported" in err
    frame = pd.read_csv(csv)
    assert list(frame.columns) == ACLED_COLUMNS and len(frame) == n
    collection = json.loads(geo.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == n
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{pq}')").fetchall() == [(n,)]
    code, out, _ = run(capsys, "--db", filled, "export", "--format", "events-jsonl")
    assert code == 0 and len(jsonl(out)) == n
    code, out, _ = run(capsys, "--db", filled, "export", "--format", "plover-json")
    assert code == 0 and len(json.loads(out)) == n
    code, out, _ = run(capsys, "--db", filled, "export", "--format", "ucdp-csv")
    assert code == 0 and out.startswith("id,")
    code, out, _ = run(capsys, "--db", filled, "export")  # claims-jsonl stays the default
    assert code == 0 and "claim_id" in jsonl(out)[0]


def test_exports_filter_and_claims_carry_their_provenance(
    filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", filled, "export", "-f", "events-jsonl", "--country", "UKR")
    rows = jsonl(out)
    assert code == 0 and rows and all(r["country"] == "UKR" for r in rows)
    code, out, _ = run(capsys, "--db", filled, "export", "-f", "events-jsonl", "--kind", "protest")
    assert code == 0 and all(r["kind"] == "protest" for r in jsonl(out))
    code, out, _ = run(
        capsys, "--db", filled, "export", "-f", "events-jsonl", "--since", "2100-01-01"
    )
    assert code == 0 and jsonl(out) == []
    code, out, _ = run(capsys, "--db", filled, "export", "--kind", "attack")
    claims = jsonl(out)
    assert code == 0 and claims and all(c["kind"] == "attack" for c in claims)
    assert all(
        {"outlet", "article_url", "evidence", "event_id", "source_label"} <= set(c) for c in claims
    )
    assert all(c["evidence"] for c in claims)
    path = tmp_path / "claims.parquet"
    code, _, err = run(capsys, "--db", filled, "export", "-f", "claims-parquet", "-o", str(path))
    assert code == 0 and "claims exported" in err
    kinds = duckdb.sql(
        f"SELECT typeof(published), count(*) FROM '{path}' WHERE evidence <> '' GROUP BY 1"
    ).fetchall()
    assert kinds and kinds[0][0] == "DATE"


def test_as_of_shows_the_record_before_the_later_ingest(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = jsonl(run(capsys, "--db", filled, "events")[1])
    first = min(r["valid_from"] for r in rows)
    articles = {a for r in rows for a in r["article_ids"]}
    then = jsonl(run(capsys, "--db", filled, "events", "--as-of", first)[1])
    assert then and {a for r in then for a in r["article_ids"]} < articles
    assert jsonl(run(capsys, "--db", filled, "events", "--as-of", "2000-01-01")[1]) == []
    code, out, _ = run(capsys, "--db", filled, "export", "-f", "events-jsonl", "--as-of", first)
    assert code == 0 and len(jsonl(out)) == len(then)


def test_merge_and_split_persist(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = sorted(jsonl(run(capsys, "--db", db, "events")[1]), key=lambda r: r["event_id"])
    a, b = rows[0], rows[1]
    code, _, err = run(capsys, "--db", db, "events", "merge", a["event_id"], b["event_id"])
    assert code == 0 and a["event_id"] in err
    merged = {r["event_id"]: r for r in jsonl(run(capsys, "--db", db, "events")[1])}
    assert b["event_id"] not in merged
    assert set(b["claim_ids"]) <= set(merged[a["event_id"]]["claim_ids"])
    code, out, _ = run(capsys, "--db", db, "events", "split", a["event_id"], b["claim_ids"][0][:10])
    new_id = out.strip()
    assert code == 0 and new_id.startswith("e")
    # a later ingest re-links; the stored decisions still apply
    assert run(capsys, "--db", db, "-q", "ingest", example("ru_belgorod_obstrel.txt"))[0] == 0
    after = {r["event_id"]: r for r in jsonl(run(capsys, "--db", db, "events")[1])}
    assert after[new_id]["claim_ids"] == [b["claim_ids"][0]]
    assert b["event_id"] not in after


def test_errors_are_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv, needle in (
        (["event", "nope"], "not found"),
        (["events", "--flag", "bogus"], "unknown flag"),
        (["events", "--as-of", "yesterday"], "not a date"),
        (["export", "--format", "xlsx"], "unknown export format"),
        (["events", "merge", "nope", "nada"], "not found"),
    ):
        code, _, err = run(capsys, "--db", db, *argv)
        assert code == 1 and needle in err and len(err.strip().splitlines()) == 1, (argv, err)
        assert "Error:" in err and "NotFoundError" not in err and "ConfigError" not in err, err


def test_unknown_article_is_a_one_line_not_found(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", db, "show", "nope")
    assert code == 1 and "no article" in err and "NotFoundError" not in err, err
    assert len(err.strip().splitlines()) == 1, err
