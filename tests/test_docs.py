"""Every setting the code reads is documented in the README (a datasette habit)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def settings_in_code() -> set[str]:
    names: set[str] = set()
    for folder in ("src", "scripts"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".sh"}:
                names |= set(re.findall(r"FOGOFWAR_[A-Z_]+", path.read_text(encoding="utf-8")))
    return names


def test_code_reads_settings() -> None:
    assert "FOGOFWAR_DB" in settings_in_code()


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in settings_in_code() if f"`{name}`" not in readme)
    assert missing == [], f"document these settings in README.md: {missing}"


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and re.search(r"^make test$", ci, re.M)
