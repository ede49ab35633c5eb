"""The CLI as people and cron jobs run it: a real process in a pseudo-terminal (80 and 160
columns), with stdout redirected to a file, and piped — never an internal error or traceback.

The in-process ``CliRunner``-style tests in ``test_cli.py`` cannot see failures that only happen
when rich draws to a terminal (the first README command once crashed that way while every
in-process test passed), so these run the installed ``fogofwar`` entry point as a subprocess.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fogofwar.services import shared_dir

SEED = shared_dir() / "examples" / "seed" / "article.txt"
EXE = shutil.which("fogofwar") or str(Path(sys.executable).with_name("fogofwar"))
BAD = ("Internal error", "Traceback")
TIMEOUT = 240.0

DOC = (
    "Drone strike hits fuel depot\n\nJane Roe\n\n12 March 2024\n\n"
    "At least three people were wounded when a drone struck a fuel depot overnight, "
    "the regional governor said on Tuesday. Firefighters worked through the night.\n"
)


def _env(db: Path, columns: int | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["FOGOFWAR_DB"] = str(db)
    env.pop("NO_COLOR", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
        env["LINES"] = "40"
        env["TERM"] = "xterm-256color"
    return env


def run_pty(argv: list[str], db: Path, columns: int) -> tuple[int, str]:
    """Run ``fogofwar argv`` with stdin/stdout/stderr on a pseudo-terminal; return its output."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [EXE, *argv],
        stdin=child,
        stdout=child,
        stderr=child,
        env=_env(db, columns),
        close_fds=True,
    )
    os.close(child)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([main], [], [], TIMEOUT)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=TIMEOUT)
    os.close(main)
    return code, b"".join(chunks).decode("utf-8", "replace")


def run_redirected(argv: list[str], db: Path, tmp: Path) -> tuple[int, str]:
    """Run with stdout redirected to a file (as ``cmd > out.txt`` and cron do)."""
    out = tmp / "out.txt"
    with out.open("wb") as fh:
        proc = subprocess.run(
            [EXE, *argv],
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.PIPE,
            env=_env(db),
            timeout=TIMEOUT,
            check=False,
        )
    return proc.returncode, out.read_text("utf-8", "replace") + proc.stderr.decode(
        "utf-8", "replace"
    )


def run_piped(argv: list[str], db: Path) -> tuple[int, str]:
    """Run with stdout into a pipe (as ``cmd | head`` does)."""
    proc = subprocess.run(
        [EXE, *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=_env(db),
        timeout=TIMEOUT,
        check=False,
    )
    return proc.returncode, (proc.stdout + proc.stderr).decode("utf-8", "replace")


def assert_clean(code: int, out: str, argv: list[str]) -> None:
    for bad in BAD:
        assert bad not in out, f"{' '.join(argv)}: {bad!r} in output:\n{out[-2000:]}"
    assert code == 0, f"{' '.join(argv)} exited {code}:\n{out[-2000:]}"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli-in")
    (d / "depot.txt").write_text(DOC, encoding="utf-8")
    if SEED.exists():
        shutil.copy(SEED, d / "seed.txt")
    return d


@pytest.fixture(scope="module")
def filled_db(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli-db") / "filled.db"
    code, out = run_piped(["ingest", str(inputs)], db)
    assert_clean(code, out, ["ingest"])
    return db


MODES = ["pty80", "pty160", "redirect", "pipe"]


def _run(mode: str, argv: list[str], db: Path, tmp: Path) -> tuple[int, str]:
    if mode.startswith("pty"):
        return run_pty(argv, db, int(mode[3:]))
    if mode == "redirect":
        return run_redirected(argv, db, tmp)
    return run_piped(argv, db)


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_ingest_first_readme_command(mode: str, inputs: Path, tmp_path: Path) -> None:
    """The README's first command, in every way it is run, stores the article."""
    db = tmp_path / "first.db"
    argv = ["ingest", str(inputs / "depot.txt")]
    code, out = _run(mode, argv, db, tmp_path)
    assert_clean(code, out, argv)
    assert "1 new" in out
    code, out = run_piped(["articles"], db)
    assert_clean(code, out, ["articles"])
    assert "fuel depot" in out


QUERIES = [
    ["articles"],
    ["articles", "--search", "drone"],
    ["claims"],
    ["claims", "--kind", "attack"],
    ["rejects"],
    ["events"],
    ["flags"],
    ["export", "--format", "claims-jsonl"],
    ["extract", "{inputs}/depot.txt", "--format", "jsonl"],
]


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("argv", QUERIES, ids=lambda a: "-".join(a)[:40])
def test_readme_queries(
    mode: str, argv: list[str], filled_db: Path, inputs: Path, tmp_path: Path
) -> None:
    """Every query command of the README runs cleanly in a terminal, a file and a pipe."""
    argv = [a.replace("{inputs}", str(inputs)) for a in argv]
    code, out = _run(mode, argv, filled_db, tmp_path)
    assert_clean(code, out, argv)


COMMANDS = [
    [],
    ["ingest"],
    ["extract"],
    ["read"],
    ["articles"],
    ["show"],
    ["rejects"],
    ["claims"],
    ["export"],
    ["events"],
    ["event"],
    ["flags"],
    ["places"],
    ["serve"],
    ["eval"],
    ["bench"],
    ["bench", "startup"],
    ["demo"],
    ["events", "merge"],
    ["train"],
    ["train", "sources"],
    ["train", "cv"],
]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda a: "-".join(a) or "top")
def test_help_in_a_terminal(cmd: list[str], tmp_path: Path) -> None:
    """``--help`` of every command renders at 80 columns without an error."""
    argv = [*cmd, "--help"]
    code, out = run_pty(argv, tmp_path / "h.db", 80)
    assert_clean(code, out, argv)
    assert "Usage" in out


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


def _visible(out: str) -> list[str]:
    return ANSI.sub("", out).splitlines()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (["claims"], "claim_id"),
        (["articles"], "id"),
        (["events"], "event_id"),
        (["claims", "--wide"], "claim_id"),
    ],
    ids=["claims", "articles", "events", "claims-wide"],
)
def test_tables_at_80_columns(argv: list[str], kind: str, filled_db: Path) -> None:
    """One line per row and never wider than the terminal (unless --wide); every id is shown
    whole, as a unique prefix of at least 8 characters."""
    code, out = run_piped([argv[0], "--format", "jsonl"], filled_db)
    assert_clean(code, out, argv)
    ids = [json.loads(line)[kind] for line in out.splitlines() if line.startswith("{")]
    code, out = run_pty(argv, filled_db, 80)
    assert_clean(code, out, argv)
    lines = _visible(out)
    if "--wide" not in argv:
        assert all(len(line) <= 80 for line in lines), "\n".join(lines)
    letter = ids[0][0] if ids else "?"
    rows = [line.split()[0] for line in lines if line[:1] == letter and len(line.split()[0]) >= 8]
    assert len(rows) == len(ids)
    assert all(any(i.startswith(r) for i in ids) for r in rows)
    assert all("…" not in r for r in rows)  # ids are never cut


