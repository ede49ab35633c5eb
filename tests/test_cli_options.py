"""Options where people type them, tables that fit, errors a person can act on (issue 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fogofwar.cli import app
from fogofwar.cli.run import run_app
from fogofwar.cli.tables import Col, fit_table
from fogofwar.services.countries import country_code

DOC = (
    "Drone strike hits fuel depot\n\nJane Roe\n\n12 March 2024\n\n"
    "At least three people were wounded when a drone struck a fuel depot overnight, "
    "the regional governor said on Tuesday. Firefighters worked through the night.\n\n"
    "The ministry of defence said air defences shot down twelve drones.\n"
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_app(app, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "depot.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path, where: str
) -> None:
    db = str(tmp_path / "my.db")
    opts = ["--db", db, "--quiet"]
    argv = [*opts, "ingest", str(article)] if where == "before" else ["ingest", str(article), *opts]
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    assert "1 new" in err and "my.db" in err
    assert Path(db).exists() and not (tmp_path / "fogofwar.db").exists()
    code, out, _ = run(capsys, "articles", "--db", db)
    assert code == 0 and len(out.splitlines()) == 1


def test_global_options_on_subgroups_and_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "link", "--help")
    assert code == 0
    assert "--db" in out and "--quiet" in out and "--debug" in out


def test_a_later_db_wins(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    code, _, err = run(capsys, "--db", str(first), "claims", "--db", str(second))
    assert code == 0, err
    assert second.exists() and not first.exists()


@pytest.fixture
def filled(capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path) -> str:
    db = str(tmp_path / "filled.db")
    run(capsys, "--db", db, "-q", "ingest", str(article))
    return db


def test_limit_cut_is_announced_on_stderr(capsys: pytest.CaptureFixture[str], filled: str) -> None:
    _, out, _ = run(capsys, "--db", filled, "claims")
    n = len(out.splitlines())
    assert n >= 2
    _, out, err = run(capsys, "--db", filled, "claims", "--limit", "1")
    assert len(out.splitlines()) == 1
    assert "first 1 claims (--limit 1)" in " ".join(err.split())
    _, _, err = run(capsys, "--db", filled, "claims", "--limit", str(n))
    assert "--limit" not in err  # nothing was cut


def test_tables_fit_80_columns_with_whole_short_ids(
    capsys: pytest.CaptureFixture[str], filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run(capsys, "--db", filled, "claims", "--format", "jsonl")
    ids = [json.loads(line)["claim_id"] for line in out.splitlines()]
    code, table, _ = run(capsys, "--db", filled, "claims", "--format", "table")
    assert code == 0
    lines = ANSI.sub("", table).splitlines()
    assert all(len(line) <= 80 for line in lines), table
    shown = [line.split()[0] for line in lines if line[:1] == "c"]
    assert len(shown) == len(ids)  # one line per claim
    assert all(len(s) >= 8 and any(i.startswith(s) for i in ids) for s in shown)
    # the short prefix is accepted wherever an id is
    _, out, _ = run(capsys, "--db", filled, "articles", "--format", "table")
    short = next(line.split()[0] for line in out.splitlines() if line.startswith("a"))
    code, _, err = run(capsys, "--db", filled, "claims", "--article", short)
    assert code == 0, err


def test_show_header_is_text_and_marks_work_without_colour(
    capsys: pytest.CaptureFixture[str], filled: str
) -> None:
    _, out, _ = run(capsys, "--db", filled, "articles")
    article_id = json.loads(out)["id"]
    code, out, _ = run(capsys, "--db", filled, "show", article_id[:8])
    assert code == 0
    assert "{'" not in out and "published" in out and "2024-03-12" in out
    code, out, _ = run(capsys, "--db", filled, "show", article_id, "--text")
    assert code == 0
    assert "\x1b[" not in out  # not a terminal: no colour, and none needed
    assert "Claims are marked [n: … :n]" in " ".join(out.split())
    assert re.search(r"\[(\d+):.+?:\1\]", out, re.S)


def test_wide_keeps_every_value(
    capsys: pytest.CaptureFixture[str], filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run(capsys, "--db", filled, "claims", "--format", "jsonl")
    claim_ids = [json.loads(line)["claim_id"] for line in out.splitlines()]
    _, narrow, _ = run(capsys, "--db", filled, "claims", "-f", "table")
    _, wide, _ = run(capsys, "--db", filled, "claims", "-f", "table", "--wide")
    assert "actors" not in narrow and "actors" in wide and "cue" in wide
    assert all(len(line) <= 60 for line in narrow.splitlines())
    assert sum(line.startswith("c") for line in wide.splitlines()) == len(claim_ids)


def test_fit_table_cuts_with_an_ellipsis_never_an_id() -> None:
    from rich.console import Console

    cols = [Col("id", keep=True), Col("name", flex=True), Col("note", flex=True, drop=1)]
    rows = [["a1b2c3d4e5", "Головне управління розвідки Міноборони України", "x" * 50]]
    console = Console(width=40, record=True, color_system=None)
    console.print(fit_table(cols, rows, width=40))
    text = console.export_text()
    assert "a1b2c3d4e5" in text and "…" in text
    assert all(len(line) <= 40 for line in text.splitlines())
    assert len([line for line in text.splitlines() if line.startswith("a1")]) == 1


@pytest.mark.parametrize(
    "name",
    ["UA", "ua", "UKR", "Ukraine", "Украина", "Україна", "ukraine ", "Ukraina"],
)
def test_countries_by_code_or_name(name: str) -> None:
    assert country_code(name) in ("UKR", None)
    if name != "Ukraina":
        assert country_code(name) == "UKR"


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("DE", "DEU"),
        ("Deutschland", "DEU"),
        ("Германия", "DEU"),
        ("Німеччина", "DEU"),
        ("RUS", "RUS"),
        ("Россия", "RUS"),
        ("Росія", "RUS"),
        ("United Kingdom", "GBR"),
        ("Großbritannien", "GBR"),
        ("Atlantis", None),
    ],
)
def test_country_names_in_four_languages(name: str, iso3: str | None) -> None:
    assert country_code(name) == iso3
