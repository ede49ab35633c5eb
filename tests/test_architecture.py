"""The house rules that keep the layers apart, checked on the source:

* the database engine (and SQLAlchemy) is reached only inside ``fogofwar/store/``;
* ``cli/`` and ``web/`` reach stored data through ``fogofwar.services`` only;
* the services modules stay small (one concern each, under ~500 lines).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "fogofwar"
STORE = SRC / "store"


def _modules(folder: Path = SRC) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _rel(path: Path) -> str:
    return str(path.relative_to(SRC.parent))


ENGINE = re.compile(r"\.engine\b|\bcreate_engine\b|\bEngine\b")


def test_no_database_engine_outside_store() -> None:
    offenders = []
    for path in _modules():
        if STORE in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        uses_sa = any(m == "sqlalchemy" or m.startswith("sqlalchemy.") for m in _imports(path))
        if uses_sa or ENGINE.search(text):
            offenders.append(_rel(path))
    assert offenders == [], f"reach the database through fogofwar.store only: {offenders}"


@pytest.mark.parametrize("shell", ["cli", "web"])
def test_shells_go_through_services(shell: str) -> None:
    forbidden = ("fogofwar.store", "fogofwar.events.run", "fogofwar.events.memory", "sqlalchemy")
    offenders = {
        _rel(path): sorted(m for m in _imports(path) if m.startswith(forbidden))
        for path in _modules(SRC / shell)
    }
    assert {k: v for k, v in offenders.items() if v} == {}, "call fogofwar.services instead"


def test_shells_call_no_store_methods_directly() -> None:
    # every store operation has a services function; ``store.<method>(`` in a shell bypasses it
    call = re.compile(r"\bstore\.[a-z_]+\(")
    offenders = [
        _rel(p)
        for shell in ("cli", "web")
        for p in _modules(SRC / shell)
        if call.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_services_modules_are_small() -> None:
    sizes = {
        p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in _modules(SRC / "services")
    }
    assert sizes and all(n < 500 for n in sizes.values()), sizes


def test_the_check_catches_an_engine() -> None:
    assert ENGINE.search("label = store.engine.url")
    assert not ENGINE.search("engines of war; store.events")


def test_cli_settings_live_on_the_context_not_in_a_module_global() -> None:
    import importlib

    cli_app = importlib.import_module("fogofwar.cli.app")  # fogofwar.cli.app is the Typer app
    assert cli_app.__file__ is not None
    text = Path(cli_app.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s+global ", text, re.M) and not hasattr(cli_app, "_settings")