@pytest.mark.slow
def test_show_by_short_id_in_a_terminal(filled_db: Path) -> None:
    code, out = run_piped(["articles", "--format", "jsonl"], filled_db)
    first = json.loads(out.splitlines()[0])["id"]
    for argv in (["show", first[:8]], ["show", first[:8], "--text"]):
        code, out = run_pty(argv, filled_db, 80)
        assert_clean(code, out, argv)
        text = "\n".join(_visible(out))
        assert "{'" not in text and "Claims are marked" in text


@pytest.mark.slow
def test_marks_without_colour(filled_db: Path) -> None:
    """NO_COLOR in a terminal, or a pipe: the claim marks are text, not colour."""
    code, out = run_piped(["articles", "--format", "jsonl"], filled_db)
    first = json.loads(out.splitlines()[0])["id"]
    code, out = run_piped(["show", first, "--text"], filled_db)
    assert_clean(code, out, ["show --text"])
    assert "\x1b[" not in out and "Claims are marked [n:" in out
    os.environ["NO_COLOR"] = "1"
    try:
        main, child = pty.openpty()
        env = _env(filled_db, 80)
        env["NO_COLOR"] = "1"
        proc = subprocess.run(
            [EXE, "show", first, "--text"],
            stdin=child,
            stdout=child,
            stderr=child,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )
        os.close(child)
        data = os.read(main, 1 << 20).decode("utf-8", "replace")
        os.close(main)
    finally:
        os.environ.pop("NO_COLOR", None)
    assert proc.returncode == 0
    assert "Claims are marked [n:" in ANSI.sub("", data).replace("\n", " ")
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", data)  # no foreground colours


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["pty80", "redirect", "pipe"])
def test_global_options_after_the_command(mode: str, inputs: Path, tmp_path: Path) -> None:
    """``fogofwar ingest x.txt --db my.db -q`` as a person types it."""
    db = tmp_path / "my.db"
    argv = ["ingest", str(inputs / "depot.txt"), "--db", str(db), "-q"]
    code, out = _run(mode, argv, tmp_path / "unused.db", tmp_path)
    assert_clean(code, out, argv)
    assert db.exists() and not (tmp_path / "unused.db").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [["claims", "--kind", "casualty"], ["events", "--country", "Atlantis"], ["show", "nope"]],
)
def test_errors_in_a_terminal_say_what_to_do(argv: list[str], filled_db: Path) -> None:
    code, out = run_pty(argv, filled_db, 80)
    assert code == 1
    text = ANSI.sub("", out)
    for bad in BAD:
        assert bad not in text
    assert "Error:" in text and not re.search(r"\b\w+(Error|Exception)\b", text)
