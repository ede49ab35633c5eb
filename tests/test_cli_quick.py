"""The quick start path of ``extract`` and ``read``: same results as the Typer app, less loaded."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fogofwar.cli import app
from fogofwar.cli.quick import parse_quick, quick_run
from fogofwar.cli.run import run_app

TEXT = (
    "Drone strike hits fuel depot\n\nJane Roe\n\n12 March 2024\n\n"
    "At least three people were wounded when a drone struck a fuel depot overnight, "
    "the regional governor said on Tuesday. Firefighters worked through the night.\n"
)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["extract", "a.txt"], ("extract", ["a.txt"], {})),
        (["--db", "x.db", "extract", "a.txt", "-q"], ("extract", ["a.txt"], {})),
        (
            ["extract", "a.txt", "--format=table", "-w"],
            ("extract", ["a.txt"], {"fmt": "table", "wide": True}),
        ),
        (["extract", "-j", "2", "a", "b"], ("extract", ["a", "b"], {"jobs": 2})),
        (
            ["extract", "--field", "text=body", "--field", "title=h", "a"],
            ("extract", ["a"], {"fields": ["text=body", "title=h"]}),
        ),
        (["extract", "--", "-odd-name.txt"], ("extract", ["-odd-name.txt"], {})),
        (["extract", "-"], ("extract", ["-"], {})),
        (
            ["read", "a.txt", "--engine", "inline", "--timeout", "5"],
            ("read", ["a.txt"], {"engine": "inline", "timeout": 5.0}),
        ),
        (
            ["read", "a.txt", "--allow-host", "10.0.0.0/8"],
            ("read", ["a.txt"], {"allow_hosts": ["10.0.0.0/8"]}),
        ),
        (["--debug", "read", "a.txt"], ("read", ["a.txt"], {})),
        # left to Typer: help, unknown options, bad values, no input, other commands
        (["extract", "--help"], None),
        (["extract"], None),
        (["extract", "a.txt", "--bogus"], None),
        (["extract", "a.txt", "--jobs", "0"], None),
        (["extract", "a.txt", "--jobs"], None),
        (["extract", "a.txt", "--wide=yes"], None),
        (["extract", "a.txt", "--engine", "inline"], None),
        (["read", "a.txt", "--timeout", "0"], None),
        (["read", "a.txt", "--timeout", "nan"], None),
        (["ingest", "a.txt"], None),
        (["--db", "x.db"], None),
        ([], None),
    ],
)
def test_parse_quick(
    argv: list[str], expected: tuple[str, list[str], dict[str, object]] | None
) -> None:
    parsed = parse_quick(argv)
    if expected is None:
        assert parsed is None
    else:
        assert parsed is not None
        assert (parsed.command, parsed.inputs, parsed.options) == expected
        assert parsed.debug == ("--debug" in argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "{file}"],
        ["extract", "{file}", "--format", "jsonl", "--jobs", "1"],
        ["--db", "unused.db", "extract", "{file}", "{missing}"],
        ["extract", "{missing}"],
        ["extract", "{file}", "--format", "xml"],
        ["read", "{file}", "--engine", "inline"],
    ],
)
def test_quick_path_answers_as_typer_does(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "depot.txt"
    path.write_text(TEXT, encoding="utf-8")
    args = [a.format(file=path, missing=tmp_path / "nope.txt") for a in argv]
    quick = quick_run(args)
    quick_out, quick_err = capsys.readouterr()
    typer_code = run_app(app, args)
    typer_out, typer_err = capsys.readouterr()
    assert quick == typer_code
    assert _untimed(quick_out) == _untimed(typer_out)
    assert quick_err == typer_err


def _untimed(out: str) -> str:
    """Output without the rejection times (the two runs are a moment apart)."""
    return re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+\+00:00", "<time>", out)


def test_extract_loads_no_cli_framework_store_or_events(tmp_path: Path) -> None:
    path = tmp_path / "depot.txt"
    path.write_text(TEXT, encoding="utf-8")
    probe = (
        "import sys, json\n"
        "sys.argv = ['fogofwar', 'extract', sys.argv[1]]\n"
        "from fogofwar.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('typer', 'rich', 'pydantic', 'fogofwar.store', 'fogofwar.events', "
        "'fogofwar.reader', 'fogofwar.nlp.pipeline', 'sqlalchemy')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
        "    or any(m == h or m.startswith(h + '.') for h in heavy))))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True
    )
    lines = run.stdout.strip().splitlines()
    assert json.loads(lines[0])["title"] == "Drone strike hits fuel depot"
    assert json.loads(lines[-1]) == []
